import CovenantEval
import CovenantLang

/// `covenantc test FILE|DIR...`: runs every `test` block, reported as text for a person, or as
/// JSON or JUnit XML for a CI system.
enum TestCommand {
    static let command = CLI.Command(name: "test", run: run)

    /// What one covenant file gave: its outcomes, or why it could not be tested.
    struct FileResult {
        var path: String
        var language: Language
        var report: TestRunner.Report?
        /// The errors that kept the covenant from being tested.
        var errors: [Diagnostic] = []
        /// With --coverage: each guarantee's name and what its proof found.
        var guarantees: [(id: String, line: Int, status: GuaranteeOutcome.Status)] = []
    }

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let date: CalendarDate?
        let preference: LanguagePreference
        let format: String
        do {
            parsed = try Arguments(
                args, flags: ["--coverage", "--verbose"], options: ["--date", "--lang", "--format", "--filter"])
            preference = try parsed.preference()
            format = try parsed.choice("--format", ["text", "json", "junit"], default: "text")
            var today = try Today(parsed)
            date = parsed.value("--date") == nil ? nil : today.date()
        } catch {
            return CLI.usageError(error, command: "test", console: console)
        }
        guard !parsed.positionals.isEmpty else {
            return CLI.usageError(
                CommandWords.text("arguments.nameCovenants", parsed.language), command: "test",
                language: parsed.language, console: console)
        }
        let filter = parsed.value("--filter")?.lowercased()
        let loaded = SourceLoader.load(parsed.positionals, language: preference.language(covenant: nil))
        var results: [FileResult] = loaded.failures.map {
            FileResult(path: $0.range.file, language: $0.language, errors: [$0])
        }
        for source in loaded.files {
            let checked = Frontend.check(source, preference: preference)
            // Each covenant's report is in its own language (`taal nl`), unless --lang says.
            let language = checked.messageLanguage(preference)
            guard var model = checked.model else {
                results.append(
                    FileResult(
                        path: source.path, language: language,
                        errors: checked.diagnostics.filter { $0.severity == .error }))
                continue
            }
            if let filter { model.tests = model.tests.filter { $0.title.lowercased().contains(filter) } }
            let table = Compiler.compile(model, source: source)
            let report = TestRunner(model: model, table: table, date: date, language: language).run()
            var result = FileResult(path: source.path, language: language, report: report)
            if parsed.flags.contains("--coverage") {
                result.guarantees = GuaranteeProof.prove(model, table).map { o in
                    let g = model.guarantees[o.guarantee]
                    return (g.id, g.range.start.line, o.status)
                }
            }
            results.append(result)
        }
        let passed = results.reduce(0) { $0 + ($1.report?.passed ?? 0) }
        let failed = results.reduce(0) { $0 + ($1.report?.failed ?? 0) }
        let broken = results.filter { $0.report == nil }.count
        switch format {
        case "json":
            console.out(
                TestReportFormat.json(results, passed: passed, failed: failed, broken: broken).serialized() + "\n")
        case "junit": console.out(TestReportFormat.junit(results))
        default:
            text(
                results, files: loaded.files, coverage: parsed.flags.contains("--coverage"),
                verbose: parsed.flags.contains("--verbose"), console: console)
            console.out(
                CommandWords.text(
                    "test.totals", preference.language(covering: results.map(\.language)), String(passed),
                    String(failed)) + "\n")
        }
        return failed > 0 || broken > 0 ? ExitCode.failure : ExitCode.success
    }

    /// One line per failing test (and, with --verbose, per passing one), then the coverage.
    static func text(_ results: [FileResult], files: [SourceFile], coverage: Bool, verbose: Bool, console: Console) {
        let renderer = DiagnosticRenderer(files: files)
        var coverageLines: [String] = []
        for result in results {
            let language = result.language
            guard let report = result.report else {
                console.out(renderer.render(result.errors))
                // A file that could not be read says so in its diagnostic; one with errors is named here.
                if files.contains(where: { $0.path == result.path }) {
                    console.out(CommandWords.text("test.notTested", language, result.path) + "\n")
                }
                continue
            }
            for outcome in report.outcomes {
                let r = outcome.range
                let place = "\(r.file):\(r.start.line):\(r.start.column)"
                if let failure = outcome.failure {
                    console.out(
                        CommandWords.text(
                            "test.fail", language, place, outcome.title, outcome.expected, outcome.got, failure,
                            outcome.actual.reason) + "\n")
                } else if verbose {
                    console.out(CommandWords.text("test.pass", language, place, outcome.title, outcome.got) + "\n")
                }
            }
            if coverage {
                let missing = report.unexercised
                var line = CommandWords.text(
                    "test.coverage", language, result.path, String(report.rules.count - missing.count),
                    String(report.rules.count))
                if !missing.isEmpty {
                    let rules = missing.map {
                        CommandWords.text(
                            "test.coverage.rule", language, report.rules[$0], String(report.ruleRanges[$0].start.line))
                    }
                    line += CommandWords.text("test.coverage.missing", language, rules.joined(separator: ", "))
                }
                coverageLines.append(line)
                if !result.guarantees.isEmpty {
                    let open = result.guarantees.filter { $0.status != .proved }
                    var line = CommandWords.text(
                        "test.coverage.guarantees", language, result.path,
                        String(result.guarantees.count - open.count), String(result.guarantees.count))
                    if !open.isEmpty {
                        let names = open.map {
                            CommandWords.text(
                                "test.coverage.guarantee", language, $0.id, String($0.line),
                                CommandWords.text("diffCommand.guarantee.status.\($0.status.rawValue)", language))
                        }
                        line += CommandWords.text("test.coverage.unproved", language, names.joined(separator: ", "))
                    }
                    coverageLines.append(line)
                }
            }
        }
        for line in coverageLines { console.out(line + "\n") }
    }
}

