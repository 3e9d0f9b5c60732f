/// Reusable working memory for `decide`, one per thread. After the first few decisions it
/// holds enough capacity that deciding allocates nothing.
public struct DecisionScratch: Sendable {
    /// Per rule, two stamps: the leaf walk that defeated it, and the decision that counted it.
    var stamps = ScratchStamps(rules: 0)
    var factStamp: [UInt32] = []
    var stamp: UInt32 = 0
    var decisionStamp: UInt32 = 0
    var leafPermits: [Int32] = []
    /// Conditions that came out unknown (a fact not given), for the missing facts.
    var unknownConditions: [Int32] = []
    /// The decided query's fact values, for `collectDetails`.
    var facts: [Int64] = []
    var detailsCollected = true

    public internal(set) var effect: DecisionTable.Effect = .deny
    /// Deciding rules: the undefeated applicable permits for a permit, forbids for a deny
    /// (empty for a deny by default).
    public internal(set) var permits: [Int32] = []
    public internal(set) var forbids: [Int32] = []
    /// Leaf categories that nothing permitted (for the default-deny reason).
    public internal(set) var unpermittedLeaves: [Int32] = []
    /// The facts not given that the outcome depends on, and a permit's obligations: filled in by
    /// `Evaluator.collectDetails` (and so by `decision(from:)`), empty after `decide` alone.
    public internal(set) var missingFacts: [Int32] = []
    public internal(set) var obligations: [ObligationOutcome] = []
    /// Set when the query did not fit the table; the effect is then deny.
    public internal(set) var invalid: QueryError?
    /// False when the query's date is outside the covenant's validity; the effect is then deny.
    public internal(set) var inForce = true
    /// The date the last decision was made for.
    public internal(set) var date: CalendarDate?

    public init() {}

    public var decidedBy: [Int32] { effect == .permit ? permits : forbids }

    mutating func prepare(rules: Int, facts: Int) {
        // A scratch copied (and so sharing its stamps) gets stamps of its own before writing.
        if stamps.rules != rules || !isKnownUniquelyReferenced(&stamps) {
            stamps = ScratchStamps(rules: rules)
            stamp = 0
            decisionStamp = 0
        }
        if factStamp.count != facts { factStamp = Array(repeating: 0, count: facts) }
        if self.facts.count != facts { self.facts = Array(repeating: 0, count: facts) }
        if stamp > UInt32.max - 1024 || decisionStamp > UInt32.max - 2 {
            stamps.clear()
            for i in factStamp.indices { factStamp[i] = 0 }
            stamp = 0
            decisionStamp = 0
        }
        decisionStamp += 1
        permits.clear()
        forbids.clear()
        unpermittedLeaves.clear()
        missingFacts.clear()
        obligations.clear()
        unknownConditions.clear()
        detailsCollected = false
        invalid = nil
        inForce = true
        date = nil
        effect = .deny
    }
}

/// The scratch's per-rule stamps, in one block the decision loop writes through a pointer. Owned
/// by one scratch: `prepare` gives a scratch that shares its block (a copy) a block of its own
/// before anything is written, so copies of a scratch stay independent values.
final class ScratchStamps: @unchecked Sendable {
    // @unchecked: written only by the one scratch that holds the only reference (see `prepare`).
    let rules: Int
    /// Rule r's defeat stamp is at 2r, its counted stamp at 2r + 1.
    let words: UnsafeMutablePointer<UInt32>

    init(rules: Int) {
        self.rules = rules
        words = .allocate(capacity: max(2, 2 * rules))
        words.initialize(repeating: 0, count: max(2, 2 * rules))
    }

    func clear() { words.update(repeating: 0, count: max(2, 2 * rules)) }

    deinit { words.deallocate() }
}

