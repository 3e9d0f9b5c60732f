@testable import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// The decision log: the chain, tampering found at the right record, recovery of a torn tail,
/// rotation, one writer, and the yearly report against counts made independently.
@Suite struct DecisionLogTests {
    static let covenant = """
        covenant "Log" { version "1" controller college valid from 2025-01-01 until 2030-12-31 }
        party college { kind government }
        party team { kind care }
        party politie { kind enforcement }
        category dossier { retention 5 years category naw category zorg { nature what special health } }
        purpose hulp { kind support }
        purpose veiligheid { kind safety }
        fact akkoord : yes | no default no { role consent valid yes }
        fact gevaar : bool default false
        fact onderzoek : bool default false { fixed }
        basis toestemming { kind consent }
        basis taak { kind public_task }
        basis vitaal { kind vital_interest }
        obligation informeren { kind inform }
        obligation vastleggen { kind record }
        rule met_toestemming { permit team -> college share dossier for hulp when akkoord == yes basis toestemming \
        oblige vastleggen }
        rule publiek { permit college -> team share naw for hulp basis taak oblige informeren before }
        rule nood {
          permit team -> politie
          share dossier
          for veiligheid
          when gevaar
          basis vitaal
          oblige vastleggen, recipient informeren within 4 weeks postponed while onderzoek
        }

        """

    static func evaluator() throws -> Evaluator {
        let source = SourceFile(path: "log.covenant", text: covenant)
        let model = try #require(Frontend.check(source).model, "\(Support.rendered(Frontend.check(source)))")
        return Evaluator(compiled: Compiler.compile(model, source: source))
    }

    static func directory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("covenant-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static let queries: [Query] = [
        Query(
            from: "team", to: "college", share: "dossier", purpose: "hulp", facts: ["akkoord": .text("yes")],
            at: "2026-02-01", id: .string("z-1")),
        Query(from: "college", to: "team", share: "naw", purpose: "hulp", at: "2026-02-02", id: .integer(2)),
        Query(
            from: "team", to: "politie", share: "zorg", purpose: "veiligheid",
            facts: ["gevaar": .bool(true), "onderzoek": .bool(true)], at: "2026-02-03"),
        Query(from: "team", to: "politie", share: "zorg", purpose: "veiligheid", at: "2026-02-04"),
    ]

    /// Writes the queries' decisions to a new log; returns the receipts.
    static func write(
        _ path: String, _ e: Evaluator, _ queries: [Query] = queries,
        options: DecisionLog.Options = .init(fsync: .never)
    ) throws -> [LogReceipt] {
        let log = try DecisionLog(path: path, options: options)
        defer { log.close() }
        return try queries.map { q in
            try log.append(e.decision(try e.resolve(q, on: CalendarDate("2026-01-01")!)), query: q, table: e.table)
        }
    }

