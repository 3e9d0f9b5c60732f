/// The one definition of which rules count for a leaf (LANGUAGE.md, "Decision semantics"), used by
/// the evaluator, the explainer, the analysis and the diff, so that they cannot drift apart:
///
/// - scope: a rule is listed in the (leaf class, purpose class) cell of the leaf and the query's
///   purpose, and its party-class bits include the sender's class and the recipient's class;
/// - applicability: a permit applies only when its condition is true; a forbid applies unless its
///   condition is false (a fact not given is read the way that protects the person most);
/// - defeat: walking a leaf's rules deepest exception first (the order of the cell lists), a rule
///   that applies and is not itself defeated defeats the rule it is an exception to.
package enum Settlement: Sendable, Equatable {
    /// The condition rules the rule out.
    case notApplicable
    /// It applies, but an applicable exception settled before it defeats it.
    case defeated
    /// It applies and stands; `defeats` is the rule it is an exception to (-1 for none), which
    /// the walk must now count as defeated.
    case counts(defeats: Int32)
}

extension DecisionTable {
    /// The number of purpose classes (the cells of a leaf class).
    package var purposeClassCount: Int { purposeRuleBits.count / Int(wordsPerClass) }

    /// The cell of a leaf category and a purpose: where the rules in their scope are listed.
    @inline(__always)
    package func cell(leaf: Int32, purpose: Int32) -> Int {
        Int(leafClass[Int(leaf)]) * purposeClassCount + Int(purposeClass[Int(purpose)])
    }

    /// Where a cell's rules are in `cellRules`: for the evaluator's hot loop, which reads them by
    /// index (a slice would retain the array once per leaf).
    @inline(__always)
    package func ruleRange(ofCell cell: Int) -> Range<Int> {
        Int(cellOffsets[cell])..<Int(cellOffsets[cell + 1])
    }

    /// Whether rule `r`'s scope includes a sender class and a recipient class.
    @inline(__always)
    package func reaches(rule r: Int, senderClass s: Int, recipientClass t: Int) -> Bool {
        ruleSenderBits[r * Int(senderWords) + s >> 6] & (UInt64(1) << UInt64(s & 63)) != 0
            && ruleRecipientBits[r * Int(recipientWords) + t >> 6] & (UInt64(1) << UInt64(t & 63)) != 0
    }

    /// The rules in scope of one sender, recipient, leaf and purpose, in walk order.
    package func rulesInScope(sender: Int32, recipient: Int32, leaf: Int32, purpose: Int32) -> [Int] {
        let s = Int(senderClass[Int(sender)]), t = Int(recipientClass[Int(recipient)])
        return ruleRange(ofCell: cell(leaf: leaf, purpose: purpose)).map { Int(cellRules[$0]) }.filter {
            reaches(rule: $0, senderClass: s, recipientClass: t)
        }
    }

    /// Whether rule `r`'s scope covers a leaf category class and a purpose class: the bit tests,
    /// given the offsets `leafClass * wordsPerClass` and `purposeClass * wordsPerClass`.
    @inline(__always)
    package func covers(rule r: Int, categoryBase: Int, purposeBase: Int) -> Bool {
        let word = r >> 6, bit = UInt64(1) << UInt64(r & 63)
        return categoryRuleBits[categoryBase + word] & bit != 0 && purposeRuleBits[purposeBase + word] & bit != 0
    }

    /// Every rule in walk order: deepest exceptions first, then by index (the order of each cell).
    package var walkOrder: [Int32] {
        rules.indices.sorted { (rules[$0].depth, -$0) > (rules[$1].depth, -$1) }.map(Int32.init)
    }
}

/// The rules in scope of each (sender class, recipient class) pair, whatever the category and
/// purpose, in walk order: derived from the table for the analyses that go pair by pair (the
/// reverse query, the sharing matrix, the behaviour diff); the evaluator does not use it.
package struct PairIndex: Sendable {
    let recipientClassCount: Int
    let offsets: [Int32]
    let rules: [Int32]
    let senderClass: [Int32]
    let recipientClass: [Int32]

    package init(_ table: DecisionTable) {
        let senderClasses = Int((table.senderClass.max() ?? -1) + 1)
        recipientClassCount = Int(table.recipientClassCount)
        senderClass = table.senderClass
        recipientClass = table.recipientClass
        let order = table.walkOrder
        var offsets: [Int32] = [0]
        var rules: [Int32] = []
        offsets.reserveCapacity(senderClasses * recipientClassCount + 1)
        let sw = Int(table.senderWords), rw = Int(table.recipientWords)
        for s in 0..<senderClasses {
            let bit = UInt64(1) << UInt64(s & 63)
            let ofSender = order.filter { table.ruleSenderBits[Int($0) * sw + s >> 6] & bit != 0 }
            for t in 0..<recipientClassCount {
                let bit = UInt64(1) << UInt64(t & 63)
                for r in ofSender where table.ruleRecipientBits[Int(r) * rw + t >> 6] & bit != 0 { rules.append(r) }
                offsets.append(Int32(rules.count))
            }
        }
        self.offsets = offsets
        self.rules = rules
    }

    /// Where the rules of a sender and a recipient are listed: the pair of their classes.
    package func pair(sender: Int32, recipient: Int32) -> Int {
        Int(senderClass[Int(sender)]) * recipientClassCount + Int(recipientClass[Int(recipient)])
    }

    /// The rules listed for a pair, deepest exceptions first, before the category and purpose test.
    package func rules(ofPair pair: Int) -> ArraySlice<Int32> {
        rules[Int(offsets[pair])..<Int(offsets[pair + 1])]
    }
}

extension Evaluator {
    /// Settles rule `r` in a leaf walk, given how its condition came out and whether an exception
    /// settled earlier in the same leaf defeated it.
    @inline(__always)
    func settle(_ r: Int, _ truth: Truth, defeated: Bool) -> Settlement {
        let rule = plan.rules[r]
        let applies = rule.permits ? truth == .yes : truth != .no
        guard applies else { return .notApplicable }
        guard !defeated else { return .defeated }
        return .counts(defeats: rule.exceptionTo)
    }

    /// `settle` for callers that evaluate conditions themselves (true, false, or nil: unknown).
    package func settle(_ r: Int, holds: Bool?, defeated: Bool) -> Settlement {
        settle(r, holds.map { $0 ? Truth.yes : .no } ?? .unknown, defeated: defeated)
    }
}
