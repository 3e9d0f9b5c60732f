/// A decision in words: what `covenantc query` prints and `covenantc eval` writes as one JSON
/// line (the fixed wire format of LANGUAGE.md).
public struct Decision: Sendable, Equatable {
    public struct Obligation: Sendable, Equatable {
        public var id: String
        public var timing: String?
        public var waived: Bool
        public var waivedBecause: String?
    }

    public var effect: DecisionTable.Effect
    public var decidedBy: [String]
    public var bases: [String]
    public var obligations: [Obligation]
    public var missingFacts: [String]
    public var reason: String

    /// The wire format: `effect`, `decidedBy`, `bases`, `obligations` (`id`, `timing`,
    /// `waived`, and `waivedBecause` when waived), `missingFacts`, `reason`.
    public var json: JSONValue {
        .object([
            ("effect", .string(effect.rawValue)),
            ("decidedBy", .array(decidedBy.map(JSONValue.string))),
            ("bases", .array(bases.map(JSONValue.string))),
            ("obligations", .array(obligations.map { o in
                var pairs: [(String, JSONValue)] = [("id", .string(o.id)), ("timing", o.timing.map(JSONValue.string) ?? .null), ("waived", .bool(o.waived))]
                if let because = o.waivedBecause { pairs.append(("waivedBecause", .string(because))) }
                return .object(pairs)
            })),
            ("missingFacts", .array(missingFacts.map(JSONValue.string))),
            ("reason", .string(reason)),
        ])
    }
}

extension Evaluator {
    /// Decides and describes the result in words (allocates; use `decide(_:into:)` on a hot path).
    public func decision(_ q: ResolvedQuery) -> Decision {
        var scratch = DecisionScratch()
        decide(q, into: &scratch)
        return decision(from: scratch)
    }

    public func decision(from s: DecisionScratch) -> Decision {
        if let problem = s.invalid {
            return Decision(effect: .deny, decidedBy: [], bases: [], obligations: [], missingFacts: [],
                            reason: "denied: the query does not fit this table (\(problem.message))")
        }
        let rules = table.rules
        let deciding = s.decidedBy
        let names = deciding.map { rules[Int($0)].id }
        var bases: [Int32] = []
        if s.effect == .permit {
            for r in deciding { for b in rules[Int(r)].bases where !bases.contains(b) { bases.append(b) } }
            bases.sort()
        }
        let obligations = s.obligations.map { o -> Decision.Obligation in
            var because: String?
            if o.waived {
                let use = rules[Int(o.waivedByRule)].obligations[Int(o.waivedByUse)]
                because = "unless \(use.unlessText ?? "condition") holds (rule \(rules[Int(o.waivedByRule)].id))"
            }
            return Decision.Obligation(id: table.obligations[Int(o.obligation)].id,
                                       timing: o.timing >= 0 ? table.timings[Int(o.timing)] : nil,
                                       waived: o.waived, waivedBecause: because)
        }
        let missing = s.missingFacts.map { table.facts[Int($0)].id }
        var reason: String
        switch (s.effect, names.count) {
        case (.permit, 1): reason = "permitted by rule \(names[0])"
        case (.permit, _): reason = "permitted by rules \(names.joined(separator: ", "))"
        case (.deny, 0):
            let leaves = s.unpermittedLeaves.map { table.categories[Int($0)].id }
            reason = leaves.count == 1 ? "denied by default: no rule permits sharing \(leaves[0]) here"
                : "denied by default: no rule permits sharing \(leaves.joined(separator: ", ")) here"
        case (.deny, 1): reason = "denied by rule \(names[0])"
        case (.deny, _): reason = "denied by rules \(names.joined(separator: ", "))"
        }
        if !missing.isEmpty {
            reason += "; facts not given (read in the most protective way): \(missing.joined(separator: ", "))"
        }
        return Decision(effect: s.effect, decidedBy: names, bases: bases.map { table.bases[Int($0)].id },
                        obligations: obligations, missingFacts: missing, reason: reason)
    }
}
