import CovenantEval
import CovenantLang
import Foundation

/// `covenantc export --to cedar|rego FILE [-o DIR]`: a covenant for the engines people already
/// run. What each translation keeps and loses is in the README ("Export to Cedar and Rego").
enum ExportCommand {
    static let command = CLI.Command(
        name: "export", summary: "translate a covenant to a Cedar policy set or a Rego policy", help: """
            Usage: covenantc export --to cedar|rego FILE [-o DIR]

            Translates a checked covenant for Cedar (policies, schema, entities) or Open Policy
            Agent (a Rego policy and its data document). The translations decide as covenantc
            does and name the deciding rules (Cedar: @id annotations; Rego: "decidedBy"); they
            do not carry obligations, waivers, missing-fact reports or explanations, and Cedar
            decides one leaf category per request (the caller asks each leaf of a category).

            With -o, writes to DIR (created if needed, each file atomically):
              cedar: policies.cedar, schema.cedarschema.json, entities.json
              rego:  covenant.rego, data.json
            Without -o, prints the policies (Cedar) or the policy (Rego) only.

            Options:
              --to cedar|rego     the target engine
              -o, --output DIR    where to write all files
              -h, --help          show this help

            Exit codes: 0 written, 1 the covenant has errors or a file cannot be written,
            2 usage error.

            """, run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let preference: LanguagePreference
        do {
            parsed = try Arguments(args, flags: [], options: ["--to", "--output", "--lang"], aliases: ["-o": "--output"])
            preference = try UserLanguage.preference(parsed)
        } catch {
            return CLI.usageError("\(error)", command: "export", console: console)
        }
        guard let target = parsed.value("--to"), ["cedar", "rego"].contains(target) else {
            return CLI.usageError("say --to cedar or --to rego", command: "export", console: console)
        }
        guard parsed.positionals.count == 1 else {
            return CLI.usageError("name exactly one covenant file", command: "export", console: console)
        }
        let path = parsed.positionals[0]
        let loaded = SourceLoader.load([path])
        let renderer = DiagnosticRenderer(files: loaded.files)
        guard let source = loaded.files.first else {
            console.err(renderer.render(loaded.failures))
            return ExitCode.failure
        }
        let result = Frontend.check(source, preference: preference)
        guard let syntax = result.syntax, let model = result.model else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            console.err(renderer.render(errors))
            console.err("\(path): the covenant has \(errors.count) error\(errors.count == 1 ? "" : "s"); fix them first (covenantc check \(path))\n")
            return ExitCode.failure
        }
        let files: [(String, String)]
        if target == "cedar" {
            let cedar = CedarExport.export(syntax, model)
            files = [("policies.cedar", cedar.policies), ("schema.cedarschema.json", cedar.schema), ("entities.json", cedar.entities)]
        } else {
            let rego = RegoExport.export(model)
            files = [("covenant.rego", rego.policy), ("data.json", rego.data)]
        }
        guard let directory = parsed.value("--output") else {
            console.out(files[0].1)
            return ExitCode.success
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, text) in files {
                try AtomicFile.write(text, to: (directory as NSString).appendingPathComponent(name))
            }
        } catch {
            console.err("covenantc export: cannot write to \(directory): \(error)\n")
            return ExitCode.failure
        }
        console.err("wrote \(files.map(\.0).joined(separator: ", ")) to \(directory) (\(model.rules.count) rules, \(target))\n")
        return ExitCode.success
    }
}
