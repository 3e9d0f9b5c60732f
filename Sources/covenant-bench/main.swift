import CovenantEval
import CovenantLang
import Foundation

// covenant-bench: compile and decide speed on generated covenants (small, medium, large).
// Run in a release build: swift run -c release covenant-bench [small|medium|large]...
// covenant-bench --emit SIZE prints the generated covenant of that size; --emit-queries SIZE
// [COUNT] prints its query set (NDJSON) for covenantc eval and bench/peers. --log-overhead
// times the decision log per fsync policy; --emit-log PATH COUNT writes a log for timing
// `covenantc report`.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Peak resident memory of this process so far, in MB (VmHWM from /proc).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kb / 1024
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// Per-decision nanoseconds, measured over batches of `batch` different queries (a single
/// decision is close to the timer's resolution); median and p99 are over the batches.
func measure(_ queries: [ResolvedQuery], _ evaluator: Evaluator, batches: Int, batch: Int) -> (
    median: Double, p99: Double, perSecond: Double
) {
    var scratch = DecisionScratch()
    var sink = 0
    for q in queries.prefix(2000) { if evaluator.decide(q, into: &scratch) == .permit { sink += 1 } }  // warm up
    var perDecision: [Double] = []
    var total = 0.0
    var index = 0
    for _ in 0..<batches {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<batch {
            if evaluator.decide(queries[index], into: &scratch) == .permit { sink += 1 }
            index = index + 1 == queries.count ? 0 : index + 1
        }
        let ns = Double(DispatchTime.now().uptimeNanoseconds - start)
        total += ns
        perDecision.append(ns / Double(batch))
    }
    if sink == -1 { print(sink) }
    perDecision.sort()
    return (percentile(perDecision, 0.5), percentile(perDecision, 0.99), Double(batches * batch) / (total / 1e9))
}

let arguments = Array(CommandLine.arguments.dropFirst())
let allSizes = [Generator.Size.small, .medium, .large]

/// The generated covenant of a size, checked (the generator's output always checks).
func generated(_ size: Generator.Size) -> (SourceFile, FrontendResult) {
    var generator = Generator(seed: 2026)
    let source = SourceFile(path: "\(size.name).covenant", text: generator.covenant(size))
    return (source, Frontend.check(source))
}

