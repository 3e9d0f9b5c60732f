@testable import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// The wire's fast path (`WireAnswerer`: the query read from its bytes, the decision written
/// straight into a buffer) answers every line byte for byte as the general path does
/// (`Evaluator.answer(line:)`, a JSON tree and `Decision.json`), on random covenants and on the
/// shipped ones, in both languages, for well-formed lines and for lines broken in every way
/// the fast reader must hand over to the general path.
@Suite struct WireFastPathTests {
    /// Lines for a table: plain queries of every shape, and variations the reader must refuse.
    static func lines(for table: DecisionTable, count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix(seed: seed)
        func pick<T>(_ list: [T]) -> T { list[Int(rng.next() % UInt64(list.count))] }
        func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
        func q(_ s: String) -> String { JSONValue.string(s).serialized() }
        let dates = ["2024-12-31", "2025-01-01", "2025-07-15", "2026-12-31", "2027-01-01", "2026-02-29", "2025-13-01"]
        var lines: [String] = []
        for _ in 0..<count {
            // Two lines in three are plain queries; the rest are bent or broken somewhere.
            let bent = chance(33)
            func odd(_ percent: UInt64) -> Bool { bent && chance(percent) }
            var pairs: [String] = []
            let party = table.parties.map(\.id) + table.groups.map(\.id)
            pairs.append("\"from\":" + q(odd(5) ? pick(party) + "x" : pick(odd(10) ? party : table.parties.map(\.id))))
            pairs.append("\"to\": " + q(pick(table.parties.map(\.id))))
            pairs.append("\"share\":" + q(pick(table.categories.map(\.id))))
            pairs.append("\"for\":\t" + q(odd(5) ? "nothing" : pick(table.purposes.map(\.id))))
            var facts: [String] = []
            for fact in table.facts where chance(60) {
                let value: String
                switch fact.kind {
                case .bool:
                    value =
                        odd(10)
                        ? pick(["1", "null", "\"yes\"", "True"])
                        : pick(["true", "false", "\"ja\"", "\"nee\"", "\"true\"", "\"false\""])
                case .int(let low, let high):
                    let n = low + Int64(rng.next() % UInt64(high - low + 1))
                    value =
                        odd(10) ? pick(["\(high + 1)", "\(low - 1)", "\"\(n)\"", "\(n).0", "1e2", "01", "-0"]) : "\(n)"
                case .enumeration(let values):
                    value = odd(10) ? pick(["\"other\"", "true", "3", "\"\""]) : q(pick(values))
                }
                facts.append(q(fact.id) + ":" + value)
            }
            if odd(5), let first = facts.first { facts.append(first) }
            if odd(5) { facts.append("\"unknownFact\":true") }
            if !facts.isEmpty || chance(20) { pairs.append("\"facts\":{" + facts.joined(separator: ",") + "}") }
            if chance(50) { pairs.append("\"at\":" + q(pick(odd(30) ? dates : Array(dates.prefix(5))))) }
            if chance(70) {
                pairs.append(
                    "\"id\":"
                        + (odd(40)
                            ? pick(["1.5", "\"zaak é\"", "\"a\\\"b\"", "null", "true", "123456789012345678901", "-0"])
                            : pick(["\"c-\(rng.next() % 1000)\"", "\(rng.next() % 100_000)", "-17"])))
            }
            // Shuffle the keys now and then; all orders are the same query.
            if chance(20) { pairs.shuffle(using: &rng) }
            var line = "{" + pairs.joined(separator: chance(10) ? " , " : ",") + "}"
            switch bent ? rng.next() % 12 : 99 {
            case 0: line = line.replacingOccurrences(of: "\"share\"", with: "\"sh\\u0061re\"")
            case 1: line += " x"
            case 2: line = String(line.dropLast())
            case 3: line = line.replacingOccurrences(of: "\"for\"", with: "\"fact\"")
            case 4: line = line.replacingOccurrences(of: ",\"to\"", with: ",\"from\"")
            case 5: line = "  " + line + " \r"
            case 6: line = pick(["", " ", "[]", "{}", "null", "{\"from\":null}", "\u{FEFF}" + line])
            case 7: line = line.replacingOccurrences(of: "\"facts\":{", with: "\"facts\":null,\"x\":{")
            case 8: line = line.replacingOccurrences(of: "\"facts\":{", with: "\"facts\" : { ")
            case 9: line = line.replacingOccurrences(of: "\"at\":", with: "\"at\":null,\"y\":")
            default: break
            }
            lines.append(line)
        }
        return lines
    }

    static func agree(_ table: DecisionTable, seed: UInt64, count: Int) -> (fast: Int, all: Int) {
        let evaluator = Evaluator(compiled: table)
        let today = CalendarDate(year: 2025, month: 6, day: 1)!
        var fastCount = 0
        for language in [Language.en, .nl] {
            let answerer = WireAnswerer(evaluator: evaluator, language: language)
            var wire = WireScratch()
            var scratch = DecisionScratch()
            for line in lines(for: table, count: count, seed: seed) {
                var out: [UInt8] = []
                let isDecision = answerer.answer(line: Array(line.utf8), today: today, scratch: &wire, into: &out)
                let expected = evaluator.answer(line: line, today: today, language: language, scratch: &scratch)
                #expect(String(decoding: out, as: UTF8.self) == expected.json(in: language).serialized(), "\(line)")
                if case .decision = expected { #expect(isDecision) } else { #expect(!isDecision) }
                let bytes = Array(line.utf8)
                let took = bytes.withUnsafeBufferPointer { buffer in
                    var reader = WireQueryReader(buffer, names: answerer.names)
                    return reader.read(today: today, into: &wire)
                }
                if took { fastCount += 1 }
            }
        }
        return (fastCount, 2 * count)
    }

    @Test(arguments: 0..<8)
    func randomCovenants(batch: Int) {
        var fast = 0, all = 0
        for seed in UInt64(batch * 5)..<UInt64(batch * 5 + 5) {
            let (model, table, _) = DifferentialTests.compiled(seed: seed)
            guard !model.parties.isEmpty else { continue }
            let (f, a) = Self.agree(table, seed: seed, count: 300)
            fast += f
            all += a
        }
        // Most generated lines are plain queries: the fast path must really be the one answering.
        #expect(fast * 2 > all, "the fast reader took \(fast) of \(all) lines")
    }

    @Test func shippedCovenants() throws {
        for name in ["boekel", "boekel-nl", "noaberkracht", "wijkteam", "veiligheidshuis"] {
            let path = "covenants/\(name).covenant"
            let source = SourceFile(
                path: path,
                text: try String(contentsOf: Support.root.appendingPathComponent(path), encoding: .utf8))
            let table = Compiler.compile(try #require(Frontend.check(source).model), source: source)
            let (fast, all) = Self.agree(table, seed: 11, count: 400)
            #expect(fast * 3 > all, "\(name): the fast reader took \(fast) of \(all) lines")
        }
    }
}