/// One obligation of a permit, distinct by (obligation, who acts, timing): stands unless
/// every deciding permit that carries it waives it; postponed when every carrier that does not
/// waive it postpones it.
public struct ObligationOutcome: Sendable, Equatable {
    public var obligation: Int32
    public var actor: DecisionTable.Actor
    public var timing: Int32
    public var waived: Bool
    /// The rule and obligation use whose `unless` held, when waived.
    public var waivedByRule: Int32
    public var waivedByUse: Int32
    /// Standing, but its clock does not run (never together with `waived`).
    public var postponed: Bool
    /// The rule and obligation use whose `postponed while` held, when postponed.
    public var postponedByRule: Int32
    public var postponedByUse: Int32
}

/// Three-valued truth: a condition over a missing fact may be unknown.
@usableFromInline enum Truth: UInt8 { case no = 0, yes = 1, unknown = 2 }

/// Decides queries against one decision table. A value type holding the table; share it
/// freely across threads, each with its own `DecisionScratch`.
public struct Evaluator: Sendable {
    public let table: DecisionTable
    // What the hot path reads, as flat arrays of plain values, so deciding copies no rule
    // (and so touches no reference counts).
    /// The same, and the scope index and conditions, laid out for the decision loop.
    let plan: DecisionPlan
    /// Each fact's lowest and highest encoded value, to check a query's values cheaply.
    let factLow: [Int64]
    let factHigh: [Int64]
    package let names: NameIndex
    /// The validity period as YYYYMMDD numbers (Int32.min / Int32.max when open).
    let validFrom: Int32
    let validUntil: Int32
    let purposeClassCount: Int
    /// Marks the queries `resolve` checked against this table (see `ResolvedQuery.checkedFor`).
    let tableToken: UInt64

    /// An evaluator for a table from anywhere: a table an embedder built, edited or read by other
    /// means is checked first (every index and invariant `decide` relies on), so a damaged table
    /// is refused here instead of trapping later.
    public init(table: DecisionTable) throws(TableCodec.LoadError) {
        try table.check()
        self.init(compiled: table)
    }

    /// An evaluator for a table this package made or loaded, which is checked already: the
    /// compiler's output, and `TableCodec.decode`'s (it runs `check()` on every file it reads).
    package init(compiled table: DecisionTable) {
        self.table = table
        names = NameIndex(table)
        validFrom = table.validity.from?.ordinal ?? Int32.min
        validUntil = table.validity.until?.ordinal ?? Int32.max
        purposeClassCount = table.purposeClassCount
        tableToken = Self.token(table)
        plan = DecisionPlan(table)
        factLow = table.facts.map { fact in
            if case .int(let low, _) = fact.kind { low } else { 0 }
        }
        factHigh = table.facts.map { fact in
            switch fact.kind {
            case .bool: 1
            case .int(_, let high): high
            case .enumeration(let values): Int64(values.count - 1)
            }
        }
    }

    /// Resolves a query by name (once; then decide it as often as needed), for its own `at`
    /// date or else `date` (the caller's today: the library never reads the clock).
    public func resolve(_ query: Query, on date: CalendarDate) throws(QueryError) -> ResolvedQuery {
        var resolved = try table.resolve(query, on: date, names: names)
        resolved.checkedFor = tableToken
        return resolved
    }

