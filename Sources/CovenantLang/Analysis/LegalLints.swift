import CovenantEval

/// The legal lints (L2xx), one function per code. They read the legal roles the covenant
/// declares (LANGUAGE-V2.md): the consent, age and representative facts, purpose and
/// obligation kinds, mandates and processors. A covenant that declares no role keeps version
/// 1's guesses from names (`Roles.guessed`) and gets one note (L220) saying which declarations
/// would make the review exact.
extension LintContext {
    static let strongBases: Set<BasisKind> = [.consent, .law, .vital_interest, .legal_obligation, .conflict_of_duties]
    static let exceptionalGrounds: Set<BasisKind> = [.vital_interest, .conflict_of_duties]

    // MARK: Roles

    /// Whether obligation `o` is of a kind: by its declared kind; when the covenant declares
    /// no obligation kind at all, guessed from its id or text (version 1).
    func obligation(_ o: Int, is kind: ObligationKind) -> Bool {
        let info = model.obligations[o]
        if roles.obligationKindsDeclared { return info.kind == kind }
        let text = (info.id + " " + (info.text ?? "")).lowercased()
        let words: [String] = switch kind {
        case .record: ["record", "vastleg", "registr", "dossier"]
        case .inform: ["inform", "mededel"]
        default: []
        }
        return words.contains { text.contains($0) }
    }

    /// Every value the analysis tries for a fact: the values its conditions tell apart, the
    /// `extra` points, and "missing" when it has no default.
    func choices(_ f: Int, extra: [Int64] = []) -> [Int64] {
        var values = evaluator.candidateValues(f)
        if case .int(let low, let high) = table.facts[f].kind {
            for v in extra where v >= low && v <= high && !values.contains(v) { values.append(v) }
        }
        if table.facts[f].defaultValue == nil { values.append(ResolvedQuery.missing) }
        return values
    }

    /// Whether `condition` can be true for a fact assignment that `allowed` accepts, trying
    /// every combination of the facts it mentions and of `also` (exact, within a bound; past
    /// the bound it answers yes, so no finding is ever suppressed by the bound).
    func canHold(_ condition: Int32, also: [Int] = [], extra: [Int: [Int64]] = [:], where allowed: ([Int64]) -> Bool) -> Bool {
        var facts = condition >= 0 ? evaluator.mentionedFacts(condition) : []
        for f in also where !facts.contains(f) { facts.append(f) }
        let choices = facts.map { f in (f, self.choices(f, extra: extra[f] ?? [])) }
        var values = table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
        var budget = 100_000
        var found = false
        let stopped = RuleAnalysis.forEachCombination(choices, &values) { v in
            budget -= 1
            found = allowed(v) && (condition < 0 || evaluator.truth(condition, v) == true)
            return found || budget <= 0
        }
        return found || (stopped && budget <= 0)
    }

    /// Whether a rule's own condition can hold under `allowed`.
    func canHold(_ r: Int, also: [Int] = [], extra: [Int: [Int64]] = [:], where allowed: ([Int64]) -> Bool) -> Bool {
        canHold(table.rules[r].condition, also: also, extra: extra, where: allowed)
    }

    /// Valid consent in an assignment: the consent fact has a valid value, or the
    /// representative consents.
    func consented(_ v: [Int64]) -> Bool {
        if let c = roles.consentFact, v[c] != ResolvedQuery.missing, roles.validConsent.contains(v[c]) { return true }
        if let p = roles.representativeFact, v[p] == 1 { return true }
        return false
    }

    /// A permit "requires consent" when its condition is false in every case without valid
    /// consent (and without the representative's). Without a consent fact nothing requires it.
    func requiresConsent(_ r: Int) -> Bool {
        guard roles.consentFact != nil || roles.representativeFact != nil else { return false }
        let also = [roles.consentFact, roles.representativeFact].compactMap { $0 }
        return !canHold(r, also: also) { !consented($0) }
    }

    /// Categories of aggregate nature are not personal data.
    func personal(_ rule: RuleInfo) -> [Int] { leaves(rule).filter { model.categories[$0].nature != .aggregate } }

