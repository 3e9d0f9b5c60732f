import CovenantEval
import Foundation
import Testing

@testable import CovenantLang

/// The council document: its catalogue, the rules as sentences, and the sharing matrix checked
/// cell by cell against the evaluator for every shipped covenant.
@Suite struct RenderTests {
    // MARK: The catalogue

    @Test func everyEntryHasBothLanguagesWithTheSamePlaceholders() {
        for (key, entry) in RenderWords.entries {
            #expect(key.hasPrefix("render."), "\(key)")
            #expect(!entry.en.isEmpty && !entry.nl.isEmpty, "\(key)")
            #expect(
                Messages.placeholders(entry.en) == Messages.placeholders(entry.nl), "\(key): \(entry.en) / \(entry.nl)")
        }
    }

    @Test func everyKeyTheRendererUsesIsInTheCatalogue() throws {
        let used = try SourceKeys.used(in: "Sources/CovenantLang/Render", pattern: #"say\("([A-Za-z0-9_.]+)""#)
        #expect(used.count > 50)
        for (key, place) in used where RenderWords.entries[key] == nil {
            Issue.record("\(place): the key '\(key)' is not in RenderWords.entries")
        }
    }

    // MARK: Sentences

    static let example = """
        covenant "Voorbeeld" { version "1" controller college valid from 2025-01-01 until 2026-12-31 }
        party college "College van B&W" { kind government }
        party ggz "GGZ Oost-Brabant" { kind care secrecy medical }
        party dorpsteam "Dorpsteam" { kind care acts for college }
        party bjg "Basisteam Jeugd en Gezin" { kind care acts for college }
        group wijkteam "het wijkteam" = dorpsteam, bjg
        category gezondheid "gezondheidsgegevens" { special health retention 15 years }
        purpose ondersteuning "het ondersteuningsplan" { kind support }
        purpose veiligheid "Veiligheid" { kind safety }
        fact toestemming "Toestemming" : gegeven | geweigerd | geen default geen { role consent valid gegeven }
        fact leeftijd "Leeftijd" : int 0..130 { role age }
        fact gevaar "Acuut gevaar" : bool default false { fixed }
        basis consent "Toestemming (AVG art. 6 lid 1 sub a)" { kind consent }
        basis vital "Vitaal belang (AVG art. 6 lid 1 sub d)" { kind vital_interest }
        obligation vastleggen "Verstrekking vastleggen" { kind record }
        obligation informeren "Betrokkene informeren" { kind inform }
        rule medisch "Gezondheidsgegevens met toestemming" {
          permit ggz -> wijkteam
          share gezondheid
          for ondersteuning
          when toestemming == gegeven and leeftijd >= 16
          basis consent
          oblige vastleggen
        }
        rule geen_gezondheid "Geen gezondheidsgegevens aan het college" {
          forbid ggz -> college
          share gezondheid
          for any
        }
        rule spoed "Bij acuut gevaar" exception to geen_gezondheid {
          permit ggz -> college
          share gezondheid
          for veiligheid
          when gevaar and toestemming != gegeven
          basis vital
          oblige vastleggen, recipient informeren within 2 weeks unless leeftijd < 12
        }

        """

    static func document(_ text: String, _ language: Language, level: SharingMatrix.Level? = nil) throws
        -> RenderedDocument
    {
        let result = Frontend.check(SourceFile(path: "voorbeeld.covenant", text: text))
        let model = try #require(result.model, "\(result.diagnostics.map(\.message))")
        let table = Compiler.compile(model, source: result.source)
        return CouncilDocument.build(
            .init(
                model: model, syntax: result.syntax, table: table, language: language,
                fileName: "voorbeeld.covenant", level: level))
    }

    static func sentences(_ document: RenderedDocument) -> [String] {
        guard case .object(let fields) = document.expected,
            case .array(let rules)? = fields.first(where: { $0.0 == "rules" })?.1
        else { return [] }
        return rules.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    @Test func rulesReadAsALawyerWritesThemInDutch() throws {
        let sentences = Self.sentences(try Self.document(Self.example, .nl))
        #expect(
            sentences == [
                "‘GGZ Oost-Brabant’ mag ‘gezondheidsgegevens’ aan de groep ‘het wijkteam’ verstrekken voor ‘het "
                    + "ondersteuningsplan’, "
                    + "als betrokkene toestemming heeft gegeven en 16 jaar of ouder is. Grondslag: ‘Toestemming (AVG "
                    + "art. 6 lid 1 sub a)’. "
                    + "Verplichting: ‘Verstrekking vastleggen’ (door de verstrekker).",
                "‘GGZ Oost-Brabant’ mag ‘gezondheidsgegevens’ niet aan ‘College van B&W’ verstrekken, voor welk doel "
                    + "ook.",
                "In afwijking van regel ‘Geen gezondheidsgegevens aan het college’ mag ‘GGZ Oost-Brabant’ "
                    + "‘gezondheidsgegevens’ aan "
                    + "‘College van B&W’ verstrekken voor ‘Veiligheid’, als ‘Acuut gevaar’ het geval is en betrokkene "
                    + "geen toestemming heeft "
                    + "gegeven. Grondslag: ‘Vitaal belang (AVG art. 6 lid 1 sub d)’. Verplichtingen: ‘Verstrekking "
                    + "vastleggen’ (door de "
                    + "verstrekker); ‘Betrokkene informeren’ (door de ontvanger, binnen 2 weken, tenzij betrokkene "
                    + "jonger dan 12 jaar is).",
            ])
    }

    @Test func rulesReadInEnglish() throws {
        let sentences = Self.sentences(try Self.document(Self.example, .en))
        #expect(
            sentences == [
                "“GGZ Oost-Brabant” may share “gezondheidsgegevens” with the group “het wijkteam” for “het "
                    + "ondersteuningsplan”, "
                    + "if the data subject has given consent and is 16 or older. Legal basis: “Toestemming (AVG art. "
                    + "6 lid 1 sub a)”. "
                    + "Obligation: “Verstrekking vastleggen” (by the sender).",
                "“GGZ Oost-Brabant” may not share “gezondheidsgegevens” with “College van B&W”, whatever the purpose.",
                "By way of exception to rule “Geen gezondheidsgegevens aan het college”, “GGZ Oost-Brabant” may share "
                    + "“gezondheidsgegevens” "
                    + "with “College van B&W” for “Veiligheid”, if “Acuut gevaar” is the case and the data subject "
                    + "has not given consent. "
                    + "Legal basis: “Vitaal belang (AVG art. 6 lid 1 sub d)”. Obligations: “Verstrekking vastleggen” "
                    + "(by the sender); "
                    + "“Betrokkene informeren” (by the recipient, within 2 weeks, unless the data subject is younger "
                    + "than 12).",
            ])
    }

    @Test func theExceptionStandsNextToTheRuleItSetsAside() throws {
        let markdown = try Self.document(Self.example, .nl).markdown()
        let forbid = try #require(markdown.range(of: "### Regel 2. ‘Geen gezondheidsgegevens aan het college’"))
        let exception = try #require(markdown.range(of: "#### Regel 3. ‘Bij acuut gevaar’"))
        #expect(forbid.upperBound < exception.lowerBound)
        #expect(markdown.contains("Uitzondering: Regel 3. ‘Bij acuut gevaar’."))
    }

    @Test func aGroupWhoseMembersAgreeIsOneRow() throws {
        let matrix = try Self.document(Self.example, .nl).matrix
        let table = try #require(matrix.tables.first { $0.combinations.contains { $0.purposes == [0] } })
        #expect(table.rows.map(\.parties) == [[1]])
        #expect(table.columns.count == 1 && table.columns[0].group == 0 && table.columns[0].parties == [2, 3])
        #expect(table.cells[0][0].status == .conditional && table.cells[0][0].rules == [0])
    }

    // MARK: The sharing matrix agrees with the evaluator

    /// Every shipped covenant, plain and literate.
    static func shipped() throws -> [(String, CovenantModel, DecisionTable)] {
        let folder = Support.root.appendingPathComponent("covenants")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".covenant") || $0.hasSuffix(".covenant.md") }.sorted()
        return try names.map { name in
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let (source, _) = LiterateSource.source(path: name, bytes: bytes)
            let result = Frontend.check(source)
            let model = try #require(result.model, "\(name): \(result.diagnostics.map(\.message))")
            return (name, model, Compiler.compile(model, source: source))
        }
    }

    /// The cell decided by brute force: every party, leaf and purpose on its own (no classes),
    /// over every value the table's conditions tell apart of every fact the rules in scope
    /// mention, and "not given" for a fact without a default.
    static func expected(_ evaluator: Evaluator, _ s: Int, _ r: Int, _ c: Int, _ p: Int, on day: CalendarDate)
        -> SharingMatrix.Status
    {
        let table = evaluator.table
        var facts = Set<Int>()
        var inScope = false
        for leaf in table.categories[c].leaves {
            let q = ResolvedQuery(
                sender: Int32(s), recipient: Int32(r), category: leaf, purpose: Int32(p), facts: [], date: day)
            for rule in evaluator.rulesInScope(q, leaf: leaf) {
                inScope = true
                if table.rules[rule].condition >= 0 {
                    facts.formUnion(evaluator.mentionedFacts(table.rules[rule].condition))
                }
            }
        }
        guard inScope else { return .never }
        let choices = facts.sorted().map { f in
            (f, evaluator.candidateValues(f) + (table.facts[f].defaultValue == nil ? [ResolvedQuery.missing] : []))
        }
        var query = ResolvedQuery(
            sender: Int32(s), recipient: Int32(r), category: Int32(c), purpose: Int32(p),
            facts: table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }, date: day)
        var scratch = DecisionScratch()
        var permitted = false
        var denied = false
        var index = [Int](repeating: 0, count: choices.count)
        while true {
            for (k, choice) in choices.enumerated() { query.facts[choice.0] = choice.1[index[k]] }
            if evaluator.decide(query, into: &scratch) == .permit { permitted = true } else { denied = true }
            var k = 0
            while k < index.count {
                index[k] += 1
                if index[k] < choices[k].1.count { break }
                index[k] = 0
                k += 1
            }
            if k == index.count { break }
        }
        return permitted ? (denied ? .conditional : .always) : .never
    }

    static func agree(_ name: String, _ model: CovenantModel, _ table: DecisionTable, level: SharingMatrix.Level) -> Int
    {
        let matrix = SharingMatrix(model: model, table: table, level: level)
        let evaluator = Evaluator(compiled: table)
        let categories = model.categories.indices.filter {
            level == .leaves ? model.categories[$0].children.isEmpty : model.categories[$0].parent == nil
        }
        var cells = 0
        for s in model.parties.indices {
            for r in model.parties.indices {
                for c in categories {
                    for p in model.purposes.indices {
                        let want = expected(evaluator, s, r, c, p, on: matrix.date)
                        let shown = matrix.shown(sender: s, recipient: r, category: c, purpose: p)
                        let computed = matrix.status(sender: s, recipient: r, category: c, purpose: p)
                        if shown.status != want || computed != shown {
                            let parties = "\(model.parties[s].id) -> \(model.parties[r].id)"
                            let cell = "\(parties) \(model.categories[c].id) for \(model.purposes[p].id)"
                            Issue.record(
                                Comment(
                                    rawValue: "\(name): \(cell): evaluator \(want), "
                                        + "table shows \(shown.status), computed \(computed.status)"
                                ))
                        }
                        cells += 1
                    }
                }
            }
        }
        return cells
    }

    @Test func theMatrixAgreesWithTheEvaluatorOnEveryCellOfEveryShippedCovenant() throws {
        let covenants = try Self.shipped()
        #expect(covenants.count >= 6)
        var cells = 0
        for (name, model, table) in covenants {
            #expect(SharingMatrix.level(for: model) == .leaves, "\(name)")
            cells += Self.agree(name, model, table, level: .leaves)
        }
        #expect(cells > 10_000)
    }

    @Test func theMatrixByTopCategoryAgreesToo() throws {
        for (name, model, table) in try Self.shipped() {
            _ = Self.agree(name, model, table, level: .topCategories)
        }
    }

    @Test func outsideItsValidityNothingIsPermitted() throws {
        let result = Frontend.check(SourceFile(path: "v.covenant", text: Self.example))
        let model = try #require(result.model)
        let table = Compiler.compile(model, source: result.source)
        let matrix = SharingMatrix(model: model, table: table, date: CalendarDate("2030-01-01"))
        #expect(!matrix.inForce && matrix.tables.isEmpty)
    }

    // MARK: The page

    @Test func thePageIsSelfContainedAndAccessible() throws {
        let html = try Self.document(Self.example, .nl).html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(
            !html.contains("<script") && !html.contains("src=") && !html.contains("<link") && !html.contains("@import"))
        #expect(html.contains("@media print"))
        // A caption on every table, a scope on every header cell.
        #expect(html.components(separatedBy: "<table").count == html.components(separatedBy: "<caption>").count)
        #expect(!html.contains("<th>") && !html.contains("<th class"))
        // Headings in order: never more than one level deeper than the one before.
        var last = 0
        for match in html.matches(of: /<h([1-6])[ >]/) {
            let level = Int(match.1)!
            #expect(level <= last + 1, "h\(level) after h\(last)")
            last = level
        }
        // Every anchor a link names exists.
        let ids = Set(html.matches(of: /id="([^"]+)"/).map { String($0.1) })
        for link in html.matches(of: /href="#([^"]+)"/) { #expect(ids.contains(String(link.1)), "#\(link.1)") }
    }

    @Test func proseBecomesHTMLWithoutPassingHTMLThrough() {
        var converter = MarkdownToHTML(shift: 2, idPrefix: "text-", lastLevel: 2) { "Tabel bij \($0)" }
        let html = converter.convert(
            """
            # Artikel 1
            <!-- covenant: §5 a -->
            Een **vette
            tekst** en *schuin*, `code`, [link](https://example.org) en <script>alert(1)</script>.

            - een
            - twee
              - drie

            | a | b |
            | --- | --- |
            | 1 | 2 |

            ![logo](logo.png)
            """)
        #expect(html.contains("<h3 id=\"text-artikel-1\">Artikel 1</h3>"))
        #expect(
            html.contains("<strong>vette\ntekst</strong>") && html.contains("<em>schuin</em>")
                && html.contains("<code>code</code>"))
        #expect(html.contains("&lt;script&gt;") && !html.contains("<script>") && !html.contains("covenant: §5"))
        #expect(html.contains("<ul>\n<li>een</li>\n<li>twee<ul>\n<li>drie</li>\n</ul>\n</li>\n</ul>"))
        #expect(html.contains("<caption>Tabel bij Artikel 1</caption>") && html.contains("<th scope=\"col\">a</th>"))
        #expect(html.contains("<span class=\"image\">[logo]</span>") && !html.contains("logo.png"))
    }
}
