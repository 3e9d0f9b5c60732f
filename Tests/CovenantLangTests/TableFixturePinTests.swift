import CovenantEval
import CovenantLang
import Foundation
import Testing

/// CovenantEvalTests decide against a table checked in as a file
/// (Tests/CovenantEvalTests/Fixtures/boekel.table.json). It must be exactly what the compiler
/// writes for covenants/boekel.covenant today: so a change to the table format, or to what the
/// compiler puts in a table, shows up here as a deliberate change to that file (and to
/// DecisionTable.formatVersion when old tables can no longer be read).
/// COVENANT_UPDATE_GOLDEN=1 writes it again.
@Suite struct TableFixturePinTests {
    @Test func theCheckedInTableIsWhatTheCompilerWrites() throws {
        let covenant = Support.root.appendingPathComponent("covenants/boekel.covenant")
        let fixture = Support.root.appendingPathComponent("Tests/CovenantEvalTests/Fixtures/boekel.table.json")
        let source = SourceFile(
            path: "covenants/boekel.covenant", text: try String(contentsOf: covenant, encoding: .utf8))
        let model = try #require(Frontend.check(source).model)
        let written = TableCodec.encode(Compiler.compile(model, source: source))
        if ProcessInfo.processInfo.environment["COVENANT_UPDATE_GOLDEN"] == "1" {
            try written.write(to: fixture, atomically: true, encoding: .utf8)
        }
        let checkedIn = try String(contentsOf: fixture, encoding: .utf8)
        #expect(
            checkedIn == written,
            "the table format or the compiler's output changed: if deliberate, run COVENANT_UPDATE_GOLDEN=1 swift test")
    }
}