    /// Handing data to one's own processor is no provision to a third party.
    func toOwnProcessorOnly(_ rule: RuleInfo) -> Bool {
        let recipients = parties(rule.recipients)
        guard !recipients.isEmpty else { return false }
        return recipients.allSatisfy { p in
            guard let principal = model.parties[p].processorFor else { return false }
            return parties(rule.senders).allSatisfy { s in s == principal || actsFor(s, principal) }
        }
    }

    /// Whether `p` acts for `principal`, directly or through others.
    func actsFor(_ p: Int, _ principal: Int) -> Bool {
        var current = model.parties[p].actsFor
        var steps = 0
        while let c = current, steps <= model.parties.count {
            if c == principal { return true }
            current = model.parties[c].actsFor
            steps += 1
        }
        return false
    }

    /// The kinds of the purposes a rule covers, or nil when the covenant declares no purpose kind.
    func purposeKinds(_ rule: RuleInfo) -> [Int: PurposeKind]? {
        guard roles.purposeKindsDeclared else { return nil }
        var kinds: [Int: PurposeKind] = [:]
        for p in purposes(rule) { kinds[p] = model.purposes[p].kind }
        return kinds
    }

    // MARK: The lints, rule by rule

    mutating func checkRules() {
        for r in model.rules.indices where model.rules[r].effect == .permit {
            lintSpecialCategoryWeakBasis(r)
            lintConsentNotRequired(r)
            lintConsentIgnoresAge(r)
            lintExceptionalWithoutRecord(r)
            lintExceptionalWithoutInform(r)
            lintRoutineWithoutInform(r)
            lintConsentFromGovernment(r)
            lintCareToEnforcement(r)
            lintClosedRegimePurpose(r)
            lintBroadGrant(r)
            lintBasisPurposeMismatch(r)
            lintAccountabilityNotAggregate(r)
            lintProcessorSender(r)
            lintRegimeRecipient(r)
        }
        for r in model.rules.indices { lintObligationAlwaysWaived(r) }
    }

    func basisKinds(_ rule: RuleInfo) -> Set<BasisKind> { Set(rule.bases.map { model.bases[$0].kind }) }

    /// L201: special categories need a strong basis.
    mutating func lintSpecialCategoryWeakBasis(_ r: Int) {
        let rule = model.rules[r], kinds = basisKinds(rule)
        let special = leaves(rule).compactMap { model.categories[$0].special }
        guard !special.isEmpty, kinds.isDisjoint(with: Self.strongBases) else { return }
        report(.specialCategoryWeakBasis, "rule '\(rule.id)' permits sharing \(Set(special.map(\.rawValue)).sorted().joined(separator: ", ")) data on a basis of kind \(kinds.map(\.rawValue).sorted().joined(separator: ", "))",
               at: rule.id, help: "rest it on consent, a law, a vital interest, a legal obligation or a conflict of duties, or narrow 'share'")
    }

    /// L202: a permit on a consent basis must require valid consent.
    mutating func lintConsentNotRequired(_ r: Int) {
        let rule = model.rules[r]
        guard basisKinds(rule).contains(.consent) else { return }
        guard let c = roles.consentFact else {
            let help = roles.guessed
                ? "declare 'fact consent : given | refused | none | withdrawn default none' and add 'when consent == given'"
                : "declare the consent fact with its role, for example 'fact consent : specific | general | none default none { role consent valid specific }', and add 'when consent == specific'"
            report(.consentNotRequired, "rule '\(rule.id)' rests on consent, but the covenant declares no consent fact to require\(roles.guessed ? "" : " (no fact has 'role consent')")",
                   at: rule.id, help: help)
            return
        }
        guard !requiresConsent(r) else { return }
        let valid = roles.validConsent.sorted().map { evaluator.describe($0, fact: c) }
        report(.consentNotRequired, "rule '\(rule.id)' rests on consent but can apply when consent is not given (valid consent: \(model.facts[c].id) \(valid.count == 1 ? "== \(valid[0])" : "in {\(valid.joined(separator: ", "))}"))",
               at: rule.id, help: "add 'when \(model.facts[c].id) \(valid.count == 1 ? "== \(valid[0])" : "in {\(valid.joined(separator: ", "))}")' (with 'and' to the condition it has)")
    }

