import CovenantEval

/// The legal lints (L2xx). Obligations are recognised by their id or text: "record" for
/// recording the decision (record, vastleggen, registreren, dossier), "inform" for informing the
/// subject (inform, informeren, mededelen). Consent is the fact named consent/toestemming or an
/// enumeration with the value given/gegeven; age is an int fact named age/leeftijd.
extension LintContext {
    static let strongBases: Set<BasisKind> = [.consent, .law, .vital_interest, .legal_obligation, .conflict_of_duties]

    func obligationMatches(_ o: Int, _ words: [String]) -> Bool {
        let info = model.obligations[o]
        let text = (info.id + " " + (info.text ?? "")).lowercased()
        return words.contains { text.contains($0) }
    }
    func isRecord(_ o: Int) -> Bool { obligationMatches(o, ["record", "vastleg", "registr", "dossier"]) }
    func isInform(_ o: Int) -> Bool { obligationMatches(o, ["inform", "mededel"]) }

    /// Whether the rule's condition can hold with a fact assignment that `allowed` accepts.
    func canHold(_ r: Int, where allowed: ([Int64]) -> Bool) -> Bool {
        let rule = table.rules[r]
        guard rule.condition >= 0 else { return true }  // no condition: it holds whatever the facts
        var facts = evaluator.mentionedFacts(rule.condition)
        if let c = consentFact, !facts.contains(c) { facts.append(c) }
        let choices = facts.map { f in (f, evaluator.candidateValues(f) + (table.facts[f].defaultValue == nil ? [ResolvedQuery.missing] : [])) }
        var values = table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
        var budget = 100_000
        var found = false
        let stopped = RuleAnalysis.forEachCombination(choices, &values) { v in
            budget -= 1
            found = allowed(v) && evaluator.truth(rule.condition, v) == true
            return found || budget <= 0
        }
        // Undecided within the bound: assume it can hold, so no lint is suppressed.
        return found || (stopped && budget <= 0)
    }

    /// Can the permit apply when consent is not given?
    func appliesWithoutConsent(_ r: Int) -> Bool {
        guard let c = consentFact, let given = consentGiven else { return true }
        return canHold(r) { $0[c] != given }
    }

