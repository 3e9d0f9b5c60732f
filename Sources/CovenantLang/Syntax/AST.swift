import CovenantEval

// The syntax tree of one covenant file, as written. Every node carries its source range.
// Names are not resolved here; that is the Resolver's job.

public struct Identifier: Sendable, Hashable {
    public var name: String
    public var range: SourceRange
}

public struct StringLiteral: Sendable, Hashable {
    public var value: String
    public var range: SourceRange
}

/// A value from a closed list (party kind, unit, ...) with where it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var range: SourceRange
}

/// A date as written; `year`/`month`/`day` are nil when the text is malformed.
public struct DateLiteral: Sendable, Hashable {
    public var text: String
    public var range: SourceRange

    public var components: (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return (y, m, d)
    }
}

public struct Duration: Sendable, Hashable {
    public var amount: Int
    public var unit: TimeUnit
    public var range: SourceRange
}

public struct CovenantFile: Sendable {
    public var path: String
    public var language: KeywordLanguage
    /// Where `language nl` / `taal nl` stands, if the file has the line.
    public var languageHeader: SourceRange?
    /// The language diagnostics about this file are written in, chosen when it was parsed
    /// (the user's choice, else the file's keyword language; see `LanguagePreference`).
    public var messages: Language
    public var header: CovenantHeader?
    public var declarations: [Declaration]
    /// Comments in file order, for the formatter.
    public var comments: [Comment]
}

public struct Validity: Sendable, Hashable {
    public var from: DateLiteral
    public var until: DateLiteral?
    public var range: SourceRange
}

public struct CovenantHeader: Sendable, Hashable {
    public var title: StringLiteral
    public var version: StringLiteral?
    /// One or more controllers (version 2: joint controllers), or nil when the clause is absent.
    public var controllers: [Identifier]?
    public var validity: Validity?
    public var range: SourceRange
}

public enum Declaration: Sendable, Hashable {
    case party(PartyDecl)
    case group(GroupDecl)
    case category(CategoryDecl)
    case purpose(PurposeDecl)
    case fact(FactDecl)
    case basis(BasisDecl)
    case obligation(ObligationDecl)
    case rule(RuleDecl)
    case test(TestDecl)
    case guarantee(GuaranteeDecl)

    public var range: SourceRange {
        switch self {
        case .party(let d): d.range
        case .group(let d): d.range
        case .category(let d): d.range
        case .purpose(let d): d.range
        case .fact(let d): d.range
        case .basis(let d): d.range
        case .obligation(let d): d.range
        case .rule(let d): d.range
        case .test(let d): d.range
        case .guarantee(let d): d.range
        }
    }
}

public struct Regime: Sendable, Hashable {
    public var law: StringLiteral
    public var purposes: [Identifier]
    /// Version 2: `to G`, the only parties or groups the regime lets the party share with.
    public var recipients: [Identifier]?
    public var range: SourceRange
}

public struct PartyDecl: Sendable, Hashable {
    public var id: Identifier
    public var name: StringLiteral?
    public var kind: Located<PartyKind>?
    public var secrecy: Located<Secrecy>?
    public var regime: Regime?
    /// Version 2: `acts for P` — the party does P's task under P's responsibility (mandate).
    public var actsFor: Identifier?
    /// Version 2: `processor for P` — the party processes on P's behalf.
    public var processorFor: Identifier?
    public var range: SourceRange
}

public struct GroupDecl: Sendable, Hashable {
    public var id: Identifier
    public var name: StringLiteral?
    public var members: [Identifier]
    public var range: SourceRange
}

public struct CategoryDecl: Sendable, Hashable {
    public var id: Identifier
    public var name: StringLiteral?
    public var nature: Located<Nature>?
    public var special: Located<SpecialCategory>?
    public var retention: Duration?
    public var children: [CategoryDecl]
    public var range: SourceRange
}

public struct PurposeDecl: Sendable, Hashable {
    public var id: Identifier
    public var name: StringLiteral?
    public var kind: Located<PurposeKind>? = nil
    public var children: [PurposeDecl]
    public var range: SourceRange
}

public enum FactType: Sendable, Hashable {
    case bool
    case int(low: Int, high: Int)
    case enumeration([Identifier])
}

public struct FactDecl: Sendable, Hashable {
    public var id: Identifier
    public var name: StringLiteral?
    public var type: Located<FactType>
    public var defaultValue: Value?
    /// Version 2: `role consent valid V, ...`, `role age`, `role representative`.
    public var role: FactRoleDecl? = nil
    /// Version 2: `fixed` — a fact about the world nobody can change by acting.
    public var fixed: SourceRange? = nil
    public var range: SourceRange
}

public struct FactRoleDecl: Sendable, Hashable {
    public var role: Located<FactRole>
    /// For a consent role: the values that are valid, specific consent.
    public var valid: [Value]?
    public var range: SourceRange
}

public struct BasisDecl: Sendable, Hashable {
    public var id: Identifier
    public var citation: StringLiteral?
    public var kind: Located<BasisKind>?
    public var range: SourceRange
}

public struct ObligationDecl: Sendable, Hashable {
    public var id: Identifier
    public var text: StringLiteral?
    public var kind: Located<ObligationKind>? = nil
    public var range: SourceRange
}

