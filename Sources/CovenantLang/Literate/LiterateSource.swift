import CovenantEval

/// A literate covenant: a Markdown file named `*.covenant.md` that holds the covenant's legal
/// text, with its rules in fenced code blocks whose info string is `covenant` (```` ```covenant ````
/// or `~~~covenant`). Only those blocks are covenant source; the rest is prose. The compiler
/// reads the *virtual source*: the same lines as the file, code lines verbatim and every other
/// line (prose, fences) empty, so a diagnostic's line and column are those of the `.md` file.
///
/// Fences follow CommonMark: up to three spaces of indentation, three or more backticks or
/// tildes, closed by a fence of the same character at least as long; an unclosed fence runs to
/// the end of the file. The seed 004 §5 elements are tied to prose by a comment on its own line
/// in the section that covers them: `<!-- covenant: §5 c, h -->` (see docs/literate.md).
public enum LiterateSource {
    /// The suffix that makes a file literate.
    public static let suffix = ".covenant.md"

    /// Whether the file at `path` is a literate covenant (its name ends in `.covenant.md`).
    public static func isLiterate(path: String) -> Bool { path.hasSuffix(suffix) }

    /// The source the compiler reads for a file: for a literate path its virtual source (with
    /// the document it was split from), otherwise the bytes as they are.
    public static func source(path: String, bytes: [UInt8]) -> (source: SourceFile, document: LiterateDocument?) {
        guard isLiterate(path: path) else { return (SourceFile(path: path, bytes: bytes), nil) }
        let document = split(bytes)
        return (SourceFile(path: path, bytes: document.virtualSource), document)
    }

    /// The decision table of a checked covenant that records the SHA-256 of the file as written
    /// (`original`: for a literate covenant the `.md` file, not its virtual source), so that
    /// `--source` and the council document name the text that was adopted.
    public static func compile(_ model: CovenantModel, source: SourceFile, original: [UInt8]) -> DecisionTable {
        var table = Compiler.compile(model, source: source)
        table.metadata.sourceSHA256 = SHA256.hexDigest(original)
        // The body now names the .md file's hash: the table's own hash follows it.
        table.sha256 = TableCodec.bodySHA256(table)
        return table
    }

    /// Splits a Markdown file into prose and covenant code, finds its headings and its §5 markers.
    public static func split(_ bytes: [UInt8]) -> LiterateDocument {
        var splitter = Splitter(bytes: bytes)
        splitter.run()
        return splitter.document()
    }
}

/// A literate covenant split into its parts (see `LiterateSource`).
public struct LiterateDocument: Sendable {
    /// A run of lines of one kind, in file order. The fence lines of a covenant block belong to
    /// no part; a block without content lines gives no `.code` part.
    public enum Part: Sendable, Hashable {
        /// Markdown: prose, headings, and code blocks of other languages. `text` is the lines'
        /// exact text, each with its line break.
        case prose(String, lines: ClosedRange<Int>)
        /// The content lines of one covenant block, exactly as written.
        case code(String, lines: ClosedRange<Int>)
    }

    /// One fenced covenant block.
    public struct Block: Sendable, Hashable {
        /// The line of the opening fence.
        public var opening: Int
        /// The line of the closing fence; nil when the block runs to the end of the file.
        public var closing: Int?
        /// The content lines (nil for an empty block).
        public var content: ClosedRange<Int>?
        /// The opening fence as written, without indentation and info string (```` ``` ````, `~~~~`).
        public var fence: String
    }

    /// A Markdown heading outside code: ATX (`## Title`) or setext (a line underlined with `=` or `-`).
    public struct Heading: Sendable, Hashable {
        public var line: Int
        public var level: Int
        public var text: String
    }

    public var parts: [Part]
    /// The file as written.
    public var original: [UInt8]
    /// The file with every line that is not covenant code replaced by an empty line.
    public var virtualSource: [UInt8]
    /// The seed 004 §5 elements the markers name, in file order: the letter (a–i), the text of
    /// the nearest heading above the marker, and the marker's line.
    public var elements: [(letter: Character, heading: String?, line: Int)]
    /// The covenant blocks, in file order.
    public var blocks: [Block]
    /// The headings, in file order.
    public var headings: [Heading]
    /// The number of lines of the file (the last one may lack a line break).
    public var lineCount: Int
    /// For each line (index 0 is line 1): whether it holds text of its section, that is
    /// anything but blank lines, headings, markers and the fences of covenant blocks.
    var substantive: [Bool]

