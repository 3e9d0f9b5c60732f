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
        r.checkGuarantees()
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
        for d in guaranteeDecls {
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
                    report(
                        Diagnostic(
                            .emptyRange, words("checker.emptyRange", "\(low)", "\(high)"), at: d.type.range,
                            help: words("checker.emptyRange.help", "\(high)..\(low)"),
                            fix: FixIt(range: d.type.range, replacement: "\(kw(.int)) \(high)..\(low)")))
                }
                model.facts[i].type = .int(low: low, high: high)
            case .enumeration(let values):
                var seen: [String: SourceRange] = [:]
                for v in values {
                    if let first = seen[v.name] {
                        report(
                            Diagnostic(
                                .duplicateEnumValue, words("checker.valueTwice", v.name), at: v.range,
                                notes: [DiagnosticNote(words("checker.valueTwice.first"), at: first)]))
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
            report(
                Diagnostic(
                    .roleTypeMismatch, words("checker.roleType", word, needs, fact.id, describeType(fact.type)),
                    at: role.role.range,
                    notes: [DiagnosticNote(words("checker.roleType.typeOf", fact.id), at: factDecls[f].type.range)],
                    help: help))
        }
        switch role.role.value {
        case .consent:
            switch fact.type {
            case .int:
                // Example values, in the file's language like the rest of its text.
                let example = language == .nl ? "specifiek | algemeen | geen" : "specific | general | none"
                mismatch(
                    words("checker.roleType.consentNeeds"),
                    help: words(
                        "checker.roleType.consentHelp", "\(boolWord(true))/\(boolWord(false))", kw(.bool), example))
            case .bool:
                let valid = role.valid.map { $0.compactMap { typedValue($0, forFact: f) } } ?? [.bool(true)]
                model.facts[f].role = .consent(valid: valid)
            case .enumeration(let values):
                guard let listed = role.valid else {
                    report(
                        Diagnostic(
                            .consentValues, words("checker.consentValues", fact.id),
                            at: role.range,
                            help: words("checker.consentValues.help", kw(.valid), values.joined(separator: ", "))))
                    return
                }
                var valid: [FactValue] = []
                for v in listed {
                    if let typed = typedValue(v, forFact: f), !valid.contains(typed) { valid.append(typed) }
                }
                model.facts[f].role = .consent(valid: valid)
            }
        case .age:
            guard case .int = fact.type else {
                return mismatch(
                    words("checker.roleType.ageNeeds", "\(kw(.int)) 0..130"),
                    help: words("checker.roleType.ageHelp", "\(kw(.int)) 0..130"))
            }
            model.facts[f].role = .age
            model.facts[f].fixed = true
        case .representative:
            guard case .bool = fact.type else {
                return mismatch(
                    words("checker.type.bool"), help: words("checker.roleType.representativeHelp", kw(.bool)))
            }
            model.facts[f].role = .representative
        }
        if role.role.value != .consent, let valid = role.valid, let first = valid.first {
            report(
                Diagnostic(
                    .consentValues,
                    words("checker.validOnlyForConsent", kw(.valid), FactRole.consent.spellings(language)[0]),
                    at: first.range.union(valid.last!.range),
                    help: words("checker.validOnlyForConsent.help", kw(.valid))))
        }
    }

    func describeType(_ type: ResolvedFactType) -> String {
        switch type {
        case .bool: words("checker.type.bool")
        case .int(let low, let high): words("checker.type.int", "\(low)..\(high)")
        case .enumeration: words("checker.type.enumeration")
        }
    }

    /// Where a name is declared: the identifier itself, for short notes.
    func declaredAt(_ name: String) -> SourceRange? { symbols[name]?.range }

    /// The spelling of `true`/`false` in this file.
    func boolWord(_ b: Bool) -> String { (b ? Keyword.true : Keyword.false).spellings(language)[0] }

    /// `ja`/`nee` in an English file, or `true`/`false` in a Dutch one: the value meant, and a
    /// help that says so. The parser takes any word as a value (it cannot know the fact's
    /// type), so this is the one place the hint is given.
    func otherLanguageBool(_ value: Value) -> (Bool, String)? {
        guard case .word(let w, _) = value else { return nil }
        let other: KeywordLanguage = language == .en ? .nl : .en
        let meant: Bool
        if Keyword.true.spellings(other).contains(w) {
            meant = true
        } else if Keyword.false.spellings(other).contains(w) {
            meant = false
        } else {
            return nil
        }
        return (
            meant,
            language == .en
                ? words("checker.boolValue.dutchWord", w, boolWord(meant))
                : words("checker.boolValue.englishWord", w, boolWord(meant))
        )
    }

    /// Checks a value against a fact's type; reports and returns nil when it does not fit.
    mutating func typedValue(_ value: Value, forFact f: Int) -> FactValue? {
        let fact = model.facts[f]
        switch (fact.type, value) {
        case (.bool, .word(let w, _)) where Keyword.true.spellings(language).contains(w): return .bool(true)
        case (.bool, .word(let w, _)) where Keyword.false.spellings(language).contains(w): return .bool(false)
        case (.bool, _):
            var help = words("checker.boolValue.help", boolWord(true), boolWord(false))
            var fix: FixIt?
            if let (meant, hint) = otherLanguageBool(value) {
                help = hint
                fix = FixIt(range: value.range, replacement: boolWord(meant))
            }
            report(
                Diagnostic(
                    .typeMismatch, words("checker.boolValue", fact.id, boolWord(true), boolWord(false), value.text),
                    at: value.range, help: help, fix: fix))
            return nil
        case (.int(let low, let high), .integer(let n, _)):
            if n < low || n > high {
                report(
                    Diagnostic(
                        .valueOutOfRange, words("checker.outOfRange", "\(n)", fact.id, "\(low)..\(high)"),
                        at: value.range,
                        notes: [
                            DiagnosticNote(
                                words("resolver.declaredHere", fact.id), at: declaredAt(fact.id) ?? fact.range)
                        ],
                        help: words("checker.outOfRange.help", "\(low)", "\(high)")))
                return nil
            }
            return .int(n)
        case (.int(let low, let high), .word):
            report(
                Diagnostic(
                    .typeMismatch, words("checker.numberValue", fact.id, "\(low)..\(high)", value.text),
                    at: value.range, help: words("checker.numberValue.help", "\(low)", "\(high)")))
            return nil
        case (.enumeration(let values), .word(let w, let range)):
            if let index = values.firstIndex(of: w) { return .enumeration(index) }
            let near = Suggestions.closest(to: w, among: values)
            let listed = values.joined(separator: ", ")
            report(
                Diagnostic(
                    .unknownEnumValue, words("checker.notAValue", w, fact.id), at: range,
                    notes: [
                        DiagnosticNote(words("resolver.declaredHere", fact.id), at: declaredAt(fact.id) ?? fact.range)
                    ],
                    help: near.map { words("checker.valuesOf.didYouMean", $0, fact.id, listed) }
                        ?? words("checker.valuesOf", fact.id, listed),
                    fix: near.map { FixIt(range: range, replacement: $0) }))
            return nil
        case (.enumeration(let values), .integer):
            report(
                Diagnostic(
                    .typeMismatch, words("checker.enumerationValue", fact.id), at: value.range,
                    help: words("checker.valuesOf", fact.id, values.joined(separator: ", "))))
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
                report(
                    Diagnostic(
                        .typeMismatch, words("checker.numberAlone", id.name, "\(low)..\(high)"),
                        at: id.range, help: words("checker.compareIt", "\(id.name) >= \(max(low, min(high, 16)))")))
            case .enumeration(let values):
                report(
                    Diagnostic(
                        .typeMismatch, words("checker.enumerationAlone", id.name),
                        at: id.range,
                        help: words("checker.compareIt", "\(id.name) == \(values.first ?? words("checker.value"))")))
            }
            return nil
        case .compare(let id, let op, let value, _):
            guard let f = lookup(id, as: [.fact])?.index else { return nil }
            if op != .eq, op != .ne {
                switch model.facts[f].type {
                case .bool:
                    report(
                        Diagnostic(
                            .typeMismatch, words("checker.orderBool", op.rawValue, id.name),
                            at: id.range.union(value.range),
                            help: words("checker.orderBool.help")))
                    return nil
                case .enumeration:
                    report(
                        Diagnostic(
                            .typeMismatch, words("checker.orderEnumeration", op.rawValue, id.name),
                            at: id.range.union(value.range),
                            help: words("checker.orderEnumeration.help", "\(kw(.in)) {...}")))
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
                        if symbol.kind == .party {
                            parties.insert(symbol.index)
                        } else {
                            parties.formUnion(model.groups[symbol.index].parties)
                        }
                    }
                    model.parties[i].regimeRecipients = parties.sorted()
                }
            }
            if let a = d.actsFor, let p = lookup(a, as: [.party], help: words("checker.actsFor.help"))?.index {
                model.parties[i].actsFor = p
            }
            if let a = d.processorFor, let p = lookup(a, as: [.party], help: words("checker.processorFor.help"))?.index
            {
                if p == i {
                    report(
                        Diagnostic(
                            .processorForItself, words("checker.processorForItself", d.id.name), at: a.range,
                            help: words("checker.processorForItself.help")))
                } else if let acts = d.actsFor {
                    report(
                        Diagnostic(
                            .processorForItself, words("checker.actsAndProcesses", d.id.name, acts.name, a.name),
                            at: a.range,
                            notes: [DiagnosticNote(words("checker.actsAndProcesses.note", kw(.acts)), at: acts.range)],
                            help: words("checker.actsAndProcesses.help")))
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
                report(
                    Diagnostic(
                        .mandateCycle,
                        loop.count == 1
                            ? words("checker.actsForItself", names[0])
                            : words("checker.mandateCycle", names.joined(separator: " -> ")),
                        at: link?.range ?? partyDecls[first].id.range, help: words("checker.mandateCycle.help")))
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
                        report(
                            Diagnostic(
                                .duplicateController, words("checker.controllerTwice", controller.name),
                                at: controller.range, help: words("checker.controllerTwice.help")))
                    } else {
                        model.controllers.append(symbol.index)
                    }
                } else {
                    report(
                        Diagnostic(
                            .controllerNotAParty,
                            words("checker.controllerNotAParty", controller.name, symbol.kind.withArticle(words)),
                            at: controller.range,
                            notes: [DiagnosticNote(words("resolver.declaredHere", controller.name), at: symbol.range)],
                            help: words("checker.controllerNotAParty.help")))
                }
            } else {
                _ = lookup(controller, as: [.party])
            }
        }
        guard let validity = header.validity else { return }
        let from = checkDate(validity.from)
        if let untilLiteral = validity.until, let until = checkDate(untilLiteral), let from, until < from {
            report(
                Diagnostic(
                    .validityReversed, words("checker.validityReversed", untilLiteral.text, validity.from.text),
                    at: untilLiteral.range, help: words("checker.validityReversed.help")))
        }
    }

    /// Checks a date exists; returns it as a comparable number YYYYMMDD.
    mutating func checkDate(_ date: DateLiteral) -> Int? {
        guard let (y, m, d) = date.components else { return nil }  // malformed: the lexer reported it
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(m) else {
            report(
                Diagnostic(
                    .invalidDate, words("checker.noSuchMonth", date.text, "\(m)"), at: date.range,
                    help: words("checker.noSuchMonth.help")))
            return nil
        }
        guard (1...days[m - 1]).contains(d) else {
            report(
                Diagnostic(
                    .invalidDate, words("checker.noSuchDay", date.text, "\(m)", "\(y)", "\(days[m - 1])"),
                    at: date.range))
            return nil
        }
        return y * 10000 + m * 100 + d
    }
}
