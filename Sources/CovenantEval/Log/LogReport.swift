import Dispatch
import Synchronization

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
        /// Not fulfilled, and its term has not passed.
        public var open = 0
        /// Not fulfilled, with no term (`after`, or no timing): never overdue by date.
        public var openWithoutTerm = 0
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
    /// The overdue duties, earliest due first: all of them up to `worklistLimit`, then the
    /// earliest that many (`obligations.overdue` counts them all).
    public var overdue: [Overdue] = []
    /// Covenant titles and versions seen, with their table hashes.
    public var covenants: [String: Set<String>] = [:]
    /// Lines that were not records (reported, not counted).
    public var unreadable = 0
    /// Events whose decision is in none of the logs read (a mistyped reference, or a log
    /// left out).
    public var orphanEvents = 0

    /// Why the logs cannot be read. `kind` is stable; `message(in:)` words it for a person.
    public struct Failure: WordedError, Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case cannotRead
        }

        public var kind: Kind
        /// The path the message names.
        public var arguments: [String]
        public var reason: SystemReason?

        public init(_ kind: Kind, _ arguments: String..., reason: SystemReason? = nil) {
            self.kind = kind
            self.arguments = arguments
            self.reason = reason
        }

        public func message(in language: Language) -> String {
            Messages.text(
                "logReport.\(kind.rawValue)", language,
                arguments: arguments + (reason.map { [$0.text(in: language)] } ?? []))
        }
    }

    /// A record's SHA-256 as four numbers: what events refer to decisions by, compactly.
    struct Digest: Hashable, Sendable {
        var a: UInt64, b: UInt64, c: UInt64, d: UInt64

        init?<C: Collection>(hex: C) where C.Element == UInt8 {
            guard hex.count == 64 else { return nil }
            var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            var k = 0
            var valid = true
            for byte in hex {
                let v: UInt64
                switch byte {
                case 0x30...0x39: v = UInt64(byte - 0x30)
                case 0x61...0x66: v = UInt64(byte - 0x61 + 10)
                default: valid = false; v = 0
                }
                switch k >> 4 {
                case 0: words.0 = words.0 << 4 | v
                case 1: words.1 = words.1 << 4 | v
                case 2: words.2 = words.2 << 4 | v
                default: words.3 = words.3 << 4 | v
                }
                k += 1
            }
            guard valid else { return nil }
            (a, b, c, d) = words
        }
    }

    /// An obligation an event is about, and the day of the event, compactly: the events of a
    /// year of logs are held in memory while the decisions are read.
    struct Duty: Sendable {
        var ref: Digest
        var obligation: String
        /// 0 any, 1 sender, 2 recipient, 3 controller.
        var by: UInt8
        var day: Int32

        static func code(_ by: String?) -> UInt8 {
            switch by {
            case "sender": 1
            case "recipient": 2
            case "controller": 3
            default: 0
            }
        }
        func matches(_ o: LoggedDecision.Obligation) -> Bool {
            obligation == o.id && (by == 0 || by == Duty.code(o.by))
        }
    }

    /// Events of one kind, sorted by the decision they refer to (then by file order), for
    /// binary search: far smaller than a dictionary of arrays.
    struct Duties: Sendable {
        var list: [Duty] = []

        mutating func sort() {
            // Stable: among events for one decision, file order decides which comes first.
            list = list.enumerated().sorted { a, b in
                (a.element.ref.a, a.element.ref.b, a.element.ref.c, a.element.ref.d, a.offset)
                    < (b.element.ref.a, b.element.ref.b, b.element.ref.c, b.element.ref.d, b.offset)
            }.map(\.element)
        }

        /// The events for one decision, in file order.
        func of(_ ref: Digest) -> ArraySlice<Duty> {
            func less(_ x: Digest, _ y: Digest) -> Bool { (x.a, x.b, x.c, x.d) < (y.a, y.b, y.c, y.d) }
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if less(list[mid].ref, ref) { low = mid + 1 } else { high = mid }
            }
            var end = low
            while end < list.count, list[end].ref == ref { end += 1 }
            return list[low..<end]
        }

        var refs: Set<Digest> { Set(list.map(\.ref)) }
    }

    struct Events: Sendable {
        var objections: [Digest: Int] = [:]
        /// In file order until sorted: the first matching event counts.
        var fulfilled = Duties()
        var ended = Duties()
        var objectionsInPeriod = 0
        var unreadable = 0

        mutating func merge(_ other: Events) {
            for (k, n) in other.objections { objections[k, default: 0] += n }
            fulfilled.list += other.fulfilled.list
            ended.list += other.ended.list
            objectionsInPeriod += other.objectionsInPeriod
            unreadable += other.unreadable
        }

        /// Reads the events of one byte range (decision lines are skipped at their first bytes).
        mutating func read(_ reader: inout LineReader, inPeriod: (CalendarDate) -> Bool) {
            while case .complete(let line)? = reader.next() {
                if LogReport.isDecision(line) { continue }
                let fast: Bool = line.withUnsafeBufferPointer { buffer in
                    var scanner = LogScanner(bytes: buffer)
                    guard let e = try? scanner.event(), let digest = Digest(hex: buffer[e.ref]),
                        let day = scanner.day(e.date)
                    else { return false }
                    add(e.kind, digest, e.obligation.map(scanner.string), e.by.map(scanner.string), day, inPeriod)
                    return true
                }
                if fast { continue }
                guard let json = try? JSONParser.parse(Array(line)), let decoded = try? LogRecord.decode(json) else {
                    unreadable += 1
                    continue
                }
                switch decoded.record {
                case .objection(let e), .fulfilled(let e), .postponementEnded(let e):
                    if let digest = Digest(hex: e.ref.utf8), let day = CalendarDate(e.date) {
                        add(decoded.record.kind, digest, e.obligation, e.by, day, inPeriod)
                    }
                case .decision, .recovered:
                    break
                }
            }
        }

        mutating func add(
            _ kind: String, _ ref: Digest, _ obligation: String?, _ by: String?, _ day: CalendarDate,
            _ inPeriod: (CalendarDate) -> Bool
        ) {
            switch kind {
            case "objection":
                objections[ref, default: 0] += 1
                if inPeriod(day) { objectionsInPeriod += 1 }
            case "fulfilled":
                if let obligation {
                    fulfilled.list.append(Duty(ref: ref, obligation: obligation, by: Duty.code(by), day: day.ordinal))
                }
            case "postponementEnded":
                if let obligation {
                    ended.list.append(Duty(ref: ref, obligation: obligation, by: Duty.code(by), day: day.ordinal))
                }
            default: break
            }
        }
    }

    /// Each file larger than `splitAbove` bytes in as many byte ranges as there are cores (at
    /// least `parts`) to read them.
    static func ranges(_ paths: [String], splitAbove: Int, parts minimum: Int) -> [(String, Int, Int)] {
        var ranges: [(String, Int, Int)] = []
        for path in paths {
            let size = LogIO.size(path)
            let parts = size > splitAbove ? max(minimum, min(8, LogIO.processors())) : 1
            for k in 0..<parts {
                ranges.append((path, size * k / parts, k == parts - 1 ? Int.max : size * (k + 1) / parts))
            }
        }
        return ranges
    }

    public static func build(_ paths: [String], options: Options) throws(Failure) -> LogReport {
        try build(paths, options: options, splitAbove: 64 << 20, parts: 1)
    }

    /// `splitAbove` and `parts` let a test read small files in parts.
    static func build(_ paths: [String], options: Options, splitAbove: Int, parts: Int) throws(Failure) -> LogReport {
        var report = LogReport(options: options)
        report.files = paths
        let ranges = Self.ranges(paths, splitAbove: splitAbove, parts: parts)
        let failure = Mutex<Failure?>(nil)
        // Pass 1: the events, which refer back to decisions.
        let eventParts = Mutex<[(Int, Events)]>([])
        let period = report
        DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
            let (path, from, to) = ranges[k]
            guard var reader = LineReader(path: path, from: from, to: to) else {
                failure.withLock { $0 = Failure(.cannotRead, path, reason: LogIO.reason()) }
                return
            }
            defer { reader.close() }
            var part = Events()
            part.read(&reader, inPeriod: period.inPeriod)
            eventParts.withLock { $0.append((k, part)) }
        }
        if let failure = failure.withLock({ $0 }) { throw failure }
        var events = Events()
        for (_, part) in eventParts.withLock({ $0 }).sorted(by: { $0.0 < $1.0 }) { events.merge(part) }
        report.objections = events.objectionsInPeriod
        report.unreadable += events.unreadable
        // Pass 2: the decisions.
        events.fulfilled.sort()
        events.ended.sort()
        let referenced = Set(events.objections.keys).union(events.fulfilled.refs).union(events.ended.refs)
        let results = Mutex<[(Int, Partial)]>([])
        let allEvents = events
        let prefixes = Set(referenced.map(\.a))
        DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
            let (path, from, to) = ranges[k]
            var partial = Partial(report: LogReport(options: options))
            guard var reader = LineReader(path: path, from: from, to: to) else {
                failure.withLock { $0 = Failure(.cannotRead, path, reason: LogIO.reason()) }
                return
            }
            defer { reader.close() }
            partial.read(&reader, events: allEvents, referenced: referenced, prefixes: prefixes)
            results.withLock { $0.append((k, partial)) }
        }
        if let failure = failure.withLock({ $0 }) { throw failure }
        var found = Set<Digest>()
        for (_, partial) in results.withLock({ $0 }).sorted(by: { $0.0 < $1.0 }) {
            report.merge(partial.report)
            found.formUnion(partial.found)
        }
        for ref in referenced.subtracting(found) {
            report.orphanEvents +=
                (events.objections[ref] ?? 0) + events.fulfilled.of(ref).count + events.ended.of(ref).count
        }
        report.overdue.sort { ($0.due, $0.seq) < ($1.due, $1.seq) }
        if report.overdue.count > worklistLimit { report.overdue.removeLast(report.overdue.count - worklistLimit) }
        return report
    }

    /// Adds another part's counts (the objections and files are the whole report's already).
    mutating func merge(_ p: LogReport) {
        decisions += p.decisions
        permits += p.permits
        denies += p.denies
        notInForce += p.notInForce
        withoutConsent += p.withoutConsent
        objectionsAgainstWithoutConsent += p.objectionsAgainstWithoutConsent
        unreadable += p.unreadable
        for (kind, bases) in p.byGround { for (b, n) in bases { byGround[kind, default: [:]][b, default: 0] += n } }
        for (k, n) in p.byRoute { byRoute[k, default: 0] += n }
        for (k, n) in p.byCategory { byCategory[k, default: 0] += n }
        for (k, v) in p.covenants { covenants[k, default: []].formUnion(v) }
        obligations.owed += p.obligations.owed
        obligations.fulfilled += p.obligations.fulfilled
        obligations.fulfilledLate += p.obligations.fulfilledLate
        obligations.postponed += p.obligations.postponed
        obligations.overdue += p.obligations.overdue
        obligations.open += p.obligations.open
        obligations.openWithoutTerm += p.obligations.openWithoutTerm
        obligations.waived += p.obligations.waived
        overdue += p.overdue
        if overdue.count >= 2 * Self.worklistLimit {
            overdue.sort { ($0.due, $0.seq) < ($1.due, $1.seq) }
            overdue.removeLast(overdue.count - Self.worklistLimit)
        }
    }

    /// What one reader of one byte range counts.
    struct Partial {
        var report: LogReport
        var found = Set<Digest>()
        var lastCovenant: [UInt8] = [], lastVersion: [UInt8] = [], lastTable: [UInt8] = []

        mutating func read(_ reader: inout LineReader, events: Events, referenced: Set<Digest>, prefixes: Set<UInt64>) {
            while case .complete(let line)? = reader.next() {
                guard LogReport.isDecision(line) else { continue }
                guard let hex = recordHashSpan(line), let seq = LogReport.seq(line) else {
                    report.unreadable += 1
                    continue
                }
                // The whole digest only where it is looked up: a first word an event refers to, or a permit.
                var known: Digest?
                if prefixes.contains(LogReport.prefix(line[hex])) {
                    guard let d = Digest(hex: line[hex]) else { report.unreadable += 1; continue }
                    if referenced.contains(d) { found.insert(d) }
                    known = d
                }
                let digest = { known ?? Digest(hex: line[hex])! }
                // The hash as text only for the worklist.
                let hash = { String(decoding: line[hex], as: UTF8.self) }
                // The fast scanner reads what the account needs; a line it cannot read goes to the general parser.
                let fast: Bool? = line.withUnsafeBufferPointer { buffer in
                    var scanner = LogScanner(bytes: buffer)
                    guard let f = try? scanner.fields(), let day = scanner.day(f.at) else { return nil }
                    guard report.inPeriod(day) else { return true }
                    // Which covenant decided: made into strings only when it changes from line to line.
                    let version = f.version.map { buffer[$0] } ?? buffer[0..<0]
                    if !lastCovenant.elementsEqual(buffer[f.covenant]) || !lastVersion.elementsEqual(version)
                        || !lastTable.elementsEqual(buffer[f.table])
                    {
                        (lastCovenant, lastVersion, lastTable) = (
                            Array(buffer[f.covenant]), Array(version), Array(buffer[f.table])
                        )
                        report.covenants[
                            "\(scanner.string(f.covenant))\(f.version.map { " " + scanner.string($0) } ?? "")",
                            default: []
                        ].insert(scanner.string(f.table))
                    }
                    guard f.permit, f.inForce else {
                        report.decisions += 1
                        report.denies += 1
                        if !f.inForce { report.notInForce += 1 }
                        return true
                    }
                    guard let d = try? scanner.decision(f) else { return nil }
                    report.count(d, seq: seq, digest: digest(), hash: hash, events: events)
                    return true
                }
                if fast == nil {
                    guard let d = LogReport.parsed(line) else {
                        report.unreadable += 1
                        continue
                    }
                    report.count(d, seq: seq, digest: digest(), hash: hash, events: events)
                }
            }
        }
    }

    static func parsed(_ line: ArraySlice<UInt8>) -> LoggedDecision? {
        guard let json = try? JSONParser.parse(Array(line)), let decoded = try? LogRecord.decode(json),
            case .decision(let d) = decoded.record
        else { return nil }
        return d
    }

    /// The record's `seq`, which stands right after its kind: {"kind":"decision","seq":N,...
    static let seqKey: [UInt8] = Array(",\"seq\":".utf8)
    static let decisionPrefix: [UInt8] = Array("{\"kind\":\"decision\"".utf8)

    static func isDecision(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count > decisionPrefix.count else { return false }
        for k in 0..<decisionPrefix.count where line[line.startIndex + k] != decisionPrefix[k] { return false }
        return true
    }

    /// The first 16 hex digits of a hash as a number: a cheap first test of "is it referenced".
    static func prefix(_ hex: ArraySlice<UInt8>) -> UInt64 {
        var n: UInt64 = 0
        var k = hex.startIndex
        let end = min(hex.endIndex, k + 16)
        while k < end {
            let b = hex[k]
            n = n << 4 | UInt64(b <= 0x39 ? b &- 0x30 : b &- 0x61 &+ 10)
            k += 1
        }
        return n
    }

    static func seq(_ line: ArraySlice<UInt8>) -> Int? {
        let key = seqKey
        var i = line.startIndex + 18  // {"kind":"decision"
        guard i + key.count < line.endIndex else { return nil }
        for k in 0..<key.count where line[i + k] != key[k] { return nil }
        i += key.count
        var n = 0, digits = 0
        while i < line.endIndex, line[i] >= 0x30, line[i] <= 0x39, digits < 18 {
            n = n * 10 + Int(line[i] - 0x30)
            i += 1
            digits += 1
        }
        return digits > 0 ? n : nil
    }

    /// Most overdue duties kept for the worklist (the earliest due); all are counted.
    public static let worklistLimit = 10_000

    func inPeriod(_ day: CalendarDate) -> Bool {
        (options.from.map { day >= $0 } ?? true) && (options.until.map { day <= $0 } ?? true)
    }

    mutating func count(_ d: LoggedDecision, seq: Int, digest: Digest, hash: () -> String, events: Events) {
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
            objectionsAgainstWithoutConsent += events.objections[digest] ?? 0
        }
        for o in d.obligations {
            if o.waived {
                obligations.waived += 1
                continue
            }
            obligations.owed += 1
            // The term runs from the decision, or from the end of its postponement.
            var start = day
            if o.postponed {
                guard let end = events.ended.of(digest).first(where: { $0.matches(o) }),
                    let endDay = CalendarDate(ordinal: end.day)
                else {
                    if events.fulfilled.of(digest).contains(where: { $0.matches(o) }) {
                        obligations.fulfilled += 1
                    } else {
                        obligations.postponed += 1
                    }
                    continue
                }
                start = endDay
            }
            let due = Self.due(o.timing, from: start)
            if let done = events.fulfilled.of(digest).first(where: { $0.matches(o) }) {
                obligations.fulfilled += 1
                if let due, done.day > due.ordinal { obligations.fulfilledLate += 1 }
                continue
            }
            guard let due else {
                obligations.openWithoutTerm += 1
                continue
            }
            guard due < options.asOf else {
                obligations.open += 1
                continue
            }
            obligations.overdue += 1
            overdue.append(
                Overdue(
                    record: hash(), seq: seq, caseReference: d.caseReference, at: d.at, obligation: o.id, kind: o.kind,
                    by: o.by, from: d.from, to: d.to, share: d.share, due: due.description))
            if overdue.count >= 2 * Self.worklistLimit {
                overdue.sort { ($0.due, $0.seq) < ($1.due, $1.seq) }
                overdue.removeLast(overdue.count - Self.worklistLimit)
            }
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
    /// The day a YYYYMMDD number names.
    init?(ordinal: Int32) {
        self.init(year: Int(ordinal / 10000), month: Int(ordinal / 100 % 100), day: Int(ordinal % 100))
    }

    /// The same day `n` months later, or the month's last day when it is shorter (31 January
    /// plus one month is 28 or 29 February).
    public func adding(months n: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.days(inMonth: m, of: y))) ?? self
    }
}
