import CovenantEval

/// A recursive-descent parser from tokens to the AST. It recovers at clause and declaration
/// boundaries, so one run reports every independent error, and it never reports an error
/// that only follows from an earlier one on the same clause.
public struct Parser {
    public struct Output: Sendable {
        /// Nil only when the file could not be read as text at all.
        public var file: CovenantFile?
        public var diagnostics: [Diagnostic]
    }

    /// Reads, lexes and parses one file.
    /// Messages are in the language `preference` chooses for the file's own keyword language.
    public static func parse(_ source: SourceFile, limits: Limits = .standard,
                             preference: LanguagePreference = .init()) -> Output {
        let words = Words(preference.language(covenant: Lexer.declaredLanguage(source.bytes).messageLanguage))
        if let fatal = Lexer.preflight(source, limits: limits, words: words) {
            return Output(file: nil, diagnostics: [fatal])
        }
        var lexer = Lexer(file: source, limits: limits, words: words)
        let lexed = lexer.run()
        if lexed.nestingExceeded {
            return Output(file: nil, diagnostics: lexed.diagnostics)
        }
        var parser = Parser(tokens: lexed.tokens, path: source.path, limits: limits, words: words)
        var file = parser.parseFile()
        file.comments = lexed.comments
        return Output(file: file, diagnostics: lexed.diagnostics + parser.diagnostics)
    }

    let tokens: [Token]
    let path: String
    let limits: Limits
    /// The language of this file's messages.
    let words: Words
    var index = 0
    var language: KeywordLanguage = .en
    var languageHeader: SourceRange?
    var diagnostics: [Diagnostic] = []
    /// Set by a failed clause: the block loop then skips quietly to the next clause.
    var needsSync = false
    var depth = 0
    var declarationCount = 0
    /// `and`/`or` operators in the condition being parsed.
    var conditionOperators = 0
    var stopped = false

    init(tokens: [Token], path: String, limits: Limits, words: Words = Words(.en)) {
        self.tokens = tokens
        self.path = path
        self.limits = limits
        self.words = words
    }

    // MARK: Token helpers

    var token: Token { tokens[index] }

    func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func at(_ kind: TokenKind) -> Bool { token.kind == kind }

    func at(_ keyword: Keyword) -> Bool { isKeyword(token, keyword) }

    func isKeyword(_ t: Token, _ keyword: Keyword) -> Bool {
        t.kind == .word && keyword.spellings(language).contains(t.text)
    }

    /// The spelling of a keyword in this file's language, for messages.
    func kw(_ keyword: Keyword) -> String { keyword.spellings(language)[0] }

    mutating func eat(_ kind: TokenKind) -> Token? {
        at(kind) ? advance() : nil
    }

    mutating func eat(_ keyword: Keyword) -> Token? {
        at(keyword) ? advance() : nil
    }

    /// The range of the previous token: where a "missing X" error points.
    var previousRange: SourceRange { tokens[max(0, index - 1)].range }

    // MARK: Errors and recovery

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Reports "expected X, found Y" at the current token and marks the clause as failed.
    mutating func fail(expected what: String, _ context: String = "", help: String? = nil) {
        needsSync = true
        if index > 0, tokens[index - 1].unterminated { return }
        let found = token.described
        let message = "expected \(what)\(context.isEmpty ? "" : " " + context), found \(found)"
        report(Diagnostic(.unexpectedToken, message, at: token.range, help: help))
        needsSync = true
    }

    mutating func expect(_ kind: TokenKind, _ context: String) -> Token? {
        if let t = eat(kind) { return t }
        fail(expected: kind.displayName, context)
        return nil
    }

    /// Skips tokens, keeping braces and parentheses balanced, until `stop` holds at the
    /// starting depth, a '}' closes the enclosing block, or the file ends.
    mutating func skip(until stop: (Parser) -> Bool) {
        var nesting = 0
        while !at(.eof) {
            if nesting == 0 {
                if at(.rbrace) { return }
                if stop(self) { return }
            }
            switch token.kind {
            case .lbrace, .lparen: nesting += 1
            case .rbrace, .rparen: nesting = max(0, nesting - 1)
            default: break
            }
            advance()
        }
    }

