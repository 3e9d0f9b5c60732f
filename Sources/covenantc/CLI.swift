import CovenantLang

/// The `covenantc` command line: a thin shell over the libraries, one file per command.
enum CLI {
    static let version = "0.1.0"

    struct Command: Sendable {
        var name: String
        var summary: String
        var help: String
        var run: @Sendable ([String], Console) -> Int32
    }

    static let commands: [Command] = [
        CheckCommand.command,
        CompileCommand.command,
        QueryCommand.queryCommand,
        QueryCommand.explainCommand,
        EvalCommand.command,
        TestCommand.command,
        FmtCommand.command,
        DiffCommand.command,
        ExportCommand.command,
        LogCommand.command,
        ReportCommand.command,
    ]

    static let usage = """
        covenantc \(version) — privacy covenants for the Dutch social domain, checked and compiled.

        Usage: covenantc <command> [options] [arguments]

        Commands:
        \(commands.map { "  " + $0.name.padding(12) + $0.summary }.joined(separator: "\n"))

        Run 'covenantc <command> --help' for a command's options.
        Exit codes: 0 success, 1 problems found, 2 usage error.

        """

    static func run(_ args: [String], console: Console = .standard) -> Int32 {
        guard let first = args.first else {
            console.err(usage)
            return ExitCode.usage
        }
        if first == "--help" || first == "-h" || first == "help" {
            if args.count > 1, let command = commands.first(where: { $0.name == args[1] }) {
                console.out(command.help)
            } else {
                console.out(usage)
            }
            return ExitCode.success
        }
        if first == "--version" {
            console.out("covenantc \(version)\n")
            return ExitCode.success
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let near = Suggestions.closest(to: first, among: commands.map(\.name))
            console.err("covenantc: unknown command '\(first)'\(near.map { " (did you mean '\($0)'?)" } ?? "")\n\n" + usage)
            return ExitCode.usage
        }
        let rest = Array(args.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.out(command.help)
            return ExitCode.success
        }
        return command.run(rest, console)
    }

    /// Reports a usage error the same way for every command.
    static func usageError(_ message: String, command: String, console: Console) -> Int32 {
        console.err("covenantc \(command): \(message)\nRun 'covenantc \(command) --help' for usage.\n")
        return ExitCode.usage
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
