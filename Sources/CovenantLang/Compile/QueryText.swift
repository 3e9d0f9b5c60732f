import CovenantEval

/// Parses a query written as in a test block — `ggz -> dorpsteam share health for support
/// given consent = given, age = 30`, optionally `on 2027-03-01` after the purpose — in
/// English or Dutch keywords, into a query by name.
public enum QueryText {
    /// The diagnostics of a query that does not parse.
    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// `messages` is the language the errors are worded in (the query's keywords may be
    /// either language, whatever the messages are in).
    public static func parse(_ text: String, messages: Language = .en) -> Result<Query, Failure> {
        let words = Words(messages)
        // When neither keyword set reads the text, the one that read further is the language it
        // is written in: its error is the one to show.
        var firstFailure: [Diagnostic] = []
        for language in KeywordLanguage.allCases {
            let source = SourceFile(path: "<query>", text: text)
            var lexer = Lexer(file: source, words: words)
            let lexed = lexer.run()
            if !lexed.diagnostics.isEmpty { return .failure(Failure(diagnostics: lexed.diagnostics)) }
            var parser = Parser(tokens: lexed.tokens, path: source.path, limits: .standard, words: words)
            parser.language = language
            parser.endOfInput = "queryText.endOfQuery"
            let parsed = parser.parseQuery(nil)
            if let query = parsed, parser.diagnostics.isEmpty {
                if parser.at(.eof) { return .success(convert(query)) }
                parser.fail(expected: words("queryText.endOfQuery"))
            }
            let reached = parser.diagnostics.first?.range.start.offset ?? 0
            if language == .en || reached > (firstFailure.first?.range.start.offset ?? 0) {
                firstFailure = parser.diagnostics
            }
        }
        return .failure(Failure(diagnostics: firstFailure))
    }

    static func convert(_ q: QueryExpr) -> Query {
        Query(
            from: q.sender.name, to: q.recipient.name, share: q.category.name, purpose: q.purpose.name,
            factList: q.facts.map { assignment in
                switch assignment.value {
                case .integer(let n, _): Query.Fact(assignment.fact.name, .int(n))
                case .word(let w, _): Query.Fact(assignment.fact.name, .text(w))
                }
            }, at: q.date?.text)
    }
}