    /// L203: minors (seed 004 §1.5): under 12 the representative consents; from 12 to 15 both.
    mutating func lintConsentIgnoresAge(_ r: Int) {
        let rule = model.rules[r]
        guard basisKinds(rule).contains(.consent), !personal(rule).isEmpty else { return }
        if let age = roles.ageFact, let rep = roles.representativeFact, !roles.guessed {
            let points: [Int: [Int64]] = [age: [0, 11, 12, 15, 16]]
            let also = [age, rep] + [roles.consentFact].compactMap { $0 }
            let child = canHold(r, also: also, extra: points) { v in
                v[age] != ResolvedQuery.missing && v[age] < 12 && v[rep] != 1
            }
            let young = canHold(r, also: also, extra: points) { v in
                guard v[age] != ResolvedQuery.missing, v[age] >= 12, v[age] <= 15 else { return false }
                let own = roles.consentFact.map { v[$0] != ResolvedQuery.missing && roles.validConsent.contains(v[$0]) } ?? false
                return !(own && v[rep] == 1)
            }
            guard child || young else { return }
            let who = [child ? "a child under 12 without the representative's consent" : nil,
                       young ? "a subject of 12 to 15 without both their own and the representative's consent" : nil].compactMap { $0 }
            report(.consentIgnoresAge, "rule '\(rule.id)' rests on consent but can apply for \(who.joined(separator: ", and for "))", at: rule.id,
                   help: "limit it, for example 'and \(model.facts[age].id) >= 16', and write a rule for minors with '\(model.facts[rep].id)'")
            return
        }
        guard roles.ageFact.map({ !(rule.condition?.facts ?? []).contains($0) }) ?? true else { return }
        report(.consentIgnoresAge, "rule '\(rule.id)' rests on consent but does not say for which ages the subject's own consent counts", at: rule.id,
               help: roles.ageFact.map { "add for example 'and \(model.facts[$0].id) >= 16', and a rule for minors with the parents' consent" }
                   ?? (roles.guessed ? "declare 'fact age : int 0..130' and limit the rule, for example 'age >= 16'"
                       : "declare 'fact age : int 0..130 { role age }' and limit the rule, for example 'age >= 16'"))
    }

    /// Sharing without consent on an exceptional ground (version 1 also: special categories
    /// without consent).
    func exceptional(_ r: Int) -> Bool {
        let rule = model.rules[r], kinds = basisKinds(rule)
        guard !requiresConsent(r) else { return false }
        if !kinds.isDisjoint(with: Self.exceptionalGrounds) { return true }
        return roles.guessed && leaves(rule).contains { model.categories[$0].special != nil }
    }

    /// L204: an exceptional provision obliges recording the decision and its weighing.
    mutating func lintExceptionalWithoutRecord(_ r: Int) {
        let rule = model.rules[r]
        guard exceptional(r), !rule.obligations.contains(where: { obligation($0.obligation, is: .record) }) else { return }
        report(.exceptionalWithoutRecord, "rule '\(rule.id)' shares without consent on an exceptional ground but does not oblige recording the decision", at: rule.id,
               help: roles.obligationKindsDeclared
                ? "add an obligation of kind record, for example 'obligation record \"Afweging en besluit vastleggen\" { kind record }', and 'oblige record'"
                : "add an obligation such as 'obligation record \"Afweging en besluit vastleggen in het dossier\"' and 'oblige record'")
    }

    /// L205: an exceptional provision obliges informing the subject (the duty may be postponed
    /// or waived for weighty reasons); not for aggregates, nor towards one's own processor.
    mutating func lintExceptionalWithoutInform(_ r: Int) {
        let rule = model.rules[r]
        guard exceptional(r), !personal(rule).isEmpty, !toOwnProcessorOnly(rule),
              !rule.obligations.contains(where: { obligation($0.obligation, is: .inform) }) else { return }
        report(.exceptionalWithoutInform, "rule '\(rule.id)' shares without consent on an exceptional ground but does not oblige informing the subject", at: rule.id,
               help: "add 'oblige inform' (postponed while ... or unless ... for weighty reasons, or 'after' in a crisis)")
    }