    /// A number for this table, never 0 (the mark of a query nobody checked): from its SHA-256
    /// when it has one, else from its shape.
    static func token(_ table: DecisionTable) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in table.sha256.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        for n in [table.parties.count, table.categories.count, table.purposes.count, table.facts.count] {
            h = (h ^ UInt64(n)) &* 0x100_0000_01b3
        }
        return h == 0 ? 1 : h
    }

    /// Whether the covenant is in force on a day (both ends of its validity inclusive).
    public func isInForce(on date: CalendarDate) -> Bool {
        let d = date.ordinal
        return d >= validFrom && d <= validUntil
    }

    /// True when the query's indices and values fit the table (checked on every decision,
    /// so a hand-built query can never make the evaluator trap).
    @inline(__always)
    func fits(_ q: ResolvedQuery) -> Bool {
        let parties = table.senderClass.count
        guard q.sender >= 0, Int(q.sender) < parties, q.recipient >= 0, Int(q.recipient) < parties,
            q.category >= 0, Int(q.category) < table.categories.count, q.purpose >= 0,
            Int(q.purpose) < table.purposeClass.count,
            q.facts.count == factLow.count
        else { return false }
        for f in 0..<factLow.count {
            let v = q.facts[f]
            if v != ResolvedQuery.missing, v < factLow[f] || v > factHigh[f] { return false }
        }
        return true
    }

    /// Decides a resolved query into `scratch` and returns the effect and the deciding rules.
    /// Follows the fixed semantics: scope, leaf conjunction, most-protective reading of missing
    /// facts, exceptions (to exceptions), forbid over permit, deny by default. The obligations
    /// (with waivers and postponements) and the missing facts are worked out only when asked
    /// for, by `collectDetails` (which `decision(from:)` calls).
    ///
    /// A query from `resolve` was checked against this table then, and is not checked again; any
    /// other query (built by hand, or changed after resolving) is checked here first, so that
    /// no query can make the evaluator trap.
    @discardableResult
    public func decide(_ q: ResolvedQuery, into s: inout DecisionScratch) -> DecisionTable.Effect {
        let plan = self.plan
        s.prepare(rules: plan.ruleCount, facts: plan.factCount)
        guard q.checkedFor == tableToken || fits(q) else {
            s.invalid = table.validate(q) ?? QueryError(.doesNotFit)
            s.detailsCollected = true
            return .deny
        }
        s.date = q.date
        return q.facts.withUnsafeBufferPointer { given in
            // Kept for `collectDetails` (copied: sharing the query's array would cost two
            // reference-count updates a decision).
            s.facts.withUnsafeMutableBufferPointer { kept in
                for i in given.indices { kept[i] = given[i] }
            }
            guard isInForce(on: q.date) else {
                s.inForce = false
                s.detailsCollected = true
                return .deny
            }
            // With no facts nothing reads them; any valid pointer will do.
            return walk(q, facts: given.baseAddress ?? UnsafePointer(plan.bias), plan, &s)
        }
    }

    /// The leaf walks of `decide`, over the plan's flat blocks.
    @inline(__always)
    private func walk(
        _ q: ResolvedQuery, facts: UnsafePointer<Int64>, _ plan: DecisionPlan, _ s: inout DecisionScratch
    ) -> DecisionTable.Effect {
        let stamps = s.stamps.words
        let program = UnsafePointer(plan.program), bias = UnsafePointer(plan.bias)
        let sc = Int(plan.senderClass[Int(q.sender)]), rc = Int(plan.recipientClass[Int(q.recipient)])
        let purposeClass = plan.purposeClass[Int(q.purpose)]
        let decisionStamp = s.decisionStamp
        var allPermitted = true
        for l in Int(plan.leafOffsets[Int(q.category)])..<Int(plan.leafOffsets[Int(q.category) + 1]) {
            let leaf = plan.leaves[l]
            s.stamp += 1
            let leafStamp = s.stamp
            var forbidden = false
            var firstPermit: Int32 = -1
            s.leafPermits.clear()
            let cell = Int(leaf.cellBase + purposeClass)
            var chunk = Int(plan.cellOffsets[cell])
            let end = Int(plan.cellOffsets[cell + 1])
            while chunk < end {
                // The cell's rules in walk order, 64 at a time: first which reach the parties,
                // then those in order.
                var mask = plan.reaching(chunk, min(64, end - chunk), sc, rc)
                while mask != 0 {
                    let r32 = plan.cellRules[chunk + mask.trailingZeroBitCount]
                    mask &= mask &- 1
                    let r = Int(r32)
                    let rule = plan.rules[r]
                    var truth = Truth.yes
                    if rule.program >= 0 {
                        truth = ConditionProgram.evaluate(program, Int(rule.program), facts, bias)
                        if truth == .unknown { s.unknownConditions.append(rule.condition) }
                    }
                    guard case .counts(let target) = settle(r, truth, defeated: stamps[2 * r] == leafStamp) else {
                        continue
                    }
                    if target >= 0 { stamps[2 * Int(target)] = leafStamp }
                    if !rule.permits {
                        forbidden = true
                        if stamps[2 * r + 1] != decisionStamp {
                            stamps[2 * r + 1] = decisionStamp
                            s.forbids.append(r32)
                        }
                    } else if firstPermit < 0 {
                        firstPermit = r32
                    } else {
                        if s.leafPermits.isEmpty { s.leafPermits.append(firstPermit) }
                        s.leafPermits.append(r32)
                    }
                }
                chunk += 64
            }
            if forbidden {
                allPermitted = false
            } else if firstPermit < 0 {
                allPermitted = false
                s.unpermittedLeaves.append(leaf.leaf)
            } else if s.leafPermits.isEmpty {
                if stamps[2 * Int(firstPermit) + 1] != decisionStamp {
                    stamps[2 * Int(firstPermit) + 1] = decisionStamp
                    s.permits.append(firstPermit)
                }
            } else {
                for r in s.leafPermits where stamps[2 * Int(r) + 1] != decisionStamp {
                    stamps[2 * Int(r) + 1] = decisionStamp
                    s.permits.append(r)
                }
            }
        }
        if allPermitted, !s.permits.isEmpty {
            s.effect = .permit
            s.permits.sortSmall()
        } else {
            s.effect = .deny
        }
        s.forbids.sortSmall()
        return s.effect
    }

    /// Works out what `decide` leaves for later: the obligations of a permit (waived, postponed)
    /// and the facts not given that the outcome depends on. Does nothing the second time.
    public func collectDetails(_ s: inout DecisionScratch) {
        guard !s.detailsCollected else { return }
        s.detailsCollected = true
        let facts = s.facts
        for condition in s.unknownConditions { collectMissing(condition, facts, &s) }
        if s.effect == .permit { collectObligations(facts, &s) }
        s.missingFacts.sortSmall()
    }

    /// For each deciding permit's obligation uses: waived when `unless` holds, postponed when
    /// `postponed while` holds (an unknown condition holds for neither; waived wins over
    /// postponed). One (obligation, who acts, timing) stands if any carrier does not waive it,
    /// and is postponed only if every carrier that does not waive it postpones it.
    func collectObligations(_ facts: [Int64], _ s: inout DecisionScratch) {
        for r in s.permits {
            let rule = table.rules[Int(r)]
            for (u, use) in rule.obligations.enumerated() {
                var waived = false
                if use.unless >= 0 {
                    let truth = evaluate(use.unless, facts)
                    if truth == .unknown { collectMissing(use.unless, facts, &s) }
                    waived = truth == .yes
                }
                var postponed = false
                if use.postponed >= 0 {
                    let truth = evaluate(use.postponed, facts)
                    if truth == .unknown { collectMissing(use.postponed, facts, &s) }
                    postponed = truth == .yes
                }
                if let i = s.obligations.firstIndex(where: {
                    $0.obligation == use.obligation && $0.actor == use.actor && $0.timing == use.timing
                }) {
                    guard !waived else { continue }
                    if s.obligations[i].waived {
                        // The first carrier that does not waive it decides whether it is postponed so far.
                        s.obligations[i].waived = false
                        s.obligations[i].postponed = postponed
                        s.obligations[i].postponedByRule = postponed ? r : -1
                        s.obligations[i].postponedByUse = postponed ? Int32(u) : -1
                    } else if !postponed {
                        s.obligations[i].postponed = false
                    }
                } else {
                    let stands = !waived && postponed
                    s.obligations.append(
                        ObligationOutcome(
                            obligation: use.obligation, actor: use.actor, timing: use.timing, waived: waived,
                            waivedByRule: waived ? r : -1, waivedByUse: waived ? Int32(u) : -1,
                            postponed: stands, postponedByRule: stands ? r : -1,
                            postponedByUse: stands ? Int32(u) : -1))
                }
            }
        }
        for i in s.obligations.indices where !s.obligations[i].postponed {
            s.obligations[i].postponedByRule = -1
            s.obligations[i].postponedByUse = -1
        }
        if s.obligations.count > 1 {
            s.obligations.sort { a, b in
                (a.obligation, Self.actorOrder(a.actor), a.timing) < (b.obligation, Self.actorOrder(b.actor), b.timing)
            }
        }
        s.missingFacts.sortSmall()
    }

    static func actorOrder(_ a: DecisionTable.Actor) -> Int {
        switch a {
        case .sender: 0
        case .recipient: 1
        case .controller: 2
        }
    }

    /// Kleene three-valued evaluation: `false and x` is false and `true or x` is true whatever x.
    @usableFromInline
    func evaluate(_ n: Int32, _ facts: [Int64]) -> Truth {
        let node = table.nodes[Int(n)]
        switch node.kind {
        case .truth:
            let v = facts[Int(node.fact)]
            return v == ResolvedQuery.missing ? .unknown : (v != 0 ? .yes : .no)
        case .compare:
            let v = facts[Int(node.fact)]
            if v == ResolvedQuery.missing { return .unknown }
            return (DecisionTable.Node.Operator(rawValue: node.op) ?? .eq).holds(v, node.value) ? .yes : .no
        case .member:
            let v = facts[Int(node.fact)]
            if v == ResolvedQuery.missing { return .unknown }
            var found = false
            for i in Int(node.first)..<Int(node.first + node.count) where table.setValues[i] == v {
                found = true
                break
            }
            return found != (node.op == 1) ? .yes : .no
        case .not:
            switch evaluate(table.children[Int(node.first)], facts) {
            case .yes: return .no
            case .no: return .yes
            case .unknown: return .unknown
            }
        case .and:
            var result = Truth.yes
            for i in Int(node.first)..<Int(node.first + node.count) {
                switch evaluate(table.children[i], facts) {
                case .no: return .no
                case .unknown: result = .unknown
                case .yes: break
                }
            }
            return result
        case .or:
            var result = Truth.no
            for i in Int(node.first)..<Int(node.first + node.count) {
                switch evaluate(table.children[i], facts) {
                case .yes: return .yes
                case .unknown: result = .unknown
                case .no: break
                }
            }
            return result
        }
    }

    /// The missing facts an unknown result depends on: those under the unknown operands (an
    /// operand that is decided does not make its missing facts matter).
    func collectMissing(_ n: Int32, _ facts: [Int64], _ s: inout DecisionScratch) {
        guard evaluate(n, facts) == .unknown else { return }
        let node = table.nodes[Int(n)]
        switch node.kind {
        case .truth, .compare, .member:
            let f = Int(node.fact)
            if s.factStamp[f] != s.decisionStamp {
                s.factStamp[f] = s.decisionStamp
                s.missingFacts.append(node.fact)
            }
        case .not:
            collectMissing(table.children[Int(node.first)], facts, &s)
        case .and, .or:
            for i in Int(node.first)..<Int(node.first + node.count) { collectMissing(table.children[i], facts, &s) }
        }
    }
}

extension Array {
    /// Empties the array, keeping its storage; does nothing (and costs nothing) when empty. The
    /// hot path's lists hold a few elements: removing them one by one is cheaper than the general
    /// `removeAll(keepingCapacity:)`, which replaces a subrange.
    @inline(__always)
    mutating func clear() {
        if count > 8 {
            removeAll(keepingCapacity: true)
        } else {
            while !isEmpty { removeLast() }
        }
    }
}

extension Array where Element == Int32 {
    /// Insertion sort: the deciding-rule and missing-fact lists are short, and this avoids the
    /// general sort's set-up cost on the hot path.
    @inline(__always)
    mutating func sortSmall() {
        guard count > 1 else { return }
        for i in 1..<count {
            let x = self[i]
            var j = i - 1
            while j >= 0, self[j] > x {
                self[j + 1] = self[j]
                j -= 1
            }
            self[j + 1] = x
        }
    }
}
