import CovenantEval
import CovenantLang

/// `covenantc fmt FILE|DIR...`: the canonical layout, optionally in the other keyword language.
/// In a literate covenant (`*.covenant.md`) only the covenant blocks are formatted; the prose
/// is left byte for byte as it was.
enum FmtCommand {
    static let command = CLI.Command(name: "fmt", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let keywords: KeywordLanguage?
        // Here `--lang` chooses the keywords to write; the messages follow it too.
        let preference: LanguagePreference
        do {
            parsed = try Arguments(args, flags: ["--write", "--check"], options: ["--lang"])
            preference = try parsed.preference()
            keywords = preference.explicit.flatMap { KeywordLanguage(rawValue: $0.rawValue) }
        } catch {
            return CLI.usageError(error, command: "fmt", console: console)
        }
        if parsed.flags.contains("--write"), parsed.flags.contains("--check") {
            return CLI.usageError(
                CommandWords.text("fmt.writeOrCheck", parsed.language), command: "fmt", language: parsed.language,
                console: console)
        }
        guard !parsed.positionals.isEmpty else {
            return CLI.usageError(
                CommandWords.text("arguments.nameCovenants", parsed.language), command: "fmt",
                language: parsed.language, console: console)
        }
        let loaded = SourceLoader.load(
            parsed.positionals, language: preference.language(covenant: nil),
            preference: preference)
        let renderer = DiagnosticRenderer(files: loaded.files)
        var status = loaded.failures.isEmpty ? ExitCode.success : ExitCode.failure
        for failure in loaded.failures { console.err(renderer.render(failure)) }
        var unformatted: [String] = []
        var languages: [Language] = []
        for source in loaded.files {
            let parsedFile = Parser.parse(source, preference: preference)
            let language =
                parsedFile.file?.messages
                ?? preference.language(covenant: Lexer.declaredLanguage(source.bytes).messageLanguage)
            languages.append(language)
            let document = loaded.documents[source.path]
            var syntaxErrors = parsedFile.diagnostics.filter { $0.severity == .error }
            // A literate block is printed on its own, so it must hold whole declarations.
            if let document, let file = parsedFile.file { syntaxErrors += document.structureDiagnostics(file) }
            guard let file = parsedFile.file, syntaxErrors.isEmpty else {
                console.err(renderer.render(syntaxErrors))
                console.err(CommandWords.text("fmt.syntaxErrors", language, source.path) + "\n")
                status = ExitCode.failure
                continue
            }
            let formatted =
                document.map { $0.formatted(file, in: keywords) }
                ?? Array(Printer.print(file, in: keywords).utf8)
            let unchanged = formatted == (document?.original ?? source.bytes)
            if parsed.flags.contains("--check") {
                if !unchanged { unformatted.append(source.path) }
            } else if parsed.flags.contains("--write") {
                guard !unchanged else { continue }
                do {
                    try AtomicFile.write(formatted, to: source.path)
                    console.err(CommandWords.text("fmt.formatted", language, source.path) + "\n")
                } catch {
                    console.err(
                        CommandWords.text(
                            "fmt.cannotWrite", language, source.path, AtomicFile.describe(error, language)) + "\n")
                    status = ExitCode.failure
                }
            } else {
                console.out(String(decoding: formatted, as: UTF8.self))
            }
        }
        if !unformatted.isEmpty {
            let language = preference.language(covering: languages)
            for path in unformatted { console.out(CommandWords.text("fmt.notFormatted", language, path) + "\n") }
            console.out(
                CommandWords.text(unformatted.count == 1 ? "fmt.runWrite.one" : "fmt.runWrite.many", language) + "\n")
            status = ExitCode.failure
        }
        return status
    }
}
