import CovenantLang

/// `covenantc fmt FILE|DIR...`: the canonical layout, optionally in the other keyword language.
enum FmtCommand {
    static let command = CLI.Command(
        name: "fmt", summary: "print covenants in the canonical layout (English or Dutch)", help: """
            Usage: covenantc fmt [--write | --check] [--lang en|nl] FILE|DIR...

            Prints each covenant in the canonical layout, comments kept beside the
            declaration they belong to. A file with syntax errors is not formatted: its errors
            are reported and nothing changes.

            Options:
              --write          rewrite files in place (atomically: a temporary file, flushed,
                               then renamed), only those that change
              --check          change nothing; list the files that are not formatted, exit 1
                               if there are any
              --lang en|nl     print with English or Dutch keywords (default: the file's own)
              -h, --help       show this help

            Exit codes: 0 done (or, with --check, every file formatted), 1 a file is not
            formatted, has syntax errors or cannot be written, 2 usage error.

            """, run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let language: KeywordLanguage?
        do {
            parsed = try Arguments(args, flags: ["--write", "--check"], options: ["--lang"])
            let chosen = try parsed.choice("--lang", ["en", "nl"], default: "")
            language = KeywordLanguage(rawValue: chosen)
        } catch {
            return CLI.usageError("\(error)", command: "fmt", console: console)
        }
        if parsed.flags.contains("--write"), parsed.flags.contains("--check") {
            return CLI.usageError("--write and --check exclude each other", command: "fmt", console: console)
        }
        guard !parsed.positionals.isEmpty else { return CLI.usageError("name at least one covenant file or directory", command: "fmt", console: console) }
        let loaded = SourceLoader.load(parsed.positionals)
        let renderer = DiagnosticRenderer(files: loaded.files)
        var status = loaded.failures.isEmpty ? ExitCode.success : ExitCode.failure
        for failure in loaded.failures { console.err(renderer.render(failure)) }
        var unformatted: [String] = []
        for source in loaded.files {
            let parsedFile = Parser.parse(source)
            let syntaxErrors = parsedFile.diagnostics.filter { $0.severity == .error }
            guard let file = parsedFile.file, syntaxErrors.isEmpty else {
                console.err(renderer.render(syntaxErrors))
                console.err("\(source.path): not formatted: fix the syntax errors first\n")
                status = ExitCode.failure
                continue
            }
            let formatted = Printer.print(file, in: language)
            let unchanged = Array(formatted.utf8) == source.bytes
            if parsed.flags.contains("--check") {
                if !unchanged { unformatted.append(source.path) }
            } else if parsed.flags.contains("--write") {
                guard !unchanged else { continue }
                do {
                    try AtomicFile.write(formatted, to: source.path)
                    console.err("formatted \(source.path)\n")
                } catch {
                    console.err("covenantc fmt: cannot write \(source.path): \(error)\n")
                    status = ExitCode.failure
                }
            } else {
                console.out(formatted)
            }
        }
        if !unformatted.isEmpty {
            for path in unformatted { console.out("not formatted: \(path)\n") }
            console.out("run 'covenantc fmt --write' on \(unformatted.count == 1 ? "it" : "them")\n")
            status = ExitCode.failure
        }
        return status
    }
}
