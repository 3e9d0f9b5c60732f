import CovenantEval
import CovenantLang

/// `covenantc diff OLD NEW`: what an amendment changes in behaviour.
enum DiffCommand {
    static let command = CLI.Command(name: "diff", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let format: String
        let preference: LanguagePreference
        do {
            parsed = try Arguments(args, flags: [], options: ["--format", "--lang"])
            format = try parsed.choice("--format", ["text", "markdown", "json"], default: "text")
            preference = try UserLanguage.preference(parsed)
        } catch {
            return CLI.usageError(error, command: "diff", console: console)
        }
        guard parsed.positionals.count == 2 else {
            return CLI.usageError(
                CommandWords.text("diffCommand.nameVersions", parsed.language), command: "diff",
                language: parsed.language, console: console)
        }
        var sides: [(CovenantModel, DecisionTable)] = []
        for path in parsed.positionals {
            let loaded = SourceLoader.load([path], language: preference.language(covenant: nil))
            guard let source = loaded.files.first else {
                console.err(DiagnosticRenderer(files: []).render(loaded.failures))
                return ExitCode.failure
            }
            let result = Frontend.check(source, preference: preference)
            guard let model = result.model else {
                console.err(
                    DiagnosticRenderer(files: [source]).render(result.diagnostics.filter { $0.severity == .error }))
                let language = result.syntax?.messages ?? preference.language(covenant: nil)
                console.err(CommandWords.text("diffCommand.cannotCompare", language, path) + "\n")
                return ExitCode.failure
            }
            sides.append((model, Compiler.compile(model, source: source)))
        }
        let language = preference.language(covenant: sides[1].0.language == .nl ? .nl : .en)
        let diff = BehaviourDiff.compare(
            old: sides[0].0, sides[0].1, new: sides[1].0, sides[1].1, language: format == "json" ? .en : language)
        switch format {
        case "json": console.out(json(diff).serialized() + "\n")
        case "markdown": console.out(markdown(diff, parsed.positionals, language))
        default: console.out(text(diff, language))
        }
        return diff.identical ? ExitCode.success : ExitCode.failure
    }

    static func t(_ key: String, _ language: Language, _ args: String...) -> String {
        Messages.text(key, language, arguments: args)
    }

    static func list(_ items: [String], _ language: Language = .en) -> String {
        items.count <= 6
            ? items.joined(separator: ", ")
            : t("diff.more", language, items.prefix(5).joined(separator: ", "), String(items.count - 5))
    }

    static func kind(_ k: BehaviourDiff.Kind, _ language: Language) -> String {
        switch k {
        case .newlyPermitted: t("diff.newlyPermitted", language)
        case .newlyDenied: t("diff.newlyDenied", language)
        case .basisChanged: t("diff.basisChanged", language)
        case .obligationsChanged: t("diff.obligationsChanged", language)
        case .basisAndObligationsChanged: t("diff.basisAndObligationsChanged", language)
        }
    }

    static func cases(_ n: Int, _ language: Language) -> String {
        t(n == 1 ? "diff.cases.one" : "diff.cases.many", language, String(n))
    }

