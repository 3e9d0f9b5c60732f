import CovenantEval

extension LintContext {
    // MARK: Guarantees (G1xx)

    /// Proves the covenant's guarantees and reports each that does not hold (with the witness
    /// and the rules that decide it), each not proved within the bound, and each that promises nothing.
    mutating func checkGuarantees(budget: Int) {
        guard !model.guarantees.isEmpty else { return }
        for outcome in GuaranteeProof.prove(model, table, budget: budget, language: file.language) {
            let g = model.guarantees[outcome.guarantee]
            switch outcome.status {
            case .proved:
                continue
            case .refuted:
                let message: String
                switch g.mode {
                case .never: message = words("lint.G101.never", g.id)
                case .always:
                    message = words(outcome.deciding.isEmpty ? "lint.G101.always.noPermit" : "lint.G101.always", g.id)
                case .whenever:
                    let missing = outcome.missingDuties.map {
                        "'\(model.obligations[g.obligations[$0].obligation].id)'"
                    }
                    message = words(
                        missing.count == 1 ? "lint.G101.whenever.one" : "lint.G101.whenever.many", g.id,
                        missing.joined(separator: ", "))
                }
                let notes = outcome.deciding.map { r in
                    DiagnosticNote(words("lint.G101.decidedBy", model.rules[r].id), at: at(model.rules[r].id))
                }
                report(
                    .guaranteeRefuted, message, at: g.id, witness: outcome.witness, help: words("lint.G101.help"),
                    notes: notes)
            case .notProved:
                report(
                    .guaranteeNotProved,
                    words("lint.G102", g.id, "\(budget)", "\(GuaranteeProof.maxCombinationsPerCell)"), at: g.id,
                    help: words("lint.G102.help"))
            case .neverApplies:
                report(.guaranteeNeverApplies, words("lint.G103", g.id), at: g.id, help: words("lint.G103.help"))
            }
        }
    }
}
