@testable import covenantc
import CovenantEval
import CovenantLang
import Foundation
import Testing

/// `covenantc who`: every answer agrees with the Evaluator (checked exhaustively on small
/// covenants: each case and fact combination is permitted exactly when an answer covers it,
/// by that answer's rules), the text in English and Dutch, the JSON, the errors.
@Suite struct WhoCommandTests {
    static let boekel = CLISupport.covenants + "/boekel.covenant"
    static let noaberkracht = CLISupport.covenants + "/noaberkracht.covenant"
    static let day = CalendarDate("2026-03-01")!

    /// A small covenant whose answers need alternatives, "not given", ranges, an exception and
    /// a forbid.
    static let proef = """
        covenant "Proef" {
          version "1"
          controller a
          valid from 2025-01-01 until 2026-12-31
        }

        party a "A" { kind care }
        party b "B" { kind care }
        party c "C" { kind government }
        group ab "A en B" = a, b

        category alles "Alles" {
          category x "X" { retention 1 year }
          category y "Y" { retention 1 year }
        }

        purpose p "P"
        purpose q "Q"

        fact f "F" : bool
        fact g "G" : bool
        fact n "N" : int 0..10
        fact k "K" : red | green | blue default green

        basis bs "B" { kind public_task }
        obligation tell "Tell" { kind inform }

        rule r1 {
          permit a -> b
          share x
          for p
          when f or g
          basis bs
          oblige tell unless k == red
        }

        rule r2 {
          permit ab -> c
          share alles
          for any
          when n >= 3 and n < 7
          basis bs
        }

        rule r3 {
          forbid a -> c
          share y
          for q
          when k == blue
        }

        rule r4 exception to r3 {
          permit a -> c
          share y
          for q
          when not f
          basis bs
        }

        """

    static func table(path: String) throws -> DecisionTable {
        let console = Console(out: { _ in }, err: { _ in })
        return try #require(TableLoader.load(path, console: console), "\(path)")
    }

    static func table(text: String) throws -> DecisionTable {
        let source = SourceFile(path: "proef.covenant", bytes: Array(text.utf8))
        let model = try #require(Frontend.check(source).model)
        return Compiler.compile(model, source: source)
    }

    // MARK: - Agreement with the Evaluator

    static func holds(_ c: ReverseQuery.Constraint, _ v: Int64, _ table: DecisionTable) -> Bool {
        if v == ResolvedQuery.missing { return c.notGiven }
        if case .int = table.facts[c.fact].kind { return c.ranges.contains { $0.contains(v) } }
        return c.values.contains(v)
    }

    /// The values a test tries for a fact: all of a yes/no or enumeration fact, a number's
    /// candidate values and a value between each two, and "not given" when it has no default.
    static func testValues(_ f: Int, _ evaluator: Evaluator) -> [Int64] {
        var values = evaluator.candidateValues(f)
        if case .int = evaluator.table.facts[f].kind {
            values = values.enumerated().flatMap { i, v in
                i + 1 < values.count && values[i + 1] > v + 1 ? [v, (v + values[i + 1]) / 2] : [v]
            }
        }
        return values + (evaluator.table.facts[f].defaultValue == nil ? [ResolvedQuery.missing] : [])
    }

