import CovenantEval
@testable import CovenantLang
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
        case .tooManyConditionFacts: limits.maxConditionFacts = 2
        default: break
        }
        return limits
    }

    /// Review codes (analysis and lints) run after a clean front end.
    static func isReview(_ code: DiagnosticCode) -> Bool { code.rawValue.hasPrefix("A") || code.rawValue.hasPrefix("L") }

    /// The full `covenantc check` pipeline on one file: front end, then the review when clean.
    static func diagnostics(_ name: String, code: DiagnosticCode) throws -> (SourceFile, [Diagnostic]) {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        let source = SourceFile(path: name, bytes: [UInt8](data))
        let result = Frontend.check(source, limits: limits(for: code))
        var all = result.diagnostics
        if isReview(code), let syntax = result.syntax, let model = result.model {
            // A106 is reached with a tiny work bound; its fixed file uses the normal one.
            let budget = code == .analysisBounded && !name.contains(".fixed") ? 3 : Review.defaultBudget
            // Today is fixed, so the expiry warning (L219) does not change with the calendar.
            all += Review.findings(syntax, model, Compiler.compile(model, source: source), budget: budget, today: CalendarDate("2026-11-30"))
        }
        return (source, all)
    }

    @Test(arguments: DiagnosticCode.allCases.filter { !testedElsewhere.contains($0) })
    func golden(_ code: DiagnosticCode) throws {
        let (source, all) = try Self.diagnostics("\(code.rawValue).covenant", code: code)
        let shown = Self.isReview(code) ? all.filter { $0.code == code } : all
        let rendered = DiagnosticRenderer(files: [source]).render(shown)
        let expectedURL = Self.directory.appendingPathComponent("\(code.rawValue).expected")
        if ProcessInfo.processInfo.environment["COVENANT_UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(rendered == expected)
        #expect(shown.contains { $0.code == code }, "the input must trigger \(code.rawValue)")
        if Self.isReview(code) {
            let (_, fixed) = try Self.diagnostics("\(code.rawValue).fixed.covenant", code: code)
            #expect(!fixed.contains { $0.code == code }, "the fixed covenant must not trigger \(code.rawValue)")
            #expect(!fixed.hasErrors, "the fixed covenant must have no errors: \(fixed.filter { $0.severity == .error }.map(\.message))")
        } else if Self.errorsWithFixedExamples.contains(code) {
            // The front end accepts the corrected file without a single diagnostic.
            let (_, fixed) = try Self.diagnostics("\(code.rawValue).fixed.covenant", code: code)
            #expect(fixed.filter { !Self.isReview($0.code) }.isEmpty, "the fixed covenant must check clean: \(fixed.map(\.message))")
        }
    }

    /// Errors whose golden input comes with a corrected version (the version-2 codes).
    static let errorsWithFixedExamples: Set<DiagnosticCode> = [.roleTypeMismatch, .consentValues, .mandateCycle, .processorForItself, .duplicateController]

    /// The README documents every code, with the golden output as its example.
    @Test(arguments: DiagnosticCode.allCases)
    func readmeDocumentsCode(_ code: DiagnosticCode) throws {
        let readme = try String(contentsOf: Support.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("### \(code.rawValue) — \(code.summary)\n"), "README.md must document \(code.rawValue)")
        if Self.isReview(code) {
            let fixed = try String(contentsOf: Self.directory.appendingPathComponent("\(code.rawValue).fixed.covenant"), encoding: .utf8)
            #expect(readme.contains("```\n" + fixed + "```\n"), "README.md must show the fixed example of \(code.rawValue)")
        }
        if !Self.testedElsewhere.contains(code) {
            let expected = try String(contentsOf: Self.directory.appendingPathComponent("\(code.rawValue).expected"), encoding: .utf8)
            #expect(readme.contains("```\n" + expected + "```\n"), "README.md's example for \(code.rawValue) must be its golden output")
        }
    }
}
