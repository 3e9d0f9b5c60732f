import CovenantEval
import CovenantLang

/// Diagnostics as a SARIF 2.1.0 log, so code-review tools show findings on the line.
enum SARIF {
    static func log(_ diagnostics: [Diagnostic]) -> JSONValue {
        let codes = DiagnosticCode.allCases.filter { code in diagnostics.contains { $0.code == code } }
        let rules: [JSONValue] = codes.map { code in
            var properties: [(String, JSONValue)] = []
            let language = diagnostics.first { $0.code == code }?.language ?? .en
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
        let results: [JSONValue] = diagnostics.map { d in
            var text = d.message
            if let help = d.help { text += " (\(help))" }
            var result: [(String, JSONValue)] = [
                ("ruleId", .string(d.code.rawValue)),
                ("ruleIndex", .integer(codes.firstIndex(of: d.code) ?? 0)),
                ("level", .string(level(d.severity))),
                ("message", .object([("text", .string(text))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    ("artifactLocation", .object([("uri", .string(d.range.file))])),
                                    (
                                        "region",
                                        .object([
                                            ("startLine", .integer(d.range.start.line)),
                                            ("startColumn", .integer(d.range.start.column)),
                                            ("endLine", .integer(d.range.end.line)),
                                            ("endColumn", .integer(max(d.range.end.column, d.range.start.column))),
                                        ])
                                    ),
                                ])
                            )
                        ])
                    ])
                ),
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
                        ("results", .array(results)),
                    ])
                ])
            ),
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
