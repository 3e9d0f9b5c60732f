extension Parser {
    // MARK: rule id "title" [exception to other] { permit S -> R  share C  for P  when X  basis B  oblige O }

    mutating func parseRule(_ keyword: Token) -> RuleDecl? {
        guard let id = parseDeclaredName(.rule) else { return nil }
        var rule = RuleDecl(
            id: id, title: parseOptionalString(), exceptionTo: nil, effect: nil, senders: nil,
            recipients: nil, categories: nil, purposes: nil, condition: nil, bases: nil,
            obligations: nil, range: keyword.range.union(id.range))
        if eatEither(.exception) != nil {
            guard eatEither(.to) != nil else {
                fail(
                    expected: "'\(kw(.to))'", after(kw(.exception)),
                    help: words("parser.exceptionTo.help", kw(.exception), kw(.to)))
                return nil
            }
            guard let target = parseName(words("parser.what.exceptionTarget"), after("\(kw(.exception)) \(kw(.to))"))
            else { return nil }
            rule.exceptionTo = target
        }
        let errorsBefore = diagnostics.count
        let context = Block.rule(id.name)
        rule.range = parseBlock(
            context, opening: rule.range, clauses: [.permit, .forbid, .share, .for, .when, .basis, .oblige]
        ) { p, clause, t in
            switch clause {
            case .permit, .forbid:
                if let e = rule.effect {
                    p.report(
                        Diagnostic(
                            .duplicateClause,
                            p.words(
                                "parser.effectTwice", p.kw(e.value == .permit ? .permit : .forbid),
                                context.named(p.words)),
                            at: t.range, help: p.words("parser.effectTwice.help")))
                }
                rule.effect = Located(value: clause == .permit ? .permit : .forbid, range: t.range)
                guard let senders = p.parseTargets(p.words("parser.what.senders"), p.after(t.text)) else { return }
                rule.senders = senders
                guard p.expect(.arrow, p.words("parser.betweenSendersAndRecipients")) != nil else { return }
                rule.recipients = p.parseTargets(p.words("parser.what.recipients"), p.after("->"))
            case .share:
                if rule.categories != nil { p.duplicateClause(t, context) }
                if p.at(.any) || p.atOther(.any) {
                    return p.fail(
                        expected: p.words("parser.what.category"), p.after(t.text),
                        help: p.words("parser.shareAny.help"))
                }
                rule.categories = p.parseNameList(p.words("parser.what.category"), p.after(t.text))
            case .for:
                if rule.purposes != nil { p.duplicateClause(t, context) }
                rule.purposes = p.parseTargets(p.words("parser.what.purpose"), p.after(t.text))
            case .when:
                if rule.condition != nil { p.duplicateClause(t, context) }
                rule.condition = p.parseWholeCondition(p.after(t.text))
            case .basis:
                if rule.bases != nil { p.duplicateClause(t, context) }
                rule.bases = p.parseNameList(p.words("parser.what.basis"), p.after(t.text))
            default:
                if rule.obligations != nil { p.duplicateClause(t, context) }
                rule.obligations = p.parseObligationUses(t)
            }
        }
        rule.recovered = diagnostics.count != errorsBefore || needsSync
        if !rule.recovered {
            if rule.effect == nil {
                report(
                    Diagnostic(
                        .missingClause, words("parser.noEffect", kw(.permit), kw(.forbid), context.named(words)),
                        at: id.range, help: words("parser.noEffect.help", kw(.permit))))
            }
            if rule.categories == nil {
                missingClause(.share, in: context, at: id.range, help: words("parser.missingShare.help", kw(.share)))
            }
            if rule.purposes == nil {
                missingClause(
                    .for, in: context, at: id.range, help: words("parser.missingFor.help", kw(.for), kw(.any)))
            }
        }
        return rule
    }

    mutating func parseTargets(_ what: String, _ context: String) -> Targets? {
        if let any = eatEither(.any) { return .any(any.range) }
        return parseNameList(what, context).map(Targets.names)
    }

    mutating func parseObligationUses(_ keyword: Token) -> [ObligationUse]? {
        var uses: [ObligationUse] = []
        repeat {
            let actor = parseActor()
            let context = after(actor.map { $0.value.spellings(language)[0] } ?? (uses.isEmpty ? keyword.text : ","))
            guard let id = parseName(words("parser.what.obligation"), context) else { return uses }
            var use = ObligationUse(
                actor: actor, id: id, timing: nil, unless: nil,
                range: actor.map { $0.range.union(id.range) } ?? id.range)
            if let t = eatEither(.before) {
                use.timing = Located(value: .before, range: t.range)
            } else if let t = eatEither(.after) {
                use.timing = Located(value: .after, range: t.range)
            } else if let t = eatEither(.within) {
                guard let duration = parseDuration(after(kw(.within))) else { return uses }
                use.timing = Located(value: .within(duration), range: t.range.union(duration.range))
            }
            // `postponed while C` and `unless C`, each at most once, in either order.
            while true {
                if let t = eatEither(.postponed) {
                    if use.postponedWhile != nil { duplicateClause(t, .obligation(id.name)) }
                    guard eatEither(.while) != nil else {
                        fail(
                            expected: "'\(kw(.while))'", after(kw(.postponed)),
                            help: words("parser.postponedWhile.help", kw(.postponed), kw(.while)))
                        return uses
                    }
                    guard let condition = parseWholeCondition(after(kw(.while))) else { return uses }
                    use.postponedWhile = condition
                } else if let t = eatEither(.unless) {
                    if use.unless != nil { duplicateClause(t, .obligation(id.name)) }
                    guard let condition = parseWholeCondition(after(kw(.unless))) else { return uses }
                    use.unless = condition
                } else {
                    break
                }
            }
            use.range = use.range.union(previousRange)
            uses.append(use)
        } while eat(.comma) != nil
        return uses
    }

    /// `sender`/`recipient`/`controller` before an obligation's name (version 2): only when a
    /// name follows, so an obligation may itself be called `recipient`.
    mutating func parseActor() -> Located<Actor>? {
        guard token.kind == .word, let actor = Actor.named(token.text, in: language),
            peek(1).kind == .word, Keyword.reservedWords[peek(1).text] == nil,
            ![Keyword.before, .after, .postponed].contains(where: { inEither(peek(1), $0) })
        else { return nil }
        let t = advance()
        return Located(value: actor, range: t.range)
    }

    // MARK: Conditions: or > and > not > comparison

    /// A `when` or `unless` condition within the limits on its size: at most
    /// `maxConditionTerms` `and`/`or` operators (deeper trees would exhaust the stack of every
    /// stage that walks them) and `maxConditionFacts` distinct facts.
    mutating func parseWholeCondition(_ context: String) -> Condition? {
        conditionOperators = 0
        guard let condition = parseCondition(context) else { return nil }
        checkFactCount(condition)
        return condition
    }

    /// Counts one `and`/`or`; past the limit, reports it once and stops the condition.
    mutating func countOperator(_ t: Token) -> Bool {
        conditionOperators += 1
        guard conditionOperators > limits.maxConditionTerms else { return true }
        report(
            Diagnostic(
                .tooManyConditionFacts,
                words("parser.tooManyOperators", "\(limits.maxConditionTerms)", kw(.and), kw(.or)), at: t.range))
        // The rest of the condition is not read: on to the next clause of the rule or use.
        let clauses: [Keyword] = [.basis, .oblige, .share, .for, .when, .permit, .forbid, .before, .after, .within]
        skip { parser in parser.atDeclarationStart() || clauses.contains { parser.at($0) } || parser.at(.comma) }
        return false
    }

    /// Reports a condition that mentions more distinct facts than `maxConditionFacts`.
    mutating func checkFactCount(_ condition: Condition) {
        var names = Set<String>()
        func walk(_ c: Condition) {
            switch c {
            case .fact(let id), .compare(let id, _, _, _), .member(let id, _, _, _): names.insert(id.name)
            case .not(let a, _): walk(a)
            case .and(let a, let b), .or(let a, let b): walk(a); walk(b)
            }
        }
        walk(condition)
        if names.count > limits.maxConditionFacts {
            let count = "\(names.count)", limit = "\(limits.maxConditionFacts)"
            let message =
                names.count == 1
                ? words("parser.tooManyFacts.one", count, limit) : words("parser.tooManyFacts.many", count, limit)
            report(Diagnostic(.tooManyConditionFacts, message, at: condition.range))
        }
    }

    mutating func parseCondition(_ context: String) -> Condition? {
        guard var left = parseConjunction(context) else { return nil }
        while let t = eatEither(.or) {
            guard countOperator(t) else { return nil }
            guard let right = parseConjunction(after(kw(.or))) else { return nil }
            left = .or(left, right)
        }
        return left
    }

    mutating func parseConjunction(_ context: String) -> Condition? {
        guard var left = parseUnary(context) else { return nil }
        while let t = eatEither(.and) {
            guard countOperator(t) else { return nil }
            guard let right = parseUnary(after(kw(.and))) else { return nil }
            left = .and(left, right)
        }
        return left
    }

    mutating func parseUnary(_ context: String) -> Condition? {
        depth += 1
        defer { depth -= 1 }
        if depth > limits.maxNestingDepth {
            report(
                Diagnostic(
                    .nestingTooDeep, words("parser.conditionTooDeep", "\(limits.maxNestingDepth)"), at: token.range,
                    help: words("parser.conditionTooDeep.help")))
            needsSync = true
            return nil
        }
        if let t = eatEither(.not) {
            guard let inner = parseUnary(after(kw(.not))) else { return nil }
            return .not(inner, t.range.union(inner.range))
        }
        if eat(.lparen) != nil {
            guard let inner = parseCondition(after("(")) else { return nil }
            guard expect(.rparen, words("parser.toCloseParenthesis")) != nil else { return nil }
            return inner
        }
        guard let fact = parseName(words("parser.what.fact"), context) else { return nil }
        if let op = comparisonOperator() {
            advance()
            guard let value = parseValue(after(op.rawValue)) else { return nil }
            return .compare(fact, op, value, fact.range.union(value.range))
        }
        if at(.in) || ((at(.not) || atOther(.not)) && isKeyword(peek(1), .in)) {
            let negated = eatEither(.not) != nil
            advance()
            guard let values = parseValueSet() else { return nil }
            return .member(fact, values, negated: negated, fact.range.union(previousRange))
        }
        if at(.assign) {
            fail(expected: words("parser.what.compare"), "", help: words("parser.assignInCondition.help"))
            return nil
        }
        return .fact(fact)
    }

    func comparisonOperator() -> ComparisonOperator? {
        switch token.kind {
        case .eq: .eq
        case .ne: .ne
        case .lt: .lt
        case .le: .le
        case .gt: .gt
        case .ge: .ge
        default: nil
        }
    }

    mutating func parseValueSet() -> [Value]? {
        guard expect(.lbrace, words("parser.afterIn", kw(.in))) != nil else { return nil }
        var values: [Value] = []
        repeat {
            guard let value = parseValue(values.isEmpty ? words("parser.inSet") : after(",")) else { return nil }
            values.append(value)
        } while eat(.comma) != nil
        guard expect(.rbrace, words("parser.toCloseSet")) != nil else { return nil }
        return values
    }

    mutating func parseValue(_ context: String) -> Value? {
        if at(.integer) || at(.minus) {
            guard let (n, range) = parseInteger(context) else { return nil }
            return .integer(n, range)
        }
        guard token.kind == .word else {
            fail(expected: words("parser.what.value"), context)
            return nil
        }
        let t = advance()
        return .word(t.text, t.range)
    }

    // MARK: test "title" { query S -> R share C for P given f = v, ...  expect permit by r oblige o }

    mutating func parseTest(_ keyword: Token) -> TestDecl? {
        guard let title = eat(.string) else {
            fail(expected: words("parser.what.testTitle"), after(keyword.text))
            return nil
        }
        var test = TestDecl(
            title: StringLiteral(value: title.text, range: title.range), query: nil, expectation: nil,
            range: keyword.range)
        let errorsBefore = diagnostics.count
        let context = Block.test(title.text)
        test.range = parseBlock(context, opening: keyword.range.union(title.range), clauses: [.query, .expect]) {
            p, clause, t in
            if clause == .query {
                if test.query != nil { p.duplicateClause(t, context) }
                test.query = p.parseQuery(t)
            } else {
                if test.expectation != nil { p.duplicateClause(t, context) }
                test.expectation = p.parseExpectation(t)
            }
        }
        if diagnostics.count == errorsBefore, !needsSync {
            if test.query == nil {
                missingClause(
                    .query, in: context, at: title.range,
                    help: words("parser.missingQuery.help", kw(.query), kw(.share), kw(.for)))
            }
            if test.expectation == nil {
                missingClause(
                    .expect, in: context, at: title.range,
                    help: words("parser.missingExpect.help", kw(.expect), kw(.permitted), kw(.denied)))
            }
        }
        return test
    }

    /// `S -> R share C for P [given f = v, ...]`, shared by test blocks and `covenantc query`.
    mutating func parseQuery(_ keyword: Token?) -> QueryExpr? {
        let start = keyword?.range ?? token.range
        guard let sender = parseName(words("parser.what.sender"), keyword.map { after($0.text) } ?? "") else {
            return nil
        }
        guard expect(.arrow, words("parser.afterSender")) != nil else { return nil }
        guard let recipient = parseName(words("parser.what.recipient"), after("->")) else { return nil }
        guard eatEither(.share) != nil else {
            fail(expected: "'\(kw(.share))'", words("parser.afterRecipient"))
            return nil
        }
        guard let category = parseName(words("parser.what.category"), after(kw(.share))) else { return nil }
        guard eatEither(.for) != nil else {
            fail(expected: "'\(kw(.for))'", words("parser.afterCategory"))
            return nil
        }
        guard let purpose = parseName(words("parser.what.purpose"), after(kw(.for))) else { return nil }
        var query = QueryExpr(
            sender: sender, recipient: recipient, category: category, purpose: purpose, facts: [],
            range: start.union(purpose.range))
        if eatEither(.on) != nil {
            guard let date = parseDate(after(kw(.on))) else { return query }
            query.date = date
            query.range = query.range.union(date.range)
        }
        if eatEither(.given) != nil {
            repeat {
                guard let fact = parseName(words("parser.what.fact"), after(query.facts.isEmpty ? kw(.given) : ","))
                else { return query }
                guard expect(.assign, words("parser.afterGivenFact")) != nil else { return query }
                guard let value = parseValue(after("=")) else { return query }
                query.facts.append(FactAssignment(fact: fact, value: value, range: fact.range.union(value.range)))
            } while eat(.comma) != nil
            query.range = query.range.union(previousRange)
        }
        return query
    }

    /// `[actor] obligation {, [actor] obligation}` in an expectation.
    mutating func parseExpectedObligations(_ keyword: Token) -> [ExpectedObligation]? {
        var list: [ExpectedObligation] = []
        repeat {
            let actor = parseActor()
            guard let id = parseName(words("parser.what.obligation"), after(list.isEmpty ? keyword.text : ",")) else {
                return list.isEmpty ? nil : list
            }
            list.append(ExpectedObligation(actor: actor, id: id))
        } while eat(.comma) != nil
        return list
    }

    mutating func parseExpectation(_ keyword: Token) -> Expectation? {
        let effect: Located<Effect>
        if let t = eatEither(.permitted) {
            effect = Located(value: .permit, range: t.range)
        } else if let t = eatEither(.denied) {
            effect = Located(value: .forbid, range: t.range)
        } else {
            fail(expected: words("parser.eitherOr", kw(.permitted), kw(.denied)), after(keyword.text))
            return nil
        }
        var expectation = Expectation(
            effect: effect, decidedBy: nil, obligations: nil, waived: nil, missing: nil,
            range: keyword.range.union(effect.range))
        let context = Block.expectation
        while true {
            if let t = eatEither(.by) {
                if expectation.decidedBy != nil { duplicateClause(t, context) }
                expectation.decidedBy = parseNameList(words("parser.what.rule"), after(kw(.by)))
            } else if let t = eatEither(.oblige) {
                if expectation.obligations != nil { duplicateClause(t, context) }
                expectation.obligations = parseExpectedObligations(t)
            } else if let t = eatEither(.waived) {
                if expectation.waived != nil { duplicateClause(t, context) }
                expectation.waived = parseExpectedObligations(t)
            } else if let t = eatEither(.postponed) {
                if expectation.postponed != nil { duplicateClause(t, context) }
                expectation.postponed = parseExpectedObligations(t)
            } else if let t = eatEither(.missing) {
                if expectation.missing != nil { duplicateClause(t, context) }
                expectation.missing = parseNameList(words("parser.what.fact"), after(kw(.missing)))
            } else {
                break
            }
            if needsSync { break }
        }
        expectation.range = expectation.range.union(previousRange)
        return expectation
    }
}
