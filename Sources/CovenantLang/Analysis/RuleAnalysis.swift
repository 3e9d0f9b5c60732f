import CovenantEval
import Dispatch
import Synchronization

/// Exact analysis of what each rule can do, over the finite domains: parties, categories and
/// purposes by equivalence class, fact values partitioned by the constants conditions use (and
/// "not given" for facts without a default). Each finding carries a witness query.
///
/// For each rule the search visits the cells of its own scope and stops at the first query the
/// rule decides; only rules that decide nothing are searched exhaustively. The work is bounded
/// (`budget` rule evaluations: each decision costs the number of rules it weighs, so long
/// exception chains or many overlapping rules cannot make it blow up); past the bound, what was
/// not analysed is reported, never guessed.
struct RuleAnalysis {
    struct Result {
        /// Why a rule never decides, with a witness where one exists.
        enum Dead {
            case outOfScope
            case neverApplies
            case alwaysDefeated(by: [Int], witness: String)
            case overridden(by: [Int], witness: String)
        }
        var dead: [Int: Dead] = [:]
        /// Permit pairs that decide together with different bases or obligations.
        var overlaps: [(Int, Int, String)] = []
        /// Rules whose search hit the budget.
        var unfinished: [Int] = []
        var overlapsUnfinished = false
    }

    let model: CovenantModel
    let table: DecisionTable
    let evaluator: Evaluator
    let budget: Int
    /// A day the covenant is in force: the analysis ranges over rules and facts, not dates.
    let day: CalendarDate
    /// The covenant's keyword language: a witness is a query, written as the file would write it.
    let language: KeywordLanguage
    /// Each fact's candidate values, computed once.
    let candidateValues: [[Int64]]
    static let maxCombinationsPerCell = 4096

    init(
        model: CovenantModel, table: DecisionTable, budget: Int = Review.defaultBudget, language: KeywordLanguage = .en
    ) {
        self.model = model
        self.table = table
        self.evaluator = Evaluator(compiled: table)
        self.budget = budget
        self.language = language
        day = table.firstDayInForce
        candidateValues = evaluator.allCandidateValues()
    }

    /// The classes (with a representative entity) of a rule's scope in each dimension.
    func scopeClasses(_ r: Int) -> (senders: [Int], recipients: [Int], leaves: [Int], purposes: [Int]) {
        let rule = model.rules[r]
        func parties(_ t: ResolvedTargets, _ classes: [Int32]) -> [Int] {
            var reps: [Int32: Int] = [:]
            let list: [Int] = if case .some(let l) = t { l } else { model.anyParties }
            for p in list where reps[classes[p]] == nil { reps[classes[p]] = p }
            return reps.values.sorted()
        }
        let leavesBelow = model.categoryLeaves
        var leafReps: [Int32: Int] = [:]
        for c in rule.categories {
            for leaf in leavesBelow[c] where leafReps[table.leafClass[leaf]] == nil {
                leafReps[table.leafClass[leaf]] = leaf
            }
        }
        let closure = model.purposeClosure
        let purposeList: [Int] =
            if case .some(let l) = rule.purposes { Array(Set(l.flatMap { closure[$0] })) } else {
                Array(model.purposes.indices)
            }
        var purposeReps: [Int32: Int] = [:]
        for p in purposeList.sorted() where purposeReps[table.purposeClass[p]] == nil {
            purposeReps[table.purposeClass[p]] = p
        }
        return (
            parties(rule.senders, table.senderClass), parties(rule.recipients, table.recipientClass),
            leafReps.values.sorted(), purposeReps.values.sorted()
        )
    }

    /// One leaf decided by hand, keeping what the evaluator does not report: which rules
    /// applied and which exception defeated which.
    struct CellOutcome {
        var applicable: Set<Int> = []
        var defeatedBy: [Int: Int] = [:]
        var forbids: [Int] = []
        var permits: [Int] = []
        var deciding: [Int] { forbids.isEmpty ? permits : forbids }
    }

    func outcome(_ candidates: [Int], _ facts: [Int64]) -> CellOutcome {
        var o = CellOutcome()
        for r in candidates {  // deepest exceptions first, as in the table
            let rule = table.rules[r]
            let holds: Bool? = rule.condition >= 0 ? evaluator.truth(rule.condition, facts) : true
            let settlement = evaluator.settle(r, holds: holds, defeated: o.defeatedBy[r] != nil)
            guard settlement != .notApplicable else { continue }
            o.applicable.insert(r)
            guard case .counts(let target) = settlement else { continue }
            if target >= 0 { o.defeatedBy[Int(target)] = r }
            if rule.effect == .deny { o.forbids.append(r) } else { o.permits.append(r) }
        }
        return o
    }

