/// The college's yearly account over decision logs (seed 001 §4.3: "het aantal gevallen waarin
/// zonder toestemming persoonsgegevens zijn gedeeld, de gronden waarop dat is gebeurd, en het
/// aantal bezwaren daartegen"), and the worklist of duties still open (seed 004 §3.3, annex b).
///
/// Streams: the first pass reads only the events (objections, fulfilments, ends of
/// postponement), which refer back to decisions; the second reads the decisions and counts
/// them at once. Memory grows with the number of events and overdue duties, never with the
/// number of decisions. Decisions count in the period by the day they were made for (`at`).
public struct LogReport: Sendable {
    public struct Options: Sendable {
        /// First and last day of the period (inclusive); nil for open ends.
        public var from: CalendarDate?
        public var until: CalendarDate?
        /// The day overdue is measured on.
        public var asOf: CalendarDate
        public init(from: CalendarDate?, until: CalendarDate?, asOf: CalendarDate) {
            self.from = from
            self.until = until
            self.asOf = asOf
        }
    }

    /// An obligation past its term, not fulfilled and not postponed: the privacy officer's worklist.
    public struct Overdue: Sendable, Equatable {
        public var record: String
        public var seq: Int
        public var caseReference: String?
        public var at: String
        public var obligation: String
        public var kind: String
        public var by: String
        public var from: String
        public var to: String
        public var share: String
        public var due: String
    }

    public struct Obligations: Sendable, Equatable {
        /// Standing obligations of the period's permits (not waived).
        public var owed = 0
        public var fulfilled = 0
        /// Fulfilled, but after the term.
        public var fulfilledLate = 0
        /// Still postponed on the report day.
        public var postponed = 0
        public var overdue = 0
        /// Not fulfilled, but not yet due (or with no term).
        public var open = 0
        public var waived = 0
    }

    public var options: Options
    public var files: [String] = []
    public var decisions = 0
    public var permits = 0
    public var denies = 0
    public var notInForce = 0
    /// Provisions without consent (permits that rest on no consent basis).
    public var withoutConsent = 0
    /// Without consent, by "basis kind" → "basis id" → count.
    public var byGround: [String: [String: Int]] = [:]
    /// Without consent, by "sender → recipient".
    public var byRoute: [String: Int] = [:]
    /// Without consent, by data category.
    public var byCategory: [String: Int] = [:]
    /// Objections dated in the period.
    public var objections = 0
    /// Objections against provisions without consent made in the period.
    public var objectionsAgainstWithoutConsent = 0
    public var obligations = Obligations()
    public var overdue: [Overdue] = []
    /// Covenant titles and versions seen, with their table hashes.
    public var covenants: [String: Set<String>] = [:]
    /// Lines that were not records (reported, not counted).
    public var unreadable = 0
    /// Events whose decision is in none of the logs read (a mistyped reference, or a log
    /// left out).
    public var orphanEvents = 0

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    struct Events {
        var objections: [String: Int] = [:]
        /// ref → (obligation, by?) → fulfilment day
        var fulfilled: [String: [(String, String?, CalendarDate)]] = [:]
        var ended: [String: [(String, String?, CalendarDate)]] = [:]
    }

