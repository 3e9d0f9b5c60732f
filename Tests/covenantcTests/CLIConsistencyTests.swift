@testable import covenantc
import Foundation
import Testing

/// The command-line items of "documentation, licence and distribution; CLI consistency": each
/// one a user tripped over, each with its test.
@Suite struct CLIConsistencyTests {
    static let boekel = CLISupport.covenants + "/boekel.covenant"

    @Test func aCompiledTableIsRecognisedNotParsed() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("boekel.json").path
        #expect(CLISupport.run(["compile", Self.boekel, "-o", table]).code == 0)
        for command in [["check"], ["test"], ["fmt"], ["export", "--to", "cedar"]] {
            let r = CLISupport.run(command + [table])
            #expect(r.code == 1, "\(command)")
            let all = r.out + r.err
            #expect(
                all.contains(
                    "is a compiled decision table, not a covenant: give the covenant source it was compiled from"),
                "\(command): \(all.prefix(300))")
            #expect(all.utf8.count < 1_000, "\(command) printed \(all.utf8.count) bytes")
        }
        let diff = CLISupport.run(["diff", table, Self.boekel])
        #expect(diff.code == 1 && diff.err.contains("compiled decision table") && diff.err.utf8.count < 1_000)
        let dutch = CLISupport.run(["check", "--lang", "nl", table])
        #expect(dutch.out.contains("is een gecompileerde beslistabel, geen convenant"))
    }

    @Test func aLongSourceLineIsClippedAroundTheError() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("long.covenant").path
        try ("covenant \"x\" {" + String(repeating: " ", count: 400) + "controller zz }\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["check", path])
        let lines = r.out.split(separator: "\n")
        let source = try #require(lines.first { $0.hasPrefix("  1 | ") })
        let caret = try #require(lines.first { $0.contains("^") })
        #expect(source.count < 140 && source.contains("…") && source.contains("controller zz }"))
        // The caret still stands under 'zz'.
        let column = caret.distance(from: caret.startIndex, to: caret.firstIndex(of: "^")!)
        let zz = source.distance(from: source.startIndex, to: source.range(of: "zz")!.lowerBound)
        #expect(column == zz)
    }

    @Test func acknowledgedFindingsAreOneLineUnlessVerbose() {
        let quiet = CLISupport.run([
            "check", "--date", "2016-06-01", CLISupport.covenants + "/noaberkracht.covenant", "--lang", "en",
        ])
        #expect(!quiet.out.contains("acknowledged["))
        #expect(
            quiet.out.contains(
                " acknowledged findings not shown ('covenant:allow' comments accept them; --verbose shows them)\n"))
        #expect(quiet.out.hasSuffix("checked 1 file: 0 errors, 0 warnings\n"))
        let verbose = CLISupport.run([
            "check", "--verbose", "--date", "2016-06-01", CLISupport.covenants + "/noaberkracht.covenant", "--lang",
            "en",
        ])
        #expect(verbose.out.contains("acknowledged[L206]") && !verbose.out.contains("not shown"))
        let silent = CLISupport.run([
            "check", "--quiet", "--date", "2016-06-01", CLISupport.covenants + "/noaberkracht.covenant",
        ])
        #expect(silent.out.isEmpty)
        // JSON keeps every finding, with its acknowledgement.
        let json = CLISupport.run([
            "check", "--format", "json", "--date", "2016-06-01", CLISupport.covenants + "/noaberkracht.covenant",
        ])
        #expect(json.out.contains("\"acknowledged\":"))
    }

    @Test func aDashInANameAndADutchDateOrderGetAHint() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("h.covenant").path
        let text =
            "covenant \"x\" {\n  controller ggz-team\n  valid from 31-12-2026\n}\n"
            + "party ggz-wijk-team \"GGZ\" { kind care }\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["check", path])
        #expect(r.out.contains("help: a name cannot contain '-'; write 'ggz_team'\n"))
        #expect(r.out.contains("help: a name cannot contain '-'; write 'ggz_wijk_team'\n"))
        #expect(r.out.contains("help: did you mean 2026-12-31? Dates are written year-month-day\n"))
        let json = CLISupport.run(["check", "--format", "json", path])
        #expect(
            json.out.contains("\"replacement\":\"2026-12-31\"") && json.out.contains("\"replacement\":\"ggz_team\""))
        // A day that does not exist is not guessed at.
        try "covenant \"x\" {\n  controller a\n  valid from 31-02-2026\n}\nparty a { kind care }\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(!CLISupport.run(["check", path]).out.contains("did you mean"))
    }

    @Test func fmtKeepsParenthesesAroundMixedAndOrAndExplainPrintsThem() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.covenant").path
        try """
        covenant "x" { controller a }
        party a { kind care }
        party b { kind care }
        category c { retention 1 year }
        purpose p
        fact f : bool
        fact g : bool
        fact h : bool
        basis bs { kind public_task }
        obligation tell { kind inform }
        rule r { permit a -> b share c for p when (f and g) or h basis bs oblige tell }
        rule s { permit a -> b share c for p when f and (g or h) basis bs oblige tell }

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let formatted = CLISupport.run(["fmt", path]).out
        #expect(formatted.contains("when (f and g) or h\n"))
        #expect(formatted.contains("when f and (g or h)\n"))
        let explained = CLISupport.run(["explain", "--lang", "en", path, "a -> b share c for p given f = false"]).out
        #expect(explained.contains("when (f and g) or h "))
        #expect(explained.contains("when f and (g or h) "))
    }

    @Test func testReportsAsJSONAndJUnitWithFilterAndVerbose() throws {
        let covenant = CLISupport.root.appendingPathComponent(
            "Tests/covenantcTests/Golden/sessions/falende-test.covenant"
        ).path
        let json = CLISupport.run(["test", "--format", "json", covenant])
        #expect(json.code == 1)
        #expect(json.out.contains("\"summary\":{\"passed\":1,\"failed\":1,\"broken\":0}"))
        #expect(
            json.out.contains(
                "\"title\":\"Zonder toestemming ook toegestaan (fout verwacht)\",\"line\":32,\"passed\":false"))
        let junit = CLISupport.run(["test", "--format", "junit", covenant])
        #expect(
            junit.out.hasPrefix(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<testsuites name=\"covenantc test\" tests=\"2\" failures=\"1\" errors=\"0\">\n"
            ))
        #expect(junit.out.contains("<testcase name=\"Met toestemming toegestaan\""))
        #expect(junit.out.contains("<failure message=\""))
        let filtered = CLISupport.run(["test", "--filter", "MET TOESTEMMING", covenant])
        #expect(filtered.code == 0 && filtered.out == "1 geslaagd, 0 mislukt\n")
        let verbose = CLISupport.run(["test", "--verbose", "--lang", "en", "--filter", "met toestemming", covenant])
        #expect(
            verbose.out.contains(": PASS \"Met toestemming toegestaan\": toegestaan door hulp verplicht vastleggen\n"))
        let broken = CLISupport.run([
            "test", "--format", "junit",
            CLISupport.root.appendingPathComponent("Tests/covenantcTests/Golden/sessions/fouten.covenant").path,
        ])
        #expect(
            broken.code == 1 && broken.out.contains("errors=\"1\"") && broken.out.contains("<testcase name=\"check\""))
    }

    @Test func aGroupInAQueryIsToldToAskForAMember() throws {
        let noaberkracht = CLISupport.covenants + "/noaberkracht.covenant"
        let r = CLISupport.run([
            "query", "--lang", "en", "--date", "2016-06-01", noaberkracht,
            "professionals -> regisseur deel wat_jeugd voor casusoverleg",
        ])
        #expect(r.code == 1)
        #expect(
            r.err
                == "covenantc query: 'professionals' is a group, and a decision is about one sender: "
                + "ask for one of its members (prof_jeugd, prof_wi, prof_zorg)\n"
        )
        // The same from a compiled table, and on the wire.
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("n.json").path
        #expect(CLISupport.run(["compile", noaberkracht, "-o", table]).code == 0)
        let wire = CLISupport.run(
            ["eval", "--date", "2016-06-01", table],
            input: [#"{"from":"prof_wi","to":"uitvoering","share":"wat_wi","for":"casusoverleg"}"#])
        #expect(
            wire.out.contains(
                "is een groep, en een beslissing gaat over één ontvanger: vraag naar een van de leden (prof_jeugd, "
                    + "prof_wi, prof_zorg, regisseur)"
            ))
    }

    @Test func aTestNamingARuleOfTheOtherEffectFailsTheCheck() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.covenant").path
        let golden = CLISupport.root.appendingPathComponent("Tests/CovenantLangTests/Golden/E406.covenant")
        try String(contentsOf: golden, encoding: .utf8).write(toFile: path, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["test", path])
        #expect(r.code == 1 && r.out.contains("error[E406]: the test expects 'deny' by rule 'r', but 'r' permits"))
    }

    /// Every command's help has the same sections, in both languages.
    @Test func everyHelpHasUsageOptionsAndExitCodes() {
        for command in CLI.commands {
            let en = command.help(.en), nl = command.help(.nl)
            #expect(
                en.hasPrefix("Usage: covenantc") && en.contains("\nOptions:\n") && en.contains("\nExit codes:"),
                "\(command.name)")
            #expect(
                nl.hasPrefix("Gebruik: covenantc") && nl.contains("\nOpties:\n") && nl.contains("\nAfsluitcodes:"),
                "\(command.name)")
            #expect(en.contains("--lang") && en.contains("-h, --help"), "\(command.name)")
        }
    }

    /// `-o` names a file in every command: for export, the policy; --output-dir takes all.
    @Test func exportOutputIsAFileAndOutputDirTakesAll() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("policies.cedar").path
        #expect(CLISupport.run(["export", "--to", "cedar", Self.boekel, "-o", file]).code == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("@id(\"medisch\")"))
        let intoDirectory = CLISupport.run(["export", "--to", "cedar", Self.boekel, "-o", dir.path])
        #expect(
            intoDirectory.code == 2
                && intoDirectory.err.contains(
                    "-o names a file, and '\(dir.path)' is a directory: write all files there with --output-dir")
        )
        let all = dir.appendingPathComponent("rego").path
        #expect(CLISupport.run(["export", "--to", "rego", Self.boekel, "--output-dir", all]).code == 0)
        #expect(
            FileManager.default.fileExists(atPath: all + "/covenant.rego")
                && FileManager.default.fileExists(atPath: all + "/data.json"))
    }
}
