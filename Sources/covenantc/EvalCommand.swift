import CovenantEval
import Dispatch
import Foundation
import Synchronization

/// `covenantc eval FILE`: one JSON query per line on standard input, one JSON decision per
/// line on standard output, in the same order; a line that cannot be decided (an empty line
/// too) gets `{"id": ..., "error": "...", "kind": "..."}` and the stream goes on, so the n-th
/// answer always belongs to the n-th line.
///
/// Lines are answered by `WireAnswerer` (the query read from its bytes, the decision written into
/// one output buffer), on `--threads` threads in parts of a batch, keeping the order. Output is
/// written in large blocks, and whenever the input pauses (a service waiting for its answers),
/// so a conversation line by line is never held up.
enum EvalCommand {
    static let command = CLI.Command(name: "eval", run: run)

    /// Output is written once this much is waiting.
    static let blockSize = 1 << 16
    /// Below this many bytes of complete lines, a batch is answered on one thread.
    static let parallelBatch = 1 << 15

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        var today: Today
        var logOptions: DecisionLog.Options
        let preference: LanguagePreference
        let threads: Int
        do {
            parsed = try Arguments(
                args, flags: [],
                options: [
                    "--source", "--date", "--log", "--fsync", "--rotate-size", "--rotate-period", "--lang", "--threads",
                ])
            preference = try parsed.preference()
            today = try Today(parsed)
            logOptions = try LogCommand.options(parsed)
            threads = try threadCount(parsed)
        } catch {
            return CLI.usageError(error, command: "eval", console: console)
        }
        guard parsed.positionals.count == 1 else {
            return CLI.usageError(
                CommandWords.text("arguments.nameOneCovenantOrTable", parsed.language), command: "eval",
                language: parsed.language, console: console)
        }
        if threads > 1, parsed.value("--log") != nil {
            return CLI.usageError(
                CommandWords.text("eval.threadsWithLog", parsed.language), command: "eval",
                language: parsed.language, console: console)
        }
        guard
            let table = TableLoader.load(
                parsed.positionals[0], source: parsed.value("--source"),
                preference: preference, console: console)
        else { return ExitCode.failure }
        let evaluator = Evaluator(compiled: table)
        let language = preference.language(covenant: table.metadata.language)
        if let path = parsed.value("--log") {
            let log: DecisionLog
            do {
                log = try DecisionLog(path: path, options: logOptions)
            } catch {
                console.err("covenantc eval: \(error.message(in: language))\n")
                return ExitCode.failure
            }
            defer { log.close() }
            var scratch = DecisionScratch()
            stream(console) { lines, out in
                for line in lines {
                    let text = String(decoding: line, as: UTF8.self)
                    let answer = answer(text, evaluator, today.date(), &scratch, log: log, language: language)
                    out.append(contentsOf: answer.serialized().utf8)
                    out.append(0x0A)
                }
            }
            return ExitCode.success
        }
        let answerer = WireAnswerer(evaluator: evaluator, language: language)
        var scratch = WireScratch()
        stream(console) { lines, out in
            let day = today.date()
            if threads == 1 || lines.bytes < parallelBatch {
                for line in lines {
                    answerer.answer(line: line, today: day, scratch: &scratch, into: &out)
                    out.append(0x0A)
                }
            } else {
                out.append(contentsOf: answerInParts(lines, threads: threads, answerer: answerer, today: day))
            }
        }
        return ExitCode.success
    }

    /// `--threads N` (1 to 64; default 1).
    static func threadCount(_ parsed: Arguments) throws -> Int {
        guard let text = parsed.value("--threads") else { return 1 }
        guard let n = Int(text), (1...64).contains(n) else {
            throw Arguments.UsageError("eval.badThreads", parsed.language, text)
        }
        return n
    }

    /// Reads standard input in blocks, hands the complete lines of each to `answer` (which
    /// appends one answer line per input line to the output), and writes the output when a
    /// block's worth is waiting or the input pauses. A last line without a line break counts.
    static func stream(_ console: Console, _ answer: (Lines, inout [UInt8]) -> Void) {
        var pending: [UInt8] = []
        var out: [UInt8] = []
        out.reserveCapacity(blockSize * 2)
        while let chunk = console.readInput() {
            pending.append(contentsOf: chunk)
            guard let lastBreak = pending.lastIndex(of: 0x0A) else { continue }
            pending.withUnsafeBufferPointer { all in
                answer(Lines(UnsafeBufferPointer(rebasing: all[...lastBreak])), &out)
            }
            pending.removeSubrange(...lastBreak)
            if out.count >= blockSize || chunk.count < Console.inputBlock {
                console.outBytes(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !pending.isEmpty {
            pending.append(0x0A)
            pending.withUnsafeBufferPointer { answer(Lines($0), &out) }
        }
        if !out.isEmpty { console.outBytes(out) }
    }

    /// The lines of a batch answered on `threads` threads, each a contiguous part, joined in order.
    static func answerInParts(_ lines: Lines, threads: Int, answerer: WireAnswerer, today: CalendarDate) -> [UInt8] {
        let parts = lines.split(into: threads)
        let results = Mutex<[[UInt8]]>(Array(repeating: [], count: parts.count))
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
            var scratch = WireScratch()
            var out: [UInt8] = []
            out.reserveCapacity(parts[k].bytes * 3)
            for line in parts[k] {
                answerer.answer(line: line, today: today, scratch: &scratch, into: &out)
                out.append(0x0A)
            }
            results.withLock { $0[k] = out }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    static func answer(
        _ line: String, _ evaluator: Evaluator, _ today: CalendarDate, _ scratch: inout DecisionScratch,
        log: DecisionLog? = nil, language: Language = .en
    ) -> JSONValue {
        let answer = evaluator.answer(line: line, today: today, language: language, scratch: &scratch)
        guard let log, case .decision(let decision, let query) = answer else { return answer.json(in: language) }
        // A decision that cannot be logged is not given: the service must not act on it.
        do {
            let receipt = try log.append(decision, query: query, table: evaluator.table)
            guard case .object(var pairs) = decision.json else { return decision.json }
            pairs.append(("log", .object([("seq", .integer(receipt.seq)), ("record", .string(receipt.hash))])))
            return .object(pairs)
        } catch {
            return WireAnswer.errorLine(
                CommandWords.text("eval.notLogged", language, error.message(in: language)), kind: "notLogged",
                id: query.id)
        }
    }
}

/// Complete lines in a block of input, each ending in a line break (which, and a carriage return
/// before it, the lines leave out).
struct Lines: Sequence, @unchecked Sendable {
    let block: UnsafeBufferPointer<UInt8>
    var bytes: Int { block.count }

    init(_ block: UnsafeBufferPointer<UInt8>) { self.block = block }

    /// Up to `n` parts of about equal size, cut at line breaks.
    func split(into n: Int) -> [Lines] {
        var parts: [Lines] = []
        var start = 0
        for k in 1...n where start < block.count {
            var end = k == n ? block.count : Swift.max(start, block.count * k / n)
            while end < block.count, end > 0, block[end - 1] != 0x0A { end += 1 }
            guard end > start else { continue }
            parts.append(Lines(UnsafeBufferPointer(rebasing: block[start..<end])))
            start = end
        }
        return parts
    }

    func makeIterator() -> Iterator { Iterator(block: block) }

    struct Iterator: IteratorProtocol {
        let block: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func next() -> UnsafeBufferPointer<UInt8>? {
            guard position < block.count else { return nil }
            var end = position
            while block[end] != 0x0A { end += 1 }
            var last = end
            if last > position, block[last - 1] == 0x0D { last -= 1 }
            defer { position = end + 1 }
            return UnsafeBufferPointer(rebasing: block[position..<last])
        }
    }
}
