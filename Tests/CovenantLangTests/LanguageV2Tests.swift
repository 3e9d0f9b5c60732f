import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// Version 2 (LANGUAGE-V2.md), point by point: the example parses in both keyword languages,
/// semantics 8–11 (in force, postponement, obligations by who acts, counterfactuals), the
/// processor outside `any`, and every new error.
@Suite struct LanguageV2Tests {
    /// The spec's example, completed with the declarations it says are elsewhere.
    static let example = """
        covenant "Convenant Sociaal Domein Woerden" {
          version "2027.1"
          controller college_woerden, college_oudewater
          valid from 2027-01-01 until 2030-12-31
        }

        party college_woerden "College van B&W Woerden" { kind government }
        party college_oudewater "College van B&W Oudewater" { kind government }
        party loket "WoerdenWijzer" { kind government acts for college_woerden }
        party ict "Leverancier zaaksysteem" { kind other processor for college_woerden }
        party veilig_thuis "Veilig Thuis" { kind care secrecy professional }
        party uwv "UWV" {
          kind government
          regime closed "Wet SUWI art. 5.2" for ondersteuning to suwi
        }
        group suwi "SUWI-partners" = college_woerden, college_oudewater

        category dossier "Dossier" { retention 5 years category naw "NAW" category zorg "Zorg" { nature what special \
        health } }

        purpose ondersteuning "Wmo-ondersteuning" { kind support }
        purpose veiligheid "Afwenden van ernstig gevaar" { kind safety }
        purpose opsporing "Opsporing en handhaving" { kind enforcement }
        purpose sturing "Beleid en sturing" { kind accountability }

        fact toestemming "Toestemming van betrokkene" : specifiek | algemeen | geen | geweigerd default geen {
          role consent valid specifiek
        }
        fact leeftijd "Leeftijd" : int 0..130 { role age }
        fact ouders "Toestemming gezaghebbende ouder(s)" : bool default false { role representative }
        fact contact "Vertrouwensrelatie tot stand gekomen" : bool default false { fixed }
        fact onderzoek "Lopend strafrechtelijk onderzoek" : bool default false
        fact gevaar "Ernstig gevaar" : bool default false

        basis meldrecht "Meldrecht (Wmo 2015 art. 5.2.6)" { kind legal_obligation }

        obligation informeren "Betrokkene informeren" { kind inform }
        obligation vastleggen "Besluit en afweging vastleggen" { kind record }

        rule melding "Melding bij Veilig Thuis" {
          permit any -> veilig_thuis
          share dossier
          for veiligheid
          when gevaar
          basis meldrecht
          oblige vastleggen,
                 recipient informeren within 4 weeks postponed while onderzoek
        }

        """

    static func compiled(_ text: String) throws -> (CovenantModel, Evaluator) {
        let source = SourceFile(path: "v2.covenant", text: text)
        let result = Frontend.check(source)
        let model = try #require(result.model, "\(Support.rendered(result))")
        return (model, Evaluator(compiled: Compiler.compile(model, source: source)))
    }

    static func decide(_ e: Evaluator, _ text: String, on date: String = "2028-01-01") throws -> Decision {
        e.decision(try e.resolve(try QueryText.parse(text).get(), on: CalendarDate(date)!))
    }