    /// The fact values that the candidates' conditions (and waivers) tell apart.
    func choices(_ candidates: [Int]) -> [(Int, [Int64])] {
        var facts = Set<Int>()
        for r in candidates {
            let rule = table.rules[r]
            if rule.condition >= 0 { facts.formUnion(evaluator.mentionedFacts(rule.condition)) }
            for u in rule.obligations {
                if u.unless >= 0 { facts.formUnion(evaluator.mentionedFacts(u.unless)) }
                if u.postponed >= 0 { facts.formUnion(evaluator.mentionedFacts(u.postponed)) }
            }
        }
        return facts.sorted().map { f in
            (f, candidateValues[f] + (table.facts[f].defaultValue == nil ? [ResolvedQuery.missing] : []))
        }
    }

    func candidates(_ s: Int, _ r: Int, _ leaf: Int, _ p: Int) -> [Int] {
        evaluator.rulesInScope(
            ResolvedQuery(
                sender: Int32(s), recipient: Int32(r), category: Int32(leaf), purpose: Int32(p), facts: [], date: day),
            leaf: Int32(leaf))
    }

    func witness(_ s: Int, _ r: Int, _ leaf: Int, _ p: Int, _ facts: [Int64], _ mentioned: [Int]) -> String {
        func kw(_ keyword: Keyword) -> String { keyword.spellings(language)[0] }
        var text =
            "\(model.parties[s].id) -> \(model.parties[r].id) \(kw(.share)) \(model.categories[leaf].id) \(kw(.for)) "
            + "\(model.purposes[p].id)"
        let given = mentioned.filter { facts[$0] != ResolvedQuery.missing }
            .map { "\(model.facts[$0].id) = \(table.valueText(facts[$0], fact: $0, language.messageLanguage))" }
        if !given.isEmpty { text += " \(kw(.given)) " + given.joined(separator: ", ") }
        return text
    }

    /// Sets `facts` to every combination of the choices in turn (the first choice varying
    /// fastest) and calls `body`; stops when `body` returns true. Returns whether it stopped.
    static func forEachCombination(_ choices: [(Int, [Int64])], _ facts: inout [Int64], _ body: ([Int64]) -> Bool)
        -> Bool
    {
        var indices = [Int](repeating: 0, count: choices.count)
        while true {
            for (k, (f, values)) in choices.enumerated() { facts[f] = values[indices[k]] }
            if body(facts) { return true }
            var k = 0
            while k < indices.count {
                indices[k] += 1
                if indices[k] < choices[k].1.count { break }
                indices[k] = 0
                k += 1
            }
            if k == indices.count { return false }
        }
    }

    /// Calls `visit` for every cell and fact combination of a scope until it returns true;
    /// returns false when the budget ran out first.
    func search(
        _ scope: (senders: [Int], recipients: [Int], leaves: [Int], purposes: [Int]), budget: inout Int,
        _ visit: (Int, Int, Int, Int, [Int], [Int64], [Int]) -> Bool
    ) -> Bool? {
        var cellStart = 0
        return search(scope, budget: &budget, cellStart: &cellStart, visit)
    }

    /// `search`, also telling the budget left at the start of the last cell it visited (which
    /// says whether a smaller budget would have stopped it: see `findOverlaps`).
    func search(
        _ scope: (senders: [Int], recipients: [Int], leaves: [Int], purposes: [Int]), budget: inout Int,
        cellStart: inout Int, _ visit: (Int, Int, Int, Int, [Int], [Int64], [Int]) -> Bool
    ) -> Bool? {
        for s in scope.senders {
            for r in scope.recipients {
                for leaf in scope.leaves {
                    for p in scope.purposes {
                        cellStart = budget
                        if budget <= 0 { return nil }
                        let cands = candidates(s, r, leaf, p)
                        let cost = max(1, cands.count)
                        budget -= cost
                        if budget < 0 { return nil }
                        if cands.isEmpty { continue }
                        let choice = choices(cands)
                        var product = 1
                        for (_, values) in choice {
                            product = min(product * values.count, Self.maxCombinationsPerCell + 1)
                        }
                        if product > Self.maxCombinationsPerCell { return nil }
                        var facts = table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
                        let mentioned = choice.map(\.0)
                        var exhausted = false
                        let stopped = Self.forEachCombination(choice, &facts) { values in
                            budget -= cost
                            if budget < 0 { exhausted = true; return true }
                            return visit(s, r, leaf, p, cands, values, mentioned)
                        }
                        if exhausted { return nil }
                        if stopped { return true }
                    }
                }
            }
        }
        return false
    }

