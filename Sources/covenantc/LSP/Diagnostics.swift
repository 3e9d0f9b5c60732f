import CovenantEval
import CovenantLang
import Foundation

/// Diagnostics as the protocol carries them, and the quick fixes made from their fix-its. A
/// diagnostic's message holds what `covenantc check` prints below it: the help, the witness
/// query, the principle and seed it rests on, and for an acknowledged finding its reason;
/// notes that point somewhere are related information. `data` carries the same for programs.
enum DiagnosticsFeature {
    /// `textDocument/publishDiagnostics` with what is known of the document's diagnostics.
    static func publish(_ document: inout OpenDocument) -> JSONValue {
        let diagnostics = document.knownDiagnostics
        document.publishedErrors = diagnostics.hasErrors
        let text = document.text, uri = document.uri
        return JSONRPC.notification(
            "textDocument/publishDiagnostics",
            .object([
                ("uri", .string(uri)), ("version", .integer(document.version)),
                ("diagnostics", .array(diagnostics.map { encode($0, text, uri) })),
            ]))
    }

    /// The protocol's severities: 1 error, 2 warning, 3 information, 4 hint (an acknowledged finding).
    static func severity(_ d: Diagnostic) -> Int {
        if d.acknowledgement != nil { return 4 }
        switch d.severity {
        case .error: return 1
        case .warning: return 2
        case .note: return 3
        }
    }

    static func encode(_ d: Diagnostic, _ text: DocumentText, _ uri: String) -> JSONValue {
        let words = Words(d.language)
        var message = d.message
        if let help = d.help { message += "\n\(words("render.help")): \(help)" }
        if let witness = d.witness { message += "\n\(words("render.witness")): \(witness)" }
        let principle = d.code.principle(in: d.language)
        if let principle { message += "\n\(words("render.principle")): \(principle)" }
        if let reason = d.acknowledgement { message += "\n\(words("render.acknowledgedBecause")): \(reason)" }
        for note in d.notes where note.range == nil { message += "\n\(words("render.note")): \(note.message)" }
        var pairs: [(String, JSONValue)] = [
            ("range", text.range(d.range)), ("severity", .integer(severity(d))), ("code", .string(d.code.rawValue)),
            ("source", .string("covenantc")), ("message", .string(message)),
        ]
        let related = d.notes.compactMap { note in
            note.range.map { r in
                JSONValue.object([
                    ("location", LanguageServer.location(uri, text.range(r))), ("message", .string(note.message)),
                ])
            }
        }
        if !related.isEmpty { pairs.append(("relatedInformation", .array(related))) }
        var data: [(String, JSONValue)] = []
        if let fix = d.fix {
            data.append(
                ("fix", .object([("range", text.range(fix.range)), ("newText", .string(fix.replacement))])))
        }
        if let witness = d.witness { data.append(("witness", .string(witness))) }
        if let principle { data.append(("principle", .string(principle))) }
        if let reason = d.acknowledgement { data.append(("acknowledged", .string(reason))) }
        if !data.isEmpty { pairs.append(("data", .object(data))) }
        return .object(pairs)
    }

    /// Whether two ranges of compiler locations (line, column) share a point, ends included.
    static func overlaps(_ r: SourceRange, _ from: (Int, Int), _ to: (Int, Int)) -> Bool {
        (r.start.line, r.start.column) <= to && from <= (r.end.line, r.end.column)
    }
}

extension LanguageServer {
    /// `textDocument/codeAction`: a quick fix for each diagnostic in the range that has a fix-it.
    mutating func codeActions(_ params: JSONValue?) throws(RequestError) -> JSONValue {
        let method = "textDocument/codeAction"
        let uri = try uri(params, method)
        guard let start = DocumentText.read(params?.at("range", "start")),
            let end = DocumentText.read(params?.at("range", "end"))
        else { throw RequestError(code: JSONRPC.invalidParams, message: text("lsp.error.params", method, "range")) }
        if let only = params?.at("context", "only")?.arrayValue,
            !only.contains(where: { $0.stringValue.map { "quickfix".hasPrefix($0) } ?? false })
        {
            return .array([])
        }
        return withDocument(uri) { document, preference in
            _ = document.analysed(preference)
            let diagnostics = document.knownDiagnostics
            let text = document.text
            let from = text.location(line: start.line, character: start.character)
            let to = text.location(line: end.line, character: end.character)
            var actions: [JSONValue] = []
            for d in diagnostics {
                guard let fix = d.fix,
                    DiagnosticsFeature.overlaps(d.range, (from.line, from.column), (to.line, to.column))
                else { continue }
                let original = Self.written(fix.range, in: text)
                let shown = fix.replacement.trimmingCharacters(in: .whitespacesAndNewlines)
                let title =
                    fix.replacement.isEmpty
                    ? CommandWords.text("lsp.fix.delete", d.language, original)
                    : original.isEmpty
                        ? CommandWords.text("lsp.fix.insert", d.language, shown)
                        : CommandWords.text("lsp.fix.replace", d.language, shown)
                let edit: JSONValue = .object([("range", text.range(fix.range)), ("newText", .string(fix.replacement))])
                actions.append(
                    .object([
                        ("title", .string(title)), ("kind", .string("quickfix")),
                        ("diagnostics", .array([DiagnosticsFeature.encode(d, text, uri)])),
                        ("isPreferred", .bool(true)),
                        ("edit", .object([("changes", .object([(uri, .array([edit]))]))])),
                    ]))
            }
            return .array(actions)
        } ?? .array([])
    }

    /// The text a range of the compiler's covers in the document.
    static func written(_ range: SourceRange, in text: DocumentText) -> String {
        let a = text.position(line: range.start.line, column: range.start.column)
        let b = text.position(line: range.end.line, column: range.end.column)
        let from = text.location(line: a.line, character: a.character).offset
        let to = text.location(line: b.line, character: b.character).offset
        guard from < to else { return "" }
        return String(decoding: text.bytes[from..<to], as: UTF8.self)
    }
}
