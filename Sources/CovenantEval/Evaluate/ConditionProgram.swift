/// The table's conditions compiled for the decision loop: negations pushed down to the atoms
/// (exact in Kleene logic: `not` of unknown is unknown, and De Morgan's laws hold), every atom
/// over a fact with at most 64 values turned into a truth bitset over those values, and atoms of
/// one `and` or `or` over the same such fact merged into one bitset (intersection or union). So
/// `consent == given`, `level in {low, medium}`, `not risk` and `age < 16` (on an age of 0..130
/// split nowhere: a direct comparison) each cost one load and one test.
///
/// The program is a flat array of 64-bit words; every node is two words, a composite's operands
/// follow it two words each (an atom inline, anything else as a reference to where it is), so
/// the program grows linearly with the table's nodes, however they are shared.
struct ConditionProgram: Sendable {
    enum Kind: UInt64 {
        /// Fact in a set of values: word 1 is the bitset over `value - bias` (bias: the fact's low end).
        case mask = 0
        /// Fact (op) value, for a fact with more than 64 values: word 1 is the value.
        case compare = 1
        /// Fact in (or, negated, not in) a list of values: word 1 is the count, the values follow.
        case list = 2
        /// All of (any of) the operands: word 1 is their count, then two words each.
        case and = 3
        case or = 4
        /// A reference to the node at word 1 (an operand that is not an atom).
        case reference = 5
        /// A constant truth, in bits 8–15.
        case constant = 6
    }

    private(set) var words: [UInt64] = []
    /// Per fact, the value that is bit 0 of its bitsets.
    private(set) var bias: [Int64] = []
    /// Where each table node's program starts (-1 for a node no rule uses as its condition).
    private(set) var start: [Int32]

    /// Compiles the `when` condition of every rule (obligation conditions are evaluated on the
    /// table's nodes, off the hot path).
    init(_ table: DecisionTable) {
        start = Array(repeating: -1, count: table.nodes.count)
        var domains: [(bias: Int64, size: Int?)] = []
        for fact in table.facts {
            switch fact.kind {
            case .bool: domains.append((0, 2))
            case .int(let low, let high):
                let (span, overflow) = high.subtractingReportingOverflow(low)
                domains.append((low, !overflow && span < 64 ? Int(span) + 1 : nil))
            case .enumeration(let values): domains.append((0, values.count <= 64 ? values.count : nil))
            }
        }
        bias = domains.map(\.bias)
        var builder = Builder(table: table, domains: domains, done: Array(repeating: nil, count: 2 * table.nodes.count))
        for rule in table.rules where rule.condition >= 0 && start[Int(rule.condition)] < 0 {
            start[Int(rule.condition)] = Int32(builder.emit(builder.term(rule.condition, negated: false)))
        }
        words = builder.words
    }

    static func header(_ kind: Kind, fact: Int32 = 0, detail: UInt64 = 0) -> UInt64 {
        kind.rawValue | detail << 8 | UInt64(UInt32(bitPattern: fact)) << 32
    }

    /// A condition as the builder sees it, negations already pushed down.
    indirect enum Term {
        case mask(fact: Int32, bits: UInt64)
        case compare(fact: Int32, op: DecisionTable.Node.Operator, value: Int64)
        case list(fact: Int32, negated: Bool, values: [Int64])
        case and([Term])
        case or([Term])
        case constant(Truth)
        /// A node compiled already, at this word.
        case compiled(Int)
    }

    struct Builder {
        let table: DecisionTable
        let domains: [(bias: Int64, size: Int?)]
        var words: [UInt64] = []
        /// What each (node, negated) became (at 2·node + negated), so that a node shared by several
        /// parents is compiled once.
        var done: [Term?]

        /// An atom over `fact`: a bitset of the values where `test` holds (or, negated, fails) when
        /// the fact has at most 64 values, else `wide`.
        func atom(_ fact: Int32, negated: Bool, wide: Term, _ test: (Int64) -> Bool) -> Term {
            let domain = domains[Int(fact)]
            guard let size = domain.size else { return wide }
            var bits: UInt64 = 0
            for d in 0..<size where test(domain.bias + Int64(d)) != negated { bits |= 1 << UInt64(d) }
            return .mask(fact: fact, bits: bits)
        }

