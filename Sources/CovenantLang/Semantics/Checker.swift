/// Type checking and the semantic rules of a covenant, after name collection: fact types and
/// defaults, conditions, rules (scope, basis, exceptions), the header, and test blocks.
/// Produces the `CovenantModel` when the file has no errors.
public enum Checker {
    public struct Result: Sendable {
        /// Nil when the file has errors.
        public var model: CovenantModel?
        public var diagnostics: [Diagnostic]
    }

    public static func check(_ file: CovenantFile) -> Result {
        var r = Resolver(file: file)
        r.collect()
        r.resolveGroups()
        r.checkFacts()
        r.checkParties()
        r.checkHeader()
        r.checkRules()
        r.checkExceptions()
        r.checkTests()
        r.model.deriveIndexes()
        r.recordReferences()
        let model = r.diagnostics.hasErrors ? nil : r.model
        return Result(model: model, diagnostics: r.diagnostics)
    }
}

extension Resolver {
    /// Where each name is declared, and which groups are named anywhere: kept in the model.
    mutating func recordReferences() {
        model.declarationRanges = symbols.mapValues(\.range)
        var referenced = Set<Int>()
        func note(_ names: [Identifier]) {
            for n in names { if let s = symbols[n.name], s.kind == .group { referenced.insert(s.index) } }
        }
        for d in groupDecls { note(d.members) }
        for d in partyDecls { note(d.regime?.recipients ?? []) }
        for d in ruleDecls {
            for t in [d.senders, d.recipients] { if case .names(let n)? = t { note(n) } }
        }
        model.referencedGroups = referenced
    }

    // MARK: Facts

    mutating func checkFacts() {
        for (i, d) in factDecls.enumerated() {
            switch d.type.value {
            case .bool:
                model.facts[i].type = .bool
            case .int(let low, let high):
                if low > high {
                    report(Diagnostic(.emptyRange, "the range \(low)..\(high) is empty: \(low) is greater than \(high)", at: d.type.range,
                                      help: "write the lower bound first: \(high)..\(low)", fix: FixIt(range: d.type.range, replacement: "int \(high)..\(low)")))
                }
                model.facts[i].type = .int(low: low, high: high)
            case .enumeration(let values):
                var seen: [String: SourceRange] = [:]
                for v in values {
                    if let first = seen[v.name] {
                        report(Diagnostic(.duplicateEnumValue, "the value '\(v.name)' is listed twice", at: v.range,
                                          notes: [DiagnosticNote("first listed here", at: first)]))
                    } else {
                        seen[v.name] = v.range
                    }
                }
                model.facts[i].type = .enumeration(values.map(\.name))
            }
            if let value = d.defaultValue {
                model.facts[i].defaultValue = typedValue(value, forFact: i)
            }
            if let role = d.role { checkRole(role, forFact: i) }
            if d.fixed != nil { model.facts[i].fixed = true }
        }
    }

