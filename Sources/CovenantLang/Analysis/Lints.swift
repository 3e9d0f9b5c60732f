import CovenantEval
import Dispatch
import Synchronization

/// The review of a checked covenant before adoption: the exact rule analysis (A1xx) and the
/// legal lints (L2xx), as diagnostics pointing at the clause, with witnesses and the principle
/// each rests on. `// covenant:allow CODE "reason"` before (or inside) a declaration marks its
/// findings of that code as acknowledged: still reported, no longer counted.
public enum Review {
    /// The default work bound of the exact analysis, in rule evaluations (one decision costs
    /// as many as the rules it weighs).
    public static let defaultBudget = 40_000_000

    /// `today`, when given, also checks that the covenant has not expired (nor expires
    /// within 90 days). `literate`, the document a `*.covenant.md` file was split from, adds
    /// the review of its text (L221, LiterateLints.swift).
    public static func findings(
        _ file: CovenantFile, _ model: CovenantModel, _ table: DecisionTable,
        budget: Int = Review.defaultBudget, today: CalendarDate? = nil,
        literate: LiterateDocument? = nil
    ) -> [Diagnostic] {
        // The exact analysis on one core, the lints on the other; the findings are put together
        // in the same order whichever finishes first.
        let analysis = Mutex<RuleAnalysis.Result?>(nil)
        let others = Mutex<[Diagnostic]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let result = RuleAnalysis(model: model, table: table, budget: budget, language: file.language).run()
                analysis.withLock { $0 = result }
            } else {
                var lints = LintContext(file: file, model: model, table: table)
                lints.checkRules()
                lints.checkCovenant(today: today)
                lints.checkIdentityTravels(budget: budget)
                lints.checkGuarantees(budget: budget)
                if let literate { lints.checkLiterate(literate) }
                others.withLock { $0 = lints.findings }
            }
        }
        var lints = LintContext(file: file, model: model, table: table)
        if let result = analysis.withLock({ $0 }) { lints.report(result, budget: budget) }
        lints.findings += others.withLock { $0 }
        return acknowledge(lints.findings, in: file).sortedByPosition().map {
            var d = $0; d.language = file.messages; return d
        }
    }

    /// Applies `// covenant:allow CODE "reason"` comments: each covers the declaration it stands
    /// in or, outside any, the next one (the covenant header counts as one). An allow that
    /// accepts no finding is itself a warning (L223): a stale acknowledgement hides nothing
    /// today, but would silently accept a new finding of that code tomorrow.
    static func acknowledge(_ findings: [Diagnostic], in file: CovenantFile) -> [Diagnostic] {
        var targets = file.declarations.map(\.range)
        if let header = file.header { targets.append(header.range) }
        targets.sort { $0.start.offset < $1.start.offset }
        var allows: [(code: String, reason: String, range: SourceRange, comment: SourceRange)] = []
        for comment in file.comments {
            let body = comment.text.dropFirst(2).drop { $0 == " " }
            guard body.hasPrefix("covenant:allow ") else { continue }
            let rest = body.dropFirst("covenant:allow ".count)
            let code = String(rest.prefix { $0 != " " })
            var reason = String(rest.dropFirst(code.count).drop { $0 == " " || $0 == "\t" })
            while reason.hasSuffix(" ") || reason.hasSuffix("\t") { reason.removeLast() }
            if reason.hasPrefix("\""), reason.hasSuffix("\""), reason.count >= 2 {
                reason = String(reason.dropFirst().dropLast())
            }
            let offset = comment.range.start.offset
            guard
                let target = targets.first(where: { $0.start.offset <= offset && offset < $0.end.offset })
                    ?? targets.first(where: { $0.start.offset >= offset })
            else { continue }
            allows.append(
                (code, reason.isEmpty ? Words(file.messages)("lint.noReason") : reason, target, comment.range))
        }
        var used = Set<Int>()
        var result = findings.map { finding in
            var f = finding
            if let k = allows.firstIndex(where: {
                $0.code == finding.code.rawValue && $0.range.start.offset <= finding.range.start.offset
                    && finding.range.start.offset < max($0.range.end.offset, $0.range.start.offset + 1)
            }) {
                f.acknowledgement = allows[k].reason
                used.insert(k)
            }
            return f
        }
        let words = Words(file.messages)
        for (k, allow) in allows.enumerated() where !used.contains(k) {
            let code = DiagnosticCode(rawValue: allow.code)
            // Whether a covenant has expired depends on the day it is checked: an acknowledged
            // L219 accepts nothing on the days the covenant is in force, and is not stale then.
            if code == .covenantExpiring { continue }
            let known = code?.isReview == true
            result.append(
                Diagnostic(
                    .staleAcknowledgement,
                    words(known ? "lint.L223" : "lint.L223.unknown", allow.code), at: allow.comment,
                    severity: DiagnosticCode.staleAcknowledgement.defaultSeverity,
                    help: words(known ? "lint.L223.help" : "lint.L223.unknown.help")))
        }
        return result
    }
}

