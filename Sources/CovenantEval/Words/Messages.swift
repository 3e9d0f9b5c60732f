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
        var text = language == .nl ? entry.nl : entry.en
        for (i, arg) in arguments.enumerated() { text = text.replacingAll("{\(i)}", with: arg) }
        return text
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

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, Substring(self).range(of: target) != nil else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    /// The first range of `target` (Foundation-free).
    func range(of target: String) -> Range<Substring.Index>? {
        let t = Array(target.utf8)
        guard !t.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].utf8.starts(with: t) {
                let end = utf8.index(i, offsetBy: t.count)
                return i..<end
            }
            i = index(after: i)
        }
        return nil
    }
}
