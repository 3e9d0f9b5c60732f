import CovenantEval

/// Compares what two versions of a covenant decide, not how they are written: every
/// (sender, recipient, category, purpose, fact region) whose decision, bases or obligations
/// differ, grouped into statements. Rules are matched by behaviour, so a renamed rule that does
/// the same is no change.
public struct BehaviourDiff: Sendable {
    public enum Kind: String, Sendable {
        case newlyPermitted = "newly permitted"
        case newlyDenied = "newly denied"
        case basisChanged = "legal basis changed"
        case obligationsChanged = "obligations changed"
        case basisAndObligationsChanged = "legal basis and obligations changed"
    }

    public struct Statement: Sendable {
        public var kind: Kind
        public var senders: [String]
        public var recipients: [String]
        public var categories: [String]
        public var purposes: [String]
        /// The region of fact values, per fact that matters: "safety_risk = true",
        /// "age in 16..130", "consent in {none, refused}". A fact over all its values is left out.
        public var when: [(String, String)] {
            factOrder.compactMap { id -> (String, String)? in
                guard let seen = factValues[id], seen.count < (factDomain[id] ?? 0) || seen.count == 1 else {
                    return nil
                }
                if seen.count == 1 { return (id, seen.first!.text(language)) }
                let ints = seen.compactMap { v -> Int? in if case .int(let n) = v { n } else { nil } }
                if ints.count == seen.count, let low = ints.min(), let high = ints.max() {
                    return (id, "\(low)..\(high)")
                }
                return (id, "{" + seen.map { $0.text(language) }.sorted().joined(separator: ", ") + "}")
            }
        }
        var factOrder: [String]
        var factValues: [String: Set<JointValue>]
        var factDomain: [String: Int]
        public var oldOutcome: String
        public var newOutcome: String
        /// The language of the texts above and of `when`.
        var language: Language = .en
        /// Number of (sender, recipient, category, purpose, fact-region) cases it covers.
        public var cases: Int
    }

    public var statements: [Statement]
    /// Cells whose fact combinations exceeded the enumeration bound (reported, not hidden).
    public var unexploredCells: Int
    /// The period of validity, when the new version changes it ("valid from 2025-01-01 until
    /// 2028-12-31"): on the days between, one version decides and the other denies. The
    /// statements compare each version on its own first day in force.
    public var validity: (old: String, new: String)?
    /// The controllers, when the new version names others.
    public var controllers: (old: [String], new: [String])?
    /// A guarantee whose standing differs between the versions: stated in one only, or
    /// proved in one and refuted (or not proved) in the other. Each version's guarantees are
    /// proved against its own rules.
    public struct GuaranteeChange: Sendable {
        public var id: String
        public var title: String?
        /// Nil when the version does not state the guarantee.
        public var old: GuaranteeOutcome.Status?
        public var new: GuaranteeOutcome.Status?
        /// The new version's refuting query, when it refutes the guarantee.
        public var witness: String?
    }
    public var guarantees: [GuaranteeChange] = []

    public var identical: Bool {
        statements.isEmpty && unexploredCells == 0 && validity == nil && controllers == nil && guarantees.isEmpty
    }

    static func validityText(_ m: CovenantModel, _ language: Language = .en) -> String {
        switch (m.validFrom, m.validUntil) {
        case (let from?, let until?): Messages.text("validity.fromUntil", language, from, until)
        case (let from?, nil): Messages.text("validity.from", language, from)
        default: Messages.text("diff.alwaysValid", language)
        }
    }

    /// Most fact combinations enumerated for one cell.
    public static let maxCombinations = 4096

    /// `language` is the language of the outcome texts and fact values (the kinds stay English).
    public static func compare(
        old: CovenantModel, _ oldTable: DecisionTable, new: CovenantModel, _ newTable: DecisionTable,
        language: Language = .en
    ) -> BehaviourDiff {
        var engine = DiffEngine(
            old: Side(model: old, table: oldTable), new: Side(model: new, table: newTable), language: language)
        var diff = engine.run()
        diff.guarantees = guaranteeChanges(old: old, oldTable, new: new, newTable)
        return diff
    }

