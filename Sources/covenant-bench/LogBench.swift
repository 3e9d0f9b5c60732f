import CovenantEval
import CovenantLang
import Foundation

// The decision log's cost: per-decision overhead of logging under each fsync policy, and a
// large generated log for timing `covenantc report` (BENCHMARKS.md, "Decision log").

/// covenant-bench --log-overhead: decide the medium covenant's queries with and without a log.
func logOverhead() {
    guard let model = generated(.medium).1.model else { exit(1) }
    let table = Compiler.compile(model, source: generated(.medium).0)
    let evaluator = Evaluator(compiled: table)
    let queries = querySet(model, count: 20_000, seed: 7)
    let day = table.firstDayInForce
    let resolved = queries.map { try! evaluator.resolve($0, on: day) }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("covenant-log-bench-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }

    func run(_ count: Int, _ log: DecisionLog?) -> Double {
        var scratch = DecisionScratch()
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<count {
            let k = i % resolved.count
            evaluator.decide(resolved[k], into: &scratch)
            let decision = evaluator.decision(from: scratch)
            if let log { _ = try! log.append(decision, query: queries[k], table: table) }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / Double(count)
    }
    let base = run(100_000, nil)
    print(String(format: "decide + decision in words, no log: %8.2f µs per decision", base / 1000))
    for (name, policy, count) in [
        ("fsync never", DecisionLog.FsyncPolicy.never, 100_000),
        ("fsync every 1000 ms", .interval(milliseconds: 1000), 100_000),
        ("fsync every 10 ms", .interval(milliseconds: 10), 20_000),
        ("fsync every record", .everyRecord, 2_000),
    ] {
        let path = directory + "/\(name.replacingOccurrences(of: " ", with: "-")).log"
        let log = try! DecisionLog(path: path, options: .init(fsync: policy))
        let ns = run(count, log)
        log.close()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(
            name.padding(toLength: 20, withPad: " ", startingAt: 0)
                + String(
                    format: " %8.2f µs per decision, %6.2f µs of it the log (%d decisions, %d bytes a record)",
                    ns / 1000, (ns - base) / 1000, count, size / max(1, count)))
    }
}

/// covenant-bench --emit-log PATH COUNT: a log of COUNT decisions of the medium covenant over
/// one year, with an event for one decision in 20 (fulfilments, some ends of postponement, some
/// objections), for timing the report.
func emitLog(_ path: String, _ count: Int) {
    guard let model = generated(.medium).1.model else { exit(1) }
    let table = Compiler.compile(model, source: generated(.medium).0)
    let evaluator = Evaluator(compiled: table)
    let queries = querySet(model, count: 10_000, seed: 11)
    let start = CalendarDate("2026-01-01")!
    let log = try! DecisionLog(path: path, options: .init(fsync: .never))
    var rng = Generator(seed: 99)
    let began = DispatchTime.now().uptimeNanoseconds
    for i in 0..<count {
        var q = queries[i % queries.count]
        q.at = start.adding(days: rng.int(365)).description
        q.id = .integer(i)
        let decision = evaluator.decision(try! evaluator.resolve(q, on: start))
        let receipt = try! log.append(decision, query: q, table: table)
        if i % 20 == 0, let o = decision.obligations.first(where: { !$0.waived }) {
            let day = CalendarDate(q.at!)!.adding(days: rng.int(40))
            _ = try! log.append(
                .fulfilled(LogEvent(ref: receipt.hash, date: day.description, obligation: o.id, by: o.by.rawValue)))
            if o.postponed {
                _ = try! log.append(
                    .postponementEnded(LogEvent(ref: receipt.hash, date: day.description, obligation: o.id)))
            }
        }
        if i % 500 == 0 { _ = try! log.append(.objection(LogEvent(ref: receipt.hash, date: q.at!))) }
        if i % 1_000_000 == 999_999 {
            let s = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
            FileHandle.standardError.write(Data("\(i + 1) decisions in \(Int(s)) s\n".utf8))
        }
    }
    log.close()
}
