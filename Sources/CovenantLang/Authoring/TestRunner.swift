import CovenantEval

/// Runs a covenant's `test` blocks against its compiled table: the decision, the deciding
/// rules (`by`), the exact sets of standing, waived and postponed obligations (`oblige`,
/// `waived`, `postponed`; an obligation written with who acts matches only that actor) and of
/// missing facts (`missing`), each checked when the test states it. A test without `on DATE`
/// is decided on the covenant's first day in force (or the runner's date), so tests do not
/// change with the calendar. Failures are worded in the runner's language; what a test
/// expects, and what it got instead, are written as the covenant writes them (its keywords).
public struct TestRunner {
    public struct Outcome: Sendable {
        public var title: String
        public var range: SourceRange
        /// Nil when the test passed; otherwise what differed, in words.
        public var failure: String?
        /// The expectation in the test's own words: "permit by medisch oblige record".
        public var expected: String
        /// The actual decision in the same words as an expectation.
        public var got: String
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
    let date: CalendarDate
    /// The language of the failures and of the decisions' reasons.
    let words: Words

    /// `date` decides the tests that name none (default: the covenant's first day in force);
    /// `language` words the report (default: the covenant's own).
    public init(model: CovenantModel, table: DecisionTable, date: CalendarDate? = nil, language: Language? = nil) {
        self.model = model
        self.evaluator = Evaluator(compiled: table)
        self.date = date ?? table.firstDayInForce
        self.words = Words(language ?? model.language.messageLanguage)
    }

    /// The compiled form of a test block's query (the table keeps the model's indices).
    public static func resolved(_ q: TestQuery, model: CovenantModel, date: CalendarDate) -> ResolvedQuery {
        let facts = model.facts.indices.map { f in
            (q.facts[f] ?? model.facts[f].defaultValue).map(ConditionBuilder.encode) ?? ResolvedQuery.missing
        }
        return ResolvedQuery(
            sender: Int32(q.sender), recipient: Int32(q.recipient), category: Int32(q.category),
            purpose: Int32(q.purpose), facts: facts, date: q.date ?? date)
    }

    public func run() -> Report {
        var outcomes: [Outcome] = []
        var exercised = Set<Int>()
        for test in model.tests {
            let query = Self.resolved(test.query, model: model, date: date)
            let decision = evaluator.decision(query, in: words.language)
            for id in decision.decidedBy {
                if let r = model.rules.firstIndex(where: { $0.id == id }) { exercised.insert(r) }
            }
            exercised.formUnion(evaluator.defeatedRules(query).map(Int.init))
            outcomes.append(
                Outcome(
                    title: test.title, range: test.range, failure: compare(test, decision),
                    expected: describe(test), got: describe(decision), actual: decision))
        }
        return Report(
            outcomes: outcomes, exercised: exercised, rules: model.rules.map(\.id), ruleRanges: model.rules.map(\.range)
        )
    }

    func names(_ indices: [Int], _ list: [String]) -> [String] { indices.map { list[$0] }.sorted() }

