import CovenantEval
import CovenantLang

/// Completion: the names of the kind that fits where the cursor stands, read from the tokens
/// before it (parties after `permit` and `->`, categories after `share`, purposes after `for`,
/// facts in a condition, bases, obligations, rules after `exception to` and `by`), a fact's
/// values after `==`, `!=`, `=` and `in {`, the value words of a `kind`, `nature`, `special`,
/// `secrecy`, `role` or a time unit; elsewhere the keywords of the file's language.
extension LanguageServer {
    mutating func completion(_ params: JSONValue?) throws(RequestError) -> JSONValue {
        let method = "textDocument/completion"
        let uri = try uri(params, method)
        let position = try position(params, method)
        let items =
            withDocument(uri) { document, preference -> [JSONValue] in
                let analysis = document.analysed(preference)
                let at = document.text.location(line: position.line, character: position.character)
                // In a literate covenant only the covenant blocks are covenant.
                if let literate = analysis.literate, literate.block(containing: at.line) == nil { return [] }
                let language = analysis.syntax?.language ?? Lexer.declaredLanguage(analysis.source.bytes)
                let completer = Completer(
                    tokens: document.tokens(preference), comments: analysis.syntax?.comments ?? [],
                    index: document.index(preference), keywords: language, words: Words(analysis.language))
                return completer.items(line: at.line, column: at.column)
            } ?? []
        return .object([("isIncomplete", .bool(false)), ("items", .array(items))])
    }
}

struct Completer {
    let tokens: [Token]
    let comments: [Comment]
    let index: SymbolIndex?
    let keywords: KeywordLanguage
    let words: Words

    /// What fits at the cursor.
    enum Want: Equatable {
        case keywords
        case names([SymbolKind], orAny: Bool)
        case values(fact: String)
        case valueWords(String)
        case expectation
        case nothing
    }

    // The protocol's completion item kinds.
    static let function = 3, variable = 6, klass = 7, interface = 8, module = 9, property = 10, value = 12
    static let keyword = 14, enumMember = 20, constant = 21, structure = 22, event = 23

    func items(line: Int, column: Int) -> [JSONValue] {
        let before = (line, column)
        // Nothing in a comment or a string.
        if comments.contains(where: { inside($0.range, before) }) { return [] }
        if tokens.contains(where: { $0.kind == .string && inside($0.range, before) }) { return [] }
        // The tokens before the word being typed.
        let prev = tokens.filter {
            $0.kind != .eof && ($0.range.end.line, $0.range.end.column) <= before
                && !($0.kind == .word && ($0.range.end.line, $0.range.end.column) == before)
        }
        return render(want(prev))
    }

    func inside(_ r: SourceRange, _ p: (Int, Int)) -> Bool {
        (r.start.line, r.start.column) < p && p <= (r.end.line, r.end.column)
    }

    func isKeyword(_ t: Token, _ ks: Keyword...) -> Bool {
        t.kind == .word && ks.contains { $0.spellings(keywords).contains(t.text) }
    }

    static let operators: Set<TokenKind> = [.eq, .ne, .lt, .le, .gt, .ge, .assign]

    func want(_ prev: [Token]) -> Want {
        guard let last = prev.last else { return .keywords }
        let n = prev.count
        let enclosing = self.enclosing(prev)
        switch last.kind {
        case .eq, .ne, .lt, .le, .gt, .ge:
            return n >= 2 && prev[n - 2].kind == .word ? .values(fact: prev[n - 2].text) : .nothing
        case .assign:
            if enclosing == .group { return .names([.party, .group], orAny: false) }
            return n >= 2 && prev[n - 2].kind == .word ? .values(fact: prev[n - 2].text) : .nothing
        case .lbrace:
            if let fact = factBeforeIn(prev, n - 2) { return .values(fact: fact) }
            return .keywords
        case .arrow: return .names([.party, .group], orAny: enclosing != .test)
        case .integer:
            if n >= 2, isKeyword(prev[n - 2], .retention, .within) { return .valueWords("unit") }
            return .keywords
        case .comma:
            var j = n - 2
            var depth = 0
            while j >= 0 {
                let t = prev[j]
                if t.kind == .rparen {
                    depth += 1
                } else if t.kind == .lparen, depth > 0 {
                    depth -= 1
                } else if t.kind == .lbrace {
                    if let fact = factBeforeIn(prev, j - 1) { return .values(fact: fact) }
                    return .nothing
                } else if t.kind == .rbrace {
                    return .nothing
                } else if t.kind == .arrow || t.kind == .assign && enclosing == .group {
                    return want(Array(prev[...j]))
                } else if depth == 0, t.kind == .word, !follows(prev, j), governs(t, prev, j, enclosing) != nil {
                    return governs(t, prev, j, enclosing)!
                }
                j -= 1
            }
            return .nothing
        case .word:
            if !follows(prev, n - 1), let wanted = governs(last, prev, n - 1, enclosing) { return wanted }
            return .keywords
        default: return .keywords
        }
    }