        mutating func term(_ n: Int32, negated: Bool) -> Term {
            let key = Int(n) * 2 + (negated ? 1 : 0)
            if let known = done[key] { return known }
            let result = compile(n, negated: negated)
            done[key] = result
            return result
        }

        private mutating func compile(_ n: Int32, negated: Bool) -> Term {
            let node = table.nodes[Int(n)]
            switch node.kind {
            case .truth:
                let wide = Term.compare(fact: node.fact, op: negated ? .eq : .ne, value: 0)
                return atom(node.fact, negated: negated, wide: wide) { $0 != 0 }
            case .compare:
                let op = DecisionTable.Node.Operator(rawValue: node.op) ?? .eq
                let wide = Term.compare(fact: node.fact, op: negated ? op.inverse : op, value: node.value)
                return atom(node.fact, negated: negated, wide: wide) { op.holds($0, node.value) }
            case .member:
                let values = Array(table.setValues[Int(node.first)..<Int(node.first + node.count)])
                let outside = (node.op == 1) != negated
                let wide = Term.list(fact: node.fact, negated: outside, values: values)
                return atom(node.fact, negated: outside, wide: wide) { values.contains($0) }
            case .not:
                return term(table.children[Int(node.first)], negated: !negated)
            case .and, .or:
                let operands = (Int(node.first)..<Int(node.first + node.count)).map {
                    term(table.children[$0], negated: negated)
                }
                // De Morgan: not (a and b) is (not a) or (not b), in three-valued logic too.
                let isAnd = (node.kind == .and) != negated
                let merged = Self.merge(operands, isAnd: isAnd)
                let result: Term = merged.count == 1 ? merged[0] : isAnd ? .and(merged) : .or(merged)
                switch result {
                case .and, .or, .list, .constant:
                    // Written here, once, so that parents sharing it refer to it.
                    return .compiled(emit(result))
                case .mask, .compare, .compiled: return result
                }
            }
        }

        /// Merges the bitsets over one fact: for a known value they combine as sets, and for a
        /// missing one each of them is unknown, as is their combination. (Nested operands of the
        /// same kind are not flattened: a node shared by many parents is written once and referred
        /// to, and flattening would copy it into each.)
        static func merge(_ operands: [Term], isAnd: Bool) -> [Term] {
            var result: [Term] = []
            result.reserveCapacity(operands.count)
            for t in operands {
                guard case .mask(let fact, let bits) = t,
                    let i = result.firstIndex(where: { if case .mask(fact, _) = $0 { true } else { false } }),
                    case .mask(_, let earlier) = result[i]
                else {
                    result.append(t)
                    continue
                }
                result[i] = .mask(fact: fact, bits: isAnd ? earlier & bits : earlier | bits)
            }
            return result.isEmpty ? [.constant(isAnd ? .yes : .no)] : result
        }

        /// The two words of an atom written inline, or nil for a term written on its own.
        static func inline(_ t: Term) -> (UInt64, UInt64)? {
            switch t {
            case .mask(let fact, let bits): (header(.mask, fact: fact), bits)
            case .compare(let fact, let op, let value):
                (header(.compare, fact: fact, detail: UInt64(op.rawValue)), UInt64(bitPattern: value))
            case .constant(let truth): (header(.constant, detail: UInt64(truth.rawValue)), 0)
            default: nil
            }
        }

