@testable import covenantc
import Foundation
import Synchronization
import Testing

/// `covenantc eval`'s stream: lines cut anywhere by the reads, a last line without a line break,
/// CRLF, and `--threads` keeping the order of the answers.
@Suite struct EvalCommandTests {
    static let covenant = CLISupport.covenants + "/boekel.covenant"

    /// A mix of decisions and error lines for covenants/boekel.covenant.
    static func queries(_ count: Int) -> [String] {
        let parties = ["ggz", "wijkteam", "huisarts", "school", "politie", "nobody"]
        let shares = ["health", "contact", "school_results", "nothing"]
        return (0..<count).map { i in
            if i % 97 == 13 { return "not json \(i)" }
            let facts = i % 3 == 0 ? "" : ",\"facts\":{\"consent\":\(i % 2 == 0 ? "true" : "false")}"
            return "{\"from\":\"\(parties[i % 6])\",\"to\":\"\(parties[(i / 6) % 6])\",\"share\":\"\(shares[i % 4])\","
                + "\"for\":\"support\"\(facts),\"id\":\(i)}"
        }
    }

    /// Runs eval with standard input handed over in pieces of `piece` bytes.
    static func run(_ args: [String], input: String, piece: Int) -> (code: Int32, out: String, err: String) {
        let capture = Capture()
        var console = capture.console
        let bytes = Array(input.utf8)
        let position = Mutex(0)
        console.readInput = {
            position.withLock { p -> [UInt8]? in
                guard p < bytes.count else { return nil }
                let end = min(bytes.count, p + piece)
                defer { p = end }
                return Array(bytes[p..<end])
            }
        }
        let code = CLI.run(args, console: console)
        return (code, capture.out, capture.err)
    }

    @Test func threadsKeepTheOrderAndTheBytes() {
        let input = Self.queries(4000).joined(separator: "\n") + "\n"
        let args = ["eval", "--date", "2026-03-01", Self.covenant]
        let one = Self.run(args, input: input, piece: 1 << 20)
        #expect(one.code == 0)
        let lines = one.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4001 && lines.last == "")
        #expect(lines[13].contains("\"kind\":\"notJSON\""))
        #expect(lines[14].hasPrefix("{\"id\":14,"))
        for threads in ["2", "3", "7"] {
            let many = Self.run(["eval", "--threads", threads] + args.dropFirst(), input: input, piece: 1 << 20)
            #expect(many.code == 0)
            #expect(many.out == one.out, "--threads \(threads) changed the answers")
        }
        // Reads cut lines anywhere: the answers do not change.
        for piece in [1, 7, 4096] {
            #expect(Self.run(args, input: input, piece: piece).out == one.out, "pieces of \(piece) bytes")
        }
    }

    @Test func lastLineWithoutBreakAndCRLF() {
        let queries = Self.queries(3)
        let input = queries[0] + "\r\n" + queries[1] + "\n\r\n" + queries[2]
        let r = Self.run(["eval", "--date", "2026-03-01", Self.covenant], input: input, piece: 5)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("{\"id\":0,"))
        #expect(lines[2].contains("\"kind\":\"emptyLine\""))
        #expect(lines[3].hasPrefix("{\"id\":2,"))
    }

    @Test func threadUsageErrors() {
        for bad in ["0", "65", "two", ""] {
            let r = CLISupport.run(["eval", "--threads", bad, Self.covenant])
            #expect(r.code == 2)
            #expect(r.err.contains("--threads takes a number of threads from 1 to 64"))
        }
        let withLog = CLISupport.run(["eval", "--threads", "2", "--log", "/tmp/never-written.log", Self.covenant])
        #expect(withLog.code == 2)
        #expect(withLog.err.contains("--threads above 1 and --log exclude each other"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.log"))
    }

    @Test func linesSplitAtBreaks() {
        let text = Array("a\nbb\n\nccc\nd\n".utf8)
        text.withUnsafeBufferPointer { block in
            let all = Lines(block).map { String(decoding: $0, as: UTF8.self) }
            #expect(all == ["a", "bb", "", "ccc", "d"])
            for n in 1...8 {
                let parts = Lines(block).split(into: n)
                #expect(parts.count <= n)
                #expect(parts.flatMap { $0.map { String(decoding: $0, as: UTF8.self) } } == all)
            }
        }
    }

    /// `compile --format binary` writes a table every command reads, answering as the JSON table.
    @Test func aBinaryTableAnswersAsTheJSONTable() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("boekel.json").path
        let binary = dir.appendingPathComponent("boekel.table").path
        #expect(CLISupport.run(["compile", Self.covenant, "-o", json]).code == 0)
        let wrote = CLISupport.run(["compile", "--format", "binary", Self.covenant, "-o", binary])
        #expect(wrote.code == 0 && wrote.err.contains("boekel.table"))
        let input = Self.queries(300).joined(separator: "\n") + "\n"
        let fromJSON = Self.run(["eval", "--date", "2026-03-01", json], input: input, piece: 1 << 16)
        let fromBinary = Self.run(["eval", "--date", "2026-03-01", binary], input: input, piece: 1 << 16)
        #expect(fromJSON.code == 0 && fromBinary.code == 0)
        #expect(fromBinary.out == fromJSON.out)
        let bad = CLISupport.run(["compile", "--format", "yaml", Self.covenant])
        #expect(bad.code == 2 && bad.err.contains("--format takes json or binary"))
        // A damaged binary table is refused with the reason.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: binary)))
        bytes[bytes.count - 10] ^= 1
        try Data(bytes).write(to: URL(fileURLWithPath: binary))
        let damaged = CLISupport.run(["eval", binary], input: ["{}"])
        #expect(damaged.code == 1 && damaged.err.contains("integrity check failed"))
    }
}
