import CovenantEval
import Foundation

/// `covenantc eval FILE`: one JSON query per line on standard input, one JSON decision per
/// line on standard output, in the same order; a line that cannot be decided gets
/// `{"error": "..."}` and the stream goes on.
enum EvalCommand {
    static let command = CLI.Command(
        name: "eval", summary: "decide JSON queries from standard input (NDJSON)", help: """
            Usage: covenantc eval FILE [--source COVENANT] [--date YYYY-MM-DD] < queries.ndjson

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

            Exit codes: 0 the stream was processed, 1 FILE has errors, 2 usage error.

            """, run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        var today: Today
        do {
            parsed = try Arguments(args, flags: [], options: ["--source", "--date"])
            today = try Today(parsed)
        } catch {
            return CLI.usageError("\(error)", command: "eval", console: console)
        }
        guard parsed.positionals.count == 1 else { return CLI.usageError("name exactly one covenant or table", command: "eval", console: console) }
        guard let table = TableLoader.load(parsed.positionals[0], source: parsed.value("--source"), console: console) else { return ExitCode.failure }
        let evaluator = Evaluator(table: table)
        var scratch = DecisionScratch()
        var output = ""
        output.reserveCapacity(1 << 16)
        while let line = console.readLine() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            output += answer(line, evaluator, today.date(), &scratch).serialized()
            output += "\n"
            if output.utf8.count >= 1 << 16 {
                console.out(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        console.out(output)
        return ExitCode.success
    }

    static func answer(_ line: String, _ evaluator: Evaluator, _ today: CalendarDate, _ scratch: inout DecisionScratch) -> JSONValue {
        do {
            let query = try Query(json: line)
            let resolved = try evaluator.resolve(query, on: today)
            evaluator.decide(resolved, into: &scratch)
            var decision = evaluator.decision(from: scratch)
            decision.id = query.id
            return decision.json
        } catch {
            return .object([("error", .string(error.message))])
        }
    }
}
