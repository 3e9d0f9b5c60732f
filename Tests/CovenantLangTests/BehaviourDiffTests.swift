import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// The semantic diff on pairs of covenants with known behaviour changes.
@Suite struct BehaviourDiffTests {
    static let boekel: String =
        (try? String(contentsOf: Support.root.appendingPathComponent("covenants/boekel.covenant"), encoding: .utf8))
        ?? ""

    static func diff(_ old: String, _ new: String) throws -> BehaviourDiff {
        func compile(_ text: String) throws -> (CovenantModel, DecisionTable) {
            let source = SourceFile(path: "v.covenant", text: text)
            let result = Frontend.check(source)
            let model = try #require(result.model, "\(Support.rendered(result))")
            return (model, Compiler.compile(model, source: source))
        }
        let (a, b) = (try compile(old), try compile(new))
        return BehaviourDiff.compare(old: a.0, a.1, new: b.0, b.1)
    }

    static func edit(_ old: String, _ new: String) -> String {
        precondition(boekel.contains(old), "the edit must apply")
        return boekel.replacingOccurrences(of: old, with: new)
    }

    @Test func identicalAndTranslatedAreNoChange() throws {
        #expect(try Self.diff(Self.boekel, Self.boekel).identical)
        let dutch = try String(
            contentsOf: Support.root.appendingPathComponent("covenants/boekel-nl.covenant"), encoding: .utf8)
        #expect(try Self.diff(Self.boekel, dutch).identical)
    }

    @Test func renamedRuleIsNoChange() throws {
        let renamed = Self.edit(
            "rule gevaar \"Ernstig gevaar, na triage\" exception to geen_politie",
            "rule ernstig_gevaar \"Ernstig gevaar\" exception to geen_politie"
        )
        .replacingOccurrences(of: "expect permit by gevaar", with: "expect permit by ernstig_gevaar")
        #expect(try Self.diff(Self.boekel, renamed).identical)
        // Renaming the target of an exception is no change either.
        let target = Self.edit("rule geen_politie \"Geen", "rule geen_wat_aan_politie \"Geen")
            .replacingOccurrences(of: "exception to geen_politie", with: "exception to geen_wat_aan_politie")
        #expect(try Self.diff(Self.boekel, target).identical)
    }

    @Test func widenedGroup() throws {
        let diff = try Self.diff(Self.boekel, Self.edit("= dorpsteam, bjg\n", "= dorpsteam, bjg, veilig_thuis\n"))
        #expect(diff.statements.map(\.kind) == [.newlyPermitted, .newlyPermitted])
        let medisch = try #require(diff.statements.first { $0.newOutcome.contains("medisch") })
        #expect(
            medisch.senders == ["ggz"] && medisch.recipients == ["veilig_thuis"] && medisch.categories == ["health"])
        #expect(medisch.when.map { "\($0.0) \($0.1)" } == ["consent given", "age 16..130"])
        #expect(
            medisch.oldOutcome == "deny" && medisch.newOutcome == "permit by rule medisch on consented, oblige record")
    }

    @Test func removedException() throws {
        let diff = try Self.diff(Self.boekel, Self.edit(" exception to geen_politie {", " {"))
        #expect(diff.statements.allSatisfy { $0.kind == .newlyDenied })
        #expect(Set(diff.statements.flatMap(\.recipients)) == ["politie"])
        #expect(Set(diff.statements.flatMap(\.purposes)) == ["safety"])
        #expect(diff.statements.allSatisfy { $0.newOutcome == "deny by rule geen_politie" })
    }

    @Test func changedObligation() throws {
        let diff = try Self.diff(Self.boekel, Self.edit("  oblige record\n", "  oblige record, inform after\n"))
        #expect(diff.statements.map(\.kind) == [.obligationsChanged])
        #expect(diff.statements[0].newOutcome == "permit by rule medisch on consented, oblige inform after, record")
    }

    @Test func changedBasis() throws {
        let diff = try Self.diff(Self.boekel, Self.edit("  basis consented\n", "  basis vital\n"))
        #expect(diff.statements.map(\.kind) == [.basisChanged])
    }

    @Test func removedParty() throws {
        let text = Self.edit(
            "party veilig_thuis \"Veilig Thuis Brabant Noordoost\" { kind care secrecy professional }\n", ""
        )
        .replacingOccurrences(of: "= wijkteam, ggz, veilig_thuis", with: "= wijkteam, ggz")
        let diff = try Self.diff(Self.boekel, text)
        #expect(!diff.identical)
        #expect(
            diff.statements.allSatisfy {
                $0.kind == .newlyDenied && $0.senders == ["veilig_thuis"]
                    && $0.newOutcome == "deny (not declared in this version)"
            })
    }

    /// The diff agrees with deciding every query in both versions, on random covenant pairs.
    @Test func agreesWithBruteForce() throws {
        for seed in UInt64(0)..<25 {
            var g1 = RandomCovenant(seed: 500 + seed), g2 = RandomCovenant(seed: 500 + seed)
            let a = g1.generate()
            var b = g2.generate()
            // Mutate: flip one rule's effect-independent condition constant, or drop an exception.
            if let range = b.range(of: "fi > ") ?? b.range(of: "fi < ") ?? b.range(of: " exception to r0") {
                b.replaceSubrange(
                    range, with: b[range].contains("exception") ? "" : (b[range].contains(">") ? "fi < " : "fi > "))
            }
            let diff = try Self.diff(a, b)
            let (ma, ta) = try { () throws -> (CovenantModel, DecisionTable) in
                let s = SourceFile(path: "a", text: a); let m = try #require(Frontend.check(s).model);
                return (m, Compiler.compile(m, source: s))
            }()
            let (mb, tb) = try { () throws -> (CovenantModel, DecisionTable) in
                let s = SourceFile(path: "b", text: b); let m = try #require(Frontend.check(s).model);
                return (m, Compiler.compile(m, source: s))
            }()
            guard ma.parties.map(\.id) == mb.parties.map(\.id), ma.categories.map(\.id) == mb.categories.map(\.id)
            else { continue }
            let (ea, eb) = (Evaluator(compiled: ta), Evaluator(compiled: tb))
            var differs = false
            outer: for s in ma.parties.indices {
                for r in ma.parties.indices {
                    for c in ma.categories.indices where ma.categories[c].children.isEmpty {
                        for p in ma.purposes.indices {
                            for fi in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] {
                                for fb: Int64 in [0, 1] {
                                    var facts = ta.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
                                    facts[2] = Int64(fi)
                                    facts[0] = fb
                                    let q = ResolvedQuery(
                                        sender: Int32(s), recipient: Int32(r), category: Int32(c), purpose: Int32(p),
                                        facts: facts, date: ea.table.firstDayInForce)
                                    let (x, y) = (ea.decision(q), eb.decision(q))
                                    // Behaviour, not wording: a reworded waiver that waives alike is no change.
                                    func duties(_ d: Decision) -> [String] {
                                        d.obligations.map {
                                            "\($0.id)|\($0.by)|\($0.timing ?? "")|\($0.waived)|\($0.postponed)"
                                        }
                                    }
                                    if x.effect != y.effect || x.bases != y.bases || duties(x) != duties(y) {
                                        differs = true; break outer
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // Brute force over a subset of fact values: if it finds a difference, the diff must too.
            if differs { #expect(!diff.statements.isEmpty, "seed \(seed): brute force found a change the diff missed") }
            if diff.statements.isEmpty, diff.unexploredCells == 0 { #expect(!differs) }
        }
    }
}
