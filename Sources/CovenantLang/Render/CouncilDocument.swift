import CovenantEval

/// The council document (`covenantc render`): a covenant as the council adopts it, built from
/// the checked model and its compiled table. It holds the header (version, validity,
/// controllers, the SHA-256 of the source and of the table, so a reader can tell which version
/// was adopted); the prose of a literate covenant in order; the parties, groups, data
/// categories, purposes, facts, legal bases and obligations; every rule as a sentence, with
/// its exceptions next to it; the sharing matrix (`SharingMatrix`); the cases without consent
/// (seed 004 §5 f) with their grounds and duties; and the §5 checklist.
public enum CouncilDocument {
    public struct Input: Sendable {
        public var model: CovenantModel
        /// The rules as written (to name groups as groups); optional.
        public var syntax: CovenantFile?
        public var table: DecisionTable
        public var language: Language
        /// The split Markdown of a literate covenant.
        public var literate: LiterateDocument?
        /// The file name shown in the document.
        public var fileName: String
        /// The day the matrix is decided for (default: the first day in force).
        public var date: CalendarDate?
        /// The matrix level (default: by the covenant's size).
        public var level: SharingMatrix.Level?

        public init(
            model: CovenantModel, syntax: CovenantFile?, table: DecisionTable, language: Language,
            literate: LiterateDocument? = nil, fileName: String, date: CalendarDate? = nil,
            level: SharingMatrix.Level? = nil
        ) {
            self.model = model
            self.syntax = syntax
            self.table = table
            self.language = language
            self.literate = literate
            self.fileName = fileName
            self.date = date
            self.level = level
        }
    }

    public static func build(_ input: Input) -> RenderedDocument {
        var model = input.model
        if !model.hasIndexes { model.deriveIndexes() }
        let matrix = SharingMatrix(model: model, table: input.table, date: input.date, level: input.level)
        var builder = Builder(input: input, model: model, matrix: matrix)
        return builder.document()
    }
}

/// The document in blocks, with what a reader must find in it.
public struct RenderedDocument: Sendable {
    public var language: Language
    public var title: String
    public var blocks: [Block]
    public var matrix: SharingMatrix
    /// Every party's name, every rule's sentence and every matrix table as plain text: what a
    /// check of the printed page looks for (`scripts/render-check`).
    public var expected: JSONValue

    public func markdown() -> String { MarkdownWriter.write(self) }
    public func html() -> String { HTMLWriter.write(self) }
}

struct Builder {
    let input: CovenantDocumentInput
    let model: CovenantModel
    let matrix: SharingMatrix
    let say: Phrases
    let sentences: RuleSentences
    /// The rules in the order shown (each followed by its exceptions), with their depth.
    let order: [(rule: Int, depth: Int)]
    /// Each rule's number in the document.
    let number: [Int]
    var expectedParties: [JSONValue] = []
    var expectedSentences: [JSONValue] = []
    var expectedTables: [JSONValue] = []

    init(input: CovenantDocumentInput, model: CovenantModel, matrix: SharingMatrix) {
        self.input = input
        self.model = model
        self.matrix = matrix
        say = Phrases(language: input.language)
        sentences = RuleSentences(model: model, syntax: input.syntax, say: say)
        var exceptions = [[Int]](repeating: [], count: model.rules.count)
        for (r, rule) in model.rules.enumerated() { if let t = rule.exceptionTo, t != r { exceptions[t].append(r) } }
        var order: [(Int, Int)] = []
        var seen = Set<Int>()
        func visit(_ r: Int, _ depth: Int) {
            guard seen.insert(r).inserted else { return }
            order.append((r, depth))
            for e in exceptions[r] { visit(e, depth + 1) }
        }
        for r in model.rules.indices where model.rules[r].exceptionTo == nil { visit(r, 0) }
        for r in model.rules.indices { visit(r, 0) }
        self.order = order
        var number = [Int](repeating: 0, count: model.rules.count)
        for (n, entry) in order.enumerated() { number[entry.0] = n + 1 }
        self.number = number
    }