    /// A fact role fits the fact's type: consent on a yes/no or enumeration fact (with its
    /// valid values), age on a number, representative on a yes/no fact.
    mutating func checkRole(_ role: FactRoleDecl, forFact f: Int) {
        let fact = model.facts[f]
        let word = role.role.value.spellings(language)[0]
        func mismatch(_ needs: String, help: String) {
            report(Diagnostic(.roleTypeMismatch, "the role '\(word)' needs \(needs), but '\(fact.id)' is \(describeType(fact.type))",
                              at: role.role.range, notes: [DiagnosticNote("the type of '\(fact.id)'", at: factDecls[f].type.range)], help: help))
        }
        switch role.role.value {
        case .consent:
            switch fact.type {
            case .int:
                mismatch("a yes/no fact or a list of values", help: "declare consent as \(boolWord(true))/\(boolWord(false)) ('\(Keyword.bool.spellings(language)[0])') or as values such as 'specific | general | none'")
            case .bool:
                let valid = role.valid.map { $0.compactMap { typedValue($0, forFact: f) } } ?? [.bool(true)]
                model.facts[f].role = .consent(valid: valid)
            case .enumeration(let values):
                guard let listed = role.valid else {
                    report(Diagnostic(.consentValues, "the consent fact '\(fact.id)' does not say which of its values are valid consent",
                                      at: role.range, help: "add '\(Keyword.valid.spellings(language)[0]) <value>, ...' with the values that are specific, valid consent (of: \(values.joined(separator: ", ")))"))
                    return
                }
                var valid: [FactValue] = []
                for v in listed { if let typed = typedValue(v, forFact: f), !valid.contains(typed) { valid.append(typed) } }
                model.facts[f].role = .consent(valid: valid)
            }
        case .age:
            guard case .int = fact.type else {
                return mismatch("a number of years ('\(Keyword.int.spellings(language)[0]) 0..130')", help: "declare the age as '\(Keyword.int.spellings(language)[0]) 0..130'")
            }
            model.facts[f].role = .age
            model.facts[f].fixed = true
        case .representative:
            guard case .bool = fact.type else {
                return mismatch("a yes/no fact", help: "declare it as '\(Keyword.bool.spellings(language)[0])': the representative consents or does not")
            }
            model.facts[f].role = .representative
        }
        if role.role.value != .consent, let valid = role.valid, let first = valid.first {
            report(Diagnostic(.consentValues, "'\(Keyword.valid.spellings(language)[0])' lists the values that are valid consent, so it belongs only to the role '\(FactRole.consent.spellings(language)[0])'",
                              at: first.range.union(valid.last!.range), help: "remove the '\(Keyword.valid.spellings(language)[0])' list"))
        }
    }

    func describeType(_ type: ResolvedFactType) -> String {
        switch type {
        case .bool: "a yes/no fact"
        case .int(let low, let high): "a number (\(low)..\(high))"
        case .enumeration: "a list of values"
        }
    }

    /// Where a name is declared: the identifier itself, for short notes.
    func declaredAt(_ name: String) -> SourceRange? { symbols[name]?.range }

    /// The spelling of `true`/`false` in this file.
    func boolWord(_ b: Bool) -> String { (b ? Keyword.true : Keyword.false).spellings(language)[0] }

    /// Checks a value against a fact's type; reports and returns nil when it does not fit.
    mutating func typedValue(_ value: Value, forFact f: Int) -> FactValue? {
        let fact = model.facts[f]
        switch (fact.type, value) {
        case (.bool, .word(let w, _)) where Keyword.true.spellings(language).contains(w): return .bool(true)
        case (.bool, .word(let w, _)) where Keyword.false.spellings(language).contains(w): return .bool(false)
        case (.bool, _):
            report(Diagnostic(.typeMismatch, "'\(fact.id)' is a yes/no fact, so its value is \(boolWord(true)) or \(boolWord(false)), not '\(value.text)'",
                              at: value.range, help: "write \(boolWord(true)) or \(boolWord(false))"))
            return nil
        case (.int(let low, let high), .integer(let n, _)):
            if n < low || n > high {
                report(Diagnostic(.valueOutOfRange, "\(n) is outside the range of '\(fact.id)' (\(low)..\(high))", at: value.range,
                                  notes: [DiagnosticNote("'\(fact.id)' is declared here", at: declaredAt(fact.id) ?? fact.range)],
                                  help: "use a number from \(low) to \(high), or widen the fact's range"))
                return nil
            }
            return .int(n)
        case (.int(let low, let high), .word):
            report(Diagnostic(.typeMismatch, "'\(fact.id)' is a number (\(low)..\(high)), not '\(value.text)'", at: value.range,
                              help: "write a number from \(low) to \(high)"))
            return nil
        case (.enumeration(let values), .word(let w, let range)):
            if let index = values.firstIndex(of: w) { return .enumeration(index) }
            let near = Suggestions.closest(to: w, among: values)
            report(Diagnostic(.unknownEnumValue, "'\(w)' is not a value of '\(fact.id)'", at: range,
                              notes: [DiagnosticNote("'\(fact.id)' is declared here", at: declaredAt(fact.id) ?? fact.range)],
                              help: (near.map { "did you mean '\($0)'? " } ?? "") + "the values of '\(fact.id)' are: \(values.joined(separator: ", "))",
                              fix: near.map { FixIt(range: range, replacement: $0) }))
            return nil
        case (.enumeration(let values), .integer):
            report(Diagnostic(.typeMismatch, "'\(fact.id)' takes one of its listed values, not a number", at: value.range,
                              help: "the values of '\(fact.id)' are: \(values.joined(separator: ", "))"))
            return nil
        }
    }

