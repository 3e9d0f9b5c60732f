import CovenantEval
import CovenantLang
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `covenantc lsp`: the language server on standard input and output. The main thread answers
/// each message in turn; a reader thread feeds it the input, and a worker thread runs the
/// reviews. When no input waits, the main thread checks the documents that changed (so a burst
/// of changes is checked once, at its end) and hands their reviews to the worker, which keeps
/// only the newest per document.
enum LSPCommand {
    static let command = CLI.Command(name: "lsp", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let preference: LanguagePreference
        let today: Today
        do {
            // `--stdio` and `--clientProcessId` are what editors' clients pass; stdio is the only way.
            parsed = try Arguments(args, flags: ["--stdio"], options: ["--lang", "--date", "--clientProcessId"])
            preference = try parsed.preference()
            today = try Today(parsed)
        } catch {
            return CLI.usageError(error, command: "lsp", console: console)
        }
        guard parsed.positionals.isEmpty else {
            return CLI.usageError(
                CommandWords.text("lsp.noArguments", parsed.language), command: "lsp", language: parsed.language,
                console: console)
        }
        // A client that goes away must not kill the server mid-write: the write fails instead.
        signal(SIGPIPE, SIG_IGN)
        let events = EventQueue()
        Thread.detachNewThread {
            while let bytes = readInput() { events.push(.input(bytes)) }
            events.push(.end)
        }
        let worker = ReviewWorker(events)
        Thread.detachNewThread { worker.work() }
        var server = LanguageServer(preference: preference, today: today)
        return serve(&server, events: events, worker: worker, write: writeOutput)
    }

    /// What the main thread waits for.
    enum Event: Sendable {
        case input([UInt8])
        /// The input has ended.
        case end
        case reviewed(ReviewJob.Result)
    }

    static func serve(
        _ server: inout LanguageServer, events: EventQueue, worker: ReviewWorker, write: ([UInt8]) -> Bool
    ) -> Int32 {
        var reader = JSONRPC.FrameReader()
        while true {
            while let frame = reader.next() {
                for message in server.receive(frame) where !write(JSONRPC.encode(message)) { return ExitCode.failure }
                if let code = server.exitCode { return code }
            }
            if server.hasStaleDocuments, events.isEmpty {
                let (publish, reviews) = server.flush()
                for message in publish where !write(JSONRPC.encode(message)) { return ExitCode.failure }
                for job in reviews { worker.submit(job) }
                continue
            }
            switch events.pop() {
            case .input(let bytes): reader.append(bytes)
            case .end: return server.state == .shuttingDown ? ExitCode.success : ExitCode.failure
            case .reviewed(let result):
                for message in server.reviewed(result) where !write(JSONRPC.encode(message)) {
                    return ExitCode.failure
                }
            }
        }
    }

    /// What standard input has (blocking until something arrives); nil at its end.
    static func readInput() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { posixRead(0, $0.baseAddress, $0.count) }
            if n > 0 { return Array(buffer[0..<n]) }
            if n < 0, errno == EINTR { continue }
            return nil
        }
    }

    /// Writes all of `bytes` to standard output; false when it cannot.
    static func writeOutput(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { posixWrite(1, $0.baseAddress, $0.count) }
            if n > 0 {
                offset += n
            } else if n < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}

/// The events for the main thread, in the order they came.
final class EventQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [LSPCommand.Event] = []

    func push(_ event: LSPCommand.Event) {
        condition.withLock {
            events.append(event)
            condition.signal()
        }
    }

    var isEmpty: Bool { condition.withLock { events.isEmpty } }

    /// The next event, waiting for one.
    func pop() -> LSPCommand.Event {
        condition.withLock {
            while events.isEmpty { condition.wait() }
            return events.removeFirst()
        }
    }
}

/// Runs reviews one at a time, the newest job per document only, and posts their results.
final class ReviewWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [ReviewJob] = []
    private let events: EventQueue

    init(_ events: EventQueue) { self.events = events }

    func submit(_ job: ReviewJob) {
        condition.withLock {
            jobs.removeAll { $0.uri == job.uri }
            jobs.append(job)
            condition.signal()
        }
    }

    func work() {
        while true {
            let job = condition.withLock {
                while jobs.isEmpty { condition.wait() }
                return jobs.removeFirst()
            }
            events.push(.reviewed(job.run()))
        }
    }
}

// The POSIX calls, named apart from `read` and `write` above.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