    mutating func document() -> RenderedDocument {
        var blocks: [Block] = header()
        blocks.append(contents())
        if let literate = input.literate { blocks.append(text(literate)) }
        blocks.append(parties())
        blocks.append(categories())
        blocks.append(purposes())
        blocks.append(terms())
        blocks.append(rules())
        if !model.guarantees.isEmpty { blocks.append(promises()) }
        blocks.append(matrixSection())
        blocks.append(withoutConsent())
        blocks.append(checklist())
        let expected = JSONValue.object([
            ("parties", .array(expectedParties)),
            ("rules", .array(expectedSentences)),
            ("matrix", .array(expectedTables)),
        ])
        return RenderedDocument(
            language: input.language, title: model.title, blocks: blocks, matrix: matrix, expected: expected)
    }

    // MARK: Pieces

    /// Whether the matrix holds for any day: the covenant names no validity and no day was asked for.
    var undated: Bool { input.date == nil && model.validFrom == nil && model.validUntil == nil }

    /// A declared name: its title, with the name the rules use in small type.
    func named(_ title: String?, _ id: String) -> [Span] {
        guard let title, title != id else { return [.code(id)] }
        return [.text(title), .text(" "), .small([.code(id)])]
    }

    func ruleLink(_ r: Int) -> [Span] {
        [
            .link(
                [.text(say("render.rule.numbered", String(number[r]))), .text(" "), .text(sentences.rule(r))],
                href: "#rule-\(model.rules[r].id)")
        ]
    }

    func section(_ id: String, _ heading: String, _ blocks: [Block]) -> Block {
        .section(id: id, style: nil, [.heading(level: 2, [.text(heading)], id: nil)] + blocks)
    }

    // MARK: Header and contents

    func header() -> [Block] {
        let table = input.table
        var rows: [[DocumentTable.Cell]] = []
        func row(_ label: String, _ value: [Span]) {
            rows.append([DocumentTable.Cell([.text(label)], header: true), DocumentTable.Cell(value)])
        }
        row(say("render.about.version"), [.text(model.version ?? "—")])
        let validity: String =
            switch (model.validFrom, model.validUntil) {
            case (let from?, let until?): say("render.validity.fromUntil", from, until)
            case (let from?, nil): say("render.validity.from", from)
            case (nil, let until?): say("render.validity.until", until)
            case (nil, nil): say("render.validity.none")
            }
        row(say("render.about.validity"), [.text(validity)])
        let controllers = model.controllers.map { model.parties[$0].name ?? model.parties[$0].id }
        row(
            say(controllers.count == 1 ? "render.about.controller.one" : "render.about.controller.many"),
            [.text(controllers.isEmpty ? "—" : say.list(controllers))])
        row(
            say("render.about.source"),
            [.code(input.fileName), .lineBreak, .small([.text("SHA-256 "), .code(table.metadata.sourceSHA256)])])
        row(say("render.about.table"), [.code(table.sha256.isEmpty ? TableCodec.bodySHA256(table) : table.sha256)])
        row(
            say("render.about.contents"),
            [
                .text(
                    say(
                        "render.about.counts", count("party", model.parties.count), count("group", model.groups.count),
                        count("category", model.categories.count), count("purpose", model.purposes.count),
                        count("rule", model.rules.count)))
            ])
        let day = undated ? say("render.about.anyDay") : matrix.date.description
        row(say("render.about.matrixDate"), [.text(matrix.inForce ? day : say("render.about.notInForce", day))])
        return [
            .heading(level: 1, [.text(model.title)], id: "top"),
            .paragraph([.text(say("render.lead"))], style: "lead"),
            .table(
                DocumentTable(
                    caption: [.text(say("render.about.caption"))],
                    header: [
                        DocumentTable.Cell([.text(say("render.about.what"))]),
                        DocumentTable.Cell([.text(say("render.about.value"))]),
                    ],
                    rows: rows, style: "about")),
        ]
    }

    /// "9 partijen", "1 groep".
    func count(_ noun: String, _ n: Int) -> String {
        say(n == 1 ? "render.count.\(noun).one" : "render.count.\(noun).many", String(n))
    }

