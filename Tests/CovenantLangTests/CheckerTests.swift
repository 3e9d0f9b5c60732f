@testable import CovenantLang
import Testing

@Suite struct CheckerTests {
    @Test func groupsExpandTransitively() throws {
        let text =
            Support.prelude + "party d { kind care }\ngroup g1 = a\ngroup g2 = g1, b\ngroup g3 = g2, d, g1\n"
            + "rule r { permit g3 -> g1 share c for p basis bs }\n"
        let model = try #require(Support.check(text).model)
        #expect(model.groups.map(\.parties) == [[0], [0, 1], [0, 1, 2]])
        #expect(model.rules[0].senders == .some([0, 1, 2]))
        #expect(model.rules[0].recipients == .some([0]))
    }

    @Test func categoriesInheritNatureAndSpecialCategory() throws {
        let text =
            Support.prelude + "category d { nature what special health category e { category g { nature that } } }\n"
        let model = try #require(Support.check(text).model)
        let byId = Dictionary(uniqueKeysWithValues: model.categories.map { ($0.id, $0) })
        #expect(byId["e"]?.nature == .what && byId["e"]?.special == .health)
        #expect(byId["g"]?.nature == .that && byId["g"]?.special == .health)
        #expect(byId["e"]?.parent == model.categories.firstIndex { $0.id == "d" })
        #expect(byId["d"]?.children.count == 1)
    }

    @Test func everyCycleInALongerChainIsFound() {
        let text = Support.prelude + "group g1 = g2\ngroup g2 = g3\ngroup g3 = g1\ngroup g4 = g4\n"
        let result = Support.check(text)
        #expect(result.diagnostics.map(\.code) == [.groupCycle, .groupCycle])
        #expect(result.diagnostics[0].message == "groups contain each other in a cycle: g1 -> g2 -> g3 -> g1")
        #expect(result.diagnostics[1].message == "groups contain each other in a cycle: g4 -> g4")
    }

    @Test func exceptionToItselfAndChains() {
        let selfLoop = Support.check(
            Support.prelude + "rule r exception to r { permit a -> b share c for p basis bs }\n")
        #expect(selfLoop.diagnostics.map(\.code).contains(.exceptionCycle))
        #expect(
            selfLoop.diagnostics.first { $0.code == .exceptionCycle }?.message == "rule 'r' is an exception to itself")
        // An exception to an exception is fine when the effects alternate.
        let chain = Support.check(
            Support.prelude + """
                rule r1 { forbid a -> b share c for p }
                rule r2 exception to r1 { permit a -> b share c for p basis bs when f }
                rule r3 exception to r2 { forbid a -> b share c for p }

                """)
        #expect(chain.diagnostics.isEmpty)
        #expect(chain.model?.rules.map(\.exceptionTo) == [nil, 0, 1])
    }

    @Test func wrongKindsOfNameEverywhere() {
        let text =
            Support.prelude + "obligation o\n"
            + "rule r1 { permit a -> b share p for c basis o oblige bs }\n"
        let result = Support.check(text)
        #expect(result.diagnostics.map(\.code) == Array(repeating: .wrongKindOfName, count: 4))
        #expect(
            result.diagnostics.map(\.message) == [
                "'p' is a purpose, but a category is expected here",
                "'c' is a category, but a purpose is expected here",
                "'o' is an obligation, but a basis is expected here",
                "'bs' is a basis, but an obligation is expected here",
            ])
    }

    @Test func conditionTypeErrors() {
        let text =
            Support.prelude + "fact age : int 0..130\nfact consent : given | none\n"
            + "rule r1 { permit a -> b share c for p when age basis bs }\n"
            + "rule r2 { permit a -> b share c for p when consent basis bs }\n"
            + "rule r3 { permit a -> b share c for p when f < true basis bs }\n"
            + "rule r4 { permit a -> b share c for p when consent >= given basis bs }\n"
            + "rule r5 { permit a -> b share c for p when age == given basis bs }\n"
            + "rule r6 { permit a -> b share c for p when consent == 3 basis bs }\n"
            + "rule r7 { permit a -> b share c for p when age in {1, 131} basis bs }\n"
            + "rule r8 { permit a -> b share c for p when unknown_fact basis bs }\n"
        let result = Support.check(text)
        #expect(
            result.diagnostics.map(\.code.rawValue) == ["E301", "E301", "E301", "E301", "E301", "E301", "E303", "E201"])
        #expect(result.diagnostics[0].help == "compare it, for example 'age >= 16'")
    }

    @Test func defaultValuesAreTypeChecked() {
        let text =
            Support.prelude
            + "fact age : int 0..130 default 140\nfact consent : given | none default gegeven\n"
            + "fact g : bool default maybe\n"
        #expect(Support.codes(text) == ["E303", "E302", "E301"])
    }

    @Test func testBlocksAreResolved() throws {
        let text =
            Support.prelude
            + "fact age : int 0..130\nobligation o\nrule r { permit a -> b share c for p basis bs oblige o }\n"
            + "test \"t\" { query a -> b share c for p given age = 30, f = true expect permit by r oblige o "
            + "missing age }\n"
        let model = try #require(Support.check(text).model)
        let t = try #require(model.tests.first)
        #expect(
            t.query
                == TestQuery(sender: 0, recipient: 1, category: 0, purpose: 0, facts: [1: .int(30), 0: .bool(true)]))
        #expect(
            t.expectedRules == [0] && t.expectedObligations == [ExpectedDuty(obligation: 0, actor: nil)]
                && t.expectedMissing == [1] && t.expectedWaived == nil)
    }

    @Test func testsThatQueryUnknownNames() {
        let text =
            Support.prelude + "test \"t\" { query a -> bb share cc for pp given ff = true expect permit by rr }\n"
        #expect(Support.codes(text) == ["E201", "E201", "E201", "E201", "E201"])
    }

    @Test func suggestionsPreferTheClosestName() {
        #expect(Suggestions.closest(to: "dorpteam", among: ["dorpsteam", "bjg", "ggz"]) == "dorpsteam")
        #expect(Suggestions.closest(to: "veilig_tuis", among: ["veilig_thuis", "politie"]) == "veilig_thuis")
        #expect(Suggestions.closest(to: "gzg", among: ["ggz"]) == "ggz")  // transposition
        #expect(Suggestions.closest(to: "politie", among: ["college"]) == nil)
        #expect(Suggestions.closest(to: "x", among: ["y"]) == nil)
    }
}