    // MARK: Conditions

    mutating func typedCondition(_ condition: Condition) -> TypedCondition? {
        switch condition {
        case .fact(let id):
            guard let f = lookup(id, as: [.fact])?.index else { return nil }
            switch model.facts[f].type {
            case .bool: return .truth(fact: f)
            case .int(let low, let high):
                report(Diagnostic(.typeMismatch, "'\(id.name)' is a number (\(low)..\(high)), not a yes/no fact, so it cannot stand alone as a condition",
                                  at: id.range, help: "compare it, for example '\(id.name) >= \(max(low, min(high, 16)))'"))
            case .enumeration(let values):
                report(Diagnostic(.typeMismatch, "'\(id.name)' takes one of several values, not yes/no, so it cannot stand alone as a condition",
                                  at: id.range, help: "compare it, for example '\(id.name) == \(values.first ?? "value")'"))
            }
            return nil
        case .compare(let id, let op, let value, _):
            guard let f = lookup(id, as: [.fact])?.index else { return nil }
            if op != .eq, op != .ne {
                switch model.facts[f].type {
                case .bool:
                    report(Diagnostic(.typeMismatch, "'\(op.rawValue)' orders numbers, but '\(id.name)' is a yes/no fact", at: id.range.union(value.range),
                                      help: "use '==' or '!='"))
                    return nil
                case .enumeration:
                    report(Diagnostic(.typeMismatch, "'\(op.rawValue)' orders numbers, but the values of '\(id.name)' have no order", at: id.range.union(value.range),
                                      help: "use '==', '!=' or 'in {...}'"))
                    return nil
                case .int: break
                }
            }
            guard let typed = typedValue(value, forFact: f) else { return nil }
            return .compare(fact: f, op, typed)
        case .member(let id, let values, let negated, _):
            guard let f = lookup(id, as: [.fact])?.index else { return nil }
            var typed: [FactValue] = []
            var ok = true
            for v in values {
                if let t = typedValue(v, forFact: f) { typed.append(t) } else { ok = false }
            }
            return ok ? .member(fact: f, typed, negated: negated) : nil
        case .not(let inner, _):
            return typedCondition(inner).map(TypedCondition.not)
        case .and(let a, let b):
            let (x, y) = (typedCondition(a), typedCondition(b))
            guard let x, let y else { return nil }
            return .and(x, y)
        case .or(let a, let b):
            let (x, y) = (typedCondition(a), typedCondition(b))
            guard let x, let y else { return nil }
            return .or(x, y)
        }
    }

    // MARK: Parties and the header

    mutating func checkParties() {
        for (i, d) in partyDecls.enumerated() {
            if let regime = d.regime {
                model.parties[i].regimePurposes = regime.purposes.compactMap { lookup($0, as: [.purpose])?.index }
                if let to = regime.recipients {
                    var parties = Set<Int>()
                    for name in to {
                        guard let symbol = lookup(name, as: [.party, .group]) else { continue }
                        if symbol.kind == .party { parties.insert(symbol.index) } else { parties.formUnion(model.groups[symbol.index].parties) }
                    }
                    model.parties[i].regimeRecipients = parties.sorted()
                }
            }
            if let a = d.actsFor, let p = lookup(a, as: [.party], help: "name the party whose task it does, for example the college")?.index {
                model.parties[i].actsFor = p
            }
            if let a = d.processorFor, let p = lookup(a, as: [.party], help: "name the party it processes for, for example the college")?.index {
                if p == i {
                    report(Diagnostic(.processorForItself, "party '\(d.id.name)' is named as a processor for itself", at: a.range,
                                      help: "a processor processes on behalf of another party: name that party"))
                } else if let acts = d.actsFor {
                    report(Diagnostic(.processorForItself, "party '\(d.id.name)' both acts for '\(acts.name)' and processes for '\(a.name)'", at: a.range,
                                      notes: [DiagnosticNote("'\(Keyword.acts.spellings(language)[0])' is here", at: acts.range)],
                                      help: "a party under mandate does the controller's own task; a processor works under a processor agreement: keep the one that is true"))
                } else {
                    model.parties[i].processorFor = p
                }
            }
        }
        checkMandateCycles()
    }

