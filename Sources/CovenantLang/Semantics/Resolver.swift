/// Name resolution: the symbol table (one namespace for every declared name), duplicates,
/// references with did-you-mean, groups expanded transitively, cycles among groups and in
/// the category and purpose trees. The Checker (Checker.swift) continues from here.
struct Resolver {
    struct Symbol {
        var kind: SymbolKind
        var index: Int
        var range: SourceRange
    }

    let file: CovenantFile
    var symbols: [String: Symbol] = [:]
    var diagnostics: [Diagnostic] = []
    var model: CovenantModel

    // Declarations by model index, for the later passes.
    var partyDecls: [PartyDecl] = []
    var groupDecls: [GroupDecl] = []
    var factDecls: [FactDecl] = []
    var ruleDecls: [RuleDecl] = []
    var testDecls: [TestDecl] = []
    var guaranteeDecls: [GuaranteeDecl] = []

    init(file: CovenantFile) {
        self.file = file
        self.model = CovenantModel(
            title: file.header?.title.value ?? "", version: file.header?.version?.value,
            validFrom: file.header?.validity?.from.text,
            validUntil: file.header?.validity?.until?.text, language: file.language)
    }

    var language: KeywordLanguage { file.language }
    /// The language of this file's messages.
    var words: Words { Words(file.messages) }

    /// The spelling of a keyword in this file's keyword language: syntax that a message
    /// suggests is what the file must contain, whatever language the message is in.
    func kw(_ keyword: Keyword) -> String { keyword.spellings(language)[0] }

    mutating func report(_ d: Diagnostic) { diagnostics.append(d) }

    // MARK: Collecting declarations

    /// Registers a name; reports a duplicate (or a tree nested in itself) and returns false.
    mutating func declare(_ id: Identifier, _ kind: SymbolKind, index: Int, ancestors: [String] = []) -> Bool {
        if let existing = symbols[id.name] {
            if ancestors.contains(id.name) {
                report(
                    Diagnostic(
                        .treeCycle, words("resolver.nestedInItself", kind.beforeName(words), id.name), at: id.range,
                        notes: [DiagnosticNote(words("resolver.nestedInItself.outer", id.name), at: existing.range)],
                        help: words("resolver.nestedInItself.help", kind.withArticle(words))))
            } else {
                report(
                    Diagnostic(
                        .duplicateName, words("resolver.duplicate", id.name, existing.kind.withArticle(words)),
                        at: id.range, notes: [DiagnosticNote(words("resolver.duplicate.first"), at: existing.range)],
                        help: words("resolver.duplicate.help")))
            }
            return false
        }
        symbols[id.name] = Symbol(kind: kind, index: index, range: id.range)
        return true
    }

    mutating func collect() {
        for declaration in file.declarations {
            switch declaration {
            case .party(let d):
                _ = declare(d.id, .party, index: partyDecls.count)
                partyDecls.append(d)
                model.parties.append(
                    PartyInfo(
                        id: d.id.name, name: d.name?.value, kind: d.kind?.value ?? .other,
                        secrecy: d.secrecy?.value ?? .none, regimeLaw: d.regime?.law.value,
                        regimePurposes: nil, range: d.range))
            case .group(let d):
                _ = declare(d.id, .group, index: groupDecls.count)
                groupDecls.append(d)
                model.groups.append(GroupInfo(id: d.id.name, name: d.name?.value, parties: [], range: d.range))
            case .category(let d):
                collectCategory(d, parent: nil, ancestors: [])
            case .purpose(let d):
                collectPurpose(d, parent: nil, ancestors: [])
            case .fact(let d):
                _ = declare(d.id, .fact, index: factDecls.count)
                factDecls.append(d)
                model.facts.append(
                    FactInfo(id: d.id.name, name: d.name?.value, type: .bool, defaultValue: nil, range: d.range))
            case .basis(let d):
                _ = declare(d.id, .basis, index: model.bases.count)
                model.bases.append(
                    BasisInfo(
                        id: d.id.name, citation: d.citation?.value, kind: d.kind?.value ?? .consent, range: d.range))
            case .obligation(let d):
                _ = declare(d.id, .obligation, index: model.obligations.count)
                model.obligations.append(
                    ObligationInfo(
                        id: d.id.name, text: d.text?.value, kind: d.kind?.value ?? .other,
                        kindDeclared: d.kind != nil, range: d.range))
            case .rule(let d):
                _ = declare(d.id, .rule, index: ruleDecls.count)
                ruleDecls.append(d)
            case .test(let d):
                testDecls.append(d)
            case .guarantee(let d):
                _ = declare(d.id, .guarantee, index: guaranteeDecls.count)
                guaranteeDecls.append(d)
            }
        }
    }

    mutating func collectCategory(_ d: CategoryDecl, parent: Int?, ancestors: [String]) {
        let index = model.categories.count
        _ = declare(d.id, .category, index: index, ancestors: ancestors)
        let inherited = parent.map { model.categories[$0] }
        model.categories.append(
            CategoryInfo(
                id: d.id.name, name: d.name?.value, parent: parent, children: [],
                nature: d.nature?.value ?? inherited?.nature,
                special: d.special?.value ?? inherited?.special,
                retention: d.retention, range: d.range))
        if let parent { model.categories[parent].children.append(index) }
        for child in d.children { collectCategory(child, parent: index, ancestors: ancestors + [d.id.name]) }
    }

