import CovenantEval

/// What the proof of one guarantee found.
public struct GuaranteeOutcome: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Every case in scope whose facts satisfy the condition keeps the promise.
        case proved
        /// A case breaks it: `witness` is that query.
        case refuted
        /// The work bound was reached first: nothing is claimed.
        case notProved
        /// No case is in scope with the condition true: the promise says nothing.
        case neverApplies
    }

    /// Index into `CovenantModel.guarantees`.
    public var guarantee: Int
    public var status: Status
    /// Cases (sender, recipient, leaf, purpose classes with fact values) in which the promise was weighed.
    public var cases: Int = 0
    /// A refuting query in the covenant's query syntax, ready for `covenantc explain`.
    public var witness: String?
    /// The refuting query itself.
    public var witnessQuery: ResolvedQuery?
    /// The rules that decide the witness (the permits for a permit, the forbids for a deny;
    /// empty when nothing permits).
    public var deciding: [Int] = []
    /// For `whenever`: the promised obligations that do not stand in the witness (indices into
    /// the guarantee's obligations).
    public var missingDuties: [Int] = []
}

/// Proves a covenant's guarantees by the exact analysis of the review: every sender, recipient,
/// leaf category and purpose of the guarantee's scope (one of each equivalence class of the
/// table: entities every rule treats alike decide alike), and every combination of the values
/// that the deciding rules and the guarantee's condition tell apart (a missing value included
/// for a fact without a default), on a day the covenant is in force (decisions on such days
/// do not depend on the date). Bounded like the review: past the work bound a guarantee is
/// reported as not proved, never as holding.
public struct GuaranteeProof {
    public static let maxCombinationsPerCell = 1 << 16

    let model: CovenantModel
    /// The table with the guarantees' conditions appended to its condition nodes, so the
    /// candidate values of each fact include the constants the guarantees compare with.
    let table: DecisionTable
    let evaluator: Evaluator
    /// Root node of each guarantee's condition in `table`, or -1.
    let conditionNode: [Int32]
    /// Each guarantee's obligations as table timing indices (-1: any timing).
    let timingIndex: [[Int32]]
    let language: KeywordLanguage
    let day: CalendarDate
    /// Each fact's candidate values in the extended table, computed once.
    let candidateValues: [[Int64]]

    public init(model: CovenantModel, table: DecisionTable, language: KeywordLanguage? = nil) {
        var model = model
        if !model.hasIndexes { model.deriveIndexes() }
        self.model = model
        var builder = ConditionBuilder(model: model)
        builder.nodes = table.nodes
        builder.children = table.children
        builder.setValues = table.setValues
        builder.timings = table.timings
        conditionNode = model.guarantees.map { g in g.condition.map { builder.add($0) } ?? -1 }
        timingIndex = model.guarantees.map { g in g.obligations.map { d in d.timing.map { builder.timing($0) } ?? -1 } }
        var extended = table
        extended.nodes = builder.nodes
        extended.children = builder.children
        extended.setValues = builder.setValues
        extended.timings = builder.timings
        self.table = extended
        evaluator = Evaluator(compiled: extended)
        self.language = language ?? model.language
        day = extended.firstDayInForce
        candidateValues = evaluator.allCandidateValues()
    }

    /// Proves every guarantee within one shared work bound (rule evaluations, as in the review).
    public static func prove(
        _ model: CovenantModel, _ table: DecisionTable, budget: Int = Review.defaultBudget,
        language: KeywordLanguage? = nil
    ) -> [GuaranteeOutcome] {
        let proof = GuaranteeProof(model: model, table: table, language: language)
        var budget = budget
        return model.guarantees.indices.map { proof.prove($0, budget: &budget) }
    }

    /// One representative entity of each class, among the entities of a scope.
    static func representatives(_ entities: [Int], _ classOf: [Int32]) -> [Int] {
        var seen = Set<Int32>()
        return entities.filter { seen.insert(classOf[$0]).inserted }
    }

    func scope(_ g: GuaranteeInfo) -> (senders: [Int], recipients: [Int], leaves: [Int], purposes: [Int]) {
        func parties(_ t: ResolvedTargets) -> [Int] {
            if case .some(let list) = t { return list } else { return model.anyParties }
        }
        var leaves = Set<Int>()
        for c in g.categories { leaves.formUnion(model.categoryLeaves[c]) }
        var purposes = Set<Int>()
        switch g.purposes {
        case .any: purposes = Set(model.purposes.indices)
        case .some(let list): for p in list { purposes.formUnion(model.purposeClosure[p]) }
        }
        return (
            Self.representatives(parties(g.senders), table.senderClass),
            Self.representatives(parties(g.recipients), table.recipientClass),
            Self.representatives(leaves.sorted(), table.leafClass),
            Self.representatives(purposes.sorted(), table.purposeClass)
        )
    }

    /// The facts a case must vary: those the rules in scope read (their waivers and
    /// postponements too when obligations are promised) and those the guarantee's condition reads.
    func choices(_ candidates: [Int], _ g: Int) -> [(Int, [Int64])] {
        var facts = Set<Int>()
        let readsDuties = model.guarantees[g].mode == .whenever
        for r in candidates {
            let rule = table.rules[r]
            if rule.condition >= 0 { facts.formUnion(evaluator.mentionedFacts(rule.condition)) }
            guard readsDuties else { continue }
            for u in rule.obligations {
                if u.unless >= 0 { facts.formUnion(evaluator.mentionedFacts(u.unless)) }
                if u.postponed >= 0 { facts.formUnion(evaluator.mentionedFacts(u.postponed)) }
            }
        }
        if conditionNode[g] >= 0 { facts.formUnion(evaluator.mentionedFacts(conditionNode[g])) }
        return facts.sorted().map { f in
            (f, candidateValues[f] + (table.facts[f].defaultValue == nil ? [ResolvedQuery.missing] : []))
        }
    }