    static func lines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    static func rewrite(_ path: String, _ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func aWrittenLogVerifiesAndRecordsWhatWasDecided() throws {
        let e = try Self.evaluator(), dir = try Self.directory(), path = dir + "/d.log"
        let receipts = try Self.write(path, e)
        #expect(receipts.map(\.seq) == [1, 2, 3, 4])
        let result = LogVerifier.verify([path])
        #expect(result.problem == nil && result.records == 4 && result.lastHash == receipts.last?.hash)
        let first = try #require(try Self.lines(path).first)
        #expect(
            first.hasPrefix(#"{"kind":"decision","seq":1,"#)
                && first.contains(#""prev":"0000000000000000000000000000000000000000000000000000000000000000""#))
        #expect(
            first.contains(#""case":"z-1""#) && first.contains(#""withoutConsent":false"#)
                && first.contains(#""table":"\#(e.table.sha256)""#))
        let third = try Self.lines(path)[2]
        #expect(
            third.contains(#""withoutConsent":true"#)
                && third.contains(
                    #"{"id":"informeren","kind":"inform","by":"recipient","timing":"within 4 weeks","waived":false,"#
                        + #""postponed":true}"#
                ))
        // Reopening continues the chain.
        let more = try Self.write(path, e, [Self.queries[0]])
        #expect(more.map(\.seq) == [5])
        #expect(LogVerifier.verify([path]).records == 5)
    }

    @Test func tamperingIsFoundAtTheRecord() throws {
        let e = try Self.evaluator(), dir = try Self.directory(), path = dir + "/d.log"
        _ = try Self.write(path, e, Self.queries + Self.queries)
        let original = try Self.lines(path)
        func problem(_ lines: [String]) throws -> LogVerifier.Problem? {
            try Self.rewrite(path, lines)
            return LogVerifier.verify([path]).problem
        }
        // A flipped character in record 3.
        var flipped = original
        flipped[2] = flipped[2].replacingOccurrences(of: "\"effect\":\"permit\"", with: "\"effect\":\"perm1t\"")
        #expect(
            try problem(flipped).map { "\($0.line): \($0.message)" } == "3: "
                + "the record was altered: its content does not match its hash")
        // Record 4 deleted: found at the record after it.
        var deleted = original
        deleted.remove(at: 3)
        #expect(
            try problem(deleted).map { "\($0.line): \($0.message)" } == "4: "
                + "record 5 follows record 3: a record is missing before it")
        // Records 5 and 6 swapped.
        var swapped = original
        swapped.swapAt(4, 5)
        #expect(
            try problem(swapped).map { "\($0.line): \($0.message)" } == "5: "
                + "record 6 follows record 4: a record is missing before it")
        // A record replaced by a validly hashed forgery: the chain breaks at it.
        var forged = original
        forged[1] =
            LogRecord.recovered(truncatedBytes: 1).line(
                seq: 2, time: "2026-01-01T00:00:00.000Z", prev: String(repeating: "1", count: 64)
            ).line
        #expect(
            try problem(forged).map { "\($0.line): \($0.message)" } == "2: "
                + "record 2 does not follow the record before it (its prev is not that record's hash)")
        // Truncated in the middle of record 7.
        try Self.rewrite(path, original)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = original[0..<6].map { $0.utf8.count + 1 }.reduce(0, +) + 40
        try bytes.prefix(cut).write(to: URL(fileURLWithPath: path))
        let torn = LogVerifier.verify([path])
        #expect(torn.problem?.line == 7 && torn.problem?.torn == true && torn.records == 6)
    }

    @Test func aTornTailIsCutOffAndRecorded() throws {
        let e = try Self.evaluator(), dir = try Self.directory(), path = dir + "/d.log"
        _ = try Self.write(path, e)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"kind":"decision","seq":5,"ti"#.utf8))
        try handle.close()
        #expect(LogVerifier.verify([path]).problem?.torn == true)
        let next = try Self.write(path, e, [Self.queries[1]])
        #expect(next.map(\.seq) == [6])  // 5 is the `recovered` record
        let result = LogVerifier.verify([path])
        #expect(result.problem == nil && result.records == 6 && result.recoveries == 1)
        #expect(
            try Self.lines(path)[4].contains(#""kind":"recovered""#)
                && Self.lines(path)[4].contains(#""truncatedBytes":30"#))
    }

    @Test func rotationKeepsOneChainAcrossFiles() throws {
        let e = try Self.evaluator(), dir = try Self.directory(), path = dir + "/d.log"
        let receipts = try Self.write(
            path, e, Array(repeating: Self.queries, count: 10).flatMap { $0 },
            options: .init(fsync: .never, maxBytes: 4096))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter {
            $0.hasPrefix("d.log") && !$0.hasSuffix(".lock")
        }.map { dir + "/" + $0 }
        #expect(files.count > 2)
        // In any order: the verifier puts the files in chain order.
        let result = LogVerifier.verify(files.shuffled())
        #expect(
            result.problem == nil && result.records == 40 && result.files.last == path
                && result.lastHash == receipts.last?.hash)
        // A rotated part left out breaks the chain where it was.
        let middle = result.files[1]
        #expect(
            LogVerifier.verify(files.filter { $0 != middle }).problem?.message.contains("missing before it") == true)
        // Writing on after rotation continues the chain from the newest file.
        try FileManager.default.removeItem(atPath: path)
        let after = try Self.write(path, e, [Self.queries[0]])
        let rest = try FileManager.default.contentsOfDirectory(atPath: dir).filter {
            $0.hasPrefix("d.log") && !$0.hasSuffix(".lock")
        }.map { dir + "/" + $0 }
        #expect(after[0].seq > 1 && LogVerifier.verify(rest).problem == nil)
    }

    @Test func aSecondWriterIsRefused() throws {
        let dir = try Self.directory(), path = dir + "/d.log"
        let first = try DecisionLog(path: path)
        #expect(throws: DecisionLog.Failure.self) { try DecisionLog(path: path) }
        first.close()
        let again = try DecisionLog(path: path)
        again.close()
    }

    /// A year of generated decisions and events; the report's counts equal those made here
    /// from the same list, by a separate and plainer route.
    @Test func theReportCountsWhatHappened() throws {
        let e = try Self.evaluator(), dir = try Self.directory(), path = dir + "/year.log"
        var rng = SplitMix(seed: 2026)
        let log = try DecisionLog(path: path, options: .init(fsync: .never))
        var decided: [(Decision, Query, LogReceipt)] = []
        let start = CalendarDate("2026-01-01")!
        for i in 0..<3000 {
            let day = start.adding(days: Int(rng.next() % 365))
            let pick = Int(rng.next() % 4)
            var q = Self.queries[pick]
            q.at = day.description
            q.id = .integer(i)
            if pick == 2 {
                q.facts = [Query.Fact("gevaar", .bool(true)), Query.Fact("onderzoek", .bool(rng.next() % 3 == 0))]
            }
            let d = e.decision(try e.resolve(q, on: day))
            decided.append((d, q, try log.append(d, query: q, table: e.table)))
        }
        // Events: some duties fulfilled (some late), some postponements ended, some objections.
        var fulfilled: [String: CalendarDate] = [:], ended: [String: CalendarDate] = [:],
            objected: [String: CalendarDate] = [:]
        for (d, q, receipt) in decided where d.effect == .permit {
            let day = CalendarDate(q.at!)!
            for o in d.obligations where !o.waived {
                let key = "\(receipt.hash)|\(o.id)|\(o.by.rawValue)"
                if o.postponed, rng.next() % 2 == 0 {
                    let end = day.adding(days: Int(rng.next() % 60))
                    ended[key] = end
                    _ = try log.append(
                        .postponementEnded(
                            LogEvent(ref: receipt.hash, date: end.description, obligation: o.id, by: o.by.rawValue)))
                }
                if rng.next() % 3 == 0 {
                    let done = day.adding(days: Int(rng.next() % 50))
                    fulfilled[key] = done
                    _ = try log.append(
                        .fulfilled(
                            LogEvent(ref: receipt.hash, date: done.description, obligation: o.id, by: o.by.rawValue)))
                }
            }
            if rng.next() % 40 == 0 {
                let when = day.adding(days: 10)
                objected[receipt.hash] = when
                _ = try log.append(.objection(LogEvent(ref: receipt.hash, date: when.description, note: "bezwaar")))
            }
        }
        log.close()
        let from = CalendarDate("2026-04-01")!, until = CalendarDate("2026-09-30")!, asOf = CalendarDate("2026-10-15")!
        let report = try LogReport.build([path], options: .init(from: from, until: until, asOf: asOf))

        // The same, counted plainly.
        var decisions = 0, permits = 0, without = 0, overdue = 0, postponed = 0, done = 0, late = 0, open = 0,
            objections = 0
        var grounds: [String: Int] = [:]
        for (d, q, receipt) in decided {
            let day = CalendarDate(q.at!)!
            guard day >= from, day <= until else { continue }
            decisions += 1
            guard d.effect == .permit else { continue }
            permits += 1
            let kinds = d.bases.map { b in e.table.bases.first { $0.id == b }!.kind }
            if !kinds.contains("consent") {
                without += 1
                for (b, k) in zip(d.bases, kinds) { grounds["\(k)|\(b)", default: 0] += 1 }
            }
            for o in d.obligations where !o.waived {
                let key = "\(receipt.hash)|\(o.id)|\(o.by.rawValue)"
                var from = day
                if o.postponed {
                    guard let end = ended[key] else {
                        if fulfilled[key] != nil { done += 1 } else { postponed += 1 }
                        continue
                    }
                    from = end
                }
                let due: CalendarDate? =
                    switch o.timing {
                    case "before": from
                    case "within 4 weeks": from.adding(days: 28)
                    default: nil
                    }
                if let f = fulfilled[key] {
                    done += 1
                    if let due, f > due { late += 1 }
                } else if let due, due < asOf {
                    overdue += 1
                } else {
                    open += 1
                }
            }
        }
        for (_, when) in objected where when >= from && when <= until { objections += 1 }
        #expect(report.decisions == decisions && report.permits == permits && report.withoutConsent == without)
        var reportGrounds: [String: Int] = [:]
        for (kind, bases) in report.byGround { for (b, n) in bases { reportGrounds["\(kind)|\(b)"] = n } }
        #expect(reportGrounds == grounds)
        #expect(report.obligations.fulfilled == done && report.obligations.fulfilledLate == late)
        #expect(
            report.obligations.postponed == postponed && report.obligations.overdue == overdue
                && report.obligations.open + report.obligations.openWithoutTerm == open)
        #expect(report.overdue.count == overdue && report.objections == objections && report.orphanEvents == 0)
        #expect(overdue > 0 && postponed > 0 && late > 0 && without > 0, "the generated year must exercise every count")
        // Read in parts, as a large log is (one per core), the report is the same.
        for parts in [2, 3, 7] {
            let split = try LogReport.build(
                [path], options: .init(from: from, until: until, asOf: asOf), splitAbove: 0, parts: parts)
            #expect(
                split.decisions == report.decisions && split.obligations == report.obligations
                    && split.byRoute == report.byRoute
                    && split.overdue == report.overdue && split.objections == report.objections
                    && split.orphanEvents == 0)
        }
    }

    /// A file read in two parts at any offset gives every line once, in order.
    @Test func linesSplitAtAnyOffsetAreReadOnce() throws {
        let dir = try Self.directory(), path = dir + "/lines.txt"
        let lines = (0..<40).map { "line \($0) " + String(repeating: "x", count: $0 % 7) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        for cut in 0...size {
            var read: [String] = []
            for (from, to) in [(0, cut), (cut, Int.max)] {
                var reader = try #require(LineReader(path: path, from: from, to: to))
                while case .complete(let line)? = reader.next() { read.append(String(decoding: line, as: UTF8.self)) }
                reader.close()
            }
            #expect(read == lines, "cut at \(cut)")
        }
    }
}