    mutating func checkRules() {
        for (r, rule) in model.rules.enumerated() where rule.effect == .permit {
            let kinds = Set(rule.bases.map { model.bases[$0].kind })
            let covered = leaves(rule)
            let special = covered.compactMap { model.categories[$0].special }
            let withoutConsent = appliesWithoutConsent(r)
            let senders = parties(rule.senders), recipients = parties(rule.recipients)
            let obliges = rule.obligations.map(\.obligation)

            if !special.isEmpty, kinds.isDisjoint(with: Self.strongBases) {
                report(.specialCategoryWeakBasis, "rule '\(rule.id)' permits sharing \(Set(special.map(\.rawValue)).sorted().joined(separator: ", ")) data on a basis of kind \(kinds.map(\.rawValue).sorted().joined(separator: ", "))",
                       at: rule.id, help: "rest it on consent, a law, a vital interest, a legal obligation or a conflict of duties, or narrow 'share'")
            }
            if kinds.contains(.consent) {
                if consentFact == nil {
                    report(.consentNotRequired, "rule '\(rule.id)' rests on consent, but the covenant declares no consent fact to require", at: rule.id,
                           help: "declare 'fact consent : given | refused | none | withdrawn default none' and add 'when consent == given'")
                } else if withoutConsent {
                    report(.consentNotRequired, "rule '\(rule.id)' rests on consent but can apply when consent is not given", at: rule.id,
                           help: "add 'when \(model.facts[consentFact!].id) == \(consentWord)' (with 'and' to the condition it has)")
                }
                if ageFact.map({ !(rule.condition?.facts ?? []).contains($0) }) ?? true {
                    report(.consentIgnoresAge, "rule '\(rule.id)' rests on consent but does not say for which ages the subject's own consent counts", at: rule.id,
                           help: ageFact.map { "add for example 'and \(model.facts[$0].id) >= 16', and a rule for minors with the parents' consent" }
                               ?? "declare 'fact age : int 0..130' and limit the rule, for example 'age >= 16'")
                }
                if let c = model.controller, senders.contains(c), model.parties[c].kind == .government {
                    report(.consentFromGovernment, "rule '\(rule.id)' rests on consent for sharing by the controller '\(model.parties[c].id)', a government body", at: rule.id,
                           help: "rest the municipality's sharing on its legal obligation or public task")
                }
            }
            let exceptional = withoutConsent && (!special.isEmpty || !kinds.isDisjoint(with: [.vital_interest, .conflict_of_duties]))
            if exceptional {
                if !obliges.contains(where: isRecord) {
                    report(.exceptionalWithoutRecord, "rule '\(rule.id)' shares without consent on an exceptional ground but does not oblige recording the decision", at: rule.id,
                           help: "add an obligation such as 'obligation record \"Afweging en besluit vastleggen in het dossier\"' and 'oblige record'")
                }
                if !obliges.contains(where: isInform) {
                    report(.exceptionalWithoutInform, "rule '\(rule.id)' shares without consent on an exceptional ground but does not oblige informing the subject", at: rule.id,
                           help: "add 'oblige inform' (with 'unless ...' for weighty reasons, or 'after' in a crisis)")
                }
            } else if !kinds.isEmpty, kinds.isSubset(of: [.public_task, .legal_obligation]), !obliges.contains(where: isInform) {
                report(.routineWithoutInform, "rule '\(rule.id)' shares on a \(kinds.map(\.rawValue).sorted().joined(separator: "/")) basis without informing the subject", at: rule.id,
                       help: "add 'oblige inform before' (transparency is the condition of processing on a public task)")
            }
            let careSenders = senders.filter { model.parties[$0].kind == .care }
            let enforcement = recipients.filter { model.parties[$0].kind == .enforcement }
            if !careSenders.isEmpty, !enforcement.isEmpty, covered.contains(where: { model.categories[$0].nature == .what }),
               kinds.isDisjoint(with: [.vital_interest, .legal_obligation, .law, .conflict_of_duties]) {
                report(.careToEnforcement, "rule '\(rule.id)' lets care parties (\(careSenders.prefix(3).map { model.parties[$0].id }.joined(separator: ", "))) share what-information with enforcement (\(enforcement.prefix(3).map { model.parties[$0].id }.joined(separator: ", "))) on a \(kinds.map(\.rawValue).sorted().joined(separator: "/")) basis",
                       at: rule.id, help: "rest it on a vital interest (safety), a legal obligation, a law or a conflict of duties, or share that-information only")
            }
            for s in senders {
                guard let allowed = model.parties[s].regimePurposes else { continue }
                let lawful = Set(allowed.flatMap { purposeClosure[$0] })
                let outside = purposes(rule).subtracting(lawful)
                if !outside.isEmpty {
                    report(.closedRegimePurpose, "rule '\(rule.id)' lets '\(model.parties[s].id)' share for \(outside.sorted().prefix(4).map { model.purposes[$0].id }.joined(separator: ", ")), outside the purposes of \(model.parties[s].regimeLaw ?? "its law")",
                           at: rule.id, help: "limit 'for' to \(allowed.map { model.purposes[$0].id }.joined(separator: ", ")), or remove '\(model.parties[s].id)' from the senders")
                }
            }
            let roots = rule.categories.filter { model.categories[$0].parent == nil && !model.categories[$0].children.isEmpty }
            let senderKinds = Set(senders.map { model.parties[$0].kind })
            let foreign = recipients.filter { !senderKinds.contains(model.parties[$0].kind) }
            if !foreign.isEmpty, !roots.isEmpty || rule.purposes == .any {
                let what = [roots.isEmpty ? nil : "all of '\(model.categories[roots[0]].id)'", rule.purposes == .any ? "any purpose" : nil].compactMap { $0 }.joined(separator: " for ")
                report(.broadGrant, "rule '\(rule.id)' grants \(what) to parties outside the senders' domain (\(foreign.prefix(3).map { model.parties[$0].id }.joined(separator: ", ")))",
                       at: rule.id, help: "name the categories and purposes that are needed")
            }
        }
    }

    var consentWord: String {
        guard let c = consentFact, let g = consentGiven else { return "given" }
        if case .enumeration(let values) = model.facts[c].type { return values[Int(g)] }
        return "true"
    }

    mutating func checkCovenant() {
        for (i, c) in model.categories.enumerated() where c.children.isEmpty {
            var current: Int? = i
            var found = false
            while let x = current, !found { found = model.categories[x].retention != nil; current = model.categories[x].parent }
            if !found {
                report(.missingRetention, "category '\(c.id)' has no retention period (nor does a category above it)", at: c.id,
                       help: "add for example 'retention 5 years'")
            }
        }
        let header = file.header?.title.value ?? ""
        let anchor = model.rules.first?.id ?? ""
        if !model.rules.indices.contains(where: { model.rules[$0].effect == .permit && consentFact != nil && appliesWithoutConsent($0) }) {
            var d = Diagnostic(.noSharingWithoutConsent, "the covenant \"\(header)\" does not say when data is shared without consent: every permit requires it",
                               at: file.header?.title.range ?? at(anchor), severity: DiagnosticCode.noSharingWithoutConsent.defaultSeverity,
                               help: "add the exceptions the covenant allows (serious danger after triage, conflict of duties, a legal obligation), each with its obligations")
            if consentFact == nil { d.message = "the covenant \"\(header)\" declares no consent fact, so it cannot say when data is shared without consent" }
            findings.append(d)
        }
        if model.tests.isEmpty {
            findings.append(Diagnostic(.noTests, "the covenant \"\(header)\" has no test blocks", at: file.header?.title.range ?? at(anchor),
                                       severity: DiagnosticCode.noTests.defaultSeverity,
                                       help: "add 'test \"...\" { query ... expect ... }' blocks for the cases the covenant must answer"))
        }
    }
}
