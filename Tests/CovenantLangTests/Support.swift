import CovenantLang
import Foundation

/// Paths and helpers shared by the tests.
enum Support {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func check(_ text: String, path: String = "test.covenant", limits: Limits = .standard) -> FrontendResult {
        Frontend.check(SourceFile(path: path, text: text), limits: limits)
    }

    static func codes(_ text: String, limits: Limits = .standard) -> [String] {
        check(text, limits: limits).diagnostics.map(\.code.rawValue)
    }

    static func rendered(_ result: FrontendResult) -> String {
        DiagnosticRenderer(files: [result.source]).render(result.diagnostics)
    }

    /// A minimal covenant that checks clean, to which a test appends what it is about.
    static let prelude = """
        covenant "T" { controller a }
        party a { kind care }
        party b { kind care }
        category c
        purpose p
        fact f : bool
        basis bs { kind consent }

        """
}
