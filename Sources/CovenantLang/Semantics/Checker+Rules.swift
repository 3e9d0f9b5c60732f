import CovenantEval

extension Resolver {
    // MARK: Rules

    mutating func checkRules() {
        for d in ruleDecls {
            let effect = d.effect?.value ?? .permit
            var info = RuleInfo(
                id: d.id.name, title: d.title?.value, effect: effect, senders: .any, recipients: .any,
                categories: [], purposes: .any, condition: nil, bases: [], obligations: [],
                exceptionTo: nil, range: d.range)
            if let s = d.senders { info.senders = resolveParties(s) }
            if let r = d.recipients { info.recipients = resolveParties(r) }
            info.categories = (d.categories ?? []).compactMap { lookup($0, as: [.category])?.index }
            if let p = d.purposes { info.purposes = resolvePurposes(p) }
            if let c = d.condition { info.condition = typedCondition(c) }
            info.bases = (d.bases ?? []).compactMap { lookup($0, as: [.basis])?.index }
            for use in d.obligations ?? [] {
                let o = lookup(use.id, as: [.obligation])
                let unless = use.unless.flatMap { typedCondition($0) }
                let postponed = use.postponedWhile.flatMap { typedCondition($0) }
                if let o {
                    info.obligations.append(
                        ResolvedObligation(
                            obligation: o.index, actor: use.actor?.value ?? .sender, timing: use.timing?.value,
                            postponedWhile: postponed, unless: unless, range: use.range))
                }
            }
            if d.effect?.value == .permit, d.bases == nil, !d.recovered {
                let declared = model.bases.map(\.id)
                report(
                    Diagnostic(
                        .permitWithoutBasis, words("checker.permitWithoutBasis", d.id.name), at: d.id.range,
                        help: declared.isEmpty
                            ? words("checker.permitWithoutBasis.declare", basisExample, kw(.basis))
                            : words("checker.permitWithoutBasis.add", kw(.basis), declared.joined(separator: ", "))))
            }
            if d.effect?.value == .forbid, d.bases != nil || d.obligations != nil {
                let message =
                    switch (d.bases != nil, d.obligations != nil) {
                    case (true, false): words("checker.forbidWithBasis.basis", d.id.name)
                    case (false, true): words("checker.forbidWithBasis.obligations", d.id.name)
                    default: words("checker.forbidWithBasis.both", d.id.name)
                    }
                report(
                    Diagnostic(
                        .forbidWithBasis, message, at: d.id.range,
                        severity: .warning, help: words("checker.forbidWithBasis.help", kw(.basis), kw(.oblige))))
            }
            model.rules.append(info)
        }
    }

    /// `exception to`: the target exists and is a rule of the opposite effect, and the graph
    /// has no cycle.
    mutating func checkExceptions() {
        for (i, d) in ruleDecls.enumerated() {
            guard let target = d.exceptionTo, let symbol = lookup(target, as: [.rule]) else { continue }
            let t = symbol.index
            model.rules[i].exceptionTo = t
            if let mine = d.effect?.value, let theirs = ruleDecls[t].effect?.value, mine == theirs {
                let word = kw(Keyword(rawValue: mine.rawValue)!)
                report(
                    Diagnostic(
                        .exceptionSameEffect, words("checker.exceptionSameEffect", d.id.name, target.name, word),
                        at: target.range,
                        notes: [DiagnosticNote(words("resolver.declaredHere", target.name), at: symbol.range)],
                        help: words("checker.exceptionSameEffect.help")))
            }
        }
        // Each rule has at most one target, so following targets from any rule either ends or
        // loops; report each loop once, at its first rule in file order. Every rule is walked
        // once (linear in the rules, however long the chains).
        var walkedBy = [Int](repeating: -1, count: model.rules.count)
        var positionInPath = [Int](repeating: -1, count: model.rules.count)
        for start in model.rules.indices where walkedBy[start] < 0 {
            var path: [Int] = []
            var current: Int? = start
            while let c = current, walkedBy[c] < 0 {
                walkedBy[c] = start
                positionInPath[c] = path.count
                path.append(c)
                current = model.rules[c].exceptionTo
            }
            // A loop only when the walk ran into its own path (not into an earlier walk).
            guard let c = current, walkedBy[c] == start else { continue }
            let loop = Array(path[positionInPath[c]...])
            let first = loop.min()!
            let names = (loop + [loop[0]]).map { model.rules[$0].id }
            report(
                Diagnostic(
                    .exceptionCycle,
                    loop.count == 1
                        ? words("checker.exceptionToItself", names[0])
                        : words("checker.exceptionCycle", names.joined(separator: " -> ")),
                    at: ruleDecls[first].exceptionTo?.range ?? ruleDecls[first].id.range,
                    help: words("checker.exceptionCycle.help", "\(kw(.exception)) \(kw(.to))")))
        }
    }

    // MARK: Tests

