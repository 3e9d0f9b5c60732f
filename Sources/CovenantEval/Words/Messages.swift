/// The message catalogue: every sentence the evaluator and the commands print, in English and
/// in Dutch as a Dutch lawyer would write it (not word for word). Placeholders `{0}`, `{1}`, …
/// stand for names, values and lists; a test checks that both languages have the same ones.
public enum Messages {
    public static let catalogue: [String: (en: String, nl: String)] = [
        // Decisions: the reason a decision gives.
        "decision.permittedBy.one": ("permitted by rule {0}", "toegestaan op grond van regel {0}"),
        "decision.permittedBy.many": ("permitted by rules {0}", "toegestaan op grond van de regels {0}"),
        "decision.deniedBy.one": ("denied by rule {0}", "geweigerd op grond van regel {0}"),
        "decision.deniedBy.many": ("denied by rules {0}", "geweigerd op grond van de regels {0}"),
        "decision.deniedByDefault": ("denied by default: no rule permits sharing {0} here",
                                     "geweigerd: geen enkele regel staat verstrekking van {0} in dit geval toe (nee, tenzij)"),
        "decision.missingFacts": ("; facts not given (read in the most protective way): {0}",
                                  "; niet opgegeven feiten (ingevuld op de voor betrokkene meest beschermende wijze): {0}"),
        "decision.notInForce": ("denied: the covenant is not in force on {0} ({1})", "geweigerd: het convenant is op {0} niet van kracht ({1})"),
        "decision.doesNotFit": ("denied: the query does not fit this table ({0})", "geweigerd: de vraag past niet bij deze beslistabel ({0})"),
        "decision.waivedBecause": ("because {0} holds (rule {1})", "omdat aan de voorwaarde {0} is voldaan (regel {1})"),
        "decision.postponedBecause": ("while {0} holds (rule {1})", "zolang aan de voorwaarde {0} is voldaan (regel {1})"),
        "validity.fromUntil": ("valid from {0} until {1}", "geldig van {0} tot en met {1}"),
        "validity.from": ("valid from {0}", "geldig vanaf {0}"),
        "validity.until": ("valid until {0}", "geldig tot en met {0}"),
        "validity.none": ("no validity period", "zonder geldigheidsduur"),
        "list.and": ("{0} and {1}", "{0} en {1}"),
        // A decision as text (covenantc query).
        "query.permit": ("PERMIT", "TOEGESTAAN"),
        "query.deny": ("DENY", "GEWEIGERD"),
        "query.decidedBy": ("decided by", "beslist door"),
        "query.basis": ("legal basis", "grondslag"),
        "query.obligation": ("obligation", "verplichting"),
        "query.by": ("by the {0}", "door de {0}"),
        "query.waived": ("waived, {0}", "vervallen, {0}"),
        "query.postponed": ("standing, postponed {0}", "blijft gelden, maar wordt uitgesteld {0}"),
        "query.missingFacts": ("missing facts", "ontbrekende feiten"),
        "actor.sender": ("sender", "verstrekker"),
        "actor.recipient": ("recipient", "ontvanger"),
        "actor.controller": ("controller", "verwerkingsverantwoordelijke"),
        "timing.before": ("before", "vooraf"),
        "timing.after": ("after", "achteraf"),
        "timing.within": ("within {0} {1}", "binnen {0} {1}"),
        "unit.day": ("day", "dag"), "unit.days": ("days", "dagen"),
        "unit.week": ("week", "week"), "unit.weeks": ("weeks", "weken"),
        "unit.month": ("month", "maand"), "unit.months": ("months", "maanden"),
        "unit.year": ("year", "jaar"), "unit.years": ("years", "jaar"),
        // The explanation (covenantc explain).
        "explain.inScope": ("rules in scope for {0}:", "regels die zien op {0}:"),
        "explain.noneInScope": ("none: no rule covers this sender, recipient, category and purpose",
                                "geen: geen regel ziet op deze verstrekker, ontvanger, gegevens en dit doel"),
        "explain.permit": ("permit", "toestaan"),
        "explain.forbid": ("forbid", "verbieden"),
        "explain.condition": ("when {0} {1} [{2}]", "voorwaarde {0}: {1} [{2}]"),
        "explain.held": ("held", "voldaan"),
        "explain.failed": ("failed", "niet voldaan"),
        "explain.unknown": ("unknown", "onbekend"),
        "explain.noCondition": ("no condition", "zonder voorwaarde"),
        "explain.applies": ("applies", "van toepassing"),
        "explain.doesNotApply": ("does not apply", "niet van toepassing"),
        "explain.defeated": ("applicable but defeated by exception {0}", "van toepassing, maar opzijgezet door uitzondering {0}"),
        "explain.notInForce": ("no change of fact values makes this a permit: the covenant is not in force on {0}",
                               "ook met andere feiten is dit niet toegestaan: het convenant is op {0} niet van kracht"),
        "explain.noChange": ("no change of fact values makes this a permit", "ook met andere feiten is dit niet toegestaan"),
        "explain.noSmallChange": ("no change of at most {0} fact values makes this a permit",
                                  "ook met wijziging van ten hoogste {0} feiten is dit niet toegestaan"),
        "explain.fixed": (" ({0} cannot be changed by acting, so no change of it is considered)",
                          " (een wijziging van {0} is niet overwogen, omdat niemand dat door zijn handelen kan veranderen)"),
        "explain.permittedWith": ("permitted with {0}, by rule {1}", "toegestaan als {0}, op grond van regel {1}"),
        "explain.permittedWith.many": ("permitted with {0}, by rules {1}", "toegestaan als {0}, op grond van de regels {1}"),
        // Behaviour changes (covenantc diff).
        "diff.newlyPermitted": ("newly permitted", "voortaan toegestaan"),
        "diff.newlyDenied": ("newly denied", "voortaan geweigerd"),
        "diff.basisChanged": ("legal basis changed", "andere grondslag"),
        "diff.obligationsChanged": ("obligations changed", "andere verplichtingen"),
        "diff.basisAndObligationsChanged": ("legal basis and obligations changed", "andere grondslag en verplichtingen"),
        "diff.where": ("{0} → {1}, {2}, for {3}", "{0} → {1}, {2}, voor {3}"),
        "diff.when": (", when {0}", ", als {0}"),
        "diff.more": ("{0} and {1} more", "{0} en nog {1}"),
        "diff.statement": ("{0}: {1} — was: {2}; now: {3} ({4})", "{0}: {1} — was: {2}; wordt: {3} ({4})"),
        "diff.cases.one": ("{0} case", "{0} geval"),
        "diff.cases.many": ("{0} cases", "{0} gevallen"),
        "diff.statements.one": ("{0} statement", "{0} wijziging"),
        "diff.statements.many": ("{0} statements", "{0} wijzigingen"),
        "diff.count": ("{0} {1}", "{1} in {0}"),
        "diff.identical": ("no change in behaviour", "geen wijziging in wat het convenant beslist"),
        "diff.identical.markdown": ("No change in behaviour.", "Het convenant beslist in alle gevallen hetzelfde."),
        "diff.noRuleChange": ("no change in the rules' decisions", "de regels beslissen niet anders"),
        "diff.unexplored": ("; {0} combinations had too many fact values to compare exhaustively (limit {1})",
                            "; {0} combinaties hadden te veel feitenwaarden om volledig te vergelijken (grens {1})"),
        "diff.validity": ("validity changed: was {0}; now {1}", "geldigheid gewijzigd: was {0}; wordt {1}"),
        "diff.controllers": ("controllers changed: was {0}; now {1}", "verwerkingsverantwoordelijken gewijzigd: was {0}; wordt {1}"),
        "diff.title": ("Behaviour changes: {0} → {1}", "Wat de wijziging verandert: {0} → {1}"),
        "diff.change": ("change", "wijziging"),
        "diff.casesColumn": ("cases", "gevallen"),
        "diff.was": ("was: {0}; now: {1} ({2})", "was: {0}; wordt: {1} ({2})"),
        "diff.alwaysValid": ("always valid", "altijd geldig"),
        "outcome.permit": ("permit", "toegestaan"),
        "outcome.deny": ("deny", "geweigerd"),
        "outcome.byRule.one": (" by rule {0}", " op grond van regel {0}"),
        "outcome.byRule.many": (" by rules {0}", " op grond van de regels {0}"),
        "outcome.basis": (" on {0}", ", grondslag {0}"),
        "outcome.oblige": (", oblige {0}", ", verplicht: {0}"),
        "outcome.notDeclared": ("deny (not declared in this version)", "geweigerd (komt in deze versie niet voor)"),
        "outcome.waived": (" (waived)", " (vervallen)"),
        "outcome.postponed": (" (postponed)", " (uitgesteld)"),
        // Why a query cannot be decided (QueryError).
        "queryError.notJSON": ("not JSON: {0}", "geen JSON: {0}"),
        "queryError.notAnObject": ("a query is a JSON object", "een vraag is een JSON-object"),
        "queryError.unknownKey": ("unknown key \"{0}\": a query has from, to, share, for, facts, at and id",
                                  "onbekende sleutel \"{0}\": een vraag heeft from, to, share, for, facts, at en id"),
        "queryError.unknownKeyFact": ("unknown key \"{0}\" (did you mean \"facts\"?): a query has from, to, share, for, facts, at and id",
                                      "onbekende sleutel \"{0}\" (bedoelt u \"facts\"?): een vraag heeft from, to, share, for, facts, at en id"),
        "queryError.keyGivenTwice": ("the key \"{0}\" is given twice", "de sleutel \"{0}\" komt twee keer voor"),
        "queryError.badID": ("\"id\" must be a string or a number", "\"id\" moet een tekst of een getal zijn"),
        "queryError.atNotAString": ("\"at\" must be a date string, YYYY-MM-DD", "\"at\" moet een datum zijn, geschreven als JJJJ-MM-DD"),
        "queryError.badDate": ("'{0}' is not a date: write YYYY-MM-DD, for example 2027-03-01",
                               "'{0}' is geen datum: schrijf JJJJ-MM-DD, bijvoorbeeld 2027-03-01"),
        "queryError.missingField": ("the query lacks \"{0}\"", "de vraag mist \"{0}\""),
        "queryError.notAString": ("\"{0}\" must be a string", "\"{0}\" moet een tekst zijn"),
        "queryError.factsNotAnObject": ("\"facts\" must be an object", "\"facts\" moet een JSON-object zijn"),
        "queryError.badFactValue": ("the value of fact '{0}' must be true/false, an integer or a string",
                                    "de waarde van het feit '{0}' moet true/false, een geheel getal of een tekst zijn"),
        "queryError.unknownParty": ("unknown party '{0}'", "er is geen partij met de naam '{0}'"),
        "queryError.unknownCategory": ("unknown data category '{0}'", "er is geen gegevenscategorie met de naam '{0}'"),
        "queryError.unknownPurpose": ("unknown purpose '{0}'", "er is geen doel met de naam '{0}'"),
        "queryError.unknownFact": ("unknown fact '{0}'", "er is geen feit met de naam '{0}'"),
        "queryError.factGivenTwice": ("the fact '{0}' is given twice", "het feit '{0}' is twee keer opgegeven"),
        "queryError.notYesNo": ("the fact '{0}' is yes/no: give true or false", "het feit '{0}' is een ja/nee-feit: geef ja of nee"),
        "queryError.outOfRange": ("{0} is outside the range of '{1}' ({2}..{3})", "{0} valt buiten het bereik van '{1}' ({2}..{3})"),
        "queryError.notANumber": ("the fact '{0}' is a number from {1} to {2}", "het feit '{0}' is een getal van {1} tot en met {2}"),
        "queryError.notAValue": ("'{0}' is not a value of '{1}' (one of: {2})", "'{0}' is geen waarde van '{1}' (kies uit: {2})"),
        "queryError.notOneOf": ("the fact '{0}' takes one of: {1}", "het feit '{0}' neemt een van deze waarden aan: {1}"),
        "queryError.partyOutOfRange": ("party index out of range", "partijnummer buiten het bereik van de tabel"),
        "queryError.categoryOutOfRange": ("category index out of range", "categorienummer buiten het bereik van de tabel"),
        "queryError.purposeOutOfRange": ("purpose index out of range", "doelnummer buiten het bereik van de tabel"),
        "queryError.factCount": ("the query has {0} fact values; the table has {1} facts", "de vraag heeft {0} feitwaarden; de tabel kent {1} feiten"),
        "queryError.valueDoesNotFit": ("the value {0} does not fit the fact '{1}'", "de waarde {0} past niet bij het feit '{1}'"),
        "queryError.doesNotFit": ("the query does not fit this table", "de vraag past niet bij deze beslistabel"),
        "value.notGiven": ("not given", "niet opgegeven"),
        "value.true": ("true", "ja"),
        "value.false": ("false", "nee"),
    ]

