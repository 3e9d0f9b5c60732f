import CovenantEval

/// Runs a covenant's `test` blocks against its compiled table: the decision, the deciding
/// rules (`by`), the exact sets of standing and waived obligations (`oblige`, `waived`) and of
/// missing facts (`missing`), each checked when the test states it.
public struct TestRunner {
    public struct Outcome: Sendable {
        public var title: String
        public var range: SourceRange
        /// Nil when the test passed; otherwise what differed, in words.
        public var failure: String?
        public var expected: String
        public var actual: Decision
    }

    public struct Report: Sendable {
        public var outcomes: [Outcome]
        /// Rules that decide or are defeated in at least one test, by index.
        public var exercised: Set<Int>
        public var rules: [String]
        public var ruleRanges: [SourceRange]

        public var passed: Int { outcomes.filter { $0.failure == nil }.count }
        public var failed: Int { outcomes.count - passed }
        /// Rules no test exercises, in declaration order.
        public var unexercised: [Int] { rules.indices.filter { !exercised.contains($0) } }
    }

    let model: CovenantModel
    let evaluator: Evaluator

    public init(model: CovenantModel, table: DecisionTable) {
        self.model = model
        self.evaluator = Evaluator(table: table)
    }

    /// The compiled form of a test block's query (the table keeps the model's indices).
    public static func resolved(_ q: TestQuery, model: CovenantModel) -> ResolvedQuery {
        let facts = model.facts.indices.map { f in
            (q.facts[f] ?? model.facts[f].defaultValue).map(ConditionBuilder.encode) ?? ResolvedQuery.missing
        }
        return ResolvedQuery(sender: Int32(q.sender), recipient: Int32(q.recipient), category: Int32(q.category),
                             purpose: Int32(q.purpose), facts: facts)
    }

    public func run() -> Report {
        var outcomes: [Outcome] = []
        var exercised = Set<Int>()
        for test in model.tests {
            let query = Self.resolved(test.query, model: model)
            let decision = evaluator.decision(query)
            for id in decision.decidedBy { if let r = model.rules.firstIndex(where: { $0.id == id }) { exercised.insert(r) } }
            exercised.formUnion(evaluator.defeatedRules(query).map(Int.init))
            outcomes.append(Outcome(title: test.title, range: test.range, failure: compare(test, decision),
                                    expected: describe(test), actual: decision))
        }
        return Report(outcomes: outcomes, exercised: exercised, rules: model.rules.map(\.id), ruleRanges: model.rules.map(\.range))
    }

    func names(_ indices: [Int], _ list: [String]) -> [String] { indices.map { list[$0] }.sorted() }

    func compare(_ test: TestInfo, _ d: Decision) -> String? {
        var problems: [String] = []
        let expectedEffect: DecisionTable.Effect = test.expectedEffect == .permit ? .permit : .deny
        if d.effect != expectedEffect { problems.append("the decision is \(d.effect.rawValue), not \(expectedEffect.rawValue)") }
        if let rules = test.expectedRules, names(rules, model.rules.map(\.id)) != d.decidedBy.sorted() {
            problems.append("decided by \(list(d.decidedBy)), not \(list(names(rules, model.rules.map(\.id))))")
        }
        let obligationIds = model.obligations.map(\.id)
        let standing = Set(d.obligations.filter { !$0.waived }.map(\.id)).sorted()
        let waived = Set(d.obligations.filter { $0.waived }.map(\.id)).sorted()
        if let expected = test.expectedObligations, Set(names(expected, obligationIds)).sorted() != standing {
            problems.append("obliges \(list(standing)), not \(list(Set(names(expected, obligationIds)).sorted()))")
        }
        if let expected = test.expectedWaived, Set(names(expected, obligationIds)).sorted() != waived {
            problems.append("waives \(list(waived)), not \(list(Set(names(expected, obligationIds)).sorted()))")
        }
        if let expected = test.expectedMissing, Set(names(expected, model.facts.map(\.id))).sorted() != d.missingFacts.sorted() {
            problems.append("misses facts \(list(d.missingFacts)), not \(list(Set(names(expected, model.facts.map(\.id))).sorted()))")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    func list(_ items: [String]) -> String { items.isEmpty ? "(none)" : items.joined(separator: ", ") }

    /// The expectation in the test's own words: "permit by medisch oblige record".
    func describe(_ test: TestInfo) -> String {
        var parts = [test.expectedEffect == .permit ? "permit" : "deny"]
        if let r = test.expectedRules { parts.append("by \(list(names(r, model.rules.map(\.id))))") }
        if let o = test.expectedObligations { parts.append("oblige \(list(names(o, model.obligations.map(\.id))))") }
        if let w = test.expectedWaived { parts.append("waived \(list(names(w, model.obligations.map(\.id))))") }
        if let m = test.expectedMissing { parts.append("missing \(list(names(m, model.facts.map(\.id))))") }
        return parts.joined(separator: " ")
    }
}
