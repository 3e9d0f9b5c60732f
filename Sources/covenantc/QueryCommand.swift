import CovenantEval
import CovenantLang

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
            var facts: [(String, Query.FactInput)] = []
            for assignment in parsed.options["--fact"] ?? [] {
                let parts = assignment.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard parts.count == 2, !parts[0].isEmpty else { return usage("queryCommand.fact", assignment) }
                facts.append((parts[0], Int(parts[1]).map { .int($0) } ?? .text(parts[1])))
            }
            query = Query(from: flagged[0]!, to: flagged[1]!, share: flagged[2]!, purpose: flagged[3]!, facts: facts)
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
                    ? ExplanationFormat.json(explanation, language).serialized() + "\n"
                    : ExplanationFormat.text(explanation, table, language))
        } else {
            let decision = evaluator.decision(resolved, in: language)
            console.out(
                format == "json" ? decision.json.serialized() + "\n" : DecisionFormat.text(decision, table, language))
        }
        return ExitCode.success
    }
}

import Foundation

/// A decision as text for a person, in English or Dutch.
enum DecisionFormat {
    static func text(_ d: Decision, _ table: DecisionTable, _ language: Language = .en) -> String {
        func t(_ key: String, _ args: String...) -> String { Messages.text(key, language, arguments: args) }
        var out = "\(t(d.effect == .permit ? "query.permit" : "query.deny")): \(d.reason)\n"
        // In Dutch the reason starts with the decision itself: written once, in capitals.
        for word in ["toegestaan", "geweigerd"] where language == .nl && d.reason.hasPrefix(word) {
            out = word.uppercased() + d.reason.dropFirst(word.count) + "\n"
        }
        if !d.decidedBy.isEmpty {
            let rules = d.decidedBy.map { id in
                table.rules.first { $0.id == id }?.title.map { "\(id) (\"\($0)\")" } ?? id
            }
            out += "  \(t("query.decidedBy")): \(rules.joined(separator: ", "))\n"
        }
        if !d.bases.isEmpty {
            let bases = d.bases.map { id in
                table.bases.first { $0.id == id }?.citation.map { "\(id) (\($0))" } ?? id
            }
            out += "  \(t("query.basis")): \(bases.joined(separator: ", "))\n"
        }
        for o in d.obligations {
            let text = table.obligations.first { $0.id == o.id }?.name.map { " \"\($0)\"" } ?? ""
            let timing = o.timing.map { ", " + DecisionTable.timingText($0, language) } ?? ""
            let actor = o.by == .sender ? "" : ", " + t("query.by", t("actor.\(o.by.rawValue)"))
            let state =
                o.waived
                ? ": " + t("query.waived", o.waivedBecause ?? "")
                : o.postponed ? ": " + t("query.postponed", o.postponedBecause ?? "") : ""
            out += "  \(t("query.obligation")) \(o.id)\(text)\(actor)\(timing)\(state)\n"
        }
        if !d.missingFacts.isEmpty {
            out += "  \(t("query.missingFacts")): \(d.missingFacts.joined(separator: ", "))\n"
        }
        return out
    }
}

enum ExplanationFormat {
    static func text(_ e: Explanation, _ table: DecisionTable, _ language: Language = .en) -> String {
        func t(_ key: String, _ args: String...) -> String { Messages.text(key, language, arguments: args) }
        var out = DecisionFormat.text(e.decision, table, language)
        for leaf in e.leaves {
            out += "\n\(t("explain.inScope", leaf.category))\n"
            if leaf.rules.isEmpty { out += "  \(t("explain.noneInScope"))\n" }
            for r in leaf.rules {
                let effect = t(r.effect == .permit ? "explain.permit" : "explain.forbid")
                var line = "  \(r.rule) (\(effect)): "
                if let condition = r.condition {
                    let values = r.factValues.map { "\($0.0) = \($0.1)" }.joined(separator: ", ")
                    line += t("explain.condition", condition, t("explain.\(r.outcome.rawValue)"), values)
                } else {
                    line += t("explain.noCondition")
                }
                line +=
                    "; "
                    + (r.applicable
                        ? (r.defeatedBy.map { t("explain.defeated", $0) } ?? t("explain.applies"))
                        : t("explain.doesNotApply"))
                out += line + "\n"
            }
        }
        if e.decision.effect == .deny {
            out += "\n"
            // The fixed facts the rules in scope ask about: the ones a reader might wonder about.
            let asked = Set(e.leaves.flatMap { $0.rules.flatMap { $0.factValues.map(\.0) } })
            let fixed = table.facts.filter { $0.fixed && asked.contains($0.id) }.map(\.id)
            let unchangeable = fixed.isEmpty ? "" : t("explain.fixed", Messages.list(fixed, language))
            if !e.decision.inForce {
                out += t("explain.notInForce", e.decision.at ?? "") + "\n"
            } else if e.counterfactuals.isEmpty {
                out +=
                    (e.searchComplete
                        ? t("explain.noChange") : t("explain.noSmallChange", String(Evaluator.maxChanges)))
                    + unchangeable + "\n"
            } else {
                for c in e.counterfactuals { out += c.sentence(language) + "\n" }
            }
        }
        return out
    }

    static func json(_ e: Explanation, _ language: Language = .en) -> JSONValue {
        .object([
            ("decision", e.decision.json),
            (
                "leaves",
                .array(
                    e.leaves.map { leaf in
                        .object([
                            ("category", .string(leaf.category)),
                            (
                                "rules",
                                .array(
                                    leaf.rules.map { r in
                                        .object([
                                            ("rule", .string(r.rule)),
                                            ("effect", .string(r.effect == .permit ? "permit" : "forbid")),
                                            ("condition", r.condition.map(JSONValue.string) ?? .null),
                                            ("outcome", .string(r.outcome.rawValue)),
                                            ("facts", .object(r.factValues.map { ($0.0, .string($0.1)) })),
                                            ("applicable", .bool(r.applicable)),
                                            ("defeatedBy", r.defeatedBy.map(JSONValue.string) ?? .null),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "counterfactuals",
                .array(
                    e.counterfactuals.map { c in
                        .object([
                            ("changes", .object(c.changes.map { ($0.0, .string($0.1)) })),
                            ("decidedBy", .array(c.decidedBy.map(JSONValue.string))),
                            ("text", .string(c.sentence(language))),
                        ])
                    })
            ),
            ("searchComplete", .bool(e.searchComplete)),
        ])
    }
}
