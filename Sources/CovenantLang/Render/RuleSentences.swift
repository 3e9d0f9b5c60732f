import CovenantEval

/// Every rule as a sentence a council member reads without knowing the language: who may
/// share what with whom for which purpose, on which conditions, on which legal basis and with
/// which duties — with the declared titles of parties, categories, purposes and facts in quotes
/// ("‘GGZ Oost-Brabant’ mag ‘Medische gegevens’ aan de groep ‘Dorpsteam en BJG’ verstrekken
/// voor ‘Ondersteuningsplan’, als betrokkene toestemming heeft gegeven en 16 jaar of ouder is.").
struct RuleSentences {
    let model: CovenantModel
    let say: Phrases
    /// The rules as written (groups named as groups), by rule id.
    let written: [String: RuleDecl]
    private let partyIndex: [String: Int]
    private let groupIndex: [String: Int]
    private let categoryIndex: [String: Int]
    private let purposeIndex: [String: Int]

    init(model: CovenantModel, syntax: CovenantFile?, say: Phrases) {
        self.model = model
        self.say = say
        var written: [String: RuleDecl] = [:]
        for case .rule(let rule) in syntax?.declarations ?? [] where written[rule.id.name] == nil {
            written[rule.id.name] = rule
        }
        self.written = written
        func index(_ ids: [String]) -> [String: Int] {
            var d: [String: Int] = [:]
            for (i, id) in ids.enumerated() where d[id] == nil { d[id] = i }
            return d
        }
        partyIndex = index(model.parties.map(\.id))
        groupIndex = index(model.groups.map(\.id))
        categoryIndex = index(model.categories.map(\.id))
        purposeIndex = index(model.purposes.map(\.id))
    }

    // MARK: Names

    func party(_ p: Int) -> String { say.quote(model.parties[p].name ?? model.parties[p].id) }
    func group(_ g: Int) -> String { say.quote(model.groups[g].name ?? model.groups[g].id) }
    func category(_ c: Int) -> String { say.quote(model.categories[c].name ?? model.categories[c].id) }
    func purpose(_ p: Int) -> String { say.quote(model.purposes[p].name ?? model.purposes[p].id) }
    func fact(_ f: Int) -> String { say.quote(model.facts[f].name ?? model.facts[f].id) }
    func basis(_ b: Int) -> String { say.quote(model.bases[b].citation ?? model.bases[b].id) }
    func obligation(_ o: Int) -> String { say.quote(model.obligations[o].text ?? model.obligations[o].id) }
    func rule(_ r: Int) -> String { say.quote(model.rules[r].title ?? model.rules[r].id) }

    // MARK: The sentence

    /// The whole statement of a rule: what it permits or forbids, then its legal basis and its
    /// obligations. An exception says which rule it sets aside.
    func sentence(_ r: Int) -> String { parts(r).joined(separator: " ") }

    /// The statement in its parts: the rule itself, its legal basis, its obligations (the last
    /// two for a permit only, when it has them).
    func parts(_ r: Int) -> [String] {
        let info = model.rules[r]
        var parts = [main(r)]
        guard info.effect == .permit else { return parts }
        if !info.bases.isEmpty {
            let bases = say.list(info.bases.map(basis))
            parts.append(say(info.bases.count == 1 ? "render.rule.basis.one" : "render.rule.basis.many", bases))
        }
        if !info.obligations.isEmpty {
            let duties = info.obligations.map(duty).joined(separator: "; ")
            parts.append(say(info.obligations.count == 1 ? "render.rule.duty.one" : "render.rule.duty.many", duties))
        }
        return parts
    }

