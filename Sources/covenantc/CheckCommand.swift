import CovenantEval
import CovenantLang

/// `covenantc check FILE|DIR...`: parse, resolve and type-check covenants.
enum CheckCommand {
    static let command = CLI.Command(name: "check", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let format: String
        var today: Today
        let preference: LanguagePreference
        do {
            parsed = try Arguments(
                args, flags: ["--quiet", "--verbose", "--warnings-as-errors"],
                options: ["--format", "--disable", "--date", "--lang"])
            preference = try parsed.preference()
            today = try Today(parsed)
            format = try parsed.choice("--format", ["text", "json", "sarif"], default: "text")
            for code in parsed.options["--disable"] ?? [] where DiagnosticCode(rawValue: code) == nil {
                throw Arguments.UsageError("check.disableUnknown", parsed.language, code)
            }
        } catch {
            return CLI.usageError(error, command: "check", console: console)
        }
        guard !parsed.positionals.isEmpty else {
            return CLI.usageError(
                CommandWords.text("arguments.nameCovenants", parsed.language), command: "check",
                language: parsed.language, console: console)
        }
        let loaded = SourceLoader.load(
            parsed.positionals, language: preference.language(covenant: nil),
            preference: preference)
        var diagnostics = loaded.failures
        var languages: [Language] = []
        var passes: [SARIF.Pass] = []
        let disabled = Set(parsed.options["--disable"] ?? [])
        for file in loaded.files {
            let result = Frontend.check(file, preference: preference)
            languages.append(result.messageLanguage(preference))
            diagnostics += result.diagnostics
            if let syntax = result.syntax, let model = result.model {
                let table = Compiler.compile(model, source: file)
                diagnostics += Review.findings(
                    syntax, model, table, today: today.date(), literate: loaded.documents[file.path])
                if format == "sarif" {
                    for o in GuaranteeProof.prove(model, table) where o.status == .proved {
                        let g = model.guarantees[o.guarantee]
                        passes.append(
                            SARIF.Pass(
                                message: CommandWords.text(
                                    "check.guaranteeHolds", syntax.messages, g.id, g.title ?? g.id, String(o.cases)),
                                range: model.declarationRanges[g.id] ?? g.range, language: syntax.messages))
                    }
                }
            }
        }
        diagnostics = diagnostics.filter { !disabled.contains($0.code.rawValue) }
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        let fileCount = loaded.files.count + Set(loaded.failures.map(\.range.file)).count
        let language = preference.language(covering: languages)
        let summary = CommandWords.text(
            "check.summary", language, CommandWords.count("count.files", fileCount, language),
            CommandWords.count("count.errors", errors, language),
            CommandWords.count("count.warnings", warnings, language))
        if format == "sarif" {
            console.out(SARIF.log(diagnostics, passes: passes).serialized() + "\n")
        } else if format == "json" {
            let json = JSONValue.object([
                ("diagnostics", .array(diagnostics.map(DiagnosticJSON.encode))),
                (
                    "summary",
                    .object([
                        ("files", .integer(fileCount)), ("errors", .integer(errors)), ("warnings", .integer(warnings)),
                    ])
                ),
            ])
            console.out(json.serialized() + "\n")
        } else {
            let renderer = DiagnosticRenderer(files: loaded.files)
            // Acknowledged findings were weighed and accepted in the covenant itself: one line
            // says how many, unless the reader asks to see them.
            let verbose = parsed.flags.contains("--verbose")
            let acknowledged = diagnostics.filter { $0.acknowledgement != nil }.count
            for d in diagnostics where verbose || d.acknowledgement == nil { console.out(renderer.render(d)) }
            if !parsed.flags.contains("--quiet") {
                if !verbose, acknowledged > 0 {
                    console.out(
                        CommandWords.text(
                            acknowledged == 1 ? "check.acknowledged.one" : "check.acknowledged.many", language,
                            "\(acknowledged)") + "\n")
                }
                console.out(summary + "\n")
            }
        }
        return errors > 0 || (parsed.flags.contains("--warnings-as-errors") && warnings > 0)
            ? ExitCode.failure : ExitCode.success
    }
}

/// Diagnostics as JSON objects, for CI tools.
enum DiagnosticJSON {
    static func encode(_ d: Diagnostic) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("file", .string(d.range.file)),
            ("line", .integer(d.range.start.line)), ("column", .integer(d.range.start.column)),
            ("endLine", .integer(d.range.end.line)), ("endColumn", .integer(d.range.end.column)),
            ("severity", .string(d.severity.rawValue)), ("code", .string(d.code.rawValue)),
            ("message", .string(d.message)),
        ]
        if let help = d.help { pairs.append(("help", .string(help))) }
        if let fix = d.fix {
            pairs.append(
                (
                    "fix",
                    .object([
                        ("line", .integer(fix.range.start.line)), ("column", .integer(fix.range.start.column)),
                        ("endLine", .integer(fix.range.end.line)), ("endColumn", .integer(fix.range.end.column)),
                        ("replacement", .string(fix.replacement)),
                    ])
                ))
        }
        if let witness = d.witness { pairs.append(("witness", .string(witness))) }
        if let principle = d.code.principle(in: d.language) { pairs.append(("principle", .string(principle))) }
        if let reason = d.acknowledgement { pairs.append(("acknowledged", .string(reason))) }
        if !d.notes.isEmpty {
            pairs.append(
                (
                    "notes",
                    .array(
                        d.notes.map { note in
                            var n: [(String, JSONValue)] = [("message", .string(note.message))]
                            if let r = note.range {
                                n += [
                                    ("file", .string(r.file)), ("line", .integer(r.start.line)),
                                    ("column", .integer(r.start.column)),
                                ]
                            }
                            return .object(n)
                        })
                ))
        }
        return .object(pairs)
    }
}