    /// L206: routine sharing on a public task or legal obligation informs the subject.
    mutating func lintRoutineWithoutInform(_ r: Int) {
        let rule = model.rules[r], kinds = basisKinds(rule)
        guard !exceptional(r), !kinds.isEmpty, kinds.isSubset(of: [.public_task, .legal_obligation]), !personal(rule).isEmpty,
              !toOwnProcessorOnly(rule), !rule.obligations.contains(where: { obligation($0.obligation, is: .inform) }) else { return }
        report(.routineWithoutInform, "rule '\(rule.id)' shares on a \(kinds.map(\.rawValue).sorted().joined(separator: "/")) basis without informing the subject", at: rule.id,
               help: "add 'oblige inform before' (transparency is the condition of processing on a public task)")
    }

    /// L207: general up-front consent is no basis for the government's own task (seed 003).
    mutating func lintConsentFromGovernment(_ r: Int) {
        let rule = model.rules[r]
        guard basisKinds(rule).contains(.consent) else { return }
        if roles.guessed {
            if let c = model.controller, parties(rule.senders).contains(c), model.parties[c].kind == .government {
                report(.consentFromGovernment, "rule '\(rule.id)' rests on consent for sharing by the controller '\(model.parties[c].id)', a government body", at: rule.id,
                       help: "rest the municipality's sharing on its legal obligation or public task")
            }
            return
        }
        let government = parties(rule.senders).filter { model.isGovernment($0) }.sorted()
        let ordinary = personal(rule).filter { model.categories[$0].special == nil }
        guard !government.isEmpty, !ordinary.isEmpty else { return }
        let names = government.prefix(3).map { model.parties[$0].id }.joined(separator: ", ")
        report(.consentFromGovernment, "rule '\(rule.id)' rests on consent for sharing by \(government.count == 1 ? "the government party" : "government parties") \(names)\(government.count > 3 ? ", ..." : "") (a controller, a government body or acting for one)",
               at: rule.id, help: "rest the government's sharing on its legal obligation or public task; where the VNG factsheet allows specific consent, acknowledge the finding with the reason")
    }

    /// L208: what-information from care to enforcement (seed 004 §1.2).
    mutating func lintCareToEnforcement(_ r: Int) {
        let rule = model.rules[r], kinds = basisKinds(rule)
        let careSenders = parties(rule.senders).filter { model.parties[$0].kind == .care || model.parties[$0].secrecy != .none }.sorted()
        let enforcement = parties(rule.recipients).filter { model.parties[$0].kind == .enforcement }.sorted()
        guard !careSenders.isEmpty, !enforcement.isEmpty, leaves(rule).contains(where: { model.categories[$0].nature == .what }) else { return }
        let senders = careSenders.prefix(3).map { model.parties[$0].id }.joined(separator: ", ")
        let recipients = enforcement.prefix(3).map { model.parties[$0].id }.joined(separator: ", ")
        if let purposeKinds = purposeKinds(rule) {
            let forEnforcement = purposeKinds.filter { $0.value == .enforcement }.keys.sorted()
            guard !forEnforcement.isEmpty, kinds.isDisjoint(with: [.law, .legal_obligation]) else { return }
            report(.careToEnforcement, "rule '\(rule.id)' lets care parties (\(senders)) give what-information to enforcement (\(recipients)) for enforcement (\(forEnforcement.prefix(3).map { model.purposes[$0].id }.joined(separator: ", "))) on a \(kinds.map(\.rawValue).sorted().joined(separator: "/")) basis",
                   at: rule.id, help: "only a law or a legal obligation carries care data to enforcement for enforcement; for danger, use a purpose of kind safety")
            return
        }
        guard kinds.isDisjoint(with: [.vital_interest, .legal_obligation, .law, .conflict_of_duties]) else { return }
        report(.careToEnforcement, "rule '\(rule.id)' lets care parties (\(senders)) share what-information with enforcement (\(recipients)) on a \(kinds.map(\.rawValue).sorted().joined(separator: "/")) basis",
               at: rule.id, help: "rest it on a vital interest (safety), a legal obligation, a law or a conflict of duties, or share that-information only")
    }

