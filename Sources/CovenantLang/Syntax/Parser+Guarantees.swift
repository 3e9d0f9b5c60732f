extension Parser {
    // MARK: guarantee id "title" { never|always|whenever S -> R share C for P when X permitted oblige O }

    mutating func parseGuarantee(_ keyword: Token) -> GuaranteeDecl? {
        guard let id = parseDeclaredName(.guarantee) else { return nil }
        var guarantee = GuaranteeDecl(
            id: id, title: parseOptionalString(), mode: nil, senders: nil, recipients: nil, categories: nil,
            purposes: nil, condition: nil, obligations: nil, range: keyword.range.union(id.range))
        let errorsBefore = diagnostics.count
        let context = Block.guarantee(id.name)
        guarantee.range = parseBlock(
            context, opening: guarantee.range,
            clauses: [.never, .always, .whenever, .share, .for, .when, .ifPermitted]
        ) { p, clause, t in
            switch clause {
            case .never, .always, .whenever:
                if let m = guarantee.mode {
                    p.report(
                        Diagnostic(
                            .duplicateClause,
                            p.words("parser.effectTwice", p.kw(Self.keyword(m.value)), context.named(p.words)),
                            at: t.range, help: p.words("parser.guarantee.modeTwice.help")))
                }
                let mode: GuaranteeMode = clause == .never ? .never : clause == .always ? .always : .whenever
                var range = t.range
                // Dutch `telkens als`: the `als` is optional and belongs to the keyword.
                if mode == .whenever, p.language == .nl, p.token.kind == .word, p.token.text == "als" {
                    range = range.union(p.advance().range)
                }
                guarantee.mode = Located(value: mode, range: range)
                let word = p.words("parser.what.senders")
                guard let senders = p.parseTargets(word, p.after(t.text)) else { return }
                guarantee.senders = senders
                guard p.expect(.arrow, p.words("parser.betweenSendersAndRecipients")) != nil else { return }
                guarantee.recipients = p.parseTargets(p.words("parser.what.recipients"), p.after("->"))
            case .share:
                if guarantee.categories != nil { p.duplicateClause(t, context) }
                if p.at(.any) || p.atOther(.any) {
                    return p.fail(
                        expected: p.words("parser.what.category"), p.after(t.text),
                        help: p.words("parser.shareAny.help"))
                }
                guarantee.categories = p.parseNameList(p.words("parser.what.category"), p.after(t.text))
            case .for:
                if guarantee.purposes != nil { p.duplicateClause(t, context) }
                guarantee.purposes = p.parseTargets(p.words("parser.what.purpose"), p.after(t.text))
            case .when:
                if guarantee.condition != nil { p.duplicateClause(t, context) }
                guarantee.condition = p.parseWholeCondition(p.after(t.text))
            default:
                if guarantee.obligations != nil { p.duplicateClause(t, context) }
                guard p.eatEither(.oblige) != nil else {
                    return p.fail(
                        expected: "'\(p.kw(.oblige))'", p.after(t.text),
                        help: p.words("parser.guarantee.permittedOblige.help", p.kw(.whenever), t.text, p.kw(.oblige)))
                }
                guarantee.obligations = p.parseGuaranteedObligations()
            }
        }
        guarantee.recovered = diagnostics.count != errorsBefore || needsSync
        if !guarantee.recovered {
            if guarantee.mode == nil {
                report(
                    Diagnostic(
                        .missingClause,
                        words("parser.guarantee.noMode", kw(.never), kw(.always), kw(.whenever), context.named(words)),
                        at: id.range, help: words("parser.guarantee.noMode.help", kw(.never))))
            }
            if guarantee.categories == nil {
                missingClause(.share, in: context, at: id.range, help: words("parser.missingShare.help", kw(.share)))
            }
            if guarantee.purposes == nil {
                missingClause(
                    .for, in: context, at: id.range, help: words("parser.missingFor.help", kw(.for), kw(.any)))
            }
            if guarantee.mode?.value == .whenever, guarantee.obligations == nil {
                missingClause(
                    .ifPermitted, in: context, at: id.range,
                    help: words("parser.guarantee.wheneverNeedsOblige.help", kw(.ifPermitted), kw(.oblige)))
            }
            if let mode = guarantee.mode, mode.value != .whenever, let list = guarantee.obligations,
                let first = list.first
            {
                report(
                    Diagnostic(
                        .unknownClause,
                        words(
                            "parser.guarantee.obligeOnlyWhenever", kw(.ifPermitted), kw(.oblige),
                            kw(Self.keyword(mode.value)), kw(.whenever)),
                        at: first.range.union(list.last!.range),
                        help: words(
                            "parser.guarantee.obligeOnlyWhenever.help", kw(.whenever), kw(.ifPermitted), kw(.oblige))))
            }
        }
        return guarantee
    }

    static func keyword(_ mode: GuaranteeMode) -> Keyword {
        switch mode {
        case .never: .never
        case .always: .always
        case .whenever: .whenever
        }
    }

    /// `[actor] O [before|after|within D]`, comma-separated: what a guarantee requires. A
    /// waiver or postponement belongs to a rule, not to a promise about the rules.
    mutating func parseGuaranteedObligations() -> [GuaranteedObligation]? {
        var list: [GuaranteedObligation] = []
        repeat {
            let actor = parseActor()
            let context = after(actor.map { $0.value.spellings(language)[0] } ?? (list.isEmpty ? kw(.oblige) : ","))
            guard let id = parseName(words("parser.what.obligation"), context) else { return list }
            var use = GuaranteedObligation(
                actor: actor, id: id, timing: nil, range: actor.map { $0.range.union(id.range) } ?? id.range)
            if let t = eatEither(.before) {
                use.timing = Located(value: .before, range: t.range)
            } else if let t = eatEither(.after) {
                use.timing = Located(value: .after, range: t.range)
            } else if let t = eatEither(.within) {
                guard let duration = parseDuration(after(kw(.within))) else { return list }
                use.timing = Located(value: .within(duration), range: t.range.union(duration.range))
            }
            if at(.unless) || at(.postponed) {
                let t = token
                report(
                    Diagnostic(
                        .unknownClause, words("parser.guarantee.noWaiver", t.text), at: t.range,
                        help: words("parser.guarantee.noWaiver.help")))
                needsSync = true
                return list
            }
            use.range = use.range.union(previousRange)
            list.append(use)
        } while eat(.comma) != nil
        return list
    }
}
