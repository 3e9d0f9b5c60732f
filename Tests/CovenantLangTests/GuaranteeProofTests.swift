import CovenantEval
@testable import CovenantLang
import Testing

/// A small random covenant with random guarantees, as source text, together with what a brute
/// force needs to know of it without asking the checker: group members, the category and
/// purpose trees, the facts' domains, and each guarantee's scope, condition and promised
/// obligations by name. Numbers are kept small so that every value of every fact can be tried;
/// the rules compare numbers only with a few constants, the guarantees with any value.
struct RandomGuaranteeCovenant {
    indirect enum Condition {
        case truth(String)
        /// fact, operator, value (bool 0/1, the number, or the enumeration index)
        case compare(String, String, Int)
        case member(String, [Int], negated: Bool)
        case not(Condition)
        case and(Condition, Condition)
        case or(Condition, Condition)
    }

    enum Domain {
        case bool
        case int(ClosedRange<Int>)
        case enumeration([String])

        var values: [Int] {
            switch self {
            case .bool: [0, 1]
            case .int(let range): Array(range)
            case .enumeration(let names): Array(names.indices)
            }
        }
    }

    struct Fact {
        var name: String
        var domain: Domain
        var hasDefault: Bool
    }

    /// An obligation the guarantee promises; `timing` as `ReferenceInterpreter.timingText` writes it.
    struct Duty {
        var obligation: String
        var actor: String?
        var timing: String?
    }

    struct Guarantee {
        var mode: GuaranteeMode
        /// nil: `any`.
        var senders: [String]?
        var recipients: [String]?
        var categories: [String]
        var purposes: [String]?
        var condition: Condition?
        var duties: [Duty]
    }

    var rng: SplitMix
    var text = ""
    var parties: [String] = []
    var processors: Set<String> = []
    var groups: [String: [String]] = [:]
    var groupNames: [String] = []
    var categories: [String] = []
    var categoryParent: [String: String] = [:]
    var purposes: [String] = []
    var purposeParent: [String: String] = [:]
    var facts: [Fact] = []
    var guarantees: [Guarantee] = []
    /// Each rule's scope as written, so that a guarantee can aim at it.
    var ruleScopes: [Guarantee] = []

    init(seed: UInt64) { rng = SplitMix(seed: seed) }

    mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ list: [T]) -> T { list[int(list.count)] }
    mutating func some<T: Hashable & Comparable>(_ list: [T], upTo n: Int) -> [T] {
        Set((0..<(1 + int(n))).map { _ in pick(list) }).sorted()
    }

    mutating func generate(guarantees count: Int) -> String {
        text = "covenant \"Random\" { version \"1\" controller p0 valid from 2025-01-01 until 2026-12-31 }\n"
        for i in 0..<(2 + int(3)) {
            parties.append("p\(i)")
            text += "party p\(i) { kind \(pick(["government", "care", "enforcement", "education"])) }\n"
        }
        if chance(50) {
            parties.append("pr")
            processors.insert("pr")
            text += "party pr { kind other processor for p0 }\n"
        }
        if chance(40) {
            parties.append("desk")
            text += "party desk { kind government acts for p0 }\n"
        }
        for i in 0..<int(3) {
            let members = some(parties + groupNames, upTo: 3)
            groupNames.append("g\(i)")
            groups["g\(i)"] = members
            text += "group g\(i) = \(members.joined(separator: ", "))\n"
        }
        var list = ["c0"], parents: [String: String] = [:]
        text += "category c0 {\n"
        tree("category", prefix: "c", parent: "c0", depth: 1, list: &list, parents: &parents)
        (categories, categoryParent) = (list, parents)
        (list, parents) = (["u0"], [:])
        text += "}\npurpose u0 {\n"
        tree("purpose", prefix: "u", parent: "u0", depth: 1, list: &list, parents: &parents)
        (purposes, purposeParent) = (list, parents)
        text += "}\n"
        if chance(40) {
            text += "purpose v0\n"
            purposes.append("v0")
        }
        facts = [
            Fact(name: "fb", domain: .bool, hasDefault: true), Fact(name: "fd", domain: .bool, hasDefault: false),
            Fact(name: "fi", domain: .int(0...6), hasDefault: chance(50)),
            Fact(name: "fe", domain: .enumeration(["x", "y", "z"]), hasDefault: chance(50)),
        ]
        if chance(50) { facts.append(Fact(name: "fj", domain: .int(-1...1), hasDefault: false)) }
        for fact in facts {
            switch fact.domain {
            case .bool: text += "fact \(fact.name) : bool\(fact.hasDefault ? " default false" : "")\n"
            case .int(let r):
                text +=
                    "fact \(fact.name) : int \(r.lowerBound)..\(r.upperBound)\(fact.hasDefault ? " default 3" : "")\n"
            case .enumeration(let names):
                text += "fact \(fact.name) : \(names.joined(separator: " | "))\(fact.hasDefault ? " default y" : "")\n"
            }
        }
        text += "basis b0 { kind consent }\nbasis b1 { kind public_task }\n"
        text += "obligation o0\nobligation o1\nobligation o2\n"
        var effects: [Bool] = []
        for r in 0..<(2 + int(6)) {
            let permit = chance(60)
            var header = "rule r\(r)"
            let opposite = effects.indices.filter { effects[$0] != permit }
            if !opposite.isEmpty, chance(35) { header += " exception to r\(pick(opposite))" }
            effects.append(permit)
            let scope = Guarantee(
                mode: .never, senders: targets(), recipients: targets(), categories: some(categories, upTo: 2),
                purposes: chance(25) ? nil : some(purposes, upTo: 2), condition: nil, duties: [])
            ruleScopes.append(scope)
            text += "\(header) {\n  \(permit ? "permit" : "forbid") \(statement(scope))\n"
            if chance(10) {
                // True (false) for every value, unknown when the fact is missing.
                let atom = condition(depth: 2, ruleConstants: true)
                text += "  when \(conditionText(permit ? .or(atom, .not(atom)) : .and(atom, .not(atom))))\n"
            } else if chance(75) {
                text += "  when \(conditionText(condition(depth: 0, ruleConstants: true)))\n"
            }
            if permit {
                text += "  basis \(chance(50) ? "b0" : "b0, b1")\n"
                if chance(75) {
                    let uses = (0..<(1 + int(3))).map { _ -> String in
                        var use =
                            (chance(35) ? pick(["sender ", "recipient ", "controller "]) : "")
                            + pick(["o0", "o1", "o2"])
                        use += timing().source
                        if chance(30) {
                            use += " postponed while \(conditionText(condition(depth: 1, ruleConstants: true)))"
                        }
                        if chance(30) { use += " unless \(conditionText(condition(depth: 1, ruleConstants: true)))" }
                        return use
                    }
                    text += "  oblige \(uses.joined(separator: ", "))\n"
                }
            }
            text += "}\n"
        }
        for g in 0..<count {
            let mode = pick([GuaranteeMode.never, .never, .always, .whenever, .whenever])
            // Often exactly a rule's scope, so that promises about what the rules permit are common.
            var guarantee =
                chance(40)
                ? pick(ruleScopes)
                : Guarantee(
                    mode: mode, senders: targets(), recipients: targets(), categories: some(categories, upTo: 2),
                    purposes: chance(25) ? nil : some(purposes, upTo: 2), condition: nil, duties: [])
            guarantee.mode = mode
            guarantee.condition = chance(60) ? condition(depth: 0, ruleConstants: false) : nil
            var statement = "\(mode.rawValue) \(self.statement(guarantee))"
            if let c = guarantee.condition { statement += " when \(conditionText(c))" }
            if mode == .whenever {
                var uses: [String] = []
                for _ in 0..<(1 + int(2)) {
                    let actor = chance(30) ? pick(["sender", "recipient", "controller"]) : nil
                    let obligation = pick(["o0", "o1", "o2"])
                    let (source, key) = chance(35) ? timing() : ("", nil)
                    guarantee.duties.append(Duty(obligation: obligation, actor: actor, timing: key))
                    uses.append((actor.map { $0 + " " } ?? "") + obligation + source)
                }
                statement += " permitted oblige \(uses.joined(separator: ", "))"
            }
            guarantees.append(guarantee)
            text += "guarantee g_\(g)\(chance(50) ? " \"Promise \(g)\"" : "") {\n  \(statement)\n}\n"
        }
        return text
    }

    /// A timing as written (with its leading space) and as the reference interpreter keys it.
    mutating func timing() -> (source: String, key: String?) {
        switch int(4) {
        case 0: return (" before", "before")
        case 1: return (" after", "after")
        case 2:
            let n = 1 + int(3)
            return (" within \(n) weeks", n == 1 ? "within 1 week" : "within \(n) weeks")
        default: return ("", nil)
        }
    }

    mutating func targets() -> [String]? { chance(20) ? nil : some(parties + groupNames, upTo: 2) }

    /// `S -> R share C for P`.
    func statement(_ scope: Guarantee) -> String {
        func list(_ names: [String]?) -> String { names?.joined(separator: ", ") ?? "any" }
        let (s, r, c, p) = (list(scope.senders), list(scope.recipients), list(scope.categories), list(scope.purposes))
        return "\(s) -> \(r) share \(c) for \(p)"
    }

    mutating func tree(
        _ kind: String, prefix: String, parent: String, depth: Int, list: inout [String],
        parents: inout [String: String]
    ) {
        for _ in 0..<(1 + int(2)) {
            let name = "\(prefix)\(list.count)"
            list.append(name)
            parents[name] = parent
            let indent = String(repeating: "  ", count: depth)
            if depth < 2, chance(40) {
                text += "\(indent)\(kind) \(name) {\n"
                tree(kind, prefix: prefix, parent: name, depth: depth + 1, list: &list, parents: &parents)
                text += "\(indent)}\n"
            } else {
                text += "\(indent)\(kind) \(name)\n"
            }
        }
    }

    /// Rules compare numbers only with 1 and 5 (fi) and 0 (fj), so the values a guarantee
    /// names (any of 0...6) are often values no rule tells apart.
    mutating func condition(depth: Int, ruleConstants: Bool) -> Condition {
        if depth < 2, chance(40) {
            switch int(3) {
            case 0: return .not(condition(depth: depth + 1, ruleConstants: ruleConstants))
            case 1:
                return .and(
                    condition(depth: depth + 1, ruleConstants: ruleConstants),
                    condition(depth: depth + 1, ruleConstants: ruleConstants))
            default:
                return .or(
                    condition(depth: depth + 1, ruleConstants: ruleConstants),
                    condition(depth: depth + 1, ruleConstants: ruleConstants))
            }
        }
        let fact = pick(facts)
        func constant(_ fact: Fact) -> Int {
            switch (fact.name, ruleConstants) {
            case ("fi", true): return pick([1, 5])
            case ("fj", true): return 0
            default: return pick(fact.domain.values)
            }
        }
        switch fact.domain {
        case .bool:
            return chance(50) ? .truth(fact.name) : .compare(fact.name, pick(["==", "!="]), int(2))
        case .int:
            if chance(25) {
                return .member(fact.name, some([constant(fact), constant(fact)], upTo: 1), negated: false)
            }
            return .compare(fact.name, pick(["==", "!=", "<", "<=", ">", ">="]), constant(fact))
        case .enumeration:
            if chance(40) { return .member(fact.name, some([0, 1, 2], upTo: 2), negated: chance(50)) }
            return .compare(fact.name, pick(["==", "!="]), int(3))
        }
    }

    func conditionText(_ c: Condition) -> String {
        func value(_ fact: String, _ v: Int) -> String {
            switch facts.first(where: { $0.name == fact })!.domain {
            case .bool: v == 1 ? "true" : "false"
            case .int: "\(v)"
            case .enumeration(let names): names[v]
            }
        }
        switch c {
        case .truth(let f): return f
        case .compare(let f, let op, let v): return "\(f) \(op) \(value(f, v))"
        case .member(let f, let set, let negated):
            return "\(f) \(negated ? "not in" : "in") {\(set.map { value(f, $0) }.joined(separator: ", "))}"
        case .not(let a): return "not \(conditionText(a))"
        case .and(let a, let b): return "(\(conditionText(a)) and \(conditionText(b)))"
        case .or(let a, let b): return "(\(conditionText(a)) or \(conditionText(b)))"
        }
    }

    /// Kleene logic over the facts by name (an absent fact is missing); nil is unknown.
    static func truth(_ c: Condition, _ values: [String: Int]) -> Bool? {
        switch c {
        case .truth(let f): return values[f].map { $0 == 1 }
        case .compare(let f, let op, let k):
            guard let x = values[f] else { return nil }
            switch op {
            case "==": return x == k
            case "!=": return x != k
            case "<": return x < k
            case "<=": return x <= k
            case ">": return x > k
            default: return x >= k
            }
        case .member(let f, let set, let negated):
            return values[f].map { set.contains($0) != negated }
        case .not(let a): return truth(a, values).map { !$0 }
        case .and(let a, let b):
            let (x, y) = (truth(a, values), truth(b, values))
            if x == false || y == false { return false }
            return x == nil || y == nil ? nil : true
        case .or(let a, let b):
            let (x, y) = (truth(a, values), truth(b, values))
            if x == true || y == true { return true }
            return x == nil || y == nil ? nil : false
        }
    }
}

