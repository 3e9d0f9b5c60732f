import CovenantEval

// The resolved, type-checked covenant: names replaced by indices, groups expanded, trees
// indexed, conditions typed against the fact declarations. The compiler reads only this.

public enum SymbolKind: String, Sendable, Hashable {
    case party, group, category, purpose, fact, basis, obligation, rule, guarantee

    /// The kind's noun on its own, for "party or group": "party" / "partij".
    public func noun(_ words: Words) -> String {
        switch self {
        case .party: words("model.kind.party")
        case .group: words("model.kind.group")
        case .category: words("model.kind.category")
        case .purpose: words("model.kind.purpose")
        case .fact: words("model.kind.fact")
        case .basis: words("model.kind.basis")
        case .obligation: words("model.kind.obligation")
        case .rule: words("model.kind.rule")
        case .guarantee: words("model.kind.guarantee")
        }
    }

    /// With the indefinite article: "a party", "an obligation" / "een partij".
    public func withArticle(_ words: Words) -> String {
        switch self {
        case .party: words("model.kind.party.a")
        case .group: words("model.kind.group.a")
        case .category: words("model.kind.category.a")
        case .purpose: words("model.kind.purpose.a")
        case .fact: words("model.kind.fact.a")
        case .basis: words("model.kind.basis.a")
        case .obligation: words("model.kind.obligation.a")
        case .rule: words("model.kind.rule.a")
        case .guarantee: words("model.kind.guarantee.a")
        }
    }

    /// As it stands before a quoted name at the start of a message: English without an
    /// article ("category 'x'"), Dutch with the definite one ("de gegevenscategorie 'x'",
    /// "het doel 'x'").
    public func beforeName(_ words: Words) -> String {
        switch self {
        case .party: words("model.kind.party.named")
        case .group: words("model.kind.group.named")
        case .category: words("model.kind.category.named")
        case .purpose: words("model.kind.purpose.named")
        case .fact: words("model.kind.fact.named")
        case .basis: words("model.kind.basis.named")
        case .obligation: words("model.kind.obligation.named")
        case .rule: words("model.kind.rule.named")
        case .guarantee: words("model.kind.guarantee.named")
        }
    }
}

public enum FactValue: Sendable, Hashable {
    case bool(Bool)
    case int(Int)
    /// The index of the value in the fact's enumeration.
    case enumeration(Int)
}

public enum ResolvedFactType: Sendable, Hashable {
    case bool
    case int(low: Int, high: Int)
    case enumeration([String])
}

public indirect enum TypedCondition: Sendable, Hashable {
    case truth(fact: Int)
    case compare(fact: Int, ComparisonOperator, FactValue)
    case member(fact: Int, [FactValue], negated: Bool)
    case not(TypedCondition)
    case and(TypedCondition, TypedCondition)
    case or(TypedCondition, TypedCondition)

    /// The facts the condition mentions, each once, in order of first mention.
    public var facts: [Int] {
        var seen: [Int] = []
        func walk(_ c: TypedCondition) {
            switch c {
            case .truth(let f), .compare(let f, _, _), .member(let f, _, _):
                if !seen.contains(f) { seen.append(f) }
            case .not(let a): walk(a)
            case .and(let a, let b), .or(let a, let b): walk(a); walk(b)
            }
        }
        walk(self)
        return seen
    }
}

public struct PartyInfo: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var kind: PartyKind
    public var secrecy: Secrecy
    public var regimeLaw: String?
    /// Purposes (indices) a closed regime allows this party to share for; nil when no regime.
    public var regimePurposes: [Int]?
    /// Parties (indices, groups expanded) a closed regime lets this party share with; nil
    /// when the regime does not restrict recipients (or there is no regime).
    public var regimeRecipients: [Int]? = nil
    /// Version 2: the party it acts for under mandate (`acts for`).
    public var actsFor: Int? = nil
    /// Version 2: the party it processes for (`processor for`); such a party is outside `any`.
    public var processorFor: Int? = nil
    public var range: SourceRange

    public var isProcessor: Bool { processorFor != nil }
}

public struct GroupInfo: Sendable, Hashable {
    public var id: String
    public var name: String?
    /// Parties (indices), groups expanded transitively.
    public var parties: [Int]
    public var range: SourceRange
}

