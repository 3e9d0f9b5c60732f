import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// One small covenant per point of the decision semantics (LANGUAGE.md), and the example's
/// three test blocks.
@Suite struct EvaluatorSemanticsTests {
    static func evaluator(_ body: String) throws -> Evaluator {
        let source = SourceFile(path: "t.covenant", text: Support.prelude + body)
        let result = Frontend.check(source)
        let model = try #require(result.model, "\(Support.rendered(result))")
        return Evaluator(compiled: Compiler.compile(model, source: source))
    }

    static func decide(_ e: Evaluator, _ text: String) throws -> Decision {
        let query = try QueryText.parse(text).get()
        return e.decision(try e.table.resolve(query, on: e.table.firstDayInForce))
    }

    /// 1. Scope: groups expand transitively, descendants of categories and purposes are covered.
    @Test func scope() throws {
        let e = try Self.evaluator(
            """
            party d { kind care }
            group g1 = b
            group g2 = g1
            category tree { category leaf1 category leaf2 }
            purpose broad { purpose narrow }
            rule r { permit a -> g2 share tree for broad basis bs }

            """)
        #expect(try Self.decide(e, "a -> b share leaf1 for narrow").effect == .permit)
        #expect(try Self.decide(e, "a -> b share tree for broad").effect == .permit)
        #expect(try Self.decide(e, "a -> d share leaf1 for narrow").effect == .deny)
        #expect(try Self.decide(e, "b -> b share leaf1 for narrow").effect == .deny)
        #expect(try Self.decide(e, "a -> b share c for narrow").effect == .deny)
        #expect(try Self.decide(e, "a -> b share leaf1 for p").effect == .deny)
    }

    /// 2. A non-leaf category is the conjunction over its leaves; the union of their reasons.
    @Test func nonLeafCategoryIsAConjunction() throws {
        let e = try Self.evaluator(
            """
            obligation o1
            obligation o2
            basis bt { kind public_task }
            category dossier { category x category y }
            rule rx { permit a -> b share x for p basis bs oblige o1 }
            rule ry { permit a -> b share y for p when f basis bt oblige o2 }

            """)
        let partial = try Self.decide(e, "a -> b share dossier for p given f = false")
        #expect(partial.effect == .deny && partial.decidedBy.isEmpty)
        #expect(partial.reason == "denied by default: no rule permits sharing y here")
        let whole = try Self.decide(e, "a -> b share dossier for p given f = true")
        #expect(whole.effect == .permit && whole.decidedBy == ["rx", "ry"] && whole.bases == ["bs", "bt"])
        #expect(whole.obligations.map(\.id) == ["o1", "o2"])
    }