/// The truth about a random covenant's guarantees, found by trying every case: every sender and
/// recipient in scope (`any`: every party but the processors; a group: each of its members),
/// every leaf category under the listed categories, every purpose in the closure of the listed
/// purposes and every value of every fact (missing too when it has no default), each decided by
/// the reference interpreter.
struct GuaranteeBruteForce {
    let covenant: RandomGuaranteeCovenant
    let model: CovenantModel
    let reference: ReferenceInterpreter
    /// Every combination of fact values, by name (an absent fact is missing), and as the
    /// reference interpreter takes it.
    let combinations: [[String: Int]]
    let given: [[Int: FactValue]]
    var decided: [Int: ReferenceInterpreter.Outcome] = [:]

    struct Verdict {
        /// Some case in scope has the condition true.
        var counts = false
        /// The first case found that breaks the promise.
        var violation: (combination: Int, cell: [Int])?
    }

    init(_ covenant: RandomGuaranteeCovenant, _ model: CovenantModel) {
        self.covenant = covenant
        self.model = model
        reference = ReferenceInterpreter(model: model)
        var combinations: [[String: Int]] = [[:]]
        for fact in covenant.facts {
            let values: [Int?] = fact.domain.values + (fact.hasDefault ? [] : [nil])
            combinations = combinations.flatMap { c in
                values.map { v in
                    var next = c
                    next[fact.name] = v
                    return next
                }
            }
        }
        self.combinations = combinations
        given = combinations.map { Self.given($0, model) }
    }

