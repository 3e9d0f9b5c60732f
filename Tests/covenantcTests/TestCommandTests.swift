@testable import covenantc
import Foundation
import Testing

@Suite struct TestCommandTests {
    static func file(_ text: String) throws -> (URL, URL) {
        let dir = try CLISupport.temporaryDirectory()
        let file = dir.appendingPathComponent("t.covenant")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    static let covenant = """
        covenant "T" { controller a }
        party a { kind care }
        party b { kind care }
        category c
        purpose p
        fact f : bool default false
        fact m : bool
        basis bs { kind consent }
        obligation o1
        obligation o2
        rule base { forbid a -> b share c for p }
        rule allow exception to base { permit a -> b share c for p when not m basis bs oblige o1, o2 unless f }
        rule unused { permit b -> a share c for p basis bs }

        """

    @Test func passingTests() throws {
        let (dir, file) = try Self.file(
            Self.covenant + """
                test "permitted, o2 waived" {
                  query a -> b share c for p given m = false, f = true
                  expect permit by allow oblige o1 waived o2
                }
                test "missing m: the forbid stands" {
                  query a -> b share c for p
                  expect deny by base missing m
                }

                """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = CLISupport.run(["test", "--coverage", file.path])
        #expect(r.code == 0, "\(r.out)")
        #expect(r.out == "\(file.path): 2 of 3 rules exercised; not exercised: unused (line 13)\n2 passed, 0 failed\n")
    }

    @Test func failingTestsReportPositionExpectedAndActual() throws {
        let (dir, file) = try Self.file(
            Self.covenant + """
                test "wrong" {
                  query a -> b share c for p given m = false
                  expect deny by base
                }
                test "right" {
                  query a -> b share c for p given m = true
                  expect deny
                }

                """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = CLISupport.run(["test", file.path])
        #expect(r.code == 1)
        #expect(
            r.out == """
                \(file.path):14:1: FAIL "wrong": expected deny by base; got permit by allow oblige o1, o2: \
                the decision is permit, not deny; decided by allow, not base (permitted by rule allow)
                1 passed, 1 failed

                """)
    }

    @Test func aCovenantWithErrorsFails() throws {
        let (dir, file) = try Self.file("covenant \"T\" { controller a }\nparty a { kind caer }\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = CLISupport.run(["test", file.path])
        #expect(r.code == 1 && r.out.contains("error[E114]") && r.out.hasSuffix("0 passed, 0 failed\n"))
    }

    @Test func shippedCovenantsPass() {
        let r = CLISupport.run(["test", CLISupport.covenants])
        #expect(r.code == 0 && r.out.hasSuffix(" failed\n") && r.out.contains(", 0 failed"))
    }
}
