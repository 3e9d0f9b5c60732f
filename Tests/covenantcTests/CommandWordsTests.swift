@testable import covenantc
import CovenantEval
import CovenantLang
import Foundation
import Testing

/// The command line's catalogue: both languages with the same placeholders, every key the
/// sources use defined; help, usage errors and the test report in the user's language.
@Suite struct CommandWordsTests {
    @Test func everyEntryHasBothLanguagesWithTheSamePlaceholders() {
        #expect(CommandWords.duplicateKeys.isEmpty, "defined twice: \(CommandWords.duplicateKeys)")
        for (key, entry) in CommandWords.entries {
            #expect(!entry.en.isEmpty && !entry.nl.isEmpty, "\(key)")
            #expect(
                Messages.placeholders(entry.en) == Messages.placeholders(entry.nl), "\(key): \(entry.en) / \(entry.nl)")
        }
    }

    /// Keys in the sources of covenantc: as `CommandWords.text("…"`, and any string literal
    /// that starts as the catalogue's keys do (a key handed to a helper, or chosen by `?:`).
    @Test func everyKeyTheSourcesUseIsInTheCatalogue() throws {
        let sources = CLISupport.root.appendingPathComponent("Sources/covenantc")
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        let text = try files.map { try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
        func matches(_ pattern: String) throws -> [String] {
            let regex = try NSRegularExpression(pattern: pattern)
            return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                Range($0.range(at: 1), in: text).map { String(text[$0]) }
            }
        }
        let direct = try matches(#"CommandWords\.text\("([A-Za-z0-9_.]+)""#)
        #expect(direct.count > 50)
        for key in direct {
            #expect(CommandWords.entries[key] != nil, "CommandWords.text(\"\(key)\" is not in the catalogue")
        }
        for key in try matches(#"CommandWords\.count\("([A-Za-z0-9_.]+)""#) {
            #expect(
                CommandWords.entries[key + ".one"] != nil && CommandWords.entries[key + ".many"] != nil,
                "\(key).one/.many")
        }
        let prefixes = Set(CommandWords.entries.keys.map { String($0.prefix { $0 != "." }) })
        for literal in try matches(#""([a-z][A-Za-z]*\.[A-Za-z0-9_.]+)""#)
        where prefixes.contains(String(literal.prefix { $0 != "." })) {
            let known = CommandWords.entries[literal] != nil || CommandWords.entries[literal + ".one"] != nil
            #expect(known, "\"\(literal)\" looks like a key but is not in the catalogue")
        }
    }

    @Test func everyCommandHasItsSummaryAndHelpInBothLanguagesAndMentionsLang() {
        for command in CLI.commands {
            for language in Language.allCases {
                let summary = command.summary(language), help = command.help(language)
                #expect(summary != "summary.\(command.name)" && !summary.isEmpty, "\(command.name)")
                #expect(
                    help.hasPrefix(
                        language == .nl ? "Gebruik: covenantc \(command.name)" : "Usage: covenantc \(command.name)"),
                    "\(command.name)")
                #expect(help.contains("--lang en|nl") || help.contains("--lang nl|en"), "\(command.name) \(language)")
                #expect(!help.contains("{0}") && !help.contains("{1}"), "\(command.name): a placeholder left in")
            }
            #expect(command.help(.nl) != command.help(.en))
        }
    }

    @Test func helpInDutchWhenAskedAnywhere() {
        let top = CLISupport.run(["--lang", "nl", "--help"])
        #expect(
            top.code == 0 && top.out.hasPrefix("covenantc \(CLI.version) — privacyconvenanten voor het sociaal domein"))
        #expect(
            top.out.contains(
                "Gebruik: covenantc <opdracht> [opties] [argumenten]\n\nOpdrachten:\n"
                    + "  check         convenanten op fouten controleren\n"
            ))
        let check = CLISupport.run(["check", "--help", "--lang", "nl"])
        #expect(check.out.hasPrefix("Gebruik: covenantc check [opties] BESTAND|MAP...\n"))
        #expect(check.out.contains("  --date JJJJ-MM-DD          de datum van vandaag, voor waarschuwing L219"))
        #expect(
            CLISupport.run(["help", "test", "--lang=nl"]).out.contains("MISLUKT \"titel\": verwacht ...; uitkomst ..."))
        let english = CLISupport.run(["--lang", "en", "check", "--help"])
        #expect(english.out.hasPrefix("Usage: covenantc check [options] FILE|DIR...\n"))
        #expect(
            english.out.contains(
                "  --lang en|nl               the language of the messages (default: the covenant's,\n"))
    }

    /// COVENANT_LANG chooses when the command line does not; `--lang` overrides it.
    @Test func theEnvironmentChoosesWhenTheCommandLineDoesNot() throws {
        #expect(Arguments.language(of: ["check", "--help"], environment: .nl) == .nl)
        #expect(Arguments.language(of: ["check", "--help", "--lang", "en"], environment: .nl) == .en)
        #expect(Arguments.language(of: ["--lang=nl", "check"], environment: nil) == .nl)
        #expect(Arguments.language(of: ["check", "--", "--lang", "nl"], environment: nil) == .en)
        #expect(Arguments.language(of: ["check", "--lang", "fr"], environment: .nl) == .nl)
        // The real process, with the variable set.
        let binary = try #require(CLISupport.binary, "covenantc must be built next to the tests")
        func run(_ args: [String], _ environment: [String: String]) throws -> String {
            let process = Process()
            process.executableURL = binary
            process.arguments = args
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try run(["check", "--help"], ["COVENANT_LANG": "nl"]).hasPrefix("Gebruik: covenantc check"))
        #expect(
            try run(["check", "--help", "--lang", "en"], ["COVENANT_LANG": "nl"]).hasPrefix("Usage: covenantc check"))
        #expect(
            try run(["check"], ["COVENANT_LANG": "nl_NL.UTF-8"]).hasPrefix(
                "covenantc check: noem ten minste één convenantbestand of map\n"))
    }

    @Test func usageErrorsInTheUsersLanguage() {
        let none = CLISupport.run(["check", "--lang", "nl"])
        #expect(
            none.code == 2
                && none.err
                    == "covenantc check: noem ten minste één convenantbestand of map\n"
                    + "Zie 'covenantc check --help' voor het gebruik.\n"
        )
        let option = CLISupport.run(["test", "--coverag", "--lang", "nl", "x"])
        #expect(
            option.code == 2
                && option.err.hasPrefix("covenantc test: onbekende optie --coverag (bedoelt u --coverage?)\n"))
        let format = CLISupport.run(["check", "--format", "xml", "--lang", "nl", "x"])
        #expect(
            format.err.hasPrefix(
                "covenantc check: --format verwacht een van deze waarden: text, json, sarif; niet 'xml'\n"))
        let date = CLISupport.run(["test", "--lang", "nl", "--date", "2026-02-30", "x"])
        #expect(
            date.err.hasPrefix(
                "covenantc test: --date verwacht een datum JJJJ-MM-DD die bestaat, bijvoorbeeld 2027-03-01; "
                    + "niet '2026-02-30'\n"
            ))
        let command = CLISupport.run(["--lang", "nl", "chek"])
        #expect(
            command.code == 2
                && command.err.hasPrefix("covenantc: onbekende opdracht 'chek' (bedoelt u 'check'?)\n\ncovenantc "))
        let log = CLISupport.run(["log", "--lang", "nl"])
        #expect(log.code == 2 && log.err.hasPrefix("covenantc log: kies 'record' of 'verify'\n"))
        // English stays as it was.
        let english = CLISupport.run(["check"])
        #expect(
            english.err
                == "covenantc check: name at least one covenant file or directory\n"
                + "Run 'covenantc check --help' for usage.\n"
        )
        #expect(
            CLISupport.run(["check", "--format", "xml", "x"]).err.hasPrefix(
                "covenantc check: --format must be one of: text, json, sarif; got 'xml'\n"))
    }

    @Test func checkSummaryAndLoaderMessagesInTheCovenantsLanguage() {
        let dutch = CLISupport.run(["check", DutchOutputTests.dutch])
        #expect(
            dutch.code == 0 && dutch.out.hasSuffix("\n1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen\n"),
            "\(dutch.out)")
        #expect(
            CLISupport.run(["check", "--lang", "en", DutchOutputTests.dutch]).out.hasSuffix(
                "\nchecked 1 file: 0 errors, 0 warnings\n"))
        let missing = CLISupport.run(["check", "--lang", "nl", "/nonexistent/x.covenant"])
        #expect(
            missing.out
                == "/nonexistent/x.covenant:1:1: fout[E906]: het bestand of de map '/nonexistent/x.covenant' bestaat "
                + "niet\n1 bestand gecontroleerd: 1 fout, 0 waarschuwingen\n"
        )
    }

    /// The test report of a Dutch covenant: Dutch words, the expectation in Dutch keywords;
    /// with --lang en the words are English and the expectation still as the file writes it.
    @Test func testReportInTheCovenantsLanguage() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: DutchOutputTests.dutch, encoding: .utf8)
            .replacingOccurrences(
                of: "verwacht toegestaan door medisch verplicht record",
                with: "verwacht toegestaan door gevaar verplicht ontvanger inform")
        let file = dir.appendingPathComponent("b.covenant")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let line =
            try #require(text.components(separatedBy: "\n").firstIndex { $0.contains("Met toestemming wel") }) + 1
        let nl = CLISupport.run(["test", "--coverage", file.path])
        #expect(nl.code == 1)
        #expect(
            nl.out == """
                \(file.path):\(line):1: MISLUKT "Met toestemming wel, met vastlegging": \
                verwacht toegestaan door gevaar verplicht ontvanger inform; \
                uitkomst toegestaan door medisch verplicht record: beslist door medisch, niet door gevaar; \
                de verplichtingen zijn verstrekker record, niet ontvanger inform (toegestaan op grond van regel medisch)
                \(file.path): regels die in een test aan bod komen: 3 van 4; niet aan bod: \
                dat_informatie (regelnummer 60)
                \(file.path): bewezen waarborgen: 6 van 6
                2 geslaagd, 1 mislukt

                """)
        let en = CLISupport.run(["test", "--coverage", "--lang", "en", file.path])
        #expect(
            en.out == """
                \(file.path):\(line):1: FAIL "Met toestemming wel, met vastlegging": \
                expected toegestaan door gevaar verplicht ontvanger inform; \
                got toegestaan door medisch verplicht record: decided by medisch, not gevaar; \
                obliges verstrekker record, not ontvanger inform (permitted by rule medisch)
                \(file.path): 3 of 4 rules exercised; not exercised: dat_informatie (line 60)
                \(file.path): 6 of 6 guarantees proved
                2 passed, 1 failed

                """)
        let passing = CLISupport.run(["test", DutchOutputTests.dutch])
        #expect(passing.code == 0 && passing.out == "3 geslaagd, 0 mislukt\n")
    }

    @Test func aCovenantWithErrorsIsNotTestedInItsLanguage() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.covenant")
        try "taal nl\nconvenant \"T\" { verantwoordelijke a }\npartij a { soort zorgg }\n".write(
            to: file, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["test", file.path])
        #expect(
            r.code == 1
                && r.out.hasSuffix("\(file.path): niet getest: het convenant bevat fouten\n0 geslaagd, 0 mislukt\n"),
            "\(r.out)")
    }

    /// The yearly account's words are a part of the catalogue and print as they did.
    @Test func theReportsWordsAreInTheCatalogue() {
        let nl = ReportWords(language: .nl), en = ReportWords(language: .en)
        #expect(
            nl.period(CalendarDate("2026-01-01"), CalendarDate("2026-12-31"))
                == "Periode: 2026-01-01 tot en met 2026-12-31.")
        #expect(en.period(nil, nil) == "Period: everything the logs hold.")
        #expect(
            nl.basisKind("legal_obligation") == "wettelijke plicht"
                && en.basisKind("legal_obligation") == "legal obligation")
        #expect(nl.basisKind("new_kind") == "new_kind" && en.basisKind("new_kind") == "new kind")
        #expect(nl.actor("controller") == "verwerkingsverantwoordelijke" && en.actor("controller") == "controller")
        #expect(
            en.unreadable(3)
                == "3 lines were not readable records and are not counted; check the logs with 'covenantc log verify'.")
        #expect(nl.orphans(1) == "1 gebeurtenis verwijst naar een beslissing die niet in deze logs staat.")
        for key in ReportWords.entries.keys { #expect(key.hasPrefix("report.")) }
    }
}