    static func where_(_ s: BehaviourDiff.Statement, _ language: Language = .en) -> String {
        var text = t(
            "diff.where", language, list(s.senders, language), list(s.recipients, language),
            list(s.categories, language), list(s.purposes, language))
        if !s.when.isEmpty {
            text += t(
                "diff.when", language,
                s.when.map { "\($0.0) \($0.1.hasPrefix("{") || $0.1.contains("..") ? "in" : "=") \($0.1)" }
                    .joined(separator: ", "))
        }
        return text
    }

    static func counts(_ diff: BehaviourDiff) -> [(BehaviourDiff.Kind, Int)] {
        var totals: [BehaviourDiff.Kind: Int] = [:]
        var order: [BehaviourDiff.Kind] = []
        for s in diff.statements {
            if totals[s.kind] == nil { order.append(s.kind) }
            totals[s.kind, default: 0] += s.cases
        }
        return order.map { ($0, totals[$0]!) }
    }

    /// The changes of the covenant header: validity and controllers.
    static func headerChanges(_ diff: BehaviourDiff, _ language: Language = .en) -> [String] {
        var lines: [String] = []
        if let v = diff.validity { lines.append(t("diff.validity", language, v.old, v.new)) }
        if let c = diff.controllers {
            lines.append(t("diff.controllers", language, c.old.joined(separator: ", "), c.new.joined(separator: ", ")))
        }
        return lines
    }

    /// One sentence per guarantee whose standing the amendment changes.
    static func guaranteeLines(_ diff: BehaviourDiff, _ language: Language = .en) -> [String] {
        func status(_ s: GuaranteeOutcome.Status?) -> String {
            CommandWords.text("diffCommand.guarantee.status.\(s?.rawValue ?? "absent")", language)
        }
        return diff.guarantees.map { g in
            var line = CommandWords.text(
                "diffCommand.guarantee", language, g.id, g.title.map { " (\"\($0)\")" } ?? "", status(g.old),
                status(g.new))
            if let w = g.witness { line += CommandWords.text("diffCommand.guarantee.witness", language, w) }
            return line
        }
    }

    static func summary(_ diff: BehaviourDiff, _ language: Language = .en) -> String {
        if diff.identical { return t("diff.identical", language) }
        var text = counts(diff).map { t("diff.count", language, cases($0.1, language), kind($0.0, language)) }
            .joined(separator: ", ")
        if text.isEmpty { text = t("diff.noRuleChange", language) }
        let statements = diff.statements.count == 1 ? "diff.statements.one" : "diff.statements.many"
        text += " (\(t(statements, language, String(diff.statements.count))))"
        if diff.unexploredCells > 0 {
            text += t("diff.unexplored", language, String(diff.unexploredCells), String(BehaviourDiff.maxCombinations))
        }
        return text
    }

    static func text(_ diff: BehaviourDiff, _ language: Language = .en) -> String {
        var out = headerChanges(diff, language).map { $0 + "\n" }.joined()
        out += guaranteeLines(diff, language).map { $0 + "\n" }.joined()
        for s in diff.statements {
            out +=
                t(
                    "diff.statement", language, kind(s.kind, language), where_(s, language), s.oldOutcome, s.newOutcome,
                    cases(s.cases, language)) + "\n"
        }
        return out + summary(diff, language) + "\n"
    }

    static func markdown(_ diff: BehaviourDiff, _ paths: [String], _ language: Language = .en) -> String {
        var out = "## \(t("diff.title", language, paths[0], paths[1]))\n\n"
        if diff.identical { return out + t("diff.identical.markdown", language) + "\n" }
        for line in headerChanges(diff, language) {
            out += "- **\(line.prefix { $0 != ":" })**\(line.drop { $0 != ":" })\n"
        }
        if !headerChanges(diff, language).isEmpty { out += "\n" }
        for line in guaranteeLines(diff, language) { out += "- \(line)\n" }
        if !diff.guarantees.isEmpty { out += "\n" }
        if !diff.statements.isEmpty {
            out += "| \(t("diff.change", language)) | \(t("diff.casesColumn", language)) |\n| --- | --- |\n"
            for (k, n) in counts(diff) { out += "| \(kind(k, language)) | \(n) |\n" }
            out += "\n"
        }
        for s in diff.statements {
            out +=
                "- **\(kind(s.kind, language))**: \(where_(s, language))  \n"
                + "  \(t("diff.was", language, s.oldOutcome, s.newOutcome, cases(s.cases, language)))\n"
        }
        if diff.unexploredCells > 0 { out += "\n\(summary(diff, language))\n" }
        return out
    }

    static func json(_ diff: BehaviourDiff) -> JSONValue {
        func strings(_ a: [String]) -> JSONValue { .array(a.map(JSONValue.string)) }
        return .object([
            ("identical", .bool(diff.identical)),
            ("counts", .object(counts(diff).map { ($0.0.rawValue, .integer($0.1)) })),
            (
                "statements",
                .array(
                    diff.statements.map { s in
                        .object([
                            ("change", .string(s.kind.rawValue)), ("senders", strings(s.senders)),
                            ("recipients", strings(s.recipients)),
                            ("categories", strings(s.categories)), ("purposes", strings(s.purposes)),
                            ("when", .object(s.when.map { ($0.0, .string($0.1)) })), ("was", .string(s.oldOutcome)),
                            ("now", .string(s.newOutcome)), ("cases", .integer(s.cases)),
                        ])
                    })
            ),
            (
                "guarantees",
                .array(
                    diff.guarantees.map { g in
                        .object([
                            ("id", .string(g.id)), ("was", g.old.map { .string($0.rawValue) } ?? .null),
                            ("now", g.new.map { .string($0.rawValue) } ?? .null),
                            ("witness", g.witness.map(JSONValue.string) ?? .null),
                        ])
                    })
            ),
            ("unexploredCells", .integer(diff.unexploredCells)),
            ("validity", diff.validity.map { .object([("was", .string($0.old)), ("now", .string($0.new))]) } ?? .null),
            (
                "controllers",
                diff.controllers.map { .object([("was", strings($0.old)), ("now", strings($0.new))]) } ?? .null
            ),
        ])
    }
}
