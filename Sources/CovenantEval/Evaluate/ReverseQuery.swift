/// Reverse questions over a decision table (`covenantc who`): who may receive a data category
/// (for a purpose), and what one party may share with another. Answered by deciding, never by
/// reading the rules: for every class of senders, recipients, leaf categories and purposes that
/// the question covers, every combination of the fact values that the rules in scope tell apart
/// is decided by the `Evaluator`, as the review's rule analysis does. The fact combinations
/// that permit are summarised per set of deciding rules as an exact region: alternatives, each a
/// conjunction of fact values or ranges.
///
/// A case is decided by the rules in its scope alone, so cases with the same rules in scope are
/// decided once. The work is bounded like the review's (rule evaluations, and fact combinations
/// per case); a case left unanalysed is counted in `notAnalysed`, never guessed, and a case whose
/// enumeration was cut short is not reported at all. A question naming an index outside the
/// table is answered with nothing permitted (as `decide` denies a query that does not fit).
public struct ReverseQuery: Sendable {
    public enum Question: Sendable, Equatable {
        /// Who may receive `category` (or any leaf below it), for `purpose` or for any purpose.
        case receives(category: Int32, purpose: Int32?)
        /// What `sender` may share with `recipient`, for `purpose` or for any purpose.
        case between(sender: Int32, recipient: Int32, purpose: Int32?)
    }

    /// The values one fact takes in a region. A yes/no or enumeration fact lists its encoded
    /// values; a number lists ranges; `notGiven` when the region includes the fact not given.
    public struct Constraint: Sendable, Hashable {
        public var fact: Int
        /// The encoded values of a yes/no fact (0, 1) or an enumeration (indices); empty for a number.
        public var values: [Int64]
        /// The values of a number, as ascending ranges; empty for other facts.
        public var ranges: [ClosedRange<Int64>]
        public var notGiven: Bool
    }

    /// The deciding rules' obligations, once per (obligation, who acts, timing).
    public struct Obligation: Sendable, Equatable {
        public var obligation: Int32
        public var actor: DecisionTable.Actor
        /// Index into `timings`, or -1.
        public var timing: Int32
        /// The `unless` conditions (root nodes) of the rules that carry it: the obligation is
        /// waived when every one holds; empty when some carrier never waives it.
        public var unless: [Int32]
        /// The `postponed while` conditions of the carriers, when every carrier has one.
        public var postponedWhile: [Int32]
    }

    /// One answer: every combination of its senders, recipients, leaf categories and purposes
    /// is permitted exactly when the facts lie in `when`, by the rules `decidedBy`.
    public struct Answer: Sendable {
        public var senders: [Int32]
        public var recipients: [Int32]
        public var leaves: [Int32]
        /// The leaves folded: a category stands for its leaves when all of them are here.
        public var categories: [Int32]
        public var purposes: [Int32]
        /// Alternatives, each a conjunction; `[[]]` is "without conditions".
        public var when: [[Constraint]]
        public var decidedBy: [Int32]
        public var bases: [Int32]
        public var obligations: [Obligation]
        public var always: Bool { when.count == 1 && when[0].isEmpty }
    }

    public var question: Question
    public var date: CalendarDate
    /// False when the covenant is not in force on `date`: then nothing is permitted.
    public var inForce: Bool
    public var answers: [Answer]
    /// (sender, recipient, leaf category, purpose) cases the work bound left unanalysed.
    public var notAnalysed: Int
    public var complete: Bool { notAnalysed == 0 }

    /// Rule evaluations the analysis may spend (the review's bound, `Review.defaultBudget`).
    public static let defaultBudget = 40_000_000
    /// Most fact combinations decided for one case (as the review).
    public static let maxCombinations = 4096
}

