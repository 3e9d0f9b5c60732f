import CovenantEval

/// The review of a checked covenant before adoption: the exact rule analysis (A1xx) and the
/// legal lints (L2xx), as diagnostics pointing at the clause, with witnesses and the principle
/// each rests on. `// covenant:allow CODE "reason"` before (or inside) a declaration marks its
/// findings of that code as acknowledged: still reported, no longer counted.
public enum Review {
    /// The default work bound of the exact analysis, in rule evaluations (one decision costs
    /// as many as the rules it weighs).
    public static let defaultBudget = 40_000_000

    /// `today`, when given, also checks that the covenant has not expired (nor expires
    /// within 90 days).
    public static func findings(_ file: CovenantFile, _ model: CovenantModel, _ table: DecisionTable,
                                budget: Int = Review.defaultBudget, today: CalendarDate? = nil) -> [Diagnostic] {
        var lints = LintContext(file: file, model: model, table: table)
        lints.analyse(budget: budget)
        lints.checkRules()
        lints.checkCovenant(today: today)
        return acknowledge(lints.findings, in: file).sortedByPosition().map { var d = $0; d.language = file.messages; return d }
    }

    /// Applies `// covenant:allow CODE "reason"` comments: each covers the declaration it stands
    /// in or, outside any, the next one (the covenant header counts as one).
    static func acknowledge(_ findings: [Diagnostic], in file: CovenantFile) -> [Diagnostic] {
        var targets = file.declarations.map(\.range)
        if let header = file.header { targets.append(header.range) }
        targets.sort { $0.start.offset < $1.start.offset }
        var allows: [(code: String, reason: String, range: SourceRange)] = []
        for comment in file.comments {
            let body = comment.text.dropFirst(2).drop { $0 == " " }
            guard body.hasPrefix("covenant:allow ") else { continue }
            let rest = body.dropFirst("covenant:allow ".count)
            let code = String(rest.prefix { $0 != " " })
            var reason = String(rest.dropFirst(code.count).drop { $0 == " " || $0 == "\t" })
            while reason.hasSuffix(" ") || reason.hasSuffix("\t") { reason.removeLast() }
            if reason.hasPrefix("\""), reason.hasSuffix("\""), reason.count >= 2 { reason = String(reason.dropFirst().dropLast()) }
            let offset = comment.range.start.offset
            guard let target = targets.first(where: { $0.start.offset <= offset && offset < $0.end.offset })
                    ?? targets.first(where: { $0.start.offset >= offset }) else { continue }
            allows.append((code, reason.isEmpty ? "(no reason given)" : reason, target))
        }
        return findings.map { finding in
            var f = finding
            if let allow = allows.first(where: { $0.code == finding.code.rawValue && $0.range.start.offset <= finding.range.start.offset && finding.range.start.offset < max($0.range.end.offset, $0.range.start.offset + 1) }) {
                f.acknowledgement = allow.reason
            }
            return f
        }
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

    init(file: CovenantFile, model: CovenantModel, table: DecisionTable) {
        self.file = file
        self.table = table
        self.evaluator = Evaluator(table: table)
        var model = model
        if !model.hasIndexes { model.deriveIndexes() }
        self.model = model
        leavesBelow = model.categoryLeaves
        purposeClosure = model.purposeClosure
        names = model.declarationRanges
        roles = Roles(model)
    }

    /// The language of this file's messages.
    var words: Words { Words(file.messages) }

    func at(_ name: String) -> SourceRange {
        names[name] ?? file.header?.range ?? SourceRange(file: file.path, start: .init(line: 1, column: 1, offset: 0), end: .init(line: 1, column: 1, offset: 0))
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, at name: String, witness: String? = nil, help: String? = nil, notes: [DiagnosticNote] = []) {
        var d = Diagnostic(code, message, at: at(name), severity: code.defaultSeverity, notes: notes, help: help ?? code.rationale)
        d.witness = witness
        findings.append(d)
    }

    // MARK: Rule analysis

    mutating func analyse(budget: Int) {
        let result = RuleAnalysis(model: model, table: table, budget: budget).run()
        let rules = model.rules
        for (r, dead) in result.dead.sorted(by: { $0.key < $1.key }) {
            let id = rules[r].id
            switch dead {
            case .outOfScope:
                report(.deadRule, "rule '\(id)' never decides anything: no query is in its scope", at: id,
                       help: "check its senders, recipients, categories and purposes (an empty group?)")
            case .neverApplies:
                report(.deadRule, "rule '\(id)' never decides anything: its condition never holds where it is in scope", at: id,
                       help: "the condition is unsatisfiable; check the comparisons and the fact ranges")
            case .alwaysDefeated(let by, let witness):
                report(.deadRule, "rule '\(id)' never decides anything: whenever it applies, exception \(by.map { "'\(rules[$0].id)'" }.joined(separator: ", ")) defeats it",
                       at: id, witness: witness, help: "narrow the exception, or remove the rule")
            case .overridden(let by, let witness):
                let forbids = by.map { "'\(rules[$0].id)'" }.joined(separator: ", ")
                report(.overriddenPermit, "permit '\(id)' never decides: whenever it applies, forbid \(forbids) overrides it", at: id, witness: witness,
                       help: "if the permit is meant as an exception, write 'rule \(id) exception to \(by.first.map { rules[$0].id } ?? "...")'")
            }
        }
        for (a, b, witness) in result.overlaps {
            let (x, y) = (rules[a], rules[b])
            report(.overlappingPermits, "permits '\(x.id)' and '\(y.id)' decide together but differ in bases or obligations; the decision takes the union of both",
                   at: y.id, witness: witness,
                   help: "make the rules' scopes disjoint, or give them the same bases and obligations, if the union is not meant",
                   notes: [DiagnosticNote("'\(x.id)' is declared here", at: at(x.id))])
        }
        if !result.unfinished.isEmpty {
            let names = result.unfinished.map { rules[$0].id }.prefix(10).map { "'\($0)'" }.joined(separator: ", ")
                + (result.unfinished.count > 10 ? " and \(result.unfinished.count - 10) more" : "")
            let one = result.unfinished.count == 1
            report(.analysisBounded, "rule\(one ? "" : "s") \(names) \(one ? "was" : "were") not fully analysed within the work bound (\(RuleAnalysis.maxCombinationsPerCell) fact combinations per case, \(budget) rule evaluations in all): dead-rule and override findings for \(one ? "it" : "them") are not reported",
                   at: rules[result.unfinished[0]].id, help: "simplify the conditions, or acknowledge the finding")
        }
        if result.overlapsUnfinished {
            report(.analysisBounded, "overlapping permits were not all analysed within the work bound (\(budget) rule evaluations)", at: rules.first?.id ?? "")
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
            if parties(rule.senders).isDisjoint(with: parties(target.senders)) { disjoint.append("senders") }
            if parties(rule.recipients).isDisjoint(with: parties(target.recipients)) { disjoint.append("recipients") }
            if leaves(rule).isDisjoint(with: leaves(target)) { disjoint.append("categories") }
            if purposes(rule).isDisjoint(with: purposes(target)) { disjoint.append("purposes") }
            if !disjoint.isEmpty {
                report(.exceptionOutOfScope, "rule '\(rule.id)' is an exception to '\(target.id)', but their \(disjoint.joined(separator: " and ")) do not overlap, so it can never defeat it",
                       at: rule.id, notes: [DiagnosticNote("'\(target.id)' is declared here", at: at(target.id))])
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

        func unused(_ kind: String, _ id: String) {
            report(.unusedDeclaration, "\(kind) '\(id)' is declared but no rule uses it", at: id, help: "remove it, or write the rule that needs it")
        }
        for (i, p) in model.parties.enumerated() where !usedParties.contains(i) { unused("party", p.id) }
        for (i, g) in model.groups.enumerated() where !model.referencedGroups.contains(i) { unused("group", g.id) }
        for (i, c) in model.categories.enumerated() where leavesBelow[i].allSatisfy({ !usedLeaves.contains($0) }) {
            // Report the highest unused category only.
            if let parent = c.parent, leavesBelow[parent].allSatisfy({ !usedLeaves.contains($0) }) { continue }
            unused("category", c.id)
        }
        for (i, p) in model.purposes.enumerated() where !usedPurposes.contains(i) {
            if let parent = p.parent, !usedPurposes.contains(parent) { continue }
            unused("purpose", p.id)
        }
        for (i, f) in model.facts.enumerated() where !usedFacts.contains(i) { unused("fact", f.id) }
        for (i, b) in model.bases.enumerated() where !usedBases.contains(i) { unused("basis", b.id) }
        for (i, o) in model.obligations.enumerated() where !usedObligations.contains(i) { unused("obligation", o.id) }
    }
}
