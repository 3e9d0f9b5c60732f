import CovenantEval
import Foundation

/// `covenantc eval FILE`: one JSON query per line on standard input, one JSON decision per
/// line on standard output, in the same order; a line that cannot be decided gets
/// `{"error": "..."}` and the stream goes on.
enum EvalCommand {
    static let command = CLI.Command(
        name: "eval", summary: "decide JSON queries from standard input (NDJSON)", help: """
            Usage: covenantc eval FILE [--source COVENANT] [--date YYYY-MM-DD] [--log LOG ...] < queries.ndjson

            Reads one JSON query per line:
              {"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support",
               "facts": {"consent": "given", "age": 30}, "at": "2026-03-01", "id": "c-17"}
            ("at" and "id" are optional; any other key is an error) and writes one JSON
            decision per line, in the same order:
              {"id":"c-17","effect":"permit","decidedBy":["medisch"],"bases":["consented"],
               "obligations":[{"id":"record","by":"sender","kind":"record","timing":null,
               "waived":false,"postponed":false}],"missingFacts":[],
               "reason":"permitted by rule medisch","inForce":true,"at":"2026-03-01",
               "table":{"sha256":"...","version":"2025.1"}}
            A query is decided for its "at" date, else for --date, else for today in the
            Netherlands; outside the covenant's validity it is denied with "inForce": false.
            A line that cannot be decided (not JSON, unknown key or name, bad value or date)
            gets {"error": "..."} and the stream goes on. Empty lines are skipped.
            FILE is a covenant or a table written by 'covenantc compile'. With --source, a
            table is refused unless it was compiled from COVENANT as the file is now.

            Decision log (see 'covenantc log --help' and 'covenantc report --help'):
              --log LOG              append every decision to LOG, a hash-chained NDJSON log;
                                     each decision then carries "log": {"seq", "record"}, the
                                     record's hash that events (objections, fulfilled duties)
                                     refer to. The query's "id" is logged as the case reference:
                                     make it an opaque number, never a name or a BSN.
              --fsync always|never|MS  write to disk after every record, never (the system
                                     decides), or at most every MS milliseconds (default 1000)
              --rotate-size BYTES    start a new file when the log would pass BYTES
              --rotate-period day|month  start a new file each UTC day or month

            --lang en|nl writes "reason", "waivedBecause" and "postponedBecause" in that language
            (default: the covenant's, else COVENANT_LANG, else English); keys and ids never change.

            Exit codes: 0 the stream was processed, 1 FILE has errors, 2 usage error.

            """, run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        var today: Today
        var logOptions: DecisionLog.Options
        do {
            parsed = try Arguments(args, flags: [], options: ["--source", "--date", "--log", "--fsync", "--rotate-size", "--rotate-period", "--lang"])
            today = try Today(parsed)
            logOptions = try LogCommand.options(parsed)
        } catch {
            return CLI.usageError("\(error)", command: "eval", console: console)
        }
        guard parsed.positionals.count == 1 else { return CLI.usageError("name exactly one covenant or table", command: "eval", console: console) }
        guard let table = TableLoader.load(parsed.positionals[0], source: parsed.value("--source"),
                                                preference: (try? UserLanguage.preference(parsed)) ?? .init(), console: console) else { return ExitCode.failure }
        let evaluator = Evaluator(table: table)
        let language: Language
        do {
            language = try UserLanguage.choose(parsed, covenant: table.metadata.language)
        } catch {
            return CLI.usageError("\(error)", command: "eval", console: console)
        }
        var log: DecisionLog?
        if let path = parsed.value("--log") {
            do {
                log = try DecisionLog(path: path, options: logOptions)
            } catch {
                console.err("covenantc eval: \(error.message)\n")
                return ExitCode.failure
            }
        }
        defer { log?.close() }
        var scratch = DecisionScratch()
        var output = ""
        output.reserveCapacity(1 << 16)
        while let line = console.readLine() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            output += answer(line, evaluator, today.date(), &scratch, log: log, language: language).serialized()
            output += "\n"
            if output.utf8.count >= 1 << 16 {
                console.out(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        console.out(output)
        return ExitCode.success
    }

    static func answer(_ line: String, _ evaluator: Evaluator, _ today: CalendarDate, _ scratch: inout DecisionScratch,
                       log: DecisionLog? = nil, language: Language = .en) -> JSONValue {
        let query: Query
        do {
            query = try Query(json: line)
            let resolved = try evaluator.resolve(query, on: today)
            evaluator.decide(resolved, into: &scratch)
        } catch {
            return .object([("error", .string(error.message))])
        }
        var decision = evaluator.decision(from: scratch, in: language)
        decision.id = query.id
        guard let log else { return decision.json }
        // A decision that cannot be logged is not given: the service must not act on it.
        do {
            let receipt = try log.append(decision, query: query, table: evaluator.table)
            guard case .object(var pairs) = decision.json else { return decision.json }
            pairs.append(("log", .object([("seq", .integer(receipt.seq)), ("record", .string(receipt.hash))])))
            return .object(pairs)
        } catch {
            return .object([("error", .string("not logged, so not decided: \(error.message)"))])
        }
    }
}
