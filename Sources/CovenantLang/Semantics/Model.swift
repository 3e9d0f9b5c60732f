// The resolved, type-checked covenant: names replaced by indices, groups expanded, trees
// indexed, conditions typed against the fact declarations. The compiler reads only this.

public enum SymbolKind: String, Sendable, Hashable {
    case party, group, category, purpose, fact, basis, obligation, rule

    /// "a party", "an obligation": for messages.
    public var withArticle: String {
        switch self {
        case .obligation: "an obligation"
        default: "a \(rawValue)"
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
    public var range: SourceRange
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
    public var range: SourceRange
}

public struct FactInfo: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var type: ResolvedFactType
    public var defaultValue: FactValue?
    public var range: SourceRange
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
    public var range: SourceRange
}

public enum ResolvedTargets: Sendable, Hashable {
    case any
    /// Indices, groups already expanded to parties.
    case some([Int])
}

public struct ResolvedObligation: Sendable, Hashable {
    public var obligation: Int
    public var timing: Timing?
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
}

public struct TestInfo: Sendable, Hashable {
    public var title: String
    public var query: TestQuery
    public var expectedEffect: Effect
    public var expectedRules: [Int]?
    public var expectedObligations: [Int]?
    public var expectedWaived: [Int]?
    public var expectedMissing: [Int]?
    public var range: SourceRange
}

public struct CovenantModel: Sendable {
    public var title: String
    public var version: String?
    public var controller: Int?
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
}
