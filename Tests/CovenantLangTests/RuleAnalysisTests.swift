import CovenantEval
@testable import CovenantLang
import Testing

/// The analysis is exact: its dead-rule and override findings equal a brute-force enumeration
/// over every party, leaf, purpose and every value of every fact, on small random covenants.
@Suite struct RuleAnalysisTests {
    @Test func deadRulesAndOverridesMatchBruteForce() throws {
        var compared = 0
        var seed: UInt64 = 7000
        var deadSeen = 0, overriddenSeen = 0
        while compared < 8, seed < 7600 {
            seed += 1
            var generator = RandomCovenant(seed: seed)
            // Rules that make each kind of finding likely: an unsatisfiable permit, a permit an
            // unconditional exception always defeats, and a broad forbid that overrides permits.
            let text =
                generator.generate() + """
                    rule zdead { permit p0 -> p1 share c0 for any when fi > 5 and fi < 3 basis b0 }
                    rule zbase { permit p1 -> p0 share c0 for any when fe == y basis b0 }
                    rule zex exception to zbase { forbid p1 -> p0 share c0 for any }
                    rule zstop { forbid any -> any share c0 for any when fb }

                    """
            let source = SourceFile(path: "r.covenant", text: text)
            guard let model = Frontend.check(source).model else { continue }
            let leaves = model.categories.indices.filter { model.categories[$0].children.isEmpty }
            guard model.parties.count * model.parties.count * leaves.count * model.purposes.count <= 200 else {
                continue
            }
            compared += 1
            let table = Compiler.compile(model, source: source)
            let analysis = RuleAnalysis(model: model, table: table).run()
            #expect(analysis.unfinished.isEmpty)

            // Every value of every fact, and "not given" where there is no default.
            let domains: [[FactValue?]] = model.facts.map { fact in
                let values: [FactValue] =
                    switch fact.type {
                    case .bool: [.bool(false), .bool(true)]
                    case .int(let low, let high): (low...high).map { .int($0) }
                    case .enumeration(let names): names.indices.map { .enumeration($0) }
                    }
                return fact.defaultValue == nil ? values + [nil] : values
            }
            let reference = ReferenceInterpreter(model: model)
            var alive = Set<Int>(), overridden = Set<Int>()
            var indices = [Int](repeating: 0, count: domains.count)
            repeat {
                var values: [Int: FactValue] = [:]
                for (f, i) in indices.enumerated() { if let v = domains[f][i] { values[f] = v } }
                for s in model.parties.indices {
                    for r in model.parties.indices {
                        for leaf in leaves {
                            for p in model.purposes.indices {
                                let o = reference.leafOutcome(
                                    sender: s, recipient: r, leaf: leaf, purpose: p, values: values)
                                alive.formUnion(o.forbids.isEmpty ? o.permits : o.forbids)
                                if !o.forbids.isEmpty { overridden.formUnion(o.permits) }
                            }
                        }
                    }
                }
                var k = 0
                while k < indices.count {
                    indices[k] += 1
                    if indices[k] < domains[k].count { break }
                    indices[k] = 0
                    k += 1
                }
                if k == indices.count { break }
            } while true
            let dead = Set(model.rules.indices).subtracting(alive)
            let overriddenDead = dead.intersection(overridden)
            #expect(Set(analysis.dead.keys) == dead, "seed \(seed): dead rules")
            let reportedOverrides = Set(
                analysis.dead.compactMap { r, why in if case .overridden = why { r } else { nil } })
            #expect(reportedOverrides == overriddenDead, "seed \(seed): overridden permits")
            deadSeen += dead.count
            overriddenSeen += overriddenDead.count
        }
        #expect(compared == 8)
        #expect(deadSeen > 0 && overriddenSeen > 0, "the sample must contain dead and overridden rules")
    }
}