    static let declarationKeywords: [Keyword] = [
        .covenant, .party, .group, .category, .purpose, .fact, .basis, .obligation, .rule, .test,
    ]

    func atDeclarationStart() -> Bool { Self.declarationKeywords.contains { at($0) } }

    // MARK: Names

    /// A name at a reference position: any word that is not a reserved keyword.
    func atName() -> Bool { token.kind == .word && Keyword.reservedWords[token.text] == nil }

    mutating func parseName(_ what: String, _ context: String) -> Identifier? {
        guard atName() else {
            fail(expected: what, context)
            return nil
        }
        let t = advance()
        return Identifier(name: t.text, range: t.range)
    }

    /// The name a declaration introduces. A reserved keyword is reported but accepted, so the
    /// rest of the declaration is still checked.
    mutating func parseDeclaredName(_ what: String) -> Identifier? {
        guard token.kind == .word else {
            fail(expected: "the \(what)'s name")
            return nil
        }
        let t = advance()
        if let (keyword, language) = Keyword.reservedWords[t.text] {
            let meaning = language == .en ? "" : " (Dutch for '\(keyword.spellings(.en)[0])')"
            let suggestion = "\(t.text)_\(what.split(separator: " ").joined(separator: "_"))"
            report(Diagnostic(.reservedWord, "'\(t.text)' is a keyword\(meaning) and cannot be used as a name",
                              at: t.range, help: "choose another name, for example '\(suggestion)'",
                              fix: FixIt(range: t.range, replacement: suggestion)))
        }
        return Identifier(name: t.text, range: t.range)
    }

    /// `name {, name}`: at least one.
    mutating func parseNameList(_ what: String, _ context: String) -> [Identifier]? {
        guard let first = parseName(what, context) else { return nil }
        var names = [first]
        while eat(.comma) != nil {
            guard let next = parseName(what, "after ','") else { return names }
            names.append(next)
        }
        return names
    }

    mutating func parseOptionalString() -> StringLiteral? {
        guard at(.string) else { return nil }
        let t = advance()
        return StringLiteral(value: t.text, range: t.range)
    }

    /// A word from a closed list, reported with the allowed values (and did-you-mean) if wrong.
    mutating func parseValueWord<V: ValueWord>(_ type: V.Type, _ context: String) -> Located<V>? {
        guard token.kind == .word else {
            fail(expected: "a \(V.listName) (\(V.allowedWords(language).joined(separator: ", ")))", context)
            return nil
        }
        let t = advance()
        if let value = V.named(t.text, in: language) { return Located(value: value, range: t.range) }
        let allowed = V.allowedWords(language)
        var help = "the allowed values are: \(allowed.joined(separator: ", "))"
        var fix: FixIt?
        let other: KeywordLanguage = language == .en ? .nl : .en
        if let inOther = V.named(t.text, in: other) {
            let spelled = inOther.spellings(language)[0]
            help = "'\(t.text)' is the \(other == .en ? "English" : "Dutch") word; this file uses \(language == .en ? "English" : "Dutch") keywords, so write '\(spelled)'"
            fix = FixIt(range: t.range, replacement: spelled)
        } else if let near = Suggestions.closest(to: t.text, among: V.allCases.flatMap { $0.spellings(language) }) {
            help = "did you mean '\(near)'? " + help
            fix = FixIt(range: t.range, replacement: near)
        }
        report(Diagnostic(.invalidValueWord, "'\(t.text)' is not a \(V.listName)", at: t.range, help: help, fix: fix))
        return nil
    }

    mutating func parseInteger(_ context: String) -> (Int, SourceRange)? {
        let start = token.range
        let negative = eat(.minus) != nil
        guard at(.integer) else {
            fail(expected: "a number", context)
            return nil
        }
        let t = advance()
        let value = Int(t.text) ?? 0
        return (negative ? -value : value, start.union(t.range))
    }

    mutating func parseDuration(_ context: String) -> Duration? {
        guard let (amount, range) = parseInteger(context) else { return nil }
        if amount < 1 {
            report(Diagnostic(.invalidNumber, "a period must be at least 1, not \(amount)", at: range))
        }
        guard let unit = parseValueWord(TimeUnit.self, "after the number") else {
            needsSync = true
            return nil
        }
        return Duration(amount: amount, unit: unit.value, range: range.union(unit.range))
    }

