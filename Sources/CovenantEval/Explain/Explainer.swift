/// Why a decision came out as it did: for each leaf category, every rule in scope with how
/// its condition came out on which fact values and what defeated it; and for a deny, the
/// smallest changes of fact values that would make it a permit.
public struct Explanation: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        case held, failed, unknown
    }

    /// A fact and its value as words: "consent" and "given", "age" and ">= 16".
    public struct FactValue: Sendable, Equatable {
        public var fact: String
        public var value: String

        public init(_ fact: String, _ value: String) {
            self.fact = fact
            self.value = value
        }
    }

    public struct RuleTrace: Sendable, Equatable {
        public var rule: String
        public var effect: DecisionTable.Effect
        public var condition: String?
        public var outcome: Outcome
        /// The facts the condition mentions, with their values ("not given" when missing).
        public var factValues: [FactValue]
        public var applicable: Bool
        public var defeatedBy: String?
    }

    public struct Leaf: Sendable, Equatable {
        public var category: String
        public var rules: [RuleTrace]
    }

    /// A set of fact changes that makes the query a permit, and the rules that then decide.
    /// A number may change to a range of values (every value in it permits), written `>= 16`,
    /// `<= 11` or `12..15`. A fixed fact (an age, a fact declared fixed) never changes.
    public struct Counterfactual: Sendable, Equatable {
        public var changes: [FactValue]
        public var decidedBy: [String]

        /// "consent = given, by rule medisch"; "age >= 16, by rule medisch"
        public var text: String {
            "\(changes.map(Self.condition).joined(separator: ", ")), by rule\(decidedBy.count == 1 ? "" : "s") "
                + "\(decidedBy.joined(separator: ", "))"
        }

        /// "permitted with consent = given, by rule medisch", or in Dutch "toegestaan als …".
        public func sentence(_ language: Language) -> String {
            Messages.text(
                decidedBy.count == 1 ? "explain.permittedWith" : "explain.permittedWith.many", language,
                changes.map(Self.condition).joined(separator: ", "), decidedBy.joined(separator: ", "))
        }

        /// One change as a condition: `fact = value`; a range of a number reads `>= LO`,
        /// `<= HI` or `LO..HI` as its value, and `fact >= LO`, `fact <= HI`, `fact in LO..HI`.
        static func condition(_ change: FactValue) -> String {
            let (fact, value) = (change.fact, change.value)
            if value.hasPrefix(">= ") || value.hasPrefix("<= ") { return "\(fact) \(value)" }
            if value.contains("..") { return "\(fact) in \(value)" }
            return "\(fact) = \(value)"
        }
    }

    public var decision: Decision
    public var leaves: [Leaf]
    /// For a deny: the smallest changes found (all of that size, up to a few).
    public var counterfactuals: [Counterfactual]
    /// For a deny with no counterfactual: whether the search covered every relevant change.
    public var searchComplete: Bool
}

extension Evaluator {
    /// Most changes a counterfactual may combine, and most decisions the search may make.
    public static let maxChanges = 3
    static let searchBudget = 20_000

    /// The explanation in English or Dutch (conditions, values and reasons; ids stay as declared).
    public func explain(_ q: ResolvedQuery, in language: Language = .en) -> Explanation {
        let decision = self.decision(q, in: language)
        guard table.validate(q) == nil else {
            return Explanation(decision: decision, leaves: [], counterfactuals: [], searchComplete: true)
        }
        let leaves = table.categories[Int(q.category)].leaves.map { trace(q, leaf: $0, language) }
        var counterfactuals: [Explanation.Counterfactual] = []
        var complete = true
        if decision.effect == .deny {
            (counterfactuals, complete) = searchCounterfactuals(q, language)
        }
        return Explanation(
            decision: decision, leaves: leaves, counterfactuals: counterfactuals, searchComplete: complete)
    }

    /// A condition node's truth on these fact values: nil when it depends on a missing fact.
    package func truth(_ node: Int32, _ facts: [Int64]) -> Bool? {
        switch evaluate(node, facts) {
        case .yes: true
        case .no: false
        case .unknown: nil
        }
    }

    /// Rules that an applicable, undefeated exception defeats for this query (in any leaf).
    package func defeatedRules(_ q: ResolvedQuery) -> [Int32] {
        guard fits(q) else { return [] }
        var defeated = Set<Int32>()
        for leaf in table.categories[Int(q.category)].leaves {
            var beaten = Set<Int32>()
            for r in rulesInScope(q, leaf: leaf) {
                let condition = plan.rules[r].condition
                let truth = condition >= 0 ? evaluate(condition, q.facts) : .yes
                if case .counts(let target) = settle(r, truth, defeated: beaten.contains(Int32(r))), target >= 0 {
                    beaten.insert(target)
                }
            }
            defeated.formUnion(beaten)
        }
        return defeated.sorted()
    }