public enum Effect: String, Sendable, Hashable {
    case permit, forbid
}

/// Senders, recipients or purposes: a list of names, or `any`.
public enum Targets: Sendable, Hashable {
    case any(SourceRange)
    case names([Identifier])
}

public enum Timing: Sendable, Hashable {
    case before
    case after
    case within(Duration)
}

public struct ObligationUse: Sendable, Hashable {
    /// Version 2: who acts (`sender`, `recipient`, `controller`); the sender when nil.
    public var actor: Located<Actor>? = nil
    public var id: Identifier
    public var timing: Located<Timing>?
    /// Version 2: `postponed while CONDITION` — the duty stands, its clock does not run.
    public var postponedWhile: Condition? = nil
    public var unless: Condition?
    public var range: SourceRange
}

public struct RuleDecl: Sendable, Hashable {
    public var id: Identifier
    public var title: StringLiteral?
    public var exceptionTo: Identifier?
    public var effect: Located<Effect>?
    public var senders: Targets?
    public var recipients: Targets?
    public var categories: [Identifier]?
    public var purposes: Targets?
    public var condition: Condition?
    public var bases: [Identifier]?
    public var obligations: [ObligationUse]?
    public var range: SourceRange
    /// True when the parser reported an error inside the rule and recovered: checks that
    /// would only repeat that error (a permit "without basis") are skipped.
    public var recovered = false
}

/// A value in a condition, a default or a query: a number or a word (an enumeration value,
/// or `true`/`false` in the file's language; the checker decides which from the fact's type).
public enum Value: Sendable, Hashable {
    case integer(Int, SourceRange)
    case word(String, SourceRange)

    public var range: SourceRange {
        switch self {
        case .integer(_, let r), .word(_, let r): r
        }
    }

    public var text: String {
        switch self {
        case .integer(let n, _): String(n)
        case .word(let w, _): w
        }
    }
}

public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
}

public indirect enum Condition: Sendable, Hashable {
    /// A bool fact on its own: `safety_risk`.
    case fact(Identifier)
    case compare(Identifier, ComparisonOperator, Value, SourceRange)
    /// `fact in {a, b}`, or `fact not in {a, b}` when negated.
    case member(Identifier, [Value], negated: Bool, SourceRange)
    case not(Condition, SourceRange)
    case and(Condition, Condition)
    case or(Condition, Condition)

    public var range: SourceRange {
        switch self {
        case .fact(let id): id.range
        case .compare(_, _, _, let r), .member(_, _, _, let r), .not(_, let r): r
        case .and(let a, let b), .or(let a, let b): a.range.union(b.range)
        }
    }
}

public struct FactAssignment: Sendable, Hashable {
    public var fact: Identifier
    public var value: Value
    public var range: SourceRange
}

public struct QueryExpr: Sendable, Hashable {
    public var sender: Identifier
    public var recipient: Identifier
    public var category: Identifier
    public var purpose: Identifier
    /// Version 2: `on YYYY-MM-DD`, the date the question is asked for.
    public var date: DateLiteral? = nil
    public var facts: [FactAssignment]
    public var range: SourceRange
}

/// An obligation named in an expectation, optionally with who acts: `recipient inform`.
public struct ExpectedObligation: Sendable, Hashable {
    public var actor: Located<Actor>?
    public var id: Identifier
    public var range: SourceRange { actor.map { $0.range.union(id.range) } ?? id.range }
}

public struct Expectation: Sendable, Hashable {
    public var effect: Located<Effect>
    public var decidedBy: [Identifier]?
    public var obligations: [ExpectedObligation]?
    public var waived: [ExpectedObligation]?
    /// Version 2: obligations expected to stand postponed.
    public var postponed: [ExpectedObligation]? = nil
    public var missing: [Identifier]?
    public var range: SourceRange
}

public struct TestDecl: Sendable, Hashable {
    public var title: StringLiteral
    public var query: QueryExpr?
    public var expectation: Expectation?
    public var range: SourceRange
}

/// What a guarantee promises about the queries in its scope whose facts satisfy its condition.
public enum GuaranteeMode: String, Sendable, Hashable {
    /// Every such query is denied.
    case never
    /// Every such query is permitted.
    case always
    /// Every such query that is permitted carries the listed obligations, standing.
    case whenever
}

/// An obligation a `whenever` guarantee requires: who acts and when only if written.
public struct GuaranteedObligation: Sendable, Hashable {
    public var actor: Located<Actor>?
    public var id: Identifier
    public var timing: Located<Timing>?
    public var range: SourceRange
}

/// `guarantee ID "title" { never|always|whenever S -> R share C for P [when X] [permitted oblige O] }`:
/// one of the covenant's own promises, proved by `check` over every case or refuted with a witness.
public struct GuaranteeDecl: Sendable, Hashable {
    public var id: Identifier
    public var title: StringLiteral?
    public var mode: Located<GuaranteeMode>?
    public var senders: Targets?
    public var recipients: Targets?
    public var categories: [Identifier]?
    public var purposes: Targets?
    public var condition: Condition?
    /// `permitted oblige O1, O2` (only with `whenever`).
    public var obligations: [GuaranteedObligation]?
    public var range: SourceRange
    public var recovered = false
}
