@testable import covenantc
import Foundation
import Testing

/// Collects what a command writes, safely from any thread.
final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }
    var console: Console {
        Console(
            out: { s in self.lock.withLock { self.outText += s } },
            err: { s in self.lock.withLock { self.errText += s } })
    }
}

/// Lines handed out one at a time, as standard input would.
final class LineSource: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]
    init(_ lines: [String]) { self.lines = lines.reversed() }
    func next() -> String? { lock.withLock { lines.popLast() } }
}

enum CLISupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let covenants = root.appendingPathComponent("covenants").path

    static func run(_ args: [String], input: [String] = []) -> (code: Int32, out: String, err: String) {
        let capture = Capture()
        var console = capture.console
        let lines = LineSource(input)
        console.readInput = { lines.next().map { Array(($0 + "\n").utf8) } }
        let code = CLI.run(args, console: console)
        return (code, capture.out, capture.err)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("covenantc-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The built covenantc, next to the test bundle.
    static var binary: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "covenantc"),
            Bundle.main.bundleURL.appendingPathComponent("covenantc"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("covenantc"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

@Suite struct CheckCommandTests {
    @Test func misspeltPartyExitsOneWithDidYouMean() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: CLISupport.covenants + "/boekel.covenant", encoding: .utf8)
            .replacingOccurrences(of: "permit ggz -> wijkteam", with: "permit ggzz -> wijkteam")
        let file = dir.appendingPathComponent("boekel.covenant")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["check", file.path])
        #expect(r.code == 1)
        #expect(r.out.contains("error[E201]: unknown party or group 'ggzz'"))
        #expect(r.out.contains("   permit ggzz -> wijkteam\n"))
        #expect(r.out.contains("help: did you mean 'ggz'?"))
        #expect(r.out.hasSuffix("checked 1 file: 1 error, 0 warnings\n"))
    }

    @Test func usageErrorsExitTwo() {
        #expect(CLISupport.run([]).code == 2)
        #expect(CLISupport.run(["check"]).code == 2)
        let unknownOption = CLISupport.run(["check", "--fromat", "json", "x"])
        #expect(unknownOption.code == 2)
        #expect(unknownOption.err.contains("unknown option --fromat (did you mean --format?)"))
        #expect(CLISupport.run(["check", "--format", "xml", "x"]).code == 2)
        let unknownCommand = CLISupport.run(["chek"])
        #expect(unknownCommand.code == 2)
        #expect(unknownCommand.err.contains("did you mean 'check'?"))
    }

    @Test func helpIsAvailable() {
        let top = CLISupport.run(["--help"])
        #expect(top.code == 0 && top.out.contains("Usage: covenantc <command>") && top.out.contains("check"))
        let check = CLISupport.run(["check", "--help"])
        #expect(check.code == 0 && check.out.contains("Usage: covenantc check [options] FILE|DIR..."))
    }

    @Test func missingFileIsReported() {
        let r = CLISupport.run(["check", "/nonexistent/x.covenant"])
        #expect(r.code == 1)
        #expect(
            r.out.hasPrefix(
                "/nonexistent/x.covenant:1:1: error[E906]: no such file or directory: '/nonexistent/x.covenant'"))
    }

    @Test func emptyDirectoryIsReported() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = CLISupport.run(["check", dir.path])
        #expect(r.code == 1)
        #expect(r.out.contains("error[E906]: the directory '\(dir.path)' contains no *.covenant files"))
    }

    @Test func jsonOutput() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.covenant")
        try "covenant \"T\" { controller a }\nparty a { kind caer }\n".write(
            to: file, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["check", "--format", "json", file.path])
        #expect(r.code == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0]["code"] as? String == "E114")
        #expect(diagnostics[0]["line"] as? Int == 2 && diagnostics[0]["column"] as? Int == 16)
        #expect((diagnostics[0]["fix"] as? [String: Any])?["replacement"] as? String == "care")
        #expect((object["summary"] as? [String: Any])?["errors"] as? Int == 1)
    }

    /// The real executable: exit codes as a CI pipeline sees them.
    @Test func realProcessExitCodes() throws {
        let binary = try #require(CLISupport.binary, "covenantc must be built next to the tests")
        func exitCode(_ args: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = binary
            process.arguments = args
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        // One covenant: CI checks the whole directory once, as its own step.
        #expect(try exitCode(["check", CLISupport.covenants + "/boekel.covenant"]) == 0)
        #expect(try exitCode(["check", "/nonexistent.covenant"]) == 1)
        #expect(try exitCode(["check", "--no-such-flag"]) == 2)
    }
}
