/// A day in the Gregorian calendar, as the covenant's validity and a query's `at` name it
/// (`YYYY-MM-DD`, a calendar date in the Netherlands). No time and no time zone: the caller
/// decides which day "today" is (covenantc uses the day in Europe/Amsterdam).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the day does not exist (2026-02-29, month 13, ...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; nil for any other text or a day that does not exist.
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8({ CalendarDate(utf8: $0) }) else { return nil }
        self = date
    }

    /// `init(_:)` over the text's UTF-8 bytes (the wire reader parses a query's `at` in place).
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// YYYYMMDD as one number: orders like the dates.
    public var ordinal: Int32 { Int32(year * 10000 + month * 100 + day) }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.ordinal < b.ordinal }

    /// The day `n` days later (or earlier, for negative `n`).
    public func adding(days n: Int) -> CalendarDate {
        // Through the day number since 0000-03-01 (the civil-from-days algorithm).
        let y0 = month <= 2 ? year - 1 : year
        let era = (y0 >= 0 ? y0 : y0 - 399) / 400
        let yoe = y0 - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let z = era * 146097 + doe + n
        let era2 = (z >= 0 ? z : z - 146096) / 146097
        let doe2 = z - era2 * 146097
        let yoe2 = (doe2 - doe2 / 1460 + doe2 / 36524 - doe2 / 146096) / 365
        let doy2 = doe2 - (365 * yoe2 + yoe2 / 4 - yoe2 / 100)
        let mp2 = (5 * doy2 + 2) / 153
        let d2 = doy2 - (153 * mp2 + 2) / 5 + 1
        let m2 = mp2 < 10 ? mp2 + 3 : mp2 - 9
        let y2 = yoe2 + era2 * 400 + (m2 <= 2 ? 1 : 0)
        return CalendarDate(year: y2, month: m2, day: d2) ?? self
    }
}
