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
        let words: [String] =
            switch kind {
            case .record: ["record", "vastleg", "registr", "dossier"]
            case .inform: ["inform", "mededel"]
            default: []
            }
        return words.contains { text.contains($0) }
    }

    /// Every value the analysis tries for a fact: the values its conditions tell apart, the
    /// `extra` points, and "missing" when it has no default.
    func choices(_ f: Int, extra: [Int64] = []) -> [Int64] {
        var values = candidateValues[f]
        if case .int(let low, let high) = table.facts[f].kind {
            for v in extra where v >= low && v <= high && !values.contains(v) { values.append(v) }
        }
        if table.facts[f].defaultValue == nil { values.append(ResolvedQuery.missing) }
        return values
    }

    /// Whether `condition` can be true for a fact assignment that `allowed` accepts, trying
    /// every combination of the facts it mentions and of `also` (exact, within a bound; past
    /// the bound it answers yes, so no finding is ever suppressed by the bound).
    func canHold(_ condition: Int32, also: [Int] = [], extra: [Int: [Int64]] = [:], where allowed: ([Int64]) -> Bool)
        -> Bool
    {
        var facts = condition >= 0 ? evaluator.mentionedFacts(condition) : []
        for f in also where !facts.contains(f) { facts.append(f) }
        let choices = facts.map { f in (f, self.choices(f, extra: extra[f] ?? [])) }
        var values = table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }
        var budget = 100_000
        var found = false
        // A local, so the closure captures the evaluator and not the whole context (copying
        // the context for every combination dominated the review of a large covenant).
        let evaluator = self.evaluator
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
    func consented(_ v: [Int64]) -> Bool { Self.consented(v, roles) }

    static func consented(_ v: [Int64], _ roles: Roles) -> Bool {
        if let c = roles.consentFact, v[c] != ResolvedQuery.missing, roles.validConsent.contains(v[c]) { return true }
        if let p = roles.representativeFact, v[p] == 1 { return true }
        return false
    }

    /// A permit "requires consent" when its condition is false in every case without valid
    /// consent (and without the representative's). Without a consent fact nothing requires it.
    func requiresConsent(_ r: Int) -> Bool {
        guard roles.consentFact != nil || roles.representativeFact != nil else { return false }
        let also = [roles.consentFact, roles.representativeFact].compactMap { $0 }
        let roles = self.roles
        return !canHold(r, also: also) { !Self.consented($0, roles) }
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

    /// Kinds of basis as the file spells them, in a fixed order: `public_task/legal_obligation`.
    func kindList(_ kinds: Set<BasisKind>, separator: String = "/") -> String {
        kinds.sorted { $0.rawValue < $1.rawValue }.map(spelled).joined(separator: separator)
    }

    /// Up to three parties by id, then ", ...".
    func partyList(_ parties: [Int]) -> String {
        parties.prefix(3).map { model.parties[$0].id }.joined(separator: ", ") + (parties.count > 3 ? ", ..." : "")
    }

    /// `role consent valid` as the file spells it.
    var roleConsent: String { "\(kw(.role)) \(spelled(FactRole.consent)) \(kw(.valid))" }

    /// L201: special categories need a strong basis.
    mutating func lintSpecialCategoryWeakBasis(_ r: Int) {
        let rule = model.rules[r], kinds = basisKinds(rule)
        let special = leaves(rule).compactMap { model.categories[$0].special }
        guard !special.isEmpty, kinds.isDisjoint(with: Self.strongBases) else { return }
        let categories = Set(special).sorted { $0.rawValue < $1.rawValue }.map(spelled).joined(separator: ", ")
        report(
            .specialCategoryWeakBasis, words("lint.L201", rule.id, categories, kindList(kinds, separator: ", ")),
            at: rule.id, help: words("lint.L201.help", kw(.share)))
    }

    /// L202: a permit on a consent basis must require valid consent.
    mutating func lintConsentNotRequired(_ r: Int) {
        let rule = model.rules[r]
        guard basisKinds(rule).contains(.consent) else { return }
        guard let c = roles.consentFact else {
            let consent = example("consent", "toestemming")
            if roles.guessed {
                let (given, refused, none, withdrawn) = (
                    example("given", "gegeven"), example("refused", "geweigerd"), example("none", "geen"),
                    example("withdrawn", "ingetrokken")
                )
                let fact =
                    "\(kw(.fact)) \(consent) : \(given) | \(refused) | \(none) | \(withdrawn) \(kw(.default)) \(none)"
                report(
                    .consentNotRequired, words("lint.L202.noFact.guessed", rule.id), at: rule.id,
                    help: words("lint.L202.noFact.guessed.help", fact, "\(kw(.when)) \(consent) == \(given)"))
            } else {
                let (specific, general, none) = (
                    example("specific", "specifiek"), example("general", "algemeen"), example("none", "geen")
                )
                let fact =
                    "\(kw(.fact)) \(consent) : \(specific) | \(general) | \(none) \(kw(.default)) \(none) "
                    + "{ \(roleConsent) \(specific) }"
                report(
                    .consentNotRequired,
                    words("lint.L202.noFact", rule.id, "\(kw(.role)) \(spelled(FactRole.consent))"), at: rule.id,
                    help: words("lint.L202.noFact.help", fact, "\(kw(.when)) \(consent) == \(specific)"))
            }
            return
        }
        guard !requiresConsent(r) else { return }
        let valid = roles.validConsent.sorted().map { value($0, fact: c) }
        let condition =
            "\(model.facts[c].id) "
            + "\(valid.count == 1 ? "== \(valid[0])" : "\(kw(.in)) {\(valid.joined(separator: ", "))}")"
        report(
            .consentNotRequired, words("lint.L202", rule.id, condition),
            at: rule.id, help: words("lint.L202.help", "\(kw(.when)) \(condition)", kw(.and)))
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
                let own =
                    roles.consentFact.map { v[$0] != ResolvedQuery.missing && roles.validConsent.contains(v[$0]) }
                    ?? false
                return !(own && v[rep] == 1)
            }
            let who: String
            switch (child, young) {
            case (true, true):
                who = words("lint.L203.childAndYoung", words("lint.L203.child"), words("lint.L203.young"))
            case (true, false): who = words("lint.L203.child")
            case (false, true): who = words("lint.L203.young")
            case (false, false): return
            }
            report(
                .consentIgnoresAge, words("lint.L203", rule.id, who), at: rule.id,
                help: words("lint.L203.help", "\(kw(.and)) \(model.facts[age].id) >= 16", model.facts[rep].id))
            return
        }
        guard roles.ageFact.map({ !(rule.condition?.facts ?? []).contains($0) }) ?? true else { return }
        let help: String
        if let a = roles.ageFact {
            help = words("lint.L203.noAge.help", "\(kw(.and)) \(model.facts[a].id) >= 16")
        } else {
            let age = example("age", "leeftijd")
            let fact =
                "\(kw(.fact)) \(age) : \(kw(.int)) 0..130"
                + (roles.guessed ? "" : " { \(kw(.role)) \(spelled(FactRole.age)) }")
            help = words("lint.L203.declareAge.help", fact, "\(age) >= 16")
        }
        report(.consentIgnoresAge, words("lint.L203.noAge", rule.id), at: rule.id, help: help)
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
        guard exceptional(r), !rule.obligations.contains(where: { obligation($0.obligation, is: .record) }) else {
            return
        }
        let record = example("record", "vastleggen")  // the example obligation's name
        let oblige = "\(kw(.oblige)) \(record)"
        let help =
            roles.obligationKindsDeclared
            ? words(
                "lint.L204.kind.help", spelled(ObligationKind.record),
                "\(kw(.obligation)) \(record) \"Afweging en besluit vastleggen\" { \(kw(.kind)) "
                    + "\(spelled(ObligationKind.record)) }",
                oblige)
            : words(
                "lint.L204.help", "\(kw(.obligation)) \(record) \"Afweging en besluit vastleggen in het dossier\"",
                oblige)
        report(.exceptionalWithoutRecord, words("lint.L204", rule.id), at: rule.id, help: help, fix: recordFix(rule.id))
    }

    /// L204's fix-it when the covenant declares an obligation to record: oblige it, after the
    /// rule's last obligation or, without any, as a clause of its own before the rule's `}`.
    func recordFix(_ id: String) -> FixIt? {
        guard let record = model.obligations.indices.first(where: { obligation($0, is: .record) }),
            let d = ruleDecl(id), !d.recovered
        else { return nil }
        let name = model.obligations[record].id
        if let last = d.obligations?.last { return insertion(", \(name)", at: last.range.end) }
        let end = d.range.end
        guard end.column > 1 else { return nil }
        let brace = SourceLocation(line: end.line, column: end.column - 1, offset: end.offset - 1)
        // A `}` on a line of its own gets the clause on a line before it; otherwise the clause
        // goes before the `}` on its line.
        return insertion(end.column == 2 ? "  \(kw(.oblige)) \(name)\n" : "\(kw(.oblige)) \(name) ", at: brace)
    }

    /// L205: an exceptional provision obliges informing the subject (the duty may be postponed
    /// or waived for weighty reasons); not for aggregates, nor towards one's own processor.
    mutating func lintExceptionalWithoutInform(_ r: Int) {
        let rule = model.rules[r]
        guard exceptional(r), !personal(rule).isEmpty, !toOwnProcessorOnly(rule),
            !rule.obligations.contains(where: { obligation($0.obligation, is: .inform) })
        else { return }
        report(
            .exceptionalWithoutInform, words("lint.L205", rule.id), at: rule.id,
            help: words(
                "lint.L205.help", "\(kw(.oblige)) \(example("inform", "informeren"))",
                "\(kw(.postponed)) \(kw(.while)) ...", "\(kw(.unless)) ...", kw(.after)))
    }

    /// L206: routine sharing on a public task or legal obligation informs the subject.
    mutating func lintRoutineWithoutInform(_ r: Int) {
        let rule = model.rules[r], kinds = basisKinds(rule)
        guard !exceptional(r), !kinds.isEmpty, kinds.isSubset(of: [.public_task, .legal_obligation]),
            !personal(rule).isEmpty,
            !toOwnProcessorOnly(rule), !rule.obligations.contains(where: { obligation($0.obligation, is: .inform) })
        else { return }
        report(
            .routineWithoutInform, words("lint.L206", rule.id, kindList(kinds)), at: rule.id,
            help: words("lint.L206.help", "\(kw(.oblige)) \(example("inform", "informeren")) \(kw(.before))"))
    }

    /// L207: general up-front consent is no basis for the government's own task (seed 003).
    mutating func lintConsentFromGovernment(_ r: Int) {
        let rule = model.rules[r]
        guard basisKinds(rule).contains(.consent) else { return }
        if roles.guessed {
            if let c = model.controller, parties(rule.senders).contains(c), model.parties[c].kind == .government {
                report(
                    .consentFromGovernment, words("lint.L207.guessed", rule.id, model.parties[c].id), at: rule.id,
                    help: words("lint.L207.guessed.help"))
            }
            return
        }
        let government = parties(rule.senders).filter { model.isGovernment($0) }.sorted()
        let ordinary = personal(rule).filter { model.categories[$0].special == nil }
        guard !government.isEmpty, !ordinary.isEmpty else { return }
        report(
            .consentFromGovernment,
            words(government.count == 1 ? "lint.L207.one" : "lint.L207.many", rule.id, partyList(government)),
            at: rule.id, help: words("lint.L207.help"))
    }

    /// L208: what-information from care to enforcement (seed 004 §1.2).
    mutating func lintCareToEnforcement(_ r: Int) {
        let rule = model.rules[r], kinds = basisKinds(rule)
        let careSenders = parties(rule.senders).filter {
            model.parties[$0].kind == .care || model.parties[$0].secrecy != .none
        }.sorted()
        let enforcement = parties(rule.recipients).filter { model.parties[$0].kind == .enforcement }.sorted()
        guard !careSenders.isEmpty, !enforcement.isEmpty,
            leaves(rule).contains(where: { model.categories[$0].nature == .what })
        else { return }
        let senders = careSenders.prefix(3).map { model.parties[$0].id }.joined(separator: ", ")
        let recipients = enforcement.prefix(3).map { model.parties[$0].id }.joined(separator: ", ")
        if let purposeKinds = purposeKinds(rule) {
            let forEnforcement = purposeKinds.filter { $0.value == .enforcement }.keys.sorted()
            guard !forEnforcement.isEmpty, kinds.isDisjoint(with: [.law, .legal_obligation]) else { return }
            let purposes = forEnforcement.prefix(3).map { model.purposes[$0].id }.joined(separator: ", ")
            report(
                .careToEnforcement, words("lint.L208.purpose", rule.id, senders, recipients, purposes, kindList(kinds)),
                at: rule.id, help: words("lint.L208.purpose.help", spelled(PurposeKind.safety)))
            return
        }
        guard kinds.isDisjoint(with: [.vital_interest, .legal_obligation, .law, .conflict_of_duties]) else { return }
        report(
            .careToEnforcement, words("lint.L208", rule.id, senders, recipients, kindList(kinds)),
            at: rule.id, help: words("lint.L208.help"))
    }

    /// L209: a closed-regime party shares only for its law's purposes.
    mutating func lintClosedRegimePurpose(_ r: Int) {
        let rule = model.rules[r]
        for s in parties(rule.senders).sorted() {
            guard let allowed = model.parties[s].regimePurposes else { continue }
            let lawful = Set(allowed.flatMap { purposeClosure[$0] })
            let outside = purposes(rule).subtracting(lawful)
            if !outside.isEmpty {
                let party = model.parties[s].id,
                    purposes = outside.sorted().prefix(4).map { model.purposes[$0].id }.joined(separator: ", ")
                let message =
                    model.parties[s].regimeLaw.map { words("lint.L209.law", rule.id, party, purposes, $0) }
                    ?? words("lint.L209", rule.id, party, purposes)
                report(
                    .closedRegimePurpose, message, at: rule.id,
                    help: words(
                        "lint.L209.help", kw(.for), allowed.map { model.purposes[$0].id }.joined(separator: ", "), party
                    ))
            }
        }
    }

    /// L210: a whole tree or any purpose to another domain.
    mutating func lintBroadGrant(_ r: Int) {
        let rule = model.rules[r]
        let roots = rule.categories.filter {
            model.categories[$0].parent == nil && !model.categories[$0].children.isEmpty
        }
        let senderKinds = Set(parties(rule.senders).map { model.parties[$0].kind })
        let foreign = parties(rule.recipients).filter {
            !senderKinds.contains(model.parties[$0].kind) && model.parties[$0].processorFor == nil
        }.sorted()
        guard !foreign.isEmpty, !roots.isEmpty || rule.purposes == .any else { return }
        let outsiders = foreign.prefix(3).map { model.parties[$0].id }.joined(separator: ", ")
        let message =
            switch (roots.first, rule.purposes == .any) {
            case (let root?, true): words("lint.L210.treeForAny", rule.id, model.categories[root].id, outsiders)
            case (let root?, false): words("lint.L210.tree", rule.id, model.categories[root].id, outsiders)
            case (nil, _): words("lint.L210.any", rule.id, outsiders)
            }
        report(.broadGrant, message, at: rule.id, help: words("lint.L210.help"))
    }

    /// L214: a vital interest serves safety (or public health); a conflict of duties, safety.
    mutating func lintBasisPurposeMismatch(_ r: Int) {
        let rule = model.rules[r]
        guard let kinds = purposeKinds(rule) else { return }
        for b in rule.bases {
            let basis = model.bases[b]
            let fitting: Set<PurposeKind> =
                switch basis.kind {
                case .vital_interest: [.safety, .public_health]
                case .conflict_of_duties: [.safety]
                default: []
                }
            guard !fitting.isEmpty else { continue }
            let misfits = kinds.filter { !fitting.contains($0.value) }.keys.sorted()
            guard !misfits.isEmpty else { continue }
            let named = misfits.prefix(4).map { "\(model.purposes[$0].id) (\(spelled(model.purposes[$0].kind)))" }
            let list = named.joined(separator: ", ") + (misfits.count > 4 ? ", ..." : "")
            let sorted = fitting.sorted { $0.rawValue < $1.rawValue }.map(spelled)
            let kindsThatFit = sorted.dropFirst().reduce(sorted[0]) { words("lint.or", $0, $1) }
            if basis.kind == .vital_interest {
                report(
                    .basisPurposeMismatch, words("lint.L214.vital", rule.id, basis.id, list),
                    at: rule.id, help: words("lint.L214.vital.help", kw(.for), kindsThatFit))
            } else {
                report(
                    .basisPurposeMismatch, words("lint.L214.conflict", rule.id, basis.id, list),
                    at: rule.id, help: words("lint.L214.conflict.help", kw(.for), kindsThatFit))
            }
        }
    }

    /// L215: accountability to the council gets aggregates, never personal data (seed 002 annex 3 b.3).
    mutating func lintAccountabilityNotAggregate(_ r: Int) {
        let rule = model.rules[r]
        guard let kinds = purposeKinds(rule), kinds.values.contains(.accountability) else { return }
        let personal = personal(rule).sorted()
        guard !personal.isEmpty else { return }
        report(
            .accountabilityNotAggregate,
            words("lint.L215", rule.id, personal.prefix(4).map { model.categories[$0].id }.joined(separator: ", ")),
            at: rule.id, help: words("lint.L215.help", "\(kw(.nature)) \(spelled(Nature.aggregate))", kw(.for)))
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
            report(
                .obligationAlwaysWaived, words("lint.L216", id, rule.id, "\(kw(.unless)) \(use.unlessText ?? "")"),
                at: rule.id, help: words("lint.L216.help", kw(.unless), "\(kw(.postponed)) \(kw(.while)) ..."))
        }
    }

    /// L217: a processor shares only with the party it processes for.
    mutating func lintProcessorSender(_ r: Int) {
        let rule = model.rules[r]
        for s in parties(rule.senders).sorted() {
            guard let principal = model.parties[s].processorFor else { continue }
            let others = parties(rule.recipients).filter { $0 != principal && !actsFor($0, principal) }.sorted()
            guard !others.isEmpty else { continue }
            report(
                .processorSender,
                words("lint.L217", rule.id, model.parties[s].id, partyList(others), model.parties[principal].id),
                at: rule.id, help: words("lint.L217.help", model.parties[principal].id))
        }
    }

    /// L218: a closed regime that names its recipients allows no others.
    mutating func lintRegimeRecipient(_ r: Int) {
        let rule = model.rules[r]
        for s in parties(rule.senders).sorted() {
            guard let allowed = model.parties[s].regimeRecipients else { continue }
            let outside = parties(rule.recipients).subtracting(allowed).sorted()
            guard !outside.isEmpty else { continue }
            let party = model.parties[s].id
            let message =
                model.parties[s].regimeLaw.map { words("lint.L218.law", rule.id, party, partyList(outside), $0) }
                ?? words("lint.L218", rule.id, party, partyList(outside))
            report(
                .regimeRecipient, message,
                at: rule.id,
                help: words(
                    "lint.L218.help", allowed.prefix(5).map { model.parties[$0].id }.joined(separator: ", "), party))
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
            while let x = current, !found {
                found = model.categories[x].retention != nil; current = model.categories[x].parent
            }
            if !found {
                report(
                    .missingRetention, words("lint.L211", c.id), at: c.id,
                    help: words("lint.L211.help", "\(kw(.retention)) \(example("5 years", "5 jaar"))"))
            }
        }
    }

    var headerTitle: String { file.header?.title.value ?? "" }
    var headerRange: SourceRange { file.header?.title.range ?? at(model.rules.first?.id ?? "") }

    /// L212
    mutating func lintNoSharingWithoutConsent() {
        let hasConsent = roles.consentFact != nil || roles.representativeFact != nil
        guard
            !model.rules.indices.contains(where: {
                model.rules[$0].effect == .permit && hasConsent && !requiresConsent($0)
            })
        else { return }
        let message =
            hasConsent
            ? words("lint.L212", headerTitle)
            : roles.guessed
                ? words("lint.L212.noFact.guessed", headerTitle)
                : words("lint.L212.noFact", headerTitle, "\(kw(.role)) \(spelled(FactRole.consent))")
        findings.append(
            Diagnostic(
                .noSharingWithoutConsent, message, at: headerRange,
                severity: DiagnosticCode.noSharingWithoutConsent.defaultSeverity,
                help: words("lint.L212.help")))
    }

    /// L213
    mutating func lintNoTests() {
        guard model.tests.isEmpty else { return }
        findings.append(
            Diagnostic(
                .noTests, words("lint.L213", headerTitle), at: headerRange,
                severity: DiagnosticCode.noTests.defaultSeverity,
                help: words("lint.L213.help", "\(kw(.test)) \"...\" { \(kw(.query)) ... \(kw(.expect)) ... }")))
    }

    /// L219: the covenant has expired, or expires within 90 days (semantics 8).
    mutating func lintExpiry(_ today: CalendarDate) {
        guard let until = model.validUntil.flatMap(CalendarDate.init) else { return }
        let range = file.header?.validity?.until?.range ?? headerRange
        let validity = "\(kw(.valid)) ... \(kw(.until))"
        if until < today {
            findings.append(
                Diagnostic(
                    .covenantExpiring, words("lint.L219.expired", headerTitle, "\(until)", "\(today)"),
                    at: range, severity: DiagnosticCode.covenantExpiring.defaultSeverity,
                    help: words("lint.L219.expired.help", validity)))
        } else if until < today.adding(days: 90) {
            findings.append(
                Diagnostic(
                    .covenantExpiring, words("lint.L219.expiring", headerTitle, "\(until)", "\(today)"),
                    at: range, severity: DiagnosticCode.covenantExpiring.defaultSeverity,
                    help: words("lint.L219.expiring.help", validity)))
        }
    }

    /// L220: one note for a covenant that declares no role.
    mutating func lintRolesNotDeclared() {
        guard roles.guessed else { return }
        var missing: [String] = []
        let consentRole = "\(roleConsent) ..."
        if let c = roles.consentFact {
            missing.append(words("lint.L220.onFact", consentRole, model.facts[c].id))
        } else {
            missing.append(words("lint.L220.aFactWith", consentRole))
        }
        if let a = roles.ageFact {
            missing.append(words("lint.L220.onFact", "\(kw(.role)) \(spelled(FactRole.age))", model.facts[a].id))
        }
        missing.append(words("lint.L220.kinds", kw(.kind)))
        findings.append(
            Diagnostic(
                .rolesNotDeclared, words("lint.L220"),
                at: headerRange, severity: DiagnosticCode.rolesNotDeclared.defaultSeverity,
                help: words("lint.L220.help", missing.joined(separator: ", "))))
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
                if let g = values.firstIndex(where: { givenWords.contains($0) }),
                    consentNames.contains(f.id) || consentFact == nil
                {
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
            if case .int = model.facts[i].type {
                return ["age", "leeftijd"].contains { model.facts[i].id.lowercased().contains($0) }
            }
            return false
        }
    }
}
