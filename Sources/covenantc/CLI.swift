import CovenantEval
import CovenantLang

/// The `covenantc` command line: a thin shell over the libraries, one file per command.
enum CLI {
    static let version = Version.current

    struct Command: Sendable {
        var name: String
        var run: @Sendable ([String], Console) -> Int32

        init(name: String, run: @escaping @Sendable ([String], Console) -> Int32) {
            self.name = name
            self.run = run
        }

        /// The line in `covenantc --help`.
        func summary(_ language: Language) -> String { CommandWords.text("summary.\(name)", language) }

        /// `covenantc NAME --help`.
        func help(_ language: Language) -> String { CommandWords.help(name, language) }
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
        ExplainCodeCommand.command,
        WhoCommand.command,
        RenderCommand.command,
        LSPCommand.command,
    ]

    /// `covenantc --help`.
    static func usage(_ language: Language) -> String {
        let list = commands.map { "  " + $0.name.padding(14) + $0.summary(language) }.joined(separator: "\n")
        return CommandWords.text("help.usage", language, version, list)
    }

    static func run(_ args: [String], console: Console = .standard) -> Int32 {
        // Help and the errors before a command runs speak the language asked for anywhere on
        // the line; a command finds its own (it may also follow the covenant's).
        let language = Arguments.language(of: args)
        let (leading, line) = Arguments.leadingLanguage(args)
        guard let first = line.first else {
            console.err(usage(language))
            return ExitCode.usage
        }
        if first == "--help" || first == "-h" || first == "help" {
            if line.count > 1, let command = commands.first(where: { $0.name == line[1] }) {
                console.out(command.help(language))
            } else {
                console.out(usage(language))
            }
            return ExitCode.success
        }
        if first == "--version" {
            console.out("covenantc \(version)\n")
            return ExitCode.success
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let message =
                Suggestions.closest(to: first, among: commands.map(\.name)).map {
                    CommandWords.text("cli.unknownCommand.didYouMean", language, first, $0)
                } ?? CommandWords.text("cli.unknownCommand", language, first)
            console.err(message + "\n\n" + usage(language))
            return ExitCode.usage
        }
        var rest = Array(line.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.out(command.help(language))
            return ExitCode.success
        }
        // `covenantc --lang nl check x`: the command gets the `--lang` as if it stood after it
        // (before a `--`, after which everything is a file name).
        rest.insert(contentsOf: leading, at: rest.firstIndex(of: "--") ?? rest.endIndex)
        return command.run(rest, console)
    }

    /// Reports a usage error the same way for every command, in `language`.
    static func usageError(_ message: String, command: String, language: Language, console: Console) -> Int32 {
        console.err(CommandWords.text("cli.usageError", language, command, message))
        return ExitCode.usage
    }

    /// A thrown usage error, in the language of the command line it was found on.
    static func usageError(_ error: Error, command: String, console: Console) -> Int32 {
        let language = (error as? Arguments.UsageError)?.language ?? UserLanguage.environment ?? .en
        return usageError("\(error)", command: command, language: language, console: console)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
