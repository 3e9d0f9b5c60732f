import CovenantEval
import Foundation
import Testing

/// CovenantEval alone, as a service embeds it: a table compiled from covenants/boekel.covenant
/// and checked in (Fixtures/boekel.table.json; CovenantLangTests' TableFixturePinTests keeps it
/// equal to what the compiler writes, so the file also pins the table format), loaded, checked,
/// and asked the covenant's own test questions.
@Suite struct TableFixtureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/boekel.table.json")

    static func load() throws -> Evaluator {
        let bytes = [UInt8](try Data(contentsOf: fixture))
        return try Evaluator(table: TableCodec.decode(bytes))
    }

    static let day = CalendarDate("2026-11-30")!

    @Test func answersTheCovenantsOwnTests() throws {
        let evaluator = try Self.load()
        func decide(
            _ from: String, _ to: String, _ share: String, _ purpose: String,
            _ facts: KeyValuePairs<String, Query.FactInput>
        )
            throws -> Decision
        {
            let query = Query(from: from, to: to, share: share, purpose: purpose, facts: facts)
            return evaluator.decision(try evaluator.resolve(query, on: Self.day))
        }
        // boekel.covenant, test "Zonder toestemming geen gezondheidsgegevens".
        let withoutConsent = try decide("ggz", "dorpsteam", "health", "support", ["age": .int(30)])
        #expect(withoutConsent.effect == .deny && withoutConsent.decidedBy.isEmpty)
        // "Met toestemming wel, met vastlegging".
        let withConsent = try decide(
            "ggz", "dorpsteam", "health", "support", ["consent": .text("given"), "age": .int(30)])
        #expect(withConsent.effect == .permit && withConsent.decidedBy == ["medisch"])
        #expect(withConsent.obligations.map(\.id) == ["record"] && withConsent.bases == ["consented"])
        // "Ernstig gevaar na triage".
        let danger = try decide(
            "dorpsteam", "politie", "health", "safety", ["safety_risk": .bool(true), "triage": .bool(true)])
        #expect(danger.effect == .permit && danger.decidedBy == ["gevaar"])
        #expect(Set(danger.obligations.map(\.id)) == ["record", "inform"])
    }

    @Test func theTableSaysWhichTableDecided() throws {
        let evaluator = try Self.load()
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        #expect(text.contains("\"sha256\":\"\(evaluator.table.sha256)\""))
        #expect(evaluator.table.metadata.version == "2025.1" && evaluator.table.metadata.language == .en)
        #expect(evaluator.table.sha256 == TableCodec.bodySHA256(evaluator.table))
    }

    /// A table an embedder edits is checked when the evaluator is made: a broken index is a
    /// LoadError with a stable kind, never a trap in decide.
    @Test func anEditedTableIsRefusedNotTrusted() throws {
        let good = try Self.load().table
        var edits: [(TableCodec.LoadError.Kind, DecisionTable)] = []
        var t = good
        t.cellRules[0] = Int32(t.rules.count + 5)
        edits.append((.scopeIndexRule, t))
        t = good
        t.ruleSenderBits.removeLast()
        edits.append((.partyBits, t))
        t = good
        t.cellOffsets[1] = Int32(t.cellRules.count + 1)
        edits.append((.scopeIndex, t))
        t = good
        t.rules[0].condition = Int32(t.nodes.count)
        edits.append((.ruleCondition, t))
        t = good
        t.senderClass.removeLast()
        edits.append((.classLength, t))
        t = good
        t.categories[0].leaves = []
        edits.append((.categoryLeaves, t))
        for (kind, table) in edits {
            #expect(throws: TableCodec.LoadError.self) { try Evaluator(table: table) }
            do {
                _ = try Evaluator(table: table)
            } catch {
                #expect(error.kind == kind, "\(error.message)")
            }
        }
    }

    @Test func damagedBytesAreRefusedWithAKind() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixture))
        func kind(_ bytes: [UInt8]) -> TableCodec.LoadError.Kind? {
            do {
                _ = try TableCodec.decode(bytes)
                return nil
            } catch { return error.kind }
        }
        #expect(kind([]) == .emptyFile)
        #expect(kind(Array("\u{FEFF}".utf8) + bytes) == .reformatted)
        #expect(
            kind(Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8))
                == .reformatted)
        #expect(kind(Array("garbage".utf8)) == .notATable)
        #expect(
            kind(Array("{\n  \"format\": \"covenant-decision-table\",\n  \"formatVersion\": 3\n}".utf8)) == .reformatted
        )
        #expect(kind(Array(bytes.prefix(bytes.count / 2))) == .truncated)
        var flipped = bytes
        let at = bytes.count - 40
        flipped[at] = flipped[at] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        #expect(kind(flipped) == .integrity)
    }

    /// The library words decisions and explanations itself, in both languages: what `covenantc
    /// query` and `explain` print.
    @Test func decisionsAndExplanationsInWords() throws {
        let evaluator = try Self.load()
        let query = try evaluator.resolve(
            Query(from: "ggz", to: "dorpsteam", share: "health", purpose: "support", facts: ["age": .int(30)]),
            on: Self.day)
        let english = evaluator.explain(query, in: .en).text(evaluator.table, in: .en)
        #expect(english.hasPrefix("DENY: denied by default"))
        #expect(english.contains("medisch (permit): when consent == given and age >= 16 failed"))
        #expect(english.contains("permitted with consent = given, by rule medisch"))
        let dutch = evaluator.explain(query, in: .nl).text(evaluator.table, in: .nl)
        #expect(dutch.hasPrefix("GEWEIGERD: geen enkele regel staat verstrekking van health in dit geval toe"))
        #expect(dutch.contains("toegestaan als consent = given, op grond van regel medisch"))
        let permit = try evaluator.resolve(
            Query(
                from: "ggz", to: "dorpsteam", share: "health", purpose: "support",
                facts: ["consent": .text("given"), "age": .int(30)]), on: Self.day)
        #expect(
            evaluator.decision(permit, in: .en).text(evaluator.table, in: .en)
                == """
                PERMIT: permitted by rule medisch
                  decided by: medisch ("Gezondheidsgegevens alleen met toestemming")
                  legal basis: consented (Ondubbelzinnige toestemming (Wbp art. 8 sub a))
                  obligation record "Afweging en besluit vastleggen in het dossier"

                """)
        let json = evaluator.explain(query).json(in: .en).serialized()
        #expect(json.contains(#""facts":{"consent":"none","age":"30"}"#) && json.contains(#""searchComplete":true"#))
    }

    /// One wire line, one answer: what `covenantc eval`, the C library and the Python binding
    /// all write.
    @Test func wireAnswers() throws {
        let evaluator = try Self.load()
        var scratch = DecisionScratch()
        func answer(_ line: String, _ language: Language = .en) -> String {
            evaluator.answer(line: line, today: Self.day, language: language, scratch: &scratch).json(in: language)
                .serialized()
        }
        let permit = answer(
            #"{"id": "q1", "from": "ggz", "to": "dorpsteam", "share": "health", "for": "support","#
                + #" "facts": {"consent": "given", "age": 30}}"#)
        #expect(permit.hasPrefix(#"{"id":"q1","effect":"permit","decidedBy":["medisch"]"#))
        #expect(answer("") == #"{"error":"an empty line: write one JSON query on each line","kind":"emptyLine"}"#)
        let misspelt = answer(
            #"{"id": 7, "from": "ggz", "to": "bjg", "share": "health", "for": "support", "fact": {}}"#)
        #expect(misspelt.hasPrefix(#"{"id":7,"error":"#) && misspelt.hasSuffix(#""kind":"unknownKeyFact"}"#))
        let dutch = answer(#"{"from": "x", "to": "bjg", "share": "health", "for": "support"}"#, .nl)
        #expect(dutch == #"{"error":"er is geen partij met de naam 'x'","kind":"unknownParty"}"#)
    }
}