    static func given(_ values: [String: Int], _ model: CovenantModel) -> [Int: FactValue] {
        var given: [Int: FactValue] = [:]
        for (f, fact) in model.facts.enumerated() {
            guard let v = values[fact.id] else { continue }
            switch fact.type {
            case .bool: given[f] = .bool(v == 1)
            case .int: given[f] = .int(v)
            case .enumeration: given[f] = .enumeration(v)
            }
        }
        return given
    }

    func party(_ name: String) -> Int { model.parties.firstIndex { $0.id == name }! }

    func parties(_ names: [String]?) -> [Int] {
        guard let names else {
            return covenant.parties.filter { !covenant.processors.contains($0) }.map(party)
        }
        var out = Set<Int>()
        func add(_ name: String) {
            if let members = covenant.groups[name] { members.forEach(add) } else { out.insert(party(name)) }
        }
        names.forEach(add)
        return out.sorted()
    }

    static func isWithin(_ x: String, _ ancestor: String, _ parents: [String: String]) -> Bool {
        var current: String? = x
        while let c = current {
            if c == ancestor { return true }
            current = parents[c]
        }
        return false
    }

    func leaves(_ names: [String]) -> [Int] {
        let inner = Set(covenant.categoryParent.values)
        return covenant.categories.filter { c in
            !inner.contains(c) && names.contains { Self.isWithin(c, $0, covenant.categoryParent) }
        }.map { c in model.categories.firstIndex { $0.id == c }! }
    }

    func purposes(_ names: [String]?) -> [Int] {
        covenant.purposes.filter { u in names?.contains { Self.isWithin(u, $0, covenant.purposeParent) } ?? true }
            .map { u in model.purposes.firstIndex { $0.id == u }! }
    }

    func scope(_ g: RandomGuaranteeCovenant.Guarantee) -> [[Int]] {
        [parties(g.senders), parties(g.recipients), leaves(g.categories), purposes(g.purposes)]
    }

    /// The promised duties that do not stand (absent or waived) in a decision.
    static func missingDuties(_ g: RandomGuaranteeCovenant.Guarantee, _ o: ReferenceInterpreter.Outcome) -> [Int] {
        g.duties.indices.filter { i in
            let duty = g.duties[i]
            return !o.obligations.contains { entry in
                let part = entry.split(separator: "|").map(String.init)
                return part[0] == duty.obligation && part[3] == "false" && (duty.actor.map { $0 == part[1] } ?? true)
                    && (duty.timing.map { $0 == part[2] } ?? true)
            }
        }
    }

    static func breaks(_ g: RandomGuaranteeCovenant.Guarantee, _ o: ReferenceInterpreter.Outcome) -> Bool {
        switch g.mode {
        case .never: o.permit
        case .always: !o.permit
        case .whenever: o.permit && !missingDuties(g, o).isEmpty
        }
    }

    mutating func decide(_ combination: Int, _ cell: [Int]) -> ReferenceInterpreter.Outcome {
        var key = combination
        for (i, x) in cell.enumerated() {
            key = key * [model.parties.count, model.parties.count, model.categories.count, model.purposes.count][i] + x
        }
        if let known = decided[key] { return known }
        let o = reference.decide(
            sender: cell[0], recipient: cell[1], category: cell[2], purpose: cell[3], given: given[combination])
        decided[key] = o
        return o
    }

    mutating func verdict(_ g: RandomGuaranteeCovenant.Guarantee) -> Verdict {
        var verdict = Verdict()
        let scope = scope(g)
        for k in combinations.indices {
            if let c = g.condition, RandomGuaranteeCovenant.truth(c, combinations[k]) != true { continue }
            for s in scope[0] {
                for r in scope[1] {
                    for leaf in scope[2] {
                        for p in scope[3] {
                            verdict.counts = true
                            if Self.breaks(g, decide(k, [s, r, leaf, p])) {
                                verdict.violation = (k, [s, r, leaf, p])
                                return verdict
                            }
                        }
                    }
                }
            }
        }
        return verdict
    }
}

