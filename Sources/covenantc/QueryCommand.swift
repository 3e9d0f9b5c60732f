import CovenantEval
import CovenantLang
import Foundation

/// `covenantc query` and `covenantc explain`: one question, answered (and explained).
enum QueryCommand {
    static let queryCommand = CLI.Command(name: "query", run: { run($0, $1, explain: false) })
    static let explainCommand = CLI.Command(name: "explain", run: { run($0, $1, explain: true) })

    static func run(_ args: [String], _ console: Console, explain: Bool) -> Int32 {
        let name = explain ? "explain" : "query"
        let parsed: Arguments
        let format: String
        let preference: LanguagePreference
        var today: Today
        do {
            parsed = try Arguments(
                args, flags: [],
                options: ["--format", "--from", "--to", "--share", "--for", "--fact", "--source", "--date", "--lang"])
            format = try parsed.choice("--format", ["text", "json"], default: "text")
            today = try Today(parsed)
            preference = try UserLanguage.preference(parsed)
        } catch {
            return CLI.usageError(error, command: name, console: console)
        }
        func usage(_ key: String, _ args: String...) -> Int32 {
            CLI.usageError(
                CommandWords.text(key, parsed.language, arguments: args), command: name, language: parsed.language,
                console: console)
        }
        let flagged = ["--from", "--to", "--share", "--for"].map { parsed.value($0) }
        let asText =
            parsed.positionals.count == 2 && flagged.allSatisfy { $0 == nil } && parsed.options["--fact"] == nil
        let asFlags = parsed.positionals.count == 1 && flagged.allSatisfy { $0 != nil }
        guard asText || asFlags else { return usage("queryCommand.giveQuery") }
        // The table first: its language words the errors in the query.
        guard
            let table = TableLoader.load(
                parsed.positionals[0], source: parsed.value("--source"),
                preference: preference, console: console)
        else { return ExitCode.failure }
        let language = preference.language(covenant: table.metadata.language)
        let query: Query
        if asText {
            switch QueryText.parse(parsed.positionals[1], messages: language) {
            case .success(let q): query = q
            case .failure(let failure):
                console.err(
                    failure.diagnostics.map {
                        CommandWords.text(
                            "queryCommand.textError", language, $0.code.rawValue, $0.message, "\($0.range.start.column)"
                        ) + "\n"
                    }.joined())
                return ExitCode.failure
            }
        } else {
            var facts: [Query.Fact] = []
            for assignment in parsed.options["--fact"] ?? [] {
                let parts = assignment.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard parts.count == 2, !parts[0].isEmpty else { return usage("queryCommand.fact", assignment) }
                facts.append(Query.Fact(parts[0], Int(parts[1]).map { .int($0) } ?? .text(parts[1])))
            }
            query = Query(from: flagged[0]!, to: flagged[1]!, share: flagged[2]!, purpose: flagged[3]!, factList: facts)
        }
        let evaluator = Evaluator(compiled: table)
        let resolved: ResolvedQuery
        do {
            resolved = try evaluator.resolve(query, on: today.date())
        } catch {
            if format == "json" {
                console.out(JSONValue.object([("error", .string(error.message(in: language)))]).serialized() + "\n")
            } else {
                console.err("covenantc \(name): \(error.message(in: language))\n")
            }
            return ExitCode.failure
        }
        if explain {
            let explanation = evaluator.explain(resolved, in: language)
            console.out(
                format == "json"
                    ? explanation.json(in: language).serialized() + "\n"
                    : explanation.text(table, in: language))
        } else {
            let decision = evaluator.decision(resolved, in: language)
            console.out(
                format == "json" ? decision.json.serialized() + "\n" : decision.text(table, in: language))
        }
        return ExitCode.success
    }
}