struct LintContext {
    let file: CovenantFile
    let model: CovenantModel
    let table: DecisionTable
    let evaluator: Evaluator
    var findings: [Diagnostic] = []
    /// Name → where it is declared (the identifier itself).
    var names: [String: SourceRange] = [:]
    let leavesBelow: [[Int]]
    let purposeClosure: [[Int]]
    /// The legal roles the lints read (declared, or guessed from names in a version-1 covenant).
    let roles: Roles
    /// Each fact's candidate values (`Evaluator.candidateValues`), computed once.
    let candidateValues: [[Int64]]

    init(file: CovenantFile, model: CovenantModel, table: DecisionTable) {
        self.file = file
        self.table = table
        self.evaluator = Evaluator(compiled: table)
        var model = model
        if !model.hasIndexes { model.deriveIndexes() }
        self.model = model
        leavesBelow = model.categoryLeaves
        purposeClosure = model.purposeClosure
        names = model.declarationRanges
        roles = Roles(model)
        candidateValues = evaluator.allCandidateValues()
    }

    /// The language of this file's messages.
    var words: Words { Words(file.messages) }

    func at(_ name: String) -> SourceRange {
        names[name] ?? file.header?.range
            ?? SourceRange(
                file: file.path, start: .init(line: 1, column: 1, offset: 0), end: .init(line: 1, column: 1, offset: 0))
    }

    /// A keyword as this file spells it. Syntax a finding suggests is in the file's keyword
    /// language, whatever the language of the message: it is what the file must contain.
    func kw(_ keyword: Keyword) -> String { keyword.spellings(file.language)[0] }

    /// A value word (a kind, a nature, ...) as this file spells it.
    func spelled<Value: ValueWord>(_ value: Value) -> String { value.spellings(file.language)[0] }

    /// Part of a syntax example that is not a keyword (an example name or value), in the
    /// file's keyword language.
    func example(_ english: String, _ dutch: String) -> String { file.language == .nl ? dutch : english }

    /// A fact value as the file writes it (`true`/`ja`, an enumeration value as declared).
    func value(_ v: Int64, fact f: Int) -> String { table.valueText(v, fact: f, file.language.messageLanguage) }

    /// Rule ids quoted and listed, as findings name them.
    func quoted(_ rules: [Int]) -> String { rules.map { "'\(model.rules[$0].id)'" }.joined(separator: ", ") }

    mutating func report(
        _ code: DiagnosticCode, _ message: String, at name: String, witness: String? = nil, help: String? = nil,
        notes: [DiagnosticNote] = [], fix: FixIt? = nil
    ) {
        var d = Diagnostic(
            code, message, at: at(name), severity: code.defaultSeverity, notes: notes,
            help: help ?? code.rationale(in: words.language), fix: fix)
        d.witness = witness
        findings.append(d)
    }

