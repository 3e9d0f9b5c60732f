/// The evaluator's hot data: what `decide` reads, copied once out of the table into flat,
/// immutable blocks that the decision loop reads through pointers, without Swift's bounds,
/// uniqueness and reference-count checks. Built only from a checked table (`DecisionTable.check`),
/// so every index in it is in range; a query is checked against it (`Evaluator.fits`, or once in
/// `Evaluator.resolve`) before any of it is read.
///
/// A cell's rules are listed with their party bits beside them (when those fit in one word each),
/// so that matching a cell's rules to the query's parties reads them in order; what the loop needs
/// of a rule once it matches (its exception, effect and condition) is one `RuleInfo`. `Evaluator`'s
/// `settle` and the explainer read the same `RuleInfo`s.
final class DecisionPlan: @unchecked Sendable {
    // @unchecked: the blocks are written in `init` and only read afterwards, from any thread.

    /// What the loop needs of a rule once it is in scope.
    struct RuleInfo {
        var exceptionTo: Int32
        /// Where the rule's condition starts in `program`, or -1 (no condition: it holds).
        var program: Int32
        /// The rule's condition as a table node (for the missing facts, worked out later).
        var condition: Int32
        var permits: Bool
    }

    /// One leaf of a category, with the first cell of its leaf class.
    struct Leaf {
        var leaf: Int32
        var cellBase: Int32
    }

    let senderClass: UnsafeMutablePointer<Int32>
    let recipientClass: UnsafeMutablePointer<Int32>
    let purposeClass: UnsafeMutablePointer<Int32>
    /// The leaves of category c are `leaves[leafOffsets[c]..<leafOffsets[c + 1]]`.
    let leafOffsets: UnsafeMutablePointer<Int32>
    let leaves: UnsafeMutablePointer<Leaf>
    /// The entries of cell k are `cellRules[cellOffsets[k]..<cellOffsets[k + 1]]`, in walk order.
    let cellOffsets: UnsafeMutablePointer<Int32>
    let cellRules: UnsafeMutablePointer<Int32>
    /// True when every rule's party bits are one word each: then they are copied next to the cell
    /// entries (`entrySenderBits`, `entryRecipientBits`), so scanning a cell reads them in order.
    let bitsInEntries: Bool
    let entrySenderBits: UnsafeMutablePointer<UInt64>
    let entryRecipientBits: UnsafeMutablePointer<UInt64>
    /// Otherwise each rule's bits are read from its row.
    let senderWords: Int
    let recipientWords: Int
    let senderBits: UnsafeMutablePointer<UInt64>
    let recipientBits: UnsafeMutablePointer<UInt64>
    let rules: UnsafeMutablePointer<RuleInfo>
    /// The rules' condition programs (`ConditionProgram`) and each fact's bitset bias.
    let program: UnsafeMutablePointer<UInt64>
    let bias: UnsafeMutablePointer<Int64>
    let factCount: Int
    let ruleCount: Int

    init(_ table: DecisionTable) {
        let conditions = ConditionProgram(table)
        senderClass = Self.block(table.senderClass)
        recipientClass = Self.block(table.recipientClass)
        purposeClass = Self.block(table.purposeClass)
        let purposeClasses = Int32(table.purposeClassCount)
        var offsets: [Int32] = [0]
        var list: [Leaf] = []
        for c in table.categories {
            for leaf in c.leaves {
                list.append(Leaf(leaf: leaf, cellBase: table.leafClass[Int(leaf)] * purposeClasses))
            }
            offsets.append(Int32(list.count))
        }
        leafOffsets = Self.block(offsets)
        leaves = Self.block(list)
        cellOffsets = Self.block(table.cellOffsets)
        cellRules = Self.block(table.cellRules)
        senderWords = Int(table.senderWords)
        recipientWords = Int(table.recipientWords)
        bitsInEntries = senderWords == 1 && recipientWords == 1
        entrySenderBits = Self.block(bitsInEntries ? table.cellRules.map { table.ruleSenderBits[Int($0)] } : [])
        entryRecipientBits = Self.block(bitsInEntries ? table.cellRules.map { table.ruleRecipientBits[Int($0)] } : [])
        senderBits = Self.block(bitsInEntries ? [] : table.ruleSenderBits)
        recipientBits = Self.block(bitsInEntries ? [] : table.ruleRecipientBits)
        rules = Self.block(
            table.rules.map { rule in
                RuleInfo(
                    exceptionTo: rule.exceptionTo,
                    program: rule.condition >= 0 ? conditions.start[Int(rule.condition)] : -1,
                    condition: rule.condition, permits: rule.effect == .permit)
            })
        program = Self.block(conditions.words)
        bias = Self.block(conditions.bias)
        factCount = table.facts.count
        ruleCount = table.rules.count
    }

    deinit {
        senderClass.deallocate()
        recipientClass.deallocate()
        purposeClass.deallocate()
        leafOffsets.deallocate()
        leaves.deallocate()
        cellOffsets.deallocate()
        cellRules.deallocate()
        entrySenderBits.deallocate()
        entryRecipientBits.deallocate()
        senderBits.deallocate()
        recipientBits.deallocate()
        rules.deallocate()
        program.deallocate()
        bias.deallocate()
    }

    /// A block holding a copy of `values` (at least one element's room, so it is never empty).
    private static func block<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { p.initialize(from: base, count: source.count) }
        }
        return p
    }

    /// Which of up to 64 entries of a cell, from `first`, reach the query's sender and recipient
    /// classes: bit i for entry first + i. Branch-free, so that a cell's many rules for other
    /// parties cost no mispredicted jumps.
    @inline(__always)
    func reaching(_ first: Int, _ count: Int, _ sc: Int, _ rc: Int) -> UInt64 {
        var mask: UInt64 = 0
        if bitsInEntries {
            let s = UInt64(sc), r = UInt64(rc)
            for i in 0..<count {
                mask |= ((entrySenderBits[first + i] &>> s) & (entryRecipientBits[first + i] &>> r) & 1) &<< UInt64(i)
            }
        } else {
            let sWord = sc >> 6, s = UInt64(sc & 63), rWord = rc >> 6, r = UInt64(rc & 63)
            for i in 0..<count {
                let rule = Int(cellRules[first + i])
                let bits =
                    (senderBits[rule &* senderWords &+ sWord] &>> s)
                    & (recipientBits[rule &* recipientWords &+ rWord] &>> r)
                mask |= (bits & 1) &<< UInt64(i)
            }
        }
        return mask
    }
}