    /// "‘A’ mag ‘X’ aan ‘B’ verstrekken voor ‘P’, als …." (with "In afwijking van regel ‘T’"
    /// before it for an exception).
    func main(_ r: Int) -> String {
        let info = model.rules[r]
        let decl = written[info.id]
        let (subject, plural) = senders(decl?.senders, info.senders)
        let what = say.list(categories(decl?.categories, info.categories))
        let forbid = info.effect == .forbid
        let toAny: Bool = if case .any = info.recipients { true } else { false }
        let to = recipients(decl?.recipients, info.recipients)
        let purposeText = purposes(decl?.purposes, info.purposes, forbid: forbid)
        let key: String
        switch (forbid, toAny) {
        case (false, _): key = plural ? "render.rule.permit.many" : "render.rule.permit.one"
        case (true, false): key = plural ? "render.rule.forbid.many" : "render.rule.forbid.one"
        case (true, true): key = plural ? "render.rule.forbidAny.many" : "render.rule.forbidAny.one"
        }
        var clause: String
        if let target = info.exceptionTo {
            let inverted = say(key + ".inverted", subject, what, to, purposeText)
            clause = say("render.rule.exception", rule(target), inverted)
        } else {
            clause = say(key, subject, what, to, purposeText).capitalizedFirst
        }
        if let condition = info.condition {
            clause += say("render.rule.when", ConditionWords(sentences: self).text(condition))
        }
        return clause + "."
    }

    /// The subject and whether the verb is plural: one party, every party of one group, any
    /// party, or several.
    func senders(_ written: Targets?, _ resolved: ResolvedTargets) -> (String, Bool) {
        if case .any = resolved { return (say("render.rule.anyParty"), false) }
        let names = targetNames(written, resolved, group: { say("render.rule.eachOfGroup", self.group($0)) })
        let single = names.count == 1
        return (say.list(names), !single)
    }

    func recipients(_ written: Targets?, _ resolved: ResolvedTargets) -> String {
        if case .any = resolved { return say("render.rule.anyRecipient") }
        return say.list(targetNames(written, resolved, group: { say("render.rule.group", self.group($0)) }))
    }

    /// The names as the rule writes them (a group as a group); the resolved parties when the
    /// rule as written is not at hand.
    private func targetNames(_ written: Targets?, _ resolved: ResolvedTargets, group: (Int) -> String) -> [String] {
        if case .names(let ids)? = written {
            // Parties first, then groups: "‘GGZ’ en iedere partij in de groep ‘X’".
            let parties = ids.compactMap { partyIndex[$0.name] }.map(party)
            let groups = ids.compactMap { groupIndex[$0.name] }.map(group)
            if parties.count + groups.count == ids.count { return parties + groups }
        }
        if case .some(let parties) = resolved { return parties.map(party) }
        return []
    }

    func categories(_ written: [Identifier]?, _ resolved: [Int]) -> [String] {
        let fromText = (written ?? []).compactMap { categoryIndex[$0.name] }
        return (fromText.count == resolved.count ? fromText : resolved).map(category)
    }

    func purposes(_ written: Targets?, _ resolved: ResolvedTargets, forbid: Bool) -> String {
        guard case .some(let list) = resolved else {
            return say(forbid ? "render.rule.anyPurpose.forbid" : "render.rule.anyPurpose")
        }
        var indices = list
        if case .names(let ids)? = written {
            let fromText = ids.compactMap { purposeIndex[$0.name] }
            if fromText.count == ids.count { indices = fromText }
        }
        return say("render.rule.for", say.orList(indices.map(purpose)))
    }

    /// One obligation: "‘Betrokkene informeren’ (door de verstrekker, vooraf, tenzij …)".
    func duty(_ use: ResolvedObligation) -> String {
        var parts = [say("render.actor.\(use.actor.rawValue)")]
        if let timing = use.timing { parts.append(self.timing(timing)) }
        let words = ConditionWords(sentences: self)
        if let unless = use.unless { parts.append(say("render.duty.unless", words.text(unless))) }
        if let postponed = use.postponedWhile { parts.append(say("render.duty.postponed", words.text(postponed))) }
        return "\(obligation(use.obligation)) (\(parts.joined(separator: ", ")))"
    }

