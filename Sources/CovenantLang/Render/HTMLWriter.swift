/// The council document as one self-contained HTML page: its style inline, no script, no
/// font, image or other file from elsewhere; readable on screen and in print (`@media print`),
/// and accessible: the language on `<html>`, headings in order, a caption on every table,
/// header cells with their scope, colours with a contrast of at least 4.5:1 (and the status
/// always in words, so colour only repeats it).
enum HTMLWriter {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func write(_ document: RenderedDocument) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(document.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(document.title))</title>
            <style>
            \(style)</style>
            </head>
            <body>

            """
        var writer = Writer(lastLevel: 0)
        for block in document.blocks { writer.block(block, into: &out) }
        out += "</body>\n</html>\n"
        return out
    }

    struct Writer {
        var lastLevel: Int

        mutating func block(_ item: Block, into out: inout String) {
            switch item {
            case .heading(let level, let spans, let id):
                let shown = min(level, lastLevel + 1)
                lastLevel = shown
                out += "<h\(shown)\(id.map { " id=\"\(escape($0))\"" } ?? "")>\(inline(spans))</h\(shown)>\n"
            case .paragraph(let spans, let style):
                out += "<p\(style.map { " class=\"\($0)\"" } ?? "")>\(inline(spans))</p>\n"
            case .list(let items, let ordered):
                let tag = ordered ? "ol" : "ul"
                out += "<\(tag)>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</\(tag)>\n"
            case .table(let t):
                if t.collapsed { out += "<details class=\"table\"><summary>\(inline(t.caption))</summary>\n" }
                out += "<div class=\"table-wrap\"><table\(t.style.map { " class=\"\($0)\"" } ?? "")>\n"
                out += "<caption>\(inline(t.caption))</caption>\n"
                if !t.header.isEmpty {
                    out +=
                        "<thead><tr>"
                        + t.header.map { "<th scope=\"col\"\(style($0))>\(inline($0.content))</th>" }.joined()
                        + "</tr></thead>\n"
                }
                out += "<tbody>\n"
                for row in t.rows {
                    out += "<tr>"
                    for cell in row {
                        out +=
                            cell.header
                            ? "<th scope=\"row\"\(style(cell))>\(inline(cell.content))</th>"
                            : "<td\(style(cell))>\(inline(cell.content))</td>"
                    }
                    out += "</tr>\n"
                }
                out += "</tbody>\n</table></div>\n"
                if t.collapsed { out += "</details>\n" }
            case .section(let id, let style, let blocks):
                let tag = style == "nav" ? "nav" : "section"
                let label = style == "nav" ? " aria-labelledby=\"\(id ?? "")-heading\"" : ""
                let idAttribute = id.map { " id=\"\(escape($0))\"" } ?? ""
                let classAttribute = style.map { " class=\"\($0)\"" } ?? ""
                out += "<\(tag)\(idAttribute)\(classAttribute)\(label)>\n"
                for b in blocks { block(b, into: &out) }
                out += "</\(tag)>\n"
            case .prose(let markdown, let shift, let firstLine, let ids):
                var converter = MarkdownToHTML(
                    shift: shift, idPrefix: "text-", firstLine: firstLine, ids: ids, lastLevel: lastLevel
                ) { $0 }
                out += "<div class=\"prose\">\n" + converter.convert(markdown) + "</div>\n"
                lastLevel = converter.lastLevel
            }
        }

        func style(_ cell: DocumentTable.Cell) -> String { cell.style.map { " class=\"\($0)\"" } ?? "" }
    }

    static func inline(_ spans: [Span]) -> String {
        spans.map { span in
            switch span {
            case .text(let s): escape(s)
            case .strong(let inner): "<strong>\(inline(inner))</strong>"
            case .emphasis(let inner): "<em>\(inline(inner))</em>"
            case .code(let s): "<code>\(escape(s))</code>"
            case .small(let inner): "<small>\(inline(inner))</small>"
            case .link(let inner, let href): "<a href=\"\(escape(href))\">\(inline(inner))</a>"
            case .abbreviation(let s, let title): "<abbr title=\"\(escape(title))\">\(escape(s))</abbr>"
            case .details(let summary, let body):
                "<details><summary>\(inline(summary))</summary>\(inline(body))</details>"
            case .lineBreak: "<br>"
            case .indent(let n):
                n > 0 ? "<span class=\"indent\" style=\"padding-left:\(Double(n) * 1.25)em\"></span>" : ""
            }
        }.joined()
    }

    /// Colours: text on its background at 7:1 or more, links and headings in a dark blue; the
    /// matrix statuses on light tints of green, amber and grey.
    static let style = """
        :root { color-scheme: light; }
        body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
          color: #1b1b1b; background: #ffffff; line-height: 1.5; margin: 0 auto; padding: 1.5rem 2rem 4rem;
          max-width: 62rem; font-size: 16px; }
        h1 { font-size: 1.9rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; color: #12355b; }
        h2 { font-size: 1.45rem; color: #12355b; border-bottom: 2px solid #12355b; padding-bottom: 0.2rem;
             margin-top: 2.5rem; }
        h3 { font-size: 1.15rem; color: #12355b; margin: 1.6rem 0 0.4rem; }
        h4, h5, h6 { font-size: 1rem; margin: 1.2rem 0 0.3rem; color: #1b1b1b; }
        a { color: #0b4f8a; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; background: #eef1f4;
          color: #1b1b1b; padding: 0 0.2em; border-radius: 3px; }
        small { font-size: 0.85em; }
        p.lead { font-size: 1.05rem; color: #333333; }
        p.note { color: #333333; font-size: 0.95rem; }
        .table-wrap { overflow-x: auto; margin: 0.75rem 0 1.25rem; }
        table { border-collapse: collapse; font-size: 0.92rem; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding: 0.3rem 0; color: #1b1b1b; }
        th, td { border: 1px solid #9aa7b4; padding: 0.3rem 0.55rem; vertical-align: top; text-align: left; }
        thead th { background: #e3eaf2; }
        tbody th { background: #f3f6f9; font-weight: 600; }
        table.about th { width: 16rem; }
        table.matrix { min-width: 36rem; }
        table.matrix td, table.matrix thead th { text-align: center; min-width: 6rem; max-width: 12rem; }
        table.matrix thead th:first-child { text-align: left; white-space: nowrap; }
        td.always { background: #d9f2df; color: #0a3a17; font-weight: 600; }
        td.conditional { background: #fff1c9; color: #3f2e00; }
        td.never { background: #f4f4f4; color: #4a4a4a; }
        td.unknown { background: #fde0e0; color: #5c0000; }
        td small { display: block; font-weight: normal; color: inherit; }
        span.indent { display: inline-block; }
        section.rule { margin: 0 0 1rem; }
        section.exception { border-left: 4px solid #b38600; padding-left: 1rem; margin-left: 0.75rem; }
        section.rule > p { margin: 0.25rem 0 0.5rem; }
        p.declarations { background: #eef3f8; border-left: 4px solid #12355b; padding: 0.5rem 0.75rem;
                         font-size: 0.95rem; }
        nav ol { columns: 2; padding-left: 1.5rem; }
        details { display: inline; }
        details.table { display: block; margin: 0.3rem 0; }
        details.table > summary { font-weight: 600; }
        summary { cursor: pointer; }
        details[open] { display: block; }
        .prose blockquote { border-left: 3px solid #9aa7b4; margin-left: 0; padding-left: 1rem; color: #333333; }
        .prose pre { background: #eef1f4; padding: 0.6rem; overflow-x: auto; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h2 { break-after: avoid; page-break-after: avoid; }
          h3, h4 { break-after: avoid; page-break-after: avoid; }
          tr, section.rule > p { break-inside: avoid; page-break-inside: avoid; }
          .table-wrap { overflow: visible; }
          a { color: inherit; text-decoration: none; }
          nav { break-after: page; }
          td.always, td.conditional, td.never, td.unknown, thead th, tbody th {
            -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
