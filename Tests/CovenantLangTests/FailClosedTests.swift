import CovenantEval
@testable import CovenantLang
import Testing

/// The evaluator fails closed: whatever a caller hands it, it never traps, and a query that
/// does not fit the table is denied with a reason, never permitted by accident. The oracle
/// here is written from the table's declarations alone, independently of `Evaluator.fits`.
@Suite struct FailClosedTests {
    /// Whether a resolved query fits the table, judged from the declarations.
    static func fits(_ q: ResolvedQuery, _ table: DecisionTable) -> Bool {
        guard (0..<table.parties.count).contains(Int(q.sender)), (0..<table.parties.count).contains(Int(q.recipient)),
            (0..<table.categories.count).contains(Int(q.category)), (0..<table.purposes.count).contains(Int(q.purpose)),
            q.facts.count == table.facts.count
        else { return false }
        return zip(q.facts, table.facts).allSatisfy { value, fact in
            if value == ResolvedQuery.missing { return true }
            switch fact.kind {
            case .bool: return value == 0 || value == 1
            case .int(let low, let high): return (low...high).contains(value)
            case .enumeration(let values): return (0..<Int64(values.count)).contains(value)
            }
        }
    }

    /// An index that, with `faults`, is usually valid and sometimes just outside, far outside or negative.
    static func index(_ count: Int, _ faults: Bool, _ rng: inout SplitMix) -> Int32 {
        switch faults ? rng.next() % 10 : 9 {
        case 0: -1 - Int32(rng.next() % 3)
        case 1: Int32(count) + Int32(rng.next() % 3)
        case 2: [Int32.min, Int32.max][Int(rng.next() % 2)]
        default: Int32(rng.next() % UInt64(max(1, count)))
        }
    }

    /// A value that, with `faults`, is usually in the fact's range and sometimes at or past its edges.
    static func value(_ fact: DecisionTable.Fact, _ faults: Bool, _ rng: inout SplitMix) -> Int64 {
        let (low, high): (Int64, Int64) =
            switch fact.kind {
            case .bool: (0, 1)
            case .int(let low, let high): (low, high)
            case .enumeration(let values): (0, Int64(values.count - 1))
            }
        switch faults ? rng.next() % 12 : 11 {
        case 0: return ResolvedQuery.missing
        case 1: return low &- 1 &- Int64(rng.next() % 3)
        case 2: return high &+ 1 &+ Int64(rng.next() % 3)
        case 3: return [Int64.max, Int64.min + 1][Int(rng.next() % 2)]
        default: return low &+ Int64(rng.next() % UInt64(high - low + 1))
        }
    }