    /// The guarantees whose standing an amendment changes, in the new version's order, then
    /// those only the old version states.
    static func guaranteeChanges(
        old: CovenantModel, _ oldTable: DecisionTable, new: CovenantModel, _ newTable: DecisionTable
    ) -> [GuaranteeChange] {
        let before = GuaranteeProof.prove(old, oldTable)
        let after = GuaranteeProof.prove(new, newTable)
        var oldStatus: [String: GuaranteeOutcome.Status] = [:]
        for o in before { oldStatus[old.guarantees[o.guarantee].id] = o.status }
        var changes: [GuaranteeChange] = []
        var stated = Set<String>()
        for o in after {
            let g = new.guarantees[o.guarantee]
            stated.insert(g.id)
            guard oldStatus[g.id] != o.status else { continue }
            changes.append(
                GuaranteeChange(id: g.id, title: g.title, old: oldStatus[g.id], new: o.status, witness: o.witness))
        }
        for o in before where !stated.contains(old.guarantees[o.guarantee].id) {
            let g = old.guarantees[o.guarantee]
            changes.append(GuaranteeChange(id: g.id, title: g.title, old: o.status, new: nil, witness: nil))
        }
        return changes
    }
}

/// One version: its model, table, evaluator and rule signatures.
struct Side {
    let model: CovenantModel
    let table: DecisionTable
    let evaluator: Evaluator
    /// The day each version is compared on: its first in force.
    let day: CalendarDate
    let signatures: [String]
    let partyIndex: [String: Int]
    let categoryIndex: [String: Int]
    let purposeIndex: [String: Int]
    let factIndex: [String: Int]
    /// The rules of each (sender class, recipient class) pair.
    let pairs: PairIndex

    init(model: CovenantModel, table: DecisionTable) {
        var model = model
        if !model.hasIndexes { model.deriveIndexes() }
        self.model = model
        self.table = table
        evaluator = Evaluator(compiled: table)
        pairs = PairIndex(table)
        day = table.firstDayInForce
        let builder = ConditionBuilder(model: model)
        let leaves = model.categoryLeaves
        let purposes = model.purposeClosure
        var own: [String] = []
        for rule in model.rules {
            func parties(_ t: ResolvedTargets) -> String {
                if case .some(let list) = t { return list.map { model.parties[$0].id }.sorted().joined(separator: ",") }
                return "*"
            }
            let covered = Set(rule.categories.flatMap { leaves[$0] }).map { model.categories[$0].id }.sorted()
            var purposeIds = "*"
            if case .some(let list) = rule.purposes {
                purposeIds = Set(list.flatMap { purposes[$0] }).map { model.purposes[$0].id }.sorted()
                    .joined(separator: ",")
            }
            let obligations = rule.obligations.map { use -> String in
                var b = builder
                let timing = use.timing.map { b.timings[Int(b.timing($0))] } ?? "-"
                let unless = use.unless.map { builder.text($0) } ?? "-"
                let postponed = use.postponedWhile.map { builder.text($0) } ?? "-"
                return "\(model.obligations[use.obligation].id)|\(use.actor.rawValue)|\(timing)|\(unless)|\(postponed)"
            }.sorted()
            own.append(
                [
                    rule.effect.rawValue, parties(rule.senders), parties(rule.recipients),
                    covered.joined(separator: ","), purposeIds,
                    rule.condition.map { builder.text($0) } ?? "-",
                    rule.bases.map { model.bases[$0].id }.sorted().joined(separator: ","),
                    obligations.joined(separator: ";"),
                ].joined(separator: " / "))
        }
        // An exception is the same rule only if it is an exception to the same (behaviour of a) rule.
        signatures = model.rules.indices.map { r in
            var s = own[r]
            var t = model.rules[r].exceptionTo
            var steps = 0
            while let target = t, steps <= model.rules.count {
                s += " >> " + own[target]
                t = model.rules[target].exceptionTo
                steps += 1
            }
            return s
        }
        func index(_ ids: [String]) -> [String: Int] {
            Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        }
        partyIndex = index(model.parties.map(\.id))
        categoryIndex = index(model.categories.map(\.id))
        purposeIndex = index(model.purposes.map(\.id))
        factIndex = index(model.facts.map(\.id))
    }

    /// Rules (by index) in scope for these entities, or nil when an entity is not declared here.
    func scope(_ s: String, _ r: String, _ leaf: String, _ p: String) -> [Int]? {
        guard let si = partyIndex[s], let ri = partyIndex[r], let ci = categoryIndex[leaf], let pi = purposeIndex[p]
        else { return nil }
        let q = ResolvedQuery(
            sender: Int32(si), recipient: Int32(ri), category: Int32(ci), purpose: Int32(pi), facts: [], date: day)
        return evaluator.rulesInScope(q, leaf: Int32(ci))
    }
}

