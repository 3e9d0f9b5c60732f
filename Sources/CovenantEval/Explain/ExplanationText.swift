extension Decision {
    /// The decision as text for a person, in English or Dutch, with the titles, citations and
    /// names `table` gives its rules, bases and obligations: what `covenantc query` prints.
    public func text(_ table: DecisionTable, in language: Language = .en) -> String {
        let d = self
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

extension Explanation {
    /// The explanation as text for a person, in English or Dutch: the decision, every rule in
    /// scope per leaf with how its condition came out and what defeated it, and for a deny the
    /// smallest changes that would permit. What `covenantc explain` prints.
    public func text(_ table: DecisionTable, in language: Language = .en) -> String {
        let e = self
        func t(_ key: String, _ args: String...) -> String { Messages.text(key, language, arguments: args) }
        var out = e.decision.text(table, in: language)
        for leaf in e.leaves {
            out += "\n\(t("explain.inScope", leaf.category))\n"
            if leaf.rules.isEmpty { out += "  \(t("explain.noneInScope"))\n" }
            for r in leaf.rules {
                let effect = t(r.effect == .permit ? "explain.permit" : "explain.forbid")
                var line = "  \(r.rule) (\(effect)): "
                if let condition = r.condition {
                    let values = r.factValues.map { "\($0.fact) = \($0.value)" }.joined(separator: ", ")
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
            let asked = Set(e.leaves.flatMap { $0.rules.flatMap { $0.factValues.map(\.fact) } })
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

    /// The explanation as JSON (`covenantc explain --format json`).
    public func json(in language: Language = .en) -> JSONValue {
        let e = self
        return .object([
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
                                            ("facts", .object(r.factValues.map { ($0.fact, .string($0.value)) })),
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
                            ("changes", .object(c.changes.map { ($0.fact, .string($0.value)) })),
                            ("decidedBy", .array(c.decidedBy.map(JSONValue.string))),
                            ("text", .string(c.sentence(language))),
                        ])
                    })
            ),
            ("searchComplete", .bool(e.searchComplete)),
        ])
    }
}
