/// A decision in words: what `covenantc query` prints and `covenantc eval` writes as one JSON
/// line (the wire format of LANGUAGE.md, with the version-2 additions).
public struct Decision: Sendable, Equatable {
    public struct Obligation: Sendable, Equatable {
        public var id: String
        /// Who acts: sender, recipient or controller.
        public var by: DecisionTable.Actor
        /// inform, record, notify, confirm, erase or other.
        public var kind: String
        public var timing: String?
        public var waived: Bool
        public var waivedBecause: String?
        /// Standing, but its clock does not run while the reason holds.
        public var postponed: Bool
        public var postponedBecause: String?

        public init(
            id: String, by: DecisionTable.Actor = .sender, kind: String = "other", timing: String?, waived: Bool,
            waivedBecause: String?, postponed: Bool = false, postponedBecause: String? = nil
        ) {
            self.id = id
            self.by = by
            self.kind = kind
            self.timing = timing
            self.waived = waived
            self.waivedBecause = waivedBecause
            self.postponed = postponed
            self.postponedBecause = postponedBecause
        }
    }

    public var effect: DecisionTable.Effect
    public var decidedBy: [String]
    public var bases: [String]
    public var obligations: [Obligation]
    public var missingFacts: [String]
    public var reason: String
    /// False when the query's date lies outside the covenant's validity (then a deny).
    public var inForce: Bool = true
    /// The date the decision was made for (YYYY-MM-DD), when the query fitted the table.
    public var at: String?
    /// The SHA-256 of the table that decided, and the covenant's version.
    public var tableSHA256: String = ""
    public var tableVersion: String?
    /// The query's `id`, echoed.
    public var id: JSONValue?

    /// The wire format: `id` (when the query had one), `effect`, `decidedBy`, `bases`,
    /// `obligations` (`id`, `by`, `kind`, `timing`, `waived`, `waivedBecause` when waived,
    /// `postponed`, `postponedBecause` when postponed), `missingFacts`, `reason`, `inForce`,
    /// `at`, `table` (`sha256`, `version`).
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let id { pairs.append(("id", id)) }
        pairs += [
            ("effect", .string(effect.rawValue)),
            ("decidedBy", .array(decidedBy.map(JSONValue.string))),
            ("bases", .array(bases.map(JSONValue.string))),
            (
                "obligations",
                .array(
                    obligations.map { o in
                        var pairs: [(String, JSONValue)] = [
                            ("id", .string(o.id)), ("by", .string(o.by.rawValue)), ("kind", .string(o.kind)),
                            ("timing", o.timing.map(JSONValue.string) ?? .null), ("waived", .bool(o.waived)),
                        ]
                        if let because = o.waivedBecause { pairs.append(("waivedBecause", .string(because))) }
                        pairs.append(("postponed", .bool(o.postponed)))
                        if let because = o.postponedBecause { pairs.append(("postponedBecause", .string(because))) }
                        return .object(pairs)
                    })
            ),
            ("missingFacts", .array(missingFacts.map(JSONValue.string))),
            ("reason", .string(reason)),
            ("inForce", .bool(inForce)),
            ("at", at.map(JSONValue.string) ?? .null),
            (
                "table",
                .object([("sha256", .string(tableSHA256)), ("version", tableVersion.map(JSONValue.string) ?? .null)])
            ),
        ]
        return .object(pairs)
    }
}

extension Evaluator {
    /// Decides and describes the result in words (allocates; use `decide(_:into:)` on a hot path).
    public func decision(_ q: ResolvedQuery, in language: Language = .en) -> Decision {
        var scratch = DecisionScratch()
        decide(q, into: &scratch)
        return decision(from: scratch, in: language)
    }

    /// The decision in words, in English or Dutch (the reason and the because-texts; ids and
    /// the wire keys stay as they are).
    public func decision(from scratch: DecisionScratch, in language: Language = .en) -> Decision {
        var s = scratch
        collectDetails(&s)
        var d = words(s, language)
        d.at = s.date?.description
        d.tableSHA256 = table.sha256
        d.tableVersion = table.metadata.version
        return d
    }

    private func words(_ s: DecisionScratch, _ language: Language) -> Decision {
        func t(_ key: String, _ args: String...) -> String { Messages.text(key, language, arguments: args) }
        if let problem = s.invalid {
            return Decision(
                effect: .deny, decidedBy: [], bases: [], obligations: [], missingFacts: [],
                reason: t("decision.doesNotFit", problem.message(in: language)))
        }
        if !s.inForce, let date = s.date {
            var d = Decision(
                effect: .deny, decidedBy: [], bases: [], obligations: [], missingFacts: [],
                reason: t("decision.notInForce", date.description, validityText(language)))
            d.inForce = false
            return d
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
            var waivedBecause: String?
            if o.waived {
                let use = rules[Int(o.waivedByRule)].obligations[Int(o.waivedByUse)]
                waivedBecause = t(
                    "decision.waivedBecause", table.conditionText(use.unless, language), rules[Int(o.waivedByRule)].id)
            }
            var postponedBecause: String?
            if o.postponed {
                let use = rules[Int(o.postponedByRule)].obligations[Int(o.postponedByUse)]
                postponedBecause = t(
                    "decision.postponedBecause", table.conditionText(use.postponed, language),
                    rules[Int(o.postponedByRule)].id)
            }
            let obligation = table.obligations[Int(o.obligation)]
            return Decision.Obligation(
                id: obligation.id, by: o.actor, kind: obligation.kind,
                timing: o.timing >= 0 ? table.timings[Int(o.timing)] : nil,
                waived: o.waived, waivedBecause: waivedBecause,
                postponed: o.postponed, postponedBecause: postponedBecause)
        }
        let missing = s.missingFacts.map { table.facts[Int($0)].id }
        var reason: String
        switch (s.effect, names.count) {
        case (.permit, 1): reason = t("decision.permittedBy.one", names[0])
        case (.permit, _): reason = t("decision.permittedBy.many", names.joined(separator: ", "))
        case (.deny, 0):
            let leaves = s.unpermittedLeaves.map { table.categories[Int($0)].id }
            reason = t("decision.deniedByDefault", leaves.joined(separator: ", "))
        case (.deny, 1): reason = t("decision.deniedBy.one", names[0])
        case (.deny, _): reason = t("decision.deniedBy.many", names.joined(separator: ", "))
        }
        if !missing.isEmpty {
            reason += t("decision.missingFacts", missing.joined(separator: ", "))
        }
        return Decision(
            effect: s.effect, decidedBy: names, bases: bases.map { table.bases[Int($0)].id },
            obligations: obligations, missingFacts: missing, reason: reason)
    }

    /// "valid from 2025-01-01 until 2028-12-31", for the not-in-force reason.
    func validityText(_ language: Language) -> String {
        switch (table.metadata.validFrom, table.metadata.validUntil) {
        case (let from?, let until?): Messages.text("validity.fromUntil", language, from, until)
        case (let from?, nil): Messages.text("validity.from", language, from)
        case (nil, let until?): Messages.text("validity.until", language, until)
        case (nil, nil): Messages.text("validity.none", language)
        }
    }
}
