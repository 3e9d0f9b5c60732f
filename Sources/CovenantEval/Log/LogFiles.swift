#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
private let systemRead = Glibc.read
let systemClose = Glibc.close
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
private let systemRead = Darwin.read
let systemClose = Darwin.close
#endif

/// The system's reason for a failed call: its words as `strerror` gives them, printed as they
/// are in English, and its number, so that the common reasons can be worded in Dutch.
public struct SystemReason: Sendable, Equatable, CustomStringConvertible {
    public var code: Int32
    /// The system's own (English) words.
    public var text: String

    public init(code: Int32, text: String) {
        self.code = code
        self.text = text
    }

    /// The reason of the call that just failed (`errno`).
    static func current() -> SystemReason {
        let code = errno
        return SystemReason(code: code, text: String(cString: strerror(code)))
    }

    public var description: String { text }

    /// In English the system's words; in Dutch the catalogue's, where it has the reason.
    public func text(in language: Language) -> String {
        guard language != .en, let name = Self.names[code] else { return text }
        return Messages.text("system.\(name)", language)
    }

    /// The reasons a file can fail for that a user can act on, with their catalogue keys.
    static let names: [Int32: String] = [
        EACCES: "EACCES", EPERM: "EPERM", ENOENT: "ENOENT", ENOTDIR: "ENOTDIR", EISDIR: "EISDIR",
        ENOSPC: "ENOSPC", EDQUOT: "EDQUOT", EROFS: "EROFS", EIO: "EIO", EMFILE: "EMFILE",
        EFBIG: "EFBIG", ENAMETOOLONG: "ENAMETOOLONG",
    ]
}

/// The system calls the decision log needs, with the system's words for a failure.
enum LogIO {
    static func reason() -> SystemReason { SystemReason.current() }

    /// Now, as an ISO 8601 UTC timestamp with milliseconds, and the UTC calendar day.
    static func now() -> (timestamp: String, day: CalendarDate, milliseconds: Int64) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let ms = Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
        return (timestamp(milliseconds: ms), day(milliseconds: ms), ms)
    }

    static func day(milliseconds ms: Int64) -> CalendarDate {
        let days = Int((ms / 1000) / 86_400)
        return CalendarDate(year: 1970, month: 1, day: 1)!.adding(days: days)
    }

    static func timestamp(milliseconds ms: Int64) -> String {
        let seconds = Int(ms / 1000) % 86_400
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let time = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        return "\(day(milliseconds: ms))T\(time).\(pad(Int(ms % 1000), 3))Z"
    }

    static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    static func processors() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    static func fileSize(_ fd: Int32) -> Int {
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The names in a directory that start with `prefix`.
    static func entries(in directory: String, startingWith prefix: String) -> [String] {
        guard let dir = opendir(directory.isEmpty ? "." : directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(prefix) { names.append(name) }
        }
        return names.sorted()
    }

    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// Reads the whole of `fd` from `offset` to its end.
    static func read(_ fd: Int32, from offset: Int, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done))
            }
            if n <= 0 { break }
            done += n
        }
        return Array(bytes[0..<done])
    }

    /// Writes all of `bytes` with one `write` call where the system takes it whole (a record
    /// on a local file always is); loops only on a short write.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
    }
}

/// Reads a file line by line in large chunks, with memory independent of its size (one
/// buffer, grown only for a line longer than it). The last line is reported separately when it
/// has no line break (a record torn by a crash).
struct LineReader {
    let fd: Int32
    var storage: [UInt8]
    /// The unread bytes are storage[start..<end].
    var start = 0
    var end = 0
    var atEnd = false
    /// The 1-based number of the line last returned.
    var lineNumber = 0

    /// Where the lines this reader owns end: a line belongs to the range its first byte is in.
    var limit = Int.max
    /// The file offset of storage[0].
    var base = 0

    init?(path: String, chunk: Int = 1 << 20) {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        storage = [UInt8](repeating: 0, count: chunk)
    }

    /// The lines whose first byte lies in [from, to): for reading one file in parts.
    init?(path: String, from: Int, to: Int) {
        self.init(path: path)
        limit = to
        guard from > 0 else { return }
        // Start after the line break before `from` (or at `from` when it follows one).
        base = from - 1
        guard lseek(fd, off_t(from - 1), SEEK_SET) >= 0 else { return nil }
        if case .complete? = next() {} else { start = end }
        lineNumber = 0
    }

    func close() { _ = systemClose(fd) }

    enum Line {
        case complete(ArraySlice<UInt8>)
        /// The bytes after the last line break.
        case torn(ArraySlice<UInt8>)
    }

    mutating func next() -> Line? {
        while true {
            let newline = storage.withUnsafeBufferPointer { buffer -> Int? in
                guard start < end, let p = memchr(buffer.baseAddress! + start, 0x0a, end - start) else { return nil }
                return buffer.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            if let newline {
                if base + start >= limit { atEnd = true; start = end; return nil }
                let line = storage[start..<newline]
                start = newline + 1
                lineNumber += 1
                return .complete(line)
            }
            if atEnd {
                guard start < end, base + start < limit else { return nil }
                let rest = storage[start..<end]
                start = end
                lineNumber += 1
                return .torn(rest)
            }
            // Move the unread part to the front (or grow for a very long line), then read on.
            let unread = end - start
            if start > 0 {
                storage.withUnsafeMutableBytes { b in _ = memmove(b.baseAddress!, b.baseAddress! + start, unread) }
                base += start
                start = 0
                end = unread
            }
            if end == storage.count { storage.append(contentsOf: [UInt8](repeating: 0, count: storage.count)) }
            let n = storage.withUnsafeMutableBytes { b in systemRead(fd, b.baseAddress! + end, b.count - end) }
            if n <= 0 { atEnd = true } else { end += n }
        }
    }
}
