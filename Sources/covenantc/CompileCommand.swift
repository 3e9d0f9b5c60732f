import CovenantEval
import CovenantLang

/// `covenantc compile FILE [-o OUT] [--format json|binary]`: a checked covenant as a decision
/// table, as JSON (the interchange format) or binary (loaded fastest; docs/formats.md).
enum CompileCommand {
    static let command = CLI.Command(name: "compile", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let preference: LanguagePreference
        do {
            parsed = try Arguments(
                args, flags: [], options: ["--output", "--lang", "--format"], aliases: ["-o": "--output"])
            preference = try parsed.preference()
            if let format = parsed.value("--format"), !["json", "binary"].contains(format) {
                throw Arguments.UsageError("compile.badFormat", parsed.language, format)
            }
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
        let bytes =
            parsed.value("--format") == "binary" ? BinaryTableCodec.encode(table) : Array(TableCodec.encode(table).utf8)
        guard let output = parsed.value("--output"), output != "-" else {
            console.outBytes(bytes)
            return ExitCode.success
        }
        do {
            try AtomicFile.write(bytes, to: output)
        } catch {
            console.err(
                CommandWords.text("compile.cannotWrite", language, output, AtomicFile.describe(error, language)) + "\n")
            return ExitCode.failure
        }
        let rules = table.rules.count
        console.err(
            CommandWords.text(
                rules == 1 ? "compile.wrote.one" : "compile.wrote.many", language, output, String(rules),
                String(bytes.count)) + "\n")
        return ExitCode.success
    }
}
