import CovenantEval
import CovenantLang

/// `covenantc compile FILE [-o OUT.json]`: a checked covenant as a decision table.
enum CompileCommand {
    static let command = CLI.Command(
        name: "compile", summary: "compile a covenant into a decision table (JSON)", help: """
            Usage: covenantc compile FILE [-o OUT.json]

            Checks FILE and writes its decision table as versioned JSON with a SHA-256
            integrity hash (the format is in the README). Without -o the table goes to
            standard output. The output file is written atomically: a temporary file, flushed,
            then renamed, so an interrupted run never leaves half a table.

            Options:
              -o, --output FILE   where to write the table
              -h, --help          show this help

            Exit codes: 0 written, 1 the covenant has errors or the file cannot be written,
            2 usage error.

            """, run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        do {
            parsed = try Arguments(args, flags: [], options: ["--output", "--lang"], aliases: ["-o": "--output"])
        } catch {
            return CLI.usageError("\(error)", command: "compile", console: console)
        }
        guard parsed.positionals.count == 1 else {
            return CLI.usageError("name exactly one covenant file", command: "compile", console: console)
        }
        guard let table = TableLoader.load(parsed.positionals[0], preference: (try? UserLanguage.preference(parsed)) ?? .init(), console: console) else { return ExitCode.failure }
        let text = TableCodec.encode(table)
        guard let output = parsed.value("--output"), output != "-" else {
            console.out(text)
            return ExitCode.success
        }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            console.err("covenantc compile: cannot write \(output): \(error)\n")
            return ExitCode.failure
        }
        console.err("wrote \(output): \(table.rules.count) rules, \(text.utf8.count) bytes\n")
        return ExitCode.success
    }
}
