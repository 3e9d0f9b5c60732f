@testable import covenantc
import Foundation
import Testing

/// A covenant written in Dutch keywords is answered in Dutch; `--lang en` answers in English.
@Suite struct DutchOutputTests {
    static let dutch = CLISupport.covenants + "/boekel-nl.covenant"
    static let english = CLISupport.covenants + "/boekel.covenant"

    @Test func queryAnswersInTheCovenantsLanguage() {
        let permit = CLISupport.run([
            "query", "--date", "2026-03-01", Self.dutch,
            "ggz -> dorpsteam deel health voor support met consent = given, age = 30",
        ])
        #expect(
            permit.out == """
                TOEGESTAAN op grond van regel medisch
                  beslist door: medisch ("Gezondheidsgegevens alleen met toestemming")
                  grondslag: consented (Ondubbelzinnige toestemming (Wbp art. 8 sub a))
                  verplichting record "Afweging en besluit vastleggen in het dossier"

                """)
        let english = CLISupport.run([
            "query", "--lang", "en", "--date", "2026-03-01", Self.dutch,
            "ggz -> dorpsteam deel health voor support met consent = given, age = 30",
        ])
        #expect(english.out.hasPrefix("PERMIT: permitted by rule medisch\n  decided by: medisch"))
        let waived = CLISupport.run([
            "query", "--date", "2026-03-01", Self.dutch,
            "dorpsteam -> politie deel content voor safety met safety_risk = ja, triage = ja, investigation = ja",
        ])
        #expect(
            waived.out.contains(
                "  verplichting inform \"Betrokkene informeren over de verstrekking\", binnen 4 weken: vervallen, "
                    + "omdat aan de voorwaarde investigation is voldaan (regel gevaar)\n"
            ))
        let english2 = CLISupport.run([
            "query", "--lang", "nl", "--date", "2026-03-01", Self.english,
            "ggz -> dorpsteam share health for support given age = 30",
        ])
        #expect(
            english2.out
                == "GEWEIGERD: geen enkele regel staat verstrekking van health in dit geval toe (nee, tenzij)\n")
        let late = CLISupport.run([
            "query", "--date", "2031-01-01", Self.dutch, "ggz -> dorpsteam deel health voor support",
        ])
        #expect(
            late.out
                == "GEWEIGERD: het convenant is op 2031-01-01 niet van kracht (geldig van 2025-01-01 tot en met "
                + "2028-12-31)\n"
        )
    }

    @Test func explainInDutch() {
        let r = CLISupport.run([
            "explain", "--date", "2026-03-01", Self.dutch, "ggz -> dorpsteam deel health voor support met age = 30",
        ])
        #expect(r.out.contains("regels die zien op health:\n"))
        #expect(
            r.out.contains(
                "  medisch (toestaan): voorwaarde consent == given en age >= 16: niet voldaan [consent = none, "
                    + "age = 30]; niet van toepassing\n"
            ))
        #expect(r.out.hasSuffix("toegestaan als consent = given, op grond van regel medisch\n"))
        let defeated = CLISupport.run([
            "explain", "--date", "2026-03-01", Self.dutch,
            "dorpsteam -> politie deel health voor safety met safety_risk = ja, triage = ja",
        ])
        #expect(
            defeated.out.contains(
                "  geen_politie (verbieden): zonder voorwaarde; van toepassing, maar opzijgezet door uitzondering "
                    + "gevaar\n"
            ))
        #expect(
            defeated.out.contains(
                "  gevaar (toestaan): voorwaarde safety_risk en triage en consent != given: voldaan [safety_risk = ja, "
                    + "triage = ja, consent = none]; van toepassing\n"
            ))
    }

    /// The Markdown for a council proposal reads as a Dutch annex.
    @Test func diffInDutch() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOfFile: Self.dutch, encoding: .utf8).replacingOccurrences(
            of: "tot 2028-12-31", with: "tot 2030-12-31")
        let rule = try #require(text.range(of: "regel medisch"))
        let oblige = try #require(text.range(of: "verplicht record", range: rule.upperBound..<text.endIndex))
        text.replaceSubrange(oblige, with: "verplicht record, inform achteraf")
        let new = dir.appendingPathComponent("nieuw.covenant")
        try text.write(to: new, atomically: true, encoding: .utf8)
        let plain = CLISupport.run(["diff", Self.dutch, new.path])
        #expect(plain.code == 1)
        #expect(
            plain.out.hasPrefix(
                "geldigheid gewijzigd: was geldig van 2025-01-01 tot en met 2028-12-31; "
                    + "wordt geldig van 2025-01-01 tot en met 2030-12-31\n"
            ))
        #expect(
            plain.out.contains(
                "andere verplichtingen: ggz → dorpsteam, bjg, health, voor support, case_meeting, als consent = given, "
                    + "age in 16..130 — was: toegestaan op grond van regel medisch, grondslag consented, verplicht: "
                    + "record; wordt: toegestaan op grond van regel medisch, grondslag consented, verplicht: "
                    + "inform achteraf, record (12 gevallen)\n"
            ))
        #expect(plain.out.hasSuffix("andere verplichtingen in 12 gevallen (1 wijziging)\n"))
        let markdown = CLISupport.run(["diff", "--format", "markdown", Self.dutch, new.path])
        #expect(markdown.out.hasPrefix("## Wat de wijziging verandert: "))
        #expect(markdown.out.contains("| wijziging | gevallen |\n| --- | --- |\n| andere verplichtingen | 12 |\n"))
        let english = CLISupport.run(["diff", "--lang", "en", Self.dutch, new.path])
        #expect(english.out.hasSuffix("12 cases obligations changed (1 statement)\n"))
        let json = CLISupport.run(["diff", "--format", "json", Self.dutch, new.path])
        #expect(json.out.contains(#""change":"obligations changed""#))
        #expect(
            CLISupport.run(["diff", Self.dutch, Self.dutch]).out == "geen wijziging in wat het convenant beslist\n")
    }

    @Test func evalWritesReasonsInTheLanguageAndKeepsTheKeys() {
        let line =
            #"{"from":"ggz","to":"dorpsteam","share":"health","for":"support","facts":{"consent":"given","age":30}}"#
        let nl = CLISupport.run(["eval", "--date", "2026-03-01", Self.dutch], input: [line])
        #expect(
            nl.out.contains(#""effect":"permit","decidedBy":["medisch"]"#)
                && nl.out.contains(#""reason":"toegestaan op grond van regel medisch""#))
        let env = CLISupport.run(["eval", "--lang", "en", "--date", "2026-03-01", Self.dutch], input: [line])
        #expect(env.out.contains(#""reason":"permitted by rule medisch""#))
        #expect(CLISupport.run(["eval", "--lang", "fr", Self.dutch], input: [line]).code == 2)
    }
}
