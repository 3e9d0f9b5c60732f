// swift-format-ignore-file
// A catalogue of words: one entry per line, the English beside the Dutch for a translator.

import CovenantEval
import CovenantLang

/// The command line's own words in English and Dutch: usage, every command's `--help`,
/// usage errors, summaries and reports. Same form as `Messages.catalogue` (see `Messages`);
/// one part per subject, so no file holds all of it: the messages below, the help
/// (`CommandWords.help` in CommandHelp.swift) and the yearly account (`ReportWords.entries`).
enum CommandWords {
    /// The catalogue's parts; `CommandWordsTests` checks that no key is in two of them.
    static let parts = [messages, helpEntries, ReportWords.entries, ExplainCodeCommand.words, WhoCommand.words, RenderCommand.words, LSPWords.entries]

    static let entries: [String: (en: String, nl: String)] = {
        var all: [String: (en: String, nl: String)] = [:]
        for part in parts { all.merge(part) { first, _ in first } }
        return all
    }()

    /// Keys defined in more than one part.
    static var duplicateKeys: [String] {
        var seen = Set<String>()
        return parts.flatMap(\.keys).filter { !seen.insert($0).inserted }
    }

    /// The text for `key` in `language`, with `{0}`, `{1}`, … replaced by `args`.
    static func text(_ key: String, _ language: Language, _ args: String...) -> String {
        Messages.text(key, language, arguments: args, from: entries)
    }

    static func text(_ key: String, _ language: Language, arguments: [String]) -> String {
        Messages.text(key, language, arguments: arguments, from: entries)
    }

    /// "1 file" / "3 files": `key.one` or `key.many` with the number.
    static func count(_ key: String, _ n: Int, _ language: Language) -> String {
        text(n == 1 ? key + ".one" : key + ".many", language, String(n))
    }