    @Test func theExampleChecksAndReadsTheSameInDutch() throws {
        let (model, _) = try Self.compiled(Self.example)
        #expect(model.controllers.map { model.parties[$0].id } == ["college_woerden", "college_oudewater"])
        let loket = model.parties.firstIndex { $0.id == "loket" }!, ict = model.parties.firstIndex { $0.id == "ict" }!
        #expect(model.parties[loket].actsFor == 0 && model.actsAsController(loket) && model.isGovernment(loket))
        #expect(model.parties[ict].processorFor == 0 && !model.anyParties.contains(ict))
        let uwv = model.parties.first { $0.id == "uwv" }!
        #expect(uwv.regimeRecipients == [0, 1])
        #expect(model.purposes.map(\.kind) == [.support, .safety, .enforcement, .accountability])
        #expect(
            model.facts[0].role == .consent(valid: [.enumeration(0)]) && model.facts[1].role == .age
                && model.facts[1].fixed)
        #expect(model.facts[2].role == .representative && model.facts[3].fixed && !model.facts[4].fixed)
        #expect(model.obligations.map(\.kind) == [.inform, .record])
        let use = model.rules[0].obligations[1]
        #expect(use.actor == .recipient && use.postponedWhile == .truth(fact: 4))
        #expect(model.declaresRoles)

