@testable import CovenantLang
import CovenantEval
import Foundation
import Testing

/// The documentation holds together: the README stays short, every relative link in it and in
/// docs/ leads to a file (and a section) that exists, every citation a finding prints — the
/// principle and the seed passages, in English and in Dutch — has its section in
/// docs/principles.md and docs/seeds.md, and the specification in docs/ is the one the
/// covenants follow.
@Suite struct DocsTests {
    static let root = Support.root

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// README.md and every Markdown file under docs/, relative to the package.
    static func markdownFiles() throws -> [String] {
        var files = ["README.md"]
        let docs = root.appendingPathComponent("docs")
        let walker = try #require(FileManager.default.enumerator(atPath: docs.path))
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".md") { files.append("docs/" + relative) }
        }
        return files.sorted()
    }

    /// The text outside fenced code blocks and inline code, where links are links.
    static func prose(_ markdown: String) -> String {
        var out: [Substring] = []
        var fenced = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { fenced.toggle(); continue }
            if !fenced { out.append(line) }
        }
        return out.joined(separator: "\n").replacing(/`[^`\n]*`/, with: "")
    }

    /// The anchors a page has: explicit `id="…"`, and GitHub's slug of every heading.
    static func anchors(_ markdown: String) -> Set<String> {
        var found = Set(markdown.matches(of: /id="([^"]+)"/).map { String($0.1) })
        var fenced = false
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("```") { fenced.toggle(); continue }
            guard !fenced, let heading = line.firstMatch(of: /^#{1,6} (.+)$/) else { continue }
            found.insert(slug(String(heading.1)))
        }
        return found
    }

    /// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
    static func slug(_ heading: String) -> String {
        String(
            heading.lowercased().unicodeScalars.compactMap { s -> Character? in
                if s == " " { return "-" }
                if s == "-" || s == "_" || CharacterSet.alphanumerics.contains(s) { return Character(s) }
                return nil
            })
    }

    @Test func theReadmeIsShort() throws {
        let size = try Data(contentsOf: Self.root.appendingPathComponent("README.md")).count
        #expect(size < 20_000, "README.md is \(size) bytes; keep it under 20 KB and move detail to docs/")
    }

    /// A code block after `<!-- example: PATH -->` (and every block that directly follows it) is a
    /// copy of lines of PATH, an example CI builds and runs (scripts/embedding-check): its lines,
    /// leading blanks aside, appear one after another in that file. So the README and
    /// docs/embedding.md cannot drift from code that works.
    @Test func exampleBlocksAreCopiesOfTestedExamples() throws {
        var checked = 0
        for file in try Self.markdownFiles() {
            let lines = try Self.read(file).components(separatedBy: "\n")
            var source: String?
            var i = 0
            while i < lines.count {
                let line = lines[i]
                if let match = line.wholeMatch(of: /<!-- example: (\S+) -->/) {
                    source = String(match.1)
                } else if line.hasPrefix("```"), let path = source {
                    var block: [String] = []
                    i += 1
                    while i < lines.count, !lines[i].hasPrefix("```") {
                        block.append(lines[i].trimmingCharacters(in: .whitespaces))
                        i += 1
                    }
                    let example = try Self.read(path).components(separatedBy: "\n").map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    let found = example.indices.contains { start in
                        start + block.count <= example.count && Array(example[start..<start + block.count]) == block
                    }
                    #expect(found, "\(file): a block marked as from \(path) is not a copy of its lines: \(block)")
                    checked += 1
                } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    source = nil
                }
                i += 1
            }
        }
        #expect(checked >= 5)
    }

    @Test func everyRelativeLinkResolves() throws {
        let files = try Self.markdownFiles()
        #expect(files.contains("docs/principles.md") && files.contains("docs/diagnostics/L204.md"))
        var checked = 0
        for file in files {
            let text = try Self.read(file)
            let directory = (file as NSString).deletingLastPathComponent
            for match in Self.prose(text).matches(of: /\]\(([^)\s]+)\)/) {
                let target = String(match.1)
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") {
                    continue
                }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0]), anchor = parts.count > 1 ? String(parts[1]) : nil
                let resolved =
                    path.isEmpty
                    ? file : ((directory as NSString).appendingPathComponent(path) as NSString).standardizingPath
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(
                    atPath: Self.root.appendingPathComponent(resolved).path, isDirectory: &isDirectory)
                #expect(exists, "\(file): the link to \(target) leads nowhere")
                checked += 1
                guard exists, let anchor, !isDirectory.boolValue, resolved.hasSuffix(".md") else { continue }
                let anchors = Self.anchors(try Self.read(resolved))
                #expect(anchors.contains(anchor), "\(file): \(resolved) has no section '#\(anchor)'")
            }
        }
        #expect(checked > 100)
    }

    /// What a principle text cites, as (page, anchor) pairs: "principle 7" and "beginsel 7" →
    /// principles.md#principle-7; "seeds 001 §3.4; 004 annex b" → principles.md#seed-001-3-4 and
    /// #seed-004-annex-b, and seeds.md#seed-001, #seed-004; a seed cited whole → principles.md#seed-000.
    static func citations(_ text: String) -> [(page: String, anchor: String)] {
        var found: [(String, String)] = []
        for match in text.matches(of: /(?:principle|beginsel) (\d+)/) {
            found.append(("principles.md", "principle-\(match.1)"))
        }
        if text.contains("what a covenant must state") || text.contains("wat een convenant moet bevatten") {
            found.append(("principles.md", "what-a-covenant-must-state"))
        }
        if text.hasPrefix("a processor") || text.hasPrefix("een verwerker") {
            found.append(("principles.md", "processors"))
        }
        for group in text.matches(of: /\(([^()]*)\)/) {
            for segment in group.1.split(separator: ";") {
                guard let seed = segment.firstMatch(of: /\b(00\d)\b/)?.1 else { continue }
                found.append(("seeds.md", "seed-\(seed)"))
                var sections: [String] = segment.matches(of: /§(\d+(?:\.\d+)*)/).map {
                    "seed-\(seed)-" + $0.1.replacingOccurrences(of: ".", with: "-")
                }
                for annex in segment.matches(of: /(?:annex|bijlage) (?:(\d+) )?([a-z])(?:\.(\d+))?\b/) {
                    let parts = [annex.1, Optional(annex.2), annex.3].compactMap { $0.map(String.init) }
                    sections.append("seed-\(seed)-annex-" + parts.joined(separator: "-"))
                }
                if segment.contains("factsheet") { sections.append("seed-\(seed)-factsheet") }
                found += (sections.isEmpty ? ["seed-\(seed)"] : sections).map { ("principles.md", $0) }
            }
        }
        return found
    }

    @Test func everyCitationAFindingPrintsHasItsSection() throws {
        let principles = Self.anchors(try Self.read("docs/principles.md"))
        let seeds = Self.anchors(try Self.read("docs/seeds.md"))
        let v2 = try Self.read("docs/language-v2.md")
        var cited = 0
        for code in DiagnosticCode.allCases {
            for language in Language.allCases {
                guard let principle = code.principle(in: language) else { continue }
                let citations = Self.citations(principle)
                #expect(
                    !citations.isEmpty || principle.contains("LANGUAGE-V2"),
                    "\(code.rawValue) \(language): no citation found in '\(principle)'")
                for (page, anchor) in citations {
                    cited += 1
                    let anchors = page == "seeds.md" ? seeds : principles
                    #expect(
                        anchors.contains(anchor),
                        "\(code.rawValue) \(language) cites '\(principle)': docs/\(page) has no section '#\(anchor)'")
                }
                // The specification, version 2, and the semantics rule it names.
                if principle.contains("LANGUAGE-V2"),
                    let number = principle.firstMatch(of: /(?:semantics|semantiek) (\d+)/)?.1
                {
                    #expect(
                        v2.contains("\n\(number). **"),
                        "\(code.rawValue): docs/language-v2.md has no semantics rule \(number)")
                }
            }
        }
        #expect(cited > 60)
        // Every seed has its entry, every principle of the domain its section.
        for seed in 0...4 {
            #expect(seeds.contains("seed-00\(seed)") && principles.contains(where: { $0.hasPrefix("seed-00\(seed)") }))
        }
        for principle in 1...14 { #expect(principles.contains("principle-\(principle)")) }
    }

    /// The example of the specification (docs/language.md) is covenants/boekel.covenant verbatim.
    @Test func theSpecificationsExampleIsTheShippedCovenant() throws {
        let spec = try Self.read("docs/language.md")
        #expect(spec.contains("This copy is normative"))
        #expect(try Self.read("docs/language-v2.md").contains("This copy is normative"))
        let afterHeading = try #require(spec.components(separatedBy: "## Example (English keywords)").dropFirst().first)
        let example = afterHeading.components(separatedBy: "```")[1].drop { $0 != "\n" }.dropFirst()
        let covenant = try Self.read("covenants/boekel.covenant")
        #expect(
            covenant.contains(example),
            "covenants/boekel.covenant must contain the example of docs/language.md verbatim")
        #expect(Support.check(covenant).diagnostics.isEmpty)
    }

    /// The keyword tables of docs/reference.md are the grammar's (and so the lexer's).
    @Test func theReferenceListsEveryKeyword() throws {
        let reference = try Self.read("docs/reference.md")
        let grammar = try Self.read("grammar/covenant.ebnf")
        let table = try #require(
            grammar.components(separatedBy: "(* KEYWORDS:").dropFirst().first?.components(separatedBy: "*)").first)
        var rows = 0
        for line in table.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count >= 3, !line.contains(","), words[0].first?.isLetter == true else { continue }
            rows += 1
            #expect(reference.contains("| \(words[0]) | `"), "docs/reference.md has no row for the keyword \(words[0])")
            for spelling in words.dropFirst() {
                #expect(reference.contains("`\(spelling)`"), "docs/reference.md does not spell \(spelling)")
            }
        }
        #expect(rows > 50)
    }
}
