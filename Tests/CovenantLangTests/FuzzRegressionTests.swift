import CovenantEval
import CovenantLang
import Foundation
import Testing

/// Every input the fuzzers (fuzz/) found a problem with, minimised, replayed through the same
/// properties the fuzz target checks. A file's name starts with its target: `pipeline-` and
/// `structured-` inputs are covenants, `wire-` inputs a table body and JSON queries.
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "FuzzRegressions")

    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .sorted()

    static let example: DecisionTable = {
        let path = Support.root.appendingPathComponent("covenants/boekel.covenant").path
        let source = SourceFile(
            path: "boekel.covenant", text: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        return Compiler.compile(Frontend.check(source).model!, source: source)
    }()

    @Test func thereAreRegressionInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs) func replay(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(name)))
        if name.hasPrefix("wire-") {
            #expect(FuzzOracle.wire(bytes, fallback: Self.example) == [], "\(name)")
        } else {
            #expect(FuzzOracle.covenant(bytes) == [], "\(name)")
            // The fuzz run checked one translation (by the input's length); replay checks both.
            let parsed = Parser.parse(SourceFile(path: name, bytes: bytes))
            if let file = parsed.file, !parsed.diagnostics.contains(where: { $0.severity == .error }) {
                for language in KeywordLanguage.allCases {
                    #expect(
                        FuzzOracle.printedFormIsStable(file, through: language) == [], "\(name) through \(language)")
                }
            }
        }
    }
}
