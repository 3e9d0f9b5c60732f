@testable import covenantc
import CovenantEval
import Foundation
import Testing

/// `eval --log`, `log record`, `log verify` and `report` as a service and a privacy officer use
/// them; a writer killed mid-stream; a second writer.
@Suite struct LogCommandTests {
    static let covenant = CLISupport.covenants + "/boekel-sociaal-domein.covenant.md"
    static let queries = [
        #"{"id":"c-1","at":"2026-03-01","from":"dorpsteam","to":"veilig_thuis","share":"plan","for":"onderzoek_vt","#
            + #""facts":{"gevaar":true}}"#,
        #"{"id":"c-2","at":"2026-03-02","from":"ggz","to":"politie","share":"medisch","for":"veiligheid","#
            + #""facts":{"acuut":true}}"#,
        #"{"id":"c-3","at":"2026-03-03","from":"bjg","to":"dorpsteam","share":"plan","for":"ondersteuning","#
            + #""facts":{"consent":"given","age":30}}"#,
        #"{"id":"c-4","at":"2026-03-04","from":"dorpsteam","to":"veilig_thuis","share":"plan","for":"onderzoek_vt","#
            + #""facts":{"gevaar":true,"uitstel":true}}"#,
    ]

    static func record(_ line: String) throws -> String {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return try #require((json["log"] as? [String: Any])?["record"] as? String, "\(line)")
    }

    @Test func evalLogsEveryDecisionAndTheReportAccountsForThem() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("decisions.log").path
        let out = CLISupport.run(["eval", "--log", log, "--fsync", "always", Self.covenant], input: Self.queries)
        #expect(out.code == 0, "\(out.err)")
        let lines = out.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 && lines.allSatisfy { $0.contains(#""log":{"seq":"#) })
        let first = try Self.record(lines[0]), second = try Self.record(lines[1])
        // The privacy officer records what was done, and an objection.
        #expect(
            CLISupport.run([
                "log", "record", log, "fulfilled", "--ref", first, "--obligation", "inform", "--date", "2026-03-10",
            ]).code == 0)
        #expect(
            CLISupport.run([
                "log", "record", log, "objection", "--ref", second, "--date", "2026-04-01", "--note",
                "bezwaar ingediend",
            ]).code == 0)
        #expect(CLISupport.run(["log", "record", log, "fulfilled", "--ref", first]).code == 2)  // which obligation?
        #expect(
            CLISupport.run(["log", "record", log, "fulfilled", "--ref", "abc", "--obligation", "inform"]).code == 2)
        let verified = CLISupport.run(["log", "verify", log])
        #expect(
            verified.code == 0 && verified.out.hasPrefix("verified 6 records (seq 1 to 6) in 1 file; last record hash ")
        )
        // The account: in Dutch for the council, with the worklist.
        let nl = CLISupport.run([
            "report", "--lang", "nl", "--date", "2026-06-01", "--from", "2026-01-01", "--until", "2026-12-31", log,
        ])
        #expect(nl.code == 0)
        #expect(
            nl.out.contains("# Verantwoording gegevensdeling")
                && nl.out.contains("| **Verstrekkingen zonder toestemming** | 3 |"))
        #expect(nl.out.contains("| Bezwaren | 1 |") && nl.out.contains("| conflict van plichten | conflict | 1 |"))
        #expect(nl.out.contains("| Uitgesteld (termijn loopt nog niet) | 1 |"))
        let json = CLISupport.run(["report", "--format", "json", "--date", "2026-06-01", log])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["withoutConsent"] as? Int == 3 && object["objections"] as? Int == 1)
        let html = CLISupport.run(["report", "--format", "html", "--lang", "en", "--date", "2026-06-01", log])
        #expect(
            html.out.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">")
                && html.out.contains("<caption>Provisions without consent, by ground</caption>"))
    }

    @Test func aWriterKilledMidStreamLeavesAVerifiableLog() throws {
        let binary = try #require(CLISupport.binary, "covenantc must be built next to the tests")
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("killed.log").path
        // Writing to the pipe of a killed child must be an error here, not the end of the tests.
        signal(SIGPIPE, SIG_IGN)
        for round in 0..<3 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["eval", "--log", log, "--fsync", "never", Self.covenant]
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Feed queries without pause, then kill it with SIGKILL while it is writing.
            let feeder = Thread {
                let batch = Data(
                    (Array(repeating: Self.queries, count: 250).flatMap { $0 }.joined(separator: "\n") + "\n").utf8)
                for _ in 0..<400 { if (try? input.fileHandleForWriting.write(contentsOf: batch)) == nil { break } }
            }
            feeder.start()
            // Kill it only once it is writing records (it first compiles the covenant, which a
            // loaded machine makes slow): then a little later, at a different point each round.
            func size() -> Int { (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0 }
            let before = size()
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, size() <= before { Thread.sleep(forTimeInterval: 0.01) }
            Thread.sleep(forTimeInterval: 0.05 + 0.1 * Double(round))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? input.fileHandleForWriting.close()
            #expect(process.terminationReason == .uncaughtSignal)
            // Every complete record verifies; at most the last line is torn.
            let result = LogVerifier.verify([log])
            #expect(result.records > 0)
            #expect(result.problem == nil || result.problem?.torn == true, "\(String(describing: result.problem))")
        }
        // The next writer cuts a torn tail off, and the whole log verifies.
        let after = CLISupport.run(["eval", "--log", log, Self.covenant], input: [Self.queries[0]])
        #expect(after.code == 0)
        #expect(LogVerifier.verify([log]).problem == nil)
    }

    @Test func aSecondWriterIsRefusedClearly() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("busy.log").path
        let holder = try DecisionLog(path: log)
        defer { holder.close() }
        let second = CLISupport.run(["eval", "--log", log, Self.covenant], input: [Self.queries[0]])
        #expect(second.code == 1)
        #expect(
            // The covenant is in Dutch, so is the message.
            second.err.contains("schrijft al een ander proces")
                && second.err.contains("geef elke dienst een eigen log"))
        let event = CLISupport.run(["log", "record", log, "objection", "--ref", String(repeating: "a", count: 64)])
        #expect(event.code == 1)
    }

    @Test func verifyNamesTheBadRecordAndExitsOne() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("d.log").path
        _ = CLISupport.run(["eval", "--log", log, Self.covenant], input: Self.queries)
        var lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[2] = lines[2].replacingOccurrences(of: "\"effect\":\"permit\"", with: "\"effect\":\"deny\"")
        try (lines.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["log", "verify", log])
        #expect(r.code == 1)
        #expect(
            r.out
                == "\(log):3: the record was altered: its content does not match its hash\n"
                + "the log does not verify: 2 records before this one verify\n"
        )
    }
}