/// A fact value in both versions' terms: not given, or a value by name.
enum JointValue: Hashable, Sendable {
    case notGiven
    case bool(Bool)
    case int(Int)
    case name(String)

    var text: String { text(.en) }

    func text(_ language: Language) -> String {
        switch self {
        case .notGiven: Messages.text("value.notGiven", language)
        case .bool(let b): Messages.text(b ? "value.true" : "value.false", language)
        case .int(let n): String(n)
        case .name(let s): s
        }
    }
}

struct DiffEngine {
    let old: Side
    let new: Side
    let language: Language
    var groups: [String: BehaviourDiff.Statement] = [:]
    var order: [String] = []
    var unexplored = 0

    init(old: Side, new: Side, language: Language = .en) {
        self.old = old
        self.new = new
        self.language = language
    }

    /// Entities of one dimension grouped into joint classes: equal when both versions treat
    /// them alike (same class in each, or absent from the same version).
    static func jointClasses(_ ids: [String], _ oldClass: (String) -> Int32?, _ newClass: (String) -> Int32?)
        -> [[String]]
    {
        var byKey: [String: Int] = [:]
        var classes: [[String]] = []
        for id in ids {
            let key = "\(oldClass(id).map(String.init) ?? "absent")/\(newClass(id).map(String.init) ?? "absent")"
            if let c = byKey[key] { classes[c].append(id) } else { byKey[key] = classes.count; classes.append([id]) }
        }
        return classes
    }

    static func union(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set<String>()
        return (a + b).filter { seen.insert($0).inserted }
    }

    mutating func run() -> BehaviourDiff {
        func classOf(_ side: Side, _ array: [Int32], _ index: [String: Int]) -> (String) -> Int32? {
            { id in index[id].map { array[$0] } }
        }
        let parties = Self.union(old.model.parties.map(\.id), new.model.parties.map(\.id))
        let senders = Self.jointClasses(
            parties, classOf(old, old.table.senderClass, old.partyIndex),
            classOf(new, new.table.senderClass, new.partyIndex))
        let recipients = Self.jointClasses(
            parties, classOf(old, old.table.recipientClass, old.partyIndex),
            classOf(new, new.table.recipientClass, new.partyIndex))
        let leafIds = Self.union(
            Compiler.leafIndices(old.model).map { old.model.categories[$0].id },
            Compiler.leafIndices(new.model).map { new.model.categories[$0].id })
        let leaves = Self.jointClasses(
            leafIds, classOf(old, old.table.leafClass, old.categoryIndex),
            classOf(new, new.table.leafClass, new.categoryIndex))
        let purposeIds = Self.union(old.model.purposes.map(\.id), new.model.purposes.map(\.id))
        let purposes = Self.jointClasses(
            purposeIds, classOf(old, old.table.purposeClass, old.purposeIndex),
            classOf(new, new.table.purposeClass, new.purposeIndex))
        for s in senders {
            for r in recipients {
                // Whole pairs whose rules in scope (for any category and purpose) match are skipped.
                if pairUnchanged(s[0], r[0], leaves: leaves, purposes: purposes) { continue }
                for c in leaves {
                    for p in purposes {
                        let oldScope = old.scope(s[0], r[0], c[0], p[0]) ?? []
                        let newScope = new.scope(s[0], r[0], c[0], p[0]) ?? []
                        if oldScope.map({ old.signatures[$0] }).sorted()
                            == newScope.map({ new.signatures[$0] }).sorted(),
                            presence(s[0], r[0], c[0], p[0])
                        {
                            continue
                        }
                        compareCell(s, r, c, p, oldScope, newScope)
                    }
                }
            }
        }
        var diff = BehaviourDiff(statements: order.map { groups[$0]! }, unexploredCells: unexplored)
        let (v0, v1) = (
            BehaviourDiff.validityText(old.model, language), BehaviourDiff.validityText(new.model, language)
        )
        if v0 != v1 { diff.validity = (v0, v1) }
        let (c0, c1) = (
            old.model.controllers.map { old.model.parties[$0].id },
            new.model.controllers.map { new.model.parties[$0].id }
        )
        if c0 != c1 { diff.controllers = (c0, c1) }
        return diff
    }