public struct CategoryInfo: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var parent: Int?
    public var children: [Int]
    /// Inherited from the nearest ancestor that says it.
    public var nature: Nature?
    public var special: SpecialCategory?
    public var retention: Duration?
    public var range: SourceRange
}

public struct PurposeInfo: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var parent: Int?
    public var children: [Int]
    /// Its own `kind`, else its parent's, else `other`.
    public var kind: PurposeKind = .other
    /// Whether the kind was declared here or on an ancestor (not the default).
    public var kindDeclared = false
    public var range: SourceRange
}

/// A fact's legal role (version 2).
public enum ResolvedFactRole: Sendable, Hashable {
    /// The subject's consent; these values (for a yes/no fact, `true`) are valid consent.
    case consent(valid: [FactValue])
    case age
    case representative
}

public struct FactInfo: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var type: ResolvedFactType
    public var defaultValue: FactValue?
    public var role: ResolvedFactRole? = nil
    /// Nobody can change it by acting: declared `fixed`, or an age.
    public var fixed = false
    public var range: SourceRange

    /// Whether a value is valid consent under this fact's consent role.
    public func isValidConsent(_ v: FactValue) -> Bool {
        if case .consent(let valid) = role { return valid.contains(v) }
        return false
    }
}

public struct BasisInfo: Sendable, Hashable {
    public var id: String
    public var citation: String?
    public var kind: BasisKind
    public var range: SourceRange
}

public struct ObligationInfo: Sendable, Hashable {
    public var id: String
    public var text: String?
    public var kind: ObligationKind = .other
    public var kindDeclared = false
    public var range: SourceRange
}

public enum ResolvedTargets: Sendable, Hashable {
    case any
    /// Indices, groups already expanded to parties.
    case some([Int])
}

public struct ResolvedObligation: Sendable, Hashable {
    public var obligation: Int
    /// Who acts; the sender unless the rule says otherwise.
    public var actor: Actor = .sender
    public var timing: Timing?
    /// While it holds, the obligation stands but its clock does not run.
    public var postponedWhile: TypedCondition? = nil
    public var unless: TypedCondition?
    public var range: SourceRange
}

public struct RuleInfo: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var effect: Effect
    public var senders: ResolvedTargets
    public var recipients: ResolvedTargets
    public var categories: [Int]
    public var purposes: ResolvedTargets
    public var condition: TypedCondition?
    public var bases: [Int]
    public var obligations: [ResolvedObligation]
    public var exceptionTo: Int?
    public var range: SourceRange
}

public struct TestQuery: Sendable, Hashable {
    public var sender: Int
    public var recipient: Int
    public var category: Int
    public var purpose: Int
    /// Fact index → value, for the facts the query gives.
    public var facts: [Int: FactValue]
    /// `on DATE`; nil means the first day the covenant is in force.
    public var date: CalendarDate? = nil
}

/// An obligation a test expects, with who acts when the test says it.
public struct ExpectedDuty: Sendable, Hashable {
    public var obligation: Int
    public var actor: Actor?
}

public struct TestInfo: Sendable, Hashable {
    public var title: String
    public var query: TestQuery
    public var expectedEffect: Effect
    public var expectedRules: [Int]?
    public var expectedObligations: [ExpectedDuty]?
    public var expectedWaived: [ExpectedDuty]?
    public var expectedPostponed: [ExpectedDuty]? = nil
    public var expectedMissing: [Int]?
    public var range: SourceRange
}

/// An obligation a `whenever` guarantee requires; who acts and when only if the guarantee says.
public struct GuaranteedDuty: Sendable, Hashable {
    public var obligation: Int
    public var actor: Actor?
    public var timing: Timing?
}

/// A guarantee with its names resolved: the promise `check` proves over every case.
public struct GuaranteeInfo: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var mode: GuaranteeMode
    public var senders: ResolvedTargets
    public var recipients: ResolvedTargets
    public var categories: [Int]
    public var purposes: ResolvedTargets
    public var condition: TypedCondition?
    public var obligations: [GuaranteedDuty]
    public var range: SourceRange
}

public struct CovenantModel: Sendable {
    public var title: String
    public var version: String?
    /// The controllers (version 2: joint controllers), as party indices.
    public var controllers: [Int] = []
    public var validFrom: String?
    public var validUntil: String?
    public var language: KeywordLanguage
    public var parties: [PartyInfo] = []
    public var groups: [GroupInfo] = []
    public var categories: [CategoryInfo] = []
    public var purposes: [PurposeInfo] = []
    public var facts: [FactInfo] = []
    public var bases: [BasisInfo] = []
    public var obligations: [ObligationInfo] = []
    public var rules: [RuleInfo] = []
    public var tests: [TestInfo] = []
    public var guarantees: [GuaranteeInfo] = []

