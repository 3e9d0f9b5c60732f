import CovenantEval
@testable import CovenantLang
import Testing

/// The decision plan's layouts the small random covenants of `DifferentialTests` never reach
/// (Evaluate/DecisionPlan.swift): more than 64 sender and recipient classes (party bits of
/// several words, read from each rule's row), and cells listing more than 64 rules (matched to
/// the parties 64 at a time, exceptions settled across those chunks) — against the reference
/// interpreter. And scratches stay independent values when copied.
@Suite struct DecisionPlanTests {
    static func covenant(seed: UInt64) -> String {
        var rng = SplitMix(seed: seed)
        func int(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var text = "covenant \"Wide\" { version \"1\" controller p0 valid from 2025-01-01 until 2026-12-31 }\n"
        let parties = 70 + int(80)
        for i in 0..<parties { text += "party p\(i) { kind government }\n" }
        text += "group g0 = " + (0..<20).map { "p\($0 * 3)" }.joined(separator: ", ") + "\n"
        text += "category c {\n  category c1\n  category c2\n}\npurpose u\npurpose v\n"
        text += "fact a : bool\nfact b : bool default false\nbasis b0 { kind consent }\n"
        func targets() -> String {
            switch int(6) {
            case 0: return "any"
            case 1: return "g0"
            default: return (0..<(1 + int(4))).map { _ in "p\(int(parties))" }.sorted().joined(separator: ", ")
            }
        }
        var effects: [Bool] = []
        for r in 0..<(130 + int(60)) {
            let permit = int(100) < 60
            var header = "rule r\(r)"
            let opposite = effects.indices.filter { effects[$0] != permit }
            if !opposite.isEmpty, int(100) < 30 { header += " exception to r\(opposite[int(opposite.count)])" }
            effects.append(permit)
            text += "\(header) {\n  \(permit ? "permit" : "forbid") \(targets()) -> \(targets())\n"
            text += "  share \(["c", "c1", "c2"][int(3)])\n  for \(int(8) == 0 ? "v" : "u")\n"
            switch int(4) {
            case 0: text += "  when a\n"
            case 1: text += "  when not b\n"
            case 2: text += "  when (a or b)\n"
            default: break
            }
            if permit { text += "  basis b0\n" }
            text += "}\n"
        }
        return text
    }

    @Test(arguments: 0..<6)
    func wideTablesDecideAsTheReference(seed: Int) throws {
        let text = Self.covenant(seed: UInt64(seed))
        let result = Frontend.check(SourceFile(path: "wide-\(seed).covenant", text: text))
        guard let model = result.model else {
            Issue.record("the generated covenant does not check:\n\(Support.rendered(result))")
            return
        }
        let table = Compiler.compile(model, source: result.source)
        // The layouts this test is for.
        #expect(table.senderWords > 1 && table.recipientWords > 1)
        #expect((0..<(table.cellOffsets.count - 1)).contains { table.ruleRange(ofCell: $0).count > 64 })
        let reference = ReferenceInterpreter(model: model)
        let evaluator = Evaluator(compiled: table)
        var scratch = DecisionScratch()
        var rng = SplitMix(seed: UInt64(seed) &* 31)
        for _ in 0..<600 {
            var given: [Int: FactValue] = [:]
            var facts: [Query.Fact] = []
            for (f, fact) in model.facts.enumerated() where rng.next() % 3 != 0 {
                let value = rng.next() % 2 == 0
                given[f] = .bool(value)
                facts.append(Query.Fact(fact.id, .bool(value)))
            }
            let s = Int(rng.next() % UInt64(model.parties.count)), r = Int(rng.next() % UInt64(model.parties.count))
            let c = Int(rng.next() % UInt64(model.categories.count)), p = Int(rng.next() % UInt64(model.purposes.count))
            let query = Query(
                from: model.parties[s].id, to: model.parties[r].id, share: model.categories[c].id,
                purpose: model.purposes[p].id, factList: facts, at: "2025-06-01")
            let expected = reference.decide(
                sender: s, recipient: r, category: c, purpose: p, given: given, date: 20_250_601)
            evaluator.decide(try evaluator.resolve(query, on: table.firstDayInForce), into: &scratch)
            let d = evaluator.decision(from: scratch)
            guard d.effect == (expected.permit ? .permit : .deny), d.decidedBy == expected.decidedBy,
                d.missingFacts == expected.missing
            else {
                Issue.record("seed \(seed): \(query)\nexpected \(expected)\nactual \(d.effect) \(d.decidedBy)")
                return
            }
        }
    }

    /// A copy of a scratch shares nothing that deciding writes: deciding into one leaves the
    /// other's decision as it was, and both go on deciding as a fresh scratch would.
    @Test func copiedScratchesStayIndependent() throws {
        let text = Self.covenant(seed: 99)
        let result = Frontend.check(SourceFile(path: "wide-99.covenant", text: text))
        let model = try #require(result.model)
        let table = Compiler.compile(model, source: result.source)
        let evaluator = Evaluator(compiled: table)
        let queries = (0..<200).map { i in
            Query(
                from: model.parties[i % model.parties.count].id, to: model.parties[(i * 7) % model.parties.count].id,
                share: model.categories[i % model.categories.count].id, purpose: model.purposes[i % 2].id,
                facts: ["a": .bool(i % 3 == 0)])
        }.map { try! evaluator.resolve($0, on: table.firstDayInForce) }
        func fresh(_ q: ResolvedQuery) -> Decision {
            var s = DecisionScratch()
            evaluator.decide(q, into: &s)
            return evaluator.decision(from: s)
        }
        var a = DecisionScratch()
        for k in 0..<(queries.count - 1) {
            evaluator.decide(queries[k], into: &a)
            var b = a
            evaluator.decide(queries[k + 1], into: &b)
            #expect(evaluator.decision(from: a) == fresh(queries[k]))
            #expect(evaluator.decision(from: b) == fresh(queries[k + 1]))
            a = k % 2 == 0 ? b : a
        }
    }
}
