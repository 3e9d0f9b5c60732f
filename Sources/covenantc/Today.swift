import CovenantEval
import Foundation

/// Which day it is for a command: `--date YYYY-MM-DD` when given (reproducible CI and
/// questions about another day), otherwise today's date in the Netherlands, where covenants
/// are in force by calendar date.
struct Today {
    static let timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600)!

    private let fixed: CalendarDate?
    private var cached: CalendarDate?
    /// When the cached day ends (the next midnight in the Netherlands).
    private var cachedUntil = Date.distantPast

    /// Reads `--date`; throws a usage error for a date that is malformed or does not exist.
    init(_ parsed: Arguments) throws {
        if let text = parsed.value("--date") {
            guard let date = CalendarDate(text) else {
                throw Arguments.UsageError("today.date", parsed.language, text)
            }
            fixed = date
        } else {
            fixed = nil
        }
    }

    /// The day now; a long `eval` stream moves to the next day at midnight.
    mutating func date() -> CalendarDate {
        if let fixed { return fixed }
        let now = Date()
        if let cached, now < cachedUntil { return cached }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        let day =
            CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate(
                year: 2000, month: 1, day: 1)!
        cached = day
        cachedUntil =
            calendar.nextDate(
                after: now, matching: DateComponents(hour: 0, minute: 0, second: 0), matchingPolicy: .nextTime)
            ?? now.addingTimeInterval(60)
        return day
    }
}