    /// Whether the word at `j` is a value written after an operator (so no keyword).
    func follows(_ prev: [Token], _ j: Int) -> Bool {
        j >= 1 && Self.operators.contains(prev[j - 1].kind)
    }

    /// The fact of `FACT in {` or `FACT not in {`, with `j` at the `in`.
    func factBeforeIn(_ prev: [Token], _ j: Int) -> String? {
        guard j >= 1, isKeyword(prev[j], .in) else { return nil }
        var k = j - 1
        if k >= 1, isKeyword(prev[k], .not) { k -= 1 }
        return prev[k].kind == .word ? prev[k].text : nil
    }

    /// What a keyword at `j` asks for after it, or nil when it is no keyword that asks for names.
    func governs(_ t: Token, _ prev: [Token], _ j: Int, _ enclosing: Keyword?) -> Want? {
        let before = j >= 1 ? prev[j - 1] : nil
        if isKeyword(t, .for) {
            if let before, isKeyword(before, .acts, .processor) { return .names([.party], orAny: false) }
            return .names([.purpose], orAny: enclosing != .party && enclosing != .test)
        }
        if isKeyword(t, .to, .regimeTo) {
            if let before, isKeyword(before, .exception) { return .names([.rule], orAny: false) }
            if enclosing == .party { return .names([.party, .group], orAny: false) }
            return nil
        }
        if isKeyword(t, .acts) { return keywords == .nl ? .names([.party], orAny: false) : nil }
        if isKeyword(t, .permit, .forbid, .never, .always, .whenever) {
            if enclosing == .test { return .expectation }
            return .names([.party, .group], orAny: true)
        }
        if isKeyword(t, .query) { return .names([.party], orAny: false) }
        if isKeyword(t, .controller) { return .names([.party], orAny: false) }
        if isKeyword(t, .share) { return .names([.category], orAny: false) }
        if isKeyword(t, .when, .and, .or, .not, .unless, .while, .given, .missing) {
            return .names([.fact], orAny: false)
        }
        if isKeyword(t, .basis) { return enclosing == .rule ? .names([.basis], orAny: false) : .nothing }
        if isKeyword(t, .oblige, .waived, .postponed) { return .names([.obligation], orAny: false) }
        if isKeyword(t, .by) { return .names([.rule], orAny: false) }
        if isKeyword(t, .expect) { return .expectation }
        if isKeyword(t, .kind) {
            switch enclosing {
            case .party?: return .valueWords("party")
            case .basis?: return .valueWords("basis")
            case .purpose?: return .valueWords("purpose")
            case .obligation?: return .valueWords("obligation")
            default: return nil
            }
        }
        if isKeyword(t, .secrecy) { return .valueWords("secrecy") }
        if isKeyword(t, .nature) { return .valueWords("nature") }
        if isKeyword(t, .special) { return .valueWords("special") }
        if isKeyword(t, .role) { return .valueWords("role") }
        if isKeyword(t, .party, .group, .category, .purpose, .fact, .obligation, .rule, .guarantee) { return .nothing }
        return nil
    }

    static let declarations: [Keyword] = [
        .covenant, .party, .group, .category, .purpose, .fact, .basis, .obligation, .rule, .test, .guarantee,
    ]

    /// The declaration the cursor stands in: the one whose block is open, else the last one begun
    /// at the top level.
    func enclosing(_ prev: [Token]) -> Keyword? {
        var depth = [Int](repeating: 0, count: prev.count)
        var open: [Int] = []
        for (i, t) in prev.enumerated() {
            depth[i] = open.count
            if t.kind == .lbrace { open.append(i) } else if t.kind == .rbrace, !open.isEmpty { open.removeLast() }
        }
        let level = open.last.map { depth[$0] } ?? 0
        var i = (open.last ?? prev.count) - 1
        while i >= 0 {
            if depth[i] == level, let k = Self.declarations.first(where: { isKeyword(prev[i], $0) }),
                !follows(prev, i)
            {
                return k
            }
            if depth[i] < level { break }
            i -= 1
        }
        return nil
    }

