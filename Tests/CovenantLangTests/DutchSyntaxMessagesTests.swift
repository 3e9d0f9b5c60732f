import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// A file with `taal nl` gets its lexer and parser messages in Dutch; asked for English
/// (`--lang en`), the same file gets English sentences that still suggest Dutch syntax.
@Suite struct DutchSyntaxMessagesTests {
    static let prelude = ParserTests.dutchPrelude

    static func diagnostics(_ text: String, _ language: Language? = nil) -> [Diagnostic] {
        Parser.parse(SourceFile(path: "t.covenant", text: text), preference: LanguagePreference(explicit: language))
            .diagnostics
    }

    /// (message, help, fix-it) of each diagnostic.
    static func shown(_ text: String, _ language: Language? = nil) -> [[String?]] {
        diagnostics(text, language).map { [$0.message, $0.help, $0.fix?.replacement] }
    }

    @Test func aMissingPieceIsExpectedInDutch() {
        let text = Self.prelude + "regel r { toestaan a -> b deel c voor }\n"
        #expect(Self.shown(text) == [["verwacht werd een doel na 'voor', maar dit is '}'", nil, nil]])
        #expect(Self.shown(text, .en) == [["expected a purpose after 'voor', found '}'", nil, nil]])
    }

    @Test func theEndOfTheFileIsNamedInDutch() {
        let text = Self.prelude + "regel r { toestaan a -> b deel c voor"
        let dutch = Self.diagnostics(text)
        #expect(dutch.map(\.message) == ["verwacht werd een doel na 'voor', maar dit is het einde van het bestand"])
        #expect(
            Self.diagnostics(text, .en).map(\.message) == ["expected a purpose after 'voor', found the end of the file"]
        )
        let unclosed = Self.prelude + "partij x { soort zorg\n"
        let note = Self.diagnostics(unclosed).first?.notes.first?.message ?? ""
        #expect(
            Self.diagnostics(unclosed).map(\.message) == [
                "er ontbreekt een '}' om de partij 'x' af te sluiten: het bestand houdt hier op"
            ])
        #expect(note == "de partij 'x' begint hier")
        #expect(
            Self.diagnostics(unclosed, .en).map(\.message) == [
                "expected '}' to close the party 'x', found the end of the file"
            ])
    }

    /// The help names the missing clause with the file's keywords, in either message language.
    @Test func aMissingClauseSuggestsDutchSyntax() {
        let text = Self.prelude + "regel r { toestaan a -> b voor p grondslag bs }\n"
        #expect(
            Self.shown(text) == [
                [
                    "de regel 'r' heeft geen onderdeel 'deel'",
                    "geef aan op welke gegevenscategorieën de regel ziet: 'deel <categorie>, ...'", nil,
                ]
            ])
        #expect(
            Self.shown(text, .en) == [
                [
                    "the rule 'r' has no 'deel' clause",
                    "say which data categories it covers: 'deel <category>, ...'", nil,
                ]
            ])
        let test = Self.prelude + "test \"t\" { verwacht toegestaan }\n"
        #expect(
            Self.shown(test) == [
                [
                    "de test \"t\" heeft geen onderdeel 'vraag'",
                    "voeg 'vraag <verstrekker> -> <ontvanger> deel <categorie> voor <doel>' toe", nil,
                ]
            ])
        #expect(
            Self.shown(test, .en) == [
                [
                    "the test \"t\" has no 'vraag' clause",
                    "add 'vraag <sender> -> <recipient> deel <category> voor <purpose>'", nil,
                ]
            ])
    }

    @Test func anEnglishClauseGetsTheDutchKeyword() {
        let text = Self.prelude + "regel r { toestaan a -> b share c voor p grondslag bs }\n"
        #expect(
            Self.shown(text) == [
                [
                    "'share' is geen onderdeel van de regel 'r'",
                    "'share' is Engels; dit bestand gebruikt Nederlandse sleutelwoorden, schrijf dus 'deel'", "deel",
                ]
            ])
        #expect(
            Self.shown(text, .en) == [
                [
                    "'share' is not a clause of the rule 'r'",
                    "'share' is English; this file uses Dutch keywords, so write 'deel'", "deel",
                ]
            ])
    }

    @Test func anEnglishValueWordGetsTheDutchOne() {
        let text = Self.prelude + "partij x { soort care }\n"
        #expect(
            Self.shown(text) == [
                [
                    "'care' is geen soort partij",
                    "'care' is het Engelse woord; dit bestand gebruikt Nederlandse sleutelwoorden, schrijf dus 'zorg'",
                    "zorg",
                ]
            ])
        let typo = Self.prelude + "partij x { soort zorgg }\n"
        #expect(
            Self.shown(typo) == [
                [
                    "'zorgg' is geen soort partij",
                    "bedoelt u 'zorg'? (de toegestane waarden zijn: overheid, zorg, handhaving, onderwijs, "
                        + "wonen, overig)",
                    "zorg",
                ]
            ])
    }

    @Test func aReservedWordAsANameSuggestsADutchName() {
        let text = Self.prelude + "partij en { soort zorg }\n"
        #expect(
            Self.shown(text) == [
                [
                    "'en' is een sleutelwoord (Nederlands voor 'and') en kan niet als naam dienen",
                    "kies een andere naam, bijvoorbeeld 'en_partij'", "en_partij",
                ]
            ])
    }

    @Test func anUnknownDeclarationInDutch() {
        let text = Self.prelude + "regl r { }\n"
        #expect(Self.shown(text) == [["met 'regl' begint geen bepaling", "bedoelt u 'regel'?", "regel"]])
        let english = Support.prelude + "regel r { }\n"
        #expect(
            Self.shown(english, .nl) == [
                [
                    "met 'regel' begint geen bepaling",
                    "'regel' is Nederlands; dit bestand gebruikt Engelse sleutelwoorden, "
                        + "schrijf dus 'rule' (of begin het bestand met 'taal nl')",
                    "rule",
                ]
            ])
    }

    /// The lexer words its errors in the file's language too, and suggests its keywords.
    @Test func lexicalErrorsInDutch() {
        let text = Self.prelude + "regel r { toestaan a -> b deel c voor p wanneer f && g grondslag bs }\n"
        #expect(Self.shown(text).first == ["'&' is geen operator van de convenanttaal", "schrijf 'en'", nil])
        #expect(Self.shown(text, .en).first == ["'&' is not an operator of the covenant language", "write 'en'", nil])
        let date = Self.prelude + "convenant \"U\" { verantwoordelijke a geldig van 2025-1-1 }\n"
        #expect(Self.diagnostics(date).first?.message == "'2025-1-1' is geen datum in de vorm JJJJ-MM-DD")
    }

    /// Each limit names itself and its value in Dutch.
    @Test func limitsInDutch() {
        var limits = Limits.standard
        limits.maxIdentifierBytes = 20
        let text = Self.prelude + "partij een_veel_te_lange_naam { soort zorg }\n"
        let found = Parser.parse(SourceFile(path: "t", text: text), limits: limits).diagnostics
        #expect(found.map(\.message) == ["deze naam is 22 bytes lang; de grens (maxIdentifierBytes) is 20"])
    }

    /// Every closed list has a name in both languages.
    @Test func everyListIsNamedInBothLanguages() {
        let en = Words(.en), nl = Words(.nl)
        func names<V: ValueWord>(_ type: V.Type) -> [String] { [V.listName(en), V.listName(nl)] }
        let all = [
            names(PartyKind.self), names(Secrecy.self), names(Nature.self), names(SpecialCategory.self),
            names(BasisKind.self), names(TimeUnit.self), names(PurposeKind.self), names(FactRole.self),
            names(ObligationKind.self), names(Actor.self),
        ]
        for pair in all {
            #expect(!pair[0].hasPrefix("keywords.") && !pair[1].hasPrefix("keywords.") && pair[0] != pair[1], "\(pair)")
        }
    }
}
