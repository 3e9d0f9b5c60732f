/// A small Markdown-to-HTML converter for the prose of a literate covenant: headings,
/// paragraphs, emphasis, code, links, lists (nested by indentation), block quotes, pipe tables,
/// fenced code and rules. Raw HTML is shown as text, never passed through; HTML comments (the
/// `<!-- covenant: §5 … -->` markers) are dropped; an image becomes its description, so the
/// page loads nothing from elsewhere.
struct MarkdownToHTML {
    /// Added to every heading level (then clamped to 2...6, never more than one below the
    /// heading before it, so the document's outline has no gaps).
    var shift: Int
    var idPrefix: String
    /// The file's line number of the text's first line, and the anchors of its headings by
    /// line (those the document links to); other headings get one from their words.
    var firstLine: Int
    var ids: [Int: String]
    /// The caption of a table in the prose: the heading it stands under.
    var tableCaption: (String) -> String
    private(set) var lastLevel = 1
    private(set) var lastHeading = ""
    private var usedIDs = Set<String>()

    init(
        shift: Int, idPrefix: String, firstLine: Int = 1, ids: [Int: String] = [:], lastLevel: Int = 1,
        tableCaption: @escaping (String) -> String
    ) {
        self.shift = shift
        self.idPrefix = idPrefix
        self.firstLine = firstLine
        self.ids = ids
        usedIDs = Set(ids.values)
        self.lastLevel = lastLevel
        self.tableCaption = tableCaption
    }

    /// The anchor of a heading: its words in lower case joined by hyphens.
    static func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty, out.last != "-" { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "section" : out
    }

