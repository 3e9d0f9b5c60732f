extension DecisionTable {
    /// Checks every index and invariant the evaluator relies on, so that deciding against a
    /// table that passes can never trap. The loader runs it on every file it reads.
    public func check() throws(TableCodec.LoadError) {
        func fail(_ what: String) -> TableCodec.LoadError { TableCodec.LoadError("the table is inconsistent: \(what)") }
        func within(_ i: Int32, _ count: Int) -> Bool { i >= 0 && Int(i) < count }
        let words = Int(wordsPerClass)
        guard words == max(1, (rules.count + 63) / 64) else { throw fail("wordsPerClass does not match the number of rules") }
        guard senderClass.count == parties.count, recipientClass.count == parties.count,
              leafClass.count == categories.count, purposeClass.count == purposes.count else { throw fail("a class array has the wrong length") }
        guard recipientClassCount >= 1 else { throw fail("no recipient classes") }
        let senderClasses = Int(senderClass.max() ?? 0) + 1
        guard senderClass.allSatisfy({ $0 >= 0 }), recipientClass.allSatisfy({ within($0, Int(recipientClassCount)) }) else { throw fail("a party class is out of range") }
        guard pairOffsets.count == senderClasses * Int(recipientClassCount) + 1, pairOffsets.first == 0,
              Int(pairOffsets.last ?? -1) == pairRules.count, zip(pairOffsets, pairOffsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw fail("the pair index is malformed")
        }
        guard pairRules.allSatisfy({ within($0, rules.count) }) else { throw fail("the pair index names an unknown rule") }
        for k in 0..<(pairOffsets.count - 1) {
            let list = pairRules[Int(pairOffsets[k])..<Int(pairOffsets[k + 1])]
            guard zip(list, list.dropFirst()).allSatisfy({ rules[Int($0)].depth >= rules[Int($1)].depth }) else {
                throw fail("the pair index does not list exceptions before the rules they defeat")
            }
        }
        let leafClasses = categoryRuleBits.count / words
        guard categoryRuleBits.count == leafClasses * words, leafClasses >= 1,
              purposeRuleBits.count % words == 0, purposeRuleBits.count >= words else { throw fail("a rule bitset has the wrong length") }
        guard purposeClass.allSatisfy({ within($0, purposeRuleBits.count / words) }) else { throw fail("a purpose class is out of range") }
        for (i, c) in categories.enumerated() {
            guard !c.leaves.isEmpty, c.leaves.allSatisfy({ within($0, categories.count) && within(leafClass[Int($0)], leafClasses) }) else {
                throw fail("category '\(c.id)' (\(i)) has an invalid list of leaves")
            }
        }
        for f in facts {
            switch f.kind {
            case .bool: if let d = f.defaultValue, d != 0, d != 1 { throw fail("the default of '\(f.id)' is not a bool") }
            case .int(let low, let high):
                guard low <= high else { throw fail("the range of '\(f.id)' is empty") }
                if let d = f.defaultValue, d < low || d > high { throw fail("the default of '\(f.id)' is out of range") }
            case .enumeration(let values):
                guard !values.isEmpty else { throw fail("'\(f.id)' has no values") }
                if let d = f.defaultValue, d < 0 || d >= Int64(values.count) { throw fail("the default of '\(f.id)' is out of range") }
            }
        }
        if let from = metadata.validFrom, CalendarDate(from) == nil { throw fail("validFrom is not a date") }
        if let until = metadata.validUntil, CalendarDate(until) == nil { throw fail("validUntil is not a date") }
        // Children always precede their parent, so evaluation terminates.
        for (n, node) in nodes.enumerated() {
            switch node.kind {
            case .truth, .compare, .member:
                guard within(node.fact, facts.count) else { throw fail("condition node \(n) names an unknown fact") }
                if node.kind == .member {
                    guard node.first >= 0, node.count >= 0, Int(node.first) + Int(node.count) <= setValues.count else { throw fail("condition node \(n) has an invalid set") }
                }
            case .not, .and, .or:
                guard node.first >= 0, node.count >= 1, Int(node.first) + Int(node.count) <= children.count,
                      node.kind != .not || node.count == 1 else { throw fail("condition node \(n) has invalid operands") }
                for i in Int(node.first)..<Int(node.first + node.count) where !(children[i] >= 0 && Int(children[i]) < n) {
                    throw fail("condition node \(n) refers to a later node")
                }
            }
        }
        for r in rules {
            guard r.condition == -1 || within(r.condition, nodes.count) else { throw fail("rule '\(r.id)' has an invalid condition") }
            guard r.bases.allSatisfy({ within($0, bases.count) }) else { throw fail("rule '\(r.id)' names an unknown basis") }
            for u in r.obligations {
                guard within(u.obligation, obligations.count), u.timing == -1 || within(u.timing, timings.count),
                      u.unless == -1 || within(u.unless, nodes.count),
                      u.postponed == -1 || within(u.postponed, nodes.count) else { throw fail("rule '\(r.id)' has an invalid obligation") }
            }
            if r.exceptionTo == -1 {
                guard r.depth == 0 else { throw fail("rule '\(r.id)' has a wrong exception depth") }
            } else {
                guard within(r.exceptionTo, rules.count), r.depth == rules[Int(r.exceptionTo)].depth + 1,
                      rules[Int(r.exceptionTo)].effect != r.effect else { throw fail("rule '\(r.id)' has an invalid exception") }
            }
        }
    }
}
