@testable import covenantc
import Foundation
import Testing

/// Whole sessions in Dutch and in English, compared with golden files (Golden/sessions): what a
/// lawyer sees from check, query, explain, test and diff on a Dutch covenant, and the same
/// with `--lang en`. Regenerate with COVENANT_UPDATE_GOLDEN=1 and read the diff.
@Suite struct DutchGoldenTests {
    static let folder = CLISupport.root.appendingPathComponent("Tests/covenantcTests/Golden/sessions")
    static let noaberkracht = CLISupport.covenants + "/noaberkracht.covenant"
    static let errors = folder.appendingPathComponent("fouten.covenant").path
    static let failing = folder.appendingPathComponent("falende-test.covenant").path
    /// A day on which the historic Noaberkracht covenant is in force.
    static let day = "2016-06-01"

    /// The sessions: a name and the arguments (without `--lang`).
    static func sessions(amended: String) -> [(String, [String])] {
        [
            ("check", ["check", "--date", day, noaberkracht]),
            ("check-errors", ["check", errors]),
            (
                "query-permit",
                [
                    "query", "--date", day, noaberkracht,
                    "prof_jeugd -> regisseur deel wat_jeugd voor casusoverleg met noodzakelijk = ja",
                ]
            ),
            (
                "query-deny",
                [
                    "query", "--date", day, noaberkracht,
                    "prof_zorg -> regisseur deel wat_zorg voor casusoverleg met leeftijd = 40",
                ]
            ),
            (
                "query-unknown",
                ["query", "--date", day, noaberkracht, "prof_zorg -> regiseur deel wat_zorg voor casusoverleg"]
            ),
            ("query-bad-text", ["query", "--date", day, noaberkracht, "prof_zorg -> regisseur deel wat_zorg"]),
            (
                "explain",
                [
                    "explain", "--date", day, noaberkracht,
                    "prof_zorg -> regisseur deel wat_zorg voor casusoverleg met leeftijd = 40, noodzakelijk = ja",
                ]
            ),
            ("test", ["test", "--date", day, noaberkracht]),
            ("test-failing", ["test", failing]),
            ("diff", ["diff", noaberkracht, amended]),
            ("diff-markdown", ["diff", "--format", "markdown", noaberkracht, amended]),
        ]
    }

    /// Noaberkracht amended: the care content goes to the director without the need test.
    static func amend(into dir: URL) throws -> String {
        var text = try String(contentsOfFile: noaberkracht, encoding: .utf8)
        let rule = try #require(text.range(of: "regel zorg_voor_regisseur"))
        let condition = try #require(text.range(of: " en noodzakelijk\n", range: rule.upperBound..<text.endIndex))
        text.replaceSubrange(condition, with: "\n")
        let path = dir.appendingPathComponent("noaberkracht-gewijzigd.covenant").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: ["nl", "en"]) func sessionsMatchTheirGoldenOutput(language: String) throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let amended = try Self.amend(into: dir)
        let update = ProcessInfo.processInfo.environment["COVENANT_UPDATE_GOLDEN"] == "1"
        for (name, args) in Self.sessions(amended: amended) {
            let r = CLISupport.run(language == "en" ? args + ["--lang", "en"] : args)
            let shown =
                "$ covenantc \(args.map(Self.portable).joined(separator: " "))\(language == "en" ? " --lang en" : "")\n"
                + (r.out + r.err).replacingOccurrences(of: dir.path + "/", with: "")
                .replacingOccurrences(of: CLISupport.root.path + "/", with: "")
                + "[exit \(r.code)]\n"
            let golden = Self.folder.appendingPathComponent("\(name).\(language).txt")
            if update {
                try shown.write(to: golden, atomically: true, encoding: .utf8)
            } else {
                let expected = try String(contentsOf: golden, encoding: .utf8)
                #expect(
                    shown == expected,
                    "\(name).\(language).txt differs; run with COVENANT_UPDATE_GOLDEN=1 and read the diff")
            }
        }
    }

    /// The done-when of "Dutch throughout": on a Dutch covenant no English sentence is
    /// printed. Words that Dutch never uses (not "is", "of", "was", which are Dutch too) stand
    /// for English sentences; quoted names, option names and the covenant's own identifiers are
    /// not sentences and are left out.
    @Test func noEnglishSentenceOnADutchCovenant() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let amended = try Self.amend(into: dir)
        let english: Set<String> = [
            "the", "not", "and", "or", "by", "with", "when", "which", "must", "rule", "rules",
            "denied", "permitted", "permit", "deny", "expected", "found", "no", "none", "for",
            "error", "errors", "warning", "warnings", "help", "note", "passed", "failed", "checked",
            "file", "files", "applies", "held", "unknown", "obligation", "basis", "waived", "changed", "now",
        ]
        for (name, args) in Self.sessions(amended: amended) {
            let r = CLISupport.run(args)
            for line in (r.out + r.err).split(separator: "\n") {
                // The source snippets echo the covenant itself ("  23 | ..."): not the tool's words.
                if line.contains(" | ") { continue }
                for word in Self.words(outsideQuotes: String(line)) where english.contains(word) {
                    Issue.record("\(name): English word '\(word)' in: \(line)")
                }
            }
        }
    }

    /// The lower-case words of a line, leaving out quoted text and `--options`.
    static func words(outsideQuotes line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character?
        for c in line {
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            if c == "'" || c == "\"" || c == "`" {
                quote = c
                continue
            }
            if c.isLetter || c == "_" || c == "-" {
                current.append(c)
            } else {
                if !current.isEmpty, !current.hasPrefix("-"), !current.contains("_") {
                    out.append(current.lowercased())
                }
                current = ""
            }
        }
        if !current.isEmpty, !current.hasPrefix("-"), !current.contains("_") { out.append(current.lowercased()) }
        return out
    }

    static func portable(_ arg: String) -> String {
        var s = arg.replacingOccurrences(of: CLISupport.root.path + "/", with: "")
        if let slash = s.range(of: "noaberkracht-gewijzigd.covenant") { s = String(s[slash.lowerBound...]) }
        return s.contains(" ") ? "\"\(s)\"" : s
    }
}
