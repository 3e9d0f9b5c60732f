import CovenantEval
import CovenantLang

/// `covenantc who`: the reverse questions. Who may receive a data category (for a purpose),
/// and what one party may share with another, with the conditions summarised; computed from
/// the decision table by deciding (`Evaluator.reverseQuery`).
enum WhoCommand {
    static let command = CLI.Command(name: "who", run: run)

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        let format: String
        let preference: LanguagePreference
        var today: Today
        do {
            parsed = try Arguments(
                args, flags: [],
                options: [
                    "--receives", "--from", "--to", "--for", "--format",
                    "--date", "--lang", "--source",
                ])
            format = try parsed.choice("--format", ["text", "json"], default: "text")
            today = try Today(parsed)
            preference = try UserLanguage.preference(parsed)
        } catch {
            return CLI.usageError(error, command: "who", console: console)
        }
        func usage(_ key: String) -> Int32 {
            CLI.usageError(
                CommandWords.text(key, parsed.language), command: "who", language: parsed.language,
                console: console)
        }
        let receives = parsed.value("--receives"), from = parsed.value("--from"), to = parsed.value("--to")
        guard (receives != nil && from == nil && to == nil) || (receives == nil && from != nil && to != nil) else {
            return usage("who.giveQuestion")
        }
        guard parsed.positionals.count == 1 else { return usage("arguments.nameOneCovenantOrTable") }
        guard
            let table = TableLoader.load(
                parsed.positionals[0], source: parsed.value("--source"),
                preference: preference, console: console)
        else { return ExitCode.failure }
        let language = preference.language(covenant: table.metadata.language)
        let question: ReverseQuery.Question
        do {
            let purpose = try parsed.value("--for").map { try resolve($0, .purpose, table) }
            if let receives {
                question = .receives(category: try resolve(receives, .category, table), purpose: purpose)
            } else {
                question = .between(
                    sender: try resolve(from!, .sender, table),
                    recipient: try resolve(to!, .recipient, table), purpose: purpose)
            }
        } catch {
            let message = (error as? NameError)?.message(in: language) ?? "\(error)"
            if format == "json" {
                console.out(JSONValue.object([("error", .string(message))]).serialized() + "\n")
            } else {
                console.err("covenantc who: \(message)\n")
            }
            return ExitCode.failure
        }
        let answer = Evaluator(compiled: table).reverseQuery(question, on: today.date())
        console.out(
            format == "json"
                ? json(answer, table, language).serialized() + "\n"
                : text(answer, table, language))
        return ExitCode.success
    }

    // MARK: - Names

    enum Role { case sender, recipient, category, purpose }

    /// A name that is not in the table, worded as `query` words it, with a did-you-mean.
    struct NameError: WordedError {
        var error: QueryError
        var suggestion: String?

        func message(in language: Language) -> String {
            let text = error.message(in: language)
            return suggestion.map { CommandWords.text("who.didYouMean", language, text, $0) } ?? text
        }
    }

    static func resolve(_ name: String, _ role: Role, _ table: DecisionTable) throws(NameError) -> Int32 {
        let ids: [String]
        switch role {
        case .sender, .recipient: ids = table.parties.map(\.id)
        case .category: ids = table.categories.map(\.id)
        case .purpose: ids = table.purposes.map(\.id)
        }
        if let i = ids.firstIndex(of: name) { return Int32(i) }
        if role == .sender || role == .recipient, let group = table.groups.first(where: { $0.id == name }) {
            let members = group.members.map { table.parties[Int($0)].id }.joined(separator: ", ")
            throw NameError(error: QueryError(role == .sender ? .groupSender : .groupRecipient, name, members))
        }
        let kind: QueryError.Kind =
            switch role {
            case .sender, .recipient: .unknownParty
            case .category: .unknownCategory
            case .purpose: .unknownPurpose
            }
        throw NameError(error: QueryError(kind, name), suggestion: Suggestions.closest(to: name, among: ids))
    }

    // MARK: - Text

    static func t(_ key: String, _ language: Language, _ args: String...) -> String {
        CommandWords.text(key, language, arguments: args)
    }

    /// "a, b and c" or "a, b or c", in the language.
    static func list(_ items: [String], _ language: Language, or: Bool = false) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return t(or ? "who.or" : "who.and", language, items.dropLast().joined(separator: ", "), items.last!)
    }

    /// An entity with its name: `health ("Gezondheidsgegevens")`.
    static func named(_ id: String, _ name: String?) -> String { name.map { "\(id) (\"\($0)\")" } ?? id }

    static func text(_ r: ReverseQuery, _ table: DecisionTable, _ language: Language) -> String {
        let forPurpose: (Int32?) -> String = { p in p.map { t("who.for", language, table.purposes[Int($0)].id) } ?? "" }
        var out: String
        var nothing: String
        switch r.question {
        case .receives(let c, let p):
            let category = table.categories[Int(c)]
            out = t(
                "who.heading.receives", language, named(category.id, category.name), forPurpose(p),
                r.date.description)
            nothing = t("who.nobody", language, category.id, forPurpose(p))
        case .between(let s, let rc, let p):
            let (sender, recipient) = (table.parties[Int(s)], table.parties[Int(rc)])
            out = t(
                "who.heading.between", language, named(sender.id, sender.name), named(recipient.id, recipient.name),
                forPurpose(p), r.date.description)
            nothing = t("who.nothing", language, sender.id, recipient.id, forPurpose(p))
        }
        out += "\n\n"
        guard r.inForce else {
            let validity = Evaluator(compiled: table).validityDescription(language)
            return out + t("who.notInForce", language, r.date.description, validity) + "\n"
        }
        if r.answers.isEmpty { out += (r.complete ? nothing : t("who.noneFound", language)) + "\n" }
        for a in r.answers { out += answerText(a, r.question, table, language) }
        let total = t(r.answers.count == 1 ? "who.total.one" : "who.total.many", language, String(r.answers.count))
        out +=
            "\n"
            + (r.complete
                ? t("who.complete", language, total)
                : t(
                    "who.incomplete", language, total, String(ReverseQuery.defaultBudget),
                    String(ReverseQuery.maxCombinations), String(r.notAnalysed))) + "\n"
        return out
    }

    static func answerText(
        _ a: ReverseQuery.Answer, _ question: ReverseQuery.Question, _ table: DecisionTable,
        _ language: Language
    ) -> String {
        let categories = list(a.categories.map { table.categories[Int($0)].id }, language)
        let purposes = list(a.purposes.map { table.purposes[Int($0)].id }, language, or: true)
        var out: String
        switch question {
        case .receives:
            let recipients = list(a.recipients.map { table.parties[Int($0)].id }, language)
            let senders = list(a.senders.map { table.parties[Int($0)].id }, language, or: true)
            let key = a.recipients.count == 1 ? "who.receives.one" : "who.receives.many"
            out = t(key, language, recipients, categories, senders, purposes)
        case .between:
            out = t("who.between", language, categories, purposes)
        }
        out += "\n"
        if a.always {
            out += "    " + t("who.always", language) + "\n"
        } else {
            for (i, box) in a.when.enumerated() {
                out += "    " + t(i == 0 ? "who.if" : "who.orIf", language, boxText(box, table, language)) + "\n"
            }
        }
        var parts = [
            t(
                a.decidedBy.count == 1 ? "who.byRule.one" : "who.byRule.many", language,
                a.decidedBy.map { table.rules[Int($0)].id }.joined(separator: ", "))
        ]
        if !a.bases.isEmpty {
            parts.append(
                t(
                    a.bases.count == 1 ? "who.basis.one" : "who.basis.many", language,
                    a.bases.map { table.bases[Int($0)].id }.joined(separator: ", ")))
        }
        if !a.obligations.isEmpty {
            parts.append(
                t(
                    a.obligations.count == 1 ? "who.obligation.one" : "who.obligation.many", language,
                    a.obligations.map { obligationText($0, table, language) }.joined(separator: ", ")))
        }
        return out + "    " + parts.joined(separator: "; ") + "\n"
    }

    /// `record`, `inform by the recipient within 4 weeks (unless investigation)`.
    static func obligationText(_ o: ReverseQuery.Obligation, _ table: DecisionTable, _ language: Language) -> String {
        var text = table.obligations[Int(o.obligation)].id
        if o.actor != .sender {
            text += " " + Messages.text("query.by", language, Messages.text("actor.\(o.actor.rawValue)", language))
        }
        if o.timing >= 0 { text += " " + DecisionTable.timingText(table.timings[Int(o.timing)], language) }
        var notes: [String] = []
        if !o.unless.isEmpty { notes.append(t("who.unless", language, conditions(o.unless, table, language))) }
        if !o.postponedWhile.isEmpty {
            notes.append(t("who.postponed", language, conditions(o.postponedWhile, table, language)))
        }
        return notes.isEmpty ? text : text + " (" + notes.joined(separator: "; ") + ")"
    }

    static func conditions(_ nodes: [Int32], _ table: DecisionTable, _ language: Language) -> String {
        nodes.map { nodes.count > 1 ? "(\(table.conditionText($0, language)))" : table.conditionText($0, language) }
            .joined(separator: language == .nl ? " en " : " and ")
    }

    /// One alternative: its constraints joined; one that reads "… or not given" is put in
    /// parentheses when there are others, so the "or" is not read across the "and".
    static func boxText(_ box: [ReverseQuery.Constraint], _ table: DecisionTable, _ language: Language) -> String {
        list(
            box.map { c in
                let text = constraintText(c, table, language)
                return box.count > 1 && c.notGiven && (!c.values.isEmpty || !c.ranges.isEmpty) ? "(\(text))" : text
            }, language)
    }

    /// `consent = given`, `consent != given`, `age >= 16`, `age in {0..11, 16..130}`,
    /// `age is not given`, `safety_risk = false or not given`.
    static func constraintText(_ c: ReverseQuery.Constraint, _ table: DecisionTable, _ language: Language) -> String {
        let fact = table.facts[c.fact]
        var given: String?
        switch fact.kind {
        case .int(let low, let high):
            let ranges = c.ranges.map { r in
                r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)..\(r.upperBound)"
            }
            if c.ranges.count == 1, let r = c.ranges.first {
                given =
                    r.lowerBound == r.upperBound
                    ? "\(fact.id) = \(r.lowerBound)"
                    : r.lowerBound == low && r.upperBound == high
                        ? t("who.given", language, fact.id)
                        : r.upperBound == high
                            ? "\(fact.id) >= \(r.lowerBound)"
                            : r.lowerBound == low
                                ? "\(fact.id) <= \(r.upperBound)"
                                : "\(fact.id) in \(ranges[0])"
            } else if !ranges.isEmpty {
                given = "\(fact.id) in {\(ranges.joined(separator: ", "))}"
            }
        case .bool, .enumeration:
            var domain: [Int64] = [0, 1]
            if case .enumeration(let names) = fact.kind { domain = Array(0..<Int64(names.count)) }
            let names = c.values.map { table.valueText($0, fact: c.fact, language) }
            let missingIsAValue = fact.defaultValue == nil
            let others = domain.filter { !c.values.contains($0) }
            if names.count == 1 {
                given = "\(fact.id) = \(names[0])"
            } else if names.count == domain.count {
                given = t("who.given", language, fact.id)
            } else if names.count > 1, others.count == 1, !missingIsAValue {
                given = "\(fact.id) != \(table.valueText(others[0], fact: c.fact, language))"
            } else if names.count > 1 {
                given = "\(fact.id) in {\(names.joined(separator: ", "))}"
            }
        }
        guard c.notGiven else { return given ?? "" }
        return given.map { t("who.orNotGiven", language, $0) } ?? t("who.notGiven", language, fact.id)
    }

    // MARK: - JSON

    static func json(_ r: ReverseQuery, _ table: DecisionTable, _ language: Language) -> JSONValue {
        func ids(_ list: [Int32], _ names: (Int) -> String) -> JSONValue {
            .array(list.map { .string(names(Int($0))) })
        }
        func optional(_ i: Int32?, _ names: (Int) -> String) -> JSONValue { i.map { .string(names(Int($0))) } ?? .null }
        let party = { (i: Int) in table.parties[i].id }, category = { (i: Int) in table.categories[i].id }
        let purpose = { (i: Int) in table.purposes[i].id }
        let question: JSONValue
        switch r.question {
        case .receives(let c, let p):
            question = .object([
                ("receives", .string(category(Int(c)))), ("from", .null), ("to", .null),
                ("for", optional(p, purpose)),
            ])
        case .between(let s, let rc, let p):
            question = .object([
                ("receives", .null), ("from", .string(party(Int(s)))), ("to", .string(party(Int(rc)))),
                ("for", optional(p, purpose)),
            ])
        }
        let answers: [JSONValue] = r.answers.map { a in
            .object([
                ("senders", ids(a.senders, party)), ("recipients", ids(a.recipients, party)),
                ("categories", ids(a.categories, category)), ("leaves", ids(a.leaves, category)),
                ("purposes", ids(a.purposes, purpose)), ("always", .bool(a.always)),
                (
                    "when",
                    .array(
                        a.when.map { box in
                            .object(box.map { (table.facts[$0.fact].id, values($0, table)) })
                        })
                ),
                ("conditions", .array(a.always ? [] : a.when.map { .string(boxText($0, table, language)) })),
                ("decidedBy", .array(a.decidedBy.map { .string(table.rules[Int($0)].id) })),
                ("bases", .array(a.bases.map { .string(table.bases[Int($0)].id) })),
                (
                    "obligations",
                    .array(
                        a.obligations.map { o in
                            let obligation = table.obligations[Int(o.obligation)]
                            func condition(_ nodes: [Int32]) -> JSONValue {
                                nodes.isEmpty ? .null : .string(conditions(nodes, table, language))
                            }
                            return .object([
                                ("id", .string(obligation.id)), ("by", .string(o.actor.rawValue)),
                                ("kind", .string(obligation.kind)),
                                ("timing", o.timing >= 0 ? .string(table.timings[Int(o.timing)]) : .null),
                                ("unless", condition(o.unless)), ("postponedWhile", condition(o.postponedWhile)),
                            ])
                        })
                ),
            ])
        }
        return .object([
            ("question", question), ("at", .string(r.date.description)), ("inForce", .bool(r.inForce)),
            ("complete", .bool(r.complete)), ("notAnalysed", .integer(r.notAnalysed)), ("answers", .array(answers)),
            (
                "table",
                .object([
                    ("sha256", .string(table.sha256)),
                    ("version", table.metadata.version.map(JSONValue.string) ?? .null),
                ])
            ),
        ])
    }

    /// A fact's values in a region: booleans, enumeration values, `{"from", "to"}` ranges of a
    /// number, and `null` for "not given".
    static func values(_ c: ReverseQuery.Constraint, _ table: DecisionTable) -> JSONValue {
        var items: [JSONValue]
        switch table.facts[c.fact].kind {
        case .bool: items = c.values.map { .bool($0 != 0) }
        case .enumeration(let names): items = c.values.map { .string(names[Int($0)]) }
        case .int:
            items = c.ranges.map { range in
                .object([("from", .integer(Int(range.lowerBound))), ("to", .integer(Int(range.upperBound)))])
            }
        }
        if c.notGiven { items.append(.null) }
        return .array(items)
    }

    // MARK: - Words

    static let words: [String: (en: String, nl: String)] = [
        "summary.who": (
            "who may receive a data category, or what one party may share with another",
            "wie een gegevenscategorie mag ontvangen, of wat een partij aan een andere mag verstrekken"
        ),
        "help.who": (
            """
            Usage: covenantc who FILE --receives CATEGORY [--for PURPOSE]
                   covenantc who FILE --from SENDER --to RECIPIENT [--for PURPOSE]

            Answers the question the other way round. With --receives: who may receive the data
            category (or a category below it), from whom and for which purpose. With --from
            and --to: which categories the sender may share with the recipient, and for which
            purpose. Each answer gives the conditions on the facts (or "without conditions"),
            the deciding rules, the legal bases and the obligations. It is computed from the
            decision table by deciding every case for every combination of the fact values that
            the conditions tell apart; a category stands for the categories below it when they
            are all answered alike. When the work bound is reached, the answer says how many
            cases were not analysed. FILE is a covenant, or a table written by
            'covenantc compile'.

            Options:
              --receives CATEGORY   who may receive this data category
              --from SENDER         with --to: what this party may share
              --to RECIPIENT        with --from: with this party
              --for PURPOSE         only for this purpose
              --format text|json    output format (default: text)
              --source COVENANT     refuse a compiled table unless it was compiled from
                                    COVENANT as the file is now (its SHA-256 is recorded in
                                    the table)
              --date YYYY-MM-DD     answer as on this day (default: today in the Netherlands);
                                    outside the covenant's validity nothing is permitted
              --lang en|nl          the language of the answer (default: the covenant's, else
                                    COVENANT_LANG, else English)
              -h, --help            show this help

            Exit codes: 0 answered, 1 a name is unknown or the covenant has errors, 2 usage
            error.

            """,
            """
            Gebruik: covenantc who BESTAND --receives CATEGORIE [--for DOEL]
                     covenantc who BESTAND --from VERSTREKKER --to ONTVANGER [--for DOEL]

            Beantwoordt de vraag andersom. Met --receives: wie de gegevenscategorie (of een
            categorie daaronder) mag ontvangen, van wie en voor welk doel. Met --from en --to:
            welke gegevenscategorieën de verstrekker aan de ontvanger mag verstrekken, en voor
            welk doel. Elk antwoord noemt de voorwaarden voor de feiten (of "zonder
            voorwaarden"), de regels die beslissen, de grondslagen en de verplichtingen. Het
            antwoord volgt uit de beslistabel: elk geval wordt beslist voor elke combinatie van
            de waarden van de feiten die de voorwaarden onderscheiden; een categorie staat voor
            de categorieën daaronder als die allemaal hetzelfde antwoord krijgen. Wordt de
            rekengrens bereikt, dan zegt het antwoord hoeveel gevallen niet zijn geanalyseerd.
            BESTAND is een convenant, of een beslistabel die 'covenantc compile' heeft
            geschreven.

            Opties:
              --receives CATEGORIE   wie deze gegevenscategorie mag ontvangen
              --from VERSTREKKER     met --to: wat deze partij mag verstrekken
              --to ONTVANGER         met --from: aan deze partij
              --for DOEL             alleen voor dit doel
              --format text|json     uitvoervorm (standaard: text)
              --source CONVENANT     weiger een beslistabel, tenzij die is gemaakt uit
                                     CONVENANT zoals het bestand nu is (de tabel vermeldt de
                                     SHA-256 ervan)
              --date JJJJ-MM-DD      antwoord alsof het die dag is (standaard: vandaag in
                                     Nederland); buiten de geldigheidsduur van het convenant
                                     is niets toegestaan
              --lang en|nl           de taal van het antwoord (standaard: die van het
                                     convenant, anders COVENANT_LANG, anders Engels)
              -h, --help             deze hulp tonen

            Afsluitcodes: 0 beantwoord, 1 een naam is onbekend of het convenant bevat fouten,
            2 verkeerd gebruik.

            """
        ),
        "who.giveQuestion": (
            "give FILE and either --receives CATEGORY, or both --from SENDER and --to RECIPIENT",
            "noem BESTAND en --receives CATEGORIE, of --from VERSTREKKER en --to ONTVANGER"
        ),
        "who.didYouMean": ("{0} (did you mean '{1}'?)", "{0} (bedoelt u '{1}'?)"),
        // {0} the category, {1} " for PURPOSE" or nothing, {2} the date.
        "who.heading.receives": ("Who may receive {0}{1} on {2}:", "Wie {0} mag ontvangen{1}, op {2}:"),
        // {0} the sender, {1} the recipient, {2} " for PURPOSE" or nothing, {3} the date.
        "who.heading.between": (
            "What {0} may share with {1}{2} on {3}:",
            "Wat {0} aan {1} mag verstrekken{2}, op {3}:"
        ),
        "who.for": (" for {0}", " voor {0}"),
        "who.notInForce": (
            "The covenant is not in force on {0} ({1}): nothing may be shared.",
            "Het convenant is op {0} niet van kracht ({1}): er mag niets worden verstrekt."
        ),
        "who.nobody": ("No one may receive {0}{1}.", "Niemand mag {0}{1} ontvangen."),
        "who.nothing": ("{0} may share nothing with {1}{2}.", "{0} mag{2} niets aan {1} verstrekken."),
        "who.noneFound": (
            "No permitted case was found in the part that was analysed.",
            "In het geanalyseerde deel is geen toegestaan geval gevonden."
        ),
        // {0} the recipients, {1} the categories, {2} the senders, {3} the purposes.
        "who.receives.one": ("- {0} may receive {1} from {2} for {3}", "- {0} mag {1} van {2} ontvangen voor {3}"),
        "who.receives.many": ("- {0} may receive {1} from {2} for {3}", "- {0} mogen {1} van {2} ontvangen voor {3}"),
        // {0} the categories, {1} the purposes.
        "who.between": ("- {0} for {1}", "- {0} voor {1}"),
        "who.always": ("without conditions", "zonder voorwaarden"),
        "who.if": ("if {0}", "als {0}"),
        "who.orIf": ("or if {0}", "of als {0}"),
        "who.and": ("{0} and {1}", "{0} en {1}"),
        "who.or": ("{0} or {1}", "{0} of {1}"),
        "who.given": ("{0} is given", "{0} is opgegeven"),
        "who.notGiven": ("{0} is not given", "{0} is niet opgegeven"),
        "who.orNotGiven": ("{0} or not given", "{0} of niet opgegeven"),
        "who.byRule.one": ("by rule {0}", "op grond van regel {0}"),
        "who.byRule.many": ("by rules {0}", "op grond van de regels {0}"),
        "who.basis.one": ("legal basis: {0}", "grondslag: {0}"),
        "who.basis.many": ("legal bases: {0}", "grondslagen: {0}"),
        "who.obligation.one": ("obligation: {0}", "verplichting: {0}"),
        "who.obligation.many": ("obligations: {0}", "verplichtingen: {0}"),
        "who.unless": ("unless {0}", "vervalt als {0}"),
        "who.postponed": ("postponed while {0}", "uitgesteld zolang {0}"),
        "who.total.one": ("{0} answer", "{0} antwoord"),
        "who.total.many": ("{0} answers", "{0} antwoorden"),
        "who.complete": ("{0}; the analysis is complete.", "{0}; de analyse is volledig."),
        // {1} the rule evaluations, {2} the fact combinations per case, {3} the cases left.
        "who.incomplete": (
            """
            {0}; the work bound ({1} rule evaluations, {2} fact combinations per case) was reached: {3} cases \
            (sender, recipient, category, purpose) were not analysed, so there may be more answers than these.
            """,
            """
            {0}; de rekengrens ({1} regelevaluaties, {2} combinaties van feiten per geval) is bereikt: {3} gevallen \
            (verstrekker, ontvanger, gegevenscategorie, doel) zijn niet geanalyseerd, dus er kunnen meer antwoorden \
            zijn dan deze.
            """
        ),
    ]
}