    func run() -> Result {
        var result = Result()
        var budget = self.budget
        for r in model.rules.indices {
            let scope = scopeClasses(r)
            var inScope = false, applied = false
            var defeaters = Set<Int>(), overriders = Set<Int>()
            var defeatWitness: String?, overrideWitness: String?
            let found = search(scope, budget: &budget) { s, t, leaf, p, cands, facts, mentioned in
                guard cands.contains(r) else { return false }
                inScope = true
                let o = outcome(cands, facts)
                if o.deciding.contains(r) { return true }
                if o.applicable.contains(r) {
                    applied = true
                    if let by = o.defeatedBy[r] {
                        defeaters.insert(by)
                        if defeatWitness == nil { defeatWitness = witness(s, t, leaf, p, facts, mentioned) }
                    } else {
                        overriders.formUnion(o.forbids)
                        if overrideWitness == nil { overrideWitness = witness(s, t, leaf, p, facts, mentioned) }
                    }
                }
                return false
            }
            switch found {
            case true?: continue
            case nil: result.unfinished.append(r)
            case false?:
                if !inScope {
                    result.dead[r] = .outOfScope
                } else if !applied {
                    result.dead[r] = .neverApplies
                } else if let w = overrideWitness {
                    result.dead[r] = .overridden(by: overriders.sorted(), witness: w)
                } else {
                    result.dead[r] = .alwaysDefeated(by: defeaters.sorted(), witness: defeatWitness ?? "")
                }
            }
        }
        findOverlaps(&result, budget: &budget)
        return result
    }

