import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// Literate covenants (`*.covenant.md`, docs/literate.md): the split into prose and code as
/// CommonMark reads fences, the virtual source that keeps every line where it is, the §5
/// markers and their sections, `fmt` on the code blocks only, the L221 review, and the same
/// decisions as the plain covenant with the same code.
@Suite struct LiterateTests {
    static func split(_ text: String) -> LiterateDocument { LiterateSource.split(Array(text.utf8)) }

    /// The front end on a literate text, as `covenantc check` reads it.
    static func check(_ text: String, path: String = "t.covenant.md") -> (FrontendResult, LiterateDocument) {
        let (source, document) = LiterateSource.source(path: path, bytes: Array(text.utf8))
        return (Frontend.check(source), document!)
    }

    /// The review of a literate text that checks clean, L221 only.
    static func l221(_ text: String) throws -> [Diagnostic] {
        let (result, document) = check(text)
        let model = try #require(result.model, "\(result.diagnostics.map(\.message))")
        let syntax = try #require(result.syntax)
        return Review.findings(syntax, model, Compiler.compile(model, source: result.source), literate: document)
            .filter { $0.code == .literateElementMissing }
    }

    /// A plain covenant as a literate one: each top-level chunk (declarations between blank
    /// lines at brace depth 0) in its own block, with prose and a heading before it, fences
    /// alternating between backticks and tildes.
    static func literate(fromPlain plain: String) -> String {
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
        var out = "# The covenant\n\nThe legal text, <b>with</b> *Markdown*.\n\n"
        for (n, chunk) in chunks.enumerated() where !chunk.isEmpty {
            let fence = n % 2 == 0 ? "```" : "~~~~"
            out += "## Article \(n + 1)\n\nWhat article \(n + 1) means, in words.\n\n"
            out += "\(fence)covenant\n" + chunk.joined(separator: "\n") + "\n\(fence)\n\n"
        }
        return out
    }

    // MARK: - The split

