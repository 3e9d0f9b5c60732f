#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CovenantEval

/// Today in the Netherlands (Europe/Amsterdam), which is the day a query without a date is
/// decided for, as `covenantc` decides it. Computed from the clock without Foundation (so the
/// library loads only the Swift core): UTC+1, and UTC+2 from 01:00 UTC on the last Sunday of
/// March until 01:00 UTC on the last Sunday of October (the EU rule since 1996).
enum NetherlandsDay {
    static func today() -> CalendarDate {
        day(utcSeconds: Int64(time(nil)))
    }

    static func day(utcSeconds: Int64) -> CalendarDate {
        let utc = civil(days: floorDiv(utcSeconds, 86_400))
        let summerStart = instant(year: utc.year, month: 3, day: lastSunday(utc.year, 3), hour: 1)
        let summerEnd = instant(year: utc.year, month: 10, day: lastSunday(utc.year, 10), hour: 1)
        let offset: Int64 = utcSeconds >= summerStart && utcSeconds < summerEnd ? 7_200 : 3_600
        let local = civil(days: floorDiv(utcSeconds + offset, 86_400))
        return CalendarDate(year: local.year, month: local.month, day: local.day)
            ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Days since 1970-01-01 for a civil date (H. Hinnant's algorithm).
    private static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (Int(yoe + era * 400) + (month <= 2 ? 1 : 0), month, day)
    }

    private static func lastSunday(_ year: Int, _ month: Int) -> Int {
        let last = 31  // March and October both have 31 days
        let weekday = (days(year: year, month: month, day: last) + 4) % 7  // 1970-01-01 was a Thursday (4)
        return last - Int((weekday + 7) % 7)
    }

    private static func instant(year: Int, month: Int, day: Int, hour: Int) -> Int64 {
        days(year: year, month: month, day: day) * 86_400 + Int64(hour) * 3_600
    }
}
