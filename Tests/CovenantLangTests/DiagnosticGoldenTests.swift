import CovenantLang
import Foundation
import Testing

/// One input per diagnostic code (Golden/CODE.covenant) and its full rendered output
/// (Golden/CODE.expected): the code fires, at the exact place, with no other diagnostic.
/// Set COVENANT_UPDATE_GOLDEN=1 to rewrite the .expected files after a deliberate change, and
/// review the diff.
@Suite struct DiagnosticGoldenTests {
    static let directory = Support.root.appendingPathComponent("Tests/CovenantLangTests/Golden")

    /// Codes reported outside the front end (by covenantc itself), tested in covenantcTests.
    static let testedElsewhere: Set<DiagnosticCode> = [.unreadableFile]

    /// Limits lowered so a small input reaches them.
    static func limits(for code: DiagnosticCode) -> Limits {
        var limits = Limits.standard
        switch code {
        case .fileTooLarge: limits.maxFileBytes = 100
        case .nestingTooDeep: limits.maxNestingDepth = 3
        case .tooLong: limits.maxIdentifierBytes = 20
        case .tooManyDeclarations: limits.maxDeclarations = 3
        case .tooManyErrors: limits.maxErrorsPerFile = 2
        default: break
        }
        return limits
    }

    @Test(arguments: DiagnosticCode.allCases.filter { !testedElsewhere.contains($0) })
    func golden(_ code: DiagnosticCode) throws {
        let input = Self.directory.appendingPathComponent("\(code.rawValue).covenant")
        let data = try Data(contentsOf: input)
        let result = Frontend.check(SourceFile(path: "\(code.rawValue).covenant", bytes: [UInt8](data)), limits: Self.limits(for: code))
        let rendered = Support.rendered(result)
        let expectedURL = Self.directory.appendingPathComponent("\(code.rawValue).expected")
        if ProcessInfo.processInfo.environment["COVENANT_UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(rendered == expected)
        #expect(result.diagnostics.contains { $0.code == code }, "the input must trigger \(code.rawValue)")
    }

    /// The README documents every code, with the golden output as its example.
    @Test(arguments: DiagnosticCode.allCases)
    func readmeDocumentsCode(_ code: DiagnosticCode) throws {
        let readme = try String(contentsOf: Support.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("### \(code.rawValue) — \(code.summary)\n"), "README.md must document \(code.rawValue)")
        if !Self.testedElsewhere.contains(code) {
            let expected = try String(contentsOf: Self.directory.appendingPathComponent("\(code.rawValue).expected"), encoding: .utf8)
            #expect(readme.contains("```\n" + expected + "```\n"), "README.md's example for \(code.rawValue) must be its golden output")
        }
    }
}
