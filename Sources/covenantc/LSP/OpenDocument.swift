import CovenantEval
import CovenantLang
import Foundation

/// One document the client has open: its text, and the front end's reading of it, made when a
/// request or the diagnostics need it and dropped on every change. A literate covenant
/// (`*.covenant.md`) is read as `covenantc check` reads it: its virtual source, whose lines are
/// those of the `.md` file.
struct OpenDocument: Sendable {
    var uri: String
    /// The file path the URI names (the URI itself when it names no file).
    var path: String
    var version: Int
    var text: DocumentText
    private(set) var analysis: Analysis?
    /// The outcomes of the last run of the file's tests, for the code lenses; nil when the
    /// tests have not run since the last change.
    var testOutcomes: [TestRunner.Outcome]?

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.path = Self.path(of: uri)
        self.version = version
        self.text = DocumentText(text)
    }

    /// `file:///a/b%20c.covenant` → `/a/b c.covenant`.
    static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://"), let url = URL(string: uri), url.isFileURL else { return uri }
        return url.path
    }

    var isLiterate: Bool { LiterateSource.isLiterate(path: path) }

    /// The front end's reading of the text.
    struct Analysis: Sendable {
        /// What the compiler reads: the text, or a literate covenant's virtual source.
        var source: SourceFile
        var literate: LiterateDocument?
        var syntax: CovenantFile?
        /// Nil when the covenant has errors.
        var model: CovenantModel?
        /// The front end's diagnostics (or, for a literate covenant with an unclosed block,
        /// only that error, as `check` reports it).
        var diagnostics: [Diagnostic]
        /// The language of the file's messages.
        var language: Language
        /// The review's findings, once made (`check` on a covenant without errors).
        var findings: [Diagnostic]?
        var table: DecisionTable?
        var index: SymbolIndex?
    }

    /// Replaces the text; the reading is made again when next needed.
    mutating func change(_ change: (inout DocumentText) -> Void, version: Int) {
        change(&text)
        self.version = version
        analysis = nil
        testOutcomes = nil
    }

    /// The front end's reading, made now if the text changed since.
    mutating func analysed(_ preference: LanguagePreference) -> Analysis {
        if let analysis { return analysis }
        let (source, literate) = LiterateSource.source(path: path, bytes: text.bytes)
        let declared = Lexer.declaredLanguage(source.bytes).messageLanguage
        var made: Analysis
        if let literate,
            let unclosed = literate.unclosedFenceDiagnostic(
                path: path, language: preference.language(covenant: declared))
        {
            made = Analysis(
                source: source, literate: literate, syntax: nil, model: nil, diagnostics: [unclosed],
                language: unclosed.language)
        } else {
            let result = Frontend.check(source, preference: preference)
            made = Analysis(
                source: source, literate: literate, syntax: result.syntax, model: result.model,
                diagnostics: result.diagnostics,
                language: result.syntax?.messages ?? preference.language(covenant: declared))
        }
        analysis = made
        return made
    }

    /// The index of names, made now if needed.
    mutating func index(_ preference: LanguagePreference) -> SymbolIndex? {
        var made = analysed(preference)
        if let index = made.index { return index }
        guard let syntax = made.syntax else { return nil }
        made.index = SymbolIndex(syntax)
        analysis = made
        return made.index
    }

    /// The compiled table of a covenant without errors, made now if needed.
    mutating func table(_ preference: LanguagePreference) -> DecisionTable? {
        var made = analysed(preference)
        if let table = made.table { return table }
        guard let model = made.model else { return nil }
        made.table = Compiler.compile(model, source: made.source)
        analysis = made
        return made.table
    }

    /// What is known of the diagnostics: the front end's, and the review's once it has run.
    var knownDiagnostics: [Diagnostic] {
        (analysis?.diagnostics ?? []) + (analysis?.findings ?? [])
    }

    /// Whether the review is still to run on the current text (a covenant without errors).
    var awaitsReview: Bool { analysis?.model != nil && analysis?.findings == nil }

    /// Whether the last diagnostics published held an error; nil when none were published.
    var publishedErrors: Bool?

    /// The review to run for the current text, off the main thread; nil when there is none to run.
    mutating func reviewJob(_ preference: LanguagePreference, today: CalendarDate) -> ReviewJob? {
        let made = analysed(preference)
        guard let syntax = made.syntax, let model = made.model, made.findings == nil else { return nil }
        return ReviewJob(
            uri: uri, version: version, source: made.source, syntax: syntax, model: model, table: made.table,
            literate: made.literate, today: today)
    }

    /// Takes the review's findings, when they are of the current text.
    mutating func reviewed(_ result: ReviewJob.Result) -> Bool {
        guard result.version == version, var made = analysis, made.model != nil else { return false }
        made.findings = result.findings
        made.table = made.table ?? result.table
        analysis = made
        return true
    }

    /// The tokens of the compiler's source, for completion and the keywords hover explains
    /// (none for a file that is not text).
    mutating func tokens(_ preference: LanguagePreference) -> [Token] {
        let made = analysed(preference)
        guard Lexer.preflight(made.source) == nil else { return [] }
        var lexer = Lexer(file: made.source)
        return lexer.run().tokens
    }
}

/// The review of one version of a document (`covenantc check`'s findings on a covenant without
/// errors: the exact rule analysis, the legal lints, the guarantees), run off the main thread
/// because on a large covenant it takes longer than a keystroke.
struct ReviewJob: Sendable {
    var uri: String
    var version: Int
    var source: SourceFile
    var syntax: CovenantFile
    var model: CovenantModel
    var table: DecisionTable?
    var literate: LiterateDocument?
    var today: CalendarDate

    struct Result: Sendable {
        var uri: String
        var version: Int
        var findings: [Diagnostic]
        var table: DecisionTable
    }

    func run() -> Result {
        let table = self.table ?? Compiler.compile(model, source: source)
        let findings = Review.findings(syntax, model, table, today: today, literate: literate)
        return Result(uri: uri, version: version, findings: findings, table: table)
    }
}