    /// Pairs of permits with different bases or obligations that can decide the same query.
    ///
    /// Only permits of different signatures (bases and obligations) are paired, group against
    /// group, so many permits alike cost nothing; every pair weighed is charged to the budget,
    /// so many permits all different end in `overlapsUnfinished`, not in a quadratic hang.
    func findOverlaps(_ result: inout Result, budget: inout Int) {
        let permits = model.rules.indices.filter { model.rules[$0].effect == .permit && result.dead[$0] == nil }
        var groupOf: [String: Int] = [:]
        var groups: [[Int]] = []
        var group: [Int: Int] = [:]
        for r in permits {
            let rule = table.rules[r]
            let obligations = rule.obligations.map {
                "\($0.obligation),\($0.actor.rawValue),\($0.timing),\($0.unlessText ?? ""),\($0.postponedText ?? "")"
            }
            let signature = "\(rule.bases.sorted())|\(obligations.sorted())"
            let g = groupOf[signature] ?? groups.count
            if g == groups.count { groupOf[signature] = g; groups.append([]) }
            groups[g].append(r)
            group[r] = g
        }
        guard groups.count > 1 else { return }
        // Each permit's classes per dimension as bitsets (rule r's words at r × stride): most
        // pairs of permits share no class in some dimension, and a word-wise AND tells so
        // without hashing or copying.
        let classCounts = [
            Int((table.senderClass.max() ?? 0) + 1), Int(table.recipientClassCount),
            Int((table.leafClass.max() ?? 0) + 1), Int((table.purposeClass.max() ?? 0) + 1),
        ]
        let strides = classCounts.map { ($0 + 63) / 64 }
        var scopes = [(senders: [Int], recipients: [Int], leaves: [Int], purposes: [Int])?](
            repeating: nil, count: table.rules.count)
        var senderBits = [UInt64](repeating: 0, count: strides[0] * table.rules.count)
        var recipientBits = [UInt64](repeating: 0, count: strides[1] * table.rules.count)
        var leafBits = [UInt64](repeating: 0, count: strides[2] * table.rules.count)
        var purposeBits = [UInt64](repeating: 0, count: strides[3] * table.rules.count)
        func set(_ bits: inout [UInt64], _ stride: Int, _ r: Int, _ classes: [Int32]) {
            for c in classes where c >= 0 { bits[r * stride + Int(c) >> 6] |= UInt64(1) << UInt64(c & 63) }
        }
        for r in permits {
            let x = scopeClasses(r)
            scopes[r] = x
            set(&senderBits, strides[0], r, x.senders.map { table.senderClass[$0] })
            set(&recipientBits, strides[1], r, x.recipients.map { table.recipientClass[$0] })
            set(&leafBits, strides[2], r, x.leaves.map { table.leafClass[$0] })
            set(&purposeBits, strides[3], r, x.purposes.map { table.purposeClass[$0] })
        }
        func shares(_ bits: [UInt64], _ stride: Int, _ a: Int, _ b: Int) -> Bool {
            for w in 0..<stride where bits[a * stride + w] & bits[b * stride + w] != 0 { return true }
            return false
        }
        var found: [(Int, Int, String)] = []
        var groupOfRule = [Int](repeating: -1, count: table.rules.count)
        for (r, g) in group { groupOfRule[r] = g }
        defer { result.overlaps += found.sorted { ($0.0, $0.1) < ($1.0, $1.1) } }
        // The pairs in order, each charged 1 to the budget; those that share a class in every
        // dimension are searched. The searches run on both cores, a wave at a time, each bounded
        // by the budget it could at most have; then they are charged in pair order, and one that
        // would have run out of the budget left at its turn is taken as the sequential search
        // would have ended (unfinished, and the search stops). So the findings do not depend on
        // the scheduling.
        struct Pair: Sendable {
            var a: Int
            var b: Int
            /// Pairs charged up to and including this one.
            var charged: Int
        }
        var pairs: [Pair] = []
        var charged = 0
        for first in permits {
            for (g, members) in groups.enumerated() where g > groupOfRule[first] {
                for second in members {
                    charged += 1
                    // The earlier rule in file order leads, so witnesses do not depend on grouping.
                    let (a, b) = (min(first, second), max(first, second))
                    guard shares(purposeBits, strides[3], a, b), shares(leafBits, strides[2], a, b),
                        shares(senderBits, strides[0], a, b), shares(recipientBits, strides[1], a, b)
                    else { continue }
                    pairs.append(Pair(a: a, b: b, charged: charged))
                }
            }
        }
        /// One pair's search: its witness, how it ended, the budget it used, and the budget used
        /// when it started its last cell.
        struct Searched: Sendable {
            var witness: String?
            var done: Bool?
            var used: Int
            var usedAtLastCell: Int
        }
        let analysis = self
        let (senderAll, recipientAll, leafAll, purposeAll) = (senderBits, recipientBits, leafBits, purposeBits)
        let scopesAll = scopes
        @Sendable func searchPair(_ pair: Pair, bound: Int) -> Searched {
            let table = analysis.table
            func has(_ bits: [UInt64], _ stride: Int, _ r: Int, _ c: Int32) -> Bool {
                bits[r * stride + Int(c) >> 6] & (UInt64(1) << UInt64(c & 63)) != 0
            }
            guard let sa = scopesAll[pair.a] else {
                return Searched(witness: nil, done: false, used: 0, usedAtLastCell: 0)
            }
            let b = pair.b
            // Classes are shared by the whole table, so the intersection is by class.
            let both = (
                sa.senders.filter { has(senderAll, strides[0], b, table.senderClass[$0]) },
                sa.recipients.filter { has(recipientAll, strides[1], b, table.recipientClass[$0]) },
                sa.leaves.filter { has(leafAll, strides[2], b, table.leafClass[$0]) },
                sa.purposes.filter { has(purposeAll, strides[3], b, table.purposeClass[$0]) }
            )
            var left = bound, atCell = bound
            var witnessQuery: String?
            let done = analysis.search(both, budget: &left, cellStart: &atCell) {
                s, t, leaf, p, cands, facts, mentioned in
                let o = analysis.outcome(cands, facts)
                if o.forbids.isEmpty, o.permits.contains(pair.a), o.permits.contains(b) {
                    witnessQuery = analysis.witness(s, t, leaf, p, facts, mentioned)
                    return true
                }
                return false
            }
            return Searched(witness: witnessQuery, done: done, used: bound - left, usedAtLastCell: bound - atCell)
        }
        let wave = 256
        var chargedSoFar = 0
        var next = 0
        while next < pairs.count {
            let batch = Array(pairs[next..<min(pairs.count, next + wave)])
            // The most each search can have: the budget left if no search before it cost anything.
            let bounds = batch.map { budget - ($0.charged - chargedSoFar) }
            let halves = [0..<batch.count / 2, batch.count / 2..<batch.count]
            let results = Mutex<[[Searched]]>([[], []])
            DispatchQueue.concurrentPerform(iterations: 2) { h in
                let part = halves[h].map { searchPair(batch[$0], bound: max(0, bounds[$0])) }
                results.withLock { $0[h] = part }
            }
            let searched = results.withLock { $0[0] + $0[1] }
            for (pair, outcome) in zip(batch, searched) {
                budget -= pair.charged - chargedSoFar
                chargedSoFar = pair.charged
                if budget < 0 { result.overlapsUnfinished = true; return }
                // With `budget` left, the search runs the same unless it would have started a cell
                // with nothing left, or used more than there was.
                guard outcome.usedAtLastCell < budget, outcome.used <= budget else {
                    result.overlapsUnfinished = true
                    return
                }
                budget -= outcome.used
                if let witness = outcome.witness { found.append((pair.a, pair.b, witness)) }
                // A pair past the per-case bound is left unfinished; the others are still weighed.
                if outcome.done == nil { result.overlapsUnfinished = true; if budget <= 0 { return } }
            }
            next += wave
        }
        budget -= charged - chargedSoFar
        if budget < 0 { result.overlapsUnfinished = true }
    }
}
