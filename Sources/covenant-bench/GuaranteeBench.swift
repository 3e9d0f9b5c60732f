import CovenantEval
import CovenantLang
import Foundation

/// 50 guarantees over a checked covenant's names, deterministic from the seed: a mix of
/// `never`, `always` and `whenever ... permitted oblige`, scopes from groups, parties and `any`,
/// conditions over the facts of the generated covenants (consent, risk, triage, age, level).
func randomGuarantees(_ model: CovenantModel, count: Int, seed: UInt64) -> String {
    var rng = Generator(seed: seed)
    func pick<T>(_ items: [T]) -> T { items[rng.int(items.count)] }
    func some(_ names: [String], upTo n: Int) -> String {
        Array(Set((0..<(1 + rng.int(n))).map { _ in pick(names) })).sorted().joined(separator: ", ")
    }
    let parties = model.parties.map(\.id), groups = model.groups.map(\.id)
    func scope() -> String {
        switch rng.int(10) {
        case 0, 1: return "any"
        case 2, 3, 4, 5: return pick(groups)
        default: return some(parties, upTo: 3)
        }
    }
    let conditions = [
        "consent != given", "not triage", "risk and triage", "age < 12", "age >= 16 and consent == given",
        "level == high or risk", "consent in {refused, withdrawn}", "not risk and level != low",
        "age < 18 and not triage",
    ]
    var out = ""
    for g in 0..<count {
        let mode = ["never", "never", "always", "whenever", "whenever"][g % 5]
        var statement = "\(mode) \(scope()) -> \(scope()) share \(some(model.categories.map(\.id), upTo: 2))"
        statement += " for \(rng.int(4) == 0 ? "any" : some(model.purposes.map(\.id), upTo: 2))"
        if rng.int(3) != 0 { statement += " when \(pick(conditions))" }
        if mode == "whenever" {
            statement +=
                " permitted oblige "
                + pick(["record", "inform", "record, inform", "inform within 4 weeks", "sender record", "notify"])
        }
        out += "guarantee bench\(g) {\n  \(statement)\n}\n"
    }
    return out
}

/// `covenant-bench guarantees`: the medium covenant with 50 random guarantees, every guarantee
/// proved (the time is the median of several runs), and how many proved, refuted, not proved
/// and never applied.
func guaranteeBench() {
    var generator = Generator(seed: 2026)
    let base = generator.covenant(.medium)
    guard let baseModel = Frontend.check(SourceFile(path: "medium.covenant", text: base)).model else {
        FileHandle.standardError.write(Data("the medium covenant does not check\n".utf8))
        exit(1)
    }
    let source = SourceFile(
        path: "medium-guarantees.covenant", text: base + randomGuarantees(baseModel, count: 50, seed: 23))
    let result = Frontend.check(source)
    guard let model = result.model else {
        print(DiagnosticRenderer(files: [source]).render(result.diagnostics.prefix(5).map { $0 }))
        exit(1)
    }
    let table = Compiler.compile(model, source: source)
    var outcomes: [GuaranteeOutcome] = []
    var times: [Double] = []
    for _ in 0..<7 {
        times.append(seconds { outcomes = GuaranteeProof.prove(model, table) })
    }
    times.sort()
    var counts: [GuaranteeOutcome.Status: Int] = [:]
    for o in outcomes { counts[o.status, default: 0] += 1 }
    let cases = outcomes.reduce(0) { $0 + $1.cases }
    print("guarantees  rules  prove median(s)  min(s)  max(s)  proved  refuted  notProved  neverApplies  cases")
    print(
        String(
            format: "%10d  %5d  %15.3f  %6.3f  %6.3f  %6d  %7d  %9d  %12d  %5d", outcomes.count, table.rules.count,
            percentile(times, 0.5), times.first!, times.last!, counts[.proved, default: 0],
            counts[.refuted, default: 0], counts[.notProved, default: 0], counts[.neverApplies, default: 0], cases))
}
