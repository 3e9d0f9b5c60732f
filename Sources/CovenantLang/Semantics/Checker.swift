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
        let model = r.diagnostics.hasErrors ? nil : r.model
        return Result(model: model, diagnostics: r.diagnostics)
    }
}

extension Resolver {
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
            }
        }
    }

    mutating func checkHeader() {
        guard let header = file.header else { return }
        if let controller = header.controller {
            if let symbol = symbols[controller.name] {
                if symbol.kind == .party {
                    model.controller = symbol.index
                } else {
                    report(Diagnostic(.controllerNotAParty, "the controller must be one party, but '\(controller.name)' is \(symbol.kind.withArticle)",
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