    // Derived once by the checker (`deriveIndexes`), so that the compiler, the analysis, the
    // lints and the exports read them instead of rebuilding them from the syntax tree.
    /// For each category, the leaf categories below it (itself for a leaf).
    public var categoryLeaves: [[Int]] = []
    /// For each purpose, itself and its descendants.
    public var purposeClosure: [[Int]] = []
    /// For each category, itself and its descendants.
    public var categoryClosure: [[Int]] = []
    /// For each rule, the length of its `exception to` chain (0 for a rule that is no exception).
    public var exceptionDepth: [Int] = []
    /// Where each declared name stands (the identifier), for findings that point at it.
    public var declarationRanges: [String: SourceRange] = [:]
    /// Groups that a rule, another group or a regime names.
    public var referencedGroups: Set<Int> = []

    /// Fills the derived indexes from the declarations (the checker does this; a model built
    /// by hand gets them when it is compiled).
    public mutating func deriveIndexes() {
        var leaves = [[Int]](repeating: [], count: categories.count)
        // Children always come after their parent, so a reverse pass suffices.
        for c in categories.indices.reversed() {
            leaves[c] = categories[c].children.isEmpty ? [c] : categories[c].children.flatMap { leaves[$0] }
        }
        categoryLeaves = leaves
        func closure(_ children: [[Int]]) -> [[Int]] {
            var result = [[Int]](repeating: [], count: children.count)
            for n in children.indices.reversed() { result[n] = [n] + children[n].flatMap { result[$0] } }
            return result
        }
        purposeClosure = closure(purposes.map(\.children))
        categoryClosure = closure(categories.map(\.children))
        // Each chain is walked once: a rule's depth is its target's plus one (the checker has
        // refused cycles; the bound only keeps a malformed model from looping).
        var depth = [Int](repeating: -1, count: rules.count)
        for r in rules.indices where depth[r] < 0 {
            var chain: [Int] = []
            var t: Int? = r
            while let c = t, depth[c] < 0, chain.count <= rules.count {
                chain.append(c)
                t = rules[c].exceptionTo
            }
            var d = t.map { depth[$0] >= 0 ? depth[$0] + 1 : 0 } ?? 0
            for c in chain.reversed() {
                depth[c] = d
                d += 1
            }
        }
        exceptionDepth = depth
    }

    /// Whether the derived indexes match the declarations (false for a model built by hand).
    var hasIndexes: Bool {
        categoryLeaves.count == categories.count && purposeClosure.count == purposes.count
            && categoryClosure.count == categories.count && exceptionDepth.count == rules.count
    }

    /// Whether the covenant declares any legal role (fact role, purpose or obligation kind,
    /// mandate, processor): then the lints read roles and never guess from names.
    public var declaresRoles: Bool {
        facts.contains { $0.role != nil } || purposes.contains { $0.kindDeclared }
            || obligations.contains { $0.kindDeclared }
            || parties.contains { $0.actsFor != nil || $0.processorFor != nil }
    }

    /// The first controller, for version-1 code paths that know one.
    public var controller: Int? { controllers.first }

    /// A party that is a controller, or acts for one (mandate, followed transitively).
    public func actsAsController(_ p: Int) -> Bool {
        var current: Int? = p
        var steps = 0
        while let c = current, steps <= parties.count {
            if controllers.contains(c) { return true }
            current = parties[c].actsFor
            steps += 1
        }
        return false
    }

    /// A government party: of kind government, a controller, or one acting for either.
    public func isGovernment(_ p: Int) -> Bool {
        var current: Int? = p
        var steps = 0
        while let c = current, steps <= parties.count {
            if controllers.contains(c) || parties[c].kind == .government { return true }
            current = parties[c].actsFor
            steps += 1
        }
        return false
    }

    /// The parties `any` means: every party that is not a processor.
    public var anyParties: [Int] { parties.indices.filter { !parties[$0].isProcessor } }

    /// The first day of validity, or nil when the covenant names none.
    public var firstDayInForce: CalendarDate? { validFrom.flatMap(CalendarDate.init) }
}