    @Test(arguments: 0..<8)
    func resolvedQueriesThatDoNotFitAreDenied(batch: Int) {
        var fitting = 0, refused = 0
        for seed in UInt64(batch * 5)..<UInt64(batch * 5 + 5) {
            let (model, table, _) = DifferentialTests.compiled(seed: 1000 + seed)
            guard !model.parties.isEmpty else { continue }
            let evaluator = Evaluator(compiled: table)
            var rng = SplitMix(seed: seed &* 31 &+ 17)
            var scratch = DecisionScratch()
            for _ in 0..<2000 {
                // Half the queries are built to fit (missing facts aside); half may have faults anywhere.
                let faults = rng.next() % 2 == 0
                var facts = table.facts.map { Self.value($0, faults, &rng) }
                if !faults { for f in facts.indices where rng.next() % 5 == 0 { facts[f] = ResolvedQuery.missing } }
                switch faults ? rng.next() % 20 : 19 {
                case 0: facts.removeLast(min(facts.count, 1 + Int(rng.next() % 2)))
                case 1: facts.append(0)
                default: break
                }
                let q = ResolvedQuery(
                    sender: Self.index(table.parties.count, faults, &rng),
                    recipient: Self.index(table.parties.count, faults, &rng),
                    category: Self.index(table.categories.count, faults, &rng),
                    purpose: Self.index(table.purposes.count, faults, &rng),
                    facts: facts, date: table.firstDayInForce)
                let effect = evaluator.decide(q, into: &scratch)
                if Self.fits(q, table) {
                    fitting += 1
                    #expect(
                        scratch.invalid == nil,
                        "seed \(seed): \(q) fits but was refused: \(scratch.invalid?.message ?? "")")
                } else {
                    refused += 1
                    #expect(
                        effect == .deny && scratch.effect == .deny, "seed \(seed): \(q) does not fit but was permitted")
                    #expect(scratch.invalid != nil && scratch.decidedBy.isEmpty && scratch.obligations.isEmpty)
                    let d = evaluator.decision(from: scratch)
                    #expect(
                        d.effect == .deny && d.reason.hasPrefix("denied: the query does not fit this table"),
                        "\(d.reason)")
                }
            }
        }
        // Both sides of the property were exercised.
        #expect(fitting > 1000 && refused > 1000)
    }

    /// Queries by name with one thing wrong (an unknown name, a value of the wrong type or out
    /// of range, an unknown or repeated fact) are errors, never decisions; the same queries
    /// without the fault resolve.
    @Test(arguments: 0..<4)
    func queriesByNameWithOneFaultAreErrors(batch: Int) throws {
        for seed in UInt64(batch * 5)..<UInt64(batch * 5 + 5) {
            let (model, table, _) = DifferentialTests.compiled(seed: 2000 + seed)
            guard !model.parties.isEmpty, !table.facts.isEmpty else { continue }
            let evaluator = Evaluator(compiled: table)
            var rng = SplitMix(seed: seed &+ 77)
            func pick<T>(_ list: [T]) -> T { list[Int(rng.next() % UInt64(list.count))] }
            for _ in 0..<500 {
                var query = Query(
                    from: pick(table.parties).id, to: pick(table.parties).id, share: pick(table.categories).id,
                    purpose: pick(table.purposes).id)
                for fact in table.facts where rng.next() % 2 == 0 {
                    switch fact.kind {
                    case .bool: query.facts.append(Query.Fact(fact.id, .bool(rng.next() % 2 == 0)))
                    case .int(let low, let high):
                        let n = low + Int64(rng.next() % UInt64(high - low + 1))
                        query.facts.append(Query.Fact(fact.id, .int(Int(n))))
                    case .enumeration(let values): query.facts.append(Query.Fact(fact.id, .text(pick(values))))
                    }
                }
                _ = try evaluator.resolve(query, on: table.firstDayInForce)
                let fact = pick(table.facts)
                switch rng.next() % 8 {
                case 0: query.from = "onbekend"
                case 1: query.to = query.to.uppercased() + "_"
                case 2: query.share = ""
                case 3: query.purpose = "doel ?"
                case 4: query.facts.append(Query.Fact("geen_feit", .bool(true)))
                case 5: query.facts += [Query.Fact(fact.id, .int(0)), Query.Fact(fact.id, .int(1))]
                case 6:
                    switch fact.kind {
                    case .bool: query.facts.append(Query.Fact(fact.id, .text("misschien")))
                    case .int(_, let high): query.facts.append(Query.Fact(fact.id, .int(Int(high) + 1)))
                    case .enumeration: query.facts.append(Query.Fact(fact.id, .bool(true)))
                    }
                default:
                    switch fact.kind {
                    case .bool: query.facts.append(Query.Fact(fact.id, .int(1)))
                    case .int(let low, _): query.facts.append(Query.Fact(fact.id, .int(Int(low) - 1)))
                    case .enumeration: query.facts.append(Query.Fact(fact.id, .text("niet-een-waarde")))
                    }
                }
                // Without the fault it resolved; with it, resolving must throw.
                let fault = query
                #expect(
                    throws: QueryError.self,
                    "seed \(seed): \(fault.from) \(fault.to) \(fault.share) \(fault.purpose) \(fault.facts)"
                ) { try evaluator.resolve(fault, on: table.firstDayInForce) }
            }
        }
    }
}
