extension DecisionTable {
    /// How deep a table's conditions may nest. The language allows 64 levels of parentheses and
    /// `not` (`maxNestingDepth`), and the compiler flattens `and`/`or` chains, so a compiled table
    /// stays far below; a table made by other means that goes deeper is refused.
    public static let maxConditionDepth: Int32 = 256

    /// Checks every index and invariant the evaluator relies on, so that deciding against a
    /// table that passes can never trap. The loader runs it on every file it reads.
    public func check() throws(TableCodec.LoadError) {
        func fail(_ kind: TableCodec.LoadError.Kind, _ arguments: String...) -> TableCodec.LoadError {
            TableCodec.LoadError(kind, arguments: arguments)
        }
        func within(_ i: Int32, _ count: Int) -> Bool { i >= 0 && Int(i) < count }
        let words = Int(wordsPerClass)
        guard words == max(1, (rules.count + 63) / 64) else { throw fail(.wordsPerClass) }
        guard senderClass.count == parties.count, recipientClass.count == parties.count,
            leafClass.count == categories.count, purposeClass.count == purposes.count
        else { throw fail(.classLength) }
        guard recipientClassCount >= 1 else { throw fail(.noRecipientClasses) }
        for g in groups where !g.members.allSatisfy({ within($0, parties.count) }) { throw fail(.groupMember, g.id) }
        let senderClasses = Int(senderClass.max() ?? 0) + 1
        guard senderClass.allSatisfy({ $0 >= 0 }), recipientClass.allSatisfy({ within($0, Int(recipientClassCount)) })
        else { throw fail(.partyClass) }
        let leafClasses = categoryRuleBits.count / words
        guard categoryRuleBits.count == leafClasses * words, leafClasses >= 1,
            purposeRuleBits.count % words == 0, purposeRuleBits.count >= words
        else { throw fail(.bitsetLength) }
        let purposeClasses = purposeRuleBits.count / words
        guard purposeClass.allSatisfy({ within($0, purposeClasses) }) else { throw fail(.purposeClass) }
        guard Int(senderWords) == (senderClasses + 63) / 64, recipientWords == (recipientClassCount + 63) / 64,
            ruleSenderBits.count == rules.count * Int(senderWords),
            ruleRecipientBits.count == rules.count * Int(recipientWords)
        else { throw fail(.partyBits) }
        guard cellOffsets.count == leafClasses * purposeClasses + 1, cellOffsets.first == 0,
            Int(cellOffsets.last ?? -1) == cellRules.count,
            zip(cellOffsets, cellOffsets.dropFirst()).allSatisfy({ $0 <= $1 })
        else { throw fail(.scopeIndex) }
        guard cellRules.allSatisfy({ within($0, rules.count) }) else { throw fail(.scopeIndexRule) }
        for k in 0..<(cellOffsets.count - 1) {
            let list = cellRules[Int(cellOffsets[k])..<Int(cellOffsets[k + 1])]
            guard zip(list, list.dropFirst()).allSatisfy({ rules[Int($0)].depth >= rules[Int($1)].depth }) else {
                throw fail(.scopeIndexOrder)
            }
        }
        for (i, c) in categories.enumerated() {
            guard !c.leaves.isEmpty,
                c.leaves.allSatisfy({ within($0, categories.count) && within(leafClass[Int($0)], leafClasses) })
            else {
                throw fail(.categoryLeaves, c.id, String(i))
            }
        }
        for f in facts {
            switch f.kind {
            case .bool: if let d = f.defaultValue, d != 0, d != 1 { throw fail(.boolDefault, f.id) }
            case .int(let low, let high):
                guard low <= high else { throw fail(.emptyRange, f.id) }
                if let d = f.defaultValue, d < low || d > high { throw fail(.defaultOutOfRange, f.id) }
            case .enumeration(let values):
                guard !values.isEmpty else { throw fail(.noValues, f.id) }
                if let d = f.defaultValue, d < 0 || d >= Int64(values.count) { throw fail(.defaultOutOfRange, f.id) }
            }
        }
        if let from = metadata.validFrom, CalendarDate(from) == nil { throw fail(.validFrom) }
        if let until = metadata.validUntil, CalendarDate(until) == nil { throw fail(.validUntil) }
        // Children always precede their parent, so evaluation terminates; and conditions nest at
        // most `maxConditionDepth` deep, so evaluating them cannot exhaust a thread's stack.
        var depth = [Int32](repeating: 0, count: nodes.count)
        for (n, node) in nodes.enumerated() {
            switch node.kind {
            case .truth, .compare, .member:
                guard within(node.fact, facts.count) else { throw fail(.nodeFact, String(n)) }
                if node.kind == .member {
                    guard node.first >= 0, node.count >= 0, Int(node.first) + Int(node.count) <= setValues.count else {
                        throw fail(.nodeSet, String(n))
                    }
                }
            case .not, .and, .or:
                guard node.first >= 0, node.count >= 1, Int(node.first) + Int(node.count) <= children.count,
                    node.kind != .not || node.count == 1
                else { throw fail(.nodeOperands, String(n)) }
                for i in Int(node.first)..<Int(node.first + node.count)
                where !(children[i] >= 0 && Int(children[i]) < n) {
                    throw fail(.nodeOrder, String(n))
                }
                for i in Int(node.first)..<Int(node.first + node.count) {
                    depth[n] = max(depth[n], depth[Int(children[i])] + 1)
                }
                guard depth[n] <= Self.maxConditionDepth else {
                    throw fail(.nodeDepth, String(n), String(Self.maxConditionDepth))
                }
            }
        }
        for r in rules {
            guard r.condition == -1 || within(r.condition, nodes.count) else { throw fail(.ruleCondition, r.id) }
            guard r.bases.allSatisfy({ within($0, bases.count) }) else { throw fail(.ruleBasis, r.id) }
            for u in r.obligations {
                guard within(u.obligation, obligations.count), u.timing == -1 || within(u.timing, timings.count),
                    u.unless == -1 || within(u.unless, nodes.count),
                    u.postponed == -1 || within(u.postponed, nodes.count)
                else { throw fail(.ruleObligation, r.id) }
            }
            if r.exceptionTo == -1 {
                guard r.depth == 0 else { throw fail(.ruleDepth, r.id) }
            } else {
                guard within(r.exceptionTo, rules.count), r.depth == rules[Int(r.exceptionTo)].depth + 1,
                    rules[Int(r.exceptionTo)].effect != r.effect
                else { throw fail(.ruleException, r.id) }
            }
        }
    }
}