    func contents() -> Block {
        var items: [[Span]] = []
        func item(_ id: String, _ key: String) { items.append([.link([.text(say(key))], href: "#\(id)")]) }
        if input.literate != nil { item("text", "render.text") }
        item("parties", "render.parties")
        item("data", "render.categories")
        item("purposes", "render.purposes")
        item("terms", "render.terms")
        item("rules", "render.rules")
        if !model.guarantees.isEmpty { item("promises", "render.promises") }
        item("matrix", "render.matrix")
        item("without-consent", "render.withoutConsent")
        item("checklist", "render.checklist")
        return .section(
            id: "contents", style: "nav",
            [
                .heading(level: 2, [.text(say("render.contents"))], id: "contents-heading"),
                .list(items, ordered: true),
            ])
    }

    // MARK: The text of a literate covenant

    func text(_ literate: LiterateDocument) -> Block {
        var blocks: [Block] = []
        let minimum = literate.headings.map(\.level).min() ?? 3
        let ids = Builder.headingIDs(literate)
        for part in literate.parts {
            switch part {
            case .prose(let markdown, let lines):
                blocks.append(.prose(markdown, shift: 3 - minimum, firstLine: lines.lowerBound, ids: ids))
            case .code(_, let lines):
                blocks.append(.paragraph(declarations(in: lines), style: "declarations"))
            }
        }
        return .section(id: "text", style: nil, [.heading(level: 2, [.text(say("render.text"))], id: nil)] + blocks)
    }

    /// What a covenant block declares, with links to its rules.
    func declarations(in lines: ClosedRange<Int>) -> [Span] {
        func inBlock(_ range: SourceRange) -> Bool { lines.contains(range.start.line) }
        var pieces: [[Span]] = []
        if let header = input.syntax?.header, inBlock(header.range) {
            pieces.append([.text(say("render.text.header"))])
        }
        func names(_ key: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            pieces.append([.text(say(items.count == 1 ? "\(key).one" : "\(key).many", say.list(items)))])
        }
        names("render.text.parties", model.parties.filter { inBlock($0.range) }.map { say.quote($0.name ?? $0.id) })
        names("render.text.groups", model.groups.filter { inBlock($0.range) }.map { say.quote($0.name ?? $0.id) })
        names(
            "render.text.categories",
            model.categories.filter { $0.parent == nil && inBlock($0.range) }.map { say.quote($0.name ?? $0.id) })
        names(
            "render.text.purposes",
            model.purposes.filter { $0.parent == nil && inBlock($0.range) }.map { say.quote($0.name ?? $0.id) })
        names("render.text.facts", model.facts.filter { inBlock($0.range) }.map { say.quote($0.name ?? $0.id) })
        names("render.text.bases", model.bases.filter { inBlock($0.range) }.map { say.quote($0.citation ?? $0.id) })
        names(
            "render.text.obligations",
            model.obligations.filter { inBlock($0.range) }.map { say.quote($0.text ?? $0.id) })
        names(
            "render.text.guarantees",
            model.guarantees.filter { inBlock($0.range) }.map { say.quote($0.title ?? $0.id) })
        let rules = model.rules.indices.filter { inBlock(model.rules[$0].range) }.sorted { number[$0] < number[$1] }
        if !rules.isEmpty {
            var spans: [Span] = []
            for (k, r) in rules.enumerated() {
                if k > 0 { spans.append(.text(", ")) }
                spans += ruleLink(r)
            }
            pieces.append(spans)
        }
        let tests = model.tests.filter { inBlock($0.range) }.count
        if tests > 0 { pieces.append([.text(count("test", tests))]) }
        var out: [Span] = [.strong([.text(say("render.text.here"))]), .text(" ")]
        if pieces.isEmpty { return out + [.text(say("render.text.nothing"))] }
        for (k, piece) in pieces.enumerated() {
            if k > 0 { out.append(.text("; ")) }
            out += piece
        }
        return out + [.text(".")]
    }

    // MARK: Parties, categories, purposes, terms

