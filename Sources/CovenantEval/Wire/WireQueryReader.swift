/// Reads one query line of the wire (LANGUAGE.md) straight from its bytes into a resolved query,
/// without building a JSON tree or a `Query` of strings: names are looked up by their bytes
/// (`ByteNames`), values encoded as `resolve` encodes them.
///
/// It reads only the plain shape a service sends — one object, keys `from`, `to`, `share`,
/// `for`, `facts`, `at`, `id` at most once each, strings without escapes, integers without
/// fraction or exponent — and gives up (returns false) on anything else: an escape, a `null`, an
/// unknown name, a value out of range, a duplicate, a syntax error. The caller then answers the
/// line on the general path (`Evaluator.answer(line:)`), which gives the same answer or the exact
/// error. So the reader can be fast without being a second definition of the wire.
struct WireQueryReader {
    let names: WireNames
    let line: UnsafeBufferPointer<UInt8>
    var pos = 0

    init(_ line: UnsafeBufferPointer<UInt8>, names: WireNames) {
        self.line = line
        self.names = names
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    @inline(__always)
    private mutating func skipBlanks() {
        while pos < line.count {
            let b = line[pos]
            guard b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A else { return }
            pos += 1
        }
    }

    @inline(__always)
    private mutating func take(_ byte: UInt8) -> Bool {
        skipBlanks()
        guard pos < line.count, line[pos] == byte else { return false }
        pos += 1
        return true
    }

    /// A string without escapes or control characters: its contents (between the quotes).
    @inline(__always)
    private mutating func string() -> UnsafeBufferPointer<UInt8>? {
        guard take(Self.quote) else { return nil }
        let start = pos
        while pos < line.count {
            let b = line[pos]
            if b == Self.quote {
                pos += 1
                return UnsafeBufferPointer(rebasing: line[start..<pos - 1])
            }
            guard b >= 0x20, b != Self.backslash else { return nil }
            pos += 1
        }
        return nil
    }

    /// Whether the next token ends here (so `truex` or `12.5` are not read as `true` or `12`).
    @inline(__always)
    private func atTokenEnd() -> Bool {
        guard pos < line.count else { return true }
        let b = line[pos]
        return b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A
    }

    /// An integer as JSON writes it (no leading zero, no fraction, no exponent), up to 18 digits.
    @inline(__always)
    private mutating func integer() -> Int? {
        skipBlanks()
        var negative = false
        if pos < line.count, line[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        let start = pos
        var n = 0
        while pos < line.count, line[pos] >= 0x30, line[pos] <= 0x39 {
            n = n &* 10 &+ Int(line[pos] - 0x30)  // wraps past 18 digits, which are refused below
            pos += 1
        }
        let digits = pos - start
        guard digits > 0, digits <= 18, !(digits > 1 && line[start] == 0x30), atTokenEnd() else { return nil }
        return negative ? -n : n
    }

    @inline(__always)
    private mutating func word(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard pos + n <= line.count else { return false }
        for i in 0..<n where line[pos + i] != text.utf8Start[i] { return false }
        pos += n
        return atTokenEnd()
    }

    /// Reads the line into `w.query` (sender, recipient, category, purpose, facts, date) and
    /// `w.id`; false when the line is not of the plain shape or does not resolve.
    mutating func read(today: CalendarDate, into w: inout WireScratch) -> Bool {
        w.id = .none
        w.beginFacts(names.defaults)
        var seen: UInt8 = 0
        var date = today
        guard take(UInt8(ascii: "{")) else { return false }
        skipBlanks()
        if pos < line.count, line[pos] == UInt8(ascii: "}") { return false }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")) else { return false }
            let k = Self.key(key)
            guard k >= 0, seen & (1 << k) == 0 else { return false }
            seen |= 1 << k
            skipBlanks()
            switch k {
            case 0, 1, 2, 3:
                guard let value = string(), let index = names.scope[k].index(of: value) else { return false }
                switch k {
                case 0: w.query.sender = index
                case 1: w.query.recipient = index
                case 2: w.query.category = index
                default: w.query.purpose = index
                }
            case 4:
                guard readFacts(into: &w) else { return false }
            case 5:
                guard let text = string(), let day = CalendarDate(utf8: text) else { return false }
                date = day
            default:
                guard pos < line.count else { return false }
                if line[pos] == Self.quote {
                    let start = pos
                    guard let text = string(), !text.contains(where: { $0 >= 0x80 }) else { return false }
                    w.id = .text(start..<pos)
                } else {
                    guard let n = integer() else { return false }
                    w.id = .integer(n)
                }
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), seen & 0b1111 == 0b1111 else { return false }
        skipBlanks()
        guard pos == line.count else { return false }
        w.query.date = date
        return true
    }

    /// `from`, `to`, `share`, `for`, `facts`, `at`, `id` → 0...6; -1 for any other key.
    @inline(__always)
    private static func key(_ k: UnsafeBufferPointer<UInt8>) -> Int {
        func equals(_ text: StaticString) -> Bool {
            k.count == text.utf8CodeUnitCount && (0..<k.count).allSatisfy { k[$0] == text.utf8Start[$0] }
        }
        switch k.count {
        case 2: return equals("to") ? 1 : equals("at") ? 5 : equals("id") ? 6 : -1
        case 3: return equals("for") ? 3 : -1
        case 4: return equals("from") ? 0 : -1
        case 5: return equals("share") ? 2 : equals("facts") ? 4 : -1
        default: return -1
        }
    }

    /// `{"name": value, ...}`: each fact known, given once, its value of the fact's kind and range.
    private mutating func readFacts(into w: inout WireScratch) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        skipBlanks()
        if pos < line.count, line[pos] == UInt8(ascii: "}") {
            pos += 1
            return true
        }
        repeat {
            guard let name = string(), take(UInt8(ascii: ":")), let f32 = names.facts.index(of: name) else {
                return false
            }
            let f = Int(f32)
            guard w.markGiven(f) else { return false }
            skipBlanks()
            guard pos < line.count else { return false }
            let value: Int64
            switch names.kinds[f] {
            case .bool:
                if line[pos] == Self.quote {
                    guard let text = string(), let v = names.yesNo.index(of: text) else { return false }
                    value = Int64(v % 2)
                } else if word("true") {
                    value = 1
                } else if word("false") {
                    value = 0
                } else {
                    return false
                }
            case .int(let low, let high):
                guard let n = integer(), Int64(n) >= low, Int64(n) <= high else { return false }
                value = Int64(n)
            case .enumeration:
                guard let text = string(), let v = names.values[f].index(of: text) else { return false }
                value = Int64(v)
            }
            w.query.facts[f] = value
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }
}

/// The interned names a wire reader looks up, built once per table (a class, so that a reader
/// made per line holds one reference instead of copying them).
final class WireNames: Sendable {
    /// Parties (from, to), categories (share), purposes (for), indexed by key 0...3.
    let scope: [ByteNames]
    let facts: ByteNames
    let kinds: [DecisionTable.FactKind]
    /// Per enumeration fact its values (empty for others).
    let values: [ByteNames]
    /// "false", "nee" → 0; "true", "ja" → 1 (the words `resolve` takes for yes/no facts).
    let yesNo: ByteNames
    /// Each fact's default, or `missing`.
    let defaults: [Int64]

    init(_ table: DecisionTable) {
        let parties = ByteNames(table.parties.map(\.id))
        scope = [parties, parties, ByteNames(table.categories.map(\.id)), ByteNames(table.purposes.map(\.id))]
        facts = ByteNames(table.facts.map(\.id))
        kinds = table.facts.map(\.kind)
        values = table.facts.map { fact in
            if case .enumeration(let values) = fact.kind { ByteNames(values) } else { ByteNames([]) }
        }
        // Index 0 and 2 are "no" words, 1 and 3 "yes" words: the value is the index modulo 2.
        yesNo = ByteNames(["false", "true", "nee", "ja"])
        defaults = table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
    }
}