    /// Decides every case the question covers on every combination of test values of `facts`
    /// (nil: the facts the rules in scope of each case mention) and compares: permitted exactly
    /// when one answer covers the case and its region holds the values, with that answer's
    /// rules. Returns the disagreements (at most 10) and the number of decisions made.
    static func disagreements(
        _ table: DecisionTable, _ question: ReverseQuery.Question, on date: CalendarDate,
        facts allFacts: [Int]? = nil
    ) -> (problems: [String], decisions: Int) {
        let evaluator = Evaluator(compiled: table)
        let answer = evaluator.reverseQuery(question, on: date)
        guard answer.complete else { return (["not complete"], 0) }
        var senders = Array(0..<Int32(table.parties.count)), recipients = senders
        var leaves = table.categories.indices.filter { table.leafClass[$0] >= 0 }.map(Int32.init)
        var purposes = Array(0..<Int32(table.purposes.count))
        switch question {
        case .receives(let c, let p):
            leaves = table.categories[Int(c)].leaves
            if let p { purposes = [p] }
        case .between(let s, let r, let p):
            (senders, recipients) = ([s], [r])
            if let p { purposes = [p] }
        }
        var problems: [String] = []
        var decisions = 0
        var scratch = DecisionScratch()
        let defaults = table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
        func name(_ s: Int32, _ r: Int32, _ leaf: Int32, _ p: Int32) -> String {
            "\(table.parties[Int(s)].id) -> \(table.parties[Int(r)].id) \(table.categories[Int(leaf)].id) "
                + table.purposes[Int(p)].id
        }
        let cases = senders.flatMap { s in
            recipients.flatMap { r in leaves.flatMap { leaf in purposes.map { (s, r, leaf, $0) } } }
        }
        for (s, r, leaf, p) in cases {
            let covering = answer.answers.filter {
                $0.senders.contains(s) && $0.recipients.contains(r) && $0.leaves.contains(leaf)
                    && $0.purposes.contains(p)
            }
            var q = ResolvedQuery(
                sender: s, recipient: r, category: leaf, purpose: p, facts: defaults,
                date: date)
            var facts = allFacts ?? []
            if allFacts == nil {
                for rule in evaluator.rulesInScope(q, leaf: leaf) where table.rules[rule].condition >= 0 {
                    for f in evaluator.mentionedFacts(table.rules[rule].condition) where !facts.contains(f) {
                        facts.append(f)
                    }
                }
            }
            let choices = facts.map { testValues($0, evaluator) }
            var index = [Int](repeating: 0, count: facts.count)
            var permittedSomewhere = false
            while true {
                for (k, f) in facts.enumerated() { q.facts[f] = choices[k][index[k]] }
                let permit = evaluator.decide(q, into: &scratch) == .permit
                decisions += 1
                let expected = covering.filter { a in
                    a.when.contains { box in box.allSatisfy { holds($0, q.facts[$0.fact], table) } }
                }.map(\.decidedBy)
                permittedSomewhere = permittedSomewhere || permit
                let wrong = permit ? expected != [Array(scratch.permits)] : !expected.isEmpty
                if wrong, problems.count < 10 {
                    let values = facts.map { "\(table.facts[$0].id)=\(table.valueText(q.facts[$0], fact: $0, .en))" }
                    problems.append(
                        "\(name(s, r, leaf, p)) \(values): decided \(permit) by \(scratch.permits), "
                            + "answers \(expected)")
                }
                var k = 0
                while k < index.count {
                    index[k] += 1
                    if index[k] < choices[k].count { break }
                    index[k] = 0
                    k += 1
                }
                if k == index.count { break }
            }
            // A case no answer names is never permitted, and every answer's case is permitted somewhere.
            if permittedSomewhere == covering.isEmpty, problems.count < 10 {
                problems.append(
                    "\(name(s, r, leaf, p)): permitted somewhere \(permittedSomewhere), "
                        + "answers \(covering.count)")
            }
        }
        return (problems, decisions)
    }

    /// The categories no other category contains.
    static func roots(_ table: DecisionTable) -> [Int32] {
        table.categories.indices.filter { c in
            !table.categories.contains { Set($0.leaves).isStrictSuperset(of: table.categories[c].leaves) }
        }.map(Int32.init)
    }

    /// Every root category and every pair of parties, over every combination of all the facts.
    @Test(arguments: ["boekel", "proef"])
    func everyAnswerAgreesWithTheEvaluatorExhaustively(_ name: String) throws {
        let table = name == "proef" ? try Self.table(text: Self.proef) : try Self.table(path: Self.boekel)
        let date = name == "proef" ? CalendarDate("2025-06-01")! : Self.day
        let facts = Array(table.facts.indices)
        var decisions = 0
        for c in Self.roots(table) {
            for purpose in [nil] + table.purposes.indices.map(Int32.init) {
                let result = Self.disagreements(table, .receives(category: c, purpose: purpose), on: date, facts: facts)
                #expect(result.problems.isEmpty, "receives \(table.categories[Int(c)].id): \(result.problems)")
                decisions += result.decisions
            }
        }
        for s in table.parties.indices.map(Int32.init) {
            for r in table.parties.indices.map(Int32.init) {
                let result = Self.disagreements(
                    table, .between(sender: s, recipient: r, purpose: nil), on: date,
                    facts: facts)
                #expect(result.problems.isEmpty, "\(s) -> \(r): \(result.problems)")
                decisions += result.decisions
            }
        }
        #expect(decisions > 10_000)
    }