        // Translated to Dutch keywords and back: the same tree and the same model.
        let file = try #require(Parser.parse(SourceFile(path: "v2.covenant", text: Self.example)).file)
        let dutch = Printer.print(file, in: .nl)
        for word in [
            "namens college_woerden", "verwerker voor college_woerden", "aan suwi", "soort veiligheid",
            "rol toestemming geldig specifiek", "rol leeftijd", "rol vertegenwoordiger", "{ vast }", "soort informeren",
            "ontvanger informeren binnen 4 weken uitgesteld zolang onderzoek",
            "verantwoordelijke college_woerden, college_oudewater",
        ] {
            #expect(dutch.contains(word), "\(word)")
        }
        let (dutchModel, _) = try Self.compiled(dutch)
        #expect(
            dutchModel.rules.map { $0.obligations.map { "\($0.actor)|\(String(describing: $0.postponedWhile))" } }
                == model.rules.map { $0.obligations.map { "\($0.actor)|\(String(describing: $0.postponedWhile))" } })
        #expect(dutchModel.facts.map(\.role) == model.facts.map(\.role) && dutchModel.controllers == model.controllers)
        let back = Printer.print(try #require(Parser.parse(SourceFile(path: "nl", text: dutch)).file), in: .en)
        #expect(back == Printer.print(file))
    }

    // MARK: Semantics 8: in force

    @Test func outsideItsValidityEveryQueryIsDenied() throws {
        let (_, e) = try Self.compiled(Self.example)
        let q = "loket -> veilig_thuis share dossier for veiligheid given gevaar = true"
        #expect(try Self.decide(e, q, on: "2027-01-01").effect == .permit)
        #expect(try Self.decide(e, q, on: "2030-12-31").effect == .permit)
        for day in ["2026-12-31", "2031-01-01"] {
            let d = try Self.decide(e, q, on: day)
            #expect(d.effect == .deny && !d.inForce && d.decidedBy.isEmpty && d.at == day)
            #expect(
                d.reason == "denied: the covenant is not in force on \(day) (valid from 2027-01-01 until 2030-12-31)")
        }
        // The query's own date wins over the caller's.
        #expect(
            try Self.decide(e, "loket -> veilig_thuis share dossier for veiligheid on 2031-06-01 given gevaar = true")
                .inForce == false)
        // No counterfactual outside validity: no change of facts helps.
        let x = e.explain(try e.resolve(try QueryText.parse(q).get(), on: CalendarDate("2031-01-01")!))
        #expect(x.counterfactuals.isEmpty && x.searchComplete)
        // A covenant without validity is always in force.
        let (_, open) = try Self.compiled(Support.prelude + "rule r { permit a -> b share c for p basis bs }\n")
        #expect(try Self.decide(open, "a -> b share c for p", on: "1999-01-01").effect == .permit)
    }

    // MARK: Semantics 9 and 10: postponed, and distinct by who acts

    static let duties =
        Support.prelude + """
            fact inv : bool
            fact hold : bool default false
            obligation tell { kind inform }
            obligation note { kind record }
            rule r1 { permit a -> b share c for p basis bs oblige recipient tell within 4 weeks postponed while inv, \
            note unless hold postponed while inv }
            rule r2 { permit a -> b share c for p when f basis bs oblige recipient tell within 4 weeks, \
            tell within 4 weeks postponed while inv }

            """

    @Test func postponedObligationsStandWithTheirReason() throws {
        let (_, e) = try Self.compiled(Self.duties)
        let d = try Self.decide(e, "a -> b share c for p given f = false, inv = true")
        #expect(d.decidedBy == ["r1"])
        let tell = try #require(d.obligations.first { $0.id == "tell" })
        #expect(tell.by == .recipient && tell.kind == "inform" && tell.postponed && !tell.waived)
        #expect(tell.postponedBecause == "while inv holds (rule r1)")
        // Waived wins over postponed.
        let waived = try Self.decide(e, "a -> b share c for p given f = false, inv = true, hold = true")
        let note = try #require(waived.obligations.first { $0.id == "note" })
        #expect(note.waived && !note.postponed && note.waivedBecause == "because hold holds (rule r1)")
        // A postponement on a missing fact does not hold, and the fact is reported missing.
        let unknown = try Self.decide(e, "a -> b share c for p given f = false")
        #expect(unknown.obligations.allSatisfy { !$0.postponed } && unknown.missingFacts == ["inv"])
        let json = d.json.serialized()
        #expect(
            json.contains(
                #"{"id":"tell","by":"recipient","kind":"inform","timing":"within 4 weeks","waived":false,"#
                    + #""postponed":true,"postponedBecause":"while inv holds (rule r1)"}"#
            ))
    }

    @Test func obligationsAreDistinctByWhoActsAndOneCarrierThatDoesNotPostponeWins() throws {
        let (_, e) = try Self.compiled(Self.duties)
        let d = try Self.decide(e, "a -> b share c for p given f = true, inv = true")
        #expect(d.decidedBy == ["r1", "r2"])
        let tells = d.obligations.filter { $0.id == "tell" }
        // The recipient's duty: r1 postpones it, r2 does not, so it is not postponed.
        #expect(tells.map(\.by) == [.sender, .recipient])
        #expect(tells.first { $0.by == .recipient }?.postponed == false)
        // The sender's duty comes from r2 alone, which postpones it.
        #expect(tells.first { $0.by == .sender }?.postponed == true)
    }

    // MARK: Processors are outside `any`

    @Test func aProcessorIsReachedOnlyByName() throws {
        let (_, e) = try Self.compiled(
            Support.prelude + """
                party ict { kind other processor for a }
                rule everyone { permit any -> any share c for p basis bs }
                rule own { permit a -> ict share c for p basis bs }

                """)
        #expect(try Self.decide(e, "a -> b share c for p").decidedBy == ["everyone"])
        #expect(try Self.decide(e, "a -> ict share c for p").decidedBy == ["own"])
        #expect(try Self.decide(e, "b -> ict share c for p").effect == .deny)
        #expect(try Self.decide(e, "ict -> b share c for p").effect == .deny)
    }

    // MARK: Semantics 11: counterfactuals never change a fixed fact, and give ranges

    @Test func counterfactualsLeaveFixedFactsAloneAndGiveRanges() throws {
        let (_, e) = try Self.compiled(
            Support.prelude + """
                fact age : int 0..130 { role age }
                fact known : bool default false { fixed }
                fact risk : int 0..10 default 0
                fact ok : yes | no default no { role consent valid yes }
                rule r1 { permit a -> b share c for p when age >= 16 and ok == yes basis bs }
                rule r2 { permit a -> b share c for p when known basis bs }
                rule r3 { permit a -> b share c for p when risk >= 7 basis bs }

                """)
        let x = e.explain(
            try e.resolve(
                try QueryText.parse("a -> b share c for p given age = 14").get(), on: CalendarDate("2026-01-01")!))
        #expect(x.decision.effect == .deny)
        // Neither the age nor the fixed fact is suggested; the number reads as a range.
        #expect(x.counterfactuals.map(\.text) == ["risk >= 7, by rule r3"])
        #expect(x.counterfactuals.first?.changes.first?.value == ">= 7")
        let middle = e.explain(
            try e.resolve(
                try QueryText.parse("a -> b share c for p given age = 30, risk = 0").get(),
                on: CalendarDate("2026-01-01")!))
        #expect(middle.counterfactuals.map(\.text) == ["risk >= 7, by rule r3", "ok = yes, by rule r1"])
    }

    @Test func rangesCoverEveryValueTheyStandFor() throws {
        let (_, e) = try Self.compiled(
            Support.prelude + """
                fact n : int 0..20 default 0
                rule r { permit a -> b share c for p when (n >= 3 and n <= 5) or n == 9 basis bs }

                """)
        let x = e.explain(
            try e.resolve(
                try QueryText.parse("a -> b share c for p given n = 0").get(), on: CalendarDate("2026-01-01")!))
        #expect(x.counterfactuals.map { $0.changes[0].value } == ["3..5", "9"])
        // Every value a range names does permit, and the values next to it do not.
        for v in [3, 4, 5, 9] { #expect(try Self.decide(e, "a -> b share c for p given n = \(v)").effect == .permit) }
        for v in [2, 6, 8, 10] { #expect(try Self.decide(e, "a -> b share c for p given n = \(v)").effect == .deny) }
    }

    // MARK: Errors

    static func codes(_ body: String) -> [String] { Support.codes(Support.prelude + body) }

    @Test func badRolesAreErrors() {
        #expect(Self.codes("fact x : bool { role age }\n") == ["E307"])
        #expect(Self.codes("fact x : int 0..9 { role consent valid 1 }\n") == ["E307"])
        #expect(Self.codes("fact x : yes | no { role representative }\n") == ["E307"])
        #expect(Self.codes("fact x : yes | no { role consent }\n") == ["E308"])
        #expect(Self.codes("fact x : yes | no { role consent valid maybe }\n") == ["E302"])
        #expect(Self.codes("fact x : int 0..9 { role age valid 3 }\n") == ["E308"])
        #expect(Self.codes("fact x : yes | no { role consent valid yes role age }\n") == ["E112", "E307"])
        #expect(Self.codes("fact x : bool { role parent }\n") == ["E114"])
        #expect(Self.codes("fact x : bool { role consent fixed }\n").isEmpty)
        #expect(Self.codes("fact x : bool { role consent valid false }\n").isEmpty)
    }

    @Test func badMandatesAndProcessorsAreErrors() {
        #expect(Self.codes("party d { kind care acts for nobody }\n") == ["E201"])
        #expect(Self.codes("group g = a\nparty d { kind care processor for g }\n") == ["E203"])
        #expect(Self.codes("party d { kind care acts for e }\nparty e { kind care acts for d }\n") == ["E504"])
        #expect(Self.codes("party d { kind care acts for d }\n") == ["E504"])
        #expect(Self.codes("party d { kind care processor for d }\n") == ["E505"])
        #expect(Self.codes("party d { kind care acts for a processor for b }\n") == ["E505"])
        #expect(Self.codes("purpose q\nparty d { kind care regime closed \"Wet\" for q to nobody }\n") == ["E201"])
        #expect(Self.codes("party d { kind care acts a }\n") == ["E110"])
        #expect(Support.codes("covenant \"T\" { controller a, a }\nparty a { kind care }\n") == ["E506"])
        #expect(Support.codes("covenant \"T\" { controller a, nobody }\nparty a { kind care }\n") == ["E201"])
    }

    @Test func badPostponementsAndDatesAreErrors() {
        #expect(
            Self.codes("obligation o\nrule r { permit a -> b share c for p basis bs oblige o postponed f }\n") == [
                "E110"
            ])
        #expect(
            Self.codes(
                "obligation o\nrule r { permit a -> b share c for p basis bs oblige o postponed while f postponed "
                    + "while f }\n"
            ) == ["E112"])
        #expect(
            Self.codes(
                "fact n : int 0..3\nobligation o\nrule r { permit a -> b share c for p basis bs oblige o postponed "
                    + "while n }\n"
            ) == ["E301"])
        #expect(Self.codes("obligation o { kind tell }\n") == ["E114"])
        #expect(Self.codes("purpose q { kind policing }\n") == ["E114"])
        #expect(
            Self.codes(
                "rule r { permit a -> b share c for p basis bs }\n"
                    + "test \"t\" { query a -> b share c for p on 2026-02-30 expect permit }\n"
            ) == ["E502"])
    }

    // MARK: Tests in the covenant

    @Test func testBlocksExpectWhoActsAndPostponement() throws {
        let text =
            Self.duties.replacingOccurrences(
                of: "covenant \"T\" { controller a }",
                with: "covenant \"T\" { controller a valid from 2026-01-01 until 2026-12-31 }") + """
                test "postponed for the recipient" {
                  query a -> b share c for p given f = false, inv = true
                  expect permit oblige recipient tell, note postponed recipient tell, note
                }
                test "wrong actor" {
                  query a -> b share c for p given f = false, inv = true
                  expect permit oblige sender tell, note
                }
                test "not postponed" {
                  query a -> b share c for p given f = false, inv = true
                  expect permit postponed note
                }
                test "decided on the first day" {
                  query a -> b share c for p given f = false, inv = false
                  expect permit
                }
                test "after the end" {
                  query a -> b share c for p on 2027-01-01 given f = false, inv = false
                  expect deny
                }

                """
        let source = SourceFile(path: "t.covenant", text: text)
        let result = Frontend.check(source)
        let model = try #require(result.model, "\(Support.rendered(result))")
        let report = TestRunner(model: model, table: Compiler.compile(model, source: source)).run()
        #expect(report.outcomes.map { $0.failure == nil } == [true, false, false, true, true])
        #expect(report.outcomes[1].failure == "obliges recipient tell, sender note, not note, sender tell")
        #expect(report.outcomes[2].failure == "postpones note, tell, not note")
        // On a day outside validity every test that names no date is denied.
        let late = TestRunner(
            model: model, table: Compiler.compile(model, source: source), date: CalendarDate("2027-06-01")
        ).run()
        #expect(late.outcomes[3].failure == "the decision is deny, not permit")
    }

    // MARK: The wire

    @Test func theWireRefusesUnknownKeysAndEchoesIds() throws {
        #expect(throws: QueryError.self) { try Query(json: #"{"from":"a","to":"b","share":"c","for":"p","fact":{}}"#) }
        #expect(throws: QueryError.self) {
            try Query(json: #"{"from":"a","to":"b","share":"c","for":"p","at":"2026-13-01"}"#)
        }
        #expect(throws: QueryError.self) { try Query(json: #"{"from":"a","to":"b","share":"c","for":"p","id":true}"#) }
        #expect(throws: QueryError.self) { try Query(json: #"{"from":"a","to":"b","share":"c","for":"p","for":"q"}"#) }
        let q = try Query(json: #"{"id":7,"at":"2026-05-01","from":"a","to":"b","share":"c","for":"p"}"#)
        #expect(q.id == .integer(7) && q.at == "2026-05-01")
    }

    @Test func calendarDates() {
        #expect(
            CalendarDate("2024-02-29") != nil && CalendarDate("2025-02-29") == nil && CalendarDate("2025-1-01") == nil)
        #expect(CalendarDate("2025-12-31")!.adding(days: 1).description == "2026-01-01")
        #expect(CalendarDate("2024-03-01")!.adding(days: -1).description == "2024-02-29")
        #expect(CalendarDate("2026-11-30")!.adding(days: 90).description == "2027-02-28")
    }
}