extension Evaluator {
    /// Answers a reverse question on `date`. `budget` bounds the rule evaluations.
    public func reverseQuery(
        _ question: ReverseQuery.Question, on date: CalendarDate,
        budget: Int = ReverseQuery.defaultBudget
    ) -> ReverseQuery {
        var engine = ReverseEngine(evaluator: self, question: question, date: date, budget: budget)
        return engine.run()
    }

    /// "valid from 2025-01-01 until 2028-12-31", in the language.
    public func validityDescription(_ language: Language) -> String { validityText(language) }
}

/// One set of deciding rules and the region where they decide, for a class combination.
struct ReverseHow: Hashable {
    var decidedBy: [Int32]
    var when: [[ReverseQuery.Constraint]]
}

struct ReverseEngine {
    let evaluator: Evaluator
    let question: ReverseQuery.Question
    let date: CalendarDate
    var budget: Int
    var table: DecisionTable { evaluator.table }

    /// The deciding rules and regions found, each once; entries refer to them by index.
    var hows: [ReverseHow] = []
    var howIDs: [ReverseHow: Int] = [:]

    /// A product of senders, recipients, leaves and purposes (each sorted) answered alike.
    struct Entry {
        var sets: [[Int32]]
        var how: Int
    }

    init(evaluator: Evaluator, question: ReverseQuery.Question, date: CalendarDate, budget: Int) {
        self.evaluator = evaluator
        self.question = question
        self.date = date
        self.budget = budget
    }

    /// Whether the question's indices lie in the table.
    func fits() -> Bool {
        let (parties, categories, purposes) = (table.parties.count, table.categories.count, table.purposes.count)
        func within(_ i: Int32?, _ count: Int) -> Bool { i.map { $0 >= 0 && Int($0) < count } ?? true }
        switch question {
        case .receives(let c, let p): return within(c, categories) && within(p, purposes)
        case .between(let s, let r, let p): return within(s, parties) && within(r, parties) && within(p, purposes)
        }
    }

    /// The entities of each dimension the question covers, grouped by equivalence class (in
    /// order of first member).
    func targets() -> [[[Int32]]] {
        let parties = Array(0..<Int32(table.parties.count))
        let allPurposes = Array(0..<Int32(table.purposes.count))
        let allLeaves = table.categories.indices.filter { table.leafClass[$0] >= 0 }.map(Int32.init)
        var senders = parties, recipients = parties, leaves = allLeaves, purposes = allPurposes
        switch question {
        case .receives(let category, let purpose):
            leaves = table.categories[Int(category)].leaves
            if let purpose { purposes = [purpose] }
        case .between(let sender, let recipient, let purpose):
            senders = [sender]
            recipients = [recipient]
            if let purpose { purposes = [purpose] }
        }
        func classes(_ members: [Int32], _ classOf: [Int32]) -> [[Int32]] {
            var index: [Int32: Int] = [:]
            var out: [[Int32]] = []
            for m in members.sorted() {
                let c = classOf[Int(m)]
                if let i = index[c] { out[i].append(m) } else { index[c] = out.count; out.append([m]) }
            }
            return out
        }
        return [
            classes(senders, table.senderClass), classes(recipients, table.recipientClass),
            classes(leaves, table.leafClass), classes(purposes, table.purposeClass),
        ]
    }

