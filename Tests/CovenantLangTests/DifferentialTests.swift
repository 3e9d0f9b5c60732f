import CovenantEval
@testable import CovenantLang
import Testing

/// The compiled evaluator agrees with the reference interpreter on random covenants and
/// random queries, field by field: effect, deciding rules, bases, obligations (timing,
/// waivers) and missing facts. Also through a JSON round trip of the table.
@Suite struct DifferentialTests {
    static func compiled(seed: UInt64) -> (CovenantModel, DecisionTable, String) {
        var generator = RandomCovenant(seed: seed)
        let text = generator.generate()
        let source = SourceFile(path: "random-\(seed).covenant", text: text)
        let result = Frontend.check(source)
        guard let model = result.model else {
            Issue.record("generated covenant \(seed) does not check:\n\(Support.rendered(result))\n\(text)")
            return (CovenantModel(title: "", language: .en), DecisionTable.empty, text)
        }
        return (model, Compiler.compile(model, source: source), text)
    }

    @Test(arguments: 0..<40)
    func evaluatorAgreesWithReference(batch: Int) throws {
        for seed in UInt64(batch * 10)..<UInt64(batch * 10 + 10) {
            let (model, table, text) = Self.compiled(seed: seed)
            guard !model.parties.isEmpty else { continue }
            let reference = ReferenceInterpreter(model: model)
            let evaluator = Evaluator(compiled: table)
            var rng = SplitMix(seed: seed &* 7919)
            var scratch = DecisionScratch()
            for _ in 0..<250 {
                var given: [Int: FactValue] = [:]
                var inputs: [Query.Fact] = []
                for (f, fact) in model.facts.enumerated() where rng.next() % 3 != 0 {
                    switch fact.type {
                    case .bool:
                        let b = rng.next() % 2 == 0
                        given[f] = .bool(b)
                        inputs.append(Query.Fact(fact.id, .bool(b)))
                    case .int(let low, let high):
                        let n = low + Int(rng.next() % UInt64(high - low + 1))
                        given[f] = .int(n)
                        inputs.append(Query.Fact(fact.id, .int(n)))
                    case .enumeration(let values):
                        let i = Int(rng.next() % UInt64(values.count))
                        given[f] = .enumeration(i)
                        inputs.append(Query.Fact(fact.id, .text(values[i])))
                    }
                }
                let s = Int(rng.next() % UInt64(model.parties.count)), r = Int(rng.next() % UInt64(model.parties.count))
                let c = Int(rng.next() % UInt64(model.categories.count)),
                    p = Int(rng.next() % UInt64(model.purposes.count))
                // Dates around both ends of the generated validity (2025-01-01 until 2026-12-31).
                let date = ["2024-12-31", "2025-01-01", "2025-07-15", "2026-12-31", "2027-01-01"][Int(rng.next() % 5)]
                let expected = reference.decide(
                    sender: s, recipient: r, category: c, purpose: p, given: given,
                    date: Int(date.replacingOccurrences(of: "-", with: ""))!)
                let query = Query(
                    from: model.parties[s].id, to: model.parties[r].id, share: model.categories[c].id,
                    purpose: model.purposes[p].id, factList: inputs, at: rng.next() % 2 == 0 ? date : nil)
                let resolved = try table.resolve(query, on: CalendarDate(date)!)
                evaluator.decide(resolved, into: &scratch)
                let d = evaluator.decision(from: scratch)
                let actual = ReferenceInterpreter.Outcome(
                    permit: d.effect == .permit, decidedBy: d.decidedBy, bases: d.bases,
                    obligations: d.obligations.map {
                        "\($0.id)|\($0.by.rawValue)|\($0.timing ?? "-")|\($0.waived)|\($0.postponed)"
                    }.sorted(),
                    missing: d.missingFacts, inForce: d.inForce)
                if actual != expected {
                    Issue.record("seed \(seed): \(query)\nexpected \(expected)\nactual   \(actual)\n\(text)")
                    return
                }
            }
        }
    }

    @Test func tablesSurviveAJSONRoundTrip() throws {
        for seed in UInt64(0)..<60 {
            let (_, table, _) = Self.compiled(seed: seed)
            let decoded = try TableCodec.decode(Array(TableCodec.encode(table).utf8))
            #expect(decoded == table)
        }
    }

    @Test func compiledTablesPassTheirOwnChecks() throws {
        for seed in UInt64(0)..<60 {
            let (_, table, _) = Self.compiled(seed: seed)
            try table.check()
        }
    }
}

extension DecisionTable {
    static let empty = DecisionTable(
        metadata: .init(title: "", version: nil, validFrom: nil, validUntil: nil, sourceSHA256: ""), parties: [],
        categories: [],
        purposes: [], facts: [], bases: [], obligations: [], timings: [], rules: [], nodes: [], children: [],
        setValues: [], senderClass: [], recipientClass: [], leafClass: [], purposeClass: [], recipientClassCount: 1,
        senderWords: 0, recipientWords: 1, ruleSenderBits: [], ruleRecipientBits: [], cellOffsets: [0, 0],
        cellRules: [], wordsPerClass: 1, categoryRuleBits: [0], purposeRuleBits: [0])
}
