import CovenantEval
import Foundation

/// `covenantc report`: the college's yearly account to the council over decision logs, and the
/// privacy officer's worklist of overdue duties; Markdown, HTML or JSON, in Dutch or English.
enum ReportCommand {
    static let command = CLI.Command(
        name: "report", summary: "the yearly account over decision logs, and overdue duties", help: """
            Usage: covenantc report [--from D] [--until D] [--date D] [--format markdown|html|json]
                                    [--lang nl|en] [-o FILE] LOG...

            Reads decision logs (written by 'covenantc eval --log'; any number of files, one per
            service or month, rotated parts included) and accounts for the period, as seed 001
            §4.3 asks of the college: the number of provisions without consent, by ground (kind
            of basis and basis), by sender → recipient and by data category; the objections;
            and the obligations owed, fulfilled (and late), postponed, open and overdue on the
            report day — with the worklist of overdue duties (an 'inform within 4 weeks' not
            fulfilled four weeks on and not postponed).

            A decision counts in the period by the day it was made for. A provision without
            consent is a permit none of whose deciding rules rests on a consent basis. The logs
            are read twice, streaming: memory grows with the number of events, not of decisions.
            Check a log first with 'covenantc log verify': the report counts what it reads.

            Options:
              --from D, --until D   the period, both days inclusive (default: everything)
              --date D              the report day, on which overdue is measured (default: today
                                    in the Netherlands)
              --format markdown|html|json   (default: markdown); html is one self-contained page
              --lang nl|en          the report's language (default: COVENANT_LANG, else English)
              -o FILE               write to FILE (atomically) instead of standard output

            Exit codes: 0 written, 1 a log cannot be read, 2 usage error.

            """, run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let format: String
        let language: String
        var today: Today
        var from: CalendarDate?, until: CalendarDate?
        do {
            parsed = try Arguments(args, flags: [], options: ["--from", "--until", "--date", "--format", "--lang", "-o"])
            format = try parsed.choice("--format", ["markdown", "html", "json"], default: "markdown")
            let fallback = ProcessInfo.processInfo.environment["COVENANT_LANG"].flatMap { ["nl", "en"].contains($0) ? $0 : nil } ?? "en"
            language = try parsed.choice("--lang", ["nl", "en"], default: fallback)
            today = try Today(parsed)
            for (flag, value) in [("--from", parsed.value("--from")), ("--until", parsed.value("--until"))] {
                guard let value else { continue }
                guard let day = CalendarDate(value) else { throw Arguments.UsageError(description: "\(flag) takes a date YYYY-MM-DD, not '\(value)'") }
                if flag == "--from" { from = day } else { until = day }
            }
        } catch {
            return CLI.usageError("\(error)", command: "report", console: console)
        }
        guard !parsed.positionals.isEmpty else { return CLI.usageError("name at least one log file", command: "report", console: console) }
        let report: LogReport
        do {
            report = try LogReport.build(parsed.positionals, options: .init(from: from, until: until, asOf: today.date()))
        } catch {
            console.err("covenantc report: \(error.message)\n")
            return ExitCode.failure
        }
        let words = ReportWords(dutch: language == "nl")
        let text: String
        switch format {
        case "json": text = json(report).serialized() + "\n"
        case "html": text = ReportHTML.page(report, words)
        default: text = markdown(report, words)
        }
        if let out = parsed.value("-o") {
            do {
                try AtomicFile.write(text, to: out)
            } catch {
                console.err("covenantc report: cannot write \(out): \(error)\n")
                return ExitCode.failure
            }
            console.err("wrote \(out)\n")
        } else {
            console.out(text)
        }
        return ExitCode.success
    }

    /// Most overdue duties listed in Markdown and HTML (JSON lists them all).
    static let listLimit = 1000

    static func sorted(_ counts: [String: Int]) -> [(String, Int)] {
        counts.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
    }

