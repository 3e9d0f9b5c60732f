import CovenantEval
import Foundation

/// `covenantc report`: the college's yearly account to the council over decision logs, and the
/// privacy officer's worklist of overdue duties; Markdown, HTML or JSON, in Dutch or English.
enum ReportCommand {
    static let command = CLI.Command(name: "report", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let format: String
        let language: Language
        var today: Today
        var from: CalendarDate?, until: CalendarDate?
        do {
            parsed = try Arguments(
                args, flags: [], options: ["--from", "--until", "--date", "--format", "--lang", "--output"],
                aliases: ["-o": "--output"])
            format = try parsed.choice("--format", ["markdown", "html", "json"], default: "markdown")
            // No covenant is read: --lang, else COVENANT_LANG, else English.
            language = try parsed.preference().language(covenant: nil)
            today = try Today(parsed)
            for (flag, value) in [("--from", parsed.value("--from")), ("--until", parsed.value("--until"))] {
                guard let value else { continue }
                guard let day = CalendarDate(value) else {
                    throw Arguments.UsageError("report.date", parsed.language, flag, value)
                }
                if flag == "--from" { from = day } else { until = day }
            }
        } catch {
            return CLI.usageError(error, command: "report", console: console)
        }
        guard !parsed.positionals.isEmpty else {
            return CLI.usageError(
                CommandWords.text("report.nameLogs", parsed.language), command: "report", language: parsed.language,
                console: console)
        }
        let report: LogReport
        do {
            report = try LogReport.build(
                parsed.positionals, options: .init(from: from, until: until, asOf: today.date()))
        } catch {
            console.err("covenantc report: \(error.message(in: language))\n")
            return ExitCode.failure
        }
        let words = ReportWords(language: language)
        let text: String
        switch format {
        case "json": text = json(report).serialized() + "\n"
        case "html": text = ReportHTML.page(report, words)
        default: text = markdown(report, words)
        }
        if let out = parsed.value("--output") {
            do {
                try AtomicFile.write(text, to: out)
            } catch {
                console.err(
                    CommandWords.text("report.cannotWrite", language, out, AtomicFile.describe(error, language)) + "\n")
                return ExitCode.failure
            }
            console.err(CommandWords.text("report.wrote", language, out) + "\n")
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
        if r.withoutConsent == 0 {
            out += "\(w.noneWithoutConsent)\n\n"
        } else {
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
        if r.overdue.isEmpty {
            out += "\(w.noOverdue)\n"
        } else {
            let columns = [w.due, w.obligation, w.who, w.caseWord, w.decision, w.route, w.category]
            out += "| \(columns.joined(separator: " | ")) |\n| --- | --- | --- | --- | ---: | --- | --- |\n"
            for o in r.overdue.prefix(listLimit) {
                out +=
                    "| \(o.due) | \(o.obligation) | \(w.actor(o.by)) | \(o.caseReference ?? "–") | \(o.seq) "
                    + "| \(o.from) → \(o.to) | \(o.share) |\n"
            }
            if r.overdue.count > listLimit { out += "\n\(w.more(r.overdue.count - listLimit))\n" }
        }
        out += "\n## \(w.sources)\n\n"
        for (covenant, tables) in r.covenants.sorted(by: { $0.key < $1.key }) {
            out +=
                "- \(covenant): \(w.tables) \(tables.sorted().map { "`\($0.prefix(12))…`" }.joined(separator: ", "))\n"
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
            ("objections", .integer(r.objections)),
            ("objectionsAgainstWithoutConsent", .integer(r.objectionsAgainstWithoutConsent)),
            (
                "obligations",
                .object([
                    ("owed", .integer(o.owed)), ("fulfilled", .integer(o.fulfilled)),
                    ("fulfilledLate", .integer(o.fulfilledLate)),
                    ("postponed", .integer(o.postponed)), ("open", .integer(o.open)),
                    ("openWithoutTerm", .integer(o.openWithoutTerm)), ("overdue", .integer(o.overdue)),
                    ("waived", .integer(o.waived)),
                ])
            ),
            (
                "overdue",
                .array(
                    r.overdue.map { x in
                        .object([
                            ("due", .string(x.due)), ("obligation", .string(x.obligation)), ("kind", .string(x.kind)),
                            ("by", .string(x.by)), ("case", x.caseReference.map(JSONValue.string) ?? .null),
                            ("seq", .integer(x.seq)), ("record", .string(x.record)), ("at", .string(x.at)),
                            ("from", .string(x.from)), ("to", .string(x.to)), ("share", .string(x.share)),
                        ])
                    })
            ),
            (
                "covenants",
                .object(
                    r.covenants.sorted { $0.key < $1.key }.map {
                        ($0.key, .array($0.value.sorted().map(JSONValue.string)))
                    })
            ),
            ("files", .array(r.files.map(JSONValue.string))),
            ("unreadableLines", .integer(r.unreadable)), ("eventsWithoutDecision", .integer(r.orphanEvents)),
        ])
    }
}

/// The report's words in Dutch (for the council) or English: a part of `CommandWords`.
struct ReportWords {
    let language: Language
    // The words themselves, `ReportWords.entries`, are in ReportWords.swift.