        /// Writes a term and returns where it starts.
        mutating func emit(_ t: Term) -> Int {
            if case .compiled(let at) = t { return at }
            if let (a, b) = Self.inline(t) {
                words.append(a)
                words.append(b)
                return words.count - 2
            }
            switch t {
            case .list(let fact, let negated, let values):
                words.append(header(.list, fact: fact, detail: negated ? 1 : 0))
                words.append(UInt64(values.count))
                for v in values { words.append(UInt64(bitPattern: v)) }
                return words.count - 2 - values.count
            case .and(let operands), .or(let operands):
                // Operands that are not atoms are written first, and referred to.
                var slots: [(UInt64, UInt64)] = []
                slots.reserveCapacity(operands.count)
                for operand in operands {
                    slots.append(Self.inline(operand) ?? (header(.reference), UInt64(emit(operand))))
                }
                let at = words.count
                let isAnd: Bool = if case .and = t { true } else { false }
                words.append(header(isAnd ? .and : .or))
                words.append(UInt64(slots.count))
                for (a, b) in slots {
                    words.append(a)
                    words.append(b)
                }
                return at
            default: return 0  // atoms and compiled terms were handled above
            }
        }
    }
}

extension ConditionProgram {
    /// Evaluates the node at `at`: three-valued, short-circuiting (`false and x` is false and
    /// `true or x` is true whatever x). Reads without bounds checks: the program was built from a
    /// checked table, and `fits` (or `resolve`) checked every fact value against its range.
    @inline(__always)
    static func evaluate(
        _ program: UnsafePointer<UInt64>, _ at: Int, _ facts: UnsafePointer<Int64>, _ bias: UnsafePointer<Int64>
    ) -> Truth {
        let head = program[at]
        switch head & 0xff {
        case Kind.mask.rawValue:
            let f = Int(head >> 32)
            let v = facts[f]
            if v == ResolvedQuery.missing { return .unknown }
            return (program[at + 1] &>> UInt64(bitPattern: v &- bias[f])) & 1 != 0 ? .yes : .no
        case Kind.and.rawValue, Kind.or.rawValue:
            return composite(program, at, facts, bias)
        default:
            return other(program, at, facts, bias)
        }
    }

    static func composite(
        _ program: UnsafePointer<UInt64>, _ at: Int, _ facts: UnsafePointer<Int64>, _ bias: UnsafePointer<Int64>
    ) -> Truth {
        let isAnd = program[at] & 0xff == Kind.and.rawValue
        // The value that settles it (false for `and`, true for `or`), and the one that is neutral.
        let settles: Truth = isAnd ? .no : .yes
        var result: Truth = isAnd ? .yes : .no
        var slot = at + 2
        let end = slot + 2 * Int(program[at + 1])
        while slot < end {
            let head = program[slot]
            let truth: Truth
            if head & 0xff == Kind.reference.rawValue {
                truth = evaluate(program, Int(program[slot + 1]), facts, bias)
            } else {
                truth = evaluate(program, slot, facts, bias)
            }
            if truth == settles { return settles }
            if truth == .unknown { result = .unknown }
            slot += 2
        }
        return result
    }

    static func other(
        _ program: UnsafePointer<UInt64>, _ at: Int, _ facts: UnsafePointer<Int64>, _ bias: UnsafePointer<Int64>
    ) -> Truth {
        let head = program[at]
        let detail = (head >> 8) & 0xff
        switch head & 0xff {
        case Kind.compare.rawValue:
            let v = facts[Int(head >> 32)]
            if v == ResolvedQuery.missing { return .unknown }
            let op = DecisionTable.Node.Operator(rawValue: UInt8(truncatingIfNeeded: detail)) ?? .eq
            return op.holds(v, Int64(bitPattern: program[at + 1])) ? .yes : .no
        case Kind.list.rawValue:
            let v = facts[Int(head >> 32)]
            if v == ResolvedQuery.missing { return .unknown }
            var found = false
            for i in 0..<Int(program[at + 1]) where Int64(bitPattern: program[at + 2 + i]) == v {
                found = true
                break
            }
            return found != (detail == 1) ? .yes : .no
        case Kind.reference.rawValue:
            return evaluate(program, Int(program[at + 1]), facts, bias)
        default:  // constant
            return detail == 1 ? .yes : detail == 0 ? .no : .unknown
        }
    }
}
