import CovenantEval
import Foundation
import Testing

@testable import covenantc

/// `covenantc render`: the council document of a shipped covenant, as Markdown and HTML, in
/// Dutch and English, compared with golden files (COVENANT_UPDATE_GOLDEN=1 rewrites them after a
/// deliberate change; review the diff).
@Suite struct RenderCommandTests {
    static let golden = CLISupport.root.appendingPathComponent("Tests/covenantcTests/Golden/render")
    static let noaberkracht = CLISupport.covenants + "/noaberkracht.covenant"
    static let literate = CLISupport.covenants + "/boekel-sociaal-domein.covenant.md"

    static func expectGolden(
        _ name: String, _ output: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["COVENANT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            output == expected,
            "Golden/render/\(name) differs; run COVENANT_UPDATE_GOLDEN=1 swift test --filter RenderCommandTests",
            sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("markdown", "nl", "md"), ("markdown", "en", "md"), ("html", "nl", "html"), ("html", "en", "html"),
    ])
    func theCouncilDocumentIsTheGolden(format: String, language: String, ext: String) throws {
        let r = CLISupport.run(["render", Self.noaberkracht, "--format", format, "--lang", language])
        #expect(r.code == 0, "\(r.err)")
        try Self.expectGolden("noaberkracht.\(language).\(ext)", r.out)
    }

    @Test func theDutchCovenantIsRenderedInDutchUnlessAskedOtherwise() {
        let dutch = CLISupport.run(["render", Self.noaberkracht, "--format", "markdown"])
        #expect(dutch.out.contains("## Verstrekkingsmatrix") && dutch.out.contains("## Controlelijst §5"))
        let english = CLISupport.run(["render", "--lang", "en", Self.noaberkracht, "--format", "md"])
        #expect(english.out.contains("## Sharing matrix") && english.out.contains("## Checklist of §5"))
    }

    @Test func aLiterateCovenantKeepsItsTextAndTiesTheChecklistToIt() throws {
        let r = CLISupport.run(["render", Self.literate])
        #expect(r.code == 0, "\(r.err)")
        let html = r.out
        #expect(html.contains("<section id=\"text\">") && html.contains("<p class=\"declarations\">"))
        // The §5 markers link to the sections they stand in.
        let checklist = try #require(html.range(of: "<section id=\"checklist\">"))
        let rows = html[checklist.lowerBound...].matches(of: /<td class="always">ja<\/td><td><a href="#(text-[^"]+)">/)
        #expect(rows.count == 9)
        for row in rows { #expect(html.contains("id=\"\(row.1)\"")) }
        // The code blocks are not shown as code: their declarations are named instead.
        #expect(
            !html.contains("```covenant") && !html.contains("<code>rule ") && !html.contains("toestaan sociaal_team"))
        // The table's SHA-256 is the one `covenantc compile` writes for this file.
        let directory = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t.json").path
        #expect(CLISupport.run(["compile", Self.literate, "-o", file]).code == 0)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        let hash = try #require(written.firstMatch(of: /"sha256":"([0-9a-f]{64})"/)?.1)
        #expect(html.contains("<code>\(hash)</code>"))
    }

    @Test func writesTheFileAndSaysSo() throws {
        let directory = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("raad.html").path
        let r = CLISupport.run(["render", Self.noaberkracht, "-o", file])
        #expect(r.code == 0 && r.out.isEmpty && r.err == "\(file) geschreven (HTML)\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
    }

    @Test func theExpectedContentListsPartiesRulesAndTables() throws {
        let r = CLISupport.run(["render", Self.noaberkracht, "--expected"])
        #expect(r.code == 0)
        let json = try JSONParser.parse(r.out.trimmingCharacters(in: .newlines))
        guard case .object(let fields) = json else {
            Issue.record("not an object")
            return
        }
        let counts = fields.map { key, value -> (String, Int) in
            (key, { if case .array(let a) = value { a.count } else { -1 } }())
        }
        #expect(counts.map(\.0) == ["parties", "rules", "matrix"])
        #expect(counts[0].1 == 18 && counts[1].1 == 33 && counts[2].1 > 0)
    }

    @Test func mistakesAreUsageErrorsAndErrorsFail() throws {
        #expect(CLISupport.run(["render"]).code == 2)
        #expect(CLISupport.run(["render", Self.noaberkracht, Self.literate]).code == 2)
        #expect(CLISupport.run(["render", Self.noaberkracht, "--format", "pdf"]).code == 2)
        #expect(CLISupport.run(["render", Self.noaberkracht, "--date", "2016-02-30"]).code == 2)
        let directory = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("b.covenant").path
        try "covenant \"x\" { controller nobody }\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["render", broken])
        #expect(r.code == 1 && r.out.isEmpty && r.err.contains("fix them first"))
    }

    @Test func aDayOutsideTheValiditySaysNothingMayBeShared() {
        let r = CLISupport.run(["render", Self.noaberkracht, "--format", "markdown", "--date", "2020-01-01"])
        #expect(r.out.contains("Het convenant is op 2020-01-01 niet van kracht: niets mag worden verstrekt."))
        #expect(!r.out.contains("**Tabel 1:"))
    }
}