    func timing(_ timing: Timing) -> String {
        switch timing {
        case .before: say("render.timing.before")
        case .after: say("render.timing.after")
        case .within(let d): say("render.timing.within", duration(d))
        }
    }

    /// "4 weken", "1 jaar", "15 years".
    func duration(_ d: Duration) -> String {
        let unit = String(d.unit.rawValue.dropLast())
        return say("render.duration", String(d.amount), say("render.unit.\(unit)\(d.amount == 1 ? "" : "s")"))
    }
}

/// A condition as a subordinate clause: "betrokkene toestemming heeft gegeven en 16 jaar of
/// ouder is" / "the data subject has given consent and is 16 or older". Facts with a legal role
/// read as what they mean; other facts by their title. Consecutive parts of an `and` about the
/// data subject share the subject.
struct ConditionWords {
    let sentences: RuleSentences
    var say: Phrases { sentences.say }
    var model: CovenantModel { sentences.model }

    /// A part of a clause: who it is about (nil: the fact's title carries it) and the rest.
    struct Clause {
        var subject: String?
        var predicate: String
        var text: String { subject.map { "\($0) \(predicate)" } ?? predicate }
    }

    func text(_ c: TypedCondition) -> String { render(c, inside: nil) }

    /// `inside`: the operator of the enclosing list ("and"/"or"), so a list of the other kind
    /// gets parentheses.
    private func render(_ c: TypedCondition, inside: String?) -> String {
        switch c {
        case .and, .or:
            let isAnd: Bool = if case .and = c { true } else { false }
            let items = flatten(c, and: isAnd)
            var out: [String] = []
            var run: (subject: String, predicates: [String])?
            func flush() {
                if let r = run {
                    out.append(
                        "\(r.subject) \(r.predicates.joined(separator: " \(say(isAnd ? "render.and" : "render.or")) "))"
                    )
                }
                run = nil
            }
            for item in items {
                if isAnd, let clause = atom(item), let subject = clause.subject {
                    if run?.subject == subject {
                        run!.predicates.append(clause.predicate)
                        continue
                    }
                    flush()
                    run = (subject, [clause.predicate])
                    continue
                }
                flush()
                out.append(render(item, inside: isAnd ? "and" : "or"))
            }
            flush()
            let joined = out.joined(separator: " \(say(isAnd ? "render.and" : "render.or")) ")
            return inside != nil && inside != (isAnd ? "and" : "or") ? "(\(joined))" : joined
        default:
            if let clause = atom(c) { return clause.text }
            guard case .not(let inner) = c else { return "" }
            return say("render.cond.notThat", render(inner, inside: "not"))
        }
    }

    private func flatten(_ c: TypedCondition, and: Bool) -> [TypedCondition] {
        switch c {
        case .and(let a, let b) where and: flatten(a, and: true) + flatten(b, and: true)
        case .or(let a, let b) where !and: flatten(a, and: false) + flatten(b, and: false)
        default: [c]
        }
    }

    /// A comparison, membership or yes/no fact (negations pushed into it), or nil.
    func atom(_ c: TypedCondition) -> Clause? {
        switch c {
        case .truth(let f): return truth(f, true)
        case .compare(let f, let op, let v): return compare(f, op, v)
        case .member(let f, let values, let negated): return member(f, values, negated: negated)
        case .not(let inner):
            switch inner {
            case .truth(let f): return truth(f, false)
            case .compare(let f, let op, let v): return compare(f, op.negated, v)
            case .member(let f, let values, let negated): return member(f, values, negated: !negated)
            case .not(let twice): return atom(twice)
            default: return nil
            }
        default: return nil
        }
    }

    private var subject: String { say("render.cond.subject") }