    mutating func parties() -> Block {
        var rows: [[DocumentTable.Cell]] = []
        for (p, party) in model.parties.enumerated() {
            expectedParties.append(.string(party.name ?? party.id))
            var details: [String] = []
            if model.controllers.contains(p) { details.append(say("render.party.controller")) }
            if let a = party.actsFor { details.append(say("render.party.actsFor", sentences.party(a))) }
            if let a = party.processorFor { details.append(say("render.party.processorFor", sentences.party(a))) }
            if let law = party.regimeLaw {
                var text = say(
                    "render.party.regime", say.quote(law),
                    say.orList((party.regimePurposes ?? []).map(sentences.purpose)))
                if let to = party.regimeRecipients {
                    text += say("render.party.regimeTo", say.list(to.map(sentences.party)))
                }
                details.append(text)
            }
            rows.append([
                DocumentTable.Cell(named(party.name, party.id), header: true),
                DocumentTable.Cell([.text(say("render.partyKind.\(party.kind.rawValue)"))]),
                DocumentTable.Cell([.text(say("render.secrecy.\(party.secrecy.rawValue)"))]),
                DocumentTable.Cell([.text(details.isEmpty ? "—" : details.joined(separator: "; ").capitalizedFirst)]),
            ])
        }
        var blocks: [Block] = [
            .paragraph([.text(say("render.parties.intro"))]),
            .table(
                DocumentTable(
                    caption: [.text(say("render.parties.caption"))],
                    header: [
                        "render.parties.party", "render.parties.kind", "render.parties.secrecy",
                        "render.parties.details",
                    ]
                    .map { DocumentTable.Cell([.text(say($0))]) },
                    rows: rows)),
        ]
        if !model.groups.isEmpty {
            var groupRows: [[DocumentTable.Cell]] = []
            var written: [String: GroupDecl] = [:]
            for case .group(let g) in input.syntax?.declarations ?? [] { written[g.id.name] = g }
            for group in model.groups {
                let members =
                    written[group.id]?.members.map { id -> String in
                        if let g = model.groups.first(where: { $0.id == id.name }) {
                            return say("render.rule.group", say.quote(g.name ?? g.id))
                        }
                        if let p = model.parties.first(where: { $0.id == id.name }) { return say.quote(p.name ?? p.id) }
                        return say.quote(id.name)
                    } ?? group.parties.map(sentences.party)
                groupRows.append([
                    DocumentTable.Cell(named(group.name, group.id), header: true),
                    DocumentTable.Cell([.text(say.list(members))]),
                ])
            }
            blocks.append(.heading(level: 3, [.text(say("render.groups"))], id: "groups"))
            blocks.append(
                .table(
                    DocumentTable(
                        caption: [.text(say("render.groups.caption"))],
                        header: [
                            DocumentTable.Cell([.text(say("render.groups.group"))]),
                            DocumentTable.Cell([.text(say("render.groups.members"))]),
                        ],
                        rows: groupRows)))
        }
        return section("parties", say("render.parties"), blocks)
    }

    func depth(_ parent: (Int) -> Int?, _ i: Int) -> Int {
        var d = 0
        var current = parent(i)
        while let c = current, d < 64 {
            d += 1
            current = parent(c)
        }
        return d
    }

    func categories() -> Block {
        let rows = model.categories.indices.map { c -> [DocumentTable.Cell] in
            let info = model.categories[c]
            return [
                DocumentTable.Cell(
                    [.indent(depth({ model.categories[$0].parent }, c))] + named(info.name, info.id), header: true),
                DocumentTable.Cell([.text(info.nature.map { say("render.nature.\($0.rawValue)") } ?? "—")]),
                DocumentTable.Cell([.text(info.special.map { say("render.special.\($0.rawValue)") } ?? "—")]),
                DocumentTable.Cell([.text(info.retention.map(sentences.duration) ?? "—")]),
            ]
        }
        return section(
            "data", say("render.categories"),
            [
                .paragraph([.text(say("render.categories.intro"))]),
                .table(
                    DocumentTable(
                        caption: [.text(say("render.categories.caption"))],
                        header: [
                            "render.categories.category", "render.categories.nature", "render.categories.special",
                            "render.categories.retention",
                        ].map { DocumentTable.Cell([.text(say($0))]) },
                        rows: rows)),
            ])
    }

