import CovenantEval
import CovenantLang
import Foundation

// covenant-bench: compile and decide speed on generated covenants (small, medium, large).
// Run in a release build: swift run -c release covenant-bench [small|medium|large]...
// covenant-bench --emit SIZE prints the generated covenant of that size.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Peak resident memory of this process so far, in MB (VmHWM from /proc).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

func percentile(_ sorted: [Double], _ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }

/// Per-decision nanoseconds, measured over batches of `batch` different queries (a single
/// decision is close to the timer's resolution); median and p99 are over the batches.
func measure(_ queries: [ResolvedQuery], _ evaluator: Evaluator, batches: Int, batch: Int) -> (median: Double, p99: Double, perSecond: Double) {
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
// --emit SIZE prints the generated covenant of that size instead of measuring.
if arguments.first == "--emit" {
    guard arguments.count == 2, let size = [Generator.Size.small, .medium, .large].first(where: { $0.name == arguments[1] }) else {
        FileHandle.standardError.write(Data("usage: covenant-bench --emit small|medium|large\n".utf8))
        exit(2)
    }
    var generator = Generator(seed: 2026)
    print(generator.covenant(size), terminator: "")
    exit(0)
}
let requested = arguments
let sizes = [Generator.Size.small, .medium, .large].filter { requested.isEmpty || requested.contains($0.name) }
print("size     rules  compile(s)  table(bytes)  classes(s/r/c/p)  peakMB  resolved median/p99 ns  by-name median ns  decisions/s  2 threads decisions/s")
for size in sizes {
    var generator = Generator(seed: 2026)
    let text = generator.covenant(size)
    let source = SourceFile(path: "\(size.name).covenant", text: text)
    var table: DecisionTable?
    let compileTime = seconds {
        let result = Frontend.check(source)
        guard let model = result.model else {
            print(DiagnosticRenderer(files: [source]).render(result.diagnostics.prefix(5).map { $0 }))
            exit(1)
        }
        table = Compiler.compile(model, source: source)
    }
    guard let table else { exit(1) }
    let bytes = TableCodec.encode(table).utf8.count
    let evaluator = Evaluator(table: table)
    var rng = Generator(seed: 7)
    var named: [Query] = []
    for _ in 0..<10_000 {
        var facts: [(String, Query.FactInput)] = [("age", .int(rng.int(100)))]
        if rng.int(2) == 0 { facts.append(("consent", .text(["given", "refused", "none"][rng.int(3)]))) }
        if rng.int(2) == 0 { facts.append(("risk", .bool(rng.int(2) == 0))) }
        if rng.int(3) > 0 { facts.append(("triage", .bool(rng.int(2) == 0))) }
        if rng.int(2) == 0 { facts.append(("level", .text(["low", "medium", "high"][rng.int(3)]))) }
        named.append(Query(from: table.parties[rng.int(table.parties.count)].id, to: table.parties[rng.int(table.parties.count)].id,
                           share: table.categories[rng.int(table.categories.count)].id, purpose: table.purposes[rng.int(table.purposes.count)].id,
                           facts: facts))
    }
    let resolved = named.map { try! table.resolve($0) }
    let (median, p99, perSecond) = measure(resolved, evaluator, batches: 2000, batch: 100)
    // By name: resolve, then decide.
    var scratch = DecisionScratch()
    var byName: [Double] = []
    for b in 0..<200 {
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<50 {
            let q = try! evaluator.resolve(named[(b * 50 + i) % named.count])
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
    let classes = "\(Set(table.senderClass).count)/\(table.recipientClassCount)/\(table.categoryRuleBits.count / Int(table.wordsPerClass))/\(table.purposeRuleBits.count / Int(table.wordsPerClass))"
    print(String(format: "%-7@ %6d  %10.3f  %12d  %16@  %6.1f  %11.0f / %-9.0f  %17.0f  %11.0f  %21.0f",
                 size.name as NSString, table.rules.count, compileTime, bytes, classes as NSString, peakMemoryMB(), median, p99,
                 percentile(byName, 0.5), perSecond, Double(threads * perThread) / parallelTime))
}
