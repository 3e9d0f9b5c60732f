import CovenantEval
@testable import CovenantLang
import Testing

/// The legal lints read declared roles (LANGUAGE-V2 "Lints that version 2 makes exact"): for
/// each, a covenant that triggers it and one that does not, where version 1's name guessing
/// would have answered wrongly.
@Suite struct LegalLintsV2Tests {
    /// Names chosen so that no version-1 guess would find them: the consent fact is called
    /// `akkoord`, its valid value `specifiek`; the obligations are `a1` and `a2`.
    static let base = """
        covenant "T" { controller college }
        party college { kind government }
        party loket { kind other acts for college }
        party team { kind care }
        party ggz { kind care secrecy medical }
        party politie { kind enforcement }
        party ict { kind other processor for college }
        category dossier {
          category naw { nature that retention 5 years }
          category inhoud { nature what retention 5 years }
          category zorg { nature what special health retention 15 years }
          category cijfers { nature aggregate retention 5 years }
        }
        purpose hulp { kind support }
        purpose gevaar_afwenden { kind safety }
        purpose handhaven { kind enforcement }
        fact akkoord : specifiek | algemeen | geen | geweigerd default geen { role consent valid specifiek }
        fact jaren : int 0..130 { role age }
        fact ouders : bool default false { role representative }
        fact nood : bool default false { fixed }
        basis toestemming { kind consent }
        basis taak { kind public_task }
        basis vitaal { kind vital_interest }
        basis wet { kind law }
        obligation a1 "Betrokkene informeren" { kind inform }
        obligation a2 "Besluit vastleggen" { kind record }

        """

    static func codes(_ rules: String, base: String = base) throws -> [String] {
        let source = SourceFile(path: "t.covenant", text: base + rules)
        let result = Frontend.check(source)
        let model = try #require(result.model, "\(Support.rendered(result))")
        let syntax = try #require(result.syntax)
        return Review.findings(syntax, model, Compiler.compile(model, source: source)).map(\.code.rawValue).filter {
            $0.hasPrefix("L")
        }
    }