    @Test func proseAndCodeKeepTheirLines() throws {
        let text = """
            # Title
            Some prose.
            ```covenant
            party a { kind care }
            ```
            More prose.
            ~~~~ covenant and more words
            party b { kind care }

            party c { kind care }
            ~~~~
            end
            """
        let document = Self.split(text)
        #expect(
            document.parts == [
                .prose("# Title\nSome prose.\n", lines: 1...2),
                .code("party a { kind care }\n", lines: 4...4),
                .prose("More prose.\n", lines: 6...6),
                .code("party b { kind care }\n\nparty c { kind care }\n", lines: 8...10),
                .prose("end", lines: 12...12),
            ])
        let virtual = String(decoding: document.virtualSource, as: UTF8.self)
        #expect(virtual == "\n\n\nparty a { kind care }\n\n\n\nparty b { kind care }\n\nparty c { kind care }\n\n")
        #expect(
            virtual.split(separator: "\n", omittingEmptySubsequences: false).count
                == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(document.blocks.map(\.opening) == [3, 7] && document.blocks.map(\.closing) == [5, 11])
        #expect(document.blocks.map(\.fence) == ["```", "~~~~"])
        #expect(document.unclosedFence == nil)
    }

    @Test func fencesFollowCommonMark() {
        // Only `covenant` as the info string's first word; other languages are prose.
        #expect(Self.split("```json\n{}\n```\n").blocks.isEmpty)
        #expect(Self.split("```covenanted\nx\n```\n").blocks.isEmpty)
        #expect(Self.split("```  covenant extra\nx\n```\n").blocks.count == 1)
        // A backtick fence's info string holds no backtick; four spaces make an indented code block.
        #expect(Self.split("```covenant`\nx\n```\n").blocks.isEmpty)
        #expect(Self.split("    ```covenant\nx\n    ```\n").blocks.isEmpty)
        #expect(Self.split("   ```covenant\nx\n   ```\n").blocks.count == 1)
        // The closing fence: the same character, at least as long, nothing after it.
        let mixed = Self.split("````covenant\n```\n~~~~\n```` x\n````\n")
        #expect(mixed.blocks.count == 1 && mixed.blocks[0].content == 2...4 && mixed.blocks[0].closing == 5)
        #expect(Self.split("~~~covenant\na\n~~~~~~\nb\n").blocks[0].closing == 3)
        // A covenant fence inside another fenced block is that block's text.
        let nested = Self.split("````markdown\n```covenant\nparty a\n```\n````\n")
        #expect(nested.blocks.isEmpty && nested.virtualSource.allSatisfy { $0 == 0x0A })
        // An empty block gives no code part.
        let empty = Self.split("```covenant\n```\n")
        #expect(empty.blocks.count == 1 && empty.blocks[0].content == nil && empty.parts.isEmpty)
    }

    @Test func anUnclosedCovenantFenceIsAnErrorAtTheFence() throws {
        let document = Self.split("# T\n\n~~~covenant\nparty a { kind care }\n\nMore prose\n")
        #expect(document.unclosedFence == 3)
        // As CommonMark reads it, the block runs to the end of the file.
        #expect(document.blocks[0].content == 4...6)
        let english = try #require(document.unclosedFenceDiagnostic(path: "t.covenant.md", language: .en))
        #expect(english.code == .unexpectedToken && english.severity == .error && english.range.start.line == 3)
        #expect(
            DiagnosticRenderer(files: []).render(english) == """
                t.covenant.md:3:1: error[E110]: the covenant block opened here with '~~~covenant' is never closed
                    help: close it with a line '~~~' after its last declaration; until then everything below it, \
                the prose too, is read as covenant source

                """)
        let dutch = try #require(document.unclosedFenceDiagnostic(path: "t.covenant.md", language: .nl))
        #expect(dutch.message == "het blok '~~~covenant' dat hier begint, wordt nergens afgesloten")
        // An unclosed fence of another language is prose to the end: no covenant block at all.
        #expect(Self.split("```json\n```covenant\nx\n```\n").unclosedFence == nil)
    }

    @Test func markersNameElementsInTheirSections() {
        let text = """
            Preamble
            <!-- covenant: §5 a -->
            # Informing
            <!--covenant:§5 C, h.-->
            Text.
            ## Sub
            <!-- covenant: §5 g z 5 -->
            Rights
            ======
            <!-- covenant: § 5 i -->
            ```markdown
            <!-- covenant: §5 b -->
            # not a heading
            ```
            <!-- covenant: §4 d -->
            <!-- covenant: §5 -->
            """
        let document = Self.split(text)
        #expect(
            document.elements.map { "\($0.letter)\($0.line)\($0.heading ?? "-")" }
                == ["a2-", "c4Informing", "h4Informing", "g7Sub", "i10Rights"])
        #expect(
            document.headings == [
                .init(line: 3, level: 1, text: "Informing"),
                .init(line: 6, level: 2, text: "Sub"), .init(line: 8, level: 1, text: "Rights"),
            ])
        // A section runs to the next heading of the same or a higher level.
        #expect(document.section(of: 2) == 1...2)
        #expect(document.section(of: 4) == 3...7)
        #expect(document.section(of: 7) == 6...7)
        #expect(document.section(of: 10) == 8...16)
        #expect(document.sectionHasText(4) && document.sectionHasText(10))
        // Headings, markers and blank lines are no text of a section.
        #expect(!Self.split("# A\n<!-- covenant: §5 c -->\n\n# B\ntext\n").sectionHasText(2))
        #expect(Self.split("# A\n\n- a list item\n---\n<!-- covenant: §5 c -->\n").headings.count == 1)
    }

    // MARK: - Diagnostics point at the .md file

    @Test func anErrorOnLine40IsReportedOnLine40WithItsRealLine() throws {
        var lines = ["# Covenant", ""] + (3...31).map { "Prose line \($0), which the compiler never reads." }
        lines += [
            "", "```covenant", "covenant \"T\" { controller a }", "party a { kind care }",
            "party wijk { kind care }", "category c", "purpose p", "rule r {", "  permit ggzz -> wijk",
            "  share c", "  for p", "  basis b", "}", "basis b { kind public_task }", "```", "", "The end.",
        ]
        let text = lines.joined(separator: "\n") + "\n"
        #expect(lines[39] == "  permit ggzz -> wijk")
        let (result, _) = Self.check(text)
        let error = try #require(result.diagnostics.first { $0.code == .unknownName })
        #expect(result.diagnostics.count == 1)
        #expect(error.range.file == "t.covenant.md" && error.range.start.line == 40 && error.range.start.column == 10)
        let rendered = DiagnosticRenderer(files: [result.source]).render(error)
        #expect(
            rendered.hasPrefix(
                "t.covenant.md:40:10: error[E201]: unknown party or group 'ggzz'\n"
                    + "  40 |   permit ggzz -> wijk\n"))
        #expect(rendered.contains("     |          ^^^^\n"))
    }

    @Test func aDutchHeaderInTheFirstBlockMakesTheFileDutch() throws {
        let text =
            "# Convenant\n\n```covenant\ntaal nl\n\nconvenant \"T\" { verantwoordelijke a }\n```\n\n"
            + "```covenant\npartij a { soort zorg }\npartij b { soort zorg }\n```\n"
        let (result, _) = Self.check(text)
        #expect(result.diagnostics.isEmpty && result.syntax?.language == .nl && result.model?.parties.count == 2)
    }

    @Test func aDeclarationAcrossTwoBlocksIsAnError() throws {
        let text =
            "```covenant\ncovenant \"T\" { controller a }\nparty a {\n```\nprose\n"
            + "```covenant\n  kind care\n}\n```\n"
        let (result, document) = Self.check(text)
        // The parser reads the lines as one declaration; the literate review refuses it.
        let file = try #require(result.syntax)
        let errors = document.structureDiagnostics(file)
        #expect(errors.map(\.code) == [.unexpectedToken] && errors[0].range.start.line == 3)
        #expect(errors[0].message == "this declaration does not end in its covenant block, which ends on line 3")
    }

    // MARK: - fmt

    static let unformatted = """
        Intro with trailing spaces   \r
        and a Windows line ending.

        ```covenant
        // The header.
        covenant   "T" { controller a
        }
        party a {kind care} // trailing
        ```

        | a table | stays |
        |---|---|

        ~~~covenant
        fact f:bool
        rule r { permit a -> a share c for p when f == true basis b }
        // at the end of the block
        ~~~
        ```covenant
        ```
        ```covenant


        ```
        ~~~covenant
        category c
        purpose p
        basis b { kind public_task }
        test "t" { query a -> a share c for p given f = true expect permit }
        ~~~
        Last line without a line break
        """

    @Test func fmtFormatsOnlyTheBlocksAndKeepsEveryProseByte() throws {
        let (result, document) = Self.check(Self.unformatted)
        let file = try #require(result.syntax)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let formatted = String(decoding: document.formatted(file), as: UTF8.self)
        #expect(
            formatted == """
                Intro with trailing spaces   \r
                and a Windows line ending.

                ```covenant
                // The header.
                covenant "T" {
                  controller a
                }

                party a { kind care } // trailing
                ```

                | a table | stays |
                |---|---|

                ~~~covenant
                fact f : bool

                rule r {
                  permit a -> a
                  share c
                  for p
                  when f == true
                  basis b
                }

                // at the end of the block
                ~~~
                ```covenant
                ```
                ```covenant
                ```
                ~~~covenant
                category c

                purpose p

                basis b { kind public_task }

                test "t" {
                  query a -> a share c for p given f = true
                  expect permit
                }
                ~~~
                Last line without a line break
                """)
        // The prose parts are byte for byte the same.
        let again = Self.split(formatted)
        #expect(
            again.parts.filter { if case .prose = $0 { true } else { false } }.map(\.text)
                == document.parts.filter { if case .prose = $0 { true } else { false } }.map(\.text))
        // Formatting twice gives what formatting once gives.
        let (second, secondDocument) = Self.check(formatted)
        #expect(String(decoding: secondDocument.formatted(try #require(second.syntax)), as: UTF8.self) == formatted)
    }

    @Test func fmtTranslatesTheBlocksWithTheHeaderInTheFirstOnly() throws {
        let (result, document) = Self.check(Self.unformatted)
        let dutch = String(decoding: document.formatted(try #require(result.syntax), in: .nl), as: UTF8.self)
        #expect(dutch.contains("```covenant\ntaal nl\n\n// The header.\nconvenant \"T\" {\n  verantwoordelijke a\n}\n"))
        #expect(dutch.components(separatedBy: "taal nl").count == 2)
        #expect(dutch.contains("~~~covenant\nfeit f : janee\n\nregel r {\n  toestaan a -> a\n"))
        #expect(dutch.contains("  wanneer f == ja\n") && dutch.contains("  vraag a -> a deel c voor p met f = ja\n"))
        #expect(dutch.hasPrefix("Intro with trailing spaces   \r\n"))
        #expect(dutch.hasSuffix("~~~\nLast line without a line break"))
        // Dutch is idempotent too, and back in English it is the English layout.
        let (nl, nlDocument) = Self.check(dutch)
        #expect(nl.diagnostics.isEmpty)
        let nlFile = try #require(nl.syntax)
        #expect(String(decoding: nlDocument.formatted(nlFile), as: UTF8.self) == dutch)
        let english = String(decoding: document.formatted(try #require(result.syntax)), as: UTF8.self)
        #expect(String(decoding: nlDocument.formatted(nlFile, in: .en), as: UTF8.self) == english)
    }

    // MARK: - L221

    static let withoutMarkers = """
        # Covenant

        ```covenant
        covenant "T" { controller a }
        party a { kind care }
        party b { kind care }
        category c
        purpose p
        fact consent : given | none default none { role consent valid given }
        basis bs { kind consent }
        rule r { permit a -> b share c for p when consent == given basis bs }
        ```

        """

    @Test func everyMissingElementIsReportedOnceAtTheHeader() throws {
        let findings = try Self.l221(Self.withoutMarkers)
        // a (parties, controller, purposes) and e (role consent) are stated by the rules.
        #expect(findings.count == 7)
        #expect(findings.allSatisfy { $0.severity == .warning && $0.range.start.line == 4 })
        #expect(findings.allSatisfy { $0.range.start.column == 10 })
        #expect(
            findings[0].message
                == "the covenant \"T\" does not state b. the processing of special categories of personal data: "
                + "no section of its text is marked for it, and its declarations do not state it")
        #expect(
            findings[1].message
                == "the covenant \"T\" does not state c. how citizens are informed: "
                + "no section of its text is marked for it")
        #expect(
            findings[1].help
                == "describe it in a section of the text and mark that section with <!-- covenant: §5 c -->")
        #expect(
            findings[3].help
                == "describe it in a section of the text and mark that section with <!-- covenant: §5 f -->, "
                + "or permit sharing on a basis other than consent ('basis ... { kind public_task }')")
        #expect(findings.map { $0.message.split(separator: " ")[6] } == ["b.", "c.", "d.", "f.", "g.", "h.", "i."])
        #expect(DiagnosticCode.literateElementMissing.principle == "what a covenant must state, a to i (seed 004 §5)")
    }

    @Test func markedSectionsWithTextStateTheirElements() throws {
        let marked =
            Self.withoutMarkers + """
                ## Everything else

                <!-- covenant: §5 b, c, d -->
                <!-- covenant: §5 f g h -->

                What the covenant says about them.

                ## Security

                <!-- covenant: §5 i -->

                """
        let findings = try Self.l221(marked)
        #expect(findings.count == 1)
        #expect(
            findings[0].message == "the covenant \"T\" does not state i. information security and secrecy: "
                + "the section \"Security\" marked for it (line 22) holds no text")
        #expect(try Self.l221(marked + "The parties secure their systems.\n").isEmpty)
    }

    @Test func theRulesStateTheirFourElements() throws {
        let text = """
            ```covenant
            covenant "T" { controller a }
            party a { kind care }
            category c { special health }
            purpose p
            fact consent : given | none default none { role consent valid given }
            basis bs { kind consent }
            basis law { kind legal_obligation }
            rule r { permit a -> a share c for p basis law }
            ```
            <!-- covenant: §5 c, d, g, h, i -->
            Prose for the rest.
            """
        #expect(try Self.l221(text).isEmpty)
        let model = try #require(Self.check(text).0.model)
        #expect(ElementCoverage.of(nil, model).filter(\.isStated).map(\.element) == [.a, .b, .e, .f])
    }

    @Test func l221IsInTheUsersLanguage() throws {
        var dutch = Self.withoutMarkers
        for (english, nl) in [
            ("```covenant\n", "```covenant\ntaal nl\n"),
            ("covenant \"T\" { controller a }", "convenant \"T\" { verantwoordelijke a }"),
            ("party", "partij"), ("kind care", "soort zorg"), ("category c", "gegevens c"), ("purpose p", "doel p"),
            ("fact consent", "feit consent"), ("default none", "standaard none"),
            ("role consent valid", "rol toestemming geldig"),
            ("basis bs { kind consent }", "grondslag bs { soort toestemming }"),
            (
                "rule r { permit a -> b share c for p when consent == given basis bs }",
                "regel r { toestaan a -> b deel c voor p wanneer consent == given grondslag bs }"
            ),
        ] {
            dutch = dutch.replacingOccurrences(of: english, with: nl)
        }
        let findings = try Self.l221(dutch)
        #expect(findings.count == 7)
        #expect(
            findings[1].message
                == "in het convenant \"T\" ontbreekt: c. hoe betrokken burgers worden geïnformeerd over het gebruik "
                + "van hun gegevens (geen paragraaf van de tekst is daarvoor gemarkeerd)")
        #expect(
            findings[0].help
                == "beschrijf het in een paragraaf van de tekst en markeer die paragraaf met <!-- covenant: §5 b -->, "
                + "of geef aan welke gegevens bijzondere persoonsgegevens zijn ('bijzonder gezondheid')")
        #expect(findings.allSatisfy { $0.language == .nl })
    }

    @Test func aPlainCovenantGetsNoL221() throws {
        let url = Support.root.appendingPathComponent("covenants/boekel.covenant")
        let result = Support.check(try String(contentsOf: url, encoding: .utf8))
        let model = try #require(result.model)
        let table = Compiler.compile(model, source: result.source)
        let findings = Review.findings(try #require(result.syntax), model, table)
        #expect(!findings.contains { $0.code == .literateElementMissing })
    }

    // MARK: - The same decisions as the plain covenant

    @Test(arguments: ["boekel.covenant", "boekel-nl.covenant", "noaberkracht.covenant", "wijkteam.covenant"])
    func aLiterateCovenantCompilesToThePlainOnesTable(_ name: String) throws {
        let plain = try String(contentsOf: Support.root.appendingPathComponent("covenants/\(name)"), encoding: .utf8)
        let markdown = Self.literate(fromPlain: plain)
        let plainResult = Support.check(plain, path: name)
        let (result, document) = Self.check(markdown, path: name + ".md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let file = try #require(result.syntax)
        #expect(document.structureDiagnostics(file).isEmpty)
        let plainModel = try #require(plainResult.model), model = try #require(result.model)
        var plainTable = Compiler.compile(plainModel, source: plainResult.source)
        var table = LiterateSource.compile(model, source: result.source, original: Array(markdown.utf8))
        #expect(table.metadata.sourceSHA256 == SHA256.hexDigest(Array(markdown.utf8)))
        plainTable.metadata.sourceSHA256 = ""
        table.metadata.sourceSHA256 = ""
        #expect(TableCodec.encode(table) == TableCodec.encode(plainTable))
        // And its tests pass, as the plain covenant's do.
        let report = TestRunner(model: model, table: table, date: nil, language: .en).run()
        #expect(report.failed == 0 && report.passed == plainModel.tests.count)
    }
}

extension LiterateDocument.Part {
    var text: String {
        switch self {
        case .prose(let text, _), .code(let text, _): text
        }
    }
}