@Suite struct GuaranteeProofTests {
    static let generous = 1 << 40

    static func compiled(_ text: String, path: String = "g.covenant") -> (CovenantModel, DecisionTable)? {
        let source = SourceFile(path: path, text: text)
        let result = Frontend.check(source)
        guard let model = result.model else {
            Issue.record("does not check:\n\(Support.rendered(result))\n\(text)")
            return nil
        }
        return (model, Compiler.compile(model, source: source))
    }

    static func outcomes(_ text: String, budget: Int = generous) -> [GuaranteeOutcome] {
        guard let (model, table) = compiled(text) else { return [] }
        return GuaranteeProof.prove(model, table, budget: budget)
    }

    // MARK: Exactness against brute force

    /// 12 batches of 10 covenants with 5 guarantees each: 600 covenant/guarantee pairs.
    @Test(arguments: 0..<12)
    func proverAgreesWithBruteForce(batch: Int) throws {
        var pairs = 0
        var seen: [GuaranteeOutcome.Status: Int] = [:]
        for seed in UInt64(23_000 + batch * 10)..<UInt64(23_000 + batch * 10 + 10) {
            var covenant = RandomGuaranteeCovenant(seed: seed)
            let text = covenant.generate(guarantees: 5)
            guard let (model, table) = Self.compiled(text, path: "random-\(seed).covenant") else { continue }
            try #require(model.guarantees.count == covenant.guarantees.count)
            let outcomes = GuaranteeProof.prove(model, table, budget: Self.generous)
            var brute = GuaranteeBruteForce(covenant, model)
            for (g, outcome) in outcomes.enumerated() {
                pairs += 1
                seen[outcome.status, default: 0] += 1
                let truth = brute.verdict(covenant.guarantees[g])
                let expected: GuaranteeOutcome.Status =
                    truth.violation != nil ? .refuted : truth.counts ? .proved : .neverApplies
                let context = "seed \(seed), guarantee g_\(g): expected \(expected), got \(outcome.status)"
                guard outcome.status == expected else {
                    if let v = truth.violation {
                        let names = [
                            model.parties[v.cell[0]].id, model.parties[v.cell[1]].id, model.categories[v.cell[2]].id,
                            model.purposes[v.cell[3]].id,
                        ]
                        Issue.record("\(context); a violation: \(names) \(brute.combinations[v.combination])\n\(text)")
                    } else {
                        Issue.record("\(context); witness \(outcome.witness ?? "-")\n\(text)")
                    }
                    continue
                }
                if outcome.status == .refuted {
                    try checkWitness(outcome, covenant.guarantees[g], &brute, table, context: "\(context)\n\(text)")
                }
            }
        }
        #expect(pairs == 50)
        #expect(seen[.notProved] == nil)
        // Each batch sees both a promise that holds and one that does not.
        #expect(seen[.proved, default: 0] > 0 && seen[.refuted, default: 0] > 0, "\(seen)")
    }

    /// The witness is in scope, makes the condition true and breaks the promise when the
    /// reference interpreter decides it; its text parses back (as `covenantc explain` reads
    /// it) to the same query; the deciding rules and missing duties are the reference's; and
    /// no fact it states can be left out.
    func checkWitness(
        _ outcome: GuaranteeOutcome, _ g: RandomGuaranteeCovenant.Guarantee, _ brute: inout GuaranteeBruteForce,
        _ table: DecisionTable, context: String
    ) throws {
        let q = try #require(outcome.witnessQuery, "\(context)")
        let text = try #require(outcome.witness, "\(context)")
        let model = brute.model
        let scope = brute.scope(g)
        #expect(scope[0].contains(Int(q.sender)) && scope[1].contains(Int(q.recipient)), "\(context)")
        #expect(scope[2].contains(Int(q.category)) && scope[3].contains(Int(q.purpose)), "\(context)")
        #expect(q.date == table.firstDayInForce, "\(context)")
        switch QueryText.parse(text) {
        case .success(let query):
            #expect(try table.resolve(query, on: CalendarDate("1990-01-01")!) == q, "\(text)\n\(context)")
        case .failure(let failure):
            Issue.record("witness '\(text)' does not parse: \(failure.diagnostics.map(\.message))\n\(context)")
        }
        func values(_ facts: [Int64]) -> [String: Int] {
            var values: [String: Int] = [:]
            for (f, v) in facts.enumerated() where v != ResolvedQuery.missing { values[model.facts[f].id] = Int(v) }
            return values
        }
        func decide(_ facts: [Int64]) -> ReferenceInterpreter.Outcome {
            brute.reference.decide(
                sender: Int(q.sender), recipient: Int(q.recipient), category: Int(q.category), purpose: Int(q.purpose),
                given: GuaranteeBruteForce.given(values(facts), model))
        }
        let o = decide(q.facts)
        #expect(g.condition.map { RandomGuaranteeCovenant.truth($0, values(q.facts)) == true } ?? true, "\(context)")
        #expect(GuaranteeBruteForce.breaks(g, o), "witness \(text) keeps the promise: \(o)\n\(context)")
        #expect(outcome.deciding.map { model.rules[$0].id } == o.decidedBy, "\(text)\n\(context)")
        if g.mode == .whenever {
            #expect(outcome.missingDuties == GuaranteeBruteForce.missingDuties(g, o), "\(text)\n\(context)")
        }
        // As few facts as this search can state: leaving out any one of them loses the refutation.
        for (f, fact) in model.facts.enumerated() {
            let omitted = fact.defaultValue.map { v -> Int64 in
                switch v {
                case .bool(let b): b ? 1 : 0
                case .int(let n): Int64(n)
                case .enumeration(let i): Int64(i)
                }
            }
            guard q.facts[f] != (omitted ?? ResolvedQuery.missing) else { continue }
            var fewer = q.facts
            fewer[f] = omitted ?? ResolvedQuery.missing
            let counts = g.condition.map { RandomGuaranteeCovenant.truth($0, values(fewer)) == true } ?? true
            #expect(!counts || !GuaranteeBruteForce.breaks(g, decide(fewer)), "\(fact.id) in \(text)\n\(context)")
        }
    }