    private func truth(_ f: Int, _ holds: Bool) -> Clause {
        switch model.facts[f].role {
        case .consent?:
            return Clause(subject: subject, predicate: say(holds ? "render.cond.consent" : "render.cond.noConsent"))
        case .representative?:
            return Clause(
                subject: say("render.cond.representative"),
                predicate: say(holds ? "render.cond.consent" : "render.cond.noConsent"))
        default:
            return Clause(
                subject: nil, predicate: say(holds ? "render.cond.holds" : "render.cond.holdsNot", sentences.fact(f)))
        }
    }

    private func value(_ f: Int, _ v: FactValue) -> String {
        switch v {
        case .bool(let b): say(b ? "render.value.true" : "render.value.false")
        case .int(let n): String(n)
        case .enumeration(let i):
            if case .enumeration(let names) = model.facts[f].type, i >= 0, i < names.count {
                say.quote(names[i])
            } else {
                String(i)
            }
        }
    }

    private func compare(_ f: Int, _ op: ComparisonOperator, _ v: FactValue) -> Clause {
        let info = model.facts[f]
        switch info.role {
        case .consent?:
            if op == .eq || op == .ne, info.isValidConsent(v), validCount(f) == 1 || info.type == .bool {
                return truth(f, op == .eq)
            }
        case .representative?:
            if case .bool(let b) = v, op == .eq || op == .ne { return truth(f, b == (op == .eq)) }
        case .age?:
            if case .int(let n) = v {
                return Clause(subject: subject, predicate: say("render.cond.age.\(op.wordKey)", String(n)))
            }
        default: break
        }
        switch info.type {
        case .bool:
            if case .bool(let b) = v, op == .eq || op == .ne { return truth(f, b == (op == .eq)) }
        case .int:
            return Clause(
                subject: nil, predicate: say("render.cond.number.\(op.wordKey)", sentences.fact(f), value(f, v)))
        case .enumeration:
            if op == .eq || op == .ne {
                return Clause(
                    subject: nil,
                    predicate: say(op == .eq ? "render.cond.is" : "render.cond.isNot", sentences.fact(f), value(f, v)))
            }
        }
        return Clause(subject: nil, predicate: say("render.cond.number.\(op.wordKey)", sentences.fact(f), value(f, v)))
    }

    private func validCount(_ f: Int) -> Int {
        if case .consent(let valid)? = model.facts[f].role { return valid.count }
        return 0
    }

    private func member(_ f: Int, _ values: [FactValue], negated: Bool) -> Clause {
        let info = model.facts[f]
        if case .consent(let valid)? = info.role, Set(values) == Set(valid) {
            return truth(f, !negated)
        }
        let list = say.orList(values.map { value(f, $0) })
        if info.role == .age {
            return Clause(
                subject: subject, predicate: say(negated ? "render.cond.age.notIn" : "render.cond.age.in", list))
        }
        let key: String =
            switch (info.type, negated) {
            case (.enumeration, false): "render.cond.is"
            case (.enumeration, true): "render.cond.isNot"
            case (_, false): "render.cond.number.eq"
            case (_, true): "render.cond.number.ne"
            }
        return Clause(subject: nil, predicate: say(key, sentences.fact(f), list))
    }
}

extension ComparisonOperator {
    /// The operator that holds exactly when this one does not.
    var negated: ComparisonOperator {
        switch self {
        case .eq: .ne
        case .ne: .eq
        case .lt: .ge
        case .le: .gt
        case .gt: .le
        case .ge: .lt
        }
    }

    /// The suffix of its catalogue keys.
    var wordKey: String {
        switch self {
        case .eq: "eq"
        case .ne: "ne"
        case .lt: "lt"
        case .le: "le"
        case .gt: "gt"
        case .ge: "ge"
        }
    }
}

extension String {
    /// With its first letter a capital ("iedere partij" → "Iedere partij"); a quote mark first
    /// stays as it is.
    var capitalizedFirst: String {
        guard let first = first, first.isLowercase else { return self }
        return first.uppercased() + dropFirst()
    }

}
