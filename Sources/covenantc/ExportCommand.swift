import CovenantEval
import CovenantLang
import Foundation

/// `covenantc export --to cedar|rego [--style indexed|rules] FILE [-o DIR]`: a covenant for the
/// engines people already run. What each translation keeps and loses is in docs/cli.md (export).
enum ExportCommand {
    static let command = CLI.Command(name: "export", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let preference: LanguagePreference
        do {
            parsed = try Arguments(
                args, flags: [], options: ["--to", "--output", "--output-dir", "--lang", "--style"],
                aliases: ["-o": "--output", "-d": "--output-dir"])
            preference = try parsed.preference()
        } catch {
            return CLI.usageError(error, command: "export", console: console)
        }
        guard let target = parsed.value("--to"), ["cedar", "rego"].contains(target) else {
            return CLI.usageError(
                CommandWords.text("export.sayTarget", parsed.language), command: "export", language: parsed.language,
                console: console)
        }
        let style = parsed.value("--style") ?? "indexed"
        guard target == "rego" || parsed.value("--style") == nil else {
            return CLI.usageError(
                CommandWords.text("export.styleOnlyRego", parsed.language), command: "export",
                language: parsed.language, console: console)
        }
        guard ["indexed", "rules"].contains(style) else {
            return CLI.usageError(
                CommandWords.text("export.badStyle", parsed.language, style), command: "export",
                language: parsed.language, console: console)
        }
        guard parsed.positionals.count == 1 else {
            return CLI.usageError(
                CommandWords.text("arguments.nameOneCovenant", parsed.language), command: "export",
                language: parsed.language, console: console)
        }
        let path = parsed.positionals[0]
        let loaded = SourceLoader.load([path], language: preference.language(covenant: nil))
        let renderer = DiagnosticRenderer(files: loaded.files)
        guard let source = loaded.files.first else {
            console.err(renderer.render(loaded.failures))
            return ExitCode.failure
        }
        let result = Frontend.check(source, preference: preference)
        let language = result.messageLanguage(preference)
        guard let syntax = result.syntax, let model = result.model else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            console.err(renderer.render(errors))
            console.err(TableLoader.hasErrors(path, errors.count, language) + "\n")
            return ExitCode.failure
        }
        let files: [(String, String)]
        if target == "cedar" {
            let cedar = CedarExport.export(syntax, model)
            files = [
                ("policies.cedar", cedar.policies), ("schema.cedarschema.json", cedar.schema),
                ("entities.json", cedar.entities),
            ]
        } else if style == "rules" {
            let rego = RegoExport.export(model)
            files = [("covenant.rego", rego.policy), ("data.json", rego.data)]
        } else {
            do throws(RegoIndexedExport.Refusal) {
                let rego = try RegoIndexedExport.export(Compiler.compile(model, source: source))
                files = [("covenant.rego", rego.policy), ("data.json", rego.data)]
            } catch {
                console.err(CommandWords.text("export.rego.\(error.kind)", language, path, error.argument) + "\n")
                return ExitCode.failure
            }
        }
        // As in every command, -o names a file: here the policy itself. All files go to a
        // directory with --output-dir.
        if let file = parsed.value("--output") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
                return CLI.usageError(
                    CommandWords.text("export.outputIsDirectory", parsed.language, file), command: "export",
                    language: parsed.language, console: console)
            }
            do {
                try AtomicFile.write(files[0].1, to: file)
            } catch {
                console.err(
                    CommandWords.text("export.cannotWrite", language, file, AtomicFile.describe(error, language)) + "\n"
                )
                return ExitCode.failure
            }
            console.err(
                CommandWords.text(
                    model.rules.count == 1 ? "export.wrote.one" : "export.wrote.many", language,
                    files[0].0, file, String(model.rules.count), target) + "\n")
            return ExitCode.success
        }
        guard let directory = parsed.value("--output-dir") else {
            console.out(files[0].1)
            return ExitCode.success
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, text) in files {
                try AtomicFile.write(text, to: (directory as NSString).appendingPathComponent(name))
            }
        } catch {
            console.err(
                CommandWords.text("export.cannotWrite", language, directory, AtomicFile.describe(error, language))
                    + "\n")
            return ExitCode.failure
        }
        let rules = model.rules.count
        console.err(
            CommandWords.text(
                rules == 1 ? "export.wrote.one" : "export.wrote.many", language,
                files.map(\.0).joined(separator: ", "), directory, String(rules), target) + "\n")
        return ExitCode.success
    }
}