    /// Whether the case counts (the condition is true, not unknown) and, if so, whether it keeps the promise.
    func weigh(_ g: Int, _ q: ResolvedQuery, _ scratch: inout DecisionScratch) -> (counts: Bool, keeps: Bool) {
        if conditionNode[g] >= 0, evaluator.truth(conditionNode[g], q.facts) != true { return (false, true) }
        let effect = evaluator.decide(q, into: &scratch)
        switch model.guarantees[g].mode {
        case .never: return (true, effect != .permit)
        case .always: return (true, effect == .permit)
        case .whenever:
            guard effect == .permit else { return (true, true) }
            evaluator.collectDetails(&scratch)
            return (true, missingDuties(g, scratch).isEmpty)
        }
    }

    /// The promised obligations that do not stand in a permit (absent or waived; postponed stands).
    func missingDuties(_ g: Int, _ scratch: DecisionScratch) -> [Int] {
        let duties = model.guarantees[g].obligations
        return duties.indices.filter { i in
            let duty = duties[i]
            return !scratch.obligations.contains { o in
                Int(o.obligation) == duty.obligation && !o.waived
                    && (duty.actor.map { o.actor.rawValue == $0.rawValue } ?? true)
                    && (timingIndex[g][i] < 0 || o.timing == timingIndex[g][i])
            }
        }
    }

    func prove(_ g: Int, budget: inout Int) -> GuaranteeOutcome {
        var outcome = GuaranteeOutcome(guarantee: g, status: .proved)
        let (senders, recipients, leaves, purposes) = scope(model.guarantees[g])
        var scratch = DecisionScratch()
        let omitted = table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
        for s in senders {
            for r in recipients {
                for leaf in leaves {
                    for p in purposes {
                        var q = ResolvedQuery(
                            sender: Int32(s), recipient: Int32(r), category: Int32(leaf), purpose: Int32(p),
                            facts: omitted, date: day)
                        let candidates = evaluator.rulesInScope(q, leaf: Int32(leaf))
                        let cost = max(1, candidates.count)
                        let choice = choices(candidates, g)
                        var product = 1
                        for (_, values) in choice {
                            product = min(product * values.count, Self.maxCombinationsPerCell + 1)
                        }
                        budget -= cost
                        if product > Self.maxCombinationsPerCell || budget < 0 {
                            outcome.status = .notProved
                            return outcome
                        }
                        var broken = false
                        var exhausted = false
                        var facts = q.facts
                        let cell = q
                        _ = RuleAnalysis.forEachCombination(choice, &facts) { values in
                            budget -= cost
                            if budget < 0 { exhausted = true; return true }
                            var c = cell
                            c.facts = values
                            let (counts, keeps) = weigh(g, c, &scratch)
                            if counts { outcome.cases += 1 }
                            if !keeps { broken = true }
                            return broken
                        }
                        q.facts = facts
                        if exhausted {
                            outcome.status = .notProved
                            return outcome
                        }
                        if broken {
                            refute(&outcome, q, mentioned: choice.map(\.0), omitted: omitted, &scratch)
                            return outcome
                        }
                    }
                }
            }
        }
        if outcome.cases == 0 { outcome.status = .neverApplies }
        return outcome
    }

    /// Records the refutation, with as few facts stated as this search can leave out: each
    /// fact in turn is set back to what an omitted fact means (its default, or missing) as long
    /// as the case still counts and still breaks the promise.
    func refute(
        _ outcome: inout GuaranteeOutcome, _ query: ResolvedQuery, mentioned: [Int], omitted: [Int64],
        _ scratch: inout DecisionScratch
    ) {
        var q = query
        var changed = true
        while changed {
            changed = false
            for f in mentioned where q.facts[f] != omitted[f] {
                var trial = q
                trial.facts[f] = omitted[f]
                let (counts, keeps) = weigh(outcome.guarantee, trial, &scratch)
                if counts, !keeps {
                    q = trial
                    changed = true
                }
            }
        }
        _ = weigh(outcome.guarantee, q, &scratch)
        outcome.status = .refuted
        outcome.witnessQuery = q
        outcome.deciding = scratch.decidedBy.map(Int.init)
        if model.guarantees[outcome.guarantee].mode == .whenever {
            outcome.missingDuties = missingDuties(outcome.guarantee, scratch)
        }
        outcome.witness = witness(q, mentioned: mentioned, omitted: omitted)
    }

    /// The query as the covenant's own query syntax writes it, with its date when the covenant
    /// names a validity (so `covenantc explain` decides it on a day the covenant is in force).
    func witness(_ q: ResolvedQuery, mentioned: [Int], omitted: [Int64]) -> String {
        func kw(_ keyword: Keyword) -> String { keyword.spellings(language)[0] }
        var text =
            "\(model.parties[Int(q.sender)].id) -> \(model.parties[Int(q.recipient)].id) \(kw(.share)) "
            + "\(model.categories[Int(q.category)].id) \(kw(.for)) \(model.purposes[Int(q.purpose)].id)"
        if model.validFrom != nil { text += " \(kw(.on)) \(q.date)" }
        let given = mentioned.sorted().filter { q.facts[$0] != omitted[$0] && q.facts[$0] != ResolvedQuery.missing }
            .map { "\(model.facts[$0].id) = \(table.valueText(q.facts[$0], fact: $0, language.messageLanguage))" }
        if !given.isEmpty { text += " \(kw(.given)) " + given.joined(separator: ", ") }
        return text
    }
}