    package func rulesInScope(_ q: ResolvedQuery, leaf: Int32) -> [Int] {
        table.rulesInScope(sender: q.sender, recipient: q.recipient, leaf: leaf, purpose: q.purpose)
    }

    func trace(_ q: ResolvedQuery, leaf: Int32, _ language: Language = .en) -> Explanation.Leaf {
        var defeatedBy: [Int: Int] = [:]
        var traces: [Explanation.RuleTrace] = []
        for r in rulesInScope(q, leaf: leaf) {
            let rule = table.rules[r]
            let truth = rule.condition >= 0 ? evaluate(rule.condition, q.facts) : .yes
            let settlement = settle(r, truth, defeated: defeatedBy[r] != nil)
            if case .counts(let target) = settlement, target >= 0 { defeatedBy[Int(target)] = r }
            let applicable = settlement != .notApplicable
            let facts = rule.condition >= 0 ? mentionedFacts(rule.condition) : []
            traces.append(
                .init(
                    rule: rule.id, effect: rule.effect,
                    condition: rule.condition >= 0 ? table.conditionText(rule.condition, language) : nil,
                    outcome: truth == .yes ? .held : truth == .no ? .failed : .unknown,
                    factValues: facts.map {
                        Explanation.FactValue(table.facts[$0].id, table.valueText(q.facts[$0], fact: $0, language))
                    },
                    applicable: applicable, defeatedBy: nil))
        }
        for i in traces.indices {
            if let r = table.rules.firstIndex(where: { $0.id == traces[i].rule }), let by = defeatedBy[r] {
                traces[i].defeatedBy = table.rules[by].id
            }
        }
        // In declaration order for reading, not in evaluation order.
        traces.sort { a, b in table.rules.firstIndex { $0.id == a.rule }! < table.rules.firstIndex { $0.id == b.rule }!
        }
        return .init(category: table.categories[Int(leaf)].id, rules: traces)
    }

    package func mentionedFacts(_ n: Int32) -> [Int] {
        var seen: [Int] = []
        func walk(_ n: Int32) {
            let node = table.nodes[Int(n)]
            switch node.kind {
            case .truth, .compare, .member: if !seen.contains(Int(node.fact)) { seen.append(Int(node.fact)) }
            case .not, .and, .or: for i in Int(node.first)..<Int(node.first + node.count) { walk(table.children[i]) }
            }
        }
        walk(n)
        return seen
    }

    /// A fact value in words (English; `table.valueText` for another language).
    package func describe(_ v: Int64, fact f: Int) -> String { table.valueText(v, fact: f, .en) }

    /// Breadth-first over sets of changed facts (1, then 2, then 3), each fact over the values
    /// that its conditions tell apart, never a fixed fact; stops at the first size that yields
    /// a permit. A number's permitting values are merged into ranges. Outside the covenant's
    /// validity no change of facts helps, so there is nothing to search.
    func searchCounterfactuals(_ q: ResolvedQuery, _ language: Language = .en) -> ([Explanation.Counterfactual], Bool) {
        guard isInForce(on: q.date) else { return ([], true) }
        var relevant: [Int] = []
        for leaf in table.categories[Int(q.category)].leaves {
            for r in rulesInScope(q, leaf: leaf) where table.rules[r].condition >= 0 {
                for f in mentionedFacts(table.rules[r].condition) where !relevant.contains(f) && !table.facts[f].fixed {
                    relevant.append(f)
                }
            }
        }
        relevant.sort()
        let options = relevant.map { f in searchValues(f).filter { $0 != q.facts[f] } }
        var budget = Self.searchBudget
        var scratch = DecisionScratch()
        var found: [(chosen: [Int], values: [Int64], decidedBy: [String])] = []
        let maxFound = 400
        var complete = true
        for size in 1...max(1, min(Self.maxChanges, relevant.count)) where found.isEmpty && !relevant.isEmpty {
            var chosen: [Int] = []
            func choose(_ from: Int) {
                if found.count >= maxFound || budget <= 0 { return }
                if chosen.count == size {
                    assign(0, q)
                    return
                }
                for i in from..<relevant.count { chosen.append(i); choose(i + 1); chosen.removeLast() }
            }
            func assign(_ k: Int, _ current: ResolvedQuery) {
                if found.count >= maxFound { return }
                if budget <= 0 { complete = false; return }
                if k == chosen.count {
                    budget -= 1
                    if decide(current, into: &scratch) == .permit {
                        found.append(
                            (
                                chosen, chosen.map { current.facts[relevant[$0]] },
                                scratch.permits.map { table.rules[Int($0)].id }
                            ))
                    }
                    return
                }
                let f = relevant[chosen[k]]
                for v in options[chosen[k]] {
                    var next = current
                    next.facts[f] = v
                    assign(k + 1, next)
                }
            }
            choose(0)
        }
        if relevant.count > Self.maxChanges, found.isEmpty { complete = false }
        return (merge(found, relevant, language), complete)
    }

