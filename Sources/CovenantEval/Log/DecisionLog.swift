#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// An append-only, hash-chained decision log (NDJSON, `LogRecord`), for the college's yearly
/// account to the council (seed 001 §4.3) and the duties still open (seed 004 §3.3, annex b).
///
/// - One `write` per record, to a file opened with `O_APPEND`: a process killed at any moment
///   leaves complete records and at most one torn last line, which the next writer cuts off
///   (recording a `recovered` record) before it appends.
/// - `fsync` by policy (`FsyncPolicy`): every record (nothing written is lost, even when the
///   machine loses power; the slowest), at most every N milliseconds (a power loss may lose the
///   records of the last N ms; a crashed process loses nothing, the system holds them), or left
///   to the system.
/// - One writer per log: a lock on `PATH.lock` is held while the log is open; a second writer
///   is refused with a clear error (give each service its own log; the report reads many).
/// - Rotation by size or by period: the full file is renamed to `PATH.<UTC timestamp>` and a
///   new `PATH` begins; the chain continues across the files.
///
/// The log must hold no direct identifiers: the case reference is the service's opaque id.
public final class DecisionLog: Sendable {
    public enum FsyncPolicy: Sendable, Equatable {
        case everyRecord
        case interval(milliseconds: Int)
        case never
    }

    public enum Period: String, Sendable, Equatable {
        case day, month
    }

    public struct Options: Sendable, Equatable {
        public var fsync: FsyncPolicy
        /// Rotate when the file would grow past this many bytes.
        public var maxBytes: Int?
        /// Rotate when the UTC day or month changes.
        public var period: Period?
        public init(fsync: FsyncPolicy = .interval(milliseconds: 1000), maxBytes: Int? = nil, period: Period? = nil) {
            self.fsync = fsync
            self.maxBytes = maxBytes
            self.period = period
        }
    }

