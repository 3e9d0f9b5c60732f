#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCovenant
import CovenantEval

/// The header's statuses and effects as the Int32 the functions return.
enum Status {
    static let ok = Int32(COVENANT_OK)
    static let argument = Int32(COVENANT_ERROR_ARGUMENT)
    static let io = Int32(COVENANT_ERROR_IO)
    static let table = Int32(COVENANT_ERROR_TABLE)
    static let query = Int32(COVENANT_ERROR_QUERY)
    static let permit = Int32(COVENANT_PERMIT)
    static let deny = Int32(COVENANT_DENY)
}

/// A call that cannot be answered: the status, and the JSON error object the caller receives
/// (`{"error": message, "kind": kind}`, the shape of the wire's error lines).
struct CFailure: Error {
    var status: Int32
    var kind: String
    var message: String

    static func null(_ argument: String, _ language: Language) -> CFailure {
        CFailure(
            status: Status.argument, kind: "nullArgument",
            message: Messages.text("library.nullArgument", language, arguments: [argument]))
    }

    init(status: Int32, kind: String, message: String) {
        self.status = status
        self.kind = kind
        self.message = message
    }

    init(query error: QueryError, _ language: Language) {
        self.init(status: Status.query, kind: error.kind.rawValue, message: error.message(in: language))
    }

    /// Writes the error object where the caller asked for it, and returns the status.
    func report(into out: StringOut) -> Int32 {
        out?.pointee = strdup(WireAnswer.errorLine(message, kind: kind, id: nil).serialized())
        return status
    }
}

/// The C arguments every function reads the same way.
enum CArguments {
    /// "en", "nl", or NULL for `fallback`.
    static func language(_ text: UnsafePointer<CChar>?, default fallback: Language) -> Result<Language, CFailure> {
        guard let text else { return .success(fallback) }
        let name = String(cString: text)
        guard let language = Language(rawValue: name) else {
            return .failure(
                CFailure(
                    status: Status.argument, kind: "badLanguage",
                    message: Messages.text("library.badLanguage", fallback, arguments: [name])))
        }
        return .success(language)
    }

    /// A query line: `length` bytes of UTF-8 (invalid sequences read as U+FFFD); NULL only
    /// with length 0.
    /// A NUL-terminated copy of UTF-8 bytes, for the caller to release with `covenant_free`.
    static func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
        guard let copy = malloc(bytes.count + 1)?.assumingMemoryBound(to: UInt8.self) else { return nil }
        bytes.withUnsafeBufferPointer { copy.update(from: $0.baseAddress!, count: bytes.count) }
        copy[bytes.count] = 0
        return UnsafeMutableRawPointer(copy).assumingMemoryBound(to: CChar.self)
    }

    static func line(_ bytes: UnsafePointer<CChar>?, _ length: Int, _ language: Language) -> Result<String, CFailure> {
        if length == 0 { return .success("") }
        guard length > 0, let bytes else { return .failure(CFailure.null("query", language)) }
        return .success(String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self))
    }

    /// "YYYY-MM-DD", or NULL for today in the Netherlands.
    static func date(_ text: UnsafePointer<CChar>?, _ language: Language) -> Result<CalendarDate, CFailure> {
        guard let text else { return .success(NetherlandsDay.today()) }
        let given = String(cString: text)
        guard let day = CalendarDate(given) else {
            var failure = CFailure(query: QueryError(.badDate, given), language)
            failure.status = Status.argument
            return .failure(failure)
        }
        return .success(day)
    }
}

/// Reads a whole file with the C library (no Foundation), refusing one larger than `limit`.
enum FileBytes {
    static func read(_ path: UnsafePointer<CChar>, limit: Int) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n > 0 { bytes += chunk[0..<n] }
            if bytes.count > limit { return nil }
            if n < chunk.count { return ferror(file) == 0 ? bytes : nil }
        }
    }
}
