extension Parser {
    // MARK: rule id "title" [exception to other] { permit S -> R  share C  for P  when X  basis B  oblige O }

    mutating func parseRule(_ keyword: Token) -> RuleDecl? {
        guard let id = parseDeclaredName("rule") else { return nil }
        var rule = RuleDecl(id: id, title: parseOptionalString(), exceptionTo: nil, effect: nil, senders: nil,
                            recipients: nil, categories: nil, purposes: nil, condition: nil, bases: nil,
                            obligations: nil, range: keyword.range.union(id.range))
        if let exception = eat(.exception) {
            guard eat(.to) != nil else {
                fail(expected: "'\(kw(.to))'", "after '\(exception.text)'", help: "write '\(kw(.exception)) \(kw(.to)) <rule>'")
                return nil
            }
            guard let target = parseName("the rule it is an exception to", "after '\(kw(.exception)) \(kw(.to))'") else { return nil }
            rule.exceptionTo = target
        }
        let errorsBefore = diagnostics.count
        let context = "rule '\(id.name)'"
        rule.range = parseBlock(context, opening: rule.range, clauses: [.permit, .forbid, .share, .for, .when, .basis, .oblige]) { p, clause, t in
            switch clause {
            case .permit, .forbid:
                if let e = rule.effect {
                    p.report(Diagnostic(.duplicateClause, "the \(context) already says '\(p.kw(e.value == .permit ? .permit : .forbid))'", at: t.range,
                                        help: "a rule either permits or forbids; write a second rule for the other case"))
                }
                rule.effect = Located(value: clause == .permit ? .permit : .forbid, range: t.range)
                guard let senders = p.parseTargets("a sending party or group", "after '\(t.text)'") else { return }
                rule.senders = senders
                guard p.expect(.arrow, "between the senders and the recipients") != nil else { return }
                rule.recipients = p.parseTargets("a receiving party or group", "after '->'")
            case .share:
                if rule.categories != nil { p.duplicateClause(t, context) }
                if p.at(.any) {
                    return p.fail(expected: "a data category", "after '\(t.text)'",
                                  help: "name the categories; to share everything, name the root category (the proportionality lints will ask why)")
                }
                rule.categories = p.parseNameList("a data category", "after '\(t.text)'")
            case .for:
                if rule.purposes != nil { p.duplicateClause(t, context) }
                rule.purposes = p.parseTargets("a purpose", "after '\(t.text)'")
            case .when:
                if rule.condition != nil { p.duplicateClause(t, context) }
                rule.condition = p.parseWholeCondition("after '\(t.text)'")
            case .basis:
                if rule.bases != nil { p.duplicateClause(t, context) }
                rule.bases = p.parseNameList("a legal basis", "after '\(t.text)'")
            default:
                if rule.obligations != nil { p.duplicateClause(t, context) }
                rule.obligations = p.parseObligationUses(t)
            }
        }
        rule.recovered = diagnostics.count != errorsBefore || needsSync
        if !rule.recovered {
            if rule.effect == nil {
                report(Diagnostic(.missingClause, "the \(context) says neither '\(kw(.permit))' nor '\(kw(.forbid))'", at: id.range,
                                  help: "add for example '\(kw(.permit)) <senders> -> <recipients>'"))
            }
            if rule.categories == nil {
                missingClause(.share, in: context, at: id.range, help: "say which data categories it covers: '\(kw(.share)) <category>, ...'")
            }
            if rule.purposes == nil {
                missingClause(.for, in: context, at: id.range, help: "say for which purposes: '\(kw(.for)) <purpose>, ...' (or '\(kw(.for)) \(kw(.any))')")
            }
        }
        return rule
    }

    mutating func parseTargets(_ what: String, _ context: String) -> Targets? {
        if let any = eat(.any) { return .any(any.range) }
        return parseNameList(what, context).map(Targets.names)
    }

