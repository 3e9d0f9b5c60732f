import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// The review (A1xx, L2xx) speaks the user's language, and the syntax it suggests is the
/// file's: a Dutch file gets `verplicht vastleggen` in its help even when the user asks for
/// English messages, and an English file gets `oblige record` in a Dutch message.
@Suite struct DutchReviewMessagesTests {
    /// A Dutch covenant without tests (L213), without a consent fact (L212), sharing on a vital
    /// interest without recording the decision (L204), whose only permit a forbid always
    /// overrides (A102, with a witness) and with a party no rule uses (A105).
    static let dutch = """
        taal nl
        convenant "Proef" { verantwoordelijke college }
        partij college "College van B&W" { soort overheid }
        partij team "Wijkteam" { soort zorg }
        partij niemand "Niet gebruikt" { soort overig }
        gegevens dossier "Dossier" { aard wat bewaartermijn 5 jaar }
        doel gevaar "Gevaar afwenden" { soort veiligheid }
        feit nood "Ernstig gevaar" : janee standaard nee
        grondslag vitaal "Vitaal belang" { soort vitaal_belang }
        verplichting informeren "Betrokkene informeren" { soort informeren }
        regel bij_gevaar "Bij ernstig gevaar" {
          toestaan team -> college
          deel dossier
          voor gevaar
          wanneer nood
          grondslag vitaal
          verplicht informeren achteraf
        }
        regel nooit "Nooit verstrekken" {
          verbieden team -> college
          deel dossier
          voor gevaar
        }

        """

    static func review(_ text: String, _ preference: LanguagePreference = .init()) throws -> (SourceFile, [Diagnostic])
    {
        let source = SourceFile(path: "proef.covenant", text: text)
        let result = Frontend.check(source, preference: preference)
        let model = try #require(result.model, "\(Support.rendered(result))")
        let findings = Review.findings(try #require(result.syntax), model, Compiler.compile(model, source: source))
        return (source, findings)
    }

    static func finding(_ code: String, in findings: [Diagnostic]) throws -> Diagnostic {
        try #require(findings.first { $0.code.rawValue == code }, "no \(code) in \(findings.map(\.code.rawValue))")
    }

    @Test func aDutchFileIsReviewedInDutchWithDutchSyntax() throws {
        let (source, findings) = try Self.review(Self.dutch)
        #expect(Set(findings.map(\.code.rawValue)).isSuperset(of: ["A102", "A105", "L204", "L212", "L213"]))
        #expect(findings.allSatisfy { $0.language == .nl })

        let l204 = try Self.finding("L204", in: findings)
        #expect(
            l204.message
                == "regel 'bij_gevaar' staat verstrekking zonder toestemming toe op een uitzonderingsgrond, "
                + "maar verplicht niet tot vastlegging van het besluit"
        )
        #expect(
            l204.help
                == "voeg een verplichting van de soort vastleggen toe, bijvoorbeeld 'verplichting vastleggen "
                + "\"Afweging en besluit vastleggen\" { soort vastleggen }', en 'verplicht vastleggen'"
        )