    func purposes() -> Block {
        let rows = model.purposes.indices.map { p -> [DocumentTable.Cell] in
            let info = model.purposes[p]
            return [
                DocumentTable.Cell(
                    [.indent(depth({ model.purposes[$0].parent }, p))] + named(info.name, info.id), header: true),
                DocumentTable.Cell([.text(say("render.purposeKind.\(info.kind.rawValue)"))]),
            ]
        }
        return section(
            "purposes", say("render.purposes"),
            [
                .paragraph([.text(say("render.purposes.intro"))]),
                .table(
                    DocumentTable(
                        caption: [.text(say("render.purposes.caption"))],
                        header: [
                            DocumentTable.Cell([.text(say("render.purposes.purpose"))]),
                            DocumentTable.Cell([.text(say("render.purposes.kind"))]),
                        ],
                        rows: rows)),
            ])
    }

    func terms() -> Block {
        var blocks: [Block] = []
        if !model.facts.isEmpty {
            let rows = model.facts.map { fact -> [DocumentTable.Cell] in
                let values: String =
                    switch fact.type {
                    case .bool: say("render.fact.yesNo")
                    case .int(let low, let high): say("render.fact.range", String(low), String(high))
                    case .enumeration(let names): say.orList(names.map(say.quote))
                    }
                let fallback: String =
                    switch fact.defaultValue {
                    case nil: say("render.fact.noDefault")
                    case .bool(let b)?: say(b ? "render.value.true" : "render.value.false")
                    case .int(let n)?: String(n)
                    case .enumeration(let i)?:
                        if case .enumeration(let names) = fact.type, i < names.count {
                            say.quote(names[i])
                        } else {
                            String(i)
                        }
                    }
                var meaning: [String] = []
                switch fact.role {
                case .consent(let valid)?:
                    let shown = valid.map { v -> String in
                        switch v {
                        case .bool(let b): say(b ? "render.value.true" : "render.value.false")
                        case .int(let n): String(n)
                        case .enumeration(let i):
                            if case .enumeration(let names) = fact.type, i < names.count {
                                say.quote(names[i])
                            } else {
                                String(i)
                            }
                        }
                    }
                    meaning.append(say("render.fact.consent", say.orList(shown)))
                case .age?: meaning.append(say("render.fact.age"))
                case .representative?: meaning.append(say("render.fact.representative"))
                case nil: break
                }
                if fact.fixed, fact.role != .age { meaning.append(say("render.fact.fixed")) }
                return [
                    DocumentTable.Cell(named(fact.name, fact.id), header: true), DocumentTable.Cell([.text(values)]),
                    DocumentTable.Cell([.text(fallback)]),
                    DocumentTable.Cell([.text(meaning.isEmpty ? "—" : meaning.joined(separator: "; ").capitalizedFirst)]
                    ),
                ]
            }
            blocks.append(.heading(level: 3, [.text(say("render.facts"))], id: "facts"))
            blocks.append(.paragraph([.text(say("render.facts.intro"))]))
            blocks.append(
                .table(
                    DocumentTable(
                        caption: [.text(say("render.facts.caption"))],
                        header: [
                            "render.facts.fact", "render.facts.values", "render.facts.default", "render.facts.meaning",
                        ]
                        .map { DocumentTable.Cell([.text(say($0))]) },
                        rows: rows)))
        }
        if !model.bases.isEmpty {
            blocks.append(.heading(level: 3, [.text(say("render.bases"))], id: "bases"))
            blocks.append(
                .table(
                    DocumentTable(
                        caption: [.text(say("render.bases.caption"))],
                        header: [
                            DocumentTable.Cell([.text(say("render.bases.basis"))]),
                            DocumentTable.Cell([.text(say("render.bases.kind"))]),
                        ],
                        rows: model.bases.map {
                            [
                                DocumentTable.Cell(named($0.citation, $0.id), header: true),
                                DocumentTable.Cell([.text(say("render.basisKind.\($0.kind.rawValue)"))]),
                            ]
                        })))
        }
        if !model.obligations.isEmpty {
            blocks.append(.heading(level: 3, [.text(say("render.obligations"))], id: "obligations"))
            blocks.append(
                .table(
                    DocumentTable(
                        caption: [.text(say("render.obligations.caption"))],
                        header: [
                            DocumentTable.Cell([.text(say("render.obligations.obligation"))]),
                            DocumentTable.Cell([.text(say("render.obligations.kind"))]),
                        ],
                        rows: model.obligations.map {
                            [
                                DocumentTable.Cell(named($0.text, $0.id), header: true),
                                DocumentTable.Cell([.text(say("render.obligationKind.\($0.kind.rawValue)"))]),
                            ]
                        })))
        }
        if blocks.isEmpty { blocks.append(.paragraph([.text(say("render.terms.none"))])) }
        return section("terms", say("render.terms"), blocks)
    }