    // MARK: Blocks

    /// Parses `{ clause* }`, calling `clause` for each clause keyword. Unknown words are
    /// reported once (with did-you-mean among the block's clauses) and skipped.
    mutating func parseBlock(
        _ context: String, opening: SourceRange, clauses: [Keyword],
        _ clause: (inout Parser, Keyword, Token) -> Void
    ) -> SourceRange {
        guard eat(.lbrace) != nil else {
            fail(expected: "'{'", "to open the \(context)")
            return opening
        }
        while true {
            if needsSync {
                needsSync = false
                skip { p in clauses.contains { p.at($0) } || (p.atDeclarationStart() && !clauses.contains { p.at($0) }) }
            }
            if let close = eat(.rbrace) { return opening.union(close.range) }
            if at(.eof) {
                // One error at the end of the file is enough.
                if diagnostics.last?.range.start == token.range.start { return opening.union(token.range) }
                report(Diagnostic(.unexpectedToken, "expected '}' to close the \(context), found the end of the file",
                                  at: token.range, notes: [DiagnosticNote("the \(context) starts here", at: opening)]))
                return opening.union(token.range)
            }
            if stopped { return opening }
            if let keyword = clauses.first(where: { at($0) }) {
                let t = advance()
                clause(&self, keyword, t)
                continue
            }
            if atDeclarationStart() {
                report(Diagnostic(.unexpectedToken, "expected '}' to close the \(context) before this \(token.text)",
                                  at: token.range, notes: [DiagnosticNote("the \(context) starts here", at: opening)],
                                  help: "add '}' at the end of the \(context)"))
                return opening.union(previousRange)
            }
            reportUnknownClause(clauses, context)
            needsSync = true
        }
    }

    mutating func reportUnknownClause(_ clauses: [Keyword], _ context: String) {
        let t = token
        let allowed = clauses.map { kw($0) }
        if t.kind != .word {
            report(Diagnostic(.unexpectedToken, "expected a clause of the \(context) (\(allowed.joined(separator: ", "))), found \(t.described)", at: t.range))
            return
        }
        var help = "the \(context) takes: \(allowed.joined(separator: ", "))"
        var fix: FixIt?
        let other: KeywordLanguage = language == .en ? .nl : .en
        if let k = clauses.first(where: { $0.spellings(other).contains(t.text) }) {
            help = "'\(t.text)' is \(other == .en ? "English" : "Dutch"); this file uses \(language == .en ? "English" : "Dutch") keywords, so write '\(kw(k))'"
            fix = FixIt(range: t.range, replacement: kw(k))
        } else if let near = Suggestions.closest(to: t.text, among: clauses.flatMap { $0.spellings(language) }) {
            help = "did you mean '\(near)'?"
            fix = FixIt(range: t.range, replacement: near)
        }
        report(Diagnostic(.unknownClause, "'\(t.text)' is not a clause of the \(context)", at: t.range, help: help, fix: fix))
    }

    mutating func duplicateClause(_ t: Token, _ context: String) {
        report(Diagnostic(.duplicateClause, "the \(context) already has a '\(t.text)' clause", at: t.range,
                          help: "give each clause once; list several values separated by commas"))
    }

    mutating func missingClause(_ keyword: Keyword, in context: String, at range: SourceRange, help: String) {
        report(Diagnostic(.missingClause, "the \(context) has no '\(kw(keyword))' clause", at: range, help: help))
    }

    /// Counts a declaration against the limit; false (after reporting once) when over it.
    mutating func countDeclaration(_ range: SourceRange) -> Bool {
        declarationCount += 1
        if declarationCount > limits.maxDeclarations {
            if !stopped {
                report(Diagnostic(.tooManyDeclarations, "the file has more than \(limits.maxDeclarations) declarations (limit maxDeclarations = \(limits.maxDeclarations)); the rest was not checked", at: range))
            }
            stopped = true
            return false
        }
        return true
    }
}
