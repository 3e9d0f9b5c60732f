import CovenantEval
import CovenantLang

/// `covenantc test FILE|DIR...`: runs every `test` block.
enum TestCommand {
    static let command = CLI.Command(
        name: "test", summary: "run the test blocks of covenants", help: """
            Usage: covenantc test [--coverage] [--date YYYY-MM-DD] FILE|DIR...

            Runs every test block: the query, and the expectations it states — the decision
            (permit or deny), the deciding rules (by), the exact set of standing obligations
            (oblige), of waived (waived) and of postponed obligations (postponed), each
            optionally with who acts ('oblige recipient inform'), and of missing facts
            (missing). A test whose query says no date ('on YYYY-MM-DD') is decided on the
            covenant's first day of validity, or on --date. Prints one line per failing test:
              file:line:col: FAIL "title": expected ...; got ... (reason)
            and closes with the line 'N passed, N failed'.

            Options:
              --coverage   list the rules that no test exercises (a rule is exercised when it
                           decides, or is defeated by an exception, in some test)
              --date YYYY-MM-DD   decide the tests that name no date as on this day
              -h, --help   show this help

            Exit codes: 0 every test passed, 1 a test failed or a covenant has errors,
            2 usage error.

            """, run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let date: CalendarDate?
        let preference: LanguagePreference
        do {
            parsed = try Arguments(args, flags: ["--coverage"], options: ["--date", "--lang"])
            preference = try UserLanguage.preference(parsed)
            var today = try Today(parsed)
            date = parsed.value("--date") == nil ? nil : today.date()
        } catch {
            return CLI.usageError("\(error)", command: "test", console: console)
        }
        guard !parsed.positionals.isEmpty else {
            return CLI.usageError("name at least one covenant file or directory", command: "test", console: console)
        }
        let loaded = SourceLoader.load(parsed.positionals)
        var passed = 0, failed = 0, broken = 0
        let renderer = DiagnosticRenderer(files: loaded.files)
        for failure in loaded.failures {
            console.out(renderer.render(failure))
            broken += 1
        }
        var coverage: [String] = []
        for source in loaded.files {
            let result = Frontend.check(source, preference: preference)
            guard let model = result.model else {
                console.out(renderer.render(result.diagnostics.filter { $0.severity == .error }))
                console.out("\(source.path): not tested: the covenant has errors\n")
                broken += 1
                continue
            }
            let report = TestRunner(model: model, table: Compiler.compile(model, source: source), date: date).run()
            for outcome in report.outcomes {
                guard let failure = outcome.failure else { continue }
                let r = outcome.range
                console.out("\(r.file):\(r.start.line):\(r.start.column): FAIL \"\(outcome.title)\": expected \(outcome.expected); got \(got(outcome.actual)): \(failure) (\(outcome.actual.reason))\n")
            }
            passed += report.passed
            failed += report.failed
            if parsed.flags.contains("--coverage") {
                let missing = report.unexercised
                coverage.append("\(source.path): \(report.rules.count - missing.count) of \(report.rules.count) rules exercised"
                                + (missing.isEmpty ? "" : "; not exercised: " + missing.map { "\(report.rules[$0]) (line \(report.ruleRanges[$0].start.line))" }.joined(separator: ", ")))
            }
        }
        for line in coverage { console.out(line + "\n") }
        console.out("\(passed) passed, \(failed) failed\n")
        return failed > 0 || broken > 0 ? ExitCode.failure : ExitCode.success
    }

    /// The actual decision in the same words as an expectation.
    static func got(_ d: Decision) -> String {
        var parts = [d.effect.rawValue]
        if !d.decidedBy.isEmpty { parts.append("by \(d.decidedBy.joined(separator: ", "))") }
        func duty(_ o: Decision.Obligation) -> String { o.by == .sender ? o.id : "\(o.by.rawValue) \(o.id)" }
        let standing = d.obligations.filter { !$0.waived }.map(duty)
        let waived = d.obligations.filter { $0.waived }.map(duty)
        let postponed = d.obligations.filter { $0.postponed }.map(duty)
        if !standing.isEmpty { parts.append("oblige \(standing.joined(separator: ", "))") }
        if !waived.isEmpty { parts.append("waived \(waived.joined(separator: ", "))") }
        if !postponed.isEmpty { parts.append("postponed \(postponed.joined(separator: ", "))") }
        if !d.inForce { parts.append("(the covenant is not in force on \(d.at ?? "that day"))") }
        if !d.missingFacts.isEmpty { parts.append("missing \(d.missingFacts.joined(separator: ", "))") }
        return parts.joined(separator: " ")
    }
}
