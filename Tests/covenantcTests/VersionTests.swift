@testable import covenantc
import Foundation
import Testing

/// The release version lives in one place (Sources/CovenantEval/Version.swift): `--version` prints
/// it, CHANGELOG.md has its section, and scripts/dist can read it. The licence is stated.
@Suite struct VersionTests {
    static func text(_ path: String) throws -> String {
        try String(contentsOf: CLISupport.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func versionIsSemantic() {
        let parts = Version.current.split(separator: ".", omittingEmptySubsequences: false)
        #expect(
            parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil },
            "\(Version.current)")
        #expect(CLI.version == Version.current)
    }

    @Test func versionFlagPrintsIt() {
        let r = CLISupport.run(["--version"])
        #expect(r.code == 0 && r.out == "covenantc \(Version.current)\n" && r.err.isEmpty)
        #expect(CLISupport.run(["--help"]).out.contains(Version.current))
    }

    @Test func builtBinaryPrintsIt() throws {
        let binary = try #require(CLISupport.binary, "covenantc must be built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == "covenantc \(Version.current)\n")
    }

    /// The newest released section of CHANGELOG.md is this version's, with a date.
    @Test func changelogHasASectionForIt() throws {
        let headings = try Self.text("CHANGELOG.md").split(separator: "\n").filter { $0.hasPrefix("## [") }
        let released = headings.filter { !$0.hasPrefix("## [Unreleased]") }
        let newest = try #require(released.first, "CHANGELOG.md has no version section")
        #expect(
            newest.hasPrefix("## [\(Version.current)] — "), "the newest section is '\(newest)', not \(Version.current)")
        let date = newest.split(separator: " ").last.map(String.init) ?? ""
        #expect(date.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil, "'\(newest)' has no YYYY-MM-DD date")
        #expect(headings.filter { $0.hasPrefix("## [\(Version.current)]") }.count == 1)
    }

    /// scripts/dist reads the version with sed from this exact line shape.
    @Test func distScriptCanReadIt() throws {
        let source = try Self.text("Sources/CovenantEval/Version.swift")
        #expect(
            source.split(separator: "\n").filter { $0 == "    package static let current = \"\(Version.current)\"" }
                .count == 1)
        let script = try Self.text("scripts/dist")
        #expect(
            script.contains(
                #"sed -n 's/^ *package static let current = "\(.*\)"$/\1/p' Sources/CovenantEval/Version.swift"#))
    }

    @Test func licenceIsStated() throws {
        let licence = try Self.text("LICENSE")
        #expect(licence.contains("EUROPEAN UNION PUBLIC LICENCE v. 1.2"))
        #expect(licence.contains("‘Compatible Licences’ according to Article 5 EUPL are:"))
        #expect(
            licence.hasSuffix(
                "All other changes or additions to this Appendix require the production of a\nnew EUPL version.\n"))
        #expect(try Self.text("Package.swift").contains("// SPDX-License-Identifier: EUPL-1.2\n"))
    }
}