    /// L209: a closed-regime party shares only for its law's purposes.
    mutating func lintClosedRegimePurpose(_ r: Int) {
        let rule = model.rules[r]
        for s in parties(rule.senders).sorted() {
            guard let allowed = model.parties[s].regimePurposes else { continue }
            let lawful = Set(allowed.flatMap { purposeClosure[$0] })
            let outside = purposes(rule).subtracting(lawful)
            if !outside.isEmpty {
                report(.closedRegimePurpose, "rule '\(rule.id)' lets '\(model.parties[s].id)' share for \(outside.sorted().prefix(4).map { model.purposes[$0].id }.joined(separator: ", ")), outside the purposes of \(model.parties[s].regimeLaw ?? "its law")",
                       at: rule.id, help: "limit 'for' to \(allowed.map { model.purposes[$0].id }.joined(separator: ", ")), or remove '\(model.parties[s].id)' from the senders")
            }
        }
    }

    /// L210: a whole tree or any purpose to another domain.
    mutating func lintBroadGrant(_ r: Int) {
        let rule = model.rules[r]
        let roots = rule.categories.filter { model.categories[$0].parent == nil && !model.categories[$0].children.isEmpty }
        let senderKinds = Set(parties(rule.senders).map { model.parties[$0].kind })
        let foreign = parties(rule.recipients).filter { !senderKinds.contains(model.parties[$0].kind) && model.parties[$0].processorFor == nil }.sorted()
        guard !foreign.isEmpty, !roots.isEmpty || rule.purposes == .any else { return }
        let what = [roots.isEmpty ? nil : "all of '\(model.categories[roots[0]].id)'", rule.purposes == .any ? "any purpose" : nil].compactMap { $0 }.joined(separator: " for ")
        report(.broadGrant, "rule '\(rule.id)' grants \(what) to parties outside the senders' domain (\(foreign.prefix(3).map { model.parties[$0].id }.joined(separator: ", ")))",
               at: rule.id, help: "name the categories and purposes that are needed")
    }

    /// L214: a vital interest serves safety (or public health); a conflict of duties, safety.
    mutating func lintBasisPurposeMismatch(_ r: Int) {
        let rule = model.rules[r]
        guard let kinds = purposeKinds(rule) else { return }
        for b in rule.bases {
            let basis = model.bases[b]
            let fitting: Set<PurposeKind> = switch basis.kind {
            case .vital_interest: [.safety, .public_health]
            case .conflict_of_duties: [.safety]
            default: []
            }
            guard !fitting.isEmpty else { continue }
            let misfits = kinds.filter { !fitting.contains($0.value) }.keys.sorted()
            guard !misfits.isEmpty else { continue }
            let list = misfits.prefix(4).map { "\(model.purposes[$0].id) (\(model.purposes[$0].kind.rawValue))" }.joined(separator: ", ")
            report(.basisPurposeMismatch, "rule '\(rule.id)' rests on '\(basis.id)', a \(basis.kind == .vital_interest ? "vital interest" : "conflict of duties"), for \(list)\(misfits.count > 4 ? ", ..." : "")",
                   at: rule.id, help: "a \(basis.kind == .vital_interest ? "vital interest" : "conflict of duties") justifies sharing only to avert danger: limit 'for' to purposes of kind \(fitting.map(\.rawValue).sorted().joined(separator: " or ")), or rest the rule on another basis")
        }
    }

    /// L215: accountability to the council gets aggregates, never personal data (seed 002 annex 3 b.3).
    mutating func lintAccountabilityNotAggregate(_ r: Int) {
        let rule = model.rules[r]
        guard let kinds = purposeKinds(rule), kinds.values.contains(.accountability) else { return }
        let personal = personal(rule).sorted()
        guard !personal.isEmpty else { return }
        report(.accountabilityNotAggregate, "rule '\(rule.id)' shares personal data (\(personal.prefix(4).map { model.categories[$0].id }.joined(separator: ", "))) for accountability",
               at: rule.id, help: "share only categories of nature aggregate for accountability, or limit 'for' to the purposes that need the person's data")
    }

    /// L216: an obligation whose `unless` holds whenever its rule applies is never owed.
    mutating func lintObligationAlwaysWaived(_ r: Int) {
        let rule = model.rules[r], compiled = table.rules[r]
        guard rule.effect == .permit else { return }
        for (u, use) in compiled.obligations.enumerated() where use.unless >= 0 {
            let facts = evaluator.mentionedFacts(use.unless)
            let owedSometimes = canHold(compiled.condition, also: facts) { v in evaluator.truth(use.unless, v) != true }
            guard !owedSometimes else { continue }
            let id = model.obligations[rule.obligations[u].obligation].id
            report(.obligationAlwaysWaived, "obligation '\(id)' of rule '\(rule.id)' is never owed: its 'unless \(use.unlessText ?? "")' holds whenever the rule applies",
                   at: rule.id, help: "remove the obligation, or narrow its 'unless' (to postpone the duty rather than drop it, write 'postponed while ...')")
        }
    }

