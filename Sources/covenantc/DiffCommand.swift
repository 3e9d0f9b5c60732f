import CovenantEval
import CovenantLang

/// `covenantc diff OLD NEW`: what an amendment changes in behaviour.
enum DiffCommand {
    static let command = CLI.Command(
        name: "diff", summary: "compare the behaviour of two versions of a covenant", help: """
            Usage: covenantc diff [--format text|markdown|json] OLD NEW

            Compares what the two versions decide, not how they are written: every sender,
            recipient, category, purpose and region of fact values whose decision, legal basis
            or obligations differ, grouped into statements such as
              newly permitted: ggz → politie, health, for safety, when safety_risk = true — ...
            with the number of cases each covers. Rules are matched by behaviour: a renamed
            rule that does the same is no change. Markdown is meant for a council proposal.

            Options:
              --format text|markdown|json   output format (default: text)
              -h, --help                    show this help

            Exit codes: 0 the behaviour is identical, 1 it differs (or a version has errors),
            2 usage error.

            """, run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let format: String
        do {
            parsed = try Arguments(args, flags: [], options: ["--format"])
            format = try parsed.choice("--format", ["text", "markdown", "json"], default: "text")
        } catch {
            return CLI.usageError("\(error)", command: "diff", console: console)
        }
        guard parsed.positionals.count == 2 else { return CLI.usageError("name the old and the new version", command: "diff", console: console) }
        var sides: [(CovenantModel, DecisionTable)] = []
        for path in parsed.positionals {
            let loaded = SourceLoader.load([path])
            guard let source = loaded.files.first else {
                console.err(DiagnosticRenderer(files: []).render(loaded.failures))
                return ExitCode.failure
            }
            let result = Frontend.check(source)
            guard let model = result.model else {
                console.err(DiagnosticRenderer(files: [source]).render(result.diagnostics.filter { $0.severity == .error }))
                console.err("\(path): cannot compare: the covenant has errors\n")
                return ExitCode.failure
            }
            sides.append((model, Compiler.compile(model, source: source)))
        }
        let diff = BehaviourDiff.compare(old: sides[0].0, sides[0].1, new: sides[1].0, sides[1].1)
        switch format {
        case "json": console.out(json(diff).serialized() + "\n")
        case "markdown": console.out(markdown(diff, parsed.positionals))
        default: console.out(text(diff))
        }
        return diff.identical ? ExitCode.success : ExitCode.failure
    }

    static func list(_ items: [String]) -> String {
        items.count <= 6 ? items.joined(separator: ", ") : items.prefix(5).joined(separator: ", ") + " and \(items.count - 5) more"
    }

    static func where_(_ s: BehaviourDiff.Statement) -> String {
        var text = "\(list(s.senders)) → \(list(s.recipients)), \(list(s.categories)), for \(list(s.purposes))"
        if !s.when.isEmpty { text += ", when " + s.when.map { "\($0.0) \($0.1.hasPrefix("{") || $0.1.contains("..") ? "in" : "=") \($0.1)" }.joined(separator: ", ") }
        return text
    }

    static func counts(_ diff: BehaviourDiff) -> [(String, Int)] {
        var totals: [String: Int] = [:]
        var order: [String] = []
        for s in diff.statements {
            if totals[s.kind.rawValue] == nil { order.append(s.kind.rawValue) }
            totals[s.kind.rawValue, default: 0] += s.cases
        }
        return order.map { ($0, totals[$0]!) }
    }

    /// The changes of the covenant header: validity and controllers.
    static func headerChanges(_ diff: BehaviourDiff) -> [String] {
        var lines: [String] = []
        if let v = diff.validity { lines.append("validity changed: was \(v.old); now \(v.new)") }
        if let c = diff.controllers { lines.append("controllers changed: was \(c.old.joined(separator: ", ")); now \(c.new.joined(separator: ", "))") }
        return lines
    }

    static func summary(_ diff: BehaviourDiff) -> String {
        if diff.identical { return "no change in behaviour" }
        var text = counts(diff).map { "\($0.1) case\($0.1 == 1 ? "" : "s") \($0.0)" }.joined(separator: ", ")
        if text.isEmpty { text = "no change in the rules' decisions" }
        text += " (\(diff.statements.count) statement\(diff.statements.count == 1 ? "" : "s"))"
        if diff.unexploredCells > 0 { text += "; \(diff.unexploredCells) combinations had too many fact values to compare exhaustively (limit \(BehaviourDiff.maxCombinations))" }
        return text
    }

    static func text(_ diff: BehaviourDiff) -> String {
        var out = headerChanges(diff).map { $0 + "\n" }.joined()
        for s in diff.statements {
            out += "\(s.kind.rawValue): \(where_(s)) — was: \(s.oldOutcome); now: \(s.newOutcome) (\(s.cases) case\(s.cases == 1 ? "" : "s"))\n"
        }
        return out + summary(diff) + "\n"
    }

    static func markdown(_ diff: BehaviourDiff, _ paths: [String]) -> String {
        var out = "## Behaviour changes: \(paths[0]) → \(paths[1])\n\n"
        if diff.identical { return out + "No change in behaviour.\n" }
        for line in headerChanges(diff) { out += "- **\(line.prefix { $0 != ":" })**\(line.drop { $0 != ":" })\n" }
        if !headerChanges(diff).isEmpty { out += "\n" }
        if !diff.statements.isEmpty {
            out += "| change | cases |\n| --- | --- |\n"
            for (kind, n) in counts(diff) { out += "| \(kind) | \(n) |\n" }
            out += "\n"
        }
        for s in diff.statements {
            out += "- **\(s.kind.rawValue)**: \(where_(s))  \n  was: \(s.oldOutcome); now: \(s.newOutcome) (\(s.cases) case\(s.cases == 1 ? "" : "s"))\n"
        }
        if diff.unexploredCells > 0 { out += "\n\(summary(diff))\n" }
        return out
    }

    static func json(_ diff: BehaviourDiff) -> JSONValue {
        func strings(_ a: [String]) -> JSONValue { .array(a.map(JSONValue.string)) }
        return .object([
            ("identical", .bool(diff.identical)),
            ("counts", .object(counts(diff).map { ($0.0, .integer($0.1)) })),
            ("statements", .array(diff.statements.map { s in
                .object([("change", .string(s.kind.rawValue)), ("senders", strings(s.senders)), ("recipients", strings(s.recipients)),
                         ("categories", strings(s.categories)), ("purposes", strings(s.purposes)),
                         ("when", .object(s.when.map { ($0.0, .string($0.1)) })), ("was", .string(s.oldOutcome)),
                         ("now", .string(s.newOutcome)), ("cases", .integer(s.cases))])
            })),
            ("unexploredCells", .integer(diff.unexploredCells)),
            ("validity", diff.validity.map { .object([("was", .string($0.old)), ("now", .string($0.new))]) } ?? .null),
            ("controllers", diff.controllers.map { .object([("was", strings($0.old)), ("now", strings($0.new))]) } ?? .null),
        ])
    }
}
