import CovenantEval

extension Resolver {
    // MARK: Guarantees

    /// Resolves each guarantee's scope, condition and obligations like a rule's. Whether it
    /// holds is the analysis's question (GuaranteeProof), asked only of a covenant without errors.
    mutating func checkGuarantees() {
        for d in guaranteeDecls {
            guard let mode = d.mode?.value else { continue }
            var info = GuaranteeInfo(
                id: d.id.name, title: d.title?.value, mode: mode, senders: .any, recipients: .any, categories: [],
                purposes: .any, condition: nil, obligations: [], range: d.range)
            if let s = d.senders { info.senders = resolveParties(s) }
            if let r = d.recipients { info.recipients = resolveParties(r) }
            info.categories = (d.categories ?? []).compactMap { lookup($0, as: [.category])?.index }
            if let p = d.purposes { info.purposes = resolvePurposes(p) }
            if let c = d.condition { info.condition = typedCondition(c) }
            for use in d.obligations ?? [] {
                if let o = lookup(use.id, as: [.obligation]) {
                    info.obligations.append(
                        GuaranteedDuty(obligation: o.index, actor: use.actor?.value, timing: use.timing?.value))
                }
            }
            model.guarantees.append(info)
        }
    }
}
