@testable import CovenantLang

/// A deliberately simple interpreter of a checked covenant, written from the decision
/// semantics of LANGUAGE.md and LANGUAGE-V2.md and nothing else: no classes, no indexes,
/// recursion for defeat. The compiled evaluator must agree with it on every query.
struct ReferenceInterpreter {
    let model: CovenantModel

    struct Outcome: Equatable {
        var permit: Bool
        var decidedBy: [String]
        var bases: [String]
        /// "id|by|timing|waived|postponed"
        var obligations: [String]
        var missing: [String]
        var inForce = true
    }

    /// facts: the query's given values; absent facts take their default or are missing.
    /// date: YYYYMMDD; outside the validity (both ends inclusive) every query is denied.
    func decide(sender: Int, recipient: Int, category: Int, purpose: Int, given: [Int: FactValue], date: Int? = nil)
        -> Outcome
    {
        if let date {
            let from = model.validFrom.map { Int($0.replacingOccurrences(of: "-", with: ""))! } ?? Int.min
            let until = model.validUntil.map { Int($0.replacingOccurrences(of: "-", with: ""))! } ?? Int.max
            if date < from || date > until {
                return Outcome(permit: false, decidedBy: [], bases: [], obligations: [], missing: [], inForce: false)
            }
        }
        var values = given
        for (f, fact) in model.facts.enumerated() where values[f] == nil {
            if let d = fact.defaultValue { values[f] = d }
        }
        var missing = Set<Int>()
        var permits = Set<Int>(), forbids = Set<Int>()
        var allPermitted = true
        for leaf in leaves(of: category) {
            for r in model.rules.indices where covers(r, sender, recipient, leaf, purpose) {
                if let c = model.rules[r].condition, truth(c, values) == nil { missing.formUnion(dependsOn(c, values)) }
            }
            let o = leafOutcome(sender: sender, recipient: recipient, leaf: leaf, purpose: purpose, values: values)
            if !o.forbids.isEmpty {
                forbids.formUnion(o.forbids)
                allPermitted = false
            } else if o.permits.isEmpty {
                allPermitted = false
            } else {
                permits.formUnion(o.permits)
            }
        }
        let permit = allPermitted && !permits.isEmpty
        // "id|by|timing" -> every carrier waives it; every carrier that does not waive it postpones it.
        var waivedBy: [String: Bool] = [:], postponedBy: [String: Bool] = [:]
        var bases = Set<Int>()
        if permit {
            for r in permits.sorted() {
                bases.formUnion(model.rules[r].bases)
                for use in model.rules[r].obligations {
                    func holds(_ c: TypedCondition?) -> Bool {
                        guard let c else { return false }
                        let t = truth(c, values)
                        if t == nil { missing.formUnion(dependsOn(c, values)) }
                        return t == true
                    }
                    let waived = holds(use.unless)
                    let postponed = holds(use.postponedWhile)
                    let key = "\(model.obligations[use.obligation].id)|\(use.actor.rawValue)|\(timingText(use.timing))"
                    waivedBy[key] = (waivedBy[key] ?? true) && waived
                    if !waived { postponedBy[key] = (postponedBy[key] ?? true) && postponed }
                }
            }
        }
        let obligations = waivedBy.map { key, waived in "\(key)|\(waived)|\(!waived && postponedBy[key] == true)" }
        let deciding = (permit ? permits : forbids).sorted()
        return Outcome(
            permit: permit, decidedBy: deciding.map { model.rules[$0].id },
            bases: bases.sorted().map { model.bases[$0].id },
            obligations: obligations.sorted(),
            missing: missing.sorted().map { model.facts[$0].id })
    }

