import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

@Suite struct ParserTests {
    static func covenant(_ name: String) throws -> String {
        try String(contentsOf: Support.root.appendingPathComponent("covenants/\(name)"), encoding: .utf8)
    }

    /// The example of the specification (docs/language.md) parses unchanged: boekel.covenant
    /// holds it verbatim (after its header comment).
    @Test func languageExampleParsesUnchanged() throws {
        let text = try Self.covenant("boekel.covenant")
        let spec = Support.root.appendingPathComponent("docs/language.md")
        let markdown = try String(contentsOf: spec, encoding: .utf8)
        let afterHeading = try #require(
            markdown.components(separatedBy: "## Example (English keywords)").dropFirst().first)
        let example = afterHeading.components(separatedBy: "```")[1].drop { $0 != "\n" }.dropFirst()
        #expect(
            text.contains(example), "covenants/boekel.covenant must contain the example of docs/language.md verbatim")
        let result = Support.check(text)
        #expect(result.diagnostics.isEmpty, "\(Support.rendered(result))")
        let model = try #require(result.model)
        #expect(model.parties.map(\.id) == ["college", "dorpsteam", "bjg", "ggz", "veilig_thuis", "politie"])
        #expect(model.rules.map(\.id) == ["dat_informatie", "medisch", "geen_politie", "gevaar"])
        #expect(model.tests.count == 3)
        #expect(model.title == "Privacyconvenant Sociaal Domein Boekel")
        #expect(model.controller == 0)
        #expect(model.validFrom == "2025-01-01" && model.validUntil == "2028-12-31")
    }

    @Test func everyNodeHasAnExactRange() throws {
        let text = try Self.covenant("boekel.covenant")
        let file = try #require(Parser.parse(SourceFile(path: "b.covenant", text: text)).file)
        let bytes = Array(text.utf8)
        func slice(_ r: SourceRange) -> String { String(decoding: bytes[r.start.offset..<r.end.offset], as: UTF8.self) }
        guard
            case .rule(let gevaar) = file.declarations.first(where: {
                if case .rule(let r) = $0 { r.id.name == "gevaar" } else { false }
            })
        else {
            Issue.record("rule gevaar not found")
            return
        }
        #expect(slice(gevaar.id.range) == "gevaar")
        #expect(gevaar.id.range.file == "b.covenant")
        #expect(slice(gevaar.range).hasPrefix("rule gevaar") && slice(gevaar.range).hasSuffix("}"))
        #expect(slice(try #require(gevaar.condition).range) == "safety_risk and triage and consent != given")
        let inform = try #require(gevaar.obligations?.last)
        #expect(slice(inform.range) == "inform within 4 weeks unless investigation")
        let line =
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("rule gevaar") }!
            + 1
        #expect(gevaar.range.start.line == line && gevaar.range.start.column == 1)
    }

    /// English and Dutch keywords give the same covenant.
    @Test func dutchAndEnglishGiveTheSameModel() throws {
        let en = try #require(Support.check(try Self.covenant("boekel.covenant")).model)
        let nl = try #require(Support.check(try Self.covenant("boekel-nl.covenant")).model)
        #expect(nl.language == .nl && en.language == .en)
        #expect(
            en.parties.map { [$0.id, $0.kind.rawValue, $0.secrecy.rawValue] }
                == nl.parties.map { [$0.id, $0.kind.rawValue, $0.secrecy.rawValue] })
        #expect(en.groups.map(\.parties) == nl.groups.map(\.parties))
        #expect(
            en.categories.map {
                "\($0.id) \($0.parent ?? -1) \(String(describing: $0.nature)) \(String(describing: $0.special)) "
                    + "\(String(describing: $0.retention.map { ($0.amount, $0.unit) }))"
            }
                == nl.categories.map {
                    "\($0.id) \($0.parent ?? -1) \(String(describing: $0.nature)) \(String(describing: $0.special)) "
                        + "\(String(describing: $0.retention.map { ($0.amount, $0.unit) }))"
                })
        #expect(
            en.facts.map { "\($0.id) \($0.type) \(String(describing: $0.defaultValue))" }
                == nl.facts.map { "\($0.id) \($0.type) \(String(describing: $0.defaultValue))" })
        func shape(_ r: RuleInfo) -> String {
            let obligations = r.obligations.map {
                let timing = $0.timing.map {
                    "\($0)".replacingOccurrences(of: #"range: [^)]*\)\)"#, with: "", options: .regularExpression)
                }
                return "\($0.obligation) \(String(describing: timing)) \(String(describing: $0.unless))"
            }
            return "\(r.id) \(r.effect) \(r.senders) \(r.recipients) \(r.categories) \(r.purposes) "
                + "\(String(describing: r.condition)) \(r.bases) \(obligations) \(String(describing: r.exceptionTo))"
        }
        #expect(en.rules.map(shape) == nl.rules.map(shape))
        #expect(en.tests.map(\.query) == nl.tests.map(\.query))
        #expect(en.tests.map(\.expectedEffect) == nl.tests.map(\.expectedEffect))
        #expect(en.tests.map(\.expectedRules) == nl.tests.map(\.expectedRules))
        #expect(en.tests.map(\.expectedObligations) == nl.tests.map(\.expectedObligations))
    }

    /// Several independent errors in one file are all reported, each once, in order.
    @Test func recoversAndReportsEveryIndependentError() {
        let text =
            Support.prelude + """
                party g { knd care }
                group h a, b
                rule r1 { permit a -> b shar c for p basis bs }
                rule r2 { permit a -> zz share c for p basis bs }
                partty x { kind care }
                rule r3 { permit a -> b share c for p when f == 3 basis bs }
                fact n : int 9..1
                test "t" { query a -> b share c for q expect permit }

                """
        let result = Support.check(text)
        let found = result.diagnostics.map { "\($0.code.rawValue)@\($0.range.start.line)" }
        #expect(
            found == ["E111@8", "E110@9", "E111@10", "E201@11", "E111@12", "E301@13", "E304@14", "E201@15"],
            "\(Support.rendered(result))")
        #expect(result.model == nil)
    }

    @Test func missingClosingBraceIsReportedAtTheNextDeclaration() {
        let result = Support.check(Support.prelude + "party g { kind care\nparty h { kind care }\n")
        #expect(result.diagnostics.map(\.code) == [.unexpectedToken])
        #expect(result.diagnostics.first?.message == "expected '}' to close the party 'g' before this party")
        #expect(result.diagnostics.first?.range.start.line == 9)
    }

    /// With English messages asked for (`--lang en`); in Dutch see DutchSyntaxMessagesTests.
    @Test func englishWordInADutchFileGetsTheDutchSpelling() {
        let text = "taal nl\nconvenant \"T\" { verantwoordelijke a }\npartij a { soort care }\nparty b { soort zorg }\n"
        let result = Frontend.check(
            SourceFile(path: "test.covenant", text: text), preference: LanguagePreference(explicit: .en))
        #expect(result.diagnostics.map(\.code) == [.invalidValueWord, .unknownClause])
        #expect(
            result.diagnostics[0].help == "'care' is the English word; this file uses Dutch keywords, so write 'zorg'")
        #expect(result.diagnostics[0].fix?.replacement == "zorg")
        #expect(result.diagnostics[1].help == "'party' is English; this file uses Dutch keywords, so write 'partij'")
    }

    @Test func dutchBoolWordsAndEnumValuesNamedJa() {
        let text =
            "taal nl\nconvenant \"T\" { verantwoordelijke a }\npartij a { soort zorg }\ngegevens c\ndoel p\n"
            + "feit antwoord : ja | nee | onbekend standaard onbekend\nfeit risico : janee standaard nee\n"
            + "grondslag g { soort publieke_taak }\n"
            + "regel r { toestaan a -> a deel c voor p wanneer antwoord == ja en risico == ja grondslag g }\n"
        let result = Support.check(text)
        #expect(result.diagnostics.isEmpty, "\(Support.rendered(result))")
        let model = result.model
        #expect(model?.facts[0].defaultValue == .enumeration(2))
        #expect(
            model?.rules[0].condition
                == .and(.compare(fact: 0, .eq, .enumeration(0)), .compare(fact: 1, .eq, .bool(true))))
    }

    @Test func conditionPrecedence() throws {
        let text =
            Support.prelude
            + "fact g : bool\nfact h : bool\nrule r { permit a -> b share c for p when f or g and not h basis bs }\n"
        let model = try #require(Support.check(text).model)
        #expect(model.rules[0].condition == .or(.truth(fact: 0), .and(.truth(fact: 1), .not(.truth(fact: 2)))))
    }

    @Test func commentsAreKeptWithTheirPlace() throws {
        let text = "// head\ncovenant \"T\" { controller a } // trailing\nparty a { kind care }\n"
        let file = try #require(Parser.parse(SourceFile(path: "c", text: text)).file)
        #expect(file.comments.map(\.text) == ["// head", "// trailing"])
        #expect(file.comments.map(\.trailing) == [false, true])
    }

    // MARK: Keywords of the other language

    /// The parser's diagnostics only (no name or type checks), for inputs whose names are fine.
    static func syntax(_ text: String, _ preference: LanguagePreference = .init()) -> [Diagnostic] {
        Parser.parse(SourceFile(path: "test.covenant", text: text), preference: preference).diagnostics
    }

    /// The text with a diagnostic's fix-it applied.
    static func applying(_ fix: FixIt?, to text: String) -> String {
        guard let fix else { return text }
        let bytes = Array(text.utf8)
        return String(
            decoding: bytes[..<fix.range.start.offset] + Array(fix.replacement.utf8) + bytes[fix.range.end.offset...],
            as: UTF8.self)
    }

    static let dutchPrelude = """
        taal nl
        convenant "T" { verantwoordelijke a }
        partij a { soort zorg }
        partij b { soort zorg }
        gegevens c
        doel p
        feit f : janee
        feit g : janee
        grondslag bs { soort toestemming }
        verplichting o

        """

    @Test func dutchAndInAnEnglishFile() throws {
        let text = Support.prelude + "fact g : bool\nrule r { permit a -> b share c for p when f en g basis bs }\n"
        let result = Support.check(text)
        let d = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1, "\(Support.rendered(result))")
        #expect(d.code == .unexpectedToken)
        #expect(d.message == "'en' is a Dutch keyword in a file with English keywords")
        #expect(d.help == "'en' is Dutch for 'and'; this file uses English keywords, so write 'and'")
        #expect(d.fix?.replacement == "and")
        // The rest of the condition was read as meant, and the fix makes the file clean.
        #expect(Support.check(Self.applying(d.fix, to: text)).diagnostics.isEmpty)
        // Dutch messages on the same English file: the syntax stays English.
        let dutch = Frontend.check(
            SourceFile(path: "test.covenant", text: text), preference: LanguagePreference(explicit: .nl))
        #expect(
            dutch.diagnostics.first?.message
                == "'en' is een Nederlands sleutelwoord in een bestand met Engelse sleutelwoorden")
        #expect(
            dutch.diagnostics.first?.help
                == "'en' is het Nederlandse woord voor 'and'; dit bestand gebruikt Engelse sleutelwoorden, "
                + "schrijf dus 'and'"
        )
        #expect(dutch.diagnostics.first?.fix?.replacement == "and")
    }

    @Test func englishAndInADutchFile() throws {
        let text = Self.dutchPrelude + "regel r { toestaan a -> b deel c voor p wanneer f and g grondslag bs }\n"
        let result = Support.check(text)
        let d = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1, "\(Support.rendered(result))")
        #expect(d.message == "'and' is een Engels sleutelwoord in een bestand met Nederlandse sleutelwoorden")
        #expect(
            d.help
                == "'and' is het Engelse woord voor 'en'; dit bestand gebruikt Nederlandse sleutelwoorden, "
                + "schrijf dus 'en'"
        )
        #expect(d.fix?.replacement == "en")
        #expect(Support.check(Self.applying(d.fix, to: text)).diagnostics.isEmpty)
        let english = Frontend.check(
            SourceFile(path: "test.covenant", text: text), preference: LanguagePreference(explicit: .en))
        #expect(english.diagnostics.first?.message == "'and' is an English keyword in a file with Dutch keywords")
        #expect(
            english.diagnostics.first?.help == "'and' is English for 'en'; this file uses Dutch keywords, so write 'en'"
        )
    }

    /// `true` is a value, not a keyword, to the parser: the checker, which knows the fact is
    /// yes/no, gives the hint.
    @Test func englishTrueInADutchFile() throws {
        let text = Self.dutchPrelude + "regel r { toestaan a -> b deel c voor p wanneer f == true grondslag bs }\n"
        let result = Support.check(text)
        let d = try #require(result.diagnostics.first { $0.fix != nil })
        #expect(
            d.help
                == "'true' is het Engelse woord voor 'ja'; dit bestand gebruikt Nederlandse sleutelwoorden, "
                + "schrijf dus 'ja'"
        )
        #expect(d.fix?.replacement == "ja")
        #expect(Support.check(Self.applying(d.fix, to: text)).diagnostics.isEmpty)
    }

    @Test func dutchVoorafInAnEnglishFile() throws {
        let text = Support.prelude + "obligation o\nrule r { permit a -> b share c for p basis bs oblige o vooraf }\n"
        let result = Support.check(text)
        let d = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1, "\(Support.rendered(result))")
        #expect(d.message == "'vooraf' is a Dutch keyword in a file with English keywords")
        #expect(d.help == "'vooraf' is Dutch for 'before'; this file uses English keywords, so write 'before'")
        #expect(d.fix?.replacement == "before")
        #expect(Support.check(Self.applying(d.fix, to: text)).diagnostics.isEmpty)
        let dutch = Frontend.check(
            SourceFile(path: "test.covenant", text: text), preference: LanguagePreference(explicit: .nl))
        #expect(
            dutch.diagnostics.first?.help
                == "'vooraf' is het Nederlandse woord voor 'before'; dit bestand gebruikt Engelse sleutelwoorden, "
                + "schrijf dus 'before'"
        )
    }

    /// Every keyword of the other language that the parser meets where one of the file's is
    /// expected gets one hint, with a fix-it that makes the file parse clean.
    @Test(arguments: [
        ("rule r { permit a -> b share c for p when f of f basis bs }", "of", "or"),
        ("rule r { permit a -> b share c for p when niet f basis bs }", "niet", "not"),
        ("fact k : x | y\nrule r { permit a -> b share c for p when k niet in {x} basis bs }", "niet", "not"),
        ("rule r { permit a -> b share c for p basis bs oblige o achteraf }", "achteraf", "after"),
        ("rule r { permit a -> b share c for p basis bs oblige o binnen 4 weeks }", "binnen", "within"),
        ("rule r { permit a -> b share c for p basis bs oblige o tenzij f }", "tenzij", "unless"),
        ("rule r { permit alle -> b share c for p basis bs }", "alle", "any"),
        (
            "rule r { permit a -> b share c for p basis bs }\nrule s uitzondering to r { forbid a -> b share c for p }",
            "uitzondering", "exception"
        ),
        ("fact k : janee", "janee", "bool"),
        ("fact k : getal 0..9", "getal", "int"),
        ("fact k : bool standaard false", "standaard", "default"),
        ("test \"t\" { query a -> b deel c for p expect deny }", "deel", "share"),
        ("test \"t\" { query a -> b share c for p met f = true expect deny }", "met", "given"),
        ("test \"t\" { query a -> b share c for p expect geweigerd }", "geweigerd", "deny"),
        ("test \"t\" { query a -> b share c for p expect deny door r }", "door", "by"),
    ])
    func dutchKeywordInAnEnglishFile(_ tail: String, _ word: String, _ meant: String) throws {
        let text = Support.prelude + "obligation o\n" + tail + "\n"
        let found = Self.syntax(text)
        let d = try #require(found.first)
        #expect(found.count == 1, "\(found.map { $0.message })")
        #expect(d.help == "'\(word)' is Dutch for '\(meant)'; this file uses English keywords, so write '\(meant)'")
        #expect(d.fix?.replacement == meant)
        #expect(Self.syntax(Self.applying(d.fix, to: text)).isEmpty)
    }

    @Test(arguments: [
        ("regel r { toestaan a -> b deel c voor p wanneer f or g grondslag bs }", "or", "of"),
        ("regel r { toestaan a -> b deel c voor p wanneer not f grondslag bs }", "not", "niet"),
        ("regel r { toestaan a -> b deel c voor p grondslag bs verplicht o before }", "before", "vooraf"),
        ("regel r { toestaan a -> b deel c voor p grondslag bs verplicht o after }", "after", "achteraf"),
        ("regel r { toestaan a -> b deel c voor p grondslag bs verplicht o within 2 weken }", "within", "binnen"),
        ("regel r { toestaan any -> b deel c voor p grondslag bs }", "any", "iedere"),
        ("feit k : bool", "bool", "janee"),
        ("feit k : janee default nee", "default", "standaard"),
        ("test \"t\" { vraag a -> b deel c for p verwacht geweigerd }", "for", "voor"),
        ("test \"t\" { vraag a -> b deel c voor p verwacht permit }", "permit", "toegestaan"),
        ("test \"t\" { vraag a -> b deel c voor p verwacht geweigerd missing f }", "missing", "ontbrekend"),
    ])
    func englishKeywordInADutchFile(_ tail: String, _ word: String, _ meant: String) throws {
        let text = Self.dutchPrelude + tail + "\n"
        let found = Self.syntax(text)
        let d = try #require(found.first)
        #expect(found.count == 1, "\(found.map { $0.message })")
        #expect(
            d.help
                == "'\(word)' is het Engelse woord voor '\(meant)'; dit bestand gebruikt Nederlandse sleutelwoorden, "
                + "schrijf dus '\(meant)'"
        )
        #expect(d.fix?.replacement == meant)
        #expect(Self.syntax(Self.applying(d.fix, to: text)).isEmpty)
    }
}
