import CovenantEval
import CovenantLang

/// Every name in a covenant's syntax tree and where it stands: each declaration (nested
/// categories and purposes, guarantees, and the values of an enumeration fact) and each
/// reference to one. Built from the tree alone, so it works on a file with errors. A covenant
/// has one namespace for its declared names; a fact's value is named `fact#value`.
struct SymbolIndex: Sendable {
    /// What a declaration is, with what hover shows of it (a category's and a purpose's
    /// properties as inherited from the tree).
    enum Node: Sendable {
        case party(PartyDecl)
        case group(GroupDecl)
        case category(CategoryDecl, parent: String?, nature: Nature?, special: SpecialCategory?, retention: Duration?)
        case purpose(PurposeDecl, parent: String?, kind: PurposeKind?)
        case fact(FactDecl)
        case basis(BasisDecl)
        case obligation(ObligationDecl)
        case rule(RuleDecl)
        case guarantee(GuaranteeDecl)
        /// A value of an enumeration fact.
        case value(fact: FactDecl)
    }

    struct Declared: Sendable {
        var key: String
        /// The declared identifier.
        var id: SourceRange
        var node: Node
    }

    struct Occurrence: Sendable {
        var key: String
        var range: SourceRange
        var isDeclaration: Bool
    }

    /// By key; the first declaration of a name wins, as in the resolver.
    private(set) var declarations: [String: Declared] = [:]
    /// In the order the walk finds them.
    private(set) var occurrences: [Occurrence] = []

    init(_ file: CovenantFile) {
        if let header = file.header { for c in header.controllers ?? [] { reference(c) } }
        for declaration in file.declarations { walk(declaration) }
    }

    /// The key of a fact's value.
    static func valueKey(_ fact: String, _ value: String) -> String { fact + "#" + value }

    /// The occurrence at a compiler location, the innermost when ranges nest.
    func occurrence(line: Int, column: Int) -> Occurrence? {
        var found: Occurrence?
        for o in occurrences where DocumentText.contains(o.range, line: line, column: column) {
            if let f = found, f.range.start.offset >= o.range.start.offset { continue }
            found = o
        }
        return found
    }

    /// Every occurrence of a key: its declaration first, then the references in file order.
    func occurrences(of key: String, includeDeclaration: Bool) -> [Occurrence] {
        occurrences.filter { $0.key == key && (includeDeclaration || !$0.isDeclaration) }
            .sorted {
                ($0.isDeclaration ? 0 : 1, $0.range.start.offset) < ($1.isDeclaration ? 0 : 1, $1.range.start.offset)
            }
    }

    // MARK: The walk

    private mutating func declare(_ id: Identifier, _ node: Node, key: String? = nil) {
        let key = key ?? id.name
        if declarations[key] == nil { declarations[key] = Declared(key: key, id: id.range, node: node) }
        occurrences.append(Occurrence(key: key, range: id.range, isDeclaration: true))
    }

    private mutating func reference(_ id: Identifier) {
        occurrences.append(Occurrence(key: id.name, range: id.range, isDeclaration: false))
    }

    private mutating func references(_ ids: [Identifier]?) {
        for id in ids ?? [] { reference(id) }
    }

    private mutating func references(_ targets: Targets?) {
        if case .names(let ids)? = targets { references(ids) }
    }

    /// A value written for a fact: a reference to the fact's value when it is a word.
    private mutating func value(_ value: Value?, of fact: String) {
        guard case .word(let word, let range)? = value else { return }
        occurrences.append(Occurrence(key: Self.valueKey(fact, word), range: range, isDeclaration: false))
    }

    private mutating func walk(_ declaration: Declaration) {
        switch declaration {
        case .party(let d):
            declare(d.id, .party(d))
            if let regime = d.regime {
                references(regime.purposes)
                references(regime.recipients)
            }
            if let p = d.actsFor { reference(p) }
            if let p = d.processorFor { reference(p) }
        case .group(let d):
            declare(d.id, .group(d))
            references(d.members)
        case .category(let d): category(d, parent: nil, nature: nil, special: nil, retention: nil)
        case .purpose(let d): purpose(d, parent: nil, kind: nil)
        case .fact(let d):
            declare(d.id, .fact(d))
            if case .enumeration(let values) = d.type.value {
                for v in values { declare(v, .value(fact: d), key: Self.valueKey(d.id.name, v.name)) }
            }
            value(d.defaultValue, of: d.id.name)
            for v in d.role?.valid ?? [] { value(v, of: d.id.name) }
        case .basis(let d): declare(d.id, .basis(d))
        case .obligation(let d): declare(d.id, .obligation(d))
        case .rule(let d):
            declare(d.id, .rule(d))
            if let target = d.exceptionTo { reference(target) }
            references(d.senders)
            references(d.recipients)
            references(d.categories)
            references(d.purposes)
            condition(d.condition)
            references(d.bases)
            for use in d.obligations ?? [] {
                reference(use.id)
                condition(use.postponedWhile)
                condition(use.unless)
            }
        case .test(let d):
            if let q = d.query {
                references([q.sender, q.recipient, q.category, q.purpose])
                for f in q.facts {
                    reference(f.fact)
                    value(f.value, of: f.fact.name)
                }
            }
            if let e = d.expectation {
                references(e.decidedBy)
                for o in (e.obligations ?? []) + (e.waived ?? []) + (e.postponed ?? []) { reference(o.id) }
                references(e.missing)
            }
        case .guarantee(let d):
            declare(d.id, .guarantee(d))
            references(d.senders)
            references(d.recipients)
            references(d.categories)
            references(d.purposes)
            condition(d.condition)
            for o in d.obligations ?? [] { reference(o.id) }
        }
    }

    private mutating func category(
        _ d: CategoryDecl, parent: String?, nature: Nature?, special: SpecialCategory?, retention: Duration?
    ) {
        let nature = d.nature?.value ?? nature
        let special = d.special?.value ?? special
        let retention = d.retention ?? retention
        declare(d.id, .category(d, parent: parent, nature: nature, special: special, retention: retention))
        for child in d.children {
            category(child, parent: d.id.name, nature: nature, special: special, retention: retention)
        }
    }

    private mutating func purpose(_ d: PurposeDecl, parent: String?, kind: PurposeKind?) {
        let kind = d.kind?.value ?? kind
        declare(d.id, .purpose(d, parent: parent, kind: kind))
        for child in d.children { purpose(child, parent: d.id.name, kind: kind) }
    }

    private mutating func condition(_ c: Condition?) {
        guard let c else { return }
        switch c {
        case .fact(let id): reference(id)
        case .compare(let id, _, let v, _):
            reference(id)
            value(v, of: id.name)
        case .member(let id, let values, _, _):
            reference(id)
            for v in values { value(v, of: id.name) }
        case .not(let a, _): condition(a)
        case .and(let a, let b), .or(let a, let b):
            condition(a)
            condition(b)
        }
    }
}