    /// With any bound, a guarantee is either not proved or gets exactly the outcome of an
    /// unbounded proof: a bound never makes a guarantee hold.
    @Test func aBoundNeverChangesTheAnswerOnlyWithholdsIt() throws {
        var withheld = 0, answered = 0
        for seed in UInt64(24_000)..<24_030 {
            var covenant = RandomGuaranteeCovenant(seed: seed)
            guard let (model, table) = Self.compiled(covenant.generate(guarantees: 4)) else { continue }
            let exact = GuaranteeProof.prove(model, table, budget: Self.generous)
            #expect(GuaranteeProof.prove(model, table, budget: 0).allSatisfy { $0.status == .notProved })
            for budget in [1, 7, 60, 500, 4000] {
                for (small, full) in zip(GuaranteeProof.prove(model, table, budget: budget), exact) {
                    if small.status == .notProved {
                        withheld += 1
                    } else {
                        answered += 1
                        #expect(small == full, "seed \(seed), budget \(budget)")
                    }
                }
            }
        }
        #expect(withheld > 0 && answered > 0)
    }

    // MARK: Syntax

    static let covenant = """
        covenant "G" {
          controller a
          valid from 2025-01-01 until 2026-12-31
        }

        party a { kind care }
        party b { kind care }
        party c { kind enforcement }

        group hulp = a, b

        category d {
          category dat
          category wat
        }

        purpose p
        purpose q

        fact f : bool
        fact n : int 0..10 default 3
        fact e : x | y | z default x

        basis bs { kind consent }

        obligation o1
        obligation o2
        obligation o3

        """

    /// In the formatter's layout: one line when the promise fits, else a clause a line.
    static let english = """
        guarantee g1 "Never to c" {
          never hulp -> c share wat for any when not f and n >= 2
        }

        guarantee g2 {
          always a -> b share dat for p
        }

        guarantee g3 "Recorded" {
          whenever any -> hulp
          share d
          for p, q
          when e in {x, y}
          permitted oblige o1, recipient o2 within 2 weeks, o3 before
        }

        guarantee g4 {
          whenever a -> b share dat for p permitted oblige controller o1 after
        }

        """