        let l212 = try Self.finding("L212", in: findings)
        #expect(
            l212.message
                == "het convenant \"Proef\" kent geen toestemmingsfeit (geen feit heeft 'rol toestemming') "
                + "en kan dus niet beschrijven in welke gevallen gegevens zonder toestemming worden verstrekt"
        )

        let l213 = try Self.finding("L213", in: findings)
        #expect(l213.message == "het convenant \"Proef\" bevat geen tests")
        #expect(
            l213.help
                == "voeg tests 'test \"...\" { vraag ... verwacht ... }' toe voor de gevallen waarin het convenant een "
                + "antwoord moet geven"
        )

        let a102 = try Self.finding("A102", in: findings)
        #expect(
            a102.message
                == "regel 'bij_gevaar' staat verstrekking toe, maar beslist nooit: telkens als de regel van toepassing "
                + "is, gaat verbod 'nooit' voor"
        )
        #expect(
            a102.help == "is de regel als uitzondering bedoeld, schrijf dan 'regel bij_gevaar uitzondering op nooit'")
        // The witness is a query as the file would write it.
        #expect(a102.witness == "team -> college deel dossier voor gevaar met nood = ja")

        #expect(
            try Self.finding("A105", in: findings).message
                == "partij 'niemand' is opgenomen, maar wordt in geen enkele regel gebruikt")

        // The renderer labels and explains in Dutch too; a finding without its own help gets
        // the code's Dutch rationale.
        let rendered = DiagnosticRenderer(files: [source]).render(findings)
        #expect(rendered.contains("waarschuwing[L204]"))
        #expect(
            rendered.contains(
                "beginsel: beginsel 7, verstrekking zonder toestemming vraagt een vastgelegd besluit (bronnen 001 "
                    + "§3.4; 004 §3.3)"
            ))
        #expect(
            !rendered.contains("warning") && !rendered.contains(" the ") && !rendered.contains("rule '"), "\(rendered)")
    }

    @Test func englishMessagesOnADutchFileStillSuggestDutchSyntax() throws {
        let (_, findings) = try Self.review(Self.dutch, LanguagePreference(explicit: .en))
        #expect(findings.allSatisfy { $0.language == .en })

        let l204 = try Self.finding("L204", in: findings)
        #expect(
            l204.message
                == "rule 'bij_gevaar' shares without consent on an exceptional ground but does not oblige recording "
                + "the decision"
        )
        #expect(
            l204.help
                == "add an obligation of kind vastleggen, for example 'verplichting vastleggen \"Afweging en besluit "
                + "vastleggen\" { soort vastleggen }', and 'verplicht vastleggen'"
        )

        let l212 = try Self.finding("L212", in: findings)
        #expect(
            l212.message
                == "the covenant \"Proef\" declares no consent fact (no fact has 'rol toestemming'), "
                + "so it cannot say when data is shared without consent"
        )

        let l213 = try Self.finding("L213", in: findings)
        #expect(l213.message == "the covenant \"Proef\" has no test blocks")
        #expect(
            l213.help == "add 'test \"...\" { vraag ... verwacht ... }' blocks for the cases the covenant must answer")

        let a102 = try Self.finding("A102", in: findings)
        #expect(a102.message == "permit 'bij_gevaar' never decides: whenever it applies, forbid 'nooit' overrides it")
        #expect(a102.help == "if the permit is meant as an exception, write 'regel bij_gevaar uitzondering op nooit'")
        #expect(a102.witness == "team -> college deel dossier voor gevaar met nood = ja")
    }

    @Test func dutchMessagesOnAnEnglishFileSuggestEnglishSyntax() throws {
        let english =
            Support.prelude + """
                basis vital { kind vital_interest }
                obligation tell { kind inform }
                rule r { permit a -> b share c for p when f basis vital oblige tell after }

                """
        let (_, findings) = try Self.review(english, LanguagePreference(explicit: .nl))
        let l204 = try Self.finding("L204", in: findings)
        #expect(
            l204.message
                == "regel 'r' staat verstrekking zonder toestemming toe op een uitzonderingsgrond, "
                + "maar verplicht niet tot vastlegging van het besluit"
        )
        #expect(
            l204.help
                == "voeg een verplichting van de soort record toe, bijvoorbeeld 'obligation record \"Afweging en "
                + "besluit vastleggen\" { kind record }', en 'oblige record'"
        )
        #expect(
            try Self.finding("L213", in: findings).help
                == "voeg tests 'test \"...\" { query ... expect ... }' toe voor de gevallen waarin het convenant een "
                + "antwoord moet geven"
        )
    }

    /// The acknowledgement without a reason is worded in the message language.
    @Test func anAcknowledgementWithoutAReasonSaysSoInDutch() throws {
        let text = Self.dutch.replacingOccurrences(
            of: "regel bij_gevaar", with: "// covenant:allow L204\nregel bij_gevaar")
        let (_, dutch) = try Self.review(text)
        #expect(try Self.finding("L204", in: dutch).acknowledgement == "(geen reden opgegeven)")
        let (_, english) = try Self.review(text, LanguagePreference(explicit: .en))
        #expect(try Self.finding("L204", in: english).acknowledgement == "(no reason given)")
    }

    /// The Dutch covenants of the repository are reviewed without an English sentence.
    @Test func theDutchCovenantsAreReviewedInDutch() throws {
        for name in ["noaberkracht.covenant", "boekel-nl.covenant"] {
            let url = Support.root.appendingPathComponent("covenants").appendingPathComponent(name)
            let source = SourceFile(path: name, text: try String(contentsOf: url, encoding: .utf8))
            let result = Frontend.check(source)
            let model = try #require(result.model)
            let findings = Review.findings(
                try #require(result.syntax), model, Compiler.compile(model, source: source),
                budget: 3, today: CalendarDate("2026-11-30"))
            #expect(!findings.isEmpty)
            for finding in findings {
                let parts = [finding.message, finding.help ?? "", finding.acknowledgement ?? ""]
                let text = (parts + finding.notes.map(\.message)).joined(separator: " | ")
                for english in [" the ", " rule ", " with ", " and ", " not ", " permit", "declared"] {
                    #expect(!text.contains(english), "\(name): \(finding.code.rawValue): \(text)")
                }
            }
        }
    }

    /// Every `lint.` key the analysis uses is in the catalogue, also where the key is chosen by
    /// a condition (`words(one ? "….one" : "….many")`), which WordsTests' pattern does not see.
    @Test func everyLintKeyIsInTheCatalogue() throws {
        let used = try SourceKeys.used(in: "Sources/CovenantLang/Analysis", pattern: #""(lint\.[A-Za-z0-9_.]+)""#)
        #expect(used.count > 80)
        for (key, place) in used where Words.catalogue[key] == nil {
            Issue.record("\(place): the key '\(key)' is not in Words.catalogue")
        }
    }
}
