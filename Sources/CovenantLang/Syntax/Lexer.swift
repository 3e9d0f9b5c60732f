import CovenantEval

/// Turns the bytes of a covenant file into tokens, comments and lexical diagnostics. It never
/// stops at an error: a bad character is reported and skipped, an unterminated string ends at
/// the end of its line.
public struct Lexer {
    public struct Output: Sendable {
        public var tokens: [Token]
        public var comments: [Comment]
        public var diagnostics: [Diagnostic]
        /// True when braces or parentheses nest beyond the limit; the file is not parsed then.
        public var nestingExceeded: Bool
    }

    private let file: SourceFile
    private let bytes: [UInt8]
    private let limits: Limits
    private let words: Words
    /// The file's keyword language, for the keywords a help suggests (`write 'and'`).
    private let keywords: KeywordLanguage
    private var pos = 0
    private var line = 1
    private var column = 1
    private var tokens: [Token] = []
    private var comments: [Comment] = []
    private var diagnostics: [Diagnostic] = []
    private var depth = 0
    private var nestingExceeded = false
    private var lastTokenLine = 0

    public init(file: SourceFile, limits: Limits = .standard, words: Words = Words(.en)) {
        self.file = file
        self.bytes = file.bytes
        self.limits = limits
        self.words = words
        self.keywords = Lexer.declaredLanguage(file.bytes)
    }