    /// L217: a processor shares only with the party it processes for.
    mutating func lintProcessorSender(_ r: Int) {
        let rule = model.rules[r]
        for s in parties(rule.senders).sorted() {
            guard let principal = model.parties[s].processorFor else { continue }
            let others = parties(rule.recipients).filter { $0 != principal && !actsFor($0, principal) }.sorted()
            guard !others.isEmpty else { continue }
            report(.processorSender, "rule '\(rule.id)' lets processor '\(model.parties[s].id)' share with \(others.prefix(3).map { model.parties[$0].id }.joined(separator: ", "))\(others.count > 3 ? ", ..." : ""), but it processes for '\(model.parties[principal].id)' only",
                   at: rule.id, help: "a processor returns data to the party it processes for (GDPR art. 28); let '\(model.parties[principal].id)' share it instead")
        }
    }

    /// L218: a closed regime that names its recipients allows no others.
    mutating func lintRegimeRecipient(_ r: Int) {
        let rule = model.rules[r]
        for s in parties(rule.senders).sorted() {
            guard let allowed = model.parties[s].regimeRecipients else { continue }
            let outside = parties(rule.recipients).subtracting(allowed).sorted()
            guard !outside.isEmpty else { continue }
            report(.regimeRecipient, "rule '\(rule.id)' lets '\(model.parties[s].id)' share with \(outside.prefix(3).map { model.parties[$0].id }.joined(separator: ", "))\(outside.count > 3 ? ", ..." : ""), outside the recipients of \(model.parties[s].regimeLaw ?? "its law")",
                   at: rule.id, help: "limit the recipients to \(allowed.prefix(5).map { model.parties[$0].id }.joined(separator: ", ")), or remove '\(model.parties[s].id)' from the senders")
        }
    }

    // MARK: The covenant as a whole

    var consentWord: String {
        guard let c = roles.consentFact, let g = roles.validConsent.sorted().first else { return "given" }
        return evaluator.describe(g, fact: c)
    }

    mutating func checkCovenant(today: CalendarDate?) {
        lintMissingRetention()
        lintNoSharingWithoutConsent()
        lintNoTests()
        if let today { lintExpiry(today) }
        lintRolesNotDeclared()
    }

    /// L211
    mutating func lintMissingRetention() {
        for (i, c) in model.categories.enumerated() where c.children.isEmpty {
            var current: Int? = i
            var found = false
            while let x = current, !found { found = model.categories[x].retention != nil; current = model.categories[x].parent }
            if !found {
                report(.missingRetention, "category '\(c.id)' has no retention period (nor does a category above it)", at: c.id,
                       help: "add for example 'retention 5 years'")
            }
        }
    }

    var headerTitle: String { file.header?.title.value ?? "" }
    var headerRange: SourceRange { file.header?.title.range ?? at(model.rules.first?.id ?? "") }

    /// L212
    mutating func lintNoSharingWithoutConsent() {
        let hasConsent = roles.consentFact != nil || roles.representativeFact != nil
        guard !model.rules.indices.contains(where: { model.rules[$0].effect == .permit && hasConsent && !requiresConsent($0) }) else { return }
        var d = Diagnostic(.noSharingWithoutConsent, "the covenant \"\(headerTitle)\" does not say when data is shared without consent: every permit requires it",
                           at: headerRange, severity: DiagnosticCode.noSharingWithoutConsent.defaultSeverity,
                           help: "add the exceptions the covenant allows (serious danger after triage, conflict of duties, a legal obligation), each with its obligations")
        if !hasConsent {
            d.message = "the covenant \"\(headerTitle)\" declares no consent fact\(roles.guessed ? "" : " (no fact has 'role consent')"), so it cannot say when data is shared without consent"
        }
        findings.append(d)
    }

