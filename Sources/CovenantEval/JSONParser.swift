/// A strict JSON parser (RFC 8259) into `JSONValue`, with a nesting limit so hostile input
/// cannot exhaust the stack. Integers that fit in `Int` stay exact.
package struct JSONParser {
    /// Why a text is not JSON, and where. `kind` is stable; `message(in:)` words it for a
    /// person, `description(in:)` with the place.
    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable, CaseIterable {
            case trailingText, endOfInput, unexpectedCharacter, invalidLiteral, tooDeep, expectedKey, expectedColon,
                endInObject, expectedCommaOrBrace, endInArray, expectedCommaOrBracket, unterminatedString,
                controlCharacter, unterminatedEscape, unpairedSurrogate, invalidUnicodeEscape, invalidEscape, notUTF8,
                shortUnicodeEscape, invalidHexDigit, invalidNumber, leadingZero
        }

        public var kind: Kind
        /// The numbers the message names (`tooDeep`: the limit).
        public var arguments: [String]
        /// The 0-based byte where the text stops being JSON.
        public var offset: Int

        public init(_ kind: Kind, _ arguments: String..., offset: Int) {
            self.init(kind, arguments: arguments, offset: offset)
        }

        init(_ kind: Kind, arguments: [String], offset: Int) {
            self.kind = kind
            self.arguments = arguments
            self.offset = offset
        }

        /// In English, without the place.
        public var message: String { message(in: .en) }
        /// In English, with the place: "unexpected character at byte 3".
        public var description: String { description(in: .en) }

        public func message(in language: Language) -> String {
            Messages.text("json.\(kind.rawValue)", language, arguments: arguments)
        }

        public func description(in language: Language) -> String {
            Messages.text("json.at", language, message(in: language), String(offset))
        }
    }

    public static let maxDepth = 256

    private let bytes: [UInt8]
    private var pos = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    public static func parse(_ text: String) throws(Error) -> JSONValue {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(Error) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipSpace()
        let value = try parser.parseValue()
        parser.skipSpace()
        guard parser.pos == bytes.count else { throw Error(.trailingText, offset: parser.pos) }
        return value
    }

    private func fail(_ kind: Error.Kind, _ arguments: String...) -> Error {
        Error(kind, arguments: arguments, offset: pos)
    }

    private mutating func skipSpace() {
        while pos < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[pos]) { pos += 1 }
    }

    private mutating func parseValue() throws(Error) -> JSONValue {
        guard pos < bytes.count else { throw fail(.endOfInput) }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail(.unexpectedCharacter)
        }
    }

    private mutating func literal(_ word: String) throws(Error) {
        let w = Array(word.utf8)
        guard pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w else { throw fail(.invalidLiteral) }
        pos += w.count
    }

    private mutating func enter() throws(Error) {
        depth += 1
        if depth > JSONParser.maxDepth { throw fail(.tooDeep, String(JSONParser.maxDepth)) }
    }

    private mutating func parseObject() throws(Error) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var pairs: [(String, JSONValue)] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(pairs) }
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail(.expectedKey) }
            let key = try parseString()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail(.expectedColon) }
            pos += 1
            skipSpace()
            pairs.append((key, try parseValue()))
            skipSpace()
            guard pos < bytes.count else { throw fail(.endInObject) }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(pairs) }
            throw fail(.expectedCommaOrBrace)
        }
    }

    private mutating func parseArray() throws(Error) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var items: [JSONValue] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try parseValue())
            skipSpace()
            guard pos < bytes.count else { throw fail(.endInArray) }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            throw fail(.expectedCommaOrBracket)
        }
    }

    private mutating func parseString() throws(Error) -> String {
        pos += 1
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw fail(.unterminatedString) }
            let b = bytes[pos]
            pos += 1
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw fail(.controlCharacter) }
            if b != UInt8(ascii: "\\") { out.append(b); continue }
            guard pos < bytes.count else { throw fail(.unterminatedEscape) }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u")
                    else { throw fail(.unpairedSurrogate) }
                    pos += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail(.unpairedSurrogate) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail(.unpairedSurrogate)
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail(.invalidUnicodeEscape) }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw fail(.invalidEscape)
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw fail(.notUTF8) }
        return s
    }

    private mutating func hex4() throws(Error) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw fail(.shortUnicodeEscape) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            pos += 1
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail(.invalidHexDigit)
            }
            v = v << 4 | d
        }
        return v
    }

    private mutating func parseNumber() throws(Error) -> JSONValue {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        func digits(_ p: inout Int, _ bytes: [UInt8]) -> Int {
            let s = p
            while p < bytes.count, bytes[p] >= UInt8(ascii: "0"), bytes[p] <= UInt8(ascii: "9") { p += 1 }
            return p - s
        }
        let intStart = pos
        guard digits(&pos, bytes) > 0 else { throw fail(.invalidNumber) }
        if bytes[intStart] == UInt8(ascii: "0"), pos - intStart > 1 { throw fail(.leadingZero) }
        var isInteger = true
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            isInteger = false
            guard digits(&pos, bytes) > 0 else { throw fail(.invalidNumber) }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            isInteger = false
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard digits(&pos, bytes) > 0 else { throw fail(.invalidNumber) }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if isInteger, let n = Int(text) { return .integer(n) }
        guard let d = Double(text) else { throw fail(.invalidNumber) }
        return .number(d)
    }
}

extension JSONValue {
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var intValue: Int? { if case .integer(let n) = self { n } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }
}