    public static func build(_ paths: [String], options: Options) throws(Failure) -> LogReport {
        var report = LogReport(options: options)
        report.files = paths
        let decisionPrefix = Array("{\"kind\":\"decision\"".utf8)
        // Pass 1: the events.
        var events = Events()
        for path in paths {
            guard var reader = LineReader(path: path) else { throw Failure(message: "cannot read \(path): \(LogIO.reason())") }
            defer { reader.close() }
            while case .complete(let line)? = reader.next() {
                if line.starts(with: decisionPrefix) { continue }
                guard let json = try? JSONParser.parse(Array(line)), let decoded = try? LogRecord.decode(json) else {
                    report.unreadable += 1
                    continue
                }
                switch decoded.record {
                case .objection(let e):
                    events.objections[e.ref, default: 0] += 1
                    if let day = CalendarDate(e.date), report.inPeriod(day) { report.objections += 1 }
                case .fulfilled(let e):
                    if let o = e.obligation, let day = CalendarDate(e.date) { events.fulfilled[e.ref, default: []].append((o, e.by, day)) }
                case .postponementEnded(let e):
                    if let o = e.obligation, let day = CalendarDate(e.date) { events.ended[e.ref, default: []].append((o, e.by, day)) }
                case .decision, .recovered:
                    break
                }
            }
        }
        // Pass 2: the decisions.
        let referenced = Set(events.objections.keys).union(events.fulfilled.keys).union(events.ended.keys)
        var found = Set<String>()
        for path in paths {
            guard var reader = LineReader(path: path) else { throw Failure(message: "cannot read \(path): \(LogIO.reason())") }
            defer { reader.close() }
            while case .complete(let line)? = reader.next() {
                guard line.starts(with: decisionPrefix) else { continue }
                guard let (_, hash) = splitRecordLine(line), let json = try? JSONParser.parse(Array(line)),
                      let decoded = try? LogRecord.decode(json), case .decision(let d) = decoded.record else {
                    report.unreadable += 1
                    continue
                }
                if referenced.contains(hash) { found.insert(hash) }
                report.count(d, seq: decoded.seq, hash: hash, events: events)
            }
        }
        for ref in referenced.subtracting(found) {
            report.orphanEvents += (events.objections[ref] ?? 0) + (events.fulfilled[ref]?.count ?? 0) + (events.ended[ref]?.count ?? 0)
        }
        report.overdue.sort { ($0.due, $0.seq) < ($1.due, $1.seq) }
        return report
    }

    func inPeriod(_ day: CalendarDate) -> Bool {
        (options.from.map { day >= $0 } ?? true) && (options.until.map { day <= $0 } ?? true)
    }

    mutating func count(_ d: LoggedDecision, seq: Int, hash: String, events: Events) {
        guard let day = CalendarDate(d.at), inPeriod(day) else { return }
        decisions += 1
        covenants["\(d.covenant)\(d.version.map { " \($0)" } ?? "")", default: []].insert(d.table)
        guard d.inForce else {
            notInForce += 1
            denies += 1
            return
        }
        guard d.effect == "permit" else {
            denies += 1
            return
        }
        permits += 1
        if d.withoutConsent {
            withoutConsent += 1
            for b in d.bases { byGround[b.kind, default: [:]][b.id, default: 0] += 1 }
            byRoute["\(d.from) → \(d.to)", default: 0] += 1
            byCategory[d.share, default: 0] += 1
            objectionsAgainstWithoutConsent += events.objections[hash] ?? 0
        }
        for o in d.obligations {
            if o.waived {
                obligations.waived += 1
                continue
            }
            obligations.owed += 1
            func matches(_ e: (String, String?, CalendarDate)) -> Bool { e.0 == o.id && (e.1 == nil || e.1 == o.by) }
            // The term runs from the decision, or from the end of its postponement.
            var start = day
            if o.postponed {
                guard let end = events.ended[hash]?.first(where: matches) else {
                    if events.fulfilled[hash]?.contains(where: matches) == true { obligations.fulfilled += 1 } else { obligations.postponed += 1 }
                    continue
                }
                start = end.2
            }
            let due = Self.due(o.timing, from: start)
            if let done = events.fulfilled[hash]?.first(where: matches) {
                obligations.fulfilled += 1
                if let due, done.2 > due { obligations.fulfilledLate += 1 }
                continue
            }
            guard let due, due < options.asOf else {
                obligations.open += 1
                continue
            }
            obligations.overdue += 1
            overdue.append(Overdue(record: hash, seq: seq, caseReference: d.caseReference, at: d.at, obligation: o.id, kind: o.kind,
                                   by: o.by, from: d.from, to: d.to, share: d.share, due: due.description))
        }
    }

    /// The last day to fulfil an obligation: `before` on the day itself; `within N unit` N
    /// later; `after` and no timing have no term.
    static func due(_ timing: String?, from start: CalendarDate) -> CalendarDate? {
        guard let timing else { return nil }
        if timing == "before" { return start }
        let words = timing.split(separator: " ")
        guard words.count == 3, words[0] == "within", let n = Int(words[1]) else { return nil }
        switch words[2] {
        case "day", "days": return start.adding(days: n)
        case "week", "weeks": return start.adding(days: 7 * n)
        case "month", "months": return start.adding(months: n)
        case "year", "years": return start.adding(months: 12 * n)
        default: return nil
        }
    }
}

extension CalendarDate {
    /// The same day `n` months later, or the month's last day when it is shorter (31 January
    /// plus one month is 28 or 29 February).
    public func adding(months n: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.days(inMonth: m, of: y))) ?? self
    }
}