    mutating func checkTests() {
        for d in testDecls {
            guard let q = d.query, let e = d.expectation else { continue }
            let query = resolveQuery(q)
            let rules = e.decidedBy.map { $0.compactMap { lookup($0, as: [.rule])?.index } }
            // A permit is decided by permits, a deny by forbids: a rule of the other effect can
            // never be named by the decision, so the test could only fail when run.
            for id in e.decidedBy ?? [] {
                guard let s = symbols[id.name], s.kind == .rule, let effect = ruleDecls[s.index].effect?.value,
                    effect != e.effect.value
                else { continue }
                let expected = e.effect.value == .permit ? kw(.permitted) : kw(.denied)
                report(
                    Diagnostic(
                        .expectedRuleOfOtherEffect,
                        words(
                            e.effect.value == .permit ? "checker.expectedByForbid" : "checker.expectedByPermit",
                            expected, id.name),
                        at: id.range,
                        notes: [
                            DiagnosticNote(words("checker.ruleDeclaredHere", id.name), at: ruleDecls[s.index].id.range)
                        ],
                        help: words("checker.expectedRuleOfOtherEffect.help")))
            }
            let obligations = e.obligations.map { duties($0) }
            let waived = e.waived.map { duties($0) }
            let postponed = e.postponed.map { duties($0) }
            let missing = e.missing.map { $0.compactMap { lookup($0, as: [.fact])?.index } }
            if e.effect.value == .forbid, let list = e.obligations ?? e.waived ?? e.postponed, let first = list.first {
                report(
                    Diagnostic(
                        .denyWithObligations, words("checker.denyWithObligations"),
                        at: first.range.union(list.last!.range), help: words("checker.denyWithObligations.help")))
            }
            guard let query else { continue }
            model.tests.append(
                TestInfo(
                    title: d.title.value, query: query, expectedEffect: e.effect.value, expectedRules: rules,
                    expectedObligations: obligations, expectedWaived: waived, expectedPostponed: postponed,
                    expectedMissing: missing, range: d.range))
        }
    }

    mutating func duties(_ list: [ExpectedObligation]) -> [ExpectedDuty] {
        list.compactMap { e in
            lookup(e.id, as: [.obligation]).map { ExpectedDuty(obligation: $0.index, actor: e.actor?.value) }
        }
    }

    /// Resolves a query's names and fact values; nil (after reporting) if any is wrong.
    public mutating func resolveQuery(_ q: QueryExpr) -> TestQuery? {
        let sender = queryParty(q.sender, .sender)
        let recipient = queryParty(q.recipient, .recipient)
        let category = lookup(q.category, as: [.category])?.index
        let purpose = lookup(q.purpose, as: [.purpose])?.index
        var facts: [Int: FactValue] = [:]
        var given: [Int: SourceRange] = [:]
        var ok = true
        for assignment in q.facts {
            guard let f = lookup(assignment.fact, as: [.fact])?.index else { ok = false; continue }
            if let first = given[f] {
                report(
                    Diagnostic(
                        .duplicateFactValue, words("checker.factTwice", assignment.fact.name), at: assignment.range,
                        notes: [DiagnosticNote(words("checker.factTwice.first"), at: first)],
                        help: words("checker.factTwice.help")))
                ok = false
                continue
            }
            given[f] = assignment.range
            if let v = typedValue(assignment.value, forFact: f) { facts[f] = v } else { ok = false }
        }
        var date: CalendarDate?
        if let literal = q.date {
            if checkDate(literal) != nil { date = CalendarDate(literal.text) } else { ok = false }
        }
        guard ok, let sender, let recipient, let category, let purpose else { return nil }
        return TestQuery(
            sender: sender, recipient: recipient, category: category, purpose: purpose, facts: facts, date: date)
    }

    /// A query names one party; a group gets its own message listing its members.
    mutating func queryParty(_ id: Identifier, _ role: QueryRole) -> Int? {
        if let s = symbols[id.name], s.kind == .group {
            let members = model.groups[s.index].parties.map { model.parties[$0].id }
            let message =
                switch role {
                case .sender: words("checker.queryGroup.sender", id.name)
                case .recipient: words("checker.queryGroup.recipient", id.name)
                }
            report(
                Diagnostic(
                    .queryNotAParty, message, at: id.range,
                    help: members.isEmpty
                        ? words("checker.queryGroup.nameOne")
                        : words("checker.queryGroup.members", members.joined(separator: ", "))))
            return nil
        }
        return lookup(id, as: [.party])?.index
    }

    /// The two parties a query names.
    enum QueryRole { case sender, recipient }

    /// An example basis declaration in the file's keywords, for the help of a permit without one.
    var basisExample: String {
        let kind = BasisKind.public_task.spellings(language)[0]
        return "\(kw(.basis)) \(kind) \"Wbp art. 8 sub e\" { \(kw(.kind)) \(kind) }"
    }
}