    /// True when every entity is declared in both versions or in neither.
    func presence(_ s: String, _ r: String, _ c: String, _ p: String) -> Bool {
        (old.partyIndex[s] != nil) == (new.partyIndex[s] != nil)
            && (old.partyIndex[r] != nil) == (new.partyIndex[r] != nil)
            && (old.categoryIndex[c] != nil) == (new.categoryIndex[c] != nil)
            && (old.purposeIndex[p] != nil) == (new.purposeIndex[p] != nil)
    }

    /// The pair's rules, unfiltered by category and purpose, have the same signatures in both.
    func pairUnchanged(_ s: String, _ r: String, leaves: [[String]], purposes: [[String]]) -> Bool {
        func pairRules(_ side: Side) -> [String]? {
            guard let si = side.partyIndex[s], let ri = side.partyIndex[r] else { return nil }
            let pairs = side.pairs
            return pairs.rules(ofPair: pairs.pair(sender: Int32(si), recipient: Int32(ri))).map {
                side.signatures[Int($0)]
            }
            .sorted()
        }
        let (a, b) = (pairRules(old), pairRules(new))
        if a == nil, b == nil { return true }
        guard let a, let b, a == b else { return false }
        // Same rules: differences could only come from categories or purposes present in one version.
        return leaves.allSatisfy { (old.categoryIndex[$0[0]] != nil) == (new.categoryIndex[$0[0]] != nil) }
            && purposes.allSatisfy { (old.purposeIndex[$0[0]] != nil) == (new.purposeIndex[$0[0]] != nil) }
    }

    /// The values of each fact that the rules in scope tell apart, in both versions.
    func factChoices(_ oldScope: [Int], _ newScope: [Int]) -> [(String, [JointValue])] {
        var values: [String: [JointValue]] = [:]
        var order: [String] = []
        for (side, scope) in [(old, oldScope), (new, newScope)] {
            var facts: [Int] = []
            for r in scope {
                let rule = side.table.rules[r]
                if rule.condition >= 0 { facts += side.evaluator.mentionedFacts(rule.condition) }
                for u in rule.obligations {
                    if u.unless >= 0 { facts += side.evaluator.mentionedFacts(u.unless) }
                    if u.postponed >= 0 { facts += side.evaluator.mentionedFacts(u.postponed) }
                }
            }
            for f in Set(facts).sorted() {
                let fact = side.table.facts[f]
                if values[fact.id] == nil { order.append(fact.id); values[fact.id] = [.notGiven] }
                let candidates: [JointValue] = side.evaluator.candidateValues(f).map { v in
                    switch fact.kind {
                    case .bool: .bool(v != 0)
                    case .int: .int(Int(v))
                    case .enumeration(let names): .name(names[Int(v)])
                    }
                }
                for c in candidates where !values[fact.id]!.contains(c) { values[fact.id]!.append(c) }
            }
        }
        return order.map { ($0, values[$0]!) }
    }

    /// The query for one version, or nil when an entity is not declared there (deny by default).
    func query(_ side: Side, _ s: String, _ r: String, _ c: String, _ p: String, _ facts: [(String, JointValue)])
        -> ResolvedQuery?
    {
        guard let si = side.partyIndex[s], let ri = side.partyIndex[r], let ci = side.categoryIndex[c],
            let pi = side.purposeIndex[p]
        else { return nil }
        var values = side.table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
        for (id, v) in facts {
            guard let f = side.factIndex[id] else { continue }
            switch (side.table.facts[f].kind, v) {
            case (.bool, .bool(let b)): values[f] = b ? 1 : 0
            case (.int(let low, let high), .int(let n)) where Int64(n) >= low && Int64(n) <= high: values[f] = Int64(n)
            case (.enumeration(let names), .name(let n)): if let i = names.firstIndex(of: n) { values[f] = Int64(i) }
            default: break  // not given, or a value this version's fact cannot take: its default applies
            }
        }
        return ResolvedQuery(
            sender: Int32(si), recipient: Int32(ri), category: Int32(ci), purpose: Int32(pi), facts: values,
            date: side.day)
    }

