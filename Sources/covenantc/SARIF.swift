import CovenantEval
import CovenantLang

/// Diagnostics as a SARIF 2.1.0 log, so code-review tools show findings on the line.
enum SARIF {
    /// A guarantee that holds in every case: a result of kind "pass" for rule G101, so review
    /// tools list the covenant's kept promises beside its findings.
    struct Pass {
        var message: String
        var range: SourceRange
        var language: Language
    }

    static func log(_ diagnostics: [Diagnostic], passes: [Pass] = []) -> JSONValue {
        let codes = DiagnosticCode.allCases.filter { code in
            diagnostics.contains { $0.code == code } || (code == .guaranteeRefuted && !passes.isEmpty)
        }
        let rules: [JSONValue] = codes.map { code in
            var properties: [(String, JSONValue)] = []
            let language = diagnostics.first { $0.code == code }?.language ?? passes.first?.language ?? .en
            if let principle = code.principle(in: language) { properties.append(("principle", .string(principle))) }
            return .object([
                ("id", .string(code.rawValue)),
                ("shortDescription", .object([("text", .string(code.summary(in: language)))])),
                (
                    "fullDescription",
                    .object([("text", .string(code.rationale(in: language) ?? code.summary(in: language)))])
                ),
                ("defaultConfiguration", .object([("level", .string(level(code.defaultSeverity)))])),
                ("properties", .object(properties)),
            ])
        }
        let passResults: [JSONValue] = passes.map { pass in
            .object([
                ("ruleId", .string(DiagnosticCode.guaranteeRefuted.rawValue)),
                ("ruleIndex", .integer(codes.firstIndex(of: .guaranteeRefuted) ?? 0)),
                ("kind", .string("pass")), ("level", .string("none")),
                ("message", .object([("text", .string(pass.message))])),
                ("locations", .array([location(pass.range)])),
            ])
        }
        let results: [JSONValue] = diagnostics.map { d in
            var text = d.message
            if let help = d.help { text += " (\(help))" }
            var result: [(String, JSONValue)] = [
                ("ruleId", .string(d.code.rawValue)),
                ("ruleIndex", .integer(codes.firstIndex(of: d.code) ?? 0)),
                ("level", .string(level(d.severity))),
                ("message", .object([("text", .string(text))])),
                ("locations", .array([location(d.range)])),
            ]
            if let witness = d.witness { result.append(("properties", .object([("witness", .string(witness))]))) }
            if let reason = d.acknowledgement {
                result.append(
                    (
                        "suppressions",
                        .array([.object([("kind", .string("inSource")), ("justification", .string(reason))])])
                    ))
            }
            return .object(result)
        }
        return .object([
            ("version", .string("2.1.0")),
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            (
                "runs",
                .array([
                    .object([
                        (
                            "tool",
                            .object([
                                (
                                    "driver",
                                    .object([
                                        ("name", .string("covenantc")), ("version", .string(CLI.version)),
                                        ("informationUri", .string("https://example.invalid/covenant")),
                                        ("rules", .array(rules)),
                                    ])
                                )
                            ])
                        ),
                        ("results", .array(results + passResults)),
                    ])
                ])
            ),
        ])
    }

    static func location(_ range: SourceRange) -> JSONValue {
        .object([
            (
                "physicalLocation",
                .object([
                    ("artifactLocation", .object([("uri", .string(range.file))])),
                    (
                        "region",
                        .object([
                            ("startLine", .integer(range.start.line)), ("startColumn", .integer(range.start.column)),
                            ("endLine", .integer(range.end.line)),
                            ("endColumn", .integer(max(range.end.column, range.start.column))),
                        ])
                    ),
                ])
            )
        ])
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