    /// The rule as written, for a fix-it that edits it.
    func ruleDecl(_ id: String) -> RuleDecl? {
        for case .rule(let d) in file.declarations where d.id.name == id { return d }
        return nil
    }

    /// A fix-it that inserts `text` at `location`.
    func insertion(_ text: String, at location: SourceLocation) -> FixIt {
        FixIt(range: SourceRange(file: file.path, start: location, end: location), replacement: text)
    }

    // MARK: Rule analysis

    /// The findings of the exact analysis: dead rules, overlaps, and what the work bound left out.
    mutating func report(_ result: RuleAnalysis.Result, budget: Int) {
        let rules = model.rules
        for (r, dead) in result.dead.sorted(by: { $0.key < $1.key }) {
            let id = rules[r].id
            switch dead {
            case .outOfScope:
                report(.deadRule, words("lint.A101.outOfScope", id), at: id, help: words("lint.A101.outOfScope.help"))
            case .neverApplies:
                report(
                    .deadRule, words("lint.A101.neverApplies", id), at: id, help: words("lint.A101.neverApplies.help"))
            case .alwaysDefeated(let by, let witness):
                report(
                    .deadRule,
                    words(by.count == 1 ? "lint.A101.defeated.one" : "lint.A101.defeated.many", id, quoted(by)),
                    at: id, witness: witness, help: words("lint.A101.defeated.help"))
            case .overridden(let by, let witness):
                let target = by.first.map { rules[$0].id } ?? "..."
                let exception = "\(kw(.rule)) \(id) \(kw(.exception)) \(kw(.to)) \(target)"
                // The fix writes `exception to FORBID` after the rule's name and title.
                let fix = ruleDecl(id).flatMap { d in
                    d.exceptionTo == nil && by.first != nil
                        ? insertion(" \(kw(.exception)) \(kw(.to)) \(target)", at: (d.title?.range ?? d.id.range).end)
                        : nil
                }
                report(
                    .overriddenPermit, words(by.count == 1 ? "lint.A102.one" : "lint.A102.many", id, quoted(by)),
                    at: id, witness: witness,
                    help: words("lint.A102.help", exception), fix: fix)
            }
        }
        for (a, b, witness) in result.overlaps {
            let (x, y) = (rules[a], rules[b])
            report(
                .overlappingPermits, words("lint.A103", x.id, y.id), at: y.id, witness: witness,
                help: words("lint.A103.help"),
                notes: [DiagnosticNote(words("lint.declaredHere", x.id), at: at(x.id))])
        }
        if !result.unfinished.isEmpty {
            var names = result.unfinished.prefix(10).map { "'\(rules[$0].id)'" }.joined(separator: ", ")
            if result.unfinished.count > 10 { names = words("lint.andMore", names, "\(result.unfinished.count - 10)") }
            report(
                .analysisBounded,
                words(
                    result.unfinished.count == 1 ? "lint.A106.one" : "lint.A106.many", names,
                    "\(RuleAnalysis.maxCombinationsPerCell)", "\(budget)"),
                at: rules[result.unfinished[0]].id, help: words("lint.A106.help"))
        }
        if result.overlapsUnfinished {
            report(.analysisBounded, words("lint.A106.overlaps", "\(budget)"), at: rules.first?.id ?? "")
        }
        checkExceptionScopes()
        checkUnused()
    }

    func parties(_ t: ResolvedTargets) -> Set<Int> {
        if case .some(let l) = t { return Set(l) }
        return Set(model.anyParties)
    }

    func leaves(_ rule: RuleInfo) -> Set<Int> { Set(rule.categories.flatMap { leavesBelow[$0] }) }

    func purposes(_ rule: RuleInfo) -> Set<Int> {
        if case .some(let l) = rule.purposes { return Set(l.flatMap { purposeClosure[$0] }) }
        return Set(model.purposes.indices)
    }

