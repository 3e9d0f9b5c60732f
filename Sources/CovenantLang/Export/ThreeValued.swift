/// A condition in Kleene three-valued logic, split into two two-valued questions that a
/// general policy engine can ask: does it *certainly hold* (`T`), does it *certainly fail*
/// (`F`)? A missing fact makes both false. A permit applies when `T`; a forbid when not `F`
/// (LANGUAGE.md, decision semantics 3). The exports to Cedar and Rego are built on this.
indirect enum ThreeValued: Sendable {
    /// A test of one fact: `predicate` holds for its value. With a default, a missing value
    /// is never missing, so the atom is two-valued.
    case atom(fact: Int, predicate: Predicate)
    case and(ThreeValued, ThreeValued)
    case or(ThreeValued, ThreeValued)
    case not(ThreeValued)

    enum Predicate: Sendable {
        case compare(ComparisonOperator, FactValue)
        case member([FactValue])
    }

    init(_ condition: TypedCondition) {
        switch condition {
        case .truth(let f): self = .atom(fact: f, predicate: .compare(.eq, .bool(true)))
        case .compare(let f, let op, let v): self = .atom(fact: f, predicate: .compare(op, v))
        case .member(let f, let values, let negated):
            let atom = ThreeValued.atom(fact: f, predicate: .member(values))
            self = negated ? .not(atom) : atom
        case .not(let a): self = .not(ThreeValued(a))
        case .and(let a, let b): self = .and(ThreeValued(a), ThreeValued(b))
        case .or(let a, let b): self = .or(ThreeValued(a), ThreeValued(b))
        }
    }
}

extension ThreeValued.Predicate {
    /// Whether the predicate holds for a known value (used for defaults, at export time).
    func holds(for value: FactValue) -> Bool {
        switch self {
        case .member(let values): return values.contains(value)
        case .compare(let op, let v):
            let order: Int
            switch (value, v) {
            case (.int(let a), .int(let b)): order = a < b ? -1 : a == b ? 0 : 1
            case (.bool(let a), .bool(let b)): order = a == b ? 0 : 1
            case (.enumeration(let a), .enumeration(let b)): order = a == b ? 0 : 1
            default: return false
            }
            switch op {
            case .eq: return order == 0
            case .ne: return order != 0
            case .lt: return order < 0
            case .le: return order <= 0
            case .gt: return order > 0
            case .ge: return order >= 0
            }
        }
    }
}
