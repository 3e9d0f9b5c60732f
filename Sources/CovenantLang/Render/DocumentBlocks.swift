/// The council document as a tree of blocks, written once and printed twice: as Markdown and
/// as HTML (`MarkdownWriter`, `HTMLWriter`), so both formats hold the same content.
public indirect enum Block: Sendable {
    /// Levels 1–6, in order (the writers never skip a level). `id` is the anchor.
    case heading(level: Int, [Span], id: String?)
    case paragraph([Span], style: String? = nil)
    case table(DocumentTable)
    case list([[Span]], ordered: Bool)
    /// A part of the document with its own anchor and style (for print and indentation).
    case section(id: String?, style: String?, [Block])
    /// Prose of a literate covenant, as the author wrote it in Markdown; `shift` is added to
    /// its heading levels so that they fall under the document's own. `firstLine` is its first
    /// line in the file, `ids` the anchors of its headings by line.
    case prose(String, shift: Int, firstLine: Int, ids: [Int: String])
}

/// Inline text. Text is plain: each writer escapes it for its format.
public indirect enum Span: Sendable, Hashable {
    case text(String)
    case strong([Span])
    case emphasis([Span])
    case code(String)
    case small([Span])
    case link([Span], href: String)
    /// A short form with the long one on demand: `<abbr title>` in HTML, the short form in Markdown.
    case abbreviation(String, title: String)
    /// A summary that opens to its details (`<details>` in HTML; both, in parentheses, in Markdown).
    case details(summary: [Span], body: [Span])
    case lineBreak
    /// Leading indentation for a level in a tree (0: none).
    case indent(Int)
}

public struct DocumentTable: Sendable {
    public struct Cell: Sendable {
        public var content: [Span]
        /// A header cell: `th` with scope `col` (in the header row) or `row` (first column).
        public var header: Bool
        /// A style name: the matrix status, for colour (the text says it too).
        public var style: String?

        public init(_ content: [Span], header: Bool = false, style: String? = nil) {
            self.content = content
            self.header = header
            self.style = style
        }
    }

    public var caption: [Span]
    public var header: [Cell]
    public var rows: [[Cell]]
    public var style: String?
    /// Shown closed under its caption (HTML `<details>`), for the many tables of a large covenant.
    public var collapsed = false

    public init(caption: [Span], header: [Cell], rows: [[Cell]], style: String? = nil) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.style = style
    }
}

extension Array where Element == Span {
    /// The text a reader sees, without markup: what the browser's DOM holds as text.
    public var plainText: String {
        map { span in
            switch span {
            case .text(let s), .code(let s): s
            case .strong(let inner), .emphasis(let inner), .small(let inner), .link(let inner, _): inner.plainText
            case .abbreviation(let s, _): s
            case .details(let summary, let body): summary.plainText + " " + body.plainText
            case .lineBreak: " "
            case .indent: ""
            }
        }.joined()
    }
}