    static func markdown(_ r: LogReport, _ w: ReportWords) -> String {
        var out = "# \(w.title)\n\n\(w.period(r.options.from, r.options.until)) \(w.reportDay(r.options.asOf))\n\n"
        out += "## \(w.summary)\n\n| | \(w.number) |\n| --- | ---: |\n"
        for (label, n) in w.summaryRows(r) { out += "| \(label) | \(n) |\n" }
        out += "\n## \(w.byGround)\n\n"
        if r.withoutConsent == 0 { out += "\(w.noneWithoutConsent)\n\n" } else {
            out += "| \(w.groundKind) | \(w.basis) | \(w.number) |\n| --- | --- | ---: |\n"
            for (kind, bases) in r.byGround.sorted(by: { $0.key < $1.key }) {
                for (basis, n) in sorted(bases) { out += "| \(w.basisKind(kind)) | \(basis) | \(n) |\n" }
            }
            out += "\n## \(w.byRoute)\n\n| \(w.route) | \(w.number) |\n| --- | ---: |\n"
            for (route, n) in sorted(r.byRoute) { out += "| \(route) | \(n) |\n" }
            out += "\n## \(w.byCategory)\n\n| \(w.category) | \(w.number) |\n| --- | ---: |\n"
            for (category, n) in sorted(r.byCategory) { out += "| \(category) | \(n) |\n" }
            out += "\n"
        }
        out += "## \(w.obligationsTitle)\n\n| | \(w.number) |\n| --- | ---: |\n"
        for (label, n) in w.obligationRows(r.obligations) { out += "| \(label) | \(n) |\n" }
        out += "\n## \(w.worklist)\n\n"
        if r.overdue.isEmpty { out += "\(w.noOverdue)\n" } else {
            out += "| \(w.due) | \(w.obligation) | \(w.who) | \(w.caseWord) | \(w.decision) | \(w.route) | \(w.category) |\n| --- | --- | --- | --- | ---: | --- | --- |\n"
            for o in r.overdue.prefix(listLimit) {
                out += "| \(o.due) | \(o.obligation) | \(w.actor(o.by)) | \(o.caseReference ?? "–") | \(o.seq) | \(o.from) → \(o.to) | \(o.share) |\n"
            }
            if r.overdue.count > listLimit { out += "\n\(w.more(r.overdue.count - listLimit))\n" }
        }
        out += "\n## \(w.sources)\n\n"
        for (covenant, tables) in r.covenants.sorted(by: { $0.key < $1.key }) {
            out += "- \(covenant): \(w.tables) \(tables.sorted().map { "`\($0.prefix(12))…`" }.joined(separator: ", "))\n"
        }
        out += "- \(w.logs): \(r.files.map { "`\($0)`" }.joined(separator: ", "))\n"
        if r.unreadable > 0 { out += "- \(w.unreadable(r.unreadable))\n" }
        if r.orphanEvents > 0 { out += "- \(w.orphans(r.orphanEvents))\n" }
        return out
    }

    static func json(_ r: LogReport) -> JSONValue {
        func counts(_ d: [String: Int]) -> JSONValue { .object(sorted(d).map { ($0.0, .integer($0.1)) }) }
        let o = r.obligations
        return .object([
            ("from", r.options.from.map { .string($0.description) } ?? .null),
            ("until", r.options.until.map { .string($0.description) } ?? .null),
            ("asOf", .string(r.options.asOf.description)),
            ("decisions", .integer(r.decisions)), ("permits", .integer(r.permits)), ("denies", .integer(r.denies)),
            ("notInForce", .integer(r.notInForce)), ("withoutConsent", .integer(r.withoutConsent)),
            ("byGround", .object(r.byGround.sorted { $0.key < $1.key }.map { ($0.key, counts($0.value)) })),
            ("byRoute", counts(r.byRoute)), ("byCategory", counts(r.byCategory)),
            ("objections", .integer(r.objections)), ("objectionsAgainstWithoutConsent", .integer(r.objectionsAgainstWithoutConsent)),
            ("obligations", .object([("owed", .integer(o.owed)), ("fulfilled", .integer(o.fulfilled)), ("fulfilledLate", .integer(o.fulfilledLate)),
                                     ("postponed", .integer(o.postponed)), ("open", .integer(o.open)),
                                     ("openWithoutTerm", .integer(o.openWithoutTerm)), ("overdue", .integer(o.overdue)),
                                     ("waived", .integer(o.waived))])),
            ("overdue", .array(r.overdue.map { x in
                .object([("due", .string(x.due)), ("obligation", .string(x.obligation)), ("kind", .string(x.kind)), ("by", .string(x.by)),
                         ("case", x.caseReference.map(JSONValue.string) ?? .null), ("seq", .integer(x.seq)), ("record", .string(x.record)),
                         ("at", .string(x.at)), ("from", .string(x.from)), ("to", .string(x.to)), ("share", .string(x.share))])
            })),
            ("covenants", .object(r.covenants.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.sorted().map(JSONValue.string))) })),
            ("files", .array(r.files.map(JSONValue.string))),
            ("unreadableLines", .integer(r.unreadable)), ("eventsWithoutDecision", .integer(r.orphanEvents)),
        ])
    }
}

/// The report's words in Dutch (for the council) or English.
struct ReportWords {
    let dutch: Bool
    func t(_ nl: String, _ en: String) -> String { dutch ? nl : en }

