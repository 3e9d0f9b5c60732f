@testable import covenantc
import Foundation
import Testing

/// `covenantc check` with the review: SARIF, acknowledgements, --disable, --warnings-as-errors.
@Suite struct ReviewCommandTests {
    static let golden = CLISupport.root.appendingPathComponent("Tests/CovenantLangTests/Golden")

    @Test func sarifHasTheRequiredStructure() throws {
        let r = CLISupport.run(["check", "--format", "sarif", Self.golden.appendingPathComponent("L204.covenant").path])
        #expect(r.code == 0)  // warnings only
        let log = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "covenantc")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIds = rules.compactMap { $0["id"] as? String }
        #expect(ruleIds.contains("L204"))
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let id = try #require(result["ruleId"] as? String)
            #expect(ruleIds.contains(id))
            #expect(["error", "warning", "note"].contains(result["level"] as? String))
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let location = try #require(
                (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect(
                (location["artifactLocation"] as? [String: Any])?["uri"] as? String
                    == Self.golden.appendingPathComponent("L204.covenant").path)
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1 && (region["startColumn"] as? Int ?? 0) >= 1)
        }
        let l204 = try #require(results.first { $0["ruleId"] as? String == "L204" })
        #expect(
            ((l204["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap {
                ($0["region"] as? [String: Any])?["startLine"] as? Int
            } == 21)
    }

    @Test func acknowledgedFindingsAreReportedNotCounted() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: Self.golden.appendingPathComponent("L201.covenant"), encoding: .utf8)
            .replacingOccurrences(
                of: "rule medisch {",
                with:
                    "// covenant:allow L201 \"Wet verplichte ggz art. 8:16 geeft hier een wettelijke grondslag\"\n"
                    + "rule medisch {"
            )
        let file = dir.appendingPathComponent("a.covenant")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["check", "--verbose", "--disable", "L213", "--disable", "L212", file.path])
        #expect(r.code == 0, "\(r.out)")
        // Without --verbose, one line counts them.
        #expect(
            CLISupport.run(["check", "--disable", "L213", "--disable", "L212", file.path]).out
                .contains(
                    "1 acknowledged finding not shown (a 'covenant:allow' comment accepts it; --verbose shows it)\n"))
        #expect(
            r.out.contains(
                "acknowledged[L201]: rule 'medisch' permits sharing health data on a basis of kind public_task"))
        #expect(r.out.contains("    acknowledged: Wet verplichte ggz art. 8:16 geeft hier een wettelijke grondslag\n"))
        let sarif = CLISupport.run(["check", "--format", "sarif", file.path])
        #expect(
            sarif.out.contains(
                #""suppressions":[{"kind":"inSource","justification":"Wet verplichte ggz art. 8:16 geeft hier een "#
                    + #"wettelijke grondslag"}]"#
            ))
    }

    @Test func disableAndWarningsAsErrors() {
        let file = Self.golden.appendingPathComponent("L206.covenant").path
        #expect(CLISupport.run(["check", file]).code == 0)
        let strict = CLISupport.run(["check", "--warnings-as-errors", file])
        #expect(strict.code == 1)
        let disabled = CLISupport.run([
            "check", "--disable", "L206", "--disable", "L212", "--disable", "L213", "--disable", "A105",
            "--warnings-as-errors", file,
        ])
        #expect(disabled.code == 0, "\(disabled.out)")
        #expect(!disabled.out.contains("[L206]"))
        let unknown = CLISupport.run(["check", "--disable", "L999", file])
        #expect(unknown.code == 2 && unknown.err.contains("unknown code 'L999'"))
    }

    @Test func errorsFromLintsFailTheCheck() {
        let r = CLISupport.run(["check", Self.golden.appendingPathComponent("L209.covenant").path])
        #expect(r.code == 1 && r.out.contains("error[L209]"))
    }

    /// The whole directory, once in the suite (it is the slowest check there is): clean, even
    /// with warnings counted as errors.
    @Test func shippedCovenantsAreCleanEvenStrictly() {
        let r = CLISupport.run(["check", "--warnings-as-errors", CLISupport.covenants])
        #expect(r.code == 0, "\(r.out)")
        #expect(r.out.hasSuffix("0 errors, 0 warnings\n"))
    }
}