    mutating func checkExceptionScopes() {
        for rule in model.rules {
            guard let t = rule.exceptionTo else { continue }
            let target = model.rules[t]
            var disjoint: [String] = []
            if parties(rule.senders).isDisjoint(with: parties(target.senders)) {
                disjoint.append(words("lint.A104.senders"))
            }
            if parties(rule.recipients).isDisjoint(with: parties(target.recipients)) {
                disjoint.append(words("lint.A104.recipients"))
            }
            if leaves(rule).isDisjoint(with: leaves(target)) { disjoint.append(words("lint.A104.categories")) }
            if purposes(rule).isDisjoint(with: purposes(target)) { disjoint.append(words("lint.A104.purposes")) }
            if let first = disjoint.first {
                let all = disjoint.dropFirst().reduce(first) { words("lint.and", $0, $1) }
                report(
                    .exceptionOutOfScope, words("lint.A104", rule.id, target.id, all),
                    at: rule.id, notes: [DiagnosticNote(words("lint.declaredHere", target.id), at: at(target.id))])
            }
        }
    }

    mutating func checkUnused() {
        var usedParties = Set<Int>(), usedLeaves = Set<Int>(), usedPurposes = Set<Int>(), usedFacts = Set<Int>()
        var usedBases = Set<Int>(), usedObligations = Set<Int>()
        usedParties.formUnion(model.controllers)
        for p in model.parties {
            if let a = p.actsFor { usedParties.insert(a) }
            if let a = p.processorFor { usedParties.insert(a) }
            usedParties.formUnion(p.regimeRecipients ?? [])
        }
        for p in model.parties { usedPurposes.formUnion(p.regimePurposes ?? []) }
        for rule in model.rules {
            usedParties.formUnion(parties(rule.senders))
            usedParties.formUnion(parties(rule.recipients))
            usedLeaves.formUnion(leaves(rule))
            usedPurposes.formUnion(purposes(rule))
            usedFacts.formUnion(rule.condition?.facts ?? [])
            for o in rule.obligations {
                usedFacts.formUnion(o.unless?.facts ?? [])
                usedFacts.formUnion(o.postponedWhile?.facts ?? [])
                usedObligations.insert(o.obligation)
            }
            usedBases.formUnion(rule.bases)
        }

        // One sentence per kind of declaration, so the Dutch gets its noun right.
        func unused(_ message: String, _ id: String) {
            report(.unusedDeclaration, message, at: id, help: words("lint.A105.help"))
        }
        for (i, p) in model.parties.enumerated() where !usedParties.contains(i) {
            unused(words("lint.A105.party", p.id), p.id)
        }
        for (i, g) in model.groups.enumerated() where !model.referencedGroups.contains(i) {
            unused(words("lint.A105.group", g.id), g.id)
        }
        for (i, c) in model.categories.enumerated() where leavesBelow[i].allSatisfy({ !usedLeaves.contains($0) }) {
            // Report the highest unused category only.
            if let parent = c.parent, leavesBelow[parent].allSatisfy({ !usedLeaves.contains($0) }) { continue }
            unused(words("lint.A105.category", c.id), c.id)
        }
        for (i, p) in model.purposes.enumerated() where !usedPurposes.contains(i) {
            if let parent = p.parent, !usedPurposes.contains(parent) { continue }
            unused(words("lint.A105.purpose", p.id), p.id)
        }
        for (i, f) in model.facts.enumerated() where !usedFacts.contains(i) {
            unused(words("lint.A105.fact", f.id), f.id)
        }
        for (i, b) in model.bases.enumerated() where !usedBases.contains(i) {
            unused(words("lint.A105.basis", b.id), b.id)
        }
        for (i, o) in model.obligations.enumerated() where !usedObligations.contains(i) {
            unused(words("lint.A105.obligation", o.id), o.id)
        }
    }
}
