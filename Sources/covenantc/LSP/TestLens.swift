import CovenantEval
import CovenantLang

/// A code lens on each test block that runs the file's tests (`covenant.runTests`, as
/// `covenantc test` runs them), and afterwards shows each test's outcome until the next change.
/// The run is reported in a message (the totals and each failure) and in the command's result.
extension LanguageServer {
    mutating func codeLenses(_ params: JSONValue?) throws(RequestError) -> JSONValue {
        let uri = try uri(params, "textDocument/codeLens")
        return withDocument(uri) { document, preference in
            let analysis = document.analysed(preference)
            guard let syntax = analysis.syntax else { return .array([]) }
            let words = Words(analysis.language)
            var lenses: [JSONValue] = []
            for case .test(let test) in syntax.declarations {
                var title = CommandWords.text("lsp.lens.run", words.language)
                if let outcome = document.testOutcomes?.first(where: { $0.range.start.line == test.range.start.line }) {
                    title =
                        outcome.failure == nil
                        ? CommandWords.text("lsp.lens.passed", words.language, outcome.got)
                        : CommandWords.text("lsp.lens.failed", words.language, outcome.expected, outcome.got)
                }
                let command: JSONValue = .object([
                    ("title", .string(title)), ("command", .string(Self.runTests)),
                    ("arguments", .array([.string(uri)])),
                ])
                lenses.append(.object([("range", document.text.range(test.title.range)), ("command", command)]))
            }
            return .array(lenses)
        } ?? .array([])
    }

    /// `workspace/executeCommand`: `covenant.runTests` with the document's URI.
    mutating func executeCommand(_ params: JSONValue?) throws(RequestError) -> JSONValue {
        let method = "workspace/executeCommand"
        guard let command = params?["command"]?.stringValue else {
            throw RequestError(code: JSONRPC.invalidParams, message: text("lsp.error.params", method, "command"))
        }
        guard command == Self.runTests else {
            throw RequestError(code: JSONRPC.invalidParams, message: text("lsp.error.unknownCommand", command))
        }
        let argument = params?["arguments"]?.arrayValue?.first
        guard let uri = argument?.stringValue ?? argument?["uri"]?.stringValue else {
            throw RequestError(code: JSONRPC.invalidParams, message: text("lsp.error.params", method, "arguments"))
        }
        guard documents[uri] != nil else {
            throw RequestError(code: JSONRPC.invalidParams, message: text("lsp.error.notOpen", uri))
        }
        let run = withDocument(uri) {
            document, preference -> (report: TestRunner.Report?, language: Language, path: String) in
            let analysis = document.analysed(preference)
            guard let model = analysis.model, let table = document.table(preference) else {
                return (nil, analysis.language, document.path)
            }
            let report = TestRunner(model: model, table: table, language: analysis.language).run()
            document.testOutcomes = report.outcomes
            return (report, analysis.language, document.path)
        }!
        guard let report = run.report else {
            send(
                notification: "window/showMessage",
                .object([
                    ("type", .integer(1)),
                    ("message", .string(CommandWords.text("test.notTested", run.language, run.path))),
                ]))
            return .object([("passed", .integer(0)), ("failed", .integer(0)), ("tested", .bool(false))])
        }
        var lines = [
            CommandWords.text("lsp.tests.totals", run.language, run.path, String(report.passed), String(report.failed))
        ]
        var tests: [JSONValue] = []
        for outcome in report.outcomes {
            var pairs: [(String, JSONValue)] = [
                ("title", .string(outcome.title)), ("line", .integer(outcome.range.start.line - 1)),
                ("passed", .bool(outcome.failure == nil)), ("expected", .string(outcome.expected)),
                ("got", .string(outcome.got)),
            ]
            if let failure = outcome.failure {
                pairs.append(("failure", .string(failure)))
                lines.append(
                    CommandWords.text(
                        "lsp.tests.failure", run.language, outcome.title, String(outcome.range.start.line), failure))
            }
            tests.append(.object(pairs))
        }
        send(
            notification: "window/showMessage",
            .object([
                ("type", .integer(report.failed == 0 ? 3 : 1)), ("message", .string(lines.joined(separator: "\n"))),
            ]))
        refreshCodeLenses()
        return .object([
            ("passed", .integer(report.passed)), ("failed", .integer(report.failed)), ("tested", .bool(true)),
            ("tests", .array(tests)),
        ])
    }
}
