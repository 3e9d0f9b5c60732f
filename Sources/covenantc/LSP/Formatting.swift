import CovenantEval
import CovenantLang

/// Formatting: `covenantc fmt`'s canonical layout, as one edit that replaces the document (none
/// when it is formatted already). In a literate covenant only the covenant blocks change. A
/// covenant with syntax errors is left as it is, and the editor is told why.
extension LanguageServer {
    mutating func formatting(_ params: JSONValue?) throws(RequestError) -> JSONValue {
        let uri = try uri(params, "textDocument/formatting")
        let outcome = withDocument(uri) { document, preference -> (bytes: [UInt8]?, language: Language) in
            let analysis = document.analysed(preference)
            // As `fmt` decides: the parser's errors, and in a literate covenant a block that
            // does not hold whole declarations (or a block never closed).
            let parsed = Parser.parse(analysis.source, preference: preference)
            var errors = parsed.diagnostics.filter { $0.severity == .error }
            if let literate = analysis.literate {
                if literate.unclosedFence != nil { errors += analysis.diagnostics }
                if let file = parsed.file { errors += literate.structureDiagnostics(file) }
            }
            guard let file = parsed.file, errors.isEmpty else { return (nil, analysis.language) }
            return (analysis.literate.map { $0.formatted(file) } ?? Array(Printer.print(file).utf8), analysis.language)
        }
        guard let outcome, let document = documents[uri] else { return .array([]) }
        guard let bytes = outcome.bytes else {
            let message = CommandWords.text("fmt.syntaxErrors", outcome.language, document.path)
            send(notification: "window/showMessage", .object([("type", .integer(2)), ("message", .string(message))]))
            return .array([])
        }
        guard bytes != document.text.bytes else { return .array([]) }
        let whole: JSONValue = .object([("start", DocumentText.position(0, 0)), ("end", document.text.end)])
        return .array([.object([("range", whole), ("newText", .string(String(decoding: bytes, as: UTF8.self)))])])
    }
}