    // MARK: Rules

    mutating func rules() -> Block {
        var blocks: [Block] = [.paragraph([.text(say("render.rules.intro"))])]
        if model.rules.isEmpty { blocks.append(.paragraph([.text(say("render.rules.none"))])) }
        // Each rule's section, with its exceptions nested in it.
        var children = [[Int]](repeating: [], count: model.rules.count)
        var roots: [Int] = []
        for (k, entry) in order.enumerated() {
            if entry.depth == 0 {
                roots.append(entry.rule)
                continue
            }
            // The exception's target is the nearest earlier entry one level up.
            if let parent = order[..<k].last(where: { $0.depth == entry.depth - 1 }) {
                children[parent.rule].append(entry.rule)
            }
        }
        func block(_ r: Int, _ depth: Int) -> Block {
            let info = model.rules[r]
            let parts = sentences.parts(r)
            expectedSentences.append(.string(parts.joined(separator: " ")))
            var sentence: [Span] = []
            for (k, part) in parts.enumerated() { sentence += (k == 0 ? [] : [.lineBreak]) + [.text(part)] }
            var title: [Span] = [.text(say("render.rule.numbered", String(number[r])))]
            if let t = info.title { title.append(.text(" " + say.quote(t))) }
            title += [.text(" "), .small([.code(info.id)])]
            var inner: [Block] = [.heading(level: depth == 0 ? 3 : 4, title, id: nil), .paragraph(sentence)]
            if !children[r].isEmpty {
                var note: [Span] = [
                    .text(
                        say(children[r].count == 1 ? "render.rule.exceptions.one" : "render.rule.exceptions.many") + " "
                    )
                ]
                for (k, e) in children[r].enumerated() {
                    if k > 0 { note.append(.text(", ")) }
                    note += ruleLink(e)
                }
                inner.append(.paragraph(note + [.text(".")], style: "note"))
            }
            for e in children[r] { inner.append(block(e, depth + 1)) }
            return .section(id: "rule-\(info.id)", style: depth == 0 ? "rule" : "rule exception", inner)
        }
        for r in roots { blocks.append(block(r, 0)) }
        return section("rules", say("render.rules"), blocks)
    }

    // MARK: The sharing matrix

    func statusWord(_ s: SharingMatrix.Status) -> String {
        switch s {
        case .always: say("render.status.always")
        case .conditional: say("render.status.conditional")
        case .never: say("render.status.never")
        case .unknown: say("render.status.unknown")
        }
    }

    func statusStyle(_ s: SharingMatrix.Status) -> String {
        switch s {
        case .always: "always"
        case .conditional: "conditional"
        case .never: "never"
        case .unknown: "unknown"
        }
    }

    /// A row or column header: a party by its title, a group whose members agree, or several parties.
    func rowLabel(_ line: SharingMatrix.Line) -> [Span] {
        if let g = line.group {
            let group = model.groups[g]
            return [
                .details(
                    summary: [.text(say("render.matrix.group", say.quote(group.name ?? group.id)))],
                    body: [.text(say.list(line.parties.map(sentences.party)))])
            ]
        }
        if line.parties.count == 1 {
            let p = model.parties[line.parties[0]]
            return named(p.name, p.id)
        }
        return [
            .details(
                summary: [.text(say("render.matrix.parties", String(line.parties.count)))],
                body: [.text(say.list(line.parties.map(sentences.party)))])
        ]
    }