    mutating func run() -> ReverseQuery {
        var result = ReverseQuery(
            question: question, date: date, inForce: evaluator.isInForce(on: date), answers: [],
            notAnalysed: 0)
        guard result.inForce, fits() else { return result }
        let groups = targets()
        let sizes = groups.map { $0.map(\.count) }
        let total = sizes.reduce(1) { $0 * $1.reduce(0, +) }
        let (allLeaves, allPurposes) = (sizes[2].reduce(0, +), sizes[3].reduce(0, +))
        let words = Int(table.wordsPerClass)
        let permits = table.rules.map { $0.effect == .permit }
        var analysed = 0
        var entries: [Entry] = []
        var scratch = DecisionScratch()
        var answered: [[Int]: [Int]?] = [:]
        let pairs = PairIndex(table)
        // A pair, or a pair and a leaf class, in whose scope no rule permits is passed over whole.
        search: for senders in groups[0] {
            for recipients in groups[1] {
                let pairRules = pairs.rules(ofPair: pairs.pair(sender: senders[0], recipient: recipients[0]))
                    .map(Int.init)
                let parties = senders.count * recipients.count
                budget -= 1
                if budget < 0 { break search }
                if !pairRules.contains(where: { permits[$0] }) {
                    analysed += parties * allLeaves * allPurposes
                    continue
                }
                // For this pair: per region, per purpose class, the leaf classes (in order).
                var found: [Int: [Int: [Int]]] = [:]
                defer {
                    // Purpose classes with the same leaves for a region make one product (leaves
                    // first, so that a category whose leaves all agree for a purpose folds).
                    for how in found.keys.sorted() {
                        let byPurpose = found[how]!
                        var byLeaves: [[Int]: Int] = [:]
                        var products: [(leaves: [Int], purposes: [Int])] = []
                        for purpose in byPurpose.keys.sorted() {
                            let leaves = byPurpose[purpose]!
                            if let i = byLeaves[leaves] {
                                products[i].purposes.append(purpose)
                            } else {
                                byLeaves[leaves] = products.count; products.append((leaves, [purpose]))
                            }
                        }
                        for (leaves, purposes) in products {
                            entries.append(
                                Entry(
                                    sets: [
                                        senders, recipients, leaves.flatMap { groups[2][$0] }.sorted(),
                                        purposes.flatMap { groups[3][$0] }.sorted(),
                                    ], how: how))
                        }
                    }
                }
                for (l, leaves) in groups[2].enumerated() {
                    let base = Int(table.leafClass[Int(leaves[0])]) * words
                    let leafRules = pairRules.filter {
                        table.categoryRuleBits[base + $0 >> 6] & (1 << UInt64($0 & 63)) != 0
                    }
                    budget -= 1
                    if budget < 0 { break search }
                    if !leafRules.contains(where: { permits[$0] }) {
                        analysed += parties * leaves.count * allPurposes
                        continue
                    }
                    for (u, purposes) in groups[3].enumerated() {
                        let base = Int(table.purposeClass[Int(purposes[0])]) * words
                        let candidates = leafRules.filter {
                            table.purposeRuleBits[base + $0 >> 6] & (1 << UInt64($0 & 63)) != 0
                        }
                        // A case is decided by the rules in its scope alone: cases with the same rules
                        // in scope (in the same order) are answered alike.
                        budget -= 1
                        let ids: [Int]?
                        if let known = answered[candidates] {
                            ids = known
                        } else {
                            ids = decideCase(senders[0], recipients[0], leaves[0], purposes[0], candidates, &scratch)
                            if budget < 0 { break search }
                            answered[candidates] = ids
                        }
                        guard let ids else { continue }
                        analysed += parties * leaves.count * purposes.count
                        for how in ids { found[how, default: [:]][u, default: []].append(l) }
                    }
                }
            }
        }
        result.notAnalysed = total - analysed
        result.answers = merge(entries).map(answer).sorted(by: order)
        return result
    }