    /// 3. Missing facts: a permit that depends on one does not hold, a forbid that does holds;
    /// `false and x` and `true or x` do not depend on x.
    @Test func missingFactsAreReadProtectively() throws {
        let e = try Self.evaluator(
            """
            fact m : bool
            fact k : bool
            category d
            rule allow { permit a -> b share c for p when m basis bs }
            rule block { forbid a -> b share d for p when m }
            rule allow_d { permit a -> b share d for p basis bs }
            rule shortcut { permit b -> a share c for p when f and m or k basis bs }

            """)
        let permitMissing = try Self.decide(e, "a -> b share c for p")
        #expect(permitMissing.effect == .deny && permitMissing.missingFacts == ["m"])
        #expect(permitMissing.reason.hasSuffix("facts not given (read in the most protective way): m"))
        let forbidMissing = try Self.decide(e, "a -> b share d for p")
        #expect(
            forbidMissing.effect == .deny && forbidMissing.decidedBy == ["block"] && forbidMissing.missingFacts == ["m"]
        )
        #expect(try Self.decide(e, "a -> b share d for p given m = false").effect == .permit)
        // f = false makes 'f and m' false without m; k = true makes the 'or' true without m.
        let decided = try Self.decide(e, "b -> a share c for p given k = true")
        #expect(decided.effect == .permit && decided.missingFacts.isEmpty)
        let undecided = try Self.decide(e, "b -> a share c for p given f = true, k = false")
        #expect(undecided.effect == .deny && undecided.missingFacts == ["m"])
    }

    /// 4. Exceptions defeat their target only when applicable and not defeated themselves.
    @Test func exceptionsToExceptions() throws {
        let e = try Self.evaluator(
            """
            fact x : bool default false
            fact y : bool default false
            rule base { forbid a -> b share c for p }
            rule ex1 exception to base { permit a -> b share c for p when x basis bs }
            rule ex2 exception to ex1 { forbid a -> b share c for p when y }

            """)
        #expect(try Self.decide(e, "a -> b share c for p").decidedBy == ["base"])
        let permitted = try Self.decide(e, "a -> b share c for p given x = true")
        #expect(permitted.effect == .permit && permitted.decidedBy == ["ex1"])
        let reinstated = try Self.decide(e, "a -> b share c for p given x = true, y = true")
        #expect(reinstated.effect == .deny && reinstated.decidedBy == ["base", "ex2"])
    }

    /// 5. An applicable undefeated forbid wins over any permit; no permit is a default deny.
    @Test func forbidWinsAndDefaultDenies() throws {
        let e = try Self.evaluator(
            """
            rule allow { permit any -> any share c for any basis bs }
            rule stop { forbid a -> b share c for p when f }

            """)
        let denied = try Self.decide(e, "a -> b share c for p given f = true")
        #expect(denied.effect == .deny && denied.decidedBy == ["stop"] && denied.reason == "denied by rule stop")
        #expect(try Self.decide(e, "a -> b share c for p given f = false").decidedBy == ["allow"])
        let none = try Self.evaluator("")
        let byDefault = try Self.decide(none, "a -> b share c for p")
        #expect(byDefault.effect == .deny && byDefault.decidedBy.isEmpty)
    }

    /// 6. Obligations: timing reported; waived when `unless` holds; an unknown `unless` does not
    /// hold; waived by one permit but not another stands.
    @Test func obligationsAndWaivers() throws {
        let e = try Self.evaluator(
            """
            fact inv : bool
            obligation inform
            obligation record
            rule r1 { permit a -> b share c for p basis bs oblige inform within 4 weeks unless inv, record before }
            rule r2 { permit a -> b share c for p when f basis bs oblige record before unless inv }

            """)
        let waived = try Self.decide(e, "a -> b share c for p given inv = true")
        #expect(
            waived.json.serialized().contains(
                #"{"id":"inform","by":"sender","kind":"other","timing":"within 4 weeks","waived":true,"#
                    + #""waivedBecause":"because inv holds (rule r1)","postponed":false}"#
            ))
        #expect(waived.obligations.first { $0.id == "record" }?.waived == false)
        let unknown = try Self.decide(e, "a -> b share c for p")
        #expect(unknown.obligations.map(\.waived) == [false, false] && unknown.missingFacts == ["f", "inv"])
        // r2 waives 'record before', r1 does not: it stands.
        let mixed = try Self.decide(e, "a -> b share c for p given inv = true, f = true")
        #expect(mixed.decidedBy == ["r1", "r2"])
        #expect(mixed.obligations.first { $0.id == "record" }?.waived == false)
    }

    /// Unknown names and bad values are errors, not denies.
    @Test func badQueriesAreErrors() throws {
        let e = try Self.evaluator("fact age : int 0..130\nfact consent : given | none\n")
        func error(_ q: Query) -> String? {
            do { _ = try e.table.resolve(q, on: e.table.firstDayInForce); return nil } catch { return error.message }
        }
        #expect(error(Query(from: "zz", to: "b", share: "c", purpose: "p")) == "unknown party 'zz'")
        #expect(
            error(Query(from: "a", to: "b", share: "c", purpose: "p", facts: ["age": .int(200)]))
                == "200 is outside the range of 'age' (0..130)")
        #expect(
            error(Query(from: "a", to: "b", share: "c", purpose: "p", facts: ["consent": .text("maybe")]))
                == "'maybe' is not a value of 'consent' (one of: given, none)")
        #expect(
            error(Query(from: "a", to: "b", share: "c", purpose: "p", facts: ["f": .int(1)]))
                == "the fact 'f' is yes/no: give true or false")
        #expect(error(Query(from: "a", to: "b", share: "nope", purpose: "p")) == "unknown data category 'nope'")
    }

    /// A resolved query that does not fit the table is denied with the reason, never trapped on.
    @Test func malformedResolvedQueriesFailClosed() throws {
        let e = try Self.evaluator("rule r { permit any -> any share c for any basis bs }\n")
        for bad in [
            ResolvedQuery(sender: 9, recipient: 0, category: 0, purpose: 0, facts: [0], date: e.table.firstDayInForce),
            ResolvedQuery(sender: 0, recipient: 0, category: -1, purpose: 0, facts: [0], date: e.table.firstDayInForce),
            ResolvedQuery(sender: 0, recipient: 0, category: 0, purpose: 0, facts: [], date: e.table.firstDayInForce),
            ResolvedQuery(sender: 0, recipient: 0, category: 0, purpose: 0, facts: [7], date: e.table.firstDayInForce),
        ] {
            let d = e.decision(bad)
            #expect(d.effect == .deny && d.reason.hasPrefix("denied: the query does not fit this table"))
        }
    }

    /// The three test blocks of the LANGUAGE.md example, run against the compiled table.
    @Test func exampleTestBlocks() throws {
        let text = try String(
            contentsOf: Support.root.appendingPathComponent("covenants/boekel.covenant"), encoding: .utf8)
        let source = SourceFile(path: "boekel.covenant", text: text)
        let model = try #require(Frontend.check(source).model)
        let e = Evaluator(compiled: Compiler.compile(model, source: source))
        #expect(model.tests.count == 3)
        for test in model.tests {
            let q = test.query
            let facts = e.table.facts.indices.map { f in
                q.facts[f].map { v -> Int64 in
                    switch v {
                    case .bool(let b): b ? 1 : 0
                    case .int(let n): Int64(n)
                    case .enumeration(let i): Int64(i)
                    }
                } ?? e.table.facts[f].defaultValue ?? ResolvedQuery.missing
            }
            let d = e.decision(
                ResolvedQuery(
                    sender: Int32(q.sender), recipient: Int32(q.recipient), category: Int32(q.category),
                    purpose: Int32(q.purpose), facts: facts, date: e.table.firstDayInForce))
            #expect((d.effect == .permit) == (test.expectedEffect == .permit), "\(test.title)")
            if let rules = test.expectedRules {
                #expect(d.decidedBy == rules.map { model.rules[$0].id }, "\(test.title)")
            }
            if let obligations = test.expectedObligations {
                #expect(
                    Set(d.obligations.filter { !$0.waived }.map(\.id))
                        == Set(obligations.map { model.obligations[$0.obligation].id }), "\(test.title)")
            }
        }
    }

    @Test func explanationOfTheFirstExampleOffersConsent() throws {
        let text = try String(
            contentsOf: Support.root.appendingPathComponent("covenants/boekel.covenant"), encoding: .utf8)
        let source = SourceFile(path: "boekel.covenant", text: text)
        let e = Evaluator(compiled: Compiler.compile(try #require(Frontend.check(source).model), source: source))
        let x = e.explain(
            try e.table.resolve(
                try QueryText.parse("ggz -> dorpsteam share health for support given age = 30").get(),
                on: e.table.firstDayInForce))
        #expect(x.counterfactuals.map(\.text) == ["consent = given, by rule medisch"])
        #expect(x.leaves.map(\.category) == ["health"])
        #expect(x.leaves[0].rules.map(\.rule) == ["medisch"])
        #expect(x.leaves[0].rules[0].outcome == .failed)
        let defeated = e.explain(
            try e.table.resolve(
                try QueryText.parse(
                    "dorpsteam -> politie share health for safety given safety_risk = true, triage = true"
                ).get(), on: e.table.firstDayInForce))
        #expect(defeated.leaves[0].rules.first { $0.rule == "geen_politie" }?.defeatedBy == "gevaar")
    }
}