    /// One leaf by the semantics: which rules apply, which are defeated, which decide.
    func leafOutcome(sender: Int, recipient: Int, leaf: Int, purpose: Int, values: [Int: FactValue])
        -> (applicable: Set<Int>, defeated: Set<Int>, forbids: [Int], permits: [Int])
    {
        let inScope = model.rules.indices.filter { covers($0, sender, recipient, leaf, purpose) }
        func applicable(_ r: Int) -> Bool {
            guard inScope.contains(r) else { return false }
            guard let c = model.rules[r].condition else { return true }
            let t = truth(c, values)
            return model.rules[r].effect == .permit ? t == true : t != false
        }
        func defeated(_ r: Int) -> Bool {
            model.rules.indices.contains { e in model.rules[e].exceptionTo == r && applicable(e) && !defeated(e) }
        }
        let applying = Set(inScope.filter(applicable))
        let beaten = Set(applying.filter(defeated))
        let effective = applying.subtracting(beaten).sorted()
        return (
            applying, beaten, effective.filter { model.rules[$0].effect == .forbid },
            effective.filter { model.rules[$0].effect == .permit }
        )
    }

    func timingText(_ t: Timing?) -> String {
        switch t {
        case nil: "-"
        case .before: "before"
        case .after: "after"
        case .within(let d):
            "within \(d.amount) \(d.amount == 1 ? String(d.unit.rawValue.dropLast()) : d.unit.rawValue)"
        }
    }

    func leaves(of c: Int) -> [Int] {
        let children = model.categories[c].children
        return children.isEmpty ? [c] : children.flatMap(leaves)
    }

    func isSelfOrDescendant(_ x: Int, of ancestor: Int, parent: (Int) -> Int?) -> Bool {
        var current: Int? = x
        while let c = current {
            if c == ancestor { return true }
            current = parent(c)
        }
        return false
    }

    func covers(_ r: Int, _ s: Int, _ t: Int, _ leaf: Int, _ p: Int) -> Bool {
        let rule = model.rules[r]
        func has(_ targets: ResolvedTargets, _ x: Int) -> Bool {
            if case .some(let list) = targets { return list.contains(x) }
            return model.parties[x].processorFor == nil  // `any` is every party but the processors
        }
        guard has(rule.senders, s), has(rule.recipients, t) else { return false }
        guard rule.categories.contains(where: { isSelfOrDescendant(leaf, of: $0) { model.categories[$0].parent } })
        else { return false }
        if case .some(let list) = rule.purposes {
            return list.contains { isSelfOrDescendant(p, of: $0) { model.purposes[$0].parent } }
        }
        return true
    }

    /// Kleene logic; nil is unknown.
    func truth(_ c: TypedCondition, _ v: [Int: FactValue]) -> Bool? {
        switch c {
        case .truth(let f):
            guard case .bool(let b)? = v[f] else { return nil }
            return b
        case .compare(let f, let op, let value):
            guard let x = v[f] else { return nil }
            func n(_ fv: FactValue) -> Int {
                switch fv {
                case .bool(let b): b ? 1 : 0
                case .int(let i): i
                case .enumeration(let i): i
                }
            }
            let (a, b) = (n(x), n(value))
            switch op {
            case .eq: return a == b
            case .ne: return a != b
            case .lt: return a < b
            case .le: return a <= b
            case .gt: return a > b
            case .ge: return a >= b
            }
        case .member(let f, let values, let negated):
            guard let x = v[f] else { return nil }
            return values.contains(x) != negated
        case .not(let a):
            return truth(a, v).map { !$0 }
        case .and(let a, let b):
            let (x, y) = (truth(a, v), truth(b, v))
            if x == false || y == false { return false }
            if x == nil || y == nil { return nil }
            return true
        case .or(let a, let b):
            let (x, y) = (truth(a, v), truth(b, v))
            if x == true || y == true { return true }
            if x == nil || y == nil { return nil }
            return false
        }
    }

    /// The missing facts an unknown condition depends on: those under its unknown operands.
    func dependsOn(_ c: TypedCondition, _ v: [Int: FactValue]) -> Set<Int> {
        guard truth(c, v) == nil else { return [] }
        switch c {
        case .truth(let f), .compare(let f, _, _), .member(let f, _, _): return [f]
        case .not(let a): return dependsOn(a, v)
        case .and(let a, let b), .or(let a, let b): return dependsOn(a, v).union(dependsOn(b, v))
        }
    }
}