    var title: String { t("Verantwoording gegevensdeling", "Account of data sharing") }
    func period(_ from: CalendarDate?, _ until: CalendarDate?) -> String {
        switch (from, until) {
        case (let f?, let u?): t("Periode: \(f) tot en met \(u).", "Period: \(f) to \(u), inclusive.")
        case (let f?, nil): t("Periode: vanaf \(f).", "Period: from \(f).")
        case (nil, let u?): t("Periode: tot en met \(u).", "Period: until \(u), inclusive.")
        case (nil, nil): t("Periode: alles wat de logs bevatten.", "Period: everything the logs hold.")
        }
    }
    func reportDay(_ d: CalendarDate) -> String { t("Termijnen gemeten op \(d).", "Terms measured on \(d).") }
    var summary: String { t("Samenvatting", "Summary") }
    var number: String { t("Aantal", "Number") }
    func summaryRows(_ r: LogReport) -> [(String, Int)] {
        [(t("Beslissingen", "Decisions"), r.decisions),
         (t("Toegestaan", "Permitted"), r.permits),
         (t("Geweigerd", "Denied"), r.denies),
         (t("waarvan buiten de looptijd van het convenant", "of which outside the covenant's validity"), r.notInForce),
         (t("**Verstrekkingen zonder toestemming**", "**Provisions without consent**"), r.withoutConsent),
         (t("Bezwaren", "Objections"), r.objections),
         (t("waarvan tegen een verstrekking zonder toestemming", "of which against a provision without consent"), r.objectionsAgainstWithoutConsent)]
    }
    var byGround: String { t("Verstrekkingen zonder toestemming, naar grond", "Provisions without consent, by ground") }
    var noneWithoutConsent: String { t("In deze periode zijn geen persoonsgegevens zonder toestemming verstrekt.", "No personal data was provided without consent in this period.") }
    var groundKind: String { t("Soort grond", "Kind of ground") }
    var basis: String { t("Grondslag", "Basis") }
    func basisKind(_ k: String) -> String {
        guard dutch else { return k.replacingOccurrences(of: "_", with: " ") }
        return ["consent": "toestemming", "legal_obligation": "wettelijke plicht", "vital_interest": "vitaal belang", "public_task": "publieke taak",
                "law": "wet", "conflict_of_duties": "conflict van plichten"][k] ?? k
    }
    var byRoute: String { t("Naar verstrekker en ontvanger", "By sender and recipient") }
    var route: String { t("Verstrekker → ontvanger", "Sender → recipient") }
    var byCategory: String { t("Naar soort gegevens", "By data category") }
    var category: String { t("Gegevens", "Data") }
    var obligationsTitle: String { t("Verplichtingen bij verstrekkingen", "Obligations of provisions") }
    func obligationRows(_ o: LogReport.Obligations) -> [(String, Int)] {
        [(t("Verschuldigd", "Owed"), o.owed),
         (t("Nagekomen", "Fulfilled"), o.fulfilled),
         (t("waarvan na de termijn", "of which after the term"), o.fulfilledLate),
         (t("Uitgesteld (termijn loopt nog niet)", "Postponed (the term does not run yet)"), o.postponed),
         (t("Open, termijn nog niet verstreken", "Open, term not yet passed"), o.open),
         (t("Open, zonder termijn (achteraf of zonder tijdstip)", "Open, without a term (after, or no timing)"), o.openWithoutTerm),
         (t("**Termijn verstreken, niet nagekomen**", "**Overdue**"), o.overdue),
         (t("Vervallen (uitzondering van toepassing)", "Waived (an exception applied)"), o.waived)]
    }
    var worklist: String { t("Werklijst: verplichtingen waarvan de termijn is verstreken", "Worklist: overdue obligations") }
    var noOverdue: String { t("Geen verplichting is over haar termijn.", "No obligation is past its term.") }
    var due: String { t("Uiterlijk", "Due") }
    var obligation: String { t("Verplichting", "Obligation") }
    var who: String { t("Wie", "Who") }
    var caseWord: String { t("Zaak", "Case") }
    var decision: String { t("Beslissing", "Decision") }
    func actor(_ a: String) -> String {
        guard dutch else { return a }
        return ["sender": "verstrekker", "recipient": "ontvanger", "controller": "verantwoordelijke"][a] ?? a
    }
    func more(_ n: Int) -> String { t("En nog \(n) verplichtingen; de volledige lijst staat in --format json.", "And \(n) more; --format json lists them all.") }
    var sources: String { t("Bronnen", "Sources") }
    var tables: String { t("beslistabel", "decision table") }
    var logs: String { t("Logbestanden", "Log files") }
    func unreadable(_ n: Int) -> String { t("\(n) regels waren geen leesbaar record en zijn niet geteld; controleer de logs met 'covenantc log verify'.", "\(n) lines were not readable records and are not counted; check the logs with 'covenantc log verify'.") }
    func orphans(_ n: Int) -> String { t("\(n) gebeurtenissen verwijzen naar een beslissing die niet in deze logs staat.", "\(n) events refer to a decision that is not in these logs.") }
}