    /// Groups permitting changes that differ only in the value of one number, and writes that
    /// number's values as ranges; at most five counterfactuals, in the order found.
    func merge(
        _ found: [(chosen: [Int], values: [Int64], decidedBy: [String])], _ relevant: [Int], _ language: Language = .en
    ) -> [Explanation.Counterfactual] {
        var result: [Explanation.Counterfactual] = []
        var done = Set<Int>()
        for (i, item) in found.enumerated() where !done.contains(i) {
            done.insert(i)
            let facts = item.chosen.map { relevant[$0] }
            // The last number among the changed facts is the one merged into ranges.
            guard let slot = facts.lastIndex(where: { if case .int = table.facts[$0].kind { true } else { false } })
            else {
                result.append(
                    .init(
                        changes: facts.indices.map {
                            Explanation.FactValue(
                                table.facts[facts[$0]].id, table.valueText(item.values[$0], fact: facts[$0], language))
                        },
                        decidedBy: item.decidedBy))
                continue
            }
            var permitted = Set([item.values[slot]])
            for (j, other) in found.enumerated()
            where j > i && !done.contains(j) && other.chosen == item.chosen && other.decidedBy == item.decidedBy
                && other.values.indices.allSatisfy({ $0 == slot || other.values[$0] == item.values[$0] })
            {
                done.insert(j)
                permitted.insert(other.values[slot])
            }
            let f = facts[slot]
            for range in ranges(permitted, fact: f) {
                var changes = facts.indices.map {
                    Explanation.FactValue(
                        table.facts[facts[$0]].id, table.valueText(item.values[$0], fact: facts[$0], language))
                }
                changes[slot].value = range
                result.append(.init(changes: changes, decidedBy: item.decidedBy))
            }
        }
        return Array(result.prefix(5))
    }

    /// The permitted search values of a number as ranges of all the values they stand for:
    /// `= 17`, `>= 16`, `<= 11`, `12..15`.
    func ranges(_ permitted: Set<Int64>, fact f: Int) -> [String] {
        guard case .int(let low, let high) = table.facts[f].kind else { return [] }
        let values = searchValues(f)
        var out: [String] = []
        var k = 0
        while k < values.count {
            guard permitted.contains(values[k]) else { k += 1; continue }
            var j = k
            while j + 1 < values.count, permitted.contains(values[j + 1]) { j += 1 }
            let from = values[k], to = j + 1 < values.count ? values[j + 1] - 1 : high
            if from == to {
                out.append(String(from))
            } else if to == high, from > low {
                out.append(">= \(from)")
            } else if from == low, to < high {
                out.append("<= \(to)")
            } else {
                out.append("\(from)..\(to)")
            }
            k = j + 1
        }
        return out
    }

    /// The values the search tries for a fact: every value of a yes/no or enumeration fact;
    /// for a number, the values its conditions tell apart and one value from each stretch
    /// between them (each stands for every value up to the next).
    func searchValues(_ f: Int) -> [Int64] {
        let points = candidateValues(f)
        guard case .int = table.facts[f].kind else { return points }
        var out: [Int64] = []
        for (i, p) in points.enumerated() {
            out.append(p)
            if i + 1 < points.count, p + 1 < points[i + 1] { out.append(p + 1) }
        }
        return out
    }

    /// The values of a fact that its conditions can tell apart.
    package func candidateValues(_ f: Int) -> [Int64] { candidateValues(f, points: nil) }

    /// `candidateValues` of every fact, in one pass over the conditions (an analysis that asks
    /// for them per case should ask once).
    package func allCandidateValues() -> [[Int64]] {
        var points = [Set<Int64>](repeating: [], count: table.facts.count)
        for node in table.nodes where node.fact >= 0 && Int(node.fact) < points.count {
            let f = Int(node.fact)
            if node.kind == .compare { points[f].formUnion([node.value - 1, node.value, node.value + 1]) }
            if node.kind == .member {
                for i in Int(node.first)..<Int(node.first + node.count) {
                    points[f].formUnion([table.setValues[i] - 1, table.setValues[i], table.setValues[i] + 1])
                }
            }
        }
        return table.facts.indices.map { candidateValues($0, points: points[$0]) }
    }

    private func candidateValues(_ f: Int, points known: Set<Int64>?) -> [Int64] {
        switch table.facts[f].kind {
        case .bool: return [0, 1]
        case .enumeration(let values): return (0..<Int64(values.count)).map { $0 }
        case .int(let low, let high):
            var points: Set<Int64> = [low, high]
            if let known {
                points.formUnion(known)
            } else {
                for node in table.nodes where Int(node.fact) == f {
                    if node.kind == .compare { points.formUnion([node.value - 1, node.value, node.value + 1]) }
                    if node.kind == .member {
                        for i in Int(node.first)..<Int(node.first + node.count) {
                            points.formUnion([table.setValues[i] - 1, table.setValues[i], table.setValues[i] + 1])
                        }
                    }
                }
            }
            return points.filter { $0 >= low && $0 <= high }.sorted()
        }
    }
}
