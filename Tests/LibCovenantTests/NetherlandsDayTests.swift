import CovenantEval
import Foundation
import Testing

@testable import LibCovenant

/// The C library decides a query without a date for today in the Netherlands, computed without
/// Foundation; here it is compared with Foundation's Europe/Amsterdam for every hour of 1996 to
/// 2040, and around each switch to and from summer time minute by minute.
@Suite struct NetherlandsDayTests {
    static func foundationDay(_ seconds: Int64) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(seconds)))
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    @Test func everyHourAgreesWithFoundation() {
        let start: Int64 = 820_454_400  // 1996-01-01T00:00:00Z
        let end: Int64 = 2_208_988_800  // 2040-01-01T00:00:00Z
        var mismatches: [Int64] = []
        for seconds in stride(from: start, to: end, by: 3_600)
        where NetherlandsDay.day(utcSeconds: seconds) != Self.foundationDay(seconds) {
            mismatches.append(seconds)
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(3))")
    }

    @Test func aroundMidnightOnTheDaysTheClocksChange() {
        // 2026-03-29 and 2026-10-25 are the last Sundays; midnight local is 23:00 or 22:00 UTC the
        // evening before.
        for day in ["2026-03-28", "2026-03-29", "2026-10-24", "2026-10-25", "2027-03-27", "2027-10-30"] {
            let date = CalendarDate(day)!
            var utc = DateComponents()
            (utc.year, utc.month, utc.day, utc.hour) = (date.year, date.month, date.day, 20)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let base = Int64(calendar.date(from: utc)!.timeIntervalSince1970)
            for minute in stride(from: Int64(0), to: 8 * 60, by: 1) {
                let seconds = base + minute * 60
                #expect(NetherlandsDay.day(utcSeconds: seconds) == Self.foundationDay(seconds), "\(day) +\(minute)m")
            }
        }
    }
}