    /// What matters of a decision: the effect, bases and obligations (not the rules' names).
    func outcome(_ side: Side, _ q: ResolvedQuery?) -> (
        key: String, text: String, permit: Bool, bases: String, obligations: String
    ) {
        guard let q else { return ("deny||", Messages.text("outcome.notDeclared", language), false, "", "") }
        let d = side.evaluator.decision(q)
        let bases = d.bases.joined(separator: ", ")
        // The key compares behaviour (in English, whatever the language); the text is for reading.
        func duties(_ language: Language) -> String {
            d.obligations.map { o in
                (o.by == .sender ? "" : Messages.text("actor.\(o.by.rawValue)", language) + " ") + o.id
                    + (o.timing.map { " " + DecisionTable.timingText($0, language) } ?? "")
                    + (o.waived
                        ? Messages.text("outcome.waived", language)
                        : o.postponed ? Messages.text("outcome.postponed", language) : "")
            }.joined(separator: ", ")
        }
        let obligations = duties(.en)
        var text = Messages.text(d.effect == .permit ? "outcome.permit" : "outcome.deny", language)
        if !d.decidedBy.isEmpty {
            text += Messages.text(
                d.decidedBy.count == 1 ? "outcome.byRule.one" : "outcome.byRule.many", language,
                d.decidedBy.joined(separator: ", "))
        }
        if d.effect == .permit {
            text += Messages.text("outcome.basis", language, bases)
            if !d.obligations.isEmpty { text += Messages.text("outcome.oblige", language, duties(language)) }
        }
        return ("\(d.effect.rawValue)|\(bases)|\(obligations)", text, d.effect == .permit, bases, obligations)
    }

    mutating func compareCell(
        _ s: [String], _ r: [String], _ c: [String], _ p: [String], _ oldScope: [Int], _ newScope: [Int]
    ) {
        let choices = factChoices(oldScope, newScope)
        var combinations = 1
        for (_, values) in choices {
            combinations = min(combinations * values.count, BehaviourDiff.maxCombinations + 1)
        }
        if combinations > BehaviourDiff.maxCombinations {
            unexplored += 1
            return
        }
        var assignment: [(String, JointValue)] = []
        let domains = Dictionary(choices.map { ($0.0, $0.1.count) }, uniquingKeysWith: { a, _ in a })
        func walk(_ k: Int, _ engine: inout DiffEngine) {
            if k == choices.count {
                let a = engine.outcome(engine.old, engine.query(engine.old, s[0], r[0], c[0], p[0], assignment))
                let b = engine.outcome(engine.new, engine.query(engine.new, s[0], r[0], c[0], p[0], assignment))
                if a.key != b.key { engine.record(s, r, c, p, assignment, domains, a, b) }
                return
            }
            for v in choices[k].1 {
                assignment.append((choices[k].0, v))
                walk(k + 1, &engine)
                assignment.removeLast()
            }
        }
        walk(0, &self)
    }

    mutating func record(
        _ s: [String], _ r: [String], _ c: [String], _ p: [String], _ facts: [(String, JointValue)],
        _ domains: [String: Int],
        _ a: (key: String, text: String, permit: Bool, bases: String, obligations: String),
        _ b: (key: String, text: String, permit: Bool, bases: String, obligations: String)
    ) {
        let kind: BehaviourDiff.Kind
        switch (a.permit, b.permit) {
        case (false, true): kind = .newlyPermitted
        case (true, false): kind = .newlyDenied
        default:
            kind =
                a.bases != b.bases
                ? (a.obligations != b.obligations ? .basisAndObligationsChanged : .basisChanged) : .obligationsChanged
        }
        let key = "\(kind.rawValue)|\(a.text)|\(b.text)"
        let count = s.count * r.count * c.count * p.count
        if var g = groups[key] {
            g.senders = Self.union(g.senders, s)
            g.recipients = Self.union(g.recipients, r)
            g.categories = Self.union(g.categories, c)
            g.purposes = Self.union(g.purposes, p)
            for (id, v) in facts {
                if g.factValues[id] == nil { g.factOrder.append(id) }
                g.factValues[id, default: []].insert(v)
                g.factDomain[id] = max(g.factDomain[id] ?? 0, domains[id] ?? 0)
            }
            g.cases += count
            groups[key] = g
        } else {
            order.append(key)
            groups[key] = BehaviourDiff.Statement(
                kind: kind, senders: s, recipients: r, categories: c, purposes: p,
                factOrder: facts.map(\.0),
                factValues: Dictionary(facts.map { ($0.0, [$0.1]) }, uniquingKeysWith: { a, b in a.union(b) }),
                factDomain: domains, oldOutcome: a.text, newOutcome: b.text, language: language, cases: count)
        }
    }
}