    /// The deciding rule sets of one case and the region of each; nil when the case could not be
    /// analysed (too many fact combinations, or the budget ran out).
    mutating func decideCase(
        _ s: Int32, _ r: Int32, _ leaf: Int32, _ p: Int32, _ candidates: [Int],
        _ scratch: inout DecisionScratch
    ) -> [Int]? {
        let cost = max(1, candidates.count)
        budget -= cost
        if budget < 0 { return nil }
        guard candidates.contains(where: { table.rules[$0].effect == .permit }) else { return [] }
        let defaults = table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
        var q = ResolvedQuery(sender: s, recipient: r, category: leaf, purpose: p, facts: defaults, date: date)
        // The facts the conditions in scope mention, each over the values they tell apart.
        var mentioned = Set<Int>()
        for c in candidates where table.rules[c].condition >= 0 {
            mentioned.formUnion(evaluator.mentionedFacts(table.rules[c].condition))
        }
        let dims: [(fact: Int, values: [Int64])] = mentioned.sorted().map { f in
            (f, evaluator.candidateValues(f) + (table.facts[f].defaultValue == nil ? [ResolvedQuery.missing] : []))
        }
        var product = 1
        for d in dims { product = min(product * d.values.count, ReverseQuery.maxCombinations + 1) }
        if product > ReverseQuery.maxCombinations { return nil }
        var points: [[Int32]: [[Int]]] = [:]
        var order: [[Int32]] = []
        var index = [Int](repeating: 0, count: dims.count)
        while true {
            budget -= cost
            if budget < 0 { return nil }
            for (k, d) in dims.enumerated() { q.facts[d.fact] = d.values[index[k]] }
            if evaluator.decide(q, into: &scratch) == .permit {
                let key = Array(scratch.permits)
                if points[key] == nil { order.append(key) }
                points[key, default: []].append(index)
            }
            var k = 0
            while k < index.count {
                index[k] += 1
                if index[k] < dims[k].values.count { break }
                index[k] = 0
                k += 1
            }
            if k == index.count { break }
        }
        return order.map { key in
            let how = ReverseHow(decidedBy: key, when: region(points[key]!, dims))
            if let id = howIDs[how] { return id }
            howIDs[how] = hows.count
            hows.append(how)
            return hows.count - 1
        }
    }

    // MARK: - Regions

    /// An exact description of a set of points (indices into each dimension's values): boxes
    /// merged along each dimension, grown while they stay inside the set, the redundant ones
    /// dropped; a dimension over all its values is left out of a box.
    func region(_ points: [[Int]], _ dims: [(fact: Int, values: [Int64])]) -> [[ReverseQuery.Constraint]] {
        let inside = Set(points)
        var boxes: [[Set<Int>]] = points.map { $0.map { [$0] } }
        // Merge boxes that differ in one dimension only, until nothing changes.
        var changed = true
        while changed {
            changed = false
            for d in dims.indices {
                var merged: [[[Int]]: Int] = [:]
                var next: [[Set<Int>]] = []
                for box in boxes {
                    let key = box.enumerated().map { $0.offset == d ? [] : $0.element.sorted() }
                    if let i = merged[key] {
                        next[i][d].formUnion(box[d])
                    } else {
                        merged[key] = next.count
                        next.append(box)
                    }
                }
                if next.count < boxes.count { changed = true }
                boxes = next
            }
        }
        // Grow each box along each dimension while every point of the grown box is inside.
        func contains(_ box: [Set<Int>]) -> Bool {
            var all = true
            forEachPoint(box) { if !inside.contains($0) { all = false } }
            return all
        }
        for b in boxes.indices {
            for d in dims.indices {
                for v in dims[d].values.indices where !boxes[b][d].contains(v) {
                    var slice = boxes[b]
                    slice[d] = [v]
                    if contains(slice) { boxes[b][d].insert(v) }
                }
            }
        }
        // Drop duplicates, then boxes the others cover (smallest first).
        var seen = Set<[[Int]]>()
        boxes = boxes.filter { seen.insert($0.map { $0.sorted() }).inserted }
        let sizes = boxes.map { $0.reduce(1) { $0 * $1.count } }
        var kept = Array(boxes.indices)
        for b in boxes.indices.sorted(by: { (sizes[$0], $0) < (sizes[$1], $1) }) {
            let others = kept.filter { $0 != b }
            var covered = true
            forEachPoint(boxes[b]) { point in
                guard covered else { return }
                covered = others.contains { o in point.indices.allSatisfy { boxes[o][$0].contains(point[$0]) } }
            }
            if covered, !others.isEmpty { kept = others }
        }
        let described = kept.map { b in
            dims.indices.compactMap { d -> ReverseQuery.Constraint? in
                boxes[b][d].count == dims[d].values.count ? nil : constraint(dims[d], boxes[b][d])
            }
        }
        return described.sorted { $0.lexicalKey < $1.lexicalKey }
    }

