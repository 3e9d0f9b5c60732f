import CovenantEval
import CovenantLang

/// A document's text as the client has it, with the conversions between the protocol's
/// positions (0-based line, character in UTF-16 code units) and the compiler's (`SourceLocation`:
/// 1-based line, column in Unicode scalars). A literate covenant's virtual source has the lines
/// of its `.md` file, code lines verbatim, so its locations convert through the `.md` text too.
/// Every conversion clamps: a position past a line's end or the file's end means that end.
struct DocumentText: Sendable {
    private(set) var bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    private(set) var lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = Self.lineStarts(bytes)
    }

    init(_ text: String) { self.init(Array(text.utf8)) }

    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        return starts
    }

    /// The byte range of a 0-based line, without its line break.
    func lineBytes(_ line: Int) -> Range<Int> {
        let l = max(0, min(line, lineStarts.count - 1))
        let end = l + 1 < lineStarts.count ? lineStarts[l + 1] - 1 : bytes.count
        return lineStarts[l]..<max(lineStarts[l], end)
    }

    /// The protocol position of a compiler location (its line and column; the offset is not
    /// used, as a literate covenant's offsets are those of its virtual source).
    func position(line: Int, column: Int) -> (line: Int, character: Int) {
        let l = max(0, min(line - 1, lineStarts.count - 1))
        let range = lineBytes(l)
        var scalars = 0, units = 0, i = range.lowerBound
        while i < range.upperBound, scalars < column - 1 {
            let b = bytes[i]
            if b & 0xC0 != 0x80 {
                scalars += 1
                units += b >= 0xF0 ? 2 : 1
            }
            i += 1
        }
        return (l, units)
    }

    func position(_ location: SourceLocation) -> JSONValue {
        let p = position(line: location.line, column: location.column)
        return Self.position(p.line, p.character)
    }

    static func position(_ line: Int, _ character: Int) -> JSONValue {
        .object([("line", .integer(line)), ("character", .integer(character))])
    }

    func range(_ range: SourceRange) -> JSONValue {
        .object([("start", position(range.start)), ("end", position(range.end))])
    }

    /// The end of the text, as a protocol position.
    var end: JSONValue {
        let last = lineStarts.count - 1
        return Self.position(last, utf16Count(lineBytes(last)))
    }

    func utf16Count(_ range: Range<Int>) -> Int {
        var units = 0
        for i in range where bytes[i] & 0xC0 != 0x80 { units += bytes[i] >= 0xF0 ? 2 : 1 }
        return units
    }

    /// The compiler location (1-based line, scalar column, byte offset in this text) of a
    /// protocol position. A character inside a surrogate pair means the scalar it belongs to.
    func location(line: Int, character: Int) -> (line: Int, column: Int, offset: Int) {
        if line >= lineStarts.count { return location(line: lineStarts.count - 1, character: Int.max) }
        let l = max(0, line)
        let range = lineBytes(l)
        var scalars = 0, units = 0, i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b & 0xC0 != 0x80 {
                let width = b >= 0xF0 ? 2 : 1
                if units + width > character { break }
                units += width
                scalars += 1
            }
            i += 1
            // Step over the scalar's continuation bytes.
            while i < range.upperBound, bytes[i] & 0xC0 == 0x80 { i += 1 }
        }
        return (l + 1, scalars + 1, i)
    }

    /// A protocol position read from JSON (`{"line": L, "character": C}`), nil when malformed.
    static func read(_ value: JSONValue?) -> (line: Int, character: Int)? {
        guard let line = value?["line"]?.wholeNumber, let character = value?["character"]?.wholeNumber,
            line >= 0, character >= 0
        else { return nil }
        return (line, character)
    }

    /// Replaces the text between two protocol positions (an incremental change).
    mutating func replace(
        from start: (line: Int, character: Int), to end: (line: Int, character: Int), with text: String
    ) {
        var a = location(line: start.line, character: start.character).offset
        var b = location(line: end.line, character: end.character).offset
        if a > b { swap(&a, &b) }
        bytes.replaceSubrange(a..<b, with: Array(text.utf8))
        lineStarts = Self.lineStarts(bytes)
    }

    /// Whether a compiler location lies within `range`, both ends included (a cursor just after
    /// a name still points at it).
    static func contains(_ range: SourceRange, line: Int, column: Int) -> Bool {
        (range.start.line, range.start.column) <= (line, column) && (line, column) <= (range.end.line, range.end.column)
    }
}