    /// The line of an opening `covenant` fence that is never closed: an error, as everything
    /// after it (the prose too) would be read as covenant source.
    public var unclosedFence: Int? {
        blocks.first { $0.closing == nil }?.opening
    }

    /// The section a line stands in: from the nearest heading above it to the line before the
    /// next heading of the same or a higher level (or the end of the file). Before the first
    /// heading, the lines up to it.
    public func section(of line: Int) -> ClosedRange<Int> {
        guard let heading = headings.last(where: { $0.line <= line }) else {
            return 1...max(1, (headings.first?.line ?? lineCount + 1) - 1)
        }
        let next = headings.first { $0.line > heading.line && $0.level <= heading.level }
        return heading.line...max(heading.line, (next?.line ?? lineCount + 1) - 1)
    }

    /// Whether the section of the marker on `line` holds any text besides its heading and markers
    /// (prose, a list, a table, or covenant code).
    public func sectionHasText(_ line: Int) -> Bool {
        section(of: line).contains { $0 >= 1 && $0 <= substantive.count && substantive[$0 - 1] }
    }

    /// The unclosed fence as a diagnostic (E110), in `language`.
    public func unclosedFenceDiagnostic(path: String, language: Language) -> Diagnostic? {
        guard let block = blocks.first(where: { $0.closing == nil }) else { return nil }
        let words = Words(language)
        let start = SourceLocation(line: block.opening, column: 1, offset: 0)
        var d = Diagnostic(
            .unexpectedToken, words("literate.unclosedFence", "\(block.fence)covenant"),
            at: SourceRange(file: path, start: start, end: start),
            help: words("literate.unclosedFence.help", block.fence))
        d.language = language
        return d
    }

    /// The declarations that begin in one covenant block and end in another or outside any (E110):
    /// each block must hold whole declarations, so that `fmt` can print it on its own.
    public func structureDiagnostics(_ file: CovenantFile) -> [Diagnostic] {
        let words = Words(file.messages)
        var ranges = file.declarations.map(\.range)
        if let header = file.header { ranges.insert(header.range, at: 0) }
        var found: [Diagnostic] = []
        for range in ranges {
            guard let block = block(containing: range.start.line), let content = block.content,
                !content.contains(range.end.line)
            else { continue }
            var d = Diagnostic(
                .unexpectedToken, words("literate.declarationAcrossBlocks", "\(content.upperBound)"),
                at: SourceRange(file: range.file, start: range.start, end: range.start),
                help: words("literate.declarationAcrossBlocks.help", block.fence))
            d.language = words.language
            found.append(d)
        }
        return found
    }

    /// The covenant block whose content holds `line`.
    public func block(containing line: Int) -> Block? {
        blocks.first { $0.content?.contains(line) == true }
    }
}

/// The line-by-line reading of a Markdown file, as CommonMark reads fences and headings.
struct Splitter {
    enum Kind { case prose, fence, code }

