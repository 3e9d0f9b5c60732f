@testable import covenantc
import CovenantEval
import CovenantLang
import Foundation
import Testing

/// Every command on a literate covenant (`*.covenant.md`, docs/literate.md): diagnostics at the
/// lines of the `.md` file, directories that include it, `fmt` on the code blocks only, the
/// table that records the `.md` file's hash, and the same answers as the plain covenant.
@Suite struct LiterateCommandTests {
    static let boekel = CLISupport.covenants + "/boekel.covenant"

    /// The text that states every element of seed 004 §5, so the review has nothing to say.
    static let elements = """
        ## What the covenant states

        <!-- covenant: §5 a, b, c, d, e, f, g, h, i -->

        Every element of seed 004 §5, in words.

        """

    /// A plain covenant as a literate one: each chunk between blank lines (at brace depth 0) in
    /// its own block, with a heading and prose before it; fences alternate between ``` and ~~~~.
    static func literate(fromPlain plain: String, elements: Bool = true) -> String {
        var chunks: [[Substring]] = [[]]
        var depth = 0
        for line in plain.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty, depth == 0 {
                if !chunks[chunks.count - 1].isEmpty { chunks.append([]) }
                continue
            }
            chunks[chunks.count - 1].append(line)
            let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            depth += code.filter { $0 == "{" }.count - code.filter { $0 == "}" }.count
        }
        var out = "# The covenant\n\nThe legal text.\n\n"
        for (n, chunk) in chunks.enumerated() where !chunk.isEmpty {
            let fence = n % 2 == 0 ? "```" : "~~~~"
            out += "## Article \(n + 1)\n\nWhat article \(n + 1) means.\n\n"
            out += "\(fence)covenant\n" + chunk.joined(separator: "\n") + "\n\(fence)\n\n"
        }
        return out + (elements ? Self.elements : "")
    }

    /// A directory with boekel.covenant and its literate version, boekel.covenant.md.
    static func directory() throws -> (URL, String, String) {
        let dir = try CLISupport.temporaryDirectory()
        let plain = dir.appendingPathComponent("boekel.covenant").path
        let markdown = dir.appendingPathComponent("boekel.covenant.md").path
        let text = try String(contentsOfFile: Self.boekel, encoding: .utf8)
        try text.write(toFile: plain, atomically: true, encoding: .utf8)
        try Self.literate(fromPlain: text).write(toFile: markdown, atomically: true, encoding: .utf8)
        return (dir, plain, markdown)
    }

    @Test func checkReadsALiterateCovenantAndADirectoryIncludesIt() throws {
        let (dir, plain, markdown) = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Boekel is a version-1 covenant: one note (L220) on each file, and nothing else.
        let one = CLISupport.run(["check", markdown])
        #expect(one.code == 0 && one.out.hasSuffix("checked 1 file: 0 errors, 0 warnings\n"), "\(one.out)")
        #expect(one.out.hasPrefix("\(markdown):20:10: note[L220]: ") && !one.out.contains("L221"))
        let both = CLISupport.run(["check", dir.path])
        #expect(both.code == 0 && both.out.hasSuffix("checked 2 files: 0 errors, 0 warnings\n"), "\(both.out)")
        #expect(CLISupport.run(["check", plain]).out.hasSuffix("checked 1 file: 0 errors, 0 warnings\n"))
        #expect(SourceLoader.covenantFiles(under: dir.path) == [plain, markdown])
    }

    @Test func diagnosticsPointAtTheLinesOfTheMarkdownFile() throws {
        let (dir, _, markdown) = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try String(contentsOfFile: markdown, encoding: .utf8).components(separatedBy: "\n")
        let line = try #require(lines.firstIndex(of: "  permit ggz -> wijkteam")) + 1
        lines[line - 1] = "  permit ggzz -> wijkteam"
        try lines.joined(separator: "\n").write(toFile: markdown, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["check", markdown])
        #expect(r.code == 1)
        #expect(
            r.out.hasPrefix(
                "\(markdown):\(line):10: error[E201]: unknown party or group 'ggzz'\n"
                    + "  \(line) |   permit ggzz -> wijkteam\n"))
        #expect(r.out.hasSuffix("checked 1 file: 1 error, 0 warnings\n"))
        let json = CLISupport.run(["check", "--format", "json", markdown]).out
        #expect(json.contains(#""file":"\#(markdown)","line":\#(line),"column":10"#))
        // Every command that compiles says the same, at the same line.
        let query = "ggz -> dorpsteam share health for support"
        for command in [["test", markdown], ["compile", markdown], ["query", markdown, query]] {
            let out = CLISupport.run(command)
            #expect(
                out.code == 1 && (out.out + out.err).contains("\(markdown):\(line):10: error[E201]"),
                "\(command[0]): \(out.err)")
        }
    }

    @Test func anUnclosedCovenantBlockIsRefusedAtItsFence() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("open.covenant.md").path
        let open = "# Open\n\n```covenant\ncovenant \"T\" { controller a }\nparty a { kind care }\n\nMore text.\n"
        try open.write(toFile: file, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["check", file])
        #expect(r.code == 1)
        #expect(
            r.out == """
                \(file):3:1: error[E110]: the covenant block opened here with '```covenant' is never closed
                    help: close it with a line '```' after its last declaration; until then everything below it, \
                the prose too, is read as covenant source
                checked 1 file: 1 error, 0 warnings

                """)
        let compile = CLISupport.run(["compile", file])
        #expect(compile.code == 1 && compile.err.hasPrefix("\(file):3:1: error[E110]"))
        #expect(CLISupport.run(["fmt", file]).code == 1 && CLISupport.run(["test", file]).code == 1)
        // In a Dutch covenant, in Dutch.
        let dutch = "```covenant\ntaal nl\nconvenant \"T\" { verantwoordelijke a }\n"
        try dutch.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(
            CLISupport.run(["check", file]).out
                .hasPrefix(
                    "\(file):1:1: fout[E110]: het blok '```covenant' dat hier begint, wordt nergens afgesloten\n"))
    }

    @Test func testRunsTheTestsOfALiterateCovenant() throws {
        let (dir, _, markdown) = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = CLISupport.run(["test", markdown])
        let plain = CLISupport.run(["test", Self.boekel])
        #expect(r.code == 0 && plain.code == 0)
        #expect(r.out.hasSuffix(plain.out.split(separator: "\n").last.map { String($0) + "\n" } ?? "-"), "\(r.out)")
    }

    @Test func fmtFormatsTheBlocksAndLeavesTheProse() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.covenant.md").path
        let prose = "\n\nText *stays*   as it is.\n"
        let messy = "# Title  \n\n```covenant\ncovenant \"T\" {controller a}\nparty a {kind care}\n```" + prose
        let tidy = "# Title  \n\n```covenant\ncovenant \"T\" {\n  controller a\n}\n\nparty a { kind care }\n```" + prose
        try messy.write(toFile: file, atomically: true, encoding: .utf8)
        let out = CLISupport.run(["fmt", file])
        #expect(out.code == 0 && out.out == tidy)
        let check = CLISupport.run(["fmt", "--check", dir.path])
        #expect(check.code == 1 && check.out == "not formatted: \(file)\nrun 'covenantc fmt --write' on it\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == messy)
        let write = CLISupport.run(["fmt", "--write", dir.path])
        #expect(write.code == 0 && write.err == "formatted \(file)\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == tidy)
        #expect(CLISupport.run(["fmt", "--check", file]).code == 0)
        let dutch = CLISupport.run(["fmt", "--lang", "nl", file])
        #expect(
            dutch.out == "# Title  \n\n```covenant\ntaal nl\n\nconvenant \"T\" {\n  verantwoordelijke a\n}\n\n"
                + "partij a { soort zorg }\n```" + prose)
        // A shipped covenant made literate is formatted already, as its plain file is.
        let (boekelDir, _, markdown) = try Self.directory()
        defer { try? FileManager.default.removeItem(at: boekelDir) }
        #expect(CLISupport.run(["fmt", "--check", markdown]).code == 0)
    }

    @Test func compileQueryExplainAndEvalReadALiterateCovenant() throws {
        let (dir, plain, markdown) = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let query = "ggz -> dorpsteam share health for support given consent = given, age = 30"
        for command in ["query", "explain"] {
            let literate = CLISupport.run([command, markdown, query])
            let original = CLISupport.run([command, plain, query])
            #expect(
                literate.code == 0 && literate.out == original.out && literate.out.hasPrefix("PERMIT"),
                "\(literate.err)")
        }
        let input = [
            #"{"from":"ggz","to":"dorpsteam","share":"health","for":"support","#
                + #""facts":{"consent":"given","age":30}}"#
        ]
        let eval = CLISupport.run(["eval", "--date", "2026-03-01", markdown], input: input)
        #expect(eval.code == 0 && eval.out.hasPrefix(#"{"effect":"permit","decidedBy":["medisch"]"#))
        // The table records the hash of the .md file, so --source names the literate covenant.
        let table = dir.appendingPathComponent("boekel.json").path
        #expect(CLISupport.run(["compile", markdown, "-o", table]).code == 0)
        let decoded = try TableCodec.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: table))))
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: markdown)))
        #expect(decoded.metadata.sourceSHA256 == SHA256.hexDigest(bytes))
        let sourced = CLISupport.run(["query", table, "--source", markdown, query])
        #expect(sourced.code == 0 && sourced.out.hasPrefix("PERMIT"))
        #expect(CLISupport.run(["query", table, "--source", plain, query]).err.contains("another version"))
        // Apart from that hash, the same table as the plain covenant's.
        let plainTable = dir.appendingPathComponent("plain.json").path
        #expect(CLISupport.run(["compile", plain, "-o", plainTable]).code == 0)
        var a = decoded, b = try TableCodec.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: plainTable))))
        a.metadata.sourceSHA256 = ""
        b.metadata.sourceSHA256 = ""
        #expect(TableCodec.encode(a) == TableCodec.encode(b))
    }

    @Test func diffAndExportReadALiterateCovenant() throws {
        let (dir, plain, markdown) = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let same = CLISupport.run(["diff", plain, markdown])
        #expect(same.code == 0 && same.out == "no change in behaviour\n", "\(same.out)\(same.err)")
        let amended = try String(contentsOfFile: markdown, encoding: .utf8)
            .replacingOccurrences(of: "  permit ggz -> wijkteam", with: "  permit ggz -> bjg")
        let next = dir.appendingPathComponent("next.covenant.md").path
        try amended.write(toFile: next, atomically: true, encoding: .utf8)
        #expect(CLISupport.run(["diff", markdown, next]).code == 1)
        for target in ["rego", "cedar"] {
            let literate = CLISupport.run(["export", "--to", target, markdown])
            let original = CLISupport.run(["export", "--to", target, plain])
            #expect(literate.code == 0 && literate.out == original.out && !literate.out.isEmpty)
        }
    }

    @Test func checkReportsTheElementsALiterateCovenantDoesNotState() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("boekel.covenant.md").path
        let text =
            Self.literate(fromPlain: try String(contentsOfFile: Self.boekel, encoding: .utf8), elements: false)
            + "## Informing\n\n<!-- covenant: §5 c, d, e, g, h -->\n\nHow residents are informed.\n"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["check", file])
        // Boekel's rules state a, b and f; the text marks c, d, e, g and h: only i is missing.
        #expect(r.code == 0)
        #expect(
            r.out.contains(
                "warning[L221]: the covenant \"Privacyconvenant Sociaal Domein Boekel\" does not state "
                    + "i. information security and secrecy: no section of its text is marked for it\n"))
        #expect(r.out.contains("    principle: what a covenant must state, a to i (seed 004 §5)\n"))
        #expect(r.out.hasSuffix("checked 1 file: 0 errors, 1 warning\n"))
        let dutch = CLISupport.run(["check", "--lang", "nl", file])
        #expect(
            dutch.out.contains(
                "waarschuwing[L221]: in het convenant \"Privacyconvenant Sociaal Domein Boekel\" "
                    + "ontbreekt: "
                    + "i. informatiebeveiliging en geheimhouding (geen paragraaf van de tekst is daarvoor gemarkeerd)\n"
            ))
        #expect(CLISupport.run(["check", "--warnings-as-errors", file]).code == 1)
    }
}
