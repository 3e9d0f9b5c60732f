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

/// The overlap search runs its pair searches on both cores and charges them to the work bound in
/// pair order afterwards: whatever the scheduling and the bound, its findings are exactly those of
/// the plain sequential search (kept here as the reference).
@Suite struct OverlapSearchTests {
    /// The sequential search as it was: every pair charged 1, then searched with what is left.
    static func sequential(_ analysis: RuleAnalysis, dead: [Int: RuleAnalysis.Result.Dead], budget start: Int)
        -> (overlaps: [String], unfinished: Bool)
    {
        var budget = start
        let model = analysis.model, table = analysis.table
        let permits = model.rules.indices.filter { model.rules[$0].effect == .permit && dead[$0] == nil }
        var groupOf: [String: Int] = [:]
        var groups: [[Int]] = []
        var group: [Int: Int] = [:]
        for r in permits {
            let rule = table.rules[r]
            let obligations = rule.obligations.map {
                "\($0.obligation),\($0.actor.rawValue),\($0.timing),\($0.unlessText ?? ""),\($0.postponedText ?? "")"
            }
            let signature = "\(rule.bases.sorted())|\(obligations.sorted())"
            let g = groupOf[signature] ?? groups.count
            if g == groups.count {
                groupOf[signature] = g
                groups.append([])
            }
            groups[g].append(r)
            group[r] = g
        }
        guard groups.count > 1 else { return ([], false) }
        func classes(_ r: Int) -> [Set<Int32>] {
            let x = analysis.scopeClasses(r)
            return [
                Set(x.senders.map { table.senderClass[$0] }), Set(x.recipients.map { table.recipientClass[$0] }),
                Set(x.leaves.map { table.leafClass[$0] }), Set(x.purposes.map { table.purposeClass[$0] }),
            ]
        }
        var found: [String] = []
        for first in permits {
            for (g, members) in groups.enumerated() where g > group[first]! {
                for second in members {
                    budget -= 1
                    if budget < 0 { return (found.sorted(), true) }
                    let (a, b) = (min(first, second), max(first, second))
                    let (ca, cb) = (classes(a), classes(b))
                    if zip(ca, cb).contains(where: { $0.isDisjoint(with: $1) }) { continue }
                    let sa = analysis.scopeClasses(a)
                    let both = (
                        sa.senders.filter { cb[0].contains(table.senderClass[$0]) },
                        sa.recipients.filter { cb[1].contains(table.recipientClass[$0]) },
                        sa.leaves.filter { cb[2].contains(table.leafClass[$0]) },
                        sa.purposes.filter { cb[3].contains(table.purposeClass[$0]) }
                    )
                    var witness: String?
                    let done = analysis.search(both, budget: &budget) { s, t, leaf, p, cands, facts, mentioned in
                        let o = analysis.outcome(cands, facts)
                        if o.forbids.isEmpty, o.permits.contains(a), o.permits.contains(b) {
                            witness = analysis.witness(s, t, leaf, p, facts, mentioned)
                            return true
                        }
                        return false
                    }
                    if let witness { found.append("\(a) \(b) \(witness)") }
                    if done == nil, budget <= 0 { return (found.sorted(), true) }
                    if done == nil { found.append("unfinished") }
                }
            }
        }
        return (found.sorted(), budget < 0)
    }

    @Test(arguments: 0..<4)
    func sameFindingsAsTheSequentialSearch(batch: Int) {
        var compared = 0, withOverlaps = 0, cutShort = 0
        for seed in UInt64(100 + batch * 10)..<UInt64(110 + batch * 10) {
            let (model, table, _) = DifferentialTests.compiled(seed: seed)
            guard !model.parties.isEmpty else { continue }
            for budget in [0, 1, 5, 20, 60, 200, 1000, 5000, 40_000_000] {
                let analysis = RuleAnalysis(model: model, table: table, budget: budget)
                var result = RuleAnalysis.Result()
                var left = budget
                analysis.findOverlaps(&result, budget: &left)
                let mine = result.overlaps.map { "\($0.0) \($0.1) \($0.2)" }.sorted()
                let reference = Self.sequential(analysis, dead: [:], budget: budget)
                // The reference lists an unfinished pair as a finding; compare the witnesses and the flag.
                #expect(mine == reference.overlaps.filter { $0 != "unfinished" }, "seed \(seed), budget \(budget)")
                #expect(
                    result.overlapsUnfinished == (reference.unfinished || reference.overlaps.contains("unfinished")),
                    "seed \(seed), budget \(budget)")
                compared += 1
                if !mine.isEmpty { withOverlaps += 1 }
                if result.overlapsUnfinished, !mine.isEmpty { cutShort += 1 }
            }
        }
        // The generated covenants have overlapping permits, and some bounds cut the search short
        // after it found some: both paths of the replay are compared.
        #expect(compared > 50 && withOverlaps > 5 && cutShort > 0, "\(compared) \(withOverlaps) \(cutShort)")
    }
}
