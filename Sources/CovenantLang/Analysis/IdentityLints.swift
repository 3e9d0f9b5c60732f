import CovenantEval

extension LintContext {
    // MARK: L222: content that travels without the identity it belongs to

    /// For each permit that shares what-information, searches (exactly, within the work bound)
    /// for a case — sender, recipient and purpose with fact values — in which the rule permits
    /// a what-leaf while no category of nature `identity` may go the same way. Only a covenant
    /// that declares an identity category is checked: the lint reads roles, never names.
    mutating func checkIdentityTravels(budget: Int) {
        let identityLeaves = GuaranteeProof.representatives(
            model.categories.indices.filter {
                model.categories[$0].children.isEmpty && model.categories[$0].nature == .identity
            },
            table.leafClass)
        guard !identityLeaves.isEmpty else { return }
        let analysis = RuleAnalysis(model: model, table: table, budget: budget, language: file.language)
        var budget = budget
        var scratch = DecisionScratch()
        for (r, rule) in model.rules.enumerated() where rule.effect == .permit {
            let whatLeaves = GuaranteeProof.representatives(
                rule.categories.flatMap { leavesBelow[$0] }.filter { model.categories[$0].nature == .what },
                table.leafClass)
            guard !whatLeaves.isEmpty else { continue }
            let scope = analysis.scopeClasses(r)
            var found: (witness: String, identity: Int, recipient: Int)?
            search: for s in scope.senders {
                for t in scope.recipients {
                    for p in scope.purposes {
                        for leaf in whatLeaves {
                            let candidates = analysis.candidates(s, t, leaf, p)
                            guard candidates.contains(r) else { continue }
                            let identityCandidates = identityLeaves.map { analysis.candidates(s, t, $0, p) }
                            let all = Array(Set(candidates + identityCandidates.flatMap { $0 }))
                            let choice = analysis.choices(all)
                            var product = 1
                            for (_, values) in choice {
                                product = min(product * values.count, RuleAnalysis.maxCombinationsPerCell + 1)
                            }
                            let cost = max(1, all.count)
                            budget -= cost
                            if product > RuleAnalysis.maxCombinationsPerCell || budget < 0 { return }
                            var facts = table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
                            var hit: [Int64]?
                            _ = RuleAnalysis.forEachCombination(choice, &facts) { values in
                                budget -= cost
                                if budget < 0 { return true }
                                var q = ResolvedQuery(
                                    sender: Int32(s), recipient: Int32(t), category: Int32(leaf), purpose: Int32(p),
                                    facts: values, date: analysis.day)
                                guard evaluator.decide(q, into: &scratch) == .permit,
                                    scratch.permits.contains(Int32(r))
                                else { return false }
                                for identity in identityLeaves {
                                    q.category = Int32(identity)
                                    if evaluator.decide(q, into: &scratch) == .permit { return false }
                                }
                                hit = values
                                return true
                            }
                            if budget < 0 { return }
                            if let hit {
                                found = (
                                    analysis.witness(s, t, leaf, p, hit, choice.map(\.0)), identityLeaves[0], t
                                )
                                break search
                            }
                        }
                    }
                }
            }
            if let found {
                let identity = model.categories[found.identity].id
                report(
                    .contentWithoutIdentity,
                    words("lint.L222", rule.id, model.parties[found.recipient].id, identity), at: rule.id,
                    witness: found.witness,
                    help: words("lint.L222.help", identity, kw(.share), "// covenant:allow L222"))
            }
        }
    }
}