    @Test func consentRequiredReadsTheValidValuesAndTheRepresentative() throws {
        // `algemeen` (general consent) is not valid consent: a rule that accepts it does not require consent.
        #expect(
            try Self.codes(
                "rule r { permit team -> team share naw for hulp when akkoord != geen and jaren >= 16"
                    + " basis toestemming }\n"
            ).contains("L202"))
        #expect(
            try !Self.codes(
                "rule r { permit team -> team share naw for hulp when akkoord == specifiek and jaren >= 16"
                    + " basis toestemming }\n"
            ).contains("L202"))
        // The representative's consent counts as consent.
        #expect(
            try !Self.codes(
                "rule r { permit team -> team share naw for hulp when (akkoord == specifiek and jaren >= 16) "
                    + "or (ouders and jaren < 16) basis toestemming }\n"
            ).contains("L202"))
        // No consent role at all: said so, not guessed from the name 'consent'.
        let noRole = Self.base.replacingOccurrences(of: " { role consent valid specifiek }", with: "")
        #expect(
            try Self.codes(
                "rule r { permit team -> team share naw for hulp when akkoord == specifiek and jaren >= 16"
                    + " basis toestemming }\n",
                base: noRole
            ).contains("L202"))
    }

    @Test func minorsAreExact() throws {
        let adult =
            "rule r { permit team -> team share naw for hulp when akkoord == specifiek and jaren >= 16"
            + " basis toestemming }\n"
        #expect(try !Self.codes(adult).contains("L203"))
        let young =
            "rule r { permit team -> team share naw for hulp when akkoord == specifiek and jaren >= 12"
            + " basis toestemming }\n"
        #expect(try Self.codes(young).contains("L203"))
        let both =
            "rule r { permit team -> team share naw for hulp when akkoord == specifiek and ouders and jaren >= 12 "
            + "basis toestemming }\n"
        #expect(try !Self.codes(both).contains("L203"))
        let child = "rule r { permit team -> team share naw for hulp when ouders and jaren < 12 basis toestemming }\n"
        #expect(try !Self.codes(child).contains("L203"))
        let childOwnConsent =
            "rule r { permit team -> team share naw for hulp when akkoord == specifiek and jaren < 12"
            + " basis toestemming }\n"
        #expect(try Self.codes(childOwnConsent).contains("L203"))
        // Aggregates are not personal data: no minors rule applies.
        #expect(
            try !Self.codes(
                "rule r { permit team -> team share cijfers for hulp when akkoord == specifiek basis toestemming }\n"
            ).contains("L203"))
    }

    @Test func exceptionalGroundsNeedRecordAndInformByKind() throws {
        let without = "rule r { permit team -> college share inhoud for gevaar_afwenden when nood basis vitaal }\n"
        #expect(try Self.codes(without).filter { ["L204", "L205"].contains($0) } == ["L204", "L205"])
        // Obligations named a1/a2 are recognised by their kind; a postponed inform counts.
        let with =
            "rule r { permit team -> college share inhoud for gevaar_afwenden when nood basis vitaal oblige a2, "
            + "recipient a1 within 4 weeks postponed while nood }\n"
        #expect(try Self.codes(with).filter { ["L204", "L205"].contains($0) }.isEmpty)
        // Consent given: not sharing without consent.
        #expect(
            try Self.codes(
                "rule r { permit team -> college share inhoud for gevaar_afwenden when nood and akkoord == specifiek "
                    + "and jaren >= 16 basis vitaal, toestemming oblige a2 }\n"
            ).filter { $0 == "L205" }.isEmpty)
    }

    @Test func routineSharingInformsUnlessToOwnProcessorOrAggregate() throws {
        #expect(try Self.codes("rule r { permit college -> team share naw for hulp basis taak }\n").contains("L206"))
        #expect(
            try !Self.codes("rule r { permit college -> team share naw for hulp basis taak oblige a1 before }\n")
                .contains("L206"))
        #expect(
            try !Self.codes("rule r { permit college, loket -> ict share naw for hulp basis taak }\n").contains("L206"))
        #expect(
            try !Self.codes("rule r { permit college -> team share cijfers for hulp basis taak }\n").contains("L206"))
    }

    @Test func consentFromGovernmentIncludesMandate() throws {
        // The front desk acts for the college: the factsheet's point holds for it too.
        #expect(
            try Self.codes(
                "rule r { permit loket -> team share naw for hulp when akkoord == specifiek and jaren >= 16"
                    + " basis toestemming oblige a1 }\n"
            ).contains("L207"))
        #expect(
            try !Self.codes(
                "rule r { permit team -> team share naw for hulp when akkoord == specifiek and jaren >= 16"
                    + " basis toestemming }\n"
            ).contains("L207"))
        // Special categories are the factsheet's own specific-consent case.
        #expect(
            try !Self.codes(
                "rule r { permit loket -> team share zorg for hulp when akkoord == specifiek and jaren >= 16"
                    + " basis toestemming }\n"
            ).contains("L207"))
    }

    @Test func careToEnforcementReadsThePurposeKind() throws {
        // A vital interest for an enforcement purpose passes version 1's name-free check but not this one.
        let enforcement =
            "rule r { permit ggz -> politie share inhoud for handhaven when nood basis vitaal oblige a1, a2 }\n"
        #expect(try Self.codes(enforcement).contains("L208"))
        #expect(try Self.codes(enforcement).contains("L214"))
        let safety =
            "rule r { permit ggz -> politie share inhoud for gevaar_afwenden when nood basis vitaal oblige a1, a2 }\n"
        #expect(try !Self.codes(safety).contains("L208"))
        #expect(
            try !Self.codes("rule r { permit ggz -> politie share inhoud for handhaven basis wet oblige a1 }\n")
                .contains("L208"))
        #expect(
            try !Self.codes("rule r { permit ggz -> politie share naw for handhaven basis taak oblige a1 }\n").contains(
                "L208"))
    }

    @Test func withoutRolesTheReviewGuessesAndSaysSo() throws {
        let v1 = Support.prelude + "rule r { permit a -> b share c for p when f basis bs }\n"
        let source = SourceFile(path: "v1.covenant", text: v1)
        let result = Frontend.check(source)
        let model = try #require(result.model)
        let findings = Review.findings(try #require(result.syntax), model, Compiler.compile(model, source: source))
        #expect(findings.filter { $0.code == .rolesNotDeclared }.count == 1)
        #expect(findings.first { $0.code == .rolesNotDeclared }?.severity == .note)
        #expect(try !Self.codes("rule r { permit team -> team share cijfers for hulp basis taak }\n").contains("L220"))
    }
}