    mutating func parseObligationUses(_ keyword: Token) -> [ObligationUse]? {
        var uses: [ObligationUse] = []
        repeat {
            let actor = parseActor()
            guard let id = parseName("an obligation", actor.map { "after '\($0.value.spellings(language)[0])'" } ?? (uses.isEmpty ? "after '\(keyword.text)'" : "after ','")) else { return uses }
            var use = ObligationUse(actor: actor, id: id, timing: nil, unless: nil, range: actor.map { $0.range.union(id.range) } ?? id.range)
            if let t = eat(.before) {
                use.timing = Located(value: .before, range: t.range)
            } else if let t = eat(.after) {
                use.timing = Located(value: .after, range: t.range)
            } else if let t = eat(.within) {
                guard let duration = parseDuration("after '\(t.text)'") else { return uses }
                use.timing = Located(value: .within(duration), range: t.range.union(duration.range))
            }
            // `postponed while C` and `unless C`, each at most once, in either order.
            while true {
                if let t = eat(.postponed) {
                    if use.postponedWhile != nil { duplicateClause(t, "obligation '\(id.name)'") }
                    guard let w = eat(.while) else {
                        fail(expected: "'\(kw(.while))'", "after '\(t.text)'", help: "write '\(kw(.postponed)) \(kw(.while)) <condition>'")
                        return uses
                    }
                    guard let condition = parseWholeCondition("after '\(w.text)'") else { return uses }
                    use.postponedWhile = condition
                } else if let t = eat(.unless) {
                    if use.unless != nil { duplicateClause(t, "obligation '\(id.name)'") }
                    guard let condition = parseWholeCondition("after '\(t.text)'") else { return uses }
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
              !isKeyword(peek(1), .before), !isKeyword(peek(1), .after), !isKeyword(peek(1), .postponed) else { return nil }
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
        report(Diagnostic(.tooManyConditionFacts, "the condition has more than \(limits.maxConditionTerms) 'and'/'or' operators (limit maxConditionTerms = \(limits.maxConditionTerms)); split the rule", at: t.range))
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
            report(Diagnostic(.tooManyConditionFacts, "the condition mentions \(names.count) facts (limit maxConditionFacts = \(limits.maxConditionFacts)); split the rule, or group the facts into fewer", at: condition.range))
        }
    }

    mutating func parseCondition(_ context: String) -> Condition? {
        guard var left = parseConjunction(context) else { return nil }
        while let t = eat(.or) {
            guard countOperator(t) else { return nil }
            guard let right = parseConjunction("after '\(t.text)'") else { return nil }
            left = .or(left, right)
        }
        return left
    }

    mutating func parseConjunction(_ context: String) -> Condition? {
        guard var left = parseUnary(context) else { return nil }
        while let t = eat(.and) {
            guard countOperator(t) else { return nil }
            guard let right = parseUnary("after '\(t.text)'") else { return nil }
            left = .and(left, right)
        }
        return left
    }

    mutating func parseUnary(_ context: String) -> Condition? {
        depth += 1
        defer { depth -= 1 }
        if depth > limits.maxNestingDepth {
            report(Diagnostic(.nestingTooDeep, "this condition nests more than \(limits.maxNestingDepth) levels deep (limit maxNestingDepth = \(limits.maxNestingDepth))", at: token.range,
                              help: "write the condition more simply"))
            needsSync = true
            return nil
        }
        if let t = eat(.not) {
            guard let inner = parseUnary("after '\(t.text)'") else { return nil }
            return .not(inner, t.range.union(inner.range))
        }
        if eat(.lparen) != nil {
            guard let inner = parseCondition("after '('") else { return nil }
            guard expect(.rparen, "to close the '('") != nil else { return nil }
            return inner
        }
        guard let fact = parseName("a fact", context) else { return nil }
        if let op = comparisonOperator() {
            advance()
            guard let value = parseValue("after '\(op.rawValue)'") else { return nil }
            return .compare(fact, op, value, fact.range.union(value.range))
        }
        if at(.in) || (at(.not) && isKeyword(peek(1), .in)) {
            let negated = eat(.not) != nil
            advance()
            guard let values = parseValueSet() else { return nil }
            return .member(fact, values, negated: negated, fact.range.union(previousRange))
        }
        if at(.assign) {
            fail(expected: "'==' to compare", "", help: "'=' gives a fact a value in a query; a condition compares with '=='")
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
        guard expect(.lbrace, "after '\(kw(.in))' (a set such as {a, b})") != nil else { return nil }
        var values: [Value] = []
        repeat {
            guard let value = parseValue(values.isEmpty ? "in the set" : "after ','") else { return nil }
            values.append(value)
        } while eat(.comma) != nil
        guard expect(.rbrace, "to close the set") != nil else { return nil }
        return values
    }

    mutating func parseValue(_ context: String) -> Value? {
        if at(.integer) || at(.minus) {
            guard let (n, range) = parseInteger(context) else { return nil }
            return .integer(n, range)
        }
        guard token.kind == .word else {
            fail(expected: "a value", context)
            return nil
        }
        let t = advance()
        return .word(t.text, t.range)
    }

    // MARK: test "title" { query S -> R share C for P given f = v, ...  expect permit by r oblige o }

    mutating func parseTest(_ keyword: Token) -> TestDecl? {
        guard let title = eat(.string) else {
            fail(expected: "the test's title in quotes", "after '\(keyword.text)'")
            return nil
        }
        var test = TestDecl(title: StringLiteral(value: title.text, range: title.range), query: nil, expectation: nil, range: keyword.range)
        let errorsBefore = diagnostics.count
        let context = "test \"\(title.text)\""
        test.range = parseBlock(context, opening: keyword.range.union(title.range), clauses: [.query, .expect]) { p, clause, t in
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
                missingClause(.query, in: context, at: title.range, help: "add '\(kw(.query)) <sender> -> <recipient> \(kw(.share)) <category> \(kw(.for)) <purpose>'")
            }
            if test.expectation == nil {
                missingClause(.expect, in: context, at: title.range, help: "add '\(kw(.expect)) \(kw(.permitted))' or '\(kw(.expect)) \(kw(.denied))'")
            }
        }
        return test
    }

    /// `S -> R share C for P [given f = v, ...]`, shared by test blocks and `covenantc query`.
    mutating func parseQuery(_ keyword: Token?) -> QueryExpr? {
        let start = keyword?.range ?? token.range
        guard let sender = parseName("the sending party", keyword.map { "after '\($0.text)'" } ?? "") else { return nil }
        guard expect(.arrow, "after the sender") != nil else { return nil }
        guard let recipient = parseName("the receiving party", "after '->'") else { return nil }
        guard eat(.share) != nil else {
            fail(expected: "'\(kw(.share))'", "after the recipient")
            return nil
        }
        guard let category = parseName("a data category", "after '\(kw(.share))'") else { return nil }
        guard eat(.for) != nil else {
            fail(expected: "'\(kw(.for))'", "after the category")
            return nil
        }
        guard let purpose = parseName("a purpose", "after '\(kw(.for))'") else { return nil }
        var query = QueryExpr(sender: sender, recipient: recipient, category: category, purpose: purpose, facts: [], range: start.union(purpose.range))
        if let on = eat(.on) {
            guard let date = parseDate("after '\(on.text)'") else { return query }
            query.date = date
            query.range = query.range.union(date.range)
        }
        if let given = eat(.given) {
            repeat {
                guard let fact = parseName("a fact", query.facts.isEmpty ? "after '\(given.text)'" : "after ','") else { return query }
                guard expect(.assign, "after the fact (facts are given as 'fact = value')") != nil else { return query }
                guard let value = parseValue("after '='") else { return query }
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
            guard let id = parseName("an obligation", list.isEmpty ? "after '\(keyword.text)'" : "after ','") else { return list.isEmpty ? nil : list }
            list.append(ExpectedObligation(actor: actor, id: id))
        } while eat(.comma) != nil
        return list
    }

    mutating func parseExpectation(_ keyword: Token) -> Expectation? {
        let effect: Located<Effect>
        if let t = eat(.permitted) {
            effect = Located(value: .permit, range: t.range)
        } else if let t = eat(.denied) {
            effect = Located(value: .forbid, range: t.range)
        } else {
            fail(expected: "'\(kw(.permitted))' or '\(kw(.denied))'", "after '\(keyword.text)'")
            return nil
        }
        var expectation = Expectation(effect: effect, decidedBy: nil, obligations: nil, waived: nil, missing: nil, range: keyword.range.union(effect.range))
        let context = "expectation"
        while true {
            if let t = eat(.by) {
                if expectation.decidedBy != nil { duplicateClause(t, context) }
                expectation.decidedBy = parseNameList("a rule", "after '\(t.text)'")
            } else if let t = eat(.oblige) {
                if expectation.obligations != nil { duplicateClause(t, context) }
                expectation.obligations = parseExpectedObligations(t)
            } else if let t = eat(.waived) {
                if expectation.waived != nil { duplicateClause(t, context) }
                expectation.waived = parseExpectedObligations(t)
            } else if let t = eat(.postponed) {
                if expectation.postponed != nil { duplicateClause(t, context) }
                expectation.postponed = parseExpectedObligations(t)
            } else if let t = eat(.missing) {
                if expectation.missing != nil { duplicateClause(t, context) }
                expectation.missing = parseNameList("a fact", "after '\(t.text)'")
            } else {
                break
            }
            if needsSync { break }
        }
        expectation.range = expectation.range.union(previousRange)
        return expectation
    }
}