    /// The messages of the commands; keys are prefixed by the file that prints them.
    static let messages: [String: (en: String, nl: String)] = [
        // CLI.swift
        "cli.unknownCommand": ("covenantc: unknown command '{0}'", "covenantc: onbekende opdracht '{0}'"),
        "cli.unknownCommand.didYouMean": ("covenantc: unknown command '{0}' (did you mean '{1}'?)",
                                          "covenantc: onbekende opdracht '{0}' (bedoelt u '{1}'?)"),
        "cli.usageError": ("covenantc {0}: {1}\nRun 'covenantc {0} --help' for usage.\n",
                           "covenantc {0}: {1}\nZie 'covenantc {0} --help' voor het gebruik.\n"),
        // Arguments.swift and Today.swift: mistakes on the command line.
        "arguments.flagTakesNoValue": ("the flag {0} takes no value", "bij de optie {0} hoort geen waarde"),
        "arguments.optionNeedsValue": ("the option {0} needs a value", "de optie {0} heeft een waarde nodig"),
        "arguments.unknownOption": ("unknown option {0}", "onbekende optie {0}"),
        "arguments.unknownOption.didYouMean": ("unknown option {0} (did you mean {1}?)", "onbekende optie {0} (bedoelt u {1}?)"),
        "arguments.choice": ("{0} must be one of: {1}; got '{2}'", "{0} verwacht een van deze waarden: {1}; niet '{2}'"),
        "arguments.lang": ("--lang takes en or nl, not '{0}'", "--lang verwacht en of nl, niet '{0}'"),
        "arguments.nameCovenants": ("name at least one covenant file or directory", "noem ten minste één convenantbestand of map"),
        "arguments.nameOneCovenant": ("name exactly one covenant file", "noem precies één convenantbestand"),
        "arguments.nameOneCovenantOrTable": ("name exactly one covenant or table", "noem precies één convenant of beslistabel"),
        "today.date": ("--date takes a date YYYY-MM-DD that exists, for example 2027-03-01; got '{0}'",
                       "--date verwacht een datum JJJJ-MM-DD die bestaat, bijvoorbeeld 2027-03-01; niet '{0}'"),
        // Counted things, one and many.
        "count.files.one": ("{0} file", "{0} bestand"),
        "count.files.many": ("{0} files", "{0} bestanden"),
        "count.errors.one": ("{0} error", "{0} fout"),
        "count.errors.many": ("{0} errors", "{0} fouten"),
        "count.warnings.one": ("{0} warning", "{0} waarschuwing"),
        "count.warnings.many": ("{0} warnings", "{0} waarschuwingen"),
        "count.records.one": ("{0} record", "{0} record"),
        "count.records.many": ("{0} records", "{0} records"),
        // CheckCommand.swift
        "check.disableUnknown": ("--disable: unknown code '{0}'", "--disable: onbekende code '{0}'"),
        "check.acknowledged.one": ("1 acknowledged finding not shown (a 'covenant:allow' comment accepts it; --verbose shows it)",
                                   "1 aanvaarde bevinding niet getoond (aanvaard met commentaar 'covenant:allow'; --verbose toont haar)"),
        "check.acknowledged.many": ("{0} acknowledged findings not shown ('covenant:allow' comments accept them; --verbose shows them)",
                                    "{0} aanvaarde bevindingen niet getoond (aanvaard met commentaar 'covenant:allow'; --verbose toont ze)"),
        "check.summary": ("checked {0}: {1}, {2}", "{0} gecontroleerd: {1}, {2}"),
        // SourceLoader.swift: the files named on the command line.
        "source.noSuchFile": ("no such file or directory: '{0}'", "het bestand of de map '{0}' bestaat niet"),
        "source.emptyDirectory": ("the directory '{0}' contains no *.covenant files", "de map '{0}' bevat geen *.covenant-bestanden"),
        "source.tooLarge": ("the file is {0} bytes; the limit (maxFileBytes) is {1} bytes",
                            "het bestand is {0} bytes groot; de grens (maxFileBytes) is {1} bytes"),
        "source.tooLarge.help": ("split the covenant, or check that this is the file you meant",
                                 "splits het convenant, of ga na of dit het bedoelde bestand is"),
        "source.compiledTable": ("'{0}' is a compiled decision table, not a covenant: give the covenant source it was compiled from",
                                 "'{0}' is een gecompileerde beslistabel, geen convenant: geef het convenant op waaruit de tabel is gemaakt"),
        "source.cannotRead": ("cannot read '{0}'", "'{0}' kan niet worden gelezen"),
        // TableLoader.swift (and export): a covenant that cannot be used.
        "table.hasErrors.one": ("{0}: the covenant has {1} error; fix them first (covenantc check {0})",
                                "{0}: het convenant bevat {1} fout; herstel die eerst (covenantc check {0})"),
        "table.hasErrors.many": ("{0}: the covenant has {1} errors; fix them first (covenantc check {0})",
                                 "{0}: het convenant bevat {1} fouten; herstel die eerst (covenantc check {0})"),
        "table.otherVersion": ("{0}: error: the table was compiled from another version of {1} (the table records source SHA-256 {2}…, the file now has {3}…); compile it again: covenantc compile {1} -o {0}",
                               "{0}: fout: de beslistabel is gemaakt uit een andere versie van {1} (de tabel vermeldt als SHA-256 van de bron {2}…, het bestand heeft nu {3}…); maak de tabel opnieuw: covenantc compile {1} -o {0}"),
        "table.unreadable": ("{0}: error: {1}", "{0}: fout: {1}"),
        // TableLoader.swift: AtomicFile ({1} is the system's reason).
        "atomicFile.cannotCreateTemporary": ("cannot create a temporary file in {0}", "in {0} kan geen tijdelijk bestand worden gemaakt"),
        "atomicFile.cannotReplace": ("cannot replace {0}: {1}", "{0} kan niet worden vervangen: {1}"),
        // CompileCommand.swift. The English says "rules" for one rule too, as it always has.
        "compile.cannotWrite": ("covenantc compile: cannot write {0}: {1}", "covenantc compile: {0} kan niet worden geschreven: {1}"),
        "compile.wrote.one": ("wrote {0}: {1} rules, {2} bytes", "{0} geschreven: {1} regel, {2} bytes"),
        "compile.wrote.many": ("wrote {0}: {1} rules, {2} bytes", "{0} geschreven: {1} regels, {2} bytes"),
        // ExportCommand.swift
        "export.sayTarget": ("say --to cedar or --to rego", "kies --to cedar of --to rego"),
        "export.outputIsDirectory": ("-o names a file, and '{0}' is a directory: write all files there with --output-dir '{0}'",
                                     "-o noemt een bestand, en '{0}' is een map: schrijf alle bestanden daarin met --output-dir '{0}'"),
        "export.cannotWrite": ("covenantc export: cannot write to {0}: {1}", "covenantc export: in {0} kan niet worden geschreven: {1}"),
        "export.wrote.one": ("wrote {0} to {1} ({2} rules, {3})", "{0} geschreven in {1} ({2} regel, {3})"),
        "export.wrote.many": ("wrote {0} to {1} ({2} rules, {3})", "{0} geschreven in {1} ({2} regels, {3})"),
        // FmtCommand.swift
        "fmt.writeOrCheck": ("--write and --check exclude each other", "--write en --check sluiten elkaar uit"),
        "fmt.syntaxErrors": ("{0}: not formatted: fix the syntax errors first", "{0}: niet opgemaakt: herstel eerst de syntaxfouten"),
        "fmt.formatted": ("formatted {0}", "{0} opgemaakt"),
        "fmt.cannotWrite": ("covenantc fmt: cannot write {0}: {1}", "covenantc fmt: {0} kan niet worden geschreven: {1}"),
        "fmt.notFormatted": ("not formatted: {0}", "niet opgemaakt: {0}"),
        "fmt.runWrite.one": ("run 'covenantc fmt --write' on it", "maak het op met 'covenantc fmt --write'"),
        "fmt.runWrite.many": ("run 'covenantc fmt --write' on them", "maak ze op met 'covenantc fmt --write'"),
        // EvalCommand.swift
        "export.badStyle": ("--style takes indexed or rules, not '{0}'", "--style verwacht indexed of rules, niet '{0}'"),
        "export.styleOnlyRego": ("--style applies only to --to rego", "--style kan alleen bij --to rego"),
        "export.rego.tooDeep": ("{0}: exceptions are nested {1} deep; the indexed Rego policy settles at most 7 levels (use --style rules)", "{0}: uitzonderingen zijn {1} niveaus diep genest; de Rego-policy in de stijl indexed verwerkt hooguit 7 niveaus (gebruik --style rules)"),
        "export.rego.tooManyClauses": ("{0}: the condition of rule '{1}' is too large for the indexed Rego policy (over 4,096 alternatives once written out; use --style rules)", "{0}: de voorwaarde van regel '{1}' is te groot voor de Rego-policy in de stijl indexed (uitgeschreven meer dan 4.096 alternatieven; gebruik --style rules)"),
        "compile.badFormat": ("--format takes json or binary, not '{0}'", "--format verwacht json of binary, niet '{0}'"),
        "eval.threadsWithLog": ("--threads above 1 and --log exclude each other: the log records decisions one at a time, in the order of the queries", "--threads (meer dan 1) en --log sluiten elkaar uit: het log legt de beslissingen één voor één vast, in de volgorde van de vragen"),
        "eval.badThreads": ("--threads takes a number of threads from 1 to 64, not '{0}'", "--threads verwacht een aantal threads van 1 tot en met 64, niet '{0}'"),
        "eval.notLogged": ("not logged, so not decided: {0}", "niet vastgelegd, dus niet beslist: {0}"),
        // LogCommand.swift
        "log.sayAction": ("say 'record' or 'verify'", "kies 'record' of 'verify'"),
        "log.unknownAction": ("unknown action '{0}': say 'record' or 'verify'", "onbekende handeling '{0}': kies 'record' of 'verify'"),
        "log.nameFiles": ("name the log files to verify", "noem de logbestanden die moeten worden gecontroleerd"),
        "log.fsync": ("--fsync takes always, never or a number of milliseconds, not '{0}'",
                      "--fsync verwacht always, never of een aantal milliseconden, niet '{0}'"),
        "log.rotateSize": ("--rotate-size takes a number of bytes, at least 1024", "--rotate-size verwacht een aantal bytes, ten minste 1024"),
        "log.rotatePeriod": ("--rotate-period takes day or month", "--rotate-period verwacht day of month"),
        "log.giveEvent": ("give the log and the kind of event: objection, fulfilled or postponement-ended",
                          "noem het log en de soort gebeurtenis: objection (bezwaar), fulfilled (nagekomen) of postponement-ended (einde van het uitstel)"),
        "log.ref": ("--ref takes the decision's record hash (64 hex digits, the \"record\" eval printed)",
                    "--ref verwacht de hash van het record van de beslissing (64 hexadecimale tekens, de \"record\" die eval afdrukte)"),
        "log.by": ("--by takes sender, recipient or controller",
                   "--by verwacht sender (verstrekker), recipient (ontvanger) of controller (verwerkingsverantwoordelijke)"),
        "log.needsObligation": ("a {0} event names the obligation: --obligation ID", "een gebeurtenis {0} noemt de verplichting: --obligation ID"),
        "log.unknownEvent": ("unknown event '{0}': objection, fulfilled or postponement-ended",
                             "onbekende gebeurtenis '{0}': objection, fulfilled of postponement-ended"),
        "log.recorded": ("recorded {0} as record {1} ({2})", "{0} vastgelegd als record {1} ({2})"),
        // The kinds of event as `log record` reports them (the English is the log's own word).
        "log.kind.objection": ("objection", "bezwaar"),
        "log.kind.fulfilled": ("fulfilled", "nakoming"),
        "log.kind.postponementEnded": ("postponementEnded", "einde van het uitstel"),
        "log.empty": ("the log holds no records", "het log bevat geen records"),
        "log.verified": ("verified {0} (seq {1} to {2}) in {3}{4}; last record hash {5}",
                         "{0} gecontroleerd en in orde (volgnummer {1} tot en met {2}) in {3}{4}; hash van het laatste record {5}"),
        "log.doesNotVerify.none": ("the log does not verify: no record before this one verifies{0}",
                                   "het log is niet in orde, al vanaf het eerste record{0}"),
        "log.doesNotVerify.one": ("the log does not verify: {0} record before this one verifies{1}",
                                  "het log is niet in orde: {0} record hiervoor is wel in orde{1}"),
        "log.doesNotVerify.many": ("the log does not verify: {0} records before this one verify{1}",
                                   "het log is niet in orde: de {0} records hiervoor zijn wel in orde{1}"),
        "log.recoveries.one": ("; {0} recovery after a crash (a torn record cut off)",
                               "; {0} keer hersteld na een onderbreking (een half geschreven record afgekapt)"),
        "log.recoveries.many": ("; {0} recoveries after a crash (a torn record cut off)",
                                "; {0} keer hersteld na een onderbreking (telkens een half geschreven record afgekapt)"),
        // ReportCommand.swift: the command (the account's own words are `ReportWords.entries`).
        "report.nameLogs": ("name at least one log file", "noem ten minste één logbestand"),
        "report.date": ("{0} takes a date YYYY-MM-DD, not '{1}'", "{0} verwacht een datum JJJJ-MM-DD, niet '{1}'"),
        "report.cannotWrite": ("covenantc report: cannot write {0}: {1}", "covenantc report: {0} kan niet worden geschreven: {1}"),
        "report.wrote": ("wrote {0}", "{0} geschreven"),
        // QueryCommand.swift and DiffCommand.swift: their usage errors.
        "queryCommand.textError": ("query: error[{0}]: {1} (at column {2})", "vraag: fout[{0}]: {1} (kolom {2})"),
        "queryCommand.fact": ("--fact takes FACT=VALUE, not '{0}'", "--fact verwacht FEIT=WAARDE, niet '{0}'"),
        "queryCommand.giveQuery": ("give FILE and a query, either as one quoted text or with all of --from, --to, --share and --for",
                                   "noem BESTAND en een vraag: als één tekst tussen aanhalingstekens, of met alle vier de opties --from, --to, --share en --for"),
        "diffCommand.nameVersions": ("name the old and the new version", "noem de oude en de nieuwe versie"),
        "diffCommand.guarantee": ("guarantee {0}{1}: {2} before, {3} now", "waarborg {0}{1}: eerst {2}, nu {3}"),
        "diffCommand.guarantee.witness": ("; it is broken by: {0}", "; niet nagekomen bij: {0}"),
        "diffCommand.guarantee.status.proved": ("kept", "nagekomen"),
        "diffCommand.guarantee.status.refuted": ("broken", "niet nagekomen"),
        "diffCommand.guarantee.status.notProved": ("not proved", "niet bewezen"),
        "diffCommand.guarantee.status.neverApplies": ("promising nothing", "belooft niets"),
        "diffCommand.guarantee.status.absent": ("not stated", "niet opgenomen"),
        "diffCommand.cannotCompare": ("{0}: cannot compare: the covenant has errors", "{0}: vergelijken is niet mogelijk: het convenant bevat fouten"),
        // TestCommand.swift: the test report and its coverage.
        "test.fail": ("{0}: FAIL \"{1}\": expected {2}; got {3}: {4} ({5})",
                      "{0}: MISLUKT \"{1}\": verwacht {2}; uitkomst {3}: {4} ({5})"),
        "test.notTested": ("{0}: not tested: the covenant has errors", "{0}: niet getest: het convenant bevat fouten"),
        "test.pass": ("{0}: PASS \"{1}\": {2}", "{0}: GESLAAGD \"{1}\": {2}"),
        "test.totals": ("{0} passed, {1} failed", "{0} geslaagd, {1} mislukt"),
        "test.coverage": ("{0}: {1} of {2} rules exercised", "{0}: regels die in een test aan bod komen: {1} van {2}"),
        "check.guaranteeHolds": ("guarantee '{0}' holds in every case ({2} cases weighed): {1}",
                                 "waarborg '{0}' wordt in elk geval nagekomen ({2} gevallen gewogen): {1}"),
        "test.coverage.guarantees": ("{0}: {1} of {2} guarantees proved", "{0}: bewezen waarborgen: {1} van {2}"),
        "test.coverage.guarantee": ("{0} (line {1}: {2})", "{0} (regelnummer {1}: {2})"),
        "test.coverage.unproved": ("; not proved: {0}", "; niet bewezen: {0}"),
        "test.coverage.missing": ("; not exercised: {0}", "; niet aan bod: {0}"),
        // "regel" alone would read as a rule: the line is a "regelnummer".
        "test.coverage.rule": ("{0} (line {1})", "{0} (regelnummer {1})"),
    ]
}

extension LanguagePreference {
    /// The language for a line about several covenants (a summary, the totals): the one all
    /// their messages are in, else as for no covenant (`--lang`, COVENANT_LANG, English).
    func language(covering languages: [Language]) -> Language {
        if let first = languages.first, languages.allSatisfy({ $0 == first }) { return first }
        return language(covenant: nil)
    }
}

extension FrontendResult {
    /// The language this file's messages are in, chosen as the front end chose it.
    func messageLanguage(_ preference: LanguagePreference) -> Language {
        syntax?.messages ?? preference.language(covenant: Lexer.declaredLanguage(source.bytes).messageLanguage)
    }
}