    mutating func collectPurpose(_ d: PurposeDecl, parent: Int?, ancestors: [String]) {
        let index = model.purposes.count
        _ = declare(d.id, .purpose, index: index, ancestors: ancestors)
        let inherited = parent.map { model.purposes[$0] }
        model.purposes.append(
            PurposeInfo(
                id: d.id.name, name: d.name?.value, parent: parent, children: [],
                kind: d.kind?.value ?? inherited?.kind ?? .other,
                kindDeclared: d.kind != nil || inherited?.kindDeclared == true, range: d.range))
        if let parent { model.purposes[parent].children.append(index) }
        for child in d.children { collectPurpose(child, parent: index, ancestors: ancestors + [d.id.name]) }
    }

    // MARK: References

    /// Resolves a reference to a declaration of one of `kinds`; reports an unknown name (with
    /// did-you-mean among names of those kinds) or a name of the wrong kind.
    mutating func lookup(_ id: Identifier, as kinds: [SymbolKind], help: String? = nil) -> Symbol? {
        guard let symbol = symbols[id.name] else {
            let near = suggestion(for: id.name, among: kinds)
            report(
                Diagnostic(
                    .unknownName, words("resolver.unknown", alternatives(kinds.map { $0.noun(words) }), id.name),
                    at: id.range,
                    help: near.map { words("resolver.didYouMean", $0) } ?? help ?? words("resolver.unknown.help"),
                    fix: near.map { FixIt(range: id.range, replacement: $0) }))
            return nil
        }
        guard kinds.contains(symbol.kind) else {
            let near = suggestion(for: id.name, among: kinds)
            let expected = alternatives([kinds[0].withArticle(words)] + kinds.dropFirst().map { $0.noun(words) })
            report(
                Diagnostic(
                    .wrongKindOfName, words("resolver.wrongKind", id.name, symbol.kind.withArticle(words), expected),
                    at: id.range, notes: [DiagnosticNote(words("resolver.declaredHere", id.name), at: symbol.range)],
                    help: near.map { words("resolver.didYouMean", $0) } ?? help))
            return nil
        }
        return symbol
    }

    /// "party or group" / "partij of groep".
    func alternatives(_ items: [String]) -> String {
        items.dropFirst().reduce(items.first ?? "") { words("resolver.or", $0, $1) }
    }

    /// Did-you-mean among the names of some kinds. Each costs a scan of the symbol table, so a
    /// file that already has more errors than will be shown gets no more suggestions.
    func suggestion(for name: String, among kinds: [SymbolKind]) -> String? {
        guard diagnostics.count <= Limits.standard.maxErrorsPerFile else { return nil }
        return Suggestions.closest(to: name, among: symbols.filter { kinds.contains($0.value.kind) }.keys)
    }

    /// Parties and groups, expanded to party indices (sorted, unique).
    mutating func resolveParties(_ targets: Targets) -> ResolvedTargets {
        switch targets {
        case .any: return .any
        case .names(let names):
            var parties = Set<Int>()
            for name in names {
                guard let symbol = lookup(name, as: [.party, .group]) else { continue }
                if symbol.kind == .party {
                    parties.insert(symbol.index)
                } else {
                    parties.formUnion(model.groups[symbol.index].parties)
                }
            }
            return .some(parties.sorted())
        }
    }

    mutating func resolvePurposes(_ targets: Targets) -> ResolvedTargets {
        switch targets {
        case .any: return .any
        case .names(let names): return .some(names.compactMap { lookup($0, as: [.purpose])?.index })
        }
    }

    // MARK: Groups

    /// Resolves group members, reports cycles, and expands every group to its parties.
    mutating func resolveGroups() {
        var members: [[Int]] = []  // group → member groups
        var direct: [Set<Int>] = []  // group → member parties
        for d in groupDecls {
            var groups: [Int] = []
            var parties = Set<Int>()
            for m in d.members {
                guard let s = lookup(m, as: [.party, .group]) else { continue }
                if s.kind == .party { parties.insert(s.index) } else { groups.append(s.index) }
            }
            members.append(groups)
            direct.append(parties)
        }
        // Depth-first search with colours; a grey successor closes a cycle.
        var colour = [Int](repeating: 0, count: groupDecls.count)  // 0 white, 1 grey, 2 black
        var expanded = direct
        var reported = Set<Int>()
        func visit(_ g: Int, _ path: [Int], _ r: inout Resolver) {
            colour[g] = 1
            for m in members[g] {
                if colour[m] == 1 {
                    let cycle = Array(path[path.firstIndex(of: m)!...]) + [m]
                    if reported.isDisjoint(with: cycle) {
                        reported.formUnion(cycle)
                        let names = cycle.map { r.groupDecls[$0].id.name }
                        r.report(
                            Diagnostic(
                                .groupCycle, r.words("resolver.groupCycle", names.joined(separator: " -> ")),
                                at: r.groupDecls[m].id.range, help: r.words("resolver.groupCycle.help")))
                    }
                } else if colour[m] == 0 {
                    visit(m, path + [m], &r)
                }
                expanded[g].formUnion(expanded[m])
            }
            colour[g] = 2
        }
        for g in groupDecls.indices where colour[g] == 0 { visit(g, [g], &self) }
        for g in groupDecls.indices { model.groups[g].parties = expanded[g].sorted() }
    }
}