    @Test func guaranteesRoundTripThroughTheFormatterInBothLanguages() throws {
        let text = Self.covenant + "\n" + Self.english
        let file = try PrinterTests.parse(text)
        let english = Printer.print(file, in: .en)
        #expect(english == text)
        let dutch = Printer.print(file, in: .nl)
        for word in [
            "waarborg g1 \"Never to c\" {", "nooit hulp -> c deel wat voor iedere wanneer niet f en n >= 2",
            "altijd a -> b deel dat voor p",
            "telkens als iedere -> hulp\n  deel d\n  voor p, q\n  wanneer e in {x, y}\n"
                + "  toegestaan verplicht o1, ontvanger o2 binnen 2 weken, o3 vooraf\n",
            "toegestaan verplicht verantwoordelijke o1 achteraf",
        ] {
            #expect(dutch.contains(word), "\(word) in\n\(dutch)")
        }
        let dutchFile = try PrinterTests.parse(dutch)
        #expect(dutchFile.language == .nl)
        #expect(Printer.print(dutchFile, in: .en) == english)
        #expect(Printer.print(dutchFile) == dutch)
        let a = try #require(Self.compiled(english)?.0), b = try #require(Self.compiled(dutch)?.0)
        func duty(_ d: GuaranteedDuty) -> String {
            let timing: String =
                switch d.timing {
                case nil: "-"
                case .before: "before"
                case .after: "after"
                case .within(let span): "within \(span.amount) \(span.unit.rawValue)"
                }
            return "\(d.obligation) \(d.actor?.rawValue ?? "-") \(timing)"
        }
        func promise(_ g: GuaranteeInfo) -> String {
            "\(g.id) \(g.title ?? "-") \(g.mode) \(g.senders) \(g.recipients) \(g.categories) \(g.purposes) "
                + "\(String(describing: g.condition)) \(g.obligations.map(duty))"
        }
        #expect(a.guarantees.map(promise) == b.guarantees.map(promise))
        #expect(a.guarantees.map(\.mode) == [.never, .always, .whenever, .whenever])
        #expect(a.guarantees[2].obligations.map(duty) == ["0 - -", "1 recipient within 2 weeks", "2 - before"])
        #expect(a.guarantees[3].obligations.map(duty) == ["0 controller after"])
    }

    /// `telkens` alone and `telkens als` read alike; the formatter writes `telkens als`.
    @Test func dutchWheneverReadsWithOrWithoutAls() throws {
        let dutch = Printer.print(try PrinterTests.parse(Self.covenant), in: .nl)
        let short = dutch + "waarborg w { telkens a -> b deel dat voor p toegestaan verplicht o1 }\n"
        let long = dutch + "waarborg w { telkens als a -> b deel dat voor p toegestaan verplicht o1 }\n"
        let printed = Printer.print(try PrinterTests.parse(short))
        #expect(printed == Printer.print(try PrinterTests.parse(long)))
        #expect(printed.contains("  telkens als a -> b deel dat voor p toegestaan verplicht o1\n"))
        #expect(try #require(Self.compiled(short)?.0).guarantees.first?.mode == .whenever)
    }

    // MARK: Checker

    @Test func unknownNamesInAGuaranteeAreErrors() {
        for statement in [
            "never zz -> a share dat for p", "never a -> hulp2 share dat for p", "never a -> b share nope for p",
            "never a -> b share dat for nope", "never a -> b share dat for p when zz",
            "whenever a -> b share dat for p permitted oblige o9",
        ] {
            let codes = Support.codes(Self.covenant + "guarantee g { \(statement) }\n")
            #expect(codes == ["E201"], "\(statement)")
        }
    }

    @Test func wheneverNeedsPermittedObligeAndOnlyItHasOne() {
        let missing = Support.codes(Self.covenant + "guarantee g { whenever a -> b share dat for p }\n")
        #expect(missing == ["E113"])
        let onNever = Support.codes(
            Self.covenant + "guarantee g { never a -> b share dat for p permitted oblige o1 }\n")
        #expect(onNever == ["E111"])
        let onAlways = Support.codes(
            Self.covenant + "guarantee g { always a -> b share dat for p permitted oblige o1 }\n")
        #expect(onAlways == ["E111"])
        for clause in ["unless f", "postponed while f"] {
            let codes = Support.codes(
                Self.covenant + "guarantee g { whenever a -> b share dat for p permitted oblige o1 \(clause) }\n")
            #expect(codes.first == "E111", "\(clause): \(codes)")
        }
    }

    // MARK: Obligations

    /// Who acts and when match only when the guarantee writes them; a waived obligation does
    /// not stand, a postponed one does.
    @Test func obligationsMatchByWhatTheGuaranteeWrites() throws {
        let text =
            Self.covenant + """
                rule r {
                  permit a -> b
                  share dat
                  for p
                  basis bs
                  oblige recipient o1 within 2 weeks, o2 unless f, o3 postponed while f
                }

                """
        let cases: [(String, GuaranteeOutcome.Status)] = [
            ("o1", .proved), ("recipient o1", .proved), ("o1 within 2 weeks", .proved),
            ("recipient o1 within 2 weeks", .proved), ("sender o1", .refuted), ("controller o1", .refuted),
            ("o1 before", .refuted), ("o1 within 3 weeks", .refuted), ("recipient o1 after", .refuted),
            // The sender acts when the rule names no one; o2 is waived when f holds.
            ("sender o3", .proved), ("recipient o3", .refuted), ("o2", .refuted), ("o3", .proved),
        ]
        for (duties, expected) in cases {
            let outcomes = Self.outcomes(
                text + "guarantee g { whenever a -> b share dat for p permitted oblige \(duties) }\n")
            #expect(outcomes.map(\.status) == [expected], "\(duties)")
        }
        // o2 is waived exactly when f holds: the witness says so, and the condition can exclude it.
        let waived = Self.outcomes(text + "guarantee g { whenever a -> b share dat for p permitted oblige o3, o2 }\n")
        #expect(waived.first?.witness == "a -> b share dat for p on 2025-01-01 given f = true")
        #expect(waived.first?.missingDuties == [1])
        #expect(waived.first?.deciding == [0])
        let unlessF = Self.outcomes(
            text + "guarantee g { whenever a -> b share dat for p when not f permitted oblige o2 }\n")
        #expect(unlessF.map(\.status) == [.proved])
        // Postponed while f: still standing.
        let postponed = Self.outcomes(
            text + "guarantee g { whenever a -> b share dat for p when f permitted oblige o3 }\n")
        #expect(postponed.map(\.status) == [.proved])
        // Where nothing is permitted, a `whenever` holds.
        let elsewhere = Self.outcomes(
            text + "guarantee g { whenever b -> a share d for any permitted oblige o2 }\n")
        #expect(elsewhere.map(\.status) == [.proved])
    }