    func forEachPoint(_ box: [Set<Int>], _ body: ([Int]) -> Void) {
        let lists = box.map { $0.sorted() }
        var index = [Int](repeating: 0, count: lists.count)
        while true {
            body(index.enumerated().map { lists[$0.offset][$0.element] })
            var k = 0
            while k < index.count {
                index[k] += 1
                if index[k] < lists[k].count { break }
                index[k] = 0
                k += 1
            }
            if k == index.count { return }
        }
    }

    /// The values chosen of one dimension as a constraint. A number's candidate value stands for
    /// every value up to the next candidate (the conditions cannot tell them apart).
    func constraint(_ dim: (fact: Int, values: [Int64]), _ chosen: Set<Int>) -> ReverseQuery.Constraint {
        let values = chosen.sorted().map { dim.values[$0] }
        let notGiven = values.contains(ResolvedQuery.missing)
        let given = values.filter { $0 != ResolvedQuery.missing }
        guard case .int(_, let high) = table.facts[dim.fact].kind else {
            return .init(fact: dim.fact, values: given, ranges: [], notGiven: notGiven)
        }
        let points = dim.values.filter { $0 != ResolvedQuery.missing }
        var ranges: [ClosedRange<Int64>] = []
        for v in given {
            let i = points.firstIndex(of: v)!
            let upper = i + 1 < points.count ? points[i + 1] - 1 : high
            if let last = ranges.last, last.upperBound + 1 == v {
                ranges[ranges.count - 1] = last.lowerBound...upper
            } else {
                ranges.append(v...upper)
            }
        }
        return .init(fact: dim.fact, values: [], ranges: ranges, notGiven: notGiven)
    }

    // MARK: - Answers

    /// Merges entries that differ in one dimension only (the leaves first, then the purposes,
    /// the senders and the recipients), until nothing changes: each entry stays an exact product.
    /// Sets and regions are interned, so an entry is compared by four numbers and a region's.
    func merge(_ entries: [Entry]) -> [Entry] {
        struct Key: Hashable { var ids: SIMD4<Int>; var how: Int }
        var setIDs: [[Int32]: Int] = [:], sets: [[Int32]] = []
        func intern(_ set: [Int32]) -> Int {
            if let id = setIDs[set] { return id }
            setIDs[set] = sets.count
            sets.append(set)
            return sets.count - 1
        }
        var current: [Key] = entries.map { e in
            Key(ids: SIMD4(intern(e.sets[0]), intern(e.sets[1]), intern(e.sets[2]), intern(e.sets[3])), how: e.how)
        }
        var changed = true
        while changed {
            changed = false
            for d in [2, 3, 0, 1] {
                var index: [Key: Int] = [:]
                var next: [Key] = []
                var members: [[Int32]] = []
                for e in current {
                    var key = e
                    key.ids[d] = -1
                    if let i = index[key] {
                        // Two entries alike but in this dimension cover different cases: their sets are disjoint.
                        members[i] += sets[e.ids[d]]
                    } else {
                        index[key] = next.count
                        next.append(e)
                        members.append(sets[e.ids[d]])
                    }
                }
                if next.count < current.count {
                    changed = true
                    for i in next.indices where members[i].count != sets[next[i].ids[d]].count {
                        next[i].ids[d] = intern(members[i].sorted())
                    }
                }
                current = next
            }
        }
        return current.map { key in Entry(sets: (0..<4).map { sets[key.ids[$0]] }, how: key.how) }
    }

