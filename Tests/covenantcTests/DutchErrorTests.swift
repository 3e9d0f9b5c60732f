import CovenantEval
@testable import covenantc
import Foundation
import Testing

/// The errors of the decision log, a compiled table and a JSON line reach the user in the
/// chosen language; JSON keys stay English.
@Suite struct DutchErrorTests {
    static let covenant = LogCommandTests.covenant

    /// A log of the four queries, with its third record altered.
    static func damagedLog(_ dir: URL) throws -> String {
        let log = dir.appendingPathComponent("d.log").path
        #expect(CLISupport.run(["eval", "--log", log, Self.covenant], input: LogCommandTests.queries).code == 0)
        var lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[2] = lines[2].replacingOccurrences(of: "\"effect\":\"permit\"", with: "\"effect\":\"deny\"")
        try (lines.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        return log
    }

    @Test func aDamagedLogIsReportedInTheChosenLanguage() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try Self.damagedLog(dir)
        let nl = CLISupport.run(["log", "verify", "--lang", "nl", log])
        #expect(nl.code == 1)
        let lines = nl.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "\(log):3: het record is gewijzigd: de inhoud past niet bij de hash")
        #expect(lines.count == 3 && !lines[1].contains("does not verify") && lines[1].contains("2"))
        let en = CLISupport.run(["log", "--lang", "en", "verify", log])
        #expect(en.code == 1)
        #expect(
            en.out
                == "\(log):3: the record was altered: its content does not match its hash\n"
                + "the log does not verify: 2 records before this one verify\n"
        )
    }

    @Test func aTornLogIsReportedInDutch() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("t.log").path
        #expect(CLISupport.run(["eval", "--log", log, Self.covenant], input: LogCommandTests.queries).code == 0)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"kind":"decision","seq":5,"ti"#.utf8))
        try handle.close()
        let nl = CLISupport.run(["log", "verify", "--lang", "nl", log])
        #expect(
            nl.out.hasPrefix(
                "\(log):5: het laatste record is onvolledig (30 bytes, zonder regeleinde): "
                    + "het schrijven ervan is afgebroken, of het bestand is ingekort; 4 records daarvoor zijn in orde\n"
            ))
        let en = CLISupport.run(["log", "verify", log])
        #expect(
            en.out.hasPrefix(
                "\(log):5: the last record is incomplete (30 bytes, no line break): a writer was stopped while writing "
                    + "it, or the file was cut; the 4 records before it verify\n"
            ))
    }

    /// COVENANT_LANG chooses when --lang does not (in a child process, so the tests'
    /// environment stays as it is).
    @Test func theEnvironmentChoosesDutch() throws {
        let binary = try #require(CLISupport.binary, "covenantc must be built next to the tests")
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try Self.damagedLog(dir)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["log", "verify", log]
        process.environment = ProcessInfo.processInfo.environment.merging(["COVENANT_LANG": "nl"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(
            String(decoding: data, as: UTF8.self).hasPrefix(
                "\(log):3: het record is gewijzigd: de inhoud past niet bij de hash\n"))
    }

    @Test func theReportSaysInDutchThatItCannotReadALog() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("ontbreekt.log").path
        let nl = CLISupport.run(["report", "--lang", "nl", "--date", "2026-06-01", missing])
        #expect(nl.code == 1)
        #expect(nl.err == "covenantc report: \(missing) kan niet worden gelezen: bestand of map bestaat niet\n")
        let en = CLISupport.run(["report", "--lang", "en", "--date", "2026-06-01", missing])
        #expect(en.err == "covenantc report: cannot read \(missing): No such file or directory\n")
    }

    @Test func aBrokenTableIsRefusedInTheChosenLanguage() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("boekel.json").path
        #expect(CLISupport.run(["compile", QueryCommandTests.boekel, "-o", table]).code == 0)
        let query = QueryCommandTests.queries[1]
        let text = try String(contentsOfFile: table, encoding: .utf8)
        // Altered: the integrity check fails.
        var bytes = Array(text.utf8)
        bytes[bytes.count - 20] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: table))
        let nl = CLISupport.run(["query", "--lang", "nl", table, query])
        #expect(nl.code == 1)
        #expect(
            nl.err.hasPrefix("\(table): ")
                && nl.err.hasSuffix(
                    ": de integriteitscontrole van de beslistabel is mislukt: de inhoud past niet bij de SHA-256-hash, "
                        + "dus het bestand is gewijzigd of beschadigd\n"
                ))
        let en = CLISupport.run(["query", "--lang", "en", table, query])
        #expect(
            en.err
                == "\(table): error: the table's integrity check failed: its content does not match its SHA-256, "
                + "so it was altered or damaged\n"
        )
        // Written by an older covenantc: compile again.
        try text.replacingOccurrences(of: #""formatVersion":3,"#, with: #""formatVersion":1,"#).write(
            toFile: table, atomically: true, encoding: .utf8)
        let old = CLISupport.run(["query", "--lang", "nl", table, query])
        #expect(
            old.err.hasSuffix(
                ": de beslistabel heeft formaatversie 1; deze versie van covenantc leest versie 3: "
                    + "compileer het convenant opnieuw met deze covenantc\n"
            ))
        let oldEnglish = CLISupport.run(["query", table, query])
        #expect(
            oldEnglish.err
                == "\(table): error: the table has format version 1; this evaluator reads version 3: "
                + "compile the covenant again with this covenantc\n"
        )
    }

    @Test func evalAnswersAMalformedLineInTheCovenantsLanguage() {
        let dutch = DutchOutputTests.dutch
        let lines = [
            "{\"from\":\"ggz\",", "not json", #"{"from":"ggz","to":"dorpsteam","share":"health","for":"support"} x"#,
        ]
        let nl = CLISupport.run(["eval", "--date", "2026-03-01", dutch], input: lines)
        #expect(nl.code == 0)
        #expect(
            nl.out == """
                {"error":"geen JSON: hier hoort een sleutel tussen aanhalingstekens bij byte 14","kind":"notJSON"}
                {"error":"geen JSON: ongeldig woord (alleen true, false en null zijn toegestaan) bij byte 0",\
                "kind":"notJSON"}
                {"error":"geen JSON: onverwachte tekst na de JSON-waarde bij byte 65","kind":"notJSON"}

                """)
        let en = CLISupport.run(["eval", "--lang", "en", "--date", "2026-03-01", dutch], input: lines)
        #expect(
            en.out == """
                {"error":"not JSON: expected a string key at byte 14","kind":"notJSON"}
                {"error":"not JSON: invalid literal at byte 0","kind":"notJSON"}
                {"error":"not JSON: unexpected text after the JSON value at byte 65","kind":"notJSON"}

                """)
    }

    /// One answer per input line, always: an empty line gets an error line too, and an error
    /// line echoes the query's id and says its kind, so a service matches answers by id or by count.
    @Test func evalAnswersEveryLineWithItsIDAndKind() throws {
        let lines = [
            #"{"id":1,"from":"ggz","to":"dorpsteam","share":"health","for":"support"}"#, "", "   ",
            #"{"id":"b","from":"ggz","to":"dorpsteam","share":"health","for":"support","fact":{}}"#,
            #"{"id":3,"from":"nobody","to":"dorpsteam","share":"health","for":"support"}"#,
        ]
        let r = CLISupport.run(["eval", "--lang", "en", "--date", "2026-03-01", DutchOutputTests.dutch], input: lines)
        let answers = r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(answers.count == lines.count)
        #expect(answers[0].hasPrefix(#"{"id":1,"effect":"#))
        #expect(answers[1] == #"{"error":"an empty line: write one JSON query on each line","kind":"emptyLine"}"#)
        #expect(answers[2] == answers[1])
        #expect(answers[3].hasPrefix(#"{"id":"b","error":"unknown key \"fact\""#))
        #expect(answers[3].hasSuffix(#""kind":"unknownKeyFact"}"#))
        #expect(answers[4] == #"{"id":3,"error":"unknown party 'nobody'","kind":"unknownParty"}"#)
    }

    /// schemas/error.schema.json lists exactly the kinds an error line can have.
    @Test func theErrorSchemaListsEveryKind() throws {
        let url = CLISupport.root.appendingPathComponent("schemas/error.schema.json")
        let schema = try JSONParser.parse(String(contentsOf: url, encoding: .utf8))
        guard case .array(let kinds)? = schema["properties"]?["kind"]?["enum"] else {
            Issue.record("schemas/error.schema.json has no kind enum")
            return
        }
        #expect(kinds.compactMap(\.stringValue) == QueryError.Kind.allCases.map(\.rawValue) + ["notLogged"])
    }
}
