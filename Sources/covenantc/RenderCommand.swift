import CovenantEval
import CovenantLang
import Foundation

/// `covenantc render FILE [--format html|markdown] [--lang nl|en] [-o FILE] [--date D]`: the
/// council document (`CouncilDocument`) of a covenant or a literate covenant, as one
/// self-contained HTML page or as Markdown, in the covenant's language unless asked otherwise.
enum RenderCommand {
    static let command = CLI.Command(name: "render", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let preference: LanguagePreference
        let format: String
        var date: CalendarDate?
        do {
            // --expected (not in the help): prints, as JSON, every party, rule sentence and
            // matrix table the page must show, for scripts/render-check.
            parsed = try Arguments(
                args, flags: ["--expected"], options: ["--format", "--lang", "--output", "--date"],
                aliases: ["-o": "--output"])
            preference = try parsed.preference()
            format = try parsed.choice("--format", ["html", "markdown", "md"], default: "html")
            if let text = parsed.value("--date") {
                guard let day = CalendarDate(text) else {
                    throw Arguments.UsageError("today.date", parsed.language, text)
                }
                date = day
            }
        } catch {
            return CLI.usageError(error, command: "render", console: console)
        }
        guard parsed.positionals.count == 1 else {
            return CLI.usageError(
                CommandWords.text("arguments.nameOneCovenant", parsed.language), command: "render",
                language: parsed.language, console: console)
        }
        let path = parsed.positionals[0]
        let loaded = SourceLoader.load([path], language: preference.language(covenant: nil), preference: preference)
        let renderer = DiagnosticRenderer(files: loaded.files)
        guard let source = loaded.files.first else {
            console.err(renderer.render(loaded.failures))
            return ExitCode.failure
        }
        let result = Frontend.check(source, preference: preference)
        let language = result.messageLanguage(preference)
        guard let model = result.model else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            console.err(renderer.render(errors))
            console.err(TableLoader.hasErrors(path, errors.count, language) + "\n")
            return ExitCode.failure
        }
        let literate = loaded.documents[path]
        let original = literate?.original ?? source.bytes
        let table = LiterateSource.compile(model, source: source, original: original)
        // The document's language: --lang, else the covenant's, else COVENANT_LANG, else English.
        let documentLanguage = preference.language(covenant: model.language.messageLanguage)
        let document = CouncilDocument.build(
            .init(
                model: model, syntax: result.syntax, table: table, language: documentLanguage,
                literate: literate, fileName: (path as NSString).lastPathComponent, date: date))
        if parsed.flags.contains("--expected") {
            console.out(document.expected.serialized() + "\n")
            return ExitCode.success
        }
        let text = format == "html" ? document.html() : document.markdown() + "\n"
        guard let file = parsed.value("--output") else {
            console.out(text)
            return ExitCode.success
        }
        do {
            try AtomicFile.write(text, to: file)
        } catch {
            console.err(
                CommandWords.text("render.cannotWrite", language, file, AtomicFile.describe(error, language)) + "\n")
            return ExitCode.failure
        }
        console.err(CommandWords.text("render.wrote", language, file, format == "html" ? "HTML" : "Markdown") + "\n")
        return ExitCode.success
    }

    /// The command's part of the command line's catalogue (`CommandWords.parts`).
    static let words: [String: (en: String, nl: String)] = [
        "summary.render": (
            "the council document of a covenant, as HTML or Markdown",
            "het raadsdocument van een convenant, als HTML of Markdown"
        ),
        "render.cannotWrite": (
            "covenantc render: cannot write {0}: {1}", "covenantc render: {0} kan niet worden geschreven: {1}"
        ),
        "render.wrote": ("wrote {0} ({1})", "{0} geschreven ({1})"),
        "help.render": (
            """
            Usage: covenantc render FILE [--format html|markdown] [-o FILE] [--date DATE]

            The council document of a covenant (FILE.covenant) or a literate covenant
            (FILE.covenant.md): what a council adopts, in the covenant's language. It holds the
            version, validity, controllers and the SHA-256 of the source and of the decision
            table; the text of a literate covenant in order; the parties, groups, data
            categories, purposes, facts, legal bases and obligations; every rule as a sentence,
            its exceptions next to it; the sharing matrix (per category and purpose, sender ×
            recipient: always, under conditions or never, decided from the compiled table); the
            cases without consent (seed 004 §5 f); and the checklist of §5.

            HTML is one self-contained page (no script, nothing loaded from elsewhere) that
            prints well; Markdown holds the same content.

            Options:
              --format html|markdown   the output format (default: html)
              -o, --output FILE        write the document to FILE (default: standard output)
              --date DATE              decide the sharing matrix for DATE, YYYY-MM-DD (default:
                                       the first day the covenant is in force)
              --lang en|nl             the language of the document and the messages (default:
                                       the covenant's, else COVENANT_LANG, else English)
              -h, --help               show this help

            Exit codes: 0 written, 1 the covenant has errors or the file cannot be written,
            2 usage error.

            """,
            """
            Gebruik: covenantc render BESTAND [--format html|markdown] [-o BESTAND] [--date DATUM]

            Het raadsdocument van een convenant (BESTAND.covenant) of van een convenant met tekst
            (BESTAND.covenant.md): wat de raad vaststelt, in de taal van het convenant. Het bevat
            de versie, de geldigheidsduur, de verwerkingsverantwoordelijken en de SHA-256 van de
            bron en van de beslistabel; de tekst van het convenant, in volgorde; de partijen,
            groepen, gegevenscategorieën, doelen, feiten, grondslagen en verplichtingen; iedere
            regel als zin, met de uitzonderingen erbij; de verstrekkingsmatrix (per categorie en
            doel, verstrekker × ontvanger: altijd, onder voorwaarden of nooit, beslist uit de
            beslistabel); de gevallen zonder toestemming (seed 004 §5 f); en de controlelijst
            van §5.

            HTML is één zelfstandige pagina (zonder script, niets van elders geladen) die goed
            afdrukt; Markdown bevat hetzelfde.

            Opties:
              --format html|markdown   het formaat (standaard: html)
              -o, --output BESTAND     schrijf het document naar BESTAND (standaard: de
                                       standaarduitvoer)
              --date DATUM             bereken de verstrekkingsmatrix voor DATUM, JJJJ-MM-DD
                                       (standaard: de eerste dag dat het convenant van kracht is)
              --lang en|nl             de taal van het document en van de meldingen (standaard:
                                       die van het convenant, anders COVENANT_LANG, anders Engels)
              -h, --help               toon deze hulp

            Afsluitcodes: 0 geschreven, 1 het convenant bevat fouten of het bestand kan niet
            worden geschreven, 2 verkeerd gebruik.

            """
        ),
    ]
}