/// The report as one self-contained, printable HTML page.
enum ReportHTML {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func table(_ caption: String, _ head: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = "<table>\n<caption>\(escape(caption))</caption>\n<thead><tr>"
        for (i, h) in head.enumerated() { out += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"n\"" : "")>\(escape(h))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let bold = cell.hasPrefix("**") && cell.hasSuffix("**")
                let text = escape(bold ? String(cell.dropFirst(2).dropLast(2)) : cell)
                // "waarvan …" / "of which …" rows belong to the row above them.
                let sub = cell.hasPrefix("waarvan ") || cell.hasPrefix("of which ")
                out += i == 0 ? "<th scope=\"row\"\(sub ? " class=\"sub\"" : "")>\(bold ? "<strong>\(text)</strong>" : text)</th>"
                    : "<td\(numeric.contains(i) ? " class=\"n\"" : "")>\(bold ? "<strong>\(text)</strong>" : text)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func page(_ r: LogReport, _ w: ReportWords) -> String {
        var body = "<h1>\(escape(w.title))</h1>\n<p>\(escape(w.period(r.options.from, r.options.until))) \(escape(w.reportDay(r.options.asOf)))</p>\n"
        body += "<h2>\(escape(w.summary))</h2>\n" + table(w.summary, ["", w.number], w.summaryRows(r).map { [$0.0, String($0.1)] }, numeric: [1])
        body += "<h2>\(escape(w.byGround))</h2>\n"
        if r.withoutConsent == 0 { body += "<p>\(escape(w.noneWithoutConsent))</p>\n" } else {
            var rows: [[String]] = []
            for (kind, bases) in r.byGround.sorted(by: { $0.key < $1.key }) {
                for (basis, n) in ReportCommand.sorted(bases) { rows.append([w.basisKind(kind), basis, String(n)]) }
            }
            body += table(w.byGround, [w.groundKind, w.basis, w.number], rows, numeric: [2])
            body += "<h2>\(escape(w.byRoute))</h2>\n" + table(w.byRoute, [w.route, w.number], ReportCommand.sorted(r.byRoute).map { [$0.0, String($0.1)] }, numeric: [1])
            body += "<h2>\(escape(w.byCategory))</h2>\n" + table(w.byCategory, [w.category, w.number], ReportCommand.sorted(r.byCategory).map { [$0.0, String($0.1)] }, numeric: [1])
        }
        body += "<h2>\(escape(w.obligationsTitle))</h2>\n" + table(w.obligationsTitle, ["", w.number], w.obligationRows(r.obligations).map { [$0.0, String($0.1)] }, numeric: [1])
        body += "<h2>\(escape(w.worklist))</h2>\n"
        if r.overdue.isEmpty { body += "<p>\(escape(w.noOverdue))</p>\n" } else {
            body += table(w.worklist, [w.due, w.obligation, w.who, w.caseWord, w.decision, w.route, w.category],
                          r.overdue.prefix(ReportCommand.listLimit).map { o in
                              [o.due, o.obligation, w.actor(o.by), o.caseReference ?? "–", String(o.seq), "\(o.from) → \(o.to)", o.share]
                          }, numeric: [4])
            if r.overdue.count > ReportCommand.listLimit { body += "<p>\(escape(w.more(r.overdue.count - ReportCommand.listLimit)))</p>\n" }
        }
        body += "<h2>\(escape(w.sources))</h2>\n<ul>\n"
        for (covenant, tables) in r.covenants.sorted(by: { $0.key < $1.key }) {
            body += "<li>\(escape(covenant)): \(escape(w.tables)) <code>\(tables.sorted().map { escape(String($0.prefix(12))) + "…" }.joined(separator: ", "))</code></li>\n"
        }
        body += "<li>\(escape(w.logs)): \(r.files.map { "<code>\(escape($0))</code>" }.joined(separator: ", "))</li>\n"
        if r.unreadable > 0 { body += "<li>\(escape(w.unreadable(r.unreadable)))</li>\n" }
        if r.orphanEvents > 0 { body += "<li>\(escape(w.orphans(r.orphanEvents)))</li>\n" }
        body += "</ul>\n"
        return """
            <!DOCTYPE html>
            <html lang="\(w.dutch ? "nl" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(w.title))</title>
            <style>
            body { font-family: Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
            h1 { font-size: 1.8rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .3rem; }
            h2 { font-size: 1.25rem; margin-top: 2rem; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
            caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
            th, td { border-bottom: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
            tbody th { font-weight: normal; }
            th.sub { padding-left: 1.8rem; color: #333; }
            thead th { border-bottom: 2px solid #1a1a1a; }
            .n { text-align: right; font-variant-numeric: tabular-nums; }
            code { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; }
            @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }
}