    /// Why the log cannot be opened or written. `kind` is stable; `message(in:)` words it for a
    /// person, with the system's reason last where a system call failed.
    public struct Failure: WordedError, Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case cannotOpenLock, heldByAnother, cannotOpen, cannotCutTorn, rotatedHasNoRecord, lastNotARecord,
                closed, cannotWrite, cannotRotate, cannotStartNew
        }

        public var kind: Kind
        /// The paths the message names, in order.
        public var arguments: [String]
        public var reason: SystemReason?

        public init(_ kind: Kind, _ arguments: String..., reason: SystemReason? = nil) {
            self.kind = kind
            self.arguments = arguments
            self.reason = reason
        }

        public func message(in language: Language) -> String {
            Messages.text(
                "decisionLog.\(kind.rawValue)", language,
                arguments: arguments + (reason.map { [$0.text(in: language)] } ?? []))
        }
    }

    struct State {
        var fd: Int32
        var size: Int
        var seq: Int
        var last: String
        var lastSync: Int64
        var periodKey: String
        var closed = false
    }

    public let path: String
    public let options: Options
    let lockFD: Int32
    let state: Mutex<State>

    /// Opens (or creates) the log, continuing its chain; refuses when another process holds it.
    public init(path: String, options: Options = Options()) throws(Failure) {
        self.path = path
        self.options = options
        let lock = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw Failure(.cannotOpenLock, path, reason: LogIO.reason()) }
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            _ = systemClose(lock)
            throw Failure(.heldByAnother, path)
        }
        lockFD = lock
        do {
            let (fd, size, seq, last, recovered) = try Self.openTail(path)
            let now = LogIO.now()
            state = Mutex(
                State(
                    fd: fd, size: size, seq: seq, last: last, lastSync: now.milliseconds,
                    periodKey: Self.periodKey(options.period, now.day)))
            if let torn = recovered {
                _ = try append(.recovered(truncatedBytes: torn))
            }
        } catch {
            _ = systemClose(lock)
            throw error
        }
    }

    deinit { close() }

    /// Opens PATH for appending, finding where the chain stands: in PATH's last record, or in
    /// the newest rotated file when PATH is new. A torn last line is cut off (its length is
    /// returned, to be recorded).
    static func openTail(_ path: String) throws(Failure) -> (Int32, Int, Int, String, Int?) {
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(.cannotOpen, path, reason: LogIO.reason()) }
        var size = LogIO.fileSize(fd)
        var torn: Int?
        var source: (Int32, Int)? = size > 0 ? (fd, size) : nil
        var rotated: Int32 = -1
        if size == 0 {
            let (directory, name) = LogIO.split(path)
            if let newest = LogIO.entries(in: directory, startingWith: name + ".").filter({ !$0.hasSuffix(".lock") })
                .last
            {
                let full = directory.isEmpty ? newest : directory + "/" + newest
                rotated = open(full, O_RDONLY | O_CLOEXEC)
                if rotated >= 0 { source = (rotated, LogIO.fileSize(rotated)) }
            }
        }
        defer { if rotated >= 0 { _ = systemClose(rotated) } }
        guard let (readFD, readSize) = source, readSize > 0 else { return (fd, 0, 0, LogRecord.genesis, nil) }
        // The last complete line: read backwards in growing windows until a line break is found.
        var window = 4096
        var tail: [UInt8] = []
        var lastBreak: Int?
        while true {
            let from = max(0, readSize - window)
            tail = LogIO.read(readFD, from: from, count: readSize - from)
            if let i = tail.lastIndex(of: 0x0a) { lastBreak = from + i }
            if lastBreak != nil || from == 0 { break }
            window *= 4
        }
        guard let breakAt = lastBreak else {
            // Not one complete line: the whole file is a torn first record.
            if readFD == fd {
                guard ftruncate(fd, 0) == 0 else { throw Failure(.cannotCutTorn, path, reason: LogIO.reason()) }
                return (fd, 0, 0, LogRecord.genesis, readSize)
            }
            throw Failure(.rotatedHasNoRecord, path)
        }
        if breakAt + 1 < readSize, readFD == fd {
            torn = readSize - (breakAt + 1)
            guard ftruncate(fd, off_t(breakAt + 1)) == 0 else {
                throw Failure(.cannotCutTorn, path, reason: LogIO.reason())
            }
            size = breakAt + 1
        }
        // The line before the last break.
        var lineStart = 0
        var window2 = 4096
        while true {
            let from = max(0, breakAt - window2)
            let bytes = LogIO.read(readFD, from: from, count: breakAt - from)
            if let i = bytes.lastIndex(of: 0x0a) { lineStart = from + i + 1; break }
            if from == 0 { lineStart = 0; break }
            window2 *= 4
        }
        let line = LogIO.read(readFD, from: lineStart, count: breakAt - lineStart)
        guard let (_, hash) = splitRecordLine(line[...]), let json = try? JSONParser.parse(line),
            let seq = json["seq"]?.intValue
        else {
            throw Failure(.lastNotARecord, path)
        }
        return (fd, size, seq, hash, torn)
    }

    static func periodKey(_ period: Period?, _ day: CalendarDate) -> String {
        switch period {
        case .day: day.description
        case .month: String(day.description.prefix(7))
        case nil: ""
        }
    }

    /// Appends a decision; returns where it stands, so events can refer to it.
    @discardableResult
    public func append(_ decision: Decision, query: Query, table: DecisionTable) throws(Failure) -> LogReceipt {
        try append(.decision(LoggedDecision(decision, query: query, table: table)))
    }

    /// Appends any record (events refer to a decision by its receipt's hash).
    @discardableResult
    public func append(_ record: LogRecord) throws(Failure) -> LogReceipt {
        let now = LogIO.now()
        let result: Result<LogReceipt, Failure> = state.withLock { s in
            guard !s.closed else { return .failure(Failure(.closed, path)) }
            let (line, hash) = record.line(seq: s.seq + 1, time: now.timestamp, prev: s.last)
            var bytes = Array(line.utf8)
            bytes.append(0x0a)
            let key = Self.periodKey(options.period, now.day)
            let tooBig = options.maxBytes.map { s.size > 0 && s.size + bytes.count > $0 } ?? false
            if tooBig || key != s.periodKey {
                if s.size > 0, let failure = rotate(&s, now: now.milliseconds) { return .failure(failure) }
                s.periodKey = key
            }
            guard LogIO.writeAll(s.fd, bytes) else {
                return .failure(Failure(.cannotWrite, path, reason: LogIO.reason()))
            }
            s.size += bytes.count
            s.seq += 1
            s.last = hash
            switch options.fsync {
            case .everyRecord:
                fsync(s.fd)
                s.lastSync = now.milliseconds
            case .interval(let ms):
                if now.milliseconds - s.lastSync >= Int64(ms) {
                    fsync(s.fd)
                    s.lastSync = now.milliseconds
                }
            case .never: break
            }
            return .success(LogReceipt(seq: s.seq, hash: hash))
        }
        return try result.get()
    }

    /// Renames the full file aside and starts a new one; the chain goes on.
    func rotate(_ s: inout State, now: Int64) -> Failure? {
        if options.fsync != .never { fsync(s.fd) }
        var name = path + "." + LogIO.timestamp(milliseconds: now).replacingColonsAndDashes()
        var n = 1
        while LogIO.exists(name) {
            name = path + "." + LogIO.timestamp(milliseconds: now).replacingColonsAndDashes() + "-\(n)"
            n += 1
        }
        guard rename(path, name) == 0 else { return Failure(.cannotRotate, path, name, reason: LogIO.reason()) }
        _ = systemClose(s.fd)
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return Failure(.cannotStartNew, path, reason: LogIO.reason()) }
        s.fd = fd
        s.size = 0
        return nil
    }

    /// Flushes to disk and releases the log (also done when the value goes away).
    public func close() {
        let wasOpen = state.withLock { s -> Bool in
            guard !s.closed else { return false }
            fsync(s.fd)
            _ = systemClose(s.fd)
            s.closed = true
            return true
        }
        guard wasOpen else { return }
        _ = flock(lockFD, LOCK_UN)
        _ = systemClose(lockFD)
    }

    /// Forces what was written to disk now (for the `interval` and `never` policies).
    public func sync() {
        state.withLock { s in
            if !s.closed { fsync(s.fd) }
        }
    }
}

extension String {
    /// 2026-11-30T10:15:00.123Z → 20261130T101500.123Z: a file-name-friendly timestamp.
    func replacingColonsAndDashes() -> String { String(filter { $0 != ":" && $0 != "-" }) }
}