    /// Every shipped covenant, on a day it is in force: each case over the facts its rules
    /// mention.
    @Test func everyShippedCovenantAgreesWithTheEvaluator() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLISupport.covenants)
            .filter { $0.hasSuffix(".covenant") || $0.hasSuffix(".covenant.md") }.sorted()
        #expect(files.count >= 5)
        for file in files {
            let table = try Self.table(path: CLISupport.covenants + "/" + file)
            let date = table.firstDayInForce
            var answered = 0
            for c in Self.roots(table) {
                let result = Self.disagreements(table, .receives(category: c, purpose: nil), on: date)
                #expect(result.problems.isEmpty, "\(file) receives \(table.categories[Int(c)].id): \(result.problems)")
                let answer = Evaluator(compiled: table).reverseQuery(.receives(category: c, purpose: nil), on: date)
                answered += answer.answers.count
            }
            #expect(answered > 0, "\(file)")
        }
    }

    @Test func answersAreFoldedAndExactProducts() throws {
        let table = try Self.table(path: Self.boekel)
        let content = Int32(table.categories.firstIndex { $0.id == "content" }!)
        let r = Evaluator(compiled: table).reverseQuery(.receives(category: content, purpose: nil), on: Self.day)
        for a in r.answers {
            // The categories stand for exactly the leaves, none inside another.
            let leaves = a.categories.flatMap { table.categories[Int($0)].leaves }
            #expect(Set(leaves) == Set(a.leaves) && leaves.count == a.leaves.count)
        }
        let police = try #require(r.answers.first { $0.recipients.map { table.parties[Int($0)].id } == ["politie"] })
        #expect(police.categories.map { table.categories[Int($0)].id } == ["content"])
        #expect(police.leaves.count == 3)
    }

    /// Past the work bound nothing is claimed complete, and no half-analysed case is reported.
    @Test func theWorkBoundIsReportedNeverHidden() throws {
        let table = try Self.table(path: Self.boekel)
        let evaluator = Evaluator(compiled: table)
        let root = Int32(table.categories.firstIndex { $0.id == "personal" }!)
        let personal = ReverseQuery.Question.receives(category: root, purpose: nil)
        let full = evaluator.reverseQuery(personal, on: Self.day)
        #expect(full.complete && full.notAnalysed == 0)
        var partial = 0
        for budget in stride(from: 1, to: 2_000, by: 13) {
            let bounded = evaluator.reverseQuery(personal, on: Self.day, budget: budget)
            if bounded.complete {
                #expect(bounded.answers.count == full.answers.count, "\(budget)")
                continue
            }
            #expect(bounded.notAnalysed > 0, "\(budget)")
            if !bounded.answers.isEmpty { partial += 1 }
            // What it does report is true: each case of an answer is answered alike by the full analysis.
            for a in bounded.answers {
                let cases = a.senders.flatMap { s in
                    a.recipients.flatMap { r in a.leaves.flatMap { leaf in a.purposes.map { (s, r, leaf, $0) } } }
                }
                for (s, r, leaf, p) in cases {
                    let covered = full.answers.contains { f in
                        f.decidedBy == a.decidedBy && f.when == a.when && f.senders.contains(s)
                            && f.recipients.contains(r) && f.leaves.contains(leaf) && f.purposes.contains(p)
                    }
                    #expect(covered, "\(budget): \(s) \(r) \(leaf) \(p)")
                }
            }
        }
        let bounded = evaluator.reverseQuery(personal, on: Self.day, budget: 100)
        #expect(partial > 3 && !bounded.complete)
        let text = WhoCommand.text(bounded, table, .en)
        #expect(
            text.contains(
                "; the work bound (40000000 rule evaluations, 4096 fact combinations per case) was "
                    + "reached: "))
        #expect(
            text.hasSuffix(
                " cases (sender, recipient, category, purpose) were not analysed, so there may be more "
                    + "answers than these.\n"))
        #expect(!text.contains("complete"))
        #expect(
            WhoCommand.text(bounded, table, .nl).contains(
                "; de rekengrens (40000000 regelevaluaties, 4096 combinaties van feiten per geval) is bereikt: "))
    }

    /// A question built by hand with indices outside the table never traps: nothing is permitted.
    @Test func aQuestionOutsideTheTablePermitsNothing() throws {
        let evaluator = Evaluator(compiled: try Self.table(path: Self.boekel))
        let questions: [ReverseQuery.Question] = [
            .receives(category: 99, purpose: nil), .receives(category: 0, purpose: -1),
            .between(sender: -1, recipient: 0, purpose: nil), .between(sender: 0, recipient: 0, purpose: 42),
        ]
        for question in questions {
            #expect(evaluator.reverseQuery(question, on: Self.day).answers.isEmpty)
        }
    }

    // MARK: - The command

    /// `covenantc who` with these arguments, on 2026-03-01 unless they name a day.
    static func who(_ args: String...) -> (code: Int32, out: String, err: String) {
        CLISupport.run(["who"] + args + (args.contains("--date") ? [] : ["--date", "2026-03-01"]))
    }

    @Test func whoReceivesHealthInEnglish() {
        let r = Self.who(Self.boekel, "--receives", "health")
        #expect(r.code == 0 && r.err.isEmpty)
        #expect(
            r.out == """
                Who may receive health ("Gezondheidsgegevens") on 2026-03-01:

                - dorpsteam and bjg may receive health from ggz for support or case_meeting
                    if consent = given and age >= 16
                    by rule medisch; legal basis: consented; obligation: record
                - politie may receive health from dorpsteam, bjg, ggz or veilig_thuis for safety
                    if consent != given, safety_risk = true and triage = true
                    by rule gevaar; legal basis: vital; obligations: inform within 4 weeks (unless investigation), \
                record

                2 answers; the analysis is complete.

                """)
    }

    @Test func whoReceivesInDutch() {
        let r = Self.who(Self.boekel, "--receives", "content", "--lang", "nl")
        #expect(r.code == 0)
        #expect(
            r.out == """
                Wie content ("Wat-informatie") mag ontvangen, op 2026-03-01:

                - dorpsteam en bjg mogen health van ggz ontvangen voor support of case_meeting
                    als consent = given en age >= 16
                    op grond van regel medisch; grondslag: consented; verplichting: record
                - politie mag content van dorpsteam, bjg, ggz of veilig_thuis ontvangen voor safety
                    als consent != given, safety_risk = ja en triage = ja
                    op grond van regel gevaar; grondslag: vital; verplichtingen: inform binnen 4 weken (vervalt als \
                investigation), record

                2 antwoorden; de analyse is volledig.

                """)
    }

    /// A Dutch covenant is answered in Dutch; --lang en answers it in English.
    @Test func whatOnePartyMayShareWithAnother() {
        let dutch = Self.who(Self.noaberkracht, "--from", "prof_jeugd", "--to", "regisseur", "--date", "2016-06-01")
        #expect(dutch.code == 0)
        #expect(
            dutch.out == """
                Wat prof_jeugd ("Noaberkracht: professionals jeugdhulp") aan regisseur ("Noaberkracht: regisseur \
                (1 gezin, 1 plan, 1 regisseur)") mag verstrekken, op 2016-06-01:

                - identiteit en dat_info voor ondersteuning, casusoverleg of participatie
                    zonder voorwaarden
                    op grond van regel dat_voor_regisseur; grondslag: publieke_taak; verplichting: informeren vooraf
                - identiteit, dat_info, wat_jeugd en wat_zorg voor veiligheid
                    als triage = ja en gevaar = ja
                    op grond van regel gevaar_tussen_domeinen; grondslag: evident_belang; verplichtingen: informeren \
                achteraf (uitgesteld zolang informeren_schaadt), vastleggen
                - wat_jeugd en wat_wi voor casusoverleg
                    als noodzakelijk = ja
                    op grond van regel wat_voor_regisseur; grondslag: publieke_taak; verplichtingen: informeren vooraf \
                (vervalt als zwaarwegend), vastleggen

                3 antwoorden; de analyse is volledig.

                """)
        let english = Self.who(
            Self.noaberkracht, "--from", "prof_jeugd", "--to", "regisseur", "--for", "casusoverleg",
            "--date", "2016-06-01", "--lang", "en")
        #expect(english.out.hasPrefix("What prof_jeugd (\"Noaberkracht: professionals jeugdhulp\") may share with "))
        #expect(
            english.out.contains(
                " for casusoverleg on 2016-06-01:\n\n- identiteit and dat_info for casusoverleg\n"
                    + "    without conditions\n"))
        #expect(english.out.contains("- wat_jeugd and wat_wi for casusoverleg\n    if noodzakelijk = true\n"))
        #expect(english.out.contains("obligations: informeren before (unless zwaarwegend), vastleggen\n"))
        #expect(english.out.hasSuffix("\n2 answers; the analysis is complete.\n"))
    }

    @Test func alternativesRangesAndNotGiven() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("proef.covenant").path
        try Self.proef.write(toFile: path, atomically: true, encoding: .utf8)
        let r = Self.who(path, "--from", "a", "--to", "c", "--date", "2025-06-01")
        #expect(
            r.out == """
                What a ("A") may share with c ("C") on 2025-06-01:

                - x for q
                    if n in 3..6
                    by rule r2; legal basis: bs
                - alles for p
                    if n in 3..6
                    by rule r2; legal basis: bs
                - y for q
                    if (f = true or not given), n in 3..6 and k != blue
                    by rule r2; legal basis: bs
                - y for q
                    if f = false and n in 3..6
                    by rules r2, r4; legal basis: bs
                - y for q
                    if f = false and (n in {0..2, 7..10} or not given)
                    by rule r4; legal basis: bs

                5 answers; the analysis is complete.

                """)
        let b = Self.who(path, "--from", "a", "--to", "b", "--date", "2025-06-01", "--lang", "nl")
        #expect(
            b.out.contains(
                "- x voor p\n    als f = ja\n    of als g = ja\n    op grond van regel r1; "
                    + "grondslag: bs; verplichting: tell (vervalt als k == red)\n"))
    }

    @Test func json() {
        let r = Self.who(Self.boekel, "--from", "dorpsteam", "--to", "politie", "--format", "json")
        #expect(r.code == 0)
        let expected =
            [
                #"{"question":{"receives":null,"from":"dorpsteam","to":"politie","for":null},"at":"2026-03-01","#,
                #""inForce":true,"complete":true,"notAnalysed":0,"answers":[{"senders":["dorpsteam"],"#,
                #""recipients":["politie"],"categories":["content"],"leaves":["health","criminal","finances"],"#,
                #""purposes":["safety"],"always":false,"when":[{"consent":["refused","none","withdrawn"],"#,
                #""safety_risk":[true],"triage":[true]}],"conditions":["consent != given,"#,
                #" safety_risk = true and triage = true"],"decidedBy":["gevaar"],"bases":["vital"],"#,
                #""obligations":[{"id":"inform","by":"sender","kind":"other","timing":"within 4 weeks","#,
                #""unless":"investigation","postponedWhile":null},{"id":"record","by":"sender","kind":"other","#,
                #""timing":null,"unless":null,"postponedWhile":null}]}],"table":{"sha256":"SHA","#,
                #""version":"2025.1"}}"#,
            ].joined() + "\n"
        #expect(QueryCommandTests.anonymous(r.out) == expected)
        let always = Self.who(Self.boekel, "--receives", "identity", "--format", "json", "--lang", "nl")
        #expect(always.out.contains(#""always":true,"when":[{}],"conditions":[],"decidedBy":["dat_informatie"]"#))
        let ranges = Self.who(Self.boekel, "--receives", "health", "--for", "support", "--format", "json")
        #expect(ranges.out.contains(#""question":{"receives":"health","from":null,"to":null,"for":"support"}"#))
        #expect(ranges.out.contains(#""when":[{"consent":["given"],"age":[{"from":16,"to":130}]}]"#))
        // Parsed back, the answers are objects with the documented keys.
        guard case .object(let pairs)? = try? JSONParser.parse(ranges.out),
            case .array(let answers)? = pairs.first(where: { $0.0 == "answers" })?.1,
            case .object(let first)? = answers.first
        else {
            Issue.record("not the JSON shape: \(ranges.out)")
            return
        }
        #expect(pairs.map(\.0) == ["question", "at", "inForce", "complete", "notAnalysed", "answers", "table"])
        #expect(
            first.map(\.0) == [
                "senders", "recipients", "categories", "leaves", "purposes", "always", "when",
                "conditions", "decidedBy", "bases", "obligations",
            ])
    }

    @Test func outsideItsValidityNothingIsPermitted() {
        let r = Self.who(Self.boekel, "--receives", "health", "--date", "2029-01-01")
        #expect(r.code == 0)
        #expect(
            r.out == """
                Who may receive health ("Gezondheidsgegevens") on 2029-01-01:

                The covenant is not in force on 2029-01-01 (valid from 2025-01-01 until 2028-12-31): nothing may be \
                shared.

                """)
        let dutch = Self.who(Self.boekel, "--from", "ggz", "--to", "dorpsteam", "--date", "2024-12-31", "--lang", "nl")
        #expect(
            dutch.out.hasSuffix(
                "\n\nHet convenant is op 2024-12-31 niet van kracht (geldig van 2025-01-01 "
                    + "tot en met 2028-12-31): er mag niets worden verstrekt.\n"))
        let json = Self.who(Self.boekel, "--receives", "health", "--date", "2029-01-01", "--format", "json")
        #expect(json.out.contains(#""at":"2029-01-01","inForce":false,"complete":true,"notAnalysed":0,"answers":[]"#))
    }

    @Test func nothingPermitted() {
        let r = Self.who(Self.boekel, "--receives", "identity", "--for", "safety")
        #expect(
            r.out.hasSuffix(
                ":\n\nNo one may receive identity for safety.\n\n"
                    + "0 answers; the analysis is complete.\n"))
        let nl = Self.who(Self.boekel, "--from", "ggz", "--to", "politie", "--for", "support", "--lang", "nl")
        #expect(
            nl.out.contains(
                "\n\nggz mag voor support niets aan politie verstrekken.\n\n"
                    + "0 antwoorden; de analyse is volledig.\n"))
    }

    /// A compiled table answers as its covenant does, and --source refuses one left behind.
    @Test func aCompiledTableAnswersTheSame() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("boekel.json").path
        #expect(CLISupport.run(["compile", Self.boekel, "-o", table]).code == 0)
        #expect(
            Self.who(table, "--source", Self.boekel, "--receives", "personal").out
                == Self.who(Self.boekel, "--receives", "personal").out)
        let other = Self.who(table, "--source", Self.noaberkracht, "--receives", "personal")
        #expect(other.code == 1 && other.err.contains("the table was compiled from another version of"))
    }

    @Test func unknownNamesAndGroups() {
        let category = Self.who(Self.boekel, "--receives", "helth")
        #expect(category.code == 1)
        #expect(category.err == "covenantc who: unknown data category 'helth' (did you mean 'health'?)\n")
        let party = Self.who(Self.boekel, "--from", "ggz", "--to", "polite", "--lang", "nl")
        #expect(party.code == 1)
        #expect(party.err == "covenantc who: er is geen partij met de naam 'polite' (bedoelt u 'politie'?)\n")
        let purpose = Self.who(Self.boekel, "--receives", "health", "--for", "suport")
        #expect(purpose.err == "covenantc who: unknown purpose 'suport' (did you mean 'support'?)\n")
        #expect(Self.who(Self.boekel, "--receives", "zzzzzz").err == "covenantc who: unknown data category 'zzzzzz'\n")
        let group = Self.who(Self.boekel, "--from", "wijkteam", "--to", "politie")
        #expect(group.code == 1)
        #expect(
            group.err == "covenantc who: 'wijkteam' is a group, and a decision is about one sender: ask for one of "
                + "its members (dorpsteam, bjg)\n")
        let recipients = Self.who(Self.boekel, "--from", "ggz", "--to", "hulpverleners", "--lang", "nl")
        #expect(
            recipients.err.hasPrefix(
                "covenantc who: 'hulpverleners' is een groep, en een beslissing gaat over "
                    + "één ontvanger: vraag naar een van de leden ("))
        let json = Self.who(Self.boekel, "--from", "ggz", "--to", "polite", "--format", "json")
        #expect(json.code == 1 && json.out == #"{"error":"unknown party 'polite' (did you mean 'politie'?)"}"# + "\n")
    }

    @Test func usageErrors() {
        let none = Self.who(Self.boekel)
        #expect(
            none.code == 2
                && none.err == "covenantc who: give FILE and either --receives CATEGORY, or both --from "
                    + "SENDER and --to RECIPIENT\nRun 'covenantc who --help' for usage.\n"
        )
        #expect(Self.who(Self.boekel, "--from", "ggz").code == 2)
        #expect(Self.who(Self.boekel, "--receives", "health", "--to", "ggz").code == 2)
        let nl = Self.who("--lang", "nl", Self.boekel, "--to", "ggz")
        #expect(
            nl.err.hasPrefix(
                "covenantc who: noem BESTAND en --receives CATEGORIE, of --from VERSTREKKER en --to "
                    + "ONTVANGER\n"))
        #expect(Self.who("--receives", "health").err.contains("name exactly one covenant or table"))
        #expect(Self.who(Self.boekel, "--receives", "health", "--format", "xml").code == 2)
        #expect(Self.who(Self.boekel, "--recieves", "health").err.contains("(did you mean --receives?)"))
        let missing = Self.who("/nonexistent/x.covenant", "--receives", "health")
        #expect(missing.code == 1 && missing.err.contains("no such file or directory"))
        let help = CLISupport.run(["who", "--help", "--lang", "nl"])
        #expect(help.code == 0)
        #expect(help.out.hasPrefix("Gebruik: covenantc who BESTAND --receives CATEGORIE [--for DOEL]\n"))
    }
}