    func compare(_ test: TestInfo, _ d: Decision) -> String? {
        var problems: [String] = []
        let expectedEffect: DecisionTable.Effect = test.expectedEffect == .permit ? .permit : .deny
        if d.effect != expectedEffect {
            problems.append(words("testRunner.effect", effect(d.effect), effect(expectedEffect)))
        }
        if let rules = test.expectedRules, names(rules, model.rules.map(\.id)) != d.decidedBy.sorted() {
            problems.append(words("testRunner.decidedBy", list(d.decidedBy), list(names(rules, model.rules.map(\.id)))))
        }
        let standing = d.obligations.filter { !$0.waived }
        if let expected = test.expectedObligations, let mismatch = differs(expected, standing) {
            problems.append(words("testRunner.obliges", mismatch.actual, mismatch.expected))
        }
        if let expected = test.expectedWaived, let mismatch = differs(expected, d.obligations.filter(\.waived)) {
            problems.append(words("testRunner.waives", mismatch.actual, mismatch.expected))
        }
        if let expected = test.expectedPostponed, let mismatch = differs(expected, d.obligations.filter(\.postponed)) {
            problems.append(words("testRunner.postpones", mismatch.actual, mismatch.expected))
        }
        if let expected = test.expectedMissing,
            Set(names(expected, model.facts.map(\.id))).sorted() != d.missingFacts.sorted()
        {
            problems.append(
                words(
                    "testRunner.misses", list(d.missingFacts),
                    list(Set(names(expected, model.facts.map(\.id))).sorted())))
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// A decision's effect in the report's words ("permit", "toegestaan").
    func effect(_ e: DecisionTable.Effect) -> String {
        Messages.text(e == .permit ? "outcome.permit" : "outcome.deny", words.language)
    }

    /// Whether the obligations differ from the expectation: every expected duty matches an
    /// actual one (by id, and by who acts when the test says), and every actual one is matched.
    func differs(_ expected: [ExpectedDuty], _ actual: [Decision.Obligation]) -> (actual: String, expected: String)? {
        func matches(_ e: ExpectedDuty, _ o: Decision.Obligation) -> Bool {
            model.obligations[e.obligation].id == o.id && (e.actor == nil || e.actor!.rawValue == o.by.rawValue)
        }
        let withActors = expected.contains { $0.actor != nil }
        let ok =
            expected.allSatisfy { e in actual.contains { matches(e, $0) } }
            && actual.allSatisfy { o in expected.contains { matches($0, o) } }
        guard !ok else { return nil }
        let actualText = Set(actual.map { withActors ? "\(actor($0.by.rawValue)) \($0.id)" : $0.id }).sorted()
        return (list(actualText), list(Set(expected.map(duty)).sorted()))
    }

    /// A keyword as the covenant spells it, so the report repeats the file's own words.
    func keyword(_ k: Keyword) -> String { k.spellings(model.language)[0] }

    /// Who acts (`recipient`, `ontvanger`), as the covenant spells it.
    func actor(_ raw: String) -> String { Actor(rawValue: raw)?.spellings(model.language)[0] ?? raw }

    func duty(_ e: ExpectedDuty) -> String {
        (e.actor.map { actor($0.rawValue) + " " } ?? "") + model.obligations[e.obligation].id
    }

    func list(_ items: [String]) -> String { items.isEmpty ? words("testRunner.none") : items.joined(separator: ", ") }

    /// The expectation in the test's own words: "permit by medisch oblige record", or in a
    /// Dutch covenant "toegestaan door medisch verplicht record".
    func describe(_ test: TestInfo) -> String {
        var parts = [keyword(test.expectedEffect == .permit ? .permitted : .denied)]
        if let r = test.expectedRules { parts.append("\(keyword(.by)) \(list(names(r, model.rules.map(\.id))))") }
        if let o = test.expectedObligations { parts.append("\(keyword(.oblige)) \(list(o.map(duty)))") }
        if let w = test.expectedWaived { parts.append("\(keyword(.waived)) \(list(w.map(duty)))") }
        if let p = test.expectedPostponed { parts.append("\(keyword(.postponed)) \(list(p.map(duty)))") }
        if let m = test.expectedMissing {
            parts.append("\(keyword(.missing)) \(list(names(m, model.facts.map(\.id))))")
        }
        return parts.joined(separator: " ")
    }

    /// The actual decision in the same words as an expectation.
    func describe(_ d: Decision) -> String {
        var parts = [keyword(d.effect == .permit ? .permitted : .denied)]
        if !d.decidedBy.isEmpty { parts.append("\(keyword(.by)) \(d.decidedBy.joined(separator: ", "))") }
        func duty(_ o: Decision.Obligation) -> String { o.by == .sender ? o.id : "\(actor(o.by.rawValue)) \(o.id)" }
        let standing = d.obligations.filter { !$0.waived }.map(duty)
        let waived = d.obligations.filter { $0.waived }.map(duty)
        let postponed = d.obligations.filter { $0.postponed }.map(duty)
        if !standing.isEmpty { parts.append("\(keyword(.oblige)) \(standing.joined(separator: ", "))") }
        if !waived.isEmpty { parts.append("\(keyword(.waived)) \(waived.joined(separator: ", "))") }
        if !postponed.isEmpty { parts.append("\(keyword(.postponed)) \(postponed.joined(separator: ", "))") }
        if !d.inForce { parts.append(words("testRunner.notInForce", d.at ?? words("testRunner.thatDay"))) }
        if !d.missingFacts.isEmpty { parts.append("\(keyword(.missing)) \(d.missingFacts.joined(separator: ", "))") }
        return parts.joined(separator: " ")
    }
}