    /// The sentence for `key` in `language`, with `{0}`, `{1}`, … replaced by `args`.
    public static func text(_ key: String, _ language: Language, _ args: String...) -> String {
        text(key, language, arguments: args)
    }

    public static func text(_ key: String, _ language: Language, arguments: [String]) -> String {
        text(key, language, arguments: arguments, from: catalogue)
    }

    /// The sentence for `key` from another catalogue of the same form (the compiler's
    /// diagnostics, the command line's help), so every part of the tool words alike.
    public static func text(_ key: String, _ language: Language, arguments: [String],
                            from catalogue: [String: (en: String, nl: String)]) -> String {
        guard let entry = catalogue[key] else { return key }
        return fill(language == .nl ? entry.nl : entry.en, arguments)
    }

    /// Replaces `{0}`, `{1}`, … in one pass, so a filled-in value that itself contains
    /// braces (a test title, a quoted string) is never read as a placeholder.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.endIndex < after.endIndex, after[digits.endIndex] == "}",
               let i = Int(digits), i < arguments.count {
                out += arguments[i]
                rest = after[after.index(after: digits.endIndex)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// "a, b and c" in the language.
    public static func list(_ items: [String], _ language: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return text("list.and", language, items.dropLast().joined(separator: ", "), items.last!)
    }

    /// The placeholders a text uses, for the catalogue's test.
    public static func placeholders(_ text: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}
