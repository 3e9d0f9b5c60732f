/// The council document as Markdown: the same blocks as the HTML page, for an annex to a
/// council proposal or a repository. The prose of a literate covenant is kept as the author
/// wrote it, its headings moved under the document's own.
enum MarkdownWriter {
    static func write(_ document: RenderedDocument) -> String {
        var out = ""
        for block in document.blocks { write(block, into: &out) }
        // Blank lines left where comments stood: one is enough.
        while out.contains("\n\n\n") { out = out.replacing("\n\n\n", with: "\n\n") }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    static func write(_ block: Block, into out: inout String) {
        switch block {
        case .heading(let level, let spans, _):
            out += String(repeating: "#", count: max(1, min(6, level))) + " " + inline(spans) + "\n\n"
        case .paragraph(let spans, let style):
            out += (style == "declarations" ? "> " : "") + inline(spans) + "\n\n"
        case .list(let items, let ordered):
            for (n, item) in items.enumerated() { out += (ordered ? "\(n + 1). " : "- ") + inline(item) + "\n" }
            out += "\n"
        case .table(let t):
            out += "**" + inline(t.caption) + "**\n\n"
            let header =
                t.header.isEmpty ? Array(repeating: DocumentTable.Cell([]), count: t.rows.first?.count ?? 1) : t.header
            out += "| " + header.map { cell($0.content) }.joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: " --- |", count: header.count) + "\n"
            for row in t.rows { out += "| " + row.map { cell($0.content) }.joined(separator: " | ") + " |\n" }
            out += "\n"
        case .section(_, _, let blocks):
            for b in blocks { write(b, into: &out) }
        case .prose(let markdown, let shift, _, _):
            // The author's comments (sources, the §5 markers) are notes, not part of the document.
            let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let text = MarkdownToHTML.dropComments(lines).joined(separator: "\n")
            if !out.hasSuffix("\n\n") { out += "\n" }
            out += shifted(text, by: shift).trimmingCharacters(in: "\n")
            out += "\n"
            if !out.hasSuffix("\n") { out += "\n" }
            if !out.hasSuffix("\n\n") { out += "\n" }
        }
    }

    /// The author's Markdown with each ATX heading `shift` levels deeper (at most 6), code
    /// blocks left alone.
    static func shifted(_ markdown: String, by shift: Int) -> String {
        var fence: Substring?
        var lines: [String] = []
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingLeadingSpaces(max: 3)
            if let f = fence {
                if line.hasPrefix(f) { fence = nil }
                lines.append(String(raw))
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fence = line.prefix(3)
                lines.append(String(raw))
                continue
            }
            if let (level, text) = MarkdownToHTML.heading(line) {
                lines.append(String(repeating: "#", count: min(6, level + shift)) + " " + text)
            } else {
                lines.append(String(raw))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func cell(_ spans: [Span]) -> String {
        inline(spans).replacing("  \n", with: " — ").replacing("\n", with: " ")
    }

    /// Escapes what Markdown would read as markup.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]<>#|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func inline(_ spans: [Span]) -> String {
        spans.map { span in
            switch span {
            case .text(let s): escape(s)
            case .strong(let inner): "**\(inline(inner))**"
            case .emphasis(let inner): "*\(inline(inner))*"
            case .code(let s): "`\(s)`"
            case .small(let inner): inline(inner)
            case .link(let inner, let href): href.hasPrefix("#") ? inline(inner) : "[\(inline(inner))](\(href))"
            case .abbreviation(let s, _): escape(s)
            case .details(let summary, let body): "\(inline(summary)) (\(inline(body)))"
            case .lineBreak: "  \n"
            case .indent(let n): n > 0 ? String(repeating: "\u{00A0}\u{00A0}", count: n - 1) + "↳ " : ""
            }
        }.joined()
    }
}