// --emit SIZE prints the generated covenant of that size instead of measuring;
// --emit-queries SIZE [COUNT] prints its query set as NDJSON (the JSON wire format).
if arguments.first == "--emit" || arguments.first == "--emit-queries" {
    guard arguments.count >= 2, let size = allSizes.first(where: { $0.name == arguments[1] }),
        arguments.count == 2 || (arguments.count == 3 && Int(arguments[2]) != nil && arguments[0] == "--emit-queries")
    else {
        let usage =
            "usage: covenant-bench --emit small|medium|large\n"
            + "       covenant-bench --emit-queries small|medium|large [COUNT]\n"
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
    if arguments[0] == "--emit" {
        var generator = Generator(seed: 2026)
        print(generator.covenant(size), terminator: "")
    } else {
        guard let model = generated(size).1.model else { exit(1) }
        let count = arguments.count == 3 ? Int(arguments[2])! : 1000
        print(querySet(model, count: count, seed: 7).map { $0.json.serialized() }.joined(separator: "\n"))
    }
    exit(0)
}

if arguments.first == "--log-overhead" {
    logOverhead()
    exit(0)
}
if arguments.first == "--emit-log" {
    guard arguments.count == 3, let count = Int(arguments[2]) else {
        FileHandle.standardError.write(Data("usage: covenant-bench --emit-log PATH COUNT\n".utf8))
        exit(2)
    }
    emitLog(arguments[1], count)
    exit(0)
}

// --decide-only SIZE COUNT [CYCLE]: only COUNT resolved decisions (after compiling), timed, for
// profiling the evaluator (perf record on this process sees little else). CYCLE (1–5000, default
// 5000) decides only the first CYCLE queries over and over: with 1, one query whose data all stay
// in the caches and whose branches are all predicted — the fixed cost of a decision.
if arguments.first == "--decide-only" {
    guard arguments.count == 3 || arguments.count == 4, let size = allSizes.first(where: { $0.name == arguments[1] }),
        let count = Int(arguments[2]), count >= 0
    else {
        FileHandle.standardError.write(
            Data("usage: covenant-bench --decide-only small|medium|large COUNT [CYCLE]\n".utf8))
        exit(2)
    }
    let cycle = arguments.count == 4 ? Int(arguments[3]) ?? 0 : 5000
    guard (1...5000).contains(cycle) else {
        FileHandle.standardError.write(Data("covenant-bench: CYCLE must be 1 to 5000\n".utf8))
        exit(2)
    }
    let (source, result) = generated(size)
    guard let model = result.model else { exit(1) }
    let table = Compiler.compile(model, source: source)
    let evaluator = Evaluator(compiled: table)
    let queries = querySet(model, count: 5000, seed: 7).map { try! evaluator.resolve($0, on: table.firstDayInForce) }
    var scratch = DecisionScratch()
    var permits = 0
    let time = seconds {
        queries.withUnsafeBufferPointer { queries in
            for i in 0..<count where evaluator.decide(queries[i % cycle], into: &scratch) == .permit {
                permits += 1
            }
        }
    }
    print(
        "\(size.name): \(count) decisions, \(permits) permits, \(count == 0 ? 0 : time * 1e9 / Double(count)) ns each")
    exit(0)
}

// --decide-stats: per size, what a decision of the query set touches on average: leaves, rules
// listed in their cells, those whose parties match, and of those the ones with a condition.
if arguments.first == "--decide-stats" {
    print("size     leaves  listed rules  parties match  with a condition  (a decision, on average)")
    for size in allSizes {
        let (source, result) = generated(size)
        guard let model = result.model else { exit(1) }
        let table = Compiler.compile(model, source: source)
        let evaluator = Evaluator(compiled: table)
        let queries = querySet(model, count: 5000, seed: 7).map {
            try! evaluator.resolve($0, on: table.firstDayInForce)
        }
        var leaves = 0, listed = 0, matched = 0, conditional = 0
        for q in queries {
            let s = Int(table.senderClass[Int(q.sender)]), t = Int(table.recipientClass[Int(q.recipient)])
            for leaf in table.categories[Int(q.category)].leaves {
                leaves += 1
                for k in table.ruleRange(ofCell: table.cell(leaf: leaf, purpose: q.purpose)) {
                    listed += 1
                    let r = Int(table.cellRules[k])
                    guard table.reaches(rule: r, senderClass: s, recipientClass: t) else { continue }
                    matched += 1
                    if table.rules[r].condition >= 0 { conditional += 1 }
                }
            }
        }
        let n = Double(queries.count)
        print(
            String(
                format: "%-7@ %7.2f  %12.2f  %13.2f  %16.2f", size.name as NSString, Double(leaves) / n,
                Double(listed) / n, Double(matched) / n, Double(conditional) / n))
    }
    exit(0)
}

// guarantees: proving 50 random guarantees over the medium covenant (GuaranteeBench.swift).
if arguments.first == "guarantees" {
    guaranteeBench()
    exit(0)
}

let requested = arguments
let sizes = allSizes.filter { requested.isEmpty || requested.contains($0.name) }
print(
    "size     rules  check(s)  compile(s)  review(s)  table(bytes)  binary(bytes)  load binary(ms)  classes(s/r/c/p)  "
        + "peakMB  resolved median/p99 ns  by-name median/p99 ns  decisions/s  2 threads decisions/s"
)
for size in sizes {
    var result: FrontendResult?
    let checkTime = seconds { result = generated(size).1 }
    guard let result, let model = result.model, let syntax = result.syntax else {
        print(DiagnosticRenderer(files: [result!.source]).render(result!.diagnostics.prefix(5).map { $0 }))
        exit(1)
    }
    var table: DecisionTable?
    let compileTime = seconds { table = Compiler.compile(model, source: result.source) }
    guard let table else { exit(1) }
    let reviewTime = seconds { _ = Review.findings(syntax, model, table) }
    let bytes = TableCodec.encode(table).utf8.count
    // The binary table: loaded (hash, decode, every check) and made ready to decide, best of 5.
    let binary = BinaryTableCodec.encode(table)
    var loadBinary = Double.infinity
    for _ in 0..<5 {
        loadBinary = min(loadBinary, seconds { _ = Evaluator(compiled: try! BinaryTableCodec.decode(binary)) })
    }
    let evaluator = Evaluator(compiled: table)
    let named = querySet(model, count: 10_000, seed: 7)
    let resolved = named.map { try! evaluator.resolve($0, on: table.firstDayInForce) }
    let (median, p99, perSecond) = measure(resolved, evaluator, batches: 2000, batch: 100)
    // By name: resolve, then decide.
    var scratch = DecisionScratch()
    var byName: [Double] = []
    for b in 0..<200 {
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<50 {
            let q = try! evaluator.resolve(named[(b * 50 + i) % named.count], on: table.firstDayInForce)
            evaluator.decide(q, into: &scratch)
        }
        byName.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 50)
    }
    byName.sort()
    // Both cores: two threads deciding the same query set.
    let threads = 2, perThread = 1_000_000
    let parallelTime = seconds {
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            var s = DecisionScratch()
            var k = t * 997
            for _ in 0..<perThread {
                evaluator.decide(resolved[k], into: &s)
                k = k + 1 == resolved.count ? 0 : k + 1
            }
        }
    }
    let categoryClasses = table.categoryRuleBits.count / Int(table.wordsPerClass)
    let purposeClasses = table.purposeRuleBits.count / Int(table.wordsPerClass)
    let classes =
        "\(Set(table.senderClass).count)/\(table.recipientClassCount)/\(categoryClasses)/\(purposeClasses)"
    print(
        String(
            format:
                "%-7@ %6d  %8.3f  %10.3f  %9.3f  %12d  %13d  %15.1f  %16@  "
                + "%6.1f  %11.0f / %-9.0f  %11.0f / %-7.0f  %11.0f  %21.0f",
            size.name as NSString, table.rules.count, checkTime, compileTime, reviewTime, bytes, binary.count,
            loadBinary * 1000, classes as NSString,
            peakMemoryMB(), median, p99, percentile(byName, 0.5), percentile(byName, 0.99), perSecond,
            Double(threads * perThread) / parallelTime))
}