    /// The keyword language a file declares in its first words (`language nl` / `taal nl`),
    /// read before lexing so that even lexical errors are worded in the file's language.
    /// Blank lines and `//` comments before the header are skipped.
    public static func declaredLanguage(_ bytes: [UInt8]) -> KeywordLanguage {
        var i = 0
        func skipSpaceAndComments() {
            while i < bytes.count {
                if bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
                    i += 1
                } else if bytes[i] == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") {
                    while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                } else {
                    return
                }
            }
        }
        func word() -> String {
            let start = i
            while i < bytes.count, isWordStart(bytes[i]) || isDigit(bytes[i]) { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        skipSpaceAndComments()
        guard ["language", "taal"].contains(word()) else { return .en }
        skipSpaceAndComments()
        return KeywordLanguage(rawValue: word()) ?? .en
    }

    /// Checks that make a file unreadable as text: size, NUL bytes, invalid UTF-8. The lexer
    /// runs only on a file that passes them.
    public static func preflight(_ file: SourceFile, limits: Limits = .standard, words: Words = Words(.en))
        -> Diagnostic?
    {
        let start = SourceRange(
            file: file.path, start: SourceLocation(line: 1, column: 1, offset: 0),
            end: SourceLocation(line: 1, column: 1, offset: 0))
        if file.bytes.count > limits.maxFileBytes {
            return Diagnostic(
                .fileTooLarge, words("lexer.fileTooLarge", "\(file.bytes.count)", "\(limits.maxFileBytes)"),
                at: start, help: words("lexer.fileTooLarge.help"))
        }
        if let nul = file.bytes.firstIndex(of: 0) {
            return Diagnostic(
                .binaryFile, words("lexer.binaryFile", "\(nul)"),
                at: file.range(from: nul, to: nul + 1), help: words("lexer.binaryFile.help"))
        }
        if let bad = firstInvalidUTF8(file.bytes) {
            return Diagnostic(
                .invalidUTF8, words("lexer.invalidUTF8", String(file.bytes[bad], radix: 16, uppercase: true), "\(bad)"),
                at: file.range(from: bad, to: bad + 1),
                help: words("lexer.invalidUTF8.help"))
        }
        return nil
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minScalar: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minScalar = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minScalar = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minScalar = 0x10000
            default: return i
            }
            if i + length > n { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
            minScalar = 0
        }
        return nil
    }

    public mutating func run() -> Output {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }  // byte-order mark
        while true {
            skipSpace()
            if pos >= bytes.count { break }
            lexToken()
        }
        let end = here
        tokens.append(Token(kind: .eof, text: "", range: SourceRange(file: file.path, start: end, end: end)))
        return Output(tokens: tokens, comments: comments, diagnostics: diagnostics, nestingExceeded: nestingExceeded)
    }

    private var here: SourceLocation { SourceLocation(line: line, column: column, offset: pos) }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        pos + ahead < bytes.count ? bytes[pos + ahead] : nil
    }

    private mutating func advance() {
        let b = bytes[pos]
        pos += 1
        if b == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipSpace() {
        while let b = peek() {
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                advance()
            } else if b == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                let start = here
                while let c = peek(), c != UInt8(ascii: "\n") { advance() }
                var endOffset = pos
                if endOffset > start.offset, bytes[endOffset - 1] == UInt8(ascii: "\r") { endOffset -= 1 }
                let text = String(decoding: bytes[start.offset..<endOffset], as: UTF8.self)
                comments.append(
                    Comment(
                        text: text, range: SourceRange(file: file.path, start: start, end: here),
                        trailing: lastTokenLine == start.line))
            } else {
                return
            }
        }
    }

    private mutating func emit(_ kind: TokenKind, _ text: String, from start: SourceLocation) {
        tokens.append(Token(kind: kind, text: text, range: SourceRange(file: file.path, start: start, end: here)))
        lastTokenLine = line
    }

    private mutating func report(
        _ code: DiagnosticCode, _ message: String, from start: SourceLocation, help: String? = nil,
        replacement: String? = nil
    ) {
        let range = SourceRange(file: file.path, start: start, end: here)
        diagnostics.append(
            Diagnostic(
                code, message, at: range, help: help, fix: replacement.map { FixIt(range: range, replacement: $0) }))
    }

    /// The date a malformed one most likely means: the Dutch order day-month-year
    /// (`01-02-2026`, `1-2-2026`) or a year-first date without leading zeros (`2026-2-1`).
    /// Nil when no reading gives a day of the calendar.
    static func meantDate(_ parts: [String]) -> String? {
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let (year, month, day): (Int, Int, Int)
        if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            (year, month, day) = (c, b, a)
        } else if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            (year, month, day) = (a, b, c)
        } else {
            return nil
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let text = "\(year)-\(two(month))-\(two(day))"
        return CalendarDate(text) == nil ? nil : text
    }

    private static func isWordStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_")
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// The letter starting at `pos` if it is a non-ASCII letter (é, ë, ...), with its byte length.
    private func nonASCIILetterLength() -> Int? {
        guard let b = peek(), b >= 0x80 else { return nil }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        guard pos + length <= bytes.count else { return nil }
        let scalars = String(decoding: bytes[pos..<pos + length], as: UTF8.self).unicodeScalars
        guard let scalar = scalars.first, scalars.count == 1, scalar.properties.isAlphabetic else { return nil }
        return length
    }

    private mutating func lexToken() {
        let start = here
        let b = bytes[pos]
        if Self.isWordStart(b) || nonASCIILetterLength() != nil {
            lexWord(from: start)
        } else if Self.isDigit(b) {
            lexNumberOrDate(from: start)
        } else if b == UInt8(ascii: "\"") {
            lexString(from: start)
        } else {
            lexPunctuation(b, from: start)
        }
    }

    private mutating func lexWord(from start: SourceLocation) {
        while let c = peek() {
            if Self.isWordStart(c) || Self.isDigit(c) {
                advance()
            } else if let length = nonASCIILetterLength() {
                for _ in 0..<length { advance() }
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start.offset..<pos], as: UTF8.self)
        if pos - start.offset > limits.maxIdentifierBytes {
            report(
                .tooLong, words("lexer.nameTooLong", "\(pos - start.offset)", "\(limits.maxIdentifierBytes)"),
                from: start)
        }
        emit(.word, text, from: start)
    }

    private mutating func lexNumberOrDate(from start: SourceLocation) {
        while let c = peek(), Self.isDigit(c) { advance() }
        // A digit run followed by '-' and a digit is meant as a date.
        if peek() == UInt8(ascii: "-"), let next = peek(1), Self.isDigit(next) {
            while let c = peek(), Self.isDigit(c) || c == UInt8(ascii: "-") { advance() }
            let text = String(decoding: bytes[start.offset..<pos], as: UTF8.self)
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 {
                emit(.date, text, from: start)
            } else {
                if let meant = Self.meantDate(parts.map(String.init)) {
                    report(
                        .malformedDate, words("lexer.malformedDate", text), from: start,
                        help: words("lexer.malformedDate.meant", meant), replacement: meant)
                } else {
                    report(
                        .malformedDate, words("lexer.malformedDate", text), from: start,
                        help: words("lexer.malformedDate.help"))
                }
                emit(.date, text, from: start)
            }
            return
        }
        let text = String(decoding: bytes[start.offset..<pos], as: UTF8.self)
        if text.count > 15 {
            report(
                .invalidNumber, words("lexer.numberTooLarge", "\(text.prefix(20))\(text.count > 20 ? "..." : "")"),
                from: start)
            emit(.integer, "0", from: start)
        } else {
            emit(.integer, text, from: start)
        }
    }

    private mutating func lexString(from start: SourceLocation) {
        advance()  // opening quote
        var value: [UInt8] = []
        var closed = false
        while true {
            guard let c = peek(), c != UInt8(ascii: "\n"), c != UInt8(ascii: "\r") else {
                report(
                    .unterminatedString, words("lexer.unterminatedString"), from: start,
                    help: words("lexer.unterminatedString.help"))
                break
            }
            if c == UInt8(ascii: "\"") {
                advance()
                closed = true
                break
            }
            if c == UInt8(ascii: "\\") {
                let escapeStart = here
                advance()
                switch peek() {
                case UInt8(ascii: "\""): value.append(UInt8(ascii: "\"")); advance()
                case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\")); advance()
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n")); advance()
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t")); advance()
                default:
                    if let n = peek(), n != UInt8(ascii: "\n") { advance() }
                    report(
                        .invalidEscape, words("lexer.invalidEscape"), from: escapeStart,
                        help: words("lexer.invalidEscape.help"))
                }
                continue
            }
            value.append(c)
            advance()
        }
        if value.count > limits.maxStringBytes {
            report(.tooLong, words("lexer.stringTooLong", "\(value.count)", "\(limits.maxStringBytes)"), from: start)
            value = Array(value.prefix(limits.maxStringBytes))
        }
        emit(.string, String(decoding: value, as: UTF8.self), from: start)
        tokens[tokens.count - 1].unterminated = !closed
    }

    private mutating func lexPunctuation(_ b: UInt8, from start: SourceLocation) {
        func single(_ kind: TokenKind) {
            advance()
            emit(kind, String(UnicodeScalar(b)), from: start)
        }
        func double(_ kind: TokenKind, _ text: String) {
            advance(); advance()
            emit(kind, text, from: start)
        }
        switch b {
        case UInt8(ascii: "{"), UInt8(ascii: "("):
            depth += 1
            if depth > limits.maxNestingDepth, !nestingExceeded {
                nestingExceeded = true
                advance()
                report(
                    .nestingTooDeep, words("lexer.nestingTooDeep", "\(limits.maxNestingDepth)"), from: start,
                    help: words("lexer.nestingTooDeep.help"))
                emit(b == UInt8(ascii: "{") ? .lbrace : .lparen, String(UnicodeScalar(b)), from: start)
                return
            }
            single(b == UInt8(ascii: "{") ? .lbrace : .lparen)
        case UInt8(ascii: "}"), UInt8(ascii: ")"):
            depth = max(0, depth - 1)
            single(b == UInt8(ascii: "}") ? .rbrace : .rparen)
        case UInt8(ascii: ","): single(.comma)
        case UInt8(ascii: ":"): single(.colon)
        case UInt8(ascii: "|"):
            if peek(1) == UInt8(ascii: "|") {
                double(.pipe, "||")
                diagnostics.append(
                    Diagnostic(
                        .invalidCharacter, words("lexer.notAnOperator", "||"), at: tokens.last!.range,
                        help: words("lexer.write", Keyword.or.spellings(keywords)[0])))
            } else {
                single(.pipe)
            }
        case UInt8(ascii: "="): peek(1) == UInt8(ascii: "=") ? double(.eq, "==") : single(.assign)
        case UInt8(ascii: "!"):
            if peek(1) == UInt8(ascii: "=") {
                double(.ne, "!=")
            } else {
                advance()
                report(
                    .invalidCharacter, words("lexer.aloneMeaningless", "!"), from: start,
                    help: words("lexer.bang.help", Keyword.not.spellings(keywords)[0]))
            }
        case UInt8(ascii: "<"): peek(1) == UInt8(ascii: "=") ? double(.le, "<=") : single(.lt)
        case UInt8(ascii: ">"): peek(1) == UInt8(ascii: "=") ? double(.ge, ">=") : single(.gt)
        case UInt8(ascii: "-"): peek(1) == UInt8(ascii: ">") ? double(.arrow, "->") : single(.minus)
        case UInt8(ascii: "."):
            if peek(1) == UInt8(ascii: ".") {
                double(.dotdot, "..")
            } else {
                advance()
                report(
                    .invalidCharacter, words("lexer.aloneMeaningless", "."), from: start, help: words("lexer.dot.help"))
            }
        case UInt8(ascii: "&"):
            advance()
            if peek() == UInt8(ascii: "&") { advance() }
            report(
                .invalidCharacter, words("lexer.notAnOperator", "&"), from: start,
                help: words("lexer.write", Keyword.and.spellings(keywords)[0]))
        case UInt8(ascii: "#"):
            advance()
            report(.invalidCharacter, words("lexer.hash"), from: start, help: words("lexer.hash.help"))
        default:
            // One whole scalar, so the caret and the message show the character itself.
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            for _ in 0..<min(length, bytes.count - pos) { advance() }
            let text = String(decoding: bytes[start.offset..<pos], as: UTF8.self)
            let shown =
                text.unicodeScalars.first.map {
                    $0.value < 0x20 || $0.value == 0x7F
                        ? "U+\(String($0.value, radix: 16, uppercase: true))" : "'\(text)'"
                } ?? text
            report(
                .invalidCharacter, words("lexer.character", shown), from: start,
                help: b == UInt8(ascii: "'") ? words("lexer.singleQuote.help") : nil)
        }
    }
}
