import CovenantEval
import CovenantLang

/// `covenantc test FILE|DIR...`: runs every `test` block.
enum TestCommand {
    static let command = CLI.Command(name: "test", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let date: CalendarDate?
        let preference: LanguagePreference
        do {
            parsed = try Arguments(args, flags: ["--coverage"], options: ["--date", "--lang"])
            preference = try parsed.preference()
            var today = try Today(parsed)
            date = parsed.value("--date") == nil ? nil : today.date()
        } catch {
            return CLI.usageError(error, command: "test", console: console)
        }
        guard !parsed.positionals.isEmpty else {
            return CLI.usageError(CommandWords.text("arguments.nameCovenants", parsed.language), command: "test", language: parsed.language, console: console)
        }
        let loaded = SourceLoader.load(parsed.positionals, language: preference.language(covenant: nil))
        var passed = 0, failed = 0, broken = 0
        let renderer = DiagnosticRenderer(files: loaded.files)
        for failure in loaded.failures {
            console.out(renderer.render(failure))
            broken += 1
        }
        var coverage: [String] = []
        var languages: [Language] = []
        for source in loaded.files {
            let result = Frontend.check(source, preference: preference)
            // Each covenant's report is in its own language (`taal nl`), unless --lang says.
            let language = result.messageLanguage(preference)
            languages.append(language)
            guard let model = result.model else {
                console.out(renderer.render(result.diagnostics.filter { $0.severity == .error }))
                console.out(CommandWords.text("test.notTested", language, source.path) + "\n")
                broken += 1
                continue
            }
            let report = TestRunner(model: model, table: Compiler.compile(model, source: source), date: date, language: language).run()
            for outcome in report.outcomes {
                guard let failure = outcome.failure else { continue }
                let r = outcome.range
                console.out(CommandWords.text("test.fail", language, "\(r.file):\(r.start.line):\(r.start.column)", outcome.title,
                                              outcome.expected, outcome.got, failure, outcome.actual.reason) + "\n")
            }
            passed += report.passed
            failed += report.failed
            if parsed.flags.contains("--coverage") {
                let missing = report.unexercised
                var line = CommandWords.text("test.coverage", language, source.path, String(report.rules.count - missing.count), String(report.rules.count))
                if !missing.isEmpty {
                    let rules = missing.map { CommandWords.text("test.coverage.rule", language, report.rules[$0], String(report.ruleRanges[$0].start.line)) }
                    line += CommandWords.text("test.coverage.missing", language, rules.joined(separator: ", "))
                }
                coverage.append(line)
            }
        }
        for line in coverage { console.out(line + "\n") }
        console.out(CommandWords.text("test.totals", preference.language(covering: languages), String(passed), String(failed)) + "\n")
        return failed > 0 || broken > 0 ? ExitCode.failure : ExitCode.success
    }
}
