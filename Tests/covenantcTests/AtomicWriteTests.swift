@testable import covenantc
import Foundation
import Testing

/// Whether this test process runs under ThreadSanitizer (its runtime is linked in).
let underThreadSanitizer = dlsym(dlopen(nil, RTLD_NOW), "__tsan_init") != nil

/// Every file covenantc writes goes through a temporary file, a flush and a rename: when the
/// write fails halfway, the file that was there is left exactly as it was.
///
/// Not under ThreadSanitizer: its runtime faults (SIGBUS in its own memcpy interceptor) in a
/// process with a file-size limit, before covenantc writes anything.
@Suite(.disabled(if: underThreadSanitizer, "ThreadSanitizer's runtime cannot run under a file-size limit"))
struct AtomicWriteTests {

    /// Runs the real covenantc under a 2 KiB file-size limit (`ulimit -f 2`; SIGXFSZ ignored,
    /// so a write past the limit fails with EFBIG rather than killing the process): the
    /// table of the example covenant is larger, so its write fails partway through.
    static func runWithFileSizeLimit(_ args: [String]) throws -> (code: Int32, err: String) {
        let binary = try #require(CLISupport.binary, "covenantc must be built next to the tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 2; exec \"$0\" \"$@\"", binary.path] + args
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func compileThatFailsHalfwayLeavesTheOldTable() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("boekel.json")
        let old = "the table that was here before\n"
        try old.write(to: table, atomically: false, encoding: .utf8)
        let r = try Self.runWithFileSizeLimit(["compile", CLISupport.covenants + "/boekel.covenant", "-o", table.path])
        #expect(r.code == 1 && r.err.contains("cannot write \(table.path): File too large"), "\(r.err)")
        #expect(try String(contentsOf: table, encoding: .utf8) == old)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["boekel.json"])
    }

    @Test func fmtThatFailsHalfwayLeavesTheCovenant() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A covenant larger than the limit once formatted, written with a messy layout.
        let source = try String(contentsOfFile: CLISupport.covenants + "/boekel.covenant", encoding: .utf8)
        let messy = source.replacingOccurrences(of: "\n  ", with: "\n      ")
        let file = dir.appendingPathComponent("boekel.covenant")
        try messy.write(to: file, atomically: false, encoding: .utf8)
        // The messy file itself is written before the limit applies; fmt's rewrite hits it.
        let r = try Self.runWithFileSizeLimit(["fmt", "--write", file.path])
        #expect(r.code == 1, "\(r.err)")
        #expect(try String(contentsOf: file, encoding: .utf8) == messy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["boekel.covenant"])
    }
}
