import CovenantEval
import CovenantLang

/// `covenantc compile FILE [-o OUT.json]`: a checked covenant as a decision table.
enum CompileCommand {
    static let command = CLI.Command(name: "compile", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let preference: LanguagePreference
        do {
            parsed = try Arguments(args, flags: [], options: ["--output", "--lang"], aliases: ["-o": "--output"])
            preference = try parsed.preference()
        } catch {
            return CLI.usageError(error, command: "compile", console: console)
        }
        guard parsed.positionals.count == 1 else {
            return CLI.usageError(
                CommandWords.text("arguments.nameOneCovenant", parsed.language), command: "compile",
                language: parsed.language, console: console)
        }
        guard let table = TableLoader.load(parsed.positionals[0], preference: preference, console: console) else {
            return ExitCode.failure
        }
        let language = preference.language(covenant: table.metadata.language)
        let text = TableCodec.encode(table)
        guard let output = parsed.value("--output"), output != "-" else {
            console.out(text)
            return ExitCode.success
        }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            console.err(
                CommandWords.text("compile.cannotWrite", language, output, AtomicFile.describe(error, language)) + "\n")
            return ExitCode.failure
        }
        let rules = table.rules.count
        console.err(
            CommandWords.text(
                rules == 1 ? "compile.wrote.one" : "compile.wrote.many", language, output, String(rules),
                String(text.utf8.count)) + "\n")
        return ExitCode.success
    }
}
