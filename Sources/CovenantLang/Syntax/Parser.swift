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
    public static func parse(
        _ source: SourceFile, limits: Limits = .standard,
        preference: LanguagePreference = .init()
    ) -> Output {
        let words = Words(preference.language(covenant: Lexer.declaredLanguage(source.bytes).messageLanguage))
        if let fatal = Lexer.preflight(source, limits: limits, words: words) {
            return Output(file: nil, diagnostics: [fatal].worded(words))
        }
        var lexer = Lexer(file: source, limits: limits, words: words)
        let lexed = lexer.run()
        if lexed.nestingExceeded {
            return Output(file: nil, diagnostics: lexed.diagnostics.worded(words))
        }
        var parser = Parser(tokens: lexed.tokens, path: source.path, limits: limits, words: words)
        var file = parser.parseFile()
        file.comments = lexed.comments
        return Output(file: file, diagnostics: (lexed.diagnostics + parser.diagnostics).worded(words))
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

    /// How the end of the input is named in messages: the end of the file, or of a query text.
    var endOfInput = "token.endOfFile"

    /// A token as a message names it ("'x'", "a string", "the end of the query").
    func describe(_ t: Token) -> String {
        t.kind == .eof ? words(endOfInput) : t.described(words)
    }

    /// The spelling of a keyword in this file's language, for messages.
    func kw(_ keyword: Keyword) -> String { keyword.spellings(language)[0] }

    /// The keyword language this file does not use: a word of it is a slip worth a hint.
    var otherLanguage: KeywordLanguage { language == .en ? .nl : .en }

    /// True when the current token spells `keyword` in the other keyword language.
    func atOther(_ keyword: Keyword) -> Bool {
        token.kind == .word && keyword.spellings(otherLanguage).contains(token.text)
    }

    /// True when `t` spells `keyword` in either keyword language.
    func inEither(_ t: Token, _ keyword: Keyword) -> Bool {
        t.kind == .word
            && (keyword.spellings(language).contains(t.text) || keyword.spellings(otherLanguage).contains(t.text))
    }

    /// "after 'x'": where a missing piece was expected, in the messages' language.
    func after(_ text: String) -> String { words("parser.after", text) }

    mutating func eat(_ kind: TokenKind) -> Token? {
        at(kind) ? advance() : nil
    }

    mutating func eat(_ keyword: Keyword) -> Token? {
        at(keyword) ? advance() : nil
    }

    /// Eats `keyword`, also when it is spelled in the other keyword language (`en` in an
    /// English file, `and` in a Dutch one): that slip is reported with this file's spelling
    /// and a fix-it, and the word is read as meant, so the rest of the clause is still checked.
    mutating func eatEither(_ keyword: Keyword) -> Token? {
        if let t = eat(keyword) { return t }
        guard atOther(keyword) else { return nil }
        let t = advance()
        reportOtherLanguage(t, meaning: keyword)
        return t
    }

    /// "'en' is Dutch for 'and'; this file uses English keywords, so write 'and'".
    mutating func reportOtherLanguage(_ t: Token, meaning keyword: Keyword) {
        let english = otherLanguage == .en
        let message =
            english ? words("parser.otherLanguage.english", t.text) : words("parser.otherLanguage.dutch", t.text)
        let help =
            english
            ? words("parser.otherLanguage.english.help", t.text, kw(keyword))
            : words("parser.otherLanguage.dutch.help", t.text, kw(keyword))
        report(
            Diagnostic(
                .unexpectedToken, message, at: t.range, help: help, fix: FixIt(range: t.range, replacement: kw(keyword))
            ))
    }

    /// The range of the previous token: where a "missing X" error points.
    var previousRange: SourceRange { tokens[max(0, index - 1)].range }

    // MARK: Errors and recovery

    mutating func report(_ diagnostic: Diagnostic) {
        var d = diagnostic
        if d.code == .unexpectedToken, d.help == nil, let (joined, range) = dashedName(at: d.range) {
            d.help = words("parser.dashInName", joined)
            d.fix = FixIt(range: range, replacement: joined)
        }
        diagnostics.append(d)
    }

    /// A name written with '-' (`ggz-team`): the lexer reads a word, a '-' and a word. When
    /// the error stands on such a '-', glued to the words around it, the name the writer
    /// meant with '_' instead, and the range it replaces.
    func dashedName(at range: SourceRange) -> (String, SourceRange)? {
        guard let i = tokens.firstIndex(where: { $0.kind == .minus && $0.range == range }), i > 0 else { return nil }
        func glued(_ a: Int, _ b: Int) -> Bool { tokens[a].range.end.offset == tokens[b].range.start.offset }
        func part(_ k: Int) -> Bool {
            k >= 0 && k < tokens.count && (tokens[k].kind == .word || tokens[k].kind == .integer)
        }
        var first = i - 1, last = i + 1
        guard tokens[first].kind == .word, glued(first, i), part(last), glued(i, last) else { return nil }
        // Take in every '-part' glued on either side (`a-b-c`).
        while part(last + 2), tokens[last + 1].kind == .minus, glued(last, last + 1), glued(last + 1, last + 2) {
            last += 2
        }
        while first >= 2, tokens[first - 1].kind == .minus, tokens[first - 2].kind == .word,
            glued(first - 2, first - 1), glued(first - 1, first)
        {
            first -= 2
        }
        let joined = tokens[first...last].map { $0.kind == .minus ? "_" : $0.text }.joined()
        return (joined, tokens[first].range.union(tokens[last].range))
    }

    /// Reports "expected X, found Y" at the current token and marks the clause as failed.
    /// `what` and `context` ("after 'for'") are worded already, in the messages' language.
    /// Text that may quote the covenant (a test's title in `context`) goes in the last
    /// placeholder, which is filled last, so braces in it are never read as placeholders.
    mutating func fail(expected what: String, _ context: String = "", help: String? = nil) {
        needsSync = true
        if index > 0, tokens[index - 1].unterminated { return }
        let found = describe(token)
        let message =
            context.isEmpty ? words("parser.expected", what, found) : words("parser.expectedIn", what, found, context)
        report(Diagnostic(.unexpectedToken, message, at: token.range, help: help))
        needsSync = true
    }

    mutating func expect(_ kind: TokenKind, _ context: String) -> Token? {
        if let t = eat(kind) { return t }
        fail(expected: kind.displayName(words), context)
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
        .covenant, .party, .group, .category, .purpose, .fact, .basis, .obligation, .rule, .test, .guarantee,
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

    /// The name a declaration introduces (`declaration` is its keyword: `.party`, `.rule`, …).
    /// A reserved keyword is reported but accepted, so the rest of the declaration is still checked.
    mutating func parseDeclaredName(_ declaration: Keyword) -> Identifier? {
        guard token.kind == .word else {
            fail(expected: Self.nameOf(declaration, words))
            return nil
        }
        let t = advance()
        if let (keyword, language) = Keyword.reservedWords[t.text] {
            // The suggested name ends in the declaration's keyword as this file spells it.
            let suggestion = "\(t.text)_\(kw(declaration))"
            let message =
                language == .en
                ? words("parser.reservedWord", t.text)
                : words("parser.reservedWord.dutch", t.text, keyword.spellings(.en)[0])
            report(
                Diagnostic(
                    .reservedWord, message, at: t.range, help: words("parser.reservedWord.help", suggestion),
                    fix: FixIt(range: t.range, replacement: suggestion)))
        }
        return Identifier(name: t.text, range: t.range)
    }

    /// "the party's name": what a declaration's name is called in a message.
    static func nameOf(_ declaration: Keyword, _ words: Words) -> String {
        switch declaration {
        case .party: words("parser.nameOf.party")
        case .group: words("parser.nameOf.group")
        case .category: words("parser.nameOf.category")
        case .purpose: words("parser.nameOf.purpose")
        case .fact: words("parser.nameOf.fact")
        case .basis: words("parser.nameOf.basis")
        case .obligation: words("parser.nameOf.obligation")
        case .guarantee: words("parser.nameOf.guarantee")
        default: words("parser.nameOf.rule")
        }
    }

    /// `name {, name}`: at least one.
    mutating func parseNameList(_ what: String, _ context: String) -> [Identifier]? {
        guard let first = parseName(what, context) else { return nil }
        var names = [first]
        while eat(.comma) != nil {
            guard let next = parseName(what, after(",")) else { return names }
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
        let allowed = V.allowedWords(language).joined(separator: ", ")
        guard token.kind == .word else {
            fail(expected: words("parser.valueWord.expected", V.listName(words), allowed), context)
            return nil
        }
        let t = advance()
        if let value = V.named(t.text, in: language) { return Located(value: value, range: t.range) }
        var help = words("parser.valueWord.allowed", allowed)
        var fix: FixIt?
        if let inOther = V.named(t.text, in: otherLanguage) {
            let spelled = inOther.spellings(language)[0]
            help =
                otherLanguage == .en
                ? words("parser.valueWord.english", t.text, spelled) : words("parser.valueWord.dutch", t.text, spelled)
            fix = FixIt(range: t.range, replacement: spelled)
        } else if let near = Suggestions.closest(to: t.text, among: V.allCases.flatMap { $0.spellings(language) }) {
            help = words("parser.didYouMean.then", near, help)
            fix = FixIt(range: t.range, replacement: near)
        }
        report(
            Diagnostic(
                .invalidValueWord, words("parser.valueWord.not", t.text, V.listName(words)), at: t.range, help: help,
                fix: fix))
        return nil
    }

    mutating func parseInteger(_ context: String) -> (Int, SourceRange)? {
        let start = token.range
        let negative = eat(.minus) != nil
        guard at(.integer) else {
            fail(expected: words("token.number"), context)
            return nil
        }
        let t = advance()
        let value = Int(t.text) ?? 0
        return (negative ? -value : value, start.union(t.range))
    }

    mutating func parseDuration(_ context: String) -> Duration? {
        guard let (amount, range) = parseInteger(context) else { return nil }
        if amount < 1 {
            report(Diagnostic(.invalidNumber, words("parser.periodTooShort", "\(amount)"), at: range))
        }
        guard let unit = parseValueWord(TimeUnit.self, words("parser.afterNumber")) else {
            needsSync = true
            return nil
        }
        return Duration(amount: amount, unit: unit.value, range: range.union(unit.range))
    }

    // MARK: Blocks

    /// Parses `{ clause* }`, calling `clause` for each clause keyword. Unknown words are
    /// reported once (with did-you-mean among the block's clauses) and skipped.
    mutating func parseBlock(
        _ block: Block, opening: SourceRange, clauses: [Keyword],
        _ clause: (inout Parser, Keyword, Token) -> Void
    ) -> SourceRange {
        let context = block.named(words)
        guard eat(.lbrace) != nil else {
            fail(expected: "'{'", words("parser.toOpen", context))
            return opening
        }
        while true {
            if needsSync {
                needsSync = false
                skip { p in clauses.contains { p.at($0) } || (p.atDeclarationStart() && !clauses.contains { p.at($0) })
                }
            }
            if let close = eat(.rbrace) { return opening.union(close.range) }
            if at(.eof) {
                // One error at the end of the file is enough.
                if diagnostics.last?.range.start == token.range.start { return opening.union(token.range) }
                report(
                    Diagnostic(
                        .unexpectedToken, words("parser.unclosedAtEnd", context),
                        at: token.range, notes: [DiagnosticNote(words("parser.startsHere", context), at: opening)]))
                return opening.union(token.range)
            }
            if stopped { return opening }
            if let keyword = clauses.first(where: { at($0) }) {
                let t = advance()
                clause(&self, keyword, t)
                continue
            }
            if atDeclarationStart() {
                report(
                    Diagnostic(
                        .unexpectedToken, words("parser.unclosedBefore", token.text, context),
                        at: token.range, notes: [DiagnosticNote(words("parser.startsHere", context), at: opening)],
                        help: words("parser.unclosed.help", context)))
                return opening.union(previousRange)
            }
            reportUnknownClause(clauses, context)
            needsSync = true
        }
    }

    /// `context` is the block as worded by `Block.named`.
    mutating func reportUnknownClause(_ clauses: [Keyword], _ context: String) {
        let t = token
        let allowed = clauses.map { kw($0) }.joined(separator: ", ")
        if t.kind != .word {
            report(
                Diagnostic(.unexpectedToken, words("parser.expectedClause", allowed, describe(t), context), at: t.range)
            )
            return
        }
        var help = words("parser.clauses", allowed, context)
        var fix: FixIt?
        if let k = clauses.first(where: { $0.spellings(otherLanguage).contains(t.text) }) {
            help =
                otherLanguage == .en
                ? words("parser.clause.english", t.text, kw(k)) : words("parser.clause.dutch", t.text, kw(k))
            fix = FixIt(range: t.range, replacement: kw(k))
        } else if let near = Suggestions.closest(to: t.text, among: clauses.flatMap { $0.spellings(language) }) {
            help = words("parser.didYouMean", near)
            fix = FixIt(range: t.range, replacement: near)
        }
        report(
            Diagnostic(.unknownClause, words("parser.notAClause", t.text, context), at: t.range, help: help, fix: fix))
    }

    mutating func duplicateClause(_ t: Token, _ block: Block) {
        report(
            Diagnostic(
                .duplicateClause, words("parser.duplicateClause", t.text, block.named(words)), at: t.range,
                help: words("parser.duplicateClause.help")))
    }

    mutating func missingClause(_ keyword: Keyword, in block: Block, at range: SourceRange, help: String) {
        report(
            Diagnostic(
                .missingClause, words("parser.missingClause", kw(keyword), block.named(words)), at: range, help: help))
    }

    /// Counts a declaration against the limit; false (after reporting once) when over it.
    mutating func countDeclaration(_ range: SourceRange) -> Bool {
        declarationCount += 1
        if declarationCount > limits.maxDeclarations {
            if !stopped {
                report(
                    Diagnostic(
                        .tooManyDeclarations, words("parser.tooManyDeclarations", "\(limits.maxDeclarations)"),
                        at: range))
            }
            stopped = true
            return false
        }
        return true
    }
}

extension Parser {
    /// A block the parser reads (`party g { ... }`), as messages name it with its article:
    /// "the party 'g'", "de partij 'g'".
    enum Block {
        case header
        case party(String), category(String), purpose(String), fact(String), basis(String)
        case obligation(String), rule(String), test(String), guarantee(String)
        case expectation

        func named(_ words: Words) -> String {
            switch self {
            case .header: words("parser.block.header")
            case .party(let name): words("parser.block.party", name)
            case .category(let name): words("parser.block.category", name)
            case .purpose(let name): words("parser.block.purpose", name)
            case .fact(let name): words("parser.block.fact", name)
            case .basis(let name): words("parser.block.basis", name)
            case .obligation(let name): words("parser.block.obligation", name)
            case .rule(let name): words("parser.block.rule", name)
            case .test(let title): words("parser.block.test", title)
            case .guarantee(let name): words("parser.block.guarantee", name)
            case .expectation: words("parser.block.expectation")
            }
        }
    }
}