    mutating func matrixSection() -> Block {
        var blocks: [Block] = [
            .paragraph([.text(say("render.matrix.intro"))]),
            .paragraph(
                [
                    .text(
                        say(
                            undated ? "render.matrix.method.anyDay" : "render.matrix.method", matrix.date.description,
                            String(matrix.cases), String(matrix.decisions)))
                ], style: "note"),
        ]
        blocks.append(
            .paragraph(
                [.text(say(matrix.level == .leaves ? "render.matrix.leaves" : "render.matrix.top"))], style: "note"))
        if !matrix.inForce {
            blocks.append(.paragraph([.strong([.text(say("render.matrix.notInForce", matrix.date.description))])]))
        } else if matrix.tables.isEmpty {
            blocks.append(.paragraph([.strong([.text(say("render.matrix.none"))])]))
        }
        if matrix.unknownCells > 0 {
            blocks.append(
                .paragraph([.text(say("render.matrix.unknown", String(SharingMatrix.maxCombinations)))], style: "note"))
        }
        for (n, t) in matrix.tables.enumerated() {
            let combinations = t.combinations.map { c in
                say(
                    "render.matrix.combination", say.list(c.categories.map(sentences.category)),
                    say.orList(c.purposes.map(sentences.purpose)))
            }
            let caption = say("render.matrix.caption", String(n + 1), combinations.joined(separator: "; "))
            var rows: [[DocumentTable.Cell]] = []
            var cellTexts: [JSONValue] = []
            for (i, line) in t.rows.enumerated() {
                var row = [DocumentTable.Cell(rowLabel(line), header: true)]
                var texts: [JSONValue] = []
                for cell in t.cells[i] {
                    var content: [Span] = [.text(statusWord(cell.status))]
                    if !cell.rules.isEmpty, cell.status != .never {
                        let numbers = cell.rules.map { number[$0] }.sorted().map(String.init)
                        content += [
                            .lineBreak,
                            .small([
                                .text(
                                    say(
                                        numbers.count == 1 ? "render.matrix.byRule" : "render.matrix.byRules",
                                        numbers.joined(separator: ", ")))
                            ]),
                        ]
                    }
                    row.append(DocumentTable.Cell(content, style: statusStyle(cell.status)))
                    texts.append(.string(content.plainText))
                }
                rows.append(row)
                cellTexts.append(.array(texts))
            }
            let header =
                [DocumentTable.Cell([.text(say("render.matrix.corner"))])]
                + t.columns.map { DocumentTable.Cell(rowLabel($0)) }
            var shown = DocumentTable(caption: [.text(caption)], header: header, rows: rows, style: "matrix")
            // A large covenant's many tables start closed, so the page stays a list to open from.
            shown.collapsed = matrix.level == .topCategories
            blocks.append(.table(shown))
            expectedTables.append(
                .object([
                    ("caption", .string(caption)),
                    ("rows", .array(t.rows.map { .string(rowLabel($0).plainText) })),
                    ("columns", .array(t.columns.map { .string(rowLabel($0).plainText) })),
                    ("cells", .array(cellTexts)),
                ]))
        }
        return section("matrix", say("render.matrix"), blocks)
    }

    // MARK: Without consent, and the checklist

    /// Permits that rest on a basis other than consent (seed 004 §5 f), by the kind of that basis.
    var permitsWithoutConsent: [Int] {
        order.map(\.rule).filter { r in
            model.rules[r].effect == .permit && model.rules[r].bases.contains { model.bases[$0].kind != .consent }
        }
    }

