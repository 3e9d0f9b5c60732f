import CovenantEval

extension RuleSentences {
    /// A guarantee as one sentence: "‘Wat-informatie’ wordt nooit door ‘GGZ’ aan ‘Politie’
    /// verstrekt voor ‘Handhaving’."
    /// `written` is the guarantee as the file writes it, so a group is named as a group.
    func promise(_ g: GuaranteeInfo, written: GuaranteeDecl?) -> String {
        let (subject, plural) = senders(written?.senders, g.senders)
        let what = say.list(categories(written?.categories, g.categories))
        let to = recipients(written?.recipients, g.recipients)
        let purposeText = purposes(written?.purposes, g.purposes, forbid: false)
        let condition = g.condition.map { say("render.rule.when", ConditionWords(sentences: self).text($0)) } ?? ""
        let verb = say(plural ? "render.promise.shares.many" : "render.promise.shares.one")
        switch g.mode {
        case .never: return say("render.promise.never", subject, what, to, purposeText, condition, verb)
        case .always: return say("render.promise.always", subject, what, to, purposeText, condition, verb)
        case .whenever:
            let duties = g.obligations.map { d -> String in
                var parts: [String] = []
                if let actor = d.actor { parts.append(say("render.actor.\(actor.rawValue)")) }
                if let timing = d.timing { parts.append(self.timing(timing)) }
                return obligation(d.obligation) + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
            }
            return say(
                duties.count == 1 ? "render.promise.whenever.one" : "render.promise.whenever.many", subject, what, to,
                purposeText, condition, say.list(duties),
                say(plural ? "render.promise.shares.many" : "render.promise.shares.one"))
        }
    }
}

extension Builder {
    /// The guarantees as the covenant's promises: those proved over every case, and apart from
    /// them, plainly, any the proof could not confirm.
    func promises() -> Block {
        let outcomes = GuaranteeProof.prove(model, input.table)
        var written: [String: GuaranteeDecl] = [:]
        for case .guarantee(let d) in input.syntax?.declarations ?? [] where written[d.id.name] == nil {
            written[d.id.name] = d
        }
        var blocks: [Block] = [.paragraph([.text(say("render.promises.intro"))])]
        func item(_ o: GuaranteeOutcome) -> [Span] {
            let g = model.guarantees[o.guarantee]
            return [
                .strong([.text(g.title ?? g.id)]), .text(": "), .text(sentences.promise(g, written: written[g.id])),
            ]
        }
        let proved = outcomes.filter { $0.status == .proved }
        if !proved.isEmpty { blocks.append(.list(proved.map(item), ordered: false)) }
        let open = outcomes.filter { $0.status != .proved }
        if !open.isEmpty {
            blocks.append(.heading(level: 3, [.text(say("render.promises.open"))], id: nil))
            blocks.append(
                .list(
                    open.map { o in
                        item(o) + [.text(" "), .emphasis([.text(say("render.promises.status.\(o.status.rawValue)"))])]
                    }, ordered: false))
        }
        return section("promises", say("render.promises"), blocks)
    }
}
