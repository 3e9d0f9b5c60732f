import CovenantEval
import Foundation

/// `covenantc eval FILE`: one JSON query per line on standard input, one JSON decision per
/// line on standard output, in the same order; a line that cannot be decided (an empty line
/// too) gets `{"id": ..., "error": "...", "kind": "..."}` and the stream goes on, so the n-th
/// answer always belongs to the n-th line.
enum EvalCommand {
    static let command = CLI.Command(name: "eval", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        var today: Today
        var logOptions: DecisionLog.Options
        let preference: LanguagePreference
        do {
            parsed = try Arguments(
                args, flags: [],
                options: ["--source", "--date", "--log", "--fsync", "--rotate-size", "--rotate-period", "--lang"])
            preference = try parsed.preference()
            today = try Today(parsed)
            logOptions = try LogCommand.options(parsed)
        } catch {
            return CLI.usageError(error, command: "eval", console: console)
        }
        guard parsed.positionals.count == 1 else {
            return CLI.usageError(
                CommandWords.text("arguments.nameOneCovenantOrTable", parsed.language), command: "eval",
                language: parsed.language, console: console)
        }
        guard
            let table = TableLoader.load(
                parsed.positionals[0], source: parsed.value("--source"),
                preference: preference, console: console)
        else { return ExitCode.failure }
        let evaluator = Evaluator(compiled: table)
        let language = preference.language(covenant: table.metadata.language)
        var log: DecisionLog?
        if let path = parsed.value("--log") {
            do {
                log = try DecisionLog(path: path, options: logOptions)
            } catch {
                console.err("covenantc eval: \(error.message(in: language))\n")
                return ExitCode.failure
            }
        }
        defer { log?.close() }
        var scratch = DecisionScratch()
        var output = ""
        output.reserveCapacity(1 << 16)
        while let line = console.readLine() {
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
