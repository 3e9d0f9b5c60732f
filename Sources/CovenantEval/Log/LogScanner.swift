#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the fields the report needs from a decision record's line without building a JSON
/// tree or, for a deny, a single string: it walks the top-level object key by key, notes where
/// the values it needs stand and skips the rest. Strings are made only for what a count keys
/// on (a permit's route, grounds and duties). A line it cannot read (an escape sequence in a
/// string, an unexpected shape) is handed to the general parser instead, so the result never
/// depends on which path read it.
struct LogScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    struct Unreadable: Error {}

    /// Where a value stands in the line (a string's bytes without its quotes).
    typealias Span = Range<Int>

    /// The top-level fields of a decision record, as spans.
    struct Fields {
        var caseReference: Span?
        var covenant: Span = 0..<0
        var version: Span?
        var table: Span = 0..<0
        var from: Span = 0..<0
        var to: Span = 0..<0
        var share: Span = 0..<0
        var purpose: Span = 0..<0
        var at: Span = 0..<0
        var permit = false
        var inForce = false
        var withoutConsent = false
        var bases: Span = 0..<0
        var obligations: Span = 0..<0
    }

    mutating func expect(_ byte: UInt8) throws(Unreadable) {
        guard i < bytes.count, bytes[i] == byte else { throw Unreadable() }
        i += 1
    }

    /// A string without escapes, as a span (a line with an escape goes to the general parser).
    mutating func stringSpan() throws(Unreadable) -> Span {
        try expect(0x22)
        let start = i
        guard let close = find(0x22, from: i) else { throw Unreadable() }
        if find(0x5c, from: start, to: close) != nil { throw Unreadable() }
        i = close + 1
        return start..<close
    }

    /// The first `byte` at or after `from` (and before `to`), found with memchr.
    func find(_ byte: UInt8, from: Int, to: Int? = nil) -> Int? {
        let end = to ?? bytes.count
        guard from < end, let base = bytes.baseAddress, let p = memchr(base + from, Int32(byte), end - from) else {
            return nil
        }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    mutating func optionalSpan() throws(Unreadable) -> Span? {
        if i < bytes.count, bytes[i] == UInt8(ascii: "n") { i += 4; return nil }
        return try stringSpan()
    }

    func string(_ span: Span) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self) }

    mutating func bool() throws(Unreadable) -> Bool {
        guard i < bytes.count else { throw Unreadable() }
        if bytes[i] == UInt8(ascii: "t") { i += 4; return true }
        if bytes[i] == UInt8(ascii: "f") { i += 5; return false }
        throw Unreadable()
    }

    /// Whether the span holds exactly these ASCII bytes.
    func equals(_ span: Span, _ literal: StaticString) -> Bool {
        guard span.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for k in 0..<span.count where bytes[span.lowerBound + k] != p[k] { return false }
        return true
    }

    /// Skips one value of any kind; returns where it stood.
    @discardableResult
    mutating func skip() throws(Unreadable) -> Span {
        let start = i
        guard i < bytes.count else { throw Unreadable() }
        switch bytes[i] {
        case 0x22:
            i += 1
            while let close = find(0x22, from: i) {
                // A quote preceded by an odd number of backslashes is escaped.
                var slashes = 0
                while close - 1 - slashes >= i, bytes[close - 1 - slashes] == 0x5c { slashes += 1 }
                i = close + 1
                if slashes % 2 == 0 { return start..<i }
            }
            throw Unreadable()
        case 0x7b, 0x5b:
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x22:
                    try skip()
                    continue
                case 0x7b, 0x5b: depth += 1
                case 0x7d, 0x5d:
                    depth -= 1
                    if depth == 0 { i += 1; return start..<i }
                default: break
                }
                i += 1
            }
            throw Unreadable()
        default:
            while i < bytes.count, bytes[i] != 0x2c, bytes[i] != 0x7d, bytes[i] != 0x5d { i += 1 }
            return start..<i
        }
    }

    /// Calls `field` for each key of the object at the cursor (which reads or skips its value).
    mutating func object(_ field: (inout LogScanner, Span) throws(Unreadable) -> Void) throws(Unreadable) {
        try expect(0x7b)
        if i < bytes.count, bytes[i] == 0x7d { i += 1; return }
        while true {
            let key = try stringSpan()
            try expect(0x3a)
            try field(&self, key)
            guard i < bytes.count else { throw Unreadable() }
            if bytes[i] == 0x2c { i += 1; continue }
            if bytes[i] == 0x7d { i += 1; return }
            throw Unreadable()
        }
    }

    mutating func array(_ element: (inout LogScanner) throws(Unreadable) -> Void) throws(Unreadable) {
        try expect(0x5b)
        if i < bytes.count, bytes[i] == 0x5d { i += 1; return }
        while true {
            try element(&self)
            guard i < bytes.count else { throw Unreadable() }
            if bytes[i] == 0x2c { i += 1; continue }
            if bytes[i] == 0x5d { i += 1; return }
            throw Unreadable()
        }
    }

    /// The top-level fields of a decision record.
    mutating func fields() throws(Unreadable) -> Fields {
        var f = Fields()
        var seen = 0
        try object { (s: inout LogScanner, key: Span) throws(Unreadable) in
            switch key.count {
            case 2 where s.equals(key, "at"): f.at = try s.stringSpan(); seen += 1
            case 4 where s.equals(key, "case"): f.caseReference = try s.optionalSpan()
            case 5 where s.equals(key, "table"): f.table = try s.stringSpan(); seen += 1
            case 5 where s.equals(key, "query"):
                try s.object { (q: inout LogScanner, key: Span) throws(Unreadable) in
                    if q.equals(key, "from") {
                        f.from = try q.stringSpan()
                    } else if q.equals(key, "to") {
                        f.to = try q.stringSpan()
                    } else if q.equals(key, "share") {
                        f.share = try q.stringSpan()
                    } else if q.equals(key, "for") {
                        f.purpose = try q.stringSpan()
                    } else {
                        try q.skip()
                    }  // the facts: not needed for the account
                }
                seen += 1
            case 5 where s.equals(key, "bases"): f.bases = try s.skip(); seen += 1
            case 6 where s.equals(key, "effect"):
                let e = try s.stringSpan()
                if s.equals(e, "permit") { f.permit = true } else if !s.equals(e, "deny") { throw Unreadable() }
                seen += 1
            case 7 where s.equals(key, "version"): f.version = try s.optionalSpan()
            case 7 where s.equals(key, "inForce"): f.inForce = try s.bool(); seen += 1
            case 8 where s.equals(key, "covenant"): f.covenant = try s.stringSpan(); seen += 1
            case 11 where s.equals(key, "obligations"): f.obligations = try s.skip(); seen += 1
            case 14 where s.equals(key, "withoutConsent"): f.withoutConsent = try s.bool(); seen += 1
            default: try s.skip()
            }
        }
        guard seen == 9 else { throw Unreadable() }
        return f
    }

    /// An event's fields: its kind, the decision it refers to, its day, and the obligation.
    mutating func event() throws(Unreadable) -> (kind: String, ref: Span, date: Span, obligation: Span?, by: Span?) {
        var kind = "", ref: Span = 0..<0, date: Span = 0..<0
        var obligation: Span?, by: Span?
        try object { (s: inout LogScanner, key: Span) throws(Unreadable) in
            if s.equals(key, "kind") {
                let k = try s.stringSpan()
                if s.equals(k, "objection") {
                    kind = "objection"
                } else if s.equals(k, "fulfilled") {
                    kind = "fulfilled"
                } else if s.equals(k, "postponementEnded") {
                    kind = "postponementEnded"
                } else {
                    kind = "other"
                }
            } else if s.equals(key, "ref") {
                ref = try s.stringSpan()
            } else if s.equals(key, "date") {
                date = try s.stringSpan()
            } else if s.equals(key, "obligation") {
                obligation = try s.stringSpan()
            } else if s.equals(key, "by") {
                by = try s.stringSpan()
            } else {
                try s.skip()
            }
        }
        guard !kind.isEmpty, ref.count == 64 else { throw Unreadable() }
        return (kind, ref, date, obligation, by)
    }

    /// The decision, with the strings a permit's account needs (a deny needs none of them).
    mutating func decision(_ f: Fields) throws(Unreadable) -> LoggedDecision {
        var d = LoggedDecision(
            caseReference: f.caseReference.map(string), covenant: string(f.covenant), version: f.version.map(string),
            table: string(f.table), from: string(f.from), to: string(f.to), share: string(f.share),
            purpose: string(f.purpose), facts: [], at: string(f.at), effect: f.permit ? "permit" : "deny",
            inForce: f.inForce, decidedBy: [], bases: [], withoutConsent: f.withoutConsent, obligations: [])
        i = f.bases.lowerBound
        try array { (b: inout LogScanner) throws(Unreadable) in
            var id: Span = 0..<0, kind: Span = 0..<0
            try b.object { (x: inout LogScanner, key: Span) throws(Unreadable) in
                if x.equals(key, "id") {
                    id = try x.stringSpan()
                } else if x.equals(key, "kind") {
                    kind = try x.stringSpan()
                } else {
                    try x.skip()
                }
            }
            d.bases.append(.init(id: b.string(id), kind: b.string(kind)))
        }
        i = f.obligations.lowerBound
        try array { (o: inout LogScanner) throws(Unreadable) in
            var item = LoggedDecision.Obligation(id: "", kind: "", by: "", timing: nil, waived: false, postponed: false)
            try o.object { (x: inout LogScanner, key: Span) throws(Unreadable) in
                if x.equals(key, "id") {
                    item.id = x.string(try x.stringSpan())
                } else if x.equals(key, "kind") {
                    item.kind = x.string(try x.stringSpan())
                } else if x.equals(key, "by") {
                    item.by = x.string(try x.stringSpan())
                } else if x.equals(key, "timing") {
                    item.timing = try x.optionalSpan().map(x.string)
                } else if x.equals(key, "waived") {
                    item.waived = try x.bool()
                } else if x.equals(key, "postponed") {
                    item.postponed = try x.bool()
                } else {
                    try x.skip()
                }
            }
            d.obligations.append(item)
        }
        return d
    }

    /// A day written YYYY-MM-DD, read without making a string.
    func day(_ span: Span) -> CalendarDate? {
        guard span.count == 10, bytes[span.lowerBound + 4] == 0x2d, bytes[span.lowerBound + 7] == 0x2d else {
            return nil
        }
        func number(_ from: Int, _ count: Int) -> Int? {
            var n = 0
            for k in from..<(from + count) {
                let b = bytes[span.lowerBound + k]
                guard b >= 0x30, b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}
