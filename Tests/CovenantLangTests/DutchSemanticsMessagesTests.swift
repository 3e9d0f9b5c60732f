import CovenantEval
@testable import CovenantLang
import Testing

/// The resolver's and checker's diagnostics in Dutch: messages, notes and help in the message
/// language, syntax in help in the file's keyword language (also when English messages are
/// asked for), and a hint for `true`/`false` and `ja`/`nee` written in the other language.
@Suite struct DutchSemanticsMessagesTests {
    /// An unknown name, a duplicate, a type mismatch, an English `true`, an exception to
    /// itself and a permit without basis, in a Dutch file.
    static let dutch = """
        taal nl
        convenant "T" { verantwoordelijke a }
        partij a { soort zorg }
        partij b { soort zorg }
        partij a { soort zorg }
        gegevens c
        doel p
        feit f : janee standaard true
        feit n : getal 0..10
        grondslag bs { soort toestemming }
        regel r1 { toestaan a -> bb deel c voor p grondslag bs wanneer n }
        regel r2 uitzondering op r2 { verbieden a -> b deel c voor p }
        regel r3 { toestaan a -> b deel c voor p }

        """

    static func check(_ text: String, _ preference: LanguagePreference = .init()) -> [DiagnosticCode: Diagnostic] {
        let result = Frontend.check(SourceFile(path: "t.covenant", text: text), preference: preference)
        return Dictionary(result.diagnostics.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aDutchFileGetsDutchMessagesNotesAndSyntax() throws {
        let d = Self.check(Self.dutch)
        let unknown = try #require(d[.unknownName])
        #expect(unknown.message == "er is geen partij of groep met de naam 'bb'")
        #expect(unknown.help == "bedoelt u 'b'?")
        #expect(unknown.language == .nl)
        let duplicate = try #require(d[.duplicateName])
        #expect(duplicate.message == "de naam 'a' is al in gebruik voor een partij")
        #expect(duplicate.notes.map(\.message) == ["hier voor het eerst opgenomen"])
        let alone = try #require(d[.typeMismatch])
        #expect(alone.message == "'f' is een ja/nee-feit; de waarde is dus ja of nee, niet 'true'")
        #expect(
            alone.help
                == "'true' is het Engelse woord voor 'ja'; dit bestand gebruikt Nederlandse sleutelwoorden, "
                + "schrijf dus 'ja'"
        )
        #expect(alone.fix?.replacement == "ja")
        let sameEffect = try #require(d[.exceptionSameEffect])
        #expect(sameEffect.notes.map(\.message) == ["'r2' is hier opgenomen"])
        #expect(
            d[.exceptionCycle]?.help
                == "uitzonderingen mogen niet in een kring naar elkaar verwijzen: bepaal welke regel voorgaat en "
                + "schrap de andere 'uitzondering op'"
        )
        #expect(d[.permitWithoutBasis]?.message == "de regel 'r3' staat verstrekking toe, maar noemt geen grondslag")
        #expect(d[.permitWithoutBasis]?.help == "voeg 'grondslag <naam>' toe met een van: bs")
    }

    @Test func englishMessagesOnADutchFileSuggestDutchSyntax() throws {
        let d = Self.check(Self.dutch, LanguagePreference(explicit: .en))
        #expect(d[.unknownName]?.message == "unknown party or group 'bb'")
        #expect(d[.unknownName]?.language == .en)
        #expect(d[.duplicateName]?.message == "'a' is already declared as a party")
        #expect(d[.duplicateName]?.notes.map(\.message) == ["first declared here"])
        #expect(d[.typeMismatch]?.message == "'f' is a yes/no fact, so its value is ja or nee, not 'true'")
        #expect(d[.typeMismatch]?.help == "'true' is English for 'ja'; this file uses Dutch keywords, so write 'ja'")
        #expect(
            d[.exceptionCycle]?.help
                == "an exception graph must have no cycles: decide which rule wins and remove the other "
                + "'uitzondering op'"
        )
        #expect(d[.permitWithoutBasis]?.help == "add 'grondslag <id>' with one of: bs")
    }

    @Test func aNumberAloneAndAnEmptyRangeInDutch() throws {
        let text =
            "taal nl\nconvenant \"T\" { verantwoordelijke a }\npartij a { soort zorg }\ngegevens c\ndoel p\n"
            + "feit n : getal 9..1\nfeit m : getal 0..10\ngrondslag bs { soort toestemming }\n"
            + "regel r { toestaan a -> a deel c voor p grondslag bs wanneer m }\n"
        let result = Frontend.check(SourceFile(path: "t.covenant", text: text))
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("het bereik 9..1 is leeg: 9 is groter dan 1"))
        #expect(
            messages.contains(
                "'m' is een getal (0..10) en geen ja/nee-feit, en kan dus niet op zichzelf als voorwaarde staan"))
        // The fix writes the keyword of the file.
        #expect(result.diagnostics.first { $0.code == .emptyRange }?.fix?.replacement == "getal 1..9")
    }

    @Test func aDutchValueInAnEnglishFileIsNamedOnce() throws {
        let text = Support.prelude + "fact g : bool default nee\n"
        let result = Support.check(text)
        #expect(result.diagnostics.count == 1)
        let d = try #require(result.diagnostics.first)
        #expect(d.message == "'g' is a yes/no fact, so its value is true or false, not 'nee'")
        #expect(d.help == "'nee' is Dutch for 'false'; this file uses English keywords, so write 'false'")
        #expect(d.fix?.replacement == "false")
        let dutch = Frontend.check(
            SourceFile(path: "t.covenant", text: text), preference: LanguagePreference(explicit: .nl)
        ).diagnostics.first
        #expect(
            dutch?.help
                == "'nee' is het Nederlandse woord voor 'false'; dit bestand gebruikt Engelse sleutelwoorden, "
                + "schrijf dus 'false'"
        )
        // A word of neither language keeps the plain help.
        let other = Support.check(Support.prelude + "fact g : bool default yes\n").diagnostics.first
        #expect(other?.help == "write true or false")
        #expect(other?.fix == nil)
    }

    @Test func kindsOfNamesHaveTheirDutchArticles() {
        let nl = Words(.nl)
        #expect(
            [SymbolKind.party, .group, .category, .purpose, .fact, .basis, .obligation, .rule].map { $0.beforeName(nl) }
                == [
                    "de partij", "de groep", "de gegevenscategorie", "het doel", "het feit", "de grondslag",
                    "de verplichting", "de regel",
                ])
        #expect(SymbolKind.obligation.withArticle(Words(.en)) == "an obligation")
        #expect(SymbolKind.category.noun(Words(.en)) == "category")
    }
}