    /// The headings of a Markdown text with their line numbers (from `firstLine`), as `convert`
    /// gives them anchors.
    static func headings(_ markdown: String) -> [(level: Int, text: String, offset: Int)] {
        var found: [(Int, String, Int)] = []
        var fence: String?
        for (i, raw) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingLeadingSpaces(max: 3)
            if let f = fence {
                if line.hasPrefix(f) { fence = nil }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fence = String(line.prefix(3))
                continue
            }
            if let h = heading(line) { found.append((h.0, h.1, i)) }
        }
        return found
    }

    static func heading(_ line: Substring) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard hashes >= 1, hashes <= 6 else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: " \t")
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingCharacters(in: " \t"))
    }

    mutating func convert(_ markdown: String) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).replacingTabs }
        lines = Self.dropComments(lines)
        return blocks(lines[...], top: true)
    }

    /// Removes HTML comments, also those over several lines.
    static func dropComments(_ lines: [String]) -> [String] {
        var out: [String] = []
        var inside = false
        for line in lines {
            var rest = Substring(line)
            var kept = ""
            while !rest.isEmpty {
                if inside {
                    guard let end = rest.firstRange(of: "-->") else {
                        rest = ""
                        break
                    }
                    rest = rest[end.upperBound...]
                    inside = false
                } else if let start = rest.firstRange(of: "<!--") {
                    kept += rest[..<start.lowerBound]
                    rest = rest[start.upperBound...]
                    inside = true
                } else {
                    kept += rest
                    rest = ""
                }
            }
            // A line that held only a comment becomes blank (lines keep their numbers).
            out.append(kept.allSatisfy { $0 == " " } ? "" : kept)
        }
        return out
    }

    private mutating func blocks(_ lines: ArraySlice<String>, top: Bool = false) -> String {
        var out = ""
        var i = lines.startIndex
        var paragraph: [String] = []
        var paragraphStart = i
        func flush(_ out: inout String) {
            guard !paragraph.isEmpty else { return }
            // Inline markup may span lines, so the paragraph is read as one text; a hard
            // break (two spaces or a backslash at the end of a line) is marked, then written.
            let text = paragraph.enumerated().map { n, line -> String in
                var l = Substring(line).trimmingLeadingSpaces(max: 3)
                let hard = n < paragraph.count - 1 && (l.hasSuffix("  ") || l.hasSuffix("\\"))
                if l.hasSuffix("\\") { l = l.dropLast() }
                return String(l).trimmingCharacters(in: " ") + (hard ? "\u{E000}" : "")
            }.joined(separator: "\n")
            let html = Self.inline(text).replacing("\u{E000}", with: "<br>")
            out += "<p>\(html)</p>\n"
            paragraph = []
        }
        while i < lines.endIndex {
            let line = lines[i]
            let trimmed = Substring(line).trimmingLeadingSpaces(max: 3)
            let indent = line.prefix { $0 == " " }.count
            if line.trimmingCharacters(in: " ").isEmpty {
                flush(&out)
                i += 1
                continue
            }
            if indent < 4, !paragraph.isEmpty, let level = Self.setextLevel(trimmed) {
                let text = paragraph.map { $0.trimmingCharacters(in: " ") }.joined(separator: " ")
                paragraph = []
                out += heading(level, text, line: top ? firstLine + paragraphStart - lines.startIndex : nil)
                i += 1
                continue
            }
            if indent < 4, let (level, text) = Self.heading(trimmed) {
                flush(&out)
                out += heading(level, text, line: top ? firstLine + i - lines.startIndex : nil)
                i += 1
                continue
            }
            if indent < 4, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush(&out)
                let fence = String(trimmed.prefix(3))
                var code: [String] = []
                i += 1
                while i < lines.endIndex, !Substring(lines[i]).trimmingLeadingSpaces(max: 3).hasPrefix(fence) {
                    code.append(lines[i])
                    i += 1
                }
                i += 1
                out += "<pre><code>\(HTMLWriter.escape(code.joined(separator: "\n")))</code></pre>\n"
                continue
            }
            if indent < 4, Self.isRule(trimmed) {
                flush(&out)
                out += "<hr>\n"
                i += 1
                continue
            }
            if indent < 4, trimmed.hasPrefix(">") {
                flush(&out)
                var quoted: [String] = []
                while i < lines.endIndex, Substring(lines[i]).trimmingLeadingSpaces(max: 3).hasPrefix(">") {
                    var q = Substring(lines[i]).trimmingLeadingSpaces(max: 3).dropFirst()
                    if q.first == " " { q = q.dropFirst() }
                    quoted.append(String(q))
                    i += 1
                }
                out += "<blockquote>\n\(blocks(quoted[...]))</blockquote>\n"
                continue
            }
            if indent < 4, let marker = Self.listMarker(trimmed) {
                flush(&out)
                let ordered = marker.ordered
                var items: [[String]] = []
                let base = indent
                while i < lines.endIndex {
                    let l = lines[i]
                    let ind = l.prefix { $0 == " " }.count
                    let t = Substring(l).trimmingLeadingSpaces(max: 3)
                    if ind <= base + 1, let m = Self.listMarker(t), m.ordered == ordered {
                        items.append([String(t.dropFirst(m.width))])
                        i += 1
                        continue
                    }
                    if l.trimmingCharacters(in: " ").isEmpty {
                        // A blank line ends the list unless the next line continues an item.
                        let next = i + 1 < lines.endIndex ? lines[i + 1] : ""
                        if next.prefix(while: { $0 == " " }).count > base, !next.trimmingCharacters(in: " ").isEmpty,
                            !items.isEmpty
                        {
                            items[items.count - 1].append("")
                            i += 1
                            continue
                        }
                        break
                    }
                    if ind > base, !items.isEmpty {
                        items[items.count - 1].append(String(l.dropFirst(min(ind, base + 2))))
                        i += 1
                        continue
                    }
                    if !items.isEmpty, Self.listMarker(t) == nil, Self.heading(t) == nil, !t.hasPrefix(">") {
                        items[items.count - 1].append(String(t))  // a lazy continuation line
                        i += 1
                        continue
                    }
                    break
                }
                let tag = ordered ? "ol" : "ul"
                out += "<\(tag)>\n"
                for item in items {
                    var inner = blocks(item[...])
                    // A tight item (no blank line in it): its first paragraph without <p>.
                    if !item.contains(""), inner.hasPrefix("<p>"), let end = inner.firstRange(of: "</p>\n") {
                        inner =
                            String(inner[inner.index(inner.startIndex, offsetBy: 3)..<end.lowerBound])
                            + inner[end.upperBound...]
                    }
                    out += "<li>\(inner)</li>\n"
                }
                out += "</\(tag)>\n"
                continue
            }
            if indent < 4, trimmed.hasPrefix("|") || trimmed.contains("|"), i + 1 < lines.endIndex,
                Self.isTableSeparator(lines[i + 1])
            {
                flush(&out)
                let head = Self.cells(String(trimmed))
                i += 2
                var rows: [[String]] = []
                while i < lines.endIndex, lines[i].contains("|"), !lines[i].trimmingCharacters(in: " ").isEmpty {
                    rows.append(Self.cells(lines[i]))
                    i += 1
                }
                out += "<table>\n<caption>\(HTMLWriter.escape(tableCaption(lastHeading)))</caption>\n<thead><tr>"
                out += head.map { "<th scope=\"col\">\(Self.inline($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in rows {
                    out +=
                        "<tr>"
                        + (0..<head.count).map { "<td>\(Self.inline($0 < row.count ? row[$0] : ""))</td>" }.joined()
                        + "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
                continue
            }
            if paragraph.isEmpty { paragraphStart = i }
            paragraph.append(line)
            i += 1
        }
        flush(&out)
        return out
    }

    /// A heading, shifted under the document's own and given its anchor.
    private mutating func heading(_ level: Int, _ text: String, line: Int?) -> String {
        let shown = max(2, min(6, min(level + shift, lastLevel + 1)))
        lastLevel = shown
        lastHeading = text
        var id: String
        if let line, let known = ids[line] {
            id = known
        } else {
            id = idPrefix + Self.slug(text)
            var n = 2
            while usedIDs.contains(id) {
                id = idPrefix + Self.slug(text) + "-\(n)"
                n += 1
            }
            usedIDs.insert(id)
        }
        return "<h\(shown) id=\"\(HTMLWriter.escape(id))\">\(Self.inline(text))</h\(shown)>\n"
    }

    /// `===` (level 1) or `---` (level 2) under a paragraph.
    static func setextLevel(_ line: Substring) -> Int? {
        let t = line.trimmingCharacters(in: " ")
        guard let first = t.first, first == "=" || first == "-", t.allSatisfy({ $0 == first }) else { return nil }
        return first == "=" ? 1 : 2
    }

    static func isRule(_ line: Substring) -> Bool {
        let chars = line.filter { $0 != " " }
        guard chars.count >= 3, let first = chars.first, "-*_".contains(first) else { return false }
        return chars.allSatisfy { $0 == first }
    }

    static func listMarker(_ line: Substring) -> (ordered: Bool, width: Int)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " { return (false, 2) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let after = line.dropFirst(digits.count)
        guard let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " else { return nil }
        return (true, digits.count + 2)
    }

    static func isTableSeparator(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: " ")
        guard t.contains("-"), t.contains("|") || t.hasPrefix("-") else { return false }
        return t.allSatisfy { "|-: ".contains($0) }
    }

    static func cells(_ line: String) -> [String] {
        var t = line.trimmingCharacters(in: " ")
        if t.hasPrefix("|") { t.removeFirst() }
        if t.hasSuffix("|"), !t.hasSuffix("\\|") { t.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in t {
            if escaped {
                current.append(ch)
                escaped = false
                continue
            }
            if ch == "\\" {
                escaped = true
                current.append(ch)
                continue
            }
            if ch == "|" {
                cells.append(current.trimmingCharacters(in: " "))
                current = ""
                continue
            }
            current.append(ch)
        }
        cells.append(current.trimmingCharacters(in: " "))
        return cells
    }

    // MARK: Inline

    /// Code spans, emphasis (`*`, `_`, `**`, `__`), links, autolinks, images (their text) and
    /// backslash escapes; everything else escaped as text.
    static func inline(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        var open: [String] = []  // emphasis delimiters currently open
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "\\`*_{}[]()#+-.!|<>~".contains(chars[i + 1]) {
                out += HTMLWriter.escape(String(chars[i + 1]))
                i += 2
                continue
            }
            if c == "`" {
                let ticks = chars[i...].prefix { $0 == "`" }.count
                let fence = String(repeating: "`", count: ticks)
                if let end = find(fence, in: chars, from: i + ticks) {
                    let code = String(chars[(i + ticks)..<end]).trimmingCharacters(in: " ")
                    out += "<code>\(HTMLWriter.escape(code))</code>"
                    i = end + ticks
                    continue
                }
                out += HTMLWriter.escape(fence)
                i += ticks
                continue
            }
            if c == "!" || c == "[", let link = parseLink(chars, at: c == "!" ? i + 1 : i),
                c == "[" || chars[i + 1] == "["
            {
                let label = inline(link.label)
                if c == "!" {
                    out += "<span class=\"image\">[\(label)]</span>"
                } else {
                    out += "<a href=\"\(HTMLWriter.escape(link.href))\">\(label)</a>"
                }
                i = link.end
                continue
            }
            if c == "<", let end = chars[i...].firstIndex(of: ">") {
                let inside = String(chars[(i + 1)..<end])
                if inside.hasPrefix("http://") || inside.hasPrefix("https://") || inside.hasPrefix("mailto:"),
                    !inside.contains(" ")
                {
                    out += "<a href=\"\(HTMLWriter.escape(inside))\">\(HTMLWriter.escape(inside))</a>"
                    i = end + 1
                    continue
                }
            }
            if c == "*" || c == "_" {
                let run = chars[i...].prefix { $0 == c }.count
                let delimiter = String(repeating: String(c), count: min(run, 2))
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = i + run < chars.count ? chars[i + run] : nil
                let canOpen =
                    after.map { !$0.isWhitespace } ?? false
                    && (c == "*" || !(before?.isLetter ?? false) && !(before?.isNumber ?? false))
                let canClose =
                    before.map { !$0.isWhitespace } ?? false
                    && (c == "*" || !(after?.isLetter ?? false) && !(after?.isNumber ?? false))
                if canClose, open.last == delimiter {
                    open.removeLast()
                    out += delimiter.count == 2 ? "</strong>" : "</em>"
                    i += delimiter.count
                    continue
                }
                if canOpen, find(delimiter, in: chars, from: i + delimiter.count) != nil {
                    open.append(delimiter)
                    out += delimiter.count == 2 ? "<strong>" : "<em>"
                    i += delimiter.count
                    continue
                }
                out += HTMLWriter.escape(String(repeating: String(c), count: run))
                i += run
                continue
            }
            out += HTMLWriter.escape(String(c))
            i += 1
        }
        for d in open.reversed() { out += d.count == 2 ? "</strong>" : "</em>" }
        return out
    }

    static func find(_ needle: String, in chars: [Character], from start: Int) -> Int? {
        let n = Array(needle)
        guard start <= chars.count - n.count else { return nil }
        for i in start...(chars.count - n.count) where Array(chars[i..<(i + n.count)]) == n { return i }
        return nil
    }

    /// `[label](href)` starting at `at` (the `[`).
    static func parseLink(_ chars: [Character], at: Int) -> (label: String, href: String, end: Int)? {
        guard at < chars.count, chars[at] == "[" else { return nil }
        var depth = 0
        var i = at
        while i < chars.count {
            if chars[i] == "[" { depth += 1 }
            if chars[i] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            i += 1
        }
        guard i + 1 < chars.count, chars[i + 1] == "(", let close = chars[(i + 1)...].firstIndex(of: ")") else {
            return nil
        }
        var href = String(chars[(i + 2)..<close]).trimmingCharacters(in: " ")
        if let space = href.firstIndex(of: " ") { href = String(href[..<space]) }  // drop a title
        return (String(chars[(at + 1)..<i]), href, close + 1)
    }
}

extension Substring {
    /// Without up to `max` leading spaces.
    func trimmingLeadingSpaces(max: Int) -> Substring {
        var s = self
        var n = 0
        while n < max, s.first == " " {
            s = s.dropFirst()
            n += 1
        }
        return s
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    var replacingTabs: String { contains("\t") ? replacing("\t", with: "    ") : self }
}