    /// `acts for` and `processor for` links may not loop back (a acts for b, b acts for a).
    mutating func checkMandateCycles() {
        let next = model.parties.map { $0.actsFor ?? $0.processorFor }
        var state = [UInt8](repeating: 0, count: next.count)  // 0 new, 1 on the current walk, 2 done
        for start in next.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let c = current, state[c] == 0 {
                state[c] = 1
                path.append(c)
                current = next[c]
            }
            if let c = current, state[c] == 1, let at = path.firstIndex(of: c) {
                let loop = Array(path[at...])
                let names = (loop + [loop[0]]).map { model.parties[$0].id }
                let first = loop.min()!
                let link = partyDecls[first].actsFor ?? partyDecls[first].processorFor
                report(Diagnostic(.mandateCycle, loop.count == 1 ? "party '\(names[0])' acts for itself"
                                    : "parties act for each other in a cycle: \(names.joined(separator: " -> "))",
                                  at: link?.range ?? partyDecls[first].id.range,
                                  help: "a mandate runs from a party to the one responsible for the task, never back: remove one of these links"))
                for p in loop { model.parties[p].actsFor = nil; model.parties[p].processorFor = nil }
            }
            for p in path { state[p] = 2 }
        }
    }

    mutating func checkHeader() {
        guard let header = file.header else { return }
        for controller in header.controllers ?? [] {
            if let symbol = symbols[controller.name] {
                if symbol.kind == .party {
                    if model.controllers.contains(symbol.index) {
                        report(Diagnostic(.duplicateController, "'\(controller.name)' is named twice as controller", at: controller.range,
                                          help: "name each controller once"))
                    } else {
                        model.controllers.append(symbol.index)
                    }
                } else {
                    report(Diagnostic(.controllerNotAParty, "a controller must be a party, but '\(controller.name)' is \(symbol.kind.withArticle)",
                                      at: controller.range, notes: [DiagnosticNote("'\(controller.name)' is declared here", at: symbol.range)],
                                      help: "name the party that is responsible, for example the college"))
                }
            } else {
                _ = lookup(controller, as: [.party])
            }
        }
        guard let validity = header.validity else { return }
        let from = checkDate(validity.from)
        if let untilLiteral = validity.until, let until = checkDate(untilLiteral), let from, until < from {
            report(Diagnostic(.validityReversed, "the validity period ends (\(untilLiteral.text)) before it starts (\(validity.from.text))",
                              at: untilLiteral.range, help: "swap the dates, or correct the year"))
        }
    }

    /// Checks a date exists; returns it as a comparable number YYYYMMDD.
    mutating func checkDate(_ date: DateLiteral) -> Int? {
        guard let (y, m, d) = date.components else { return nil }  // malformed: the lexer reported it
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(m) else {
            report(Diagnostic(.invalidDate, "\(date.text) is not a date: there is no month \(m)", at: date.range, help: "months run from 01 to 12"))
            return nil
        }
        guard (1...days[m - 1]).contains(d) else {
            report(Diagnostic(.invalidDate, "\(date.text) is not a date: month \(m) of \(y) has \(days[m - 1]) days", at: date.range))
            return nil
        }
        return y * 10000 + m * 100 + d
    }
}