    func withoutConsent() -> Block {
        var blocks: [Block] = [.paragraph([.text(say("render.withoutConsent.intro"))])]
        let rules = permitsWithoutConsent
        if rules.isEmpty { blocks.append(.paragraph([.text(say("render.withoutConsent.none"))])) }
        let kinds: [BasisKind] = [.legal_obligation, .law, .public_task, .vital_interest, .conflict_of_duties]
        for kind in kinds {
            let these = rules.filter { r in
                model.rules[r].bases.first { model.bases[$0].kind != .consent }.map { model.bases[$0].kind } == kind
            }
            guard !these.isEmpty else { continue }
            blocks.append(.heading(level: 3, [.text(say("render.withoutConsent.kind.\(kind.rawValue)"))], id: nil))
            blocks.append(
                .list(these.map { r in ruleLink(r) + [.text(": "), .text(sentences.sentence(r))] }, ordered: false))
        }
        return section("without-consent", say("render.withoutConsent"), blocks)
    }

    func checklist() -> Block {
        let coverage = ElementCoverage.of(input.literate, model).filter {
            input.literate != nil || $0.element.statedByRules
        }
        var headingIDs: [Int: String] = [:]
        if let literate = input.literate { headingIDs = Builder.headingIDs(literate) }
        let rows = coverage.map { c -> [DocumentTable.Cell] in
            let status: String
            var place: [Span]
            switch c.source {
            case .text(let heading, let line), .emptySection(let heading, let line):
                if case .text = c.source {
                    status = say("render.checklist.yes")
                } else {
                    status = say("render.checklist.empty")
                }
                let target = input.literate?.headings.last { $0.line <= line }
                let where_ = say("render.checklist.section", say.quote(heading ?? "—"), String(line))
                place =
                    target.flatMap { headingIDs[$0.line] }.map { [.link([.text(where_)], href: "#\($0)")] } ?? [
                        .text(where_)
                    ]
            case .rules:
                status = say("render.checklist.yes")
                place = [.text(rulesState(c.element))]
            case .missing:
                status = say("render.checklist.no")
                place = [.text("—")]
            }
            return [
                DocumentTable.Cell([.text(c.element.name(input.language))], header: true),
                DocumentTable.Cell([.text(status)], style: c.isStated ? "always" : "never"), DocumentTable.Cell(place),
            ]
        }
        var blocks: [Block] = [
            .paragraph([.text(say("render.checklist.intro"))]),
            .table(
                DocumentTable(
                    caption: [.text(say("render.checklist.caption"))],
                    header: ["render.checklist.element", "render.checklist.covered", "render.checklist.where"]
                        .map { DocumentTable.Cell([.text(say($0))]) },
                    rows: rows)),
        ]
        if input.literate == nil { blocks.append(.paragraph([.text(say("render.checklist.plain"))], style: "note")) }
        return section("checklist", say("render.checklist"), blocks)
    }

    /// Where the rules state element a, b, e or f.
    func rulesState(_ element: CovenantElement) -> String {
        switch element {
        case .a:
            return say(
                model.controllers.count == 1 ? "render.checklist.a.one" : "render.checklist.a.many",
                count("party", model.parties.count),
                say.list(model.controllers.map(sentences.party)), count("purpose", model.purposes.count))
        case .b:
            let special = model.categories.indices.filter {
                model.categories[$0].special != nil
                    && (model.categories[$0].parent.map { model.categories[$0].special == nil } ?? true)
            }
            return say("render.checklist.b", say.list(special.map(sentences.category)))
        case .e:
            return say(
                "render.checklist.e",
                say.list(
                    model.facts.indices.filter {
                        if case .consent = model.facts[$0].role { true } else { false }
                    }.map(sentences.fact)))
        case .f:
            return say("render.checklist.f", String(permitsWithoutConsent.count))
        default:
            return "—"
        }
    }

    /// The anchors of the prose headings, as the HTML writer gives them: by line.
    static func headingIDs(_ literate: LiterateDocument) -> [Int: String] {
        var used = Set<String>()
        var ids: [Int: String] = [:]
        for heading in literate.headings {
            var id = "text-" + MarkdownToHTML.slug(heading.text)
            var n = 2
            while used.contains(id) {
                id = "text-" + MarkdownToHTML.slug(heading.text) + "-\(n)"
                n += 1
            }
            used.insert(id)
            ids[heading.line] = id
        }
        return ids
    }
}

typealias CovenantDocumentInput = CouncilDocument.Input