    // MARK: Outcomes

    @Test func refutationsNameAWitnessInTheCovenantsLanguage() throws {
        let text =
            Self.covenant + """
                rule r {
                  permit hulp -> c
                  share wat
                  for q
                  when f or n > 7
                  basis bs
                }

                guarantee g { never hulp -> c share d for any when n < 9 }

                """
        let outcomes = Self.outcomes(text)
        #expect(outcomes.map(\.status) == [.refuted])
        #expect(outcomes.first?.witness == "a -> c share wat for q on 2025-01-01 given f = true")
        let dutch = Printer.print(try PrinterTests.parse(text), in: .nl)
        let nl = try #require(Self.compiled(dutch))
        let refuted = try #require(GuaranteeProof.prove(nl.0, nl.1, budget: Self.generous).first)
        #expect(refuted.witness == "a -> c deel wat voor q op 2025-01-01 met f = ja")
        guard case .success(let query) = QueryText.parse(try #require(refuted.witness)) else {
            Issue.record("the Dutch witness does not parse")
            return
        }
        #expect(try nl.1.resolve(query, on: CalendarDate("1990-01-01")!) == refuted.witnessQuery)
    }

    /// A missing fact is a case of its own: here only a missing `f` lets the forbid apply
    /// (unknown is not false) without its exception (unknown is not true).
    @Test func aMissingFactCanBreakAPromise() throws {
        let text =
            Self.covenant + """
                rule base { permit a -> b share dat for p basis bs }

                rule stop exception to base { forbid a -> b share dat for p when f }

                rule again exception to stop { permit a -> b share dat for p when f basis bs }

                guarantee g { always a -> b share dat for p }

                """
        let outcome = try #require(Self.outcomes(text).first)
        #expect(outcome.status == .refuted)
        #expect(outcome.witness == "a -> b share dat for p on 2025-01-01")
        #expect(outcome.deciding == [1])
    }

    @Test func aGuaranteeThatCannotApplyIsReportedSo() throws {
        let text =
            Self.covenant + """
                rule r { permit a -> b share dat for p basis bs }

                guarantee g1 { never a -> b share dat for p when n > 4 and n < 5 }

                guarantee g2 { always a -> b share dat for p when f and not f }

                guarantee g3 { always a -> b share dat for p when f or not f }

                """
        #expect(Self.outcomes(text).map(\.status) == [.neverApplies, .neverApplies, .proved])
    }

    /// Too small a bound, or a cell with more combinations than the bound allows, is "not
    /// proved", never "proved".
    @Test func aBoundTooSmallIsNotProved() throws {
        let text =
            Self.covenant + """
                rule r { permit a -> b share dat for p when f basis bs }

                guarantee g1 { never a -> b share dat for p when not f }

                guarantee g2 { always any -> any share d for any when n < 0 }

                """
        #expect(Self.outcomes(text).map(\.status) == [.proved, .neverApplies])
        #expect(Self.outcomes(text, budget: 1).map(\.status) == [.notProved, .notProved])
        #expect(Self.outcomes(text, budget: 4).map(\.status) == [.proved, .notProved])
        // Seven facts of six values each (five and missing): 279 936 combinations in one cell.
        var many = Self.covenant
        let names = (1...7).map { "m\($0)" }
        for name in names { many += "fact \(name) : v1 | v2 | v3 | v4 | v5\n" }
        many +=
            "rule big { permit a -> b share dat for p when \(names.map { "\($0) == v1" }.joined(separator: " or ")) "
        many += "basis bs }\nguarantee g { never a -> b share dat for p when f }\n"
        #expect(Self.outcomes(many).map(\.status) == [.notProved])
    }
}