    var title: String { CommandWords.text("report.title", language) }
    func period(_ from: CalendarDate?, _ until: CalendarDate?) -> String {
        switch (from, until) {
        case (let f?, let u?): CommandWords.text("report.period.fromUntil", language, f.description, u.description)
        case (let f?, nil): CommandWords.text("report.period.from", language, f.description)
        case (nil, let u?): CommandWords.text("report.period.until", language, u.description)
        case (nil, nil): CommandWords.text("report.period.all", language)
        }
    }
    func reportDay(_ d: CalendarDate) -> String { CommandWords.text("report.reportDay", language, d.description) }
    var summary: String { CommandWords.text("report.summary", language) }
    var number: String { CommandWords.text("report.number", language) }
    func summaryRows(_ r: LogReport) -> [(String, Int)] {
        [
            (CommandWords.text("report.decisions", language), r.decisions),
            (CommandWords.text("report.permits", language), r.permits),
            (CommandWords.text("report.denies", language), r.denies),
            (CommandWords.text("report.notInForce", language), r.notInForce),
            (CommandWords.text("report.withoutConsent", language), r.withoutConsent),
            (CommandWords.text("report.objections", language), r.objections),
            (CommandWords.text("report.objectionsAgainstWithoutConsent", language), r.objectionsAgainstWithoutConsent),
        ]
    }
    var byGround: String { CommandWords.text("report.byGround", language) }
    var noneWithoutConsent: String { CommandWords.text("report.noneWithoutConsent", language) }
    var groundKind: String { CommandWords.text("report.groundKind", language) }
    var basis: String { CommandWords.text("report.basis", language) }
    /// A kind of basis as the log names it (`legal_obligation`), in words.
    func basisKind(_ k: String) -> String {
        let key = "report.basisKind.\(k)"
        guard CommandWords.entries[key] != nil else {
            return language == .en ? k.replacingOccurrences(of: "_", with: " ") : k
        }
        return CommandWords.text(key, language)
    }
    var byRoute: String { CommandWords.text("report.byRoute", language) }
    var route: String { CommandWords.text("report.route", language) }
    var byCategory: String { CommandWords.text("report.byCategory", language) }
    var category: String { CommandWords.text("report.category", language) }
    var obligationsTitle: String { CommandWords.text("report.obligationsTitle", language) }
    func obligationRows(_ o: LogReport.Obligations) -> [(String, Int)] {
        [
            (CommandWords.text("report.owed", language), o.owed),
            (CommandWords.text("report.fulfilled", language), o.fulfilled),
            (CommandWords.text("report.fulfilledLate", language), o.fulfilledLate),
            (CommandWords.text("report.postponed", language), o.postponed),
            (CommandWords.text("report.open", language), o.open),
            (CommandWords.text("report.openWithoutTerm", language), o.openWithoutTerm),
            (CommandWords.text("report.overdue", language), o.overdue),
            (CommandWords.text("report.waived", language), o.waived),
        ]
    }
    var worklist: String { CommandWords.text("report.worklist", language) }
    var noOverdue: String { CommandWords.text("report.noOverdue", language) }
    var due: String { CommandWords.text("report.due", language) }
    var obligation: String { CommandWords.text("report.obligation", language) }
    var who: String { CommandWords.text("report.who", language) }
    var caseWord: String { CommandWords.text("report.case", language) }
    var decision: String { CommandWords.text("report.decision", language) }
    /// Who acts as the log names them (`sender`), in words.
    func actor(_ a: String) -> String {
        CommandWords.entries["report.actor.\(a)"] == nil ? a : CommandWords.text("report.actor.\(a)", language)
    }
    func more(_ n: Int) -> String { CommandWords.count("report.more", n, language) }
    var sources: String { CommandWords.text("report.sources", language) }
    var tables: String { CommandWords.text("report.tables", language) }
    var logs: String { CommandWords.text("report.logs", language) }
    func unreadable(_ n: Int) -> String { CommandWords.count("report.unreadable", n, language) }
    func orphans(_ n: Int) -> String { CommandWords.count("report.orphans", n, language) }
}

/// The report as one self-contained, printable HTML page.
enum ReportHTML {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func table(_ caption: String, _ head: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = "<table>\n<caption>\(escape(caption))</caption>\n<thead><tr>"
        for (i, h) in head.enumerated() {
            out += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"n\"" : "")>\(escape(h))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let bold = cell.hasPrefix("**") && cell.hasSuffix("**")
                let text = escape(bold ? String(cell.dropFirst(2).dropLast(2)) : cell)
                // "waarvan …" / "of which …" rows belong to the row above them.
                let sub = cell.hasPrefix("waarvan ") || cell.hasPrefix("of which ")
                out +=
                    i == 0
                    ? "<th scope=\"row\"\(sub ? " class=\"sub\"" : "")>\(bold ? "<strong>\(text)</strong>" : text)</th>"
                    : "<td\(numeric.contains(i) ? " class=\"n\"" : "")>\(bold ? "<strong>\(text)</strong>" : text)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func page(_ r: LogReport, _ w: ReportWords) -> String {
        var body =
            "<h1>\(escape(w.title))</h1>\n<p>\(escape(w.period(r.options.from, r.options.until))) "
            + "\(escape(w.reportDay(r.options.asOf)))</p>\n"
        body +=
            "<h2>\(escape(w.summary))</h2>\n"
            + table(w.summary, ["", w.number], w.summaryRows(r).map { [$0.0, String($0.1)] }, numeric: [1])
        body += "<h2>\(escape(w.byGround))</h2>\n"
        if r.withoutConsent == 0 {
            body += "<p>\(escape(w.noneWithoutConsent))</p>\n"
        } else {
            var rows: [[String]] = []
            for (kind, bases) in r.byGround.sorted(by: { $0.key < $1.key }) {
                for (basis, n) in ReportCommand.sorted(bases) { rows.append([w.basisKind(kind), basis, String(n)]) }
            }
            body += table(w.byGround, [w.groundKind, w.basis, w.number], rows, numeric: [2])
            body +=
                "<h2>\(escape(w.byRoute))</h2>\n"
                + table(
                    w.byRoute, [w.route, w.number], ReportCommand.sorted(r.byRoute).map { [$0.0, String($0.1)] },
                    numeric: [1])
            body +=
                "<h2>\(escape(w.byCategory))</h2>\n"
                + table(
                    w.byCategory, [w.category, w.number],
                    ReportCommand.sorted(r.byCategory).map { [$0.0, String($0.1)] }, numeric: [1])
        }
        body +=
            "<h2>\(escape(w.obligationsTitle))</h2>\n"
            + table(
                w.obligationsTitle, ["", w.number], w.obligationRows(r.obligations).map { [$0.0, String($0.1)] },
                numeric: [1])
        body += "<h2>\(escape(w.worklist))</h2>\n"
        if r.overdue.isEmpty {
            body += "<p>\(escape(w.noOverdue))</p>\n"
        } else {
            body += table(
                w.worklist, [w.due, w.obligation, w.who, w.caseWord, w.decision, w.route, w.category],
                r.overdue.prefix(ReportCommand.listLimit).map { o in
                    [
                        o.due, o.obligation, w.actor(o.by), o.caseReference ?? "–", String(o.seq),
                        "\(o.from) → \(o.to)", o.share,
                    ]
                }, numeric: [4])
            if r.overdue.count > ReportCommand.listLimit {
                body += "<p>\(escape(w.more(r.overdue.count - ReportCommand.listLimit)))</p>\n"
            }
        }
        body += "<h2>\(escape(w.sources))</h2>\n<ul>\n"
        for (covenant, tables) in r.covenants.sorted(by: { $0.key < $1.key }) {
            let prefixes = tables.sorted().map { escape(String($0.prefix(12))) + "…" }
            body +=
                "<li>\(escape(covenant)): \(escape(w.tables)) <code>\(prefixes.joined(separator: ", "))</code></li>\n"
        }
        body += "<li>\(escape(w.logs)): \(r.files.map { "<code>\(escape($0))</code>" }.joined(separator: ", "))</li>\n"
        if r.unreadable > 0 { body += "<li>\(escape(w.unreadable(r.unreadable)))</li>\n" }
        if r.orphanEvents > 0 { body += "<li>\(escape(w.orphans(r.orphanEvents)))</li>\n" }
        body += "</ul>\n"
        return """
            <!DOCTYPE html>
            <html lang="\(w.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(w.title))</title>
            <style>
            body { font-family: Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; max-width: 52rem; \
            margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
            h1 { font-size: 1.8rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .3rem; }
            h2 { font-size: 1.25rem; margin-top: 2rem; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
            caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); \
            white-space: nowrap; }
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