    let bytes: [UInt8]
    /// Each line's byte range, without its line break.
    var lines: [Range<Int>] = []
    /// Whether each line ends with a line break.
    var broken: [Bool] = []
    var kinds: [Kind] = []
    var blocks: [LiterateDocument.Block] = []
    var headings: [LiterateDocument.Heading] = []
    var markers: [(letters: [Character], line: Int)] = []
    var substantive: [Bool] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(start..<i)
            broken.append(true)
            start = i + 1
        }
        if start < bytes.count {
            lines.append(start..<bytes.count)
            broken.append(false)
        }
    }

    /// The open fence: its character, length, whether it opens covenant code, and its block.
    struct OpenFence {
        var character: UInt8
        var length: Int
        var covenant: Bool
        var block: LiterateDocument.Block
    }

    mutating func run() {
        var open: OpenFence?
        /// The first line of the paragraph being read, for a setext heading.
        var paragraph: Int?
        for (index, range) in lines.enumerated() {
            let number = index + 1
            let line = bytes[range]
            substantive.append(false)
            if var fence = open {
                if Self.closes(line, fence) {
                    kinds.append(fence.covenant ? .fence : .prose)
                    if fence.covenant {
                        fence.block.closing = number
                        blocks.append(fence.block)
                    }
                    open = nil
                } else {
                    kinds.append(fence.covenant ? .code : .prose)
                    substantive[index] = !Self.isBlank(line)
                    if fence.covenant {
                        fence.block.content = (fence.block.content?.lowerBound ?? number)...number
                        open = fence
                    }
                }
                continue
            }
            if let fence = Self.opening(line, at: number) {
                kinds.append(fence.covenant ? .fence : .prose)
                substantive[index] = !fence.covenant
                open = fence
                paragraph = nil
                continue
            }
            kinds.append(.prose)
            let text = Self.trimmed(line)
            if text.isEmpty {
                paragraph = nil
            } else if let heading = Self.atxHeading(line, at: number) {
                headings.append(heading)
                paragraph = nil
            } else if let start = paragraph, let level = Self.setextLevel(line) {
                let title = (start..<number).map { Self.trimmed(bytes[lines[$0 - 1]]) }.joined(separator: " ")
                headings.append(.init(line: start, level: level, text: title))
                for heading in start..<number { substantive[heading - 1] = false }
                paragraph = nil
            } else if let letters = Self.marker(text) {
                markers.append((letters, number))
                paragraph = nil
            } else if text.hasPrefix("<!--") {
                // Another HTML comment: invisible, so no text of its section.
                paragraph = nil
            } else {
                substantive[index] = true
                if paragraph == nil, !Self.startsListItem(text) { paragraph = number }
            }
        }
        if let fence = open, fence.covenant { blocks.append(fence.block) }
    }

    func document() -> LiterateDocument {
        var virtual: [UInt8] = []
        virtual.reserveCapacity(bytes.count)
        var parts: [LiterateDocument.Part] = []
        var run: (kind: Kind, first: Int, last: Int)?
        func flush() {
            guard let r = run, r.kind != .fence else { return }
            let text = String(decoding: bytes[lines[r.first - 1].lowerBound..<end(of: r.last)], as: UTF8.self)
            parts.append(r.kind == .code ? .code(text, lines: r.first...r.last) : .prose(text, lines: r.first...r.last))
        }
        for (index, kind) in kinds.enumerated() {
            let number = index + 1
            if kind == .code { virtual += bytes[lines[index]] }
            if broken[index] { virtual.append(0x0A) }
            // A block's code is one part; a fence ends the part before it.
            if let r = run, r.kind == kind, kind != .fence {
                run = (kind, r.first, number)
            } else {
                flush()
                run = (kind, number, number)
            }
        }
        flush()
        let elements = markers.flatMap { marker in
            let heading = headings.last { $0.line <= marker.line }?.text
            return marker.letters.map { (letter: $0, heading: heading, line: marker.line) }
        }
        return LiterateDocument(
            parts: parts, original: bytes, virtualSource: virtual, elements: elements,
            blocks: blocks, headings: headings, lineCount: lines.count, substantive: substantive)
    }

    /// The byte offset after line `number`, its line break included.
    func end(of number: Int) -> Int {
        lines[number - 1].upperBound + (broken[number - 1] ? 1 : 0)
    }

    // MARK: CommonMark's rules for one line

    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(0x0D)
    static let backtick = UInt8(ascii: "`"), tilde = UInt8(ascii: "~")

    /// The number of leading spaces, or nil when the line is indented four columns or more
    /// (an indented code block, or a continuation: never a fence or a heading).
    static func indentation(_ line: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for b in line {
            if b == space { n += 1 } else if b == tab { return nil } else { break }
            if n > 3 { return nil }
        }
        return n
    }

    /// The length of the run of `b` at the start of `line`.
    static func run(of b: UInt8, in line: ArraySlice<UInt8>) -> Int {
        line.prefix { $0 == b }.count
    }

    static func isBlank(_ rest: ArraySlice<UInt8>) -> Bool {
        rest.allSatisfy { $0 == space || $0 == tab || $0 == cr }
    }

    /// An opening fence: three or more backticks (with no backtick in the info string) or tildes.
    static func opening(_ line: ArraySlice<UInt8>, at number: Int) -> OpenFence? {
        guard let indent = indentation(line) else { return nil }
        let body = line.dropFirst(indent)
        guard let c = body.first, c == backtick || c == tilde else { return nil }
        let length = run(of: c, in: body)
        guard length >= 3 else { return nil }
        let info = body.dropFirst(length)
        if c == backtick, info.contains(backtick) { return nil }
        let first = info.drop { $0 == space || $0 == tab }.prefix { $0 != space && $0 != tab && $0 != cr }
        let word = String(decoding: first, as: UTF8.self)
        let fence = String(repeating: Character(Unicode.Scalar(c)), count: length)
        return OpenFence(
            character: c, length: length, covenant: word == "covenant",
            block: .init(opening: number, closing: nil, content: nil, fence: fence))
    }

    /// A closing fence: the same character, at least as long, and nothing after it but spaces.
    static func closes(_ line: ArraySlice<UInt8>, _ fence: OpenFence) -> Bool {
        guard let indent = indentation(line) else { return false }
        let body = line.dropFirst(indent)
        let length = run(of: fence.character, in: body)
        return length >= fence.length && isBlank(body.dropFirst(length))
    }

    /// `# Title` to `###### Title`, with an optional closing run of `#`.
    static func atxHeading(_ line: ArraySlice<UInt8>, at number: Int) -> LiterateDocument.Heading? {
        guard let indent = indentation(line) else { return nil }
        let body = line.dropFirst(indent)
        let level = run(of: UInt8(ascii: "#"), in: body)
        guard (1...6).contains(level) else { return nil }
        let rest = body.dropFirst(level)
        guard rest.isEmpty || rest.first == space || rest.first == tab || isBlank(rest) else { return nil }
        var text = trimmed(rest)
        // The closing sequence: a run of # preceded by a space (or the whole text).
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let before = text.dropLast(closing)
            if before.isEmpty || before.hasSuffix(" ") || before.hasSuffix("\t") {
                text = String(before).trimmingSpaces
            }
        }
        return .init(line: number, level: level, text: text)
    }

    /// The level of a setext underline (`===` is 1, `---` is 2), or nil.
    static func setextLevel(_ line: ArraySlice<UInt8>) -> Int? {
        guard let indent = indentation(line) else { return nil }
        let body = line.dropFirst(indent)
        guard let c = body.first, c == UInt8(ascii: "=") || c == UInt8(ascii: "-") else { return nil }
        guard isBlank(body.dropFirst(run(of: c, in: body))) else { return nil }
        return c == UInt8(ascii: "=") ? 1 : 2
    }

    /// A list item's marker (`-`, `*`, `+`, `1.`, `1)`) and a space: a `---` below it is no
    /// heading underline.
    static func startsListItem(_ text: String) -> Bool {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let rest = text.dropFirst(digits.count)
        let marker = digits.isEmpty ? ["-", "*", "+"] : [".", ")"]
        guard let first = rest.first, marker.contains(String(first)) else { return false }
        let after = rest.dropFirst()
        return after.isEmpty || after.first == " " || after.first == "\t"
    }

    /// The letters of a §5 marker, `<!-- covenant: §5 c, h -->`, or nil when the line is none.
    /// Letters are separated by commas or spaces; unknown ones are ignored.
    static func marker(_ text: String) -> [Character]? {
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return nil }
        var body = Substring(text.dropFirst(4).dropLast(3)).trimmingSpaces
        guard body.hasPrefix("covenant:") else { return nil }
        body = Substring(body.dropFirst("covenant:".count)).trimmingSpaces
        guard body.hasPrefix("§") else { return nil }
        body = Substring(body.dropFirst()).trimmingSpaces
        guard body.hasPrefix("5"), !(body.dropFirst().first?.isNumber ?? false) else { return nil }
        let tokens = body.dropFirst().split { $0 == "," || $0 == " " || $0 == "\t" }
        var letters: [Character] = []
        for token in tokens {
            var t = token.lowercased()
            if t.hasSuffix(".") || t.hasSuffix(")") { t.removeLast() }
            guard t.count == 1, let letter = t.first, CovenantElement(rawValue: letter) != nil else { continue }
            if !letters.contains(letter) { letters.append(letter) }
        }
        return letters
    }

    /// The line as text without leading and trailing spaces, tabs and carriage return.
    static func trimmed(_ line: ArraySlice<UInt8>) -> String {
        String(decoding: line, as: UTF8.self).trimmingSpaces
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and carriage returns.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
