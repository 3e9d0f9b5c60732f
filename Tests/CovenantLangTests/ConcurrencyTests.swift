import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// One table, shared by 8 threads deciding a million mixed queries at once, answers exactly as
/// one thread does. Run under `swift test --sanitize=thread` too (see RELIABILITY.md).
@Suite struct ConcurrencyTests {
    static let queryCount = 1_000_000
    static let threads = 8

    /// Query `i` of the mix, made from `i` alone so that no thread shares generator state:
    /// three in four resolved (a few of them not fitting the table), one in four by name
    /// (a few of them with an unknown name or a bad value).
    static func answer(_ i: Int, _ evaluator: Evaluator, _ scratch: inout DecisionScratch) -> Int {
        let table = evaluator.table
        var rng = SplitMix(seed: UInt64(i) &* 0x2545F4914F6CDD1D)
        let faults = rng.next() % 16 == 0
        var hasher = Hasher()
        if i % 4 == 3 {
            func pick<T>(_ list: [T]) -> T { list[Int(rng.next() % UInt64(list.count))] }
            var query = Query(
                from: pick(table.parties).id, to: faults ? "onbekend" : pick(table.parties).id,
                share: pick(table.categories).id, purpose: pick(table.purposes).id)
            for fact in table.facts where rng.next() % 2 == 0 {
                switch fact.kind {
                case .bool: query.facts.append(Query.Fact(fact.id, .bool(rng.next() % 2 == 0)))
                case .int(let low, let high):
                    query.facts.append(Query.Fact(fact.id, .int(Int(low + Int64(rng.next() % UInt64(high - low + 1))))))
                case .enumeration(let values): query.facts.append(Query.Fact(fact.id, .text(pick(values))))
                }
            }
            do {
                evaluator.decide(try evaluator.resolve(query, on: table.firstDayInForce), into: &scratch)
            } catch {
                hasher.combine(error.message)
                return hasher.finalize()
            }
        } else {
            var facts = table.facts.map { FailClosedTests.value($0, faults, &rng) }
            if !faults { for f in facts.indices where rng.next() % 5 == 0 { facts[f] = ResolvedQuery.missing } }
            let q = ResolvedQuery(
                sender: FailClosedTests.index(table.parties.count, faults, &rng),
                recipient: FailClosedTests.index(table.parties.count, faults, &rng),
                category: FailClosedTests.index(table.categories.count, faults, &rng),
                purpose: FailClosedTests.index(table.purposes.count, faults, &rng), facts: facts,
                date: table.firstDayInForce)
            evaluator.decide(q, into: &scratch)
        }
        hasher.combine(scratch.effect == .permit)
        hasher.combine(scratch.permits)
        hasher.combine(scratch.forbids)
        hasher.combine(scratch.missingFacts)
        for o in scratch.obligations {
            hasher.combine(o.obligation); hasher.combine(o.timing); hasher.combine(o.waived)
        }
        hasher.combine(scratch.invalid?.message)
        return hasher.finalize()
    }

    /// Answers of the queries `i ≡ part (mod parts)`, written to their own slots.
    final class Answers: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<Int>
        init(count: Int) { slots = .allocate(capacity: count); slots.initialize(repeating: 0) }
        deinit { slots.deallocate() }
        func fill(part: Int, parts: Int, _ evaluator: Evaluator) {
            var scratch = DecisionScratch()
            for i in stride(from: part, to: slots.count, by: parts) {
                slots[i] = ConcurrencyTests.answer(i, evaluator, &scratch)
            }
        }
    }

    @Test func eightThreadsAnswerAsOne() throws {
        let (model, table, _) = DifferentialTests.compiled(seed: 99)
        try #require(!model.parties.isEmpty)
        let evaluator = Evaluator(compiled: table)
        let single = Answers(count: Self.queryCount)
        single.fill(part: 0, parts: 1, evaluator)
        let shared = Answers(count: Self.queryCount)
        let done = DispatchGroup()
        for part in 0..<Self.threads {
            done.enter()
            let thread = Thread {
                shared.fill(part: part, parts: Self.threads, evaluator); done.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        done.wait()
        let differing = (0..<Self.queryCount).filter { single.slots[$0] != shared.slots[$0] }
        #expect(differing.isEmpty, "\(differing.count) answers differ, the first at query \(differing.first ?? -1)")
        // The mix holds permits, denies and refusals alike (the fingerprints are not all one).
        #expect(Set(single.slots.prefix(10_000)).count > 40)
    }
}