    func answer(_ e: Entry) -> ReverseQuery.Answer {
        let how = hows[e.how]
        var bases: [Int32] = []
        for r in how.decidedBy { for b in table.rules[Int(r)].bases where !bases.contains(b) { bases.append(b) } }
        var obligations: [ReverseQuery.Obligation] = []
        for r in how.decidedBy {
            for use in table.rules[Int(r)].obligations {
                let same = obligations.firstIndex {
                    $0.obligation == use.obligation && $0.actor == use.actor && $0.timing == use.timing
                }
                if let i = same {
                    // Waived only when every carrier waives it; postponed (here) when every one postpones it.
                    obligations[i].unless =
                        use.unless >= 0 && !obligations[i].unless.isEmpty
                        ? obligations[i].unless + [use.unless] : []
                    obligations[i].postponedWhile =
                        use.postponed >= 0 && !obligations[i].postponedWhile.isEmpty
                        ? obligations[i].postponedWhile + [use.postponed] : []
                } else {
                    obligations.append(
                        .init(
                            obligation: use.obligation, actor: use.actor, timing: use.timing,
                            unless: use.unless >= 0 ? [use.unless] : [],
                            postponedWhile: use.postponed >= 0 ? [use.postponed] : []))
                }
            }
        }
        obligations.sort { a, b in
            (a.obligation, Evaluator.actorOrder(a.actor), a.timing)
                < (b.obligation, Evaluator.actorOrder(b.actor), b.timing)
        }
        return ReverseQuery.Answer(
            senders: e.sets[0], recipients: e.sets[1], leaves: e.sets[2],
            categories: fold(e.sets[2]), purposes: e.sets[3], when: how.when,
            decidedBy: how.decidedBy, bases: bases.sorted(), obligations: obligations)
    }

    /// The leaves as the largest categories all of whose leaves are among them (within the
    /// asked category for `receives`), in declaration order.
    func fold(_ leaves: [Int32]) -> [Int32] {
        let present = Set(leaves)
        var within: Set<Int32>?
        if case .receives(let category, _) = question { within = Set(table.categories[Int(category)].leaves) }
        let candidates = table.categories.indices.filter { c in
            let l = table.categories[c].leaves
            return !l.isEmpty && l.allSatisfy { present.contains($0) && within?.contains($0) != false }
        }
        var covered = Set<Int32>()
        var chosen: [Int] = []
        let largestFirst = candidates.sorted {
            (table.categories[$1].leaves.count, $0) < (table.categories[$0].leaves.count, $1)
        }
        for c in largestFirst {
            let l = table.categories[c].leaves
            if l.allSatisfy({ !covered.contains($0) }) {
                chosen.append(c)
                covered.formUnion(l)
            }
        }
        return chosen.sorted().map(Int32.init)
    }

    /// Receivers first for `receives`, categories first for `between`; then the rest.
    func order(_ a: ReverseQuery.Answer, _ b: ReverseQuery.Answer) -> Bool {
        let keys: (ReverseQuery.Answer) -> [[Int32]] = { x in
            switch question {
            case .receives: [x.recipients, x.senders, x.leaves, x.purposes, x.decidedBy]
            case .between: [x.leaves, x.purposes, x.decidedBy]
            }
        }
        for (x, y) in zip(keys(a), keys(b)) where x != y { return x.lexicographicallyPrecedes(y) }
        return a.when.lexicalKey < b.when.lexicalKey
    }
}

extension Array where Element == ReverseQuery.Constraint {
    var lexicalKey: String {
        map { c in
            "\(c.fact):\(c.values):\(c.ranges.map { "\($0.lowerBound)-\($0.upperBound)" }):\(c.notGiven)"
        }.joined(separator: ",")
    }
}

extension Array where Element == [ReverseQuery.Constraint] {
    var lexicalKey: String { map(\.lexicalKey).joined(separator: "|") }
}