    /// L213
    mutating func lintNoTests() {
        guard model.tests.isEmpty else { return }
        findings.append(Diagnostic(.noTests, "the covenant \"\(headerTitle)\" has no test blocks", at: headerRange,
                                   severity: DiagnosticCode.noTests.defaultSeverity,
                                   help: "add 'test \"...\" { query ... expect ... }' blocks for the cases the covenant must answer"))
    }

    /// L219: the covenant has expired, or expires within 90 days (semantics 8).
    mutating func lintExpiry(_ today: CalendarDate) {
        guard let until = model.validUntil.flatMap(CalendarDate.init) else { return }
        let range = file.header?.validity?.until?.range ?? headerRange
        if until < today {
            findings.append(Diagnostic(.covenantExpiring, "the covenant \"\(headerTitle)\" expired on \(until) (today is \(today)): every query is denied",
                                       at: range, severity: DiagnosticCode.covenantExpiring.defaultSeverity,
                                       help: "extend 'valid ... until' once the council has adopted the renewal, or withdraw the covenant"))
        } else if until < today.adding(days: 90) {
            findings.append(Diagnostic(.covenantExpiring, "the covenant \"\(headerTitle)\" expires on \(until), within 90 days (today is \(today)); after that day every query is denied",
                                       at: range, severity: DiagnosticCode.covenantExpiring.defaultSeverity,
                                       help: "prepare the renewal for the council, then extend 'valid ... until'"))
        }
    }

    /// L220: one note for a covenant that declares no role.
    mutating func lintRolesNotDeclared() {
        guard roles.guessed else { return }
        var missing: [String] = []
        if let c = roles.consentFact { missing.append("'role consent valid ...' on fact '\(model.facts[c].id)'") } else { missing.append("a fact with 'role consent valid ...'") }
        if let a = roles.ageFact { missing.append("'role age' on fact '\(model.facts[a].id)'") }
        missing.append("'kind' on purposes and obligations")
        findings.append(Diagnostic(.rolesNotDeclared, "the covenant declares no legal roles, so the review guesses consent, age and obligations from names",
                                   at: headerRange, severity: DiagnosticCode.rolesNotDeclared.defaultSeverity,
                                   help: "declare \(missing.joined(separator: ", ")) to make the review exact (LANGUAGE-V2)"))
    }
}

/// The legal roles the lints read: declared (version 2) or, when the covenant declares none,
/// guessed from names as version 1 did.
struct Roles {
    var consentFact: Int?
    /// Encoded values of the consent fact that are valid consent.
    var validConsent: Set<Int64> = []
    var representativeFact: Int?
    var ageFact: Int?
    var obligationKindsDeclared = false
    var purposeKindsDeclared = false
    /// True when the covenant declares no role: the roles above are guessed from names.
    var guessed = false

    init(_ model: CovenantModel) {
        guard model.declaresRoles else {
            guess(model)
            return
        }
        for (i, f) in model.facts.enumerated() {
            switch f.role {
            case .consent(let valid) where consentFact == nil:
                consentFact = i
                validConsent = Set(valid.map(ConditionBuilder.encode))
            case .age where ageFact == nil: ageFact = i
            case .representative where representativeFact == nil: representativeFact = i
            default: break
            }
        }
        obligationKindsDeclared = model.obligations.contains { $0.kindDeclared }
        purposeKindsDeclared = model.purposes.contains { $0.kindDeclared }
    }

    /// Version 1: consent is the fact named consent/toestemming (or an enumeration with the
    /// value given/gegeven), age an int fact named age/leeftijd.
    private mutating func guess(_ model: CovenantModel) {
        guessed = true
        let consentNames: Set<String> = ["consent", "toestemming"], givenWords = ["given", "gegeven", "verleend"]
        for (i, f) in model.facts.enumerated() {
            switch f.type {
            case .enumeration(let values):
                if let g = values.firstIndex(where: { givenWords.contains($0) }), consentNames.contains(f.id) || consentFact == nil {
                    consentFact = i
                    validConsent = [Int64(g)]
                }
            case .bool where consentNames.contains(f.id):
                consentFact = i
                validConsent = [1]
            default: break
            }
        }
        ageFact = model.facts.indices.first { i in
            if case .int = model.facts[i].type { return ["age", "leeftijd"].contains { model.facts[i].id.lowercased().contains($0) } }
            return false
        }
    }
}