/// The test report for machines: JSON (one object) and JUnit XML, which CI systems show.
enum TestReportFormat {
    static func json(_ results: [TestCommand.FileResult], passed: Int, failed: Int, broken: Int) -> JSONValue {
        .object([
            (
                "files",
                .array(
                    results.map { result in
                        var pairs: [(String, JSONValue)] = [("file", .string(result.path))]
                        if let report = result.report {
                            pairs.append(
                                (
                                    "tests",
                                    .array(
                                        report.outcomes.map { o in
                                            var t: [(String, JSONValue)] = [
                                                ("title", .string(o.title)), ("line", .integer(o.range.start.line)),
                                                ("passed", .bool(o.failure == nil)), ("expected", .string(o.expected)),
                                                ("got", .string(o.got)),
                                            ]
                                            if let failure = o.failure {
                                                t += [
                                                    ("failure", .string(failure)), ("reason", .string(o.actual.reason)),
                                                ]
                                            }
                                            return .object(t)
                                        })
                                ))
                            pairs.append(
                                (
                                    "coverage",
                                    .object([
                                        ("rules", .integer(report.rules.count)),
                                        ("exercised", .integer(report.rules.count - report.unexercised.count)),
                                        ("notExercised", .array(report.unexercised.map { .string(report.rules[$0]) })),
                                    ])
                                ))
                        } else {
                            pairs.append(("errors", .array(result.errors.map(DiagnosticJSON.encode))))
                        }
                        return .object(pairs)
                    })
            ),
            (
                "summary",
                .object([("passed", .integer(passed)), ("failed", .integer(failed)), ("broken", .integer(broken))])
            ),
        ])
    }

    /// JUnit XML: a test suite per covenant, a test case per test block; a covenant that could
    /// not be tested is a suite with one error.
    static func junit(_ results: [TestCommand.FileResult]) -> String {
        let tests = results.reduce(0) { $0 + ($1.report?.outcomes.count ?? 1) }
        let failures = results.reduce(0) { $0 + ($1.report?.failed ?? 0) }
        let errors = results.filter { $0.report == nil }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"covenantc test\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for result in results {
            let name = xml(result.path)
            guard let report = result.report else {
                out += "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
                let message = result.errors.first?.message ?? ""
                let detail = result.errors.map {
                    "\($0.range.file):\($0.range.start.line):\($0.range.start.column): \($0.code.rawValue): "
                        + "\($0.message)"
                }
                out += "    <testcase name=\"check\" classname=\"\(name)\">\n"
                out += "      <error message=\"\(xml(message))\">\(xml(detail.joined(separator: "\n")))</error>\n"
                out += "    </testcase>\n  </testsuite>\n"
                continue
            }
            out +=
                "  <testsuite name=\"\(name)\" tests=\"\(report.outcomes.count)\" failures=\"\(report.failed)\" "
                + "errors=\"0\">\n"
            for o in report.outcomes {
                out +=
                    "    <testcase name=\"\(xml(o.title))\" classname=\"\(name)\" file=\"\(name)\" "
                    + "line=\"\(o.range.start.line)\""
                if let failure = o.failure {
                    let text = xml("expected \(o.expected); got \(o.got) (\(o.actual.reason))")
                    out +=
                        ">\n      <failure message=\"\(xml(failure))\">\(text)</failure>\n    </testcase>\n"
                } else {
                    out += "/>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// Text for an XML attribute or element: the five special characters escaped, control
    /// characters (not allowed in XML 1.0) dropped.
    static func xml(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