    // MARK: Items

    func render(_ want: Want) -> [JSONValue] {
        switch want {
        case .nothing: return []
        case .keywords: return keywordItems()
        case .expectation: return [keywordItem(.permitted), keywordItem(.denied)]
        case .names(let kinds, let orAny):
            var items = names(kinds)
            if orAny { items.append(keywordItem(.any)) }
            return items
        case .values(let fact):
            guard case .fact(let decl)? = index?.declarations[fact]?.node else { return [] }
            switch decl.type.value {
            case .bool: return [keywordItem(.true), keywordItem(.false)]
            case .int: return []
            case .enumeration(let values):
                return values.map { item($0.name, Self.enumMember, decl.name?.value ?? decl.id.name) }
            }
        case .valueWords(let list):
            switch list {
            case "party": return valueWords(PartyKind.self)
            case "basis": return valueWords(BasisKind.self)
            case "purpose": return valueWords(PurposeKind.self)
            case "obligation": return valueWords(ObligationKind.self)
            case "secrecy": return valueWords(Secrecy.self)
            case "nature": return valueWords(Nature.self)
            case "special": return valueWords(SpecialCategory.self)
            case "role": return valueWords(FactRole.self)
            default: return valueWords(TimeUnit.self)
            }
        }
    }

    func item(_ label: String, _ kind: Int, _ detail: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("label", .string(label)), ("kind", .integer(kind))]
        if let detail { pairs.append(("detail", .string(detail))) }
        return .object(pairs)
    }

    func keywordItem(_ k: Keyword) -> JSONValue {
        item(k.spellings(keywords)[0], Self.keyword, CommandWords.text("lsp.keyword.\(k.rawValue)", words.language))
    }

    /// Every keyword of the file's language, each spelling once.
    func keywordItems() -> [JSONValue] {
        var seen = Set<String>()
        var items: [JSONValue] = []
        for k in Keyword.allCases {
            for spelling in k.spellings(keywords) where seen.insert(spelling).inserted {
                let meanings = Keyword.allCases.filter { $0.spellings(keywords).contains(spelling) }
                    .map { CommandWords.text("lsp.keyword.\($0.rawValue)", words.language) }
                items.append(item(spelling, Self.keyword, meanings.joined(separator: "; ")))
            }
        }
        return items
    }

    func valueWords<V: ValueWord>(_ type: V.Type) -> [JSONValue] {
        V.allCases.map { item($0.spellings(keywords)[0], Self.value, V.listName(words)) }
    }

    /// The declared names of the kinds, in file order.
    func names(_ kinds: [SymbolKind]) -> [JSONValue] {
        guard let index else { return [] }
        var found: [(offset: Int, item: JSONValue)] = []
        for declared in index.declarations.values {
            let (kind, detail, itemKind): (SymbolKind, String?, Int)
            switch declared.node {
            case .party(let d): (kind, detail, itemKind) = (.party, d.name?.value, Self.klass)
            case .group(let d): (kind, detail, itemKind) = (.group, d.name?.value, Self.module)
            case .category(let d, _, _, _, _): (kind, detail, itemKind) = (.category, d.name?.value, Self.structure)
            case .purpose(let d, _, _): (kind, detail, itemKind) = (.purpose, d.name?.value, Self.interface)
            case .fact(let d): (kind, detail, itemKind) = (.fact, d.name?.value, Self.variable)
            case .basis(let d): (kind, detail, itemKind) = (.basis, d.citation?.value, Self.constant)
            case .obligation(let d): (kind, detail, itemKind) = (.obligation, d.text?.value, Self.event)
            case .rule(let d): (kind, detail, itemKind) = (.rule, d.title?.value, Self.function)
            case .guarantee(let d): (kind, detail, itemKind) = (.guarantee, d.title?.value, Self.property)
            case .value: continue
            }
            guard kinds.contains(kind) else { continue }
            found.append((declared.id.start.offset, item(declared.key, itemKind, detail ?? kind.noun(words))))
        }
        return found.sorted { $0.offset < $1.offset }.map(\.item)
    }
}
