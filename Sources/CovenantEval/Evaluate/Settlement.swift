/// The one definition of which rules count for a leaf (LANGUAGE.md, "Decision semantics"), used by
/// the evaluator, the explainer, the analysis and the diff, so that they cannot drift apart:
///
/// - scope: a rule is listed for the (sender class, recipient class) pair of the query, and its
///   category and purpose bits cover the leaf's class and the purpose's class;
/// - applicability: a permit applies only when its condition is true; a forbid applies unless its
///   condition is false (a fact not given is read the way that protects the person most);
/// - defeat: walking a leaf's rules deepest exception first (the order of the pair lists), a rule
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
    /// Where the rules of a sender and a recipient are listed: the pair of their classes.
    @inline(__always)
    package func pair(sender: Int32, recipient: Int32) -> Int {
        Int(senderClass[Int(sender)]) * Int(recipientClassCount) + Int(recipientClass[Int(recipient)])
    }

    /// The rules listed for a pair, deepest exceptions first, before the category and purpose test.
    @inline(__always)
    package func rules(ofPair pair: Int) -> ArraySlice<Int32> {
        pairRules[ruleRange(ofPair: pair)]
    }

    /// Where a pair's rules are in `pairRules`: for the evaluator's hot loop, which reads them by
    /// index (a slice would retain the array once per leaf).
    @inline(__always)
    package func ruleRange(ofPair pair: Int) -> Range<Int> {
        Int(pairOffsets[pair])..<Int(pairOffsets[pair + 1])
    }

    /// Whether rule `r`'s scope covers a leaf category class and a purpose class: the bit tests,
    /// given the offsets `leafClass * wordsPerClass` and `purposeClass * wordsPerClass`.
    @inline(__always)
    package func covers(rule r: Int, categoryBase: Int, purposeBase: Int) -> Bool {
        let word = r >> 6, bit = UInt64(1) << UInt64(r & 63)
        return categoryRuleBits[categoryBase + word] & bit != 0 && purposeRuleBits[purposeBase + word] & bit != 0
    }
}

extension Evaluator {
    /// Settles rule `r` in a leaf walk, given how its condition came out and whether an exception
    /// settled earlier in the same leaf defeated it.
    @inline(__always)
    func settle(_ r: Int, _ truth: Truth, defeated: Bool) -> Settlement {
        let applies = rulePermits[r] ? truth == .yes : truth != .no
        guard applies else { return .notApplicable }
        guard !defeated else { return .defeated }
        return .counts(defeats: ruleException[r])
    }

    /// `settle` for callers that evaluate conditions themselves (true, false, or nil: unknown).
    package func settle(_ r: Int, holds: Bool?, defeated: Bool) -> Settlement {
        settle(r, holds.map { $0 ? Truth.yes : .no } ?? .unknown, defeated: defeated)
    }
}
