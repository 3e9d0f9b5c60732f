import CovenantEval

/// The whole front end for one file: read checks, lexing, parsing, resolution and type
/// checking, with the per-file error cap applied.
public struct FrontendResult: Sendable {
    public var source: SourceFile
    /// Nil when the file could not be read as text.
    public var syntax: CovenantFile?
    /// Nil when the file has errors.
    public var model: CovenantModel?
    public var diagnostics: [Diagnostic]
}

public enum Frontend {
    /// Diagnostics are in the language `preference` chooses for the file (see `LanguagePreference`).
    public static func check(
        _ source: SourceFile, limits: Limits = .standard,
        preference: LanguagePreference = .init()
    ) -> FrontendResult {
        let parsed = Parser.parse(source, limits: limits, preference: preference)
        var diagnostics = parsed.diagnostics
        var model: CovenantModel?
        if let syntax = parsed.file {
            let checked = Checker.check(syntax)
            // Name and type errors on a file with syntax errors are still reported: the parser
            // recovered, and each error stands on its own.
            diagnostics += checked.diagnostics
            if !diagnostics.hasErrors { model = checked.model }
        }
        let words = Words(
            parsed.file?.messages ?? preference.language(covenant: Lexer.declaredLanguage(source.bytes).messageLanguage)
        )
        let kept = capped(diagnostics.sortedByPosition(), source: source, limits: limits, words: words)
        return FrontendResult(
            source: source, syntax: parsed.file, model: model,
            diagnostics: kept.map {
                var d = $0; d.language = words.language; return d
            })
    }

    /// Keeps the first `maxErrorsPerFile` errors (and the warnings among them) and says how
    /// many more there were.
    static func capped(_ diagnostics: [Diagnostic], source: SourceFile, limits: Limits, words: Words) -> [Diagnostic] {
        var kept: [Diagnostic] = []
        var errors = 0
        for d in diagnostics {
            if d.severity == .error {
                errors += 1
                if errors > limits.maxErrorsPerFile { continue }
            }
            kept.append(d)
        }
        if errors > limits.maxErrorsPerFile, let last = kept.last(where: { $0.severity == .error }) {
            let more = errors - limits.maxErrorsPerFile
            kept.append(
                Diagnostic(
                    .tooManyErrors,
                    words(
                        more == 1 ? "frontend.moreErrors.one" : "frontend.moreErrors.many", "\(more)",
                        "\(limits.maxErrorsPerFile)"),
                    at: last.range, help: words("frontend.moreErrors.help")))
        }
        return kept
    }
}
