// swift-format-ignore-file
// A catalogue of words: one entry per line, the English beside the Dutch for a translator.

import CovenantEval

/// The words of the council document in one language: `say("render.…", …)` fills a sentence
/// of `RenderWords.entries`; names from the covenant go in quotes (‘…’ in Dutch, “…” in
/// English) and stay as written.
struct Phrases: Sendable {
    let language: Language

    /// From `Words.catalogue`, which holds `RenderWords.entries` as one of its parts.
    func callAsFunction(_ key: String, _ args: String...) -> String {
        Messages.text(key, language, arguments: args, from: Words.catalogue)
    }

    /// "a, b en c" / "a, b and c".
    func list(_ items: [String]) -> String { Messages.list(items, language) }

    /// "a, b of c" / "a, b or c".
    func orList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return self("render.list.or", items.dropLast().joined(separator: ", "), items.last!)
    }

    /// A name or title from the covenant, in the quotes of the language.
    func quote(_ name: String) -> String { language == .nl ? "‘\(name)’" : "“\(name)”" }
}

/// The council document's catalogue (`covenantc render`), in the form of `Messages.catalogue`:
/// English, and Dutch as a municipal lawyer writes it (docs/woordenlijst.md). Keys start with
/// `render.`; `RenderTests` checks both languages and the placeholders.
public enum RenderWords {
    public static let entries: [String: (en: String, nl: String)] = [
        "render.list.or": ("{0} or {1}", "{0} of {1}"),
        "render.and": ("and", "en"),
        "render.or": ("or", "of"),
        "render.value.true": ("yes", "ja"),
        "render.value.false": ("no", "nee"),
        // The rule as a sentence: {0} who shares, {1} what, {2} with whom, {3} for which purpose.
        "render.rule.permit.one": ("{0} may share {1} with {2}{3}", "{0} mag {1} aan {2} verstrekken{3}"),
        "render.rule.permit.many": ("{0} may share {1} with {2}{3}", "{0} mogen {1} aan {2} verstrekken{3}"),
        "render.rule.permit.one.inverted": ("{0} may share {1} with {2}{3}", "mag {0} {1} aan {2} verstrekken{3}"),
        "render.rule.permit.many.inverted": ("{0} may share {1} with {2}{3}", "mogen {0} {1} aan {2} verstrekken{3}"),
        "render.rule.forbid.one": ("{0} may not share {1} with {2}{3}", "{0} mag {1} niet aan {2} verstrekken{3}"),
        "render.rule.forbid.many": ("{0} may not share {1} with {2}{3}", "{0} mogen {1} niet aan {2} verstrekken{3}"),
        "render.rule.forbid.one.inverted": (
            "{0} may not share {1} with {2}{3}", "mag {0} {1} niet aan {2} verstrekken{3}"
        ),
        "render.rule.forbid.many.inverted": (
            "{0} may not share {1} with {2}{3}", "mogen {0} {1} niet aan {2} verstrekken{3}"
        ),
        "render.rule.forbidAny.one": (
            "{0} may not share {1} with any party{3}", "{0} mag {1} aan geen enkele partij verstrekken{3}"
        ),
        "render.rule.forbidAny.many": (
            "{0} may not share {1} with any party{3}", "{0} mogen {1} aan geen enkele partij verstrekken{3}"
        ),
        "render.rule.forbidAny.one.inverted": (
            "{0} may not share {1} with any party{3}", "mag {0} {1} aan geen enkele partij verstrekken{3}"
        ),
        "render.rule.forbidAny.many.inverted": (
            "{0} may not share {1} with any party{3}",
            "mogen {0} {1} aan geen enkele partij verstrekken{3}"
        ),
        "render.rule.exception": ("By way of exception to rule {0}, {1}", "In afwijking van regel {0} {1}"),
        // Promises.swift: the guarantees as the covenant's promises.
        "render.promises": ("The covenant's promises", "De beloften van het convenant"),
        "render.promises.intro": ("Each promise below is a guarantee of the covenant that covenantc check has proved over every case it covers: every party, kind of data and purpose in it, and every combination of the facts.",
                                  "Elke belofte hieronder is een waarborg van het convenant die covenantc check heeft bewezen voor elk geval waarop zij ziet: iedere partij, soort gegevens en elk doel daarin, en elke combinatie van de feiten."),
        "render.promises.open": ("Promises not proved", "Beloften die niet zijn bewezen"),
        "render.promises.status.refuted": ("(broken: the rules permit or deny a case against it; covenantc check shows the case)",
                                           "(niet nagekomen: de regels beslissen een geval anders; covenantc check toont dat geval)"),
        "render.promises.status.notProved": ("(not proved within the work bound)", "(niet bewezen binnen de rekengrens)"),
        "render.promises.status.neverApplies": ("(promises nothing: no case meets it)", "(belooft niets: geen geval voldoet eraan)"),
        "render.promise.never": ("It is never permitted that {0} {5} {1} with {2}{3}{4}.",
                                 "Het convenant staat nooit toe dat {0} {1} aan {2} {5}{3}{4}."),
        "render.promise.always": ("It is always permitted that {0} {5} {1} with {2}{3}{4}.",
                                  "Het convenant staat altijd toe dat {0} {1} aan {2} {5}{3}{4}."),
        "render.promise.whenever.one": ("Whenever {0} {6} {1} with {2}{3}{4}, the obligation {5} applies.",
                                        "Telkens als {0} {1} aan {2} {6}{3}{4}, geldt de verplichting {5}."),
        "render.promise.whenever.many": ("Whenever {0} {6} {1} with {2}{3}{4}, the obligations {5} apply.",
                                         "Telkens als {0} {1} aan {2} {6}{3}{4}, gelden de verplichtingen {5}."),
        "render.promise.shares.one": ("shares", "verstrekt"),
        "render.promise.shares.many": ("share", "verstrekken"),
        "render.rule.when": (", if {0}", ", als {0}"),
        "render.rule.for": (" for {0}", " voor {0}"),
        "render.rule.anyPurpose": (" for any purpose", " voor ieder doel"),
        "render.rule.anyPurpose.forbid": (", whatever the purpose", ", voor welk doel ook"),
        "render.rule.anyParty": ("any party", "iedere partij"),
        "render.rule.anyRecipient": ("any party", "iedere partij"),
        "render.rule.eachOfGroup": ("each party in the group {0}", "iedere partij in de groep {0}"),
        "render.rule.group": ("the group {0}", "de groep {0}"),
        "render.rule.basis.one": ("Legal basis: {0}.", "Grondslag: {0}."),
        "render.rule.basis.many": ("Legal bases: {0}.", "Grondslagen: {0}."),
        "render.rule.duty.one": ("Obligation: {0}.", "Verplichting: {0}."),
        "render.rule.duty.many": ("Obligations: {0}.", "Verplichtingen: {0}."),
        "render.rule.numbered": ("Rule {0}.", "Regel {0}."),
        "render.rule.exceptions.one": ("Exception:", "Uitzondering:"),
        "render.rule.exceptions.many": ("Exceptions:", "Uitzonderingen:"),
        "render.actor.sender": ("by the sender", "door de verstrekker"),
        "render.actor.recipient": ("by the recipient", "door de ontvanger"),
        "render.actor.controller": ("by the controller", "door de verwerkingsverantwoordelijke"),
        "render.timing.before": ("beforehand", "vooraf"),
        "render.timing.after": ("afterwards", "achteraf"),
        "render.timing.within": ("within {0}", "binnen {0}"),
        "render.duration": ("{0} {1}", "{0} {1}"),
        "render.unit.day": ("day", "dag"), "render.unit.days": ("days", "dagen"),
        "render.unit.week": ("week", "week"), "render.unit.weeks": ("weeks", "weken"),
        "render.unit.month": ("month", "maand"), "render.unit.months": ("months", "maanden"),
        "render.unit.year": ("year", "jaar"), "render.unit.years": ("years", "jaar"),
        "render.duty.unless": ("unless {0}", "tenzij {0}"),
        "render.duty.postponed": ("postponed while {0}", "uitgesteld zolang {0}"),
        // Conditions, as the rest of a clause after "if" / "als" (Dutch: the verb last).
        "render.cond.subject": ("the data subject", "betrokkene"),
        "render.cond.consent": ("has given consent", "toestemming heeft gegeven"),
        "render.cond.noConsent": ("has not given consent", "geen toestemming heeft gegeven"),
        "render.cond.representative": (
            "the parent with authority or legal representative",
            "de met het gezag belaste ouder of wettelijk vertegenwoordiger"
        ),
        "render.cond.holds": ("{0} is the case", "{0} het geval is"),
        "render.cond.holdsNot": ("{0} is not the case", "{0} niet het geval is"),
        "render.cond.is": ("{0} is {1}", "{0} de waarde {1} heeft"),
        "render.cond.isNot": ("{0} is not {1}", "{0} niet de waarde {1} heeft"),
        "render.cond.notThat": ("it is not the case that {0}", "niet geldt dat {0}"),
        "render.cond.age.ge": ("is {0} or older", "{0} jaar of ouder is"),
        "render.cond.age.gt": ("is older than {0}", "ouder dan {0} jaar is"),
        "render.cond.age.lt": ("is younger than {0}", "jonger dan {0} jaar is"),
        "render.cond.age.le": ("is {0} or younger", "{0} jaar of jonger is"),
        "render.cond.age.eq": ("is {0} years old", "{0} jaar oud is"),
        "render.cond.age.ne": ("is not {0} years old", "niet {0} jaar oud is"),
        "render.cond.age.in": ("is {0} years old", "{0} jaar oud is"),
        "render.cond.age.notIn": ("is not {0} years old", "niet {0} jaar oud is"),
        "render.cond.number.ge": ("{0} is at least {1}", "{0} ten minste {1} is"),
        "render.cond.number.gt": ("{0} is more than {1}", "{0} meer dan {1} is"),
        "render.cond.number.lt": ("{0} is less than {1}", "{0} minder dan {1} is"),
        "render.cond.number.le": ("{0} is at most {1}", "{0} ten hoogste {1} is"),
        "render.cond.number.eq": ("{0} is {1}", "{0} {1} is"),
        "render.cond.number.ne": ("{0} is not {1}", "{0} niet {1} is"),
        // The head of the document.
        "render.lead": (
            "The covenant as the council adopts it: its text, the parties, the data and purposes, every rule in words, who may share what with whom, and the checklist of §5 of the privacy policy (seed 004). Everything below is derived from the covenant file and its decision table; the SHA-256 values identify the version adopted.",
            "Het convenant zoals de raad het vaststelt: de tekst, de partijen, de gegevens en doelen, iedere regel in woorden, wie wat aan wie mag verstrekken, en de controlelijst van §5 van het privacybeleid (seed 004). Alles hieronder is afgeleid uit het convenantbestand en de beslistabel; de SHA-256-waarden wijzen de vastgestelde versie aan."
        ),
        "render.about.caption": ("About this covenant", "Gegevens van het convenant"),
        "render.about.what": ("Item", "Onderdeel"),
        "render.about.value": ("Value", "Waarde"),
        "render.about.version": ("Version", "Versie"),
        "render.about.validity": ("Validity", "Geldigheidsduur"),
        "render.about.controller.one": ("Controller", "Verwerkingsverantwoordelijke"),
        "render.about.controller.many": ("Joint controllers", "Gezamenlijke verwerkingsverantwoordelijken"),
        "render.about.source": ("Source file", "Bronbestand"),
        "render.about.table": ("SHA-256 of the decision table", "SHA-256 van de beslistabel"),
        "render.about.contents": ("Contents", "Omvang"),
        "render.about.counts": ("{0}, {1}, {2}, {3}, {4}", "{0}, {1}, {2}, {3}, {4}"),
        "render.about.matrixDate": ("Sharing matrix decided for", "Verstrekkingsmatrix berekend voor"),
        "render.about.anyDay": (
            "any day (the covenant names no validity period)", "iedere dag (het convenant noemt geen geldigheidsduur)"
        ),
        "render.about.notInForce": (
            "{0} (the covenant is not in force then)", "{0} (het convenant is dan niet van kracht)"
        ),
        "render.validity.fromUntil": ("from {0} until {1} (both inclusive)", "van {0} tot en met {1}"),
        "render.validity.from": ("from {0}", "vanaf {0}"),
        "render.validity.until": ("until {0} (inclusive)", "tot en met {0}"),
        "render.validity.none": ("no validity period", "zonder geldigheidsduur"),
        "render.count.party.one": ("{0} party", "{0} partij"),
        "render.count.party.many": ("{0} parties", "{0} partijen"),
        "render.count.group.one": ("{0} group", "{0} groep"), "render.count.group.many": ("{0} groups", "{0} groepen"),
        "render.count.category.one": ("{0} data category", "{0} gegevenscategorie"),
        "render.count.category.many": ("{0} data categories", "{0} gegevenscategorieën"),
        "render.count.purpose.one": ("{0} purpose", "{0} doel"),
        "render.count.purpose.many": ("{0} purposes", "{0} doelen"),
        "render.count.rule.one": ("{0} rule", "{0} regel"), "render.count.rule.many": ("{0} rules", "{0} regels"),
        "render.count.test.one": ("{0} test", "{0} test"), "render.count.test.many": ("{0} tests", "{0} tests"),
        "render.contents": ("Contents", "Inhoud"),
        // The sections.
        "render.text": ("Text of the covenant", "Tekst van het convenant"),
        "render.parties": ("Parties", "Partijen"),
        "render.categories": ("Data categories", "Gegevens"),
        "render.purposes": ("Purposes", "Doelen"),
        "render.terms": ("Facts, legal bases and obligations", "Feiten, grondslagen en verplichtingen"),
        "render.rules": ("Rules", "Regels"),
        "render.matrix": ("Sharing matrix", "Verstrekkingsmatrix"),
        "render.withoutConsent": ("Sharing without consent (§5 f)", "Verstrekking zonder toestemming (§5 f)"),
        "render.checklist": ("Checklist of §5", "Controlelijst §5"),
        // Where a covenant block stood in the text.
        "render.text.here": ("Provisions of the covenant here:", "Hier staan de bepalingen:"),
        "render.text.nothing": ("no declarations", "geen bepalingen"),
        "render.text.header": ("the covenant's header", "de kop van het convenant"),
        "render.text.parties.one": ("party {0}", "partij {0}"),
        "render.text.parties.many": ("parties {0}", "partijen {0}"),
        "render.text.groups.one": ("group {0}", "groep {0}"), "render.text.groups.many": ("groups {0}", "groepen {0}"),
        "render.text.categories.one": ("data category {0}", "gegevenscategorie {0}"),
        "render.text.categories.many": ("data categories {0}", "gegevenscategorieën {0}"),
        "render.text.purposes.one": ("purpose {0}", "doel {0}"),
        "render.text.purposes.many": ("purposes {0}", "doelen {0}"),
        "render.text.facts.one": ("fact {0}", "feit {0}"), "render.text.facts.many": ("facts {0}", "feiten {0}"),
        "render.text.bases.one": ("legal basis {0}", "grondslag {0}"),
        "render.text.bases.many": ("legal bases {0}", "grondslagen {0}"),
        "render.text.guarantees.one": ("guarantee {0}", "waarborg {0}"),
        "render.text.guarantees.many": ("guarantees {0}", "waarborgen {0}"),
        "render.text.obligations.one": ("obligation {0}", "verplichting {0}"),
        "render.text.obligations.many": ("obligations {0}", "verplichtingen {0}"),
        // Parties and groups.
        "render.parties.intro": (
            "The organisations that take part in the covenant. A party acting for another carries out that party's task under its responsibility (mandate); a processor processes only on its controller's behalf and is not among “any party” in the rules.",
            "De organisaties die aan het convenant deelnemen. Een partij die namens een andere handelt, voert diens taak uit onder diens verantwoordelijkheid (mandaat); een verwerker verwerkt alleen in opdracht van de verwerkingsverantwoordelijke en valt in de regels niet onder ‘iedere partij’."
        ),
        "render.parties.caption": (
            "The parties: kind, secrecy, role and regime", "De partijen: soort, geheimhouding, rol en regime"
        ),
        "render.parties.party": ("Party", "Partij"),
        "render.parties.kind": ("Kind", "Soort"),
        "render.parties.secrecy": ("Secrecy", "Geheimhouding"),
        "render.parties.details": ("Role and regime", "Rol en regime"),
        "render.party.controller": ("controller", "verwerkingsverantwoordelijke"),
        "render.party.actsFor": ("acts for {0} (mandate)", "handelt namens {0} (mandaat)"),
        "render.party.processorFor": ("processor for {0}", "verwerker voor {0}"),
        "render.party.regime": (
            "closed regime {0}: shares only for {1}", "gesloten regime {0}: verstrekt alleen voor {1}"
        ),
        "render.party.regimeTo": (" and only to {0}", " en alleen aan {0}"),
        "render.partyKind.government": ("government", "overheid"),
        "render.partyKind.care": ("care", "zorg"),
        "render.partyKind.enforcement": ("enforcement", "handhaving"),
        "render.partyKind.education": ("education", "onderwijs"),
        "render.partyKind.housing": ("housing", "wonen"),
        "render.partyKind.other": ("other", "overig"),
        "render.secrecy.none": ("none", "geen"),
        "render.secrecy.professional": ("professional secrecy", "beroepsgeheim"),
        "render.secrecy.medical": ("medical secrecy", "medisch beroepsgeheim"),
        "render.groups": ("Groups", "Groepen"),
        "render.groups.caption": (
            "The groups the rules name, with their members", "De groepen die de regels noemen, met hun leden"
        ),
        "render.groups.group": ("Group", "Groep"),
        "render.groups.members": ("Members", "Leden"),
        // Data categories and purposes.
        "render.categories.intro": (
            "The data categories, as a tree: a rule for a category covers everything below it, and a category with parts may be shared only where each of its parts may. Nature, special category and retention hold for the parts too, unless a part says otherwise.",
            "De gegevenscategorieën als boom: een regel voor een categorie geldt ook voor alles daaronder, en een categorie met onderdelen mag alleen worden verstrekt als dat voor ieder onderdeel mag. Aard, bijzondere categorie en bewaartermijn gelden ook voor de onderdelen, tenzij daar anders staat."
        ),
        "render.categories.caption": (
            "The data categories: nature, special category and retention",
            "De gegevenscategorieën: aard, bijzondere persoonsgegevens en bewaartermijn"
        ),
        "render.categories.category": ("Data category", "Gegevenscategorie"),
        "render.categories.nature": ("Nature", "Aard"),
        "render.categories.special": ("Special category", "Bijzondere persoonsgegevens"),
        "render.categories.retention": ("Retention", "Bewaartermijn"),
        "render.nature.that": (
            "that-information: that someone is known or receives support",
            "dat-informatie: dat iemand bekend is of hulp ontvangt"
        ),
        "render.nature.what": ("what-information: the content", "wat-informatie: de inhoud"),
        "render.nature.identity": ("identity: who the data is about (name, address, BSN)",
                                   "identiteit: over wie het gaat (naam, adres, BSN)"),
        "render.nature.aggregate": (
            "aggregated, not traceable to persons", "gecumuleerde, niet tot personen herleidbare informatie"
        ),
        "render.special.health": ("health", "gezondheid"),
        "render.special.criminal": ("criminal records", "strafrechtelijke gegevens"),
        "render.special.ethnicity": ("racial or ethnic origin", "ras of etnische afkomst"),
        "render.special.political": ("political opinions", "politieke opvattingen"),
        "render.special.religion": ("religion or belief", "godsdienst of levensovertuiging"),
        "render.special.union": ("trade union membership", "lidmaatschap van een vakbond"),
        "render.special.genetic": ("genetic data", "genetische gegevens"),
        "render.special.biometric": ("biometric data", "biometrische gegevens"),
        "render.special.sexual": ("sex life or sexual orientation", "seksueel gedrag of seksuele gerichtheid"),
        "render.purposes.intro": (
            "The purposes data is shared for. A narrower purpose stands under a broader one: a rule for the broader purpose covers it too.",
            "De doelen waarvoor gegevens worden verstrekt. Een nauwer doel staat onder een ruimer doel: een regel voor het ruimere doel geldt ook voor het nauwere."
        ),
        "render.purposes.caption": ("The purposes and their kinds", "De doelen en hun soort"),
        "render.purposes.purpose": ("Purpose", "Doel"),
        "render.purposes.kind": ("Kind", "Soort"),
        "render.purposeKind.support": ("support", "ondersteuning"),
        "render.purposeKind.safety": ("safety", "veiligheid"),
        "render.purposeKind.enforcement": ("enforcement", "handhaving"),
        "render.purposeKind.public_health": ("public health", "volksgezondheid"),
        "render.purposeKind.accountability": ("accountability", "verantwoording"),
        "render.purposeKind.research": ("research", "onderzoek"),
        "render.purposeKind.other": ("other", "overig"),
        // Facts, legal bases, obligations.
        "render.terms.none": (
            "The covenant declares no facts, legal bases or obligations.",
            "Het convenant kent geen feiten, grondslagen of verplichtingen."
        ),
        "render.facts": ("Facts", "Feiten"),
        "render.facts.intro": (
            "The facts the conditions of the rules ask about. A fact not given in a case is read in the way that protects the data subject most.",
            "De feiten waarnaar de voorwaarden van de regels vragen. Een feit dat in een geval niet is opgegeven, wordt gelezen op de wijze die betrokkene het meest beschermt."
        ),
        "render.facts.caption": (
            "The facts the conditions of the rules ask about", "De feiten in de voorwaarden van de regels"
        ),
        "render.facts.fact": ("Fact", "Feit"),
        "render.facts.values": ("Values", "Waarden"),
        "render.facts.default": ("If not given", "Als niet opgegeven"),
        "render.facts.meaning": ("Legal role", "Juridische rol"),
        "render.fact.yesNo": ("yes or no", "ja of nee"),
        "render.fact.range": ("a number from {0} to {1}", "een getal van {0} tot en met {1}"),
        "render.fact.noDefault": ("read most protectively", "meest beschermend gelezen"),
        "render.fact.consent": (
            "the data subject's consent; valid consent: {0}", "toestemming van betrokkene; geldige toestemming: {0}"
        ),
        "render.fact.age": ("the data subject's age", "leeftijd van betrokkene"),
        "render.fact.representative": (
            "consent of the parent with authority or legal representative",
            "toestemming van de met het gezag belaste ouder of wettelijk vertegenwoordiger"
        ),
        "render.fact.fixed": ("nobody can change it by acting", "niemand kan dit door zijn handelen veranderen"),
        "render.bases": ("Legal bases", "Grondslagen"),
        "render.bases.caption": ("The legal bases the rules rest on", "De grondslagen waarop de regels rusten"),
        "render.bases.basis": ("Legal basis", "Grondslag"),
        "render.bases.kind": ("Kind", "Soort"),
        "render.basisKind.consent": ("consent", "toestemming"),
        "render.basisKind.legal_obligation": ("legal obligation", "wettelijke verplichting"),
        "render.basisKind.vital_interest": ("vital interest", "vitaal belang"),
        "render.basisKind.public_task": ("public task", "publieke taak"),
        "render.basisKind.law": ("a specific law", "specifieke wettelijke regeling"),
        "render.basisKind.conflict_of_duties": ("conflict of duties", "conflict van plichten"),
        "render.obligations": ("Obligations", "Verplichtingen"),
        "render.obligations.caption": (
            "What must be done when a rule is used", "Wat moet gebeuren als een regel wordt toegepast"
        ),
        "render.obligations.obligation": ("Obligation", "Verplichting"),
        "render.obligations.kind": ("Kind", "Soort"),
        "render.obligationKind.inform": ("inform the data subject", "betrokkene informeren"),
        "render.obligationKind.record": ("record", "vastleggen"),
        "render.obligationKind.notify": (
            "notify a third party (a supervisor, the data protection officer)",
            "melden aan een derde (een toezichthouder, de functionaris gegevensbescherming)"
        ),
        "render.obligationKind.confirm": ("confirm", "bevestigen"),
        "render.obligationKind.erase": ("erase", "vernietigen"),
        "render.obligationKind.other": ("other", "overig"),
        // Rules.
        "render.rules.intro": (
            "Nothing may be shared unless a rule permits it (“no, unless”). A rule that forbids sharing prevails over one that permits it, unless an exception sets the prohibition aside; an exception is shown with the rule it sets aside.",
            "Niets mag worden verstrekt, tenzij een regel het toestaat (‘nee, tenzij’). Een verbod gaat voor een regel die verstrekking toestaat, tenzij een uitzondering het verbod opzijzet; een uitzondering staat bij de regel die zij opzijzet."
        ),
        "render.rules.none": (
            "The covenant has no rules: nothing may be shared.",
            "Het convenant bevat geen regels: niets mag worden verstrekt."
        ),
        // The sharing matrix.
        "render.matrix.intro": (
            "Who may share what with whom, per data category and purpose: the rows are the senders, the columns the recipients. Always: permitted in every case; under conditions: permitted when the conditions of a rule are met; never: in no case. A sender or recipient without a row or column may share or receive nothing there; a combination of category and purpose without a table is never permitted.",
            "Wie wat aan wie mag verstrekken, per gegevenscategorie en doel: de rijen zijn de verstrekkers, de kolommen de ontvangers. Altijd: in ieder geval toegestaan; onder voorwaarden: toegestaan als aan de voorwaarden van een regel is voldaan; nooit: in geen geval. Een verstrekker of ontvanger zonder rij of kolom mag daar niets verstrekken of ontvangen; een combinatie van categorie en doel zonder tabel is nooit toegestaan."
        ),
        "render.matrix.method": (
            "Computed from the decision table for {0}, not from the text: covenantc decided every case for every combination of the fact values its rules tell apart ({1} distinct cases, {2} decisions).",
            "Berekend uit de beslistabel voor {0}, niet uit de tekst: covenantc heeft elk geval beslist voor iedere combinatie van de feitwaarden die de regels onderscheiden ({1} verschillende gevallen, {2} beslissingen)."
        ),
        "render.matrix.method.anyDay": (
            "Computed from the decision table, not from the text: covenantc decided every case for every combination of the fact values its rules tell apart ({1} distinct cases, {2} decisions).",
            "Berekend uit de beslistabel, niet uit de tekst: covenantc heeft elk geval beslist voor iedere combinatie van de feitwaarden die de regels onderscheiden ({1} verschillende gevallen, {2} beslissingen)."
        ),
        "render.matrix.leaves": (
            "A category with parts stands for each of its parts on its own. A group whose members are all treated alike is one row or column (open it for its members).",
            "Een categorie met onderdelen staat voor elk onderdeel afzonderlijk. Een groep waarvan alle leden gelijk worden behandeld, staat als één rij of kolom (open haar voor de leden)."
        ),
        "render.matrix.top": (
            "This covenant is large, so each table holds for a top data category asked as a whole: permitted only where every part of it is. A group whose members are all treated alike, or parties treated alike, share one row or column (open it for the members); covenantc query answers for a single part.",
            "Dit convenant is groot; daarom geldt elke tabel voor een bovenste gegevenscategorie als geheel: toegestaan alleen waar dat voor ieder onderdeel is. Een groep waarvan alle leden gelijk worden behandeld, of partijen die gelijk worden behandeld, delen één rij of kolom (open die voor de leden); covenantc query beantwoordt de vraag per onderdeel."
        ),
        "render.matrix.notInForce": (
            "The covenant is not in force on {0}: nothing may be shared.",
            "Het convenant is op {0} niet van kracht: niets mag worden verstrekt."
        ),
        "render.matrix.none": (
            "No rule permits any sharing: every cell is never.",
            "Geen enkele regel staat een verstrekking toe: elke cel is nooit."
        ),
        "render.matrix.unknown": (
            "Cells marked “not decided” had more than {0} combinations of fact values: they were not decided, and are not guessed.",
            "Cellen met ‘niet beslist’ hadden meer dan {0} combinaties van feitwaarden: zij zijn niet beslist, en ook niet geraden."
        ),
        "render.matrix.caption": ("Table {0}: {1}", "Tabel {0}: {1}"),
        "render.matrix.combination": ("{0} for {1}", "{0} voor {1}"),
        "render.matrix.corner": ("sender ↓ recipient →", "verstrekker ↓ ontvanger →"),
        "render.matrix.group": ("group {0}", "groep {0}"),
        "render.matrix.parties": ("{0} parties", "{0} partijen"),
        "render.matrix.byRule": ("rule {0}", "regel {0}"),
        "render.matrix.byRules": ("rules {0}", "regels {0}"),
        "render.status.always": ("always", "altijd"),
        "render.status.conditional": ("under conditions", "onder voorwaarden"),
        "render.status.never": ("never", "nooit"),
        "render.status.unknown": ("not decided", "niet beslist"),
        // Without consent (§5 f).
        "render.withoutConsent.intro": (
            "The cases in which data is shared without the data subject's consent (seed 004 §5 f): every rule that permits sharing on a legal basis other than consent, with that basis and its obligations, by kind of basis.",
            "De gevallen waarin zonder toestemming van betrokkene gegevens worden verstrekt (seed 004 §5 f): iedere regel die verstrekking toestaat op een andere grondslag dan toestemming, met die grondslag en de verplichtingen, naar soort grondslag."
        ),
        "render.withoutConsent.none": (
            "No rule permits sharing without consent.", "Geen enkele regel staat verstrekking zonder toestemming toe."
        ),
        "render.withoutConsent.kind.legal_obligation": (
            "On a legal obligation", "Op grond van een wettelijke verplichting"
        ),
        "render.withoutConsent.kind.law": ("On a specific law", "Op grond van een specifieke wettelijke regeling"),
        "render.withoutConsent.kind.public_task": ("On a public task", "Op grond van een publieke taak"),
        "render.withoutConsent.kind.vital_interest": ("In a vital interest", "In een vitaal belang"),
        "render.withoutConsent.kind.conflict_of_duties": ("In a conflict of duties", "Bij een conflict van plichten"),
        // The checklist of §5.
        "render.checklist.intro": (
            "Seed 004 §5 lists what a covenant states at least. For each element: whether this covenant states it, and where: in a section of its text marked for it, or in its rules.",
            "Seed 004 §5 noemt wat een convenant ten minste regelt. Per onderdeel: of dit convenant het regelt, en waar: in een daarvoor gemarkeerd deel van de tekst, of in de regels."
        ),
        "render.checklist.caption": (
            "The elements of §5 and where the covenant states them",
            "De onderdelen van §5 en waar het convenant ze regelt"
        ),
        "render.checklist.element": ("Element", "Onderdeel"),
        "render.checklist.covered": ("Stated", "Geregeld"),
        "render.checklist.where": ("Where", "Waar"),
        "render.checklist.yes": ("yes", "ja"),
        "render.checklist.no": ("no", "nee"),
        "render.checklist.empty": ("no: the marked section is empty", "nee: het gemarkeerde deel is leeg"),
        "render.checklist.section": ("section {0} (line {1})", "paragraaf {0} (tekstregel {1})"),
        "render.checklist.a.one": (
            "in the rules: {0}, controller {1}, {2} (see Parties and Purposes)",
            "in de regels: {0}, verwerkingsverantwoordelijke {1}, {2} (zie Partijen en Doelen)"
        ),
        "render.checklist.a.many": (
            "in the rules: {0}, joint controllers {1}, {2} (see Parties and Purposes)",
            "in de regels: {0}, gezamenlijke verwerkingsverantwoordelijken {1}, {2} (zie Partijen en Doelen)"
        ),
        "render.checklist.b": (
            "in the data categories: {0} (see Data categories)", "in de gegevens: {0} (zie Gegevens)"
        ),
        "render.checklist.e": (
            "the fact {0} records consent (see Facts)", "het feit {0} legt de toestemming vast (zie Feiten)"
        ),
        "render.checklist.f": (
            "rules that permit sharing without consent: {0} (see Sharing without consent)",
            "regels die verstrekking zonder toestemming toestaan: {0} (zie Verstrekking zonder toestemming)"
        ),
        "render.checklist.plain": (
            "Elements c, d, g, h and i are stated in the text of a covenant, which a plain .covenant file does not have: write the covenant as a literate .covenant.md to tie its text to them.",
            "De onderdelen c, d, g, h en i staan in de tekst van een convenant, die een los .covenant-bestand niet heeft: schrijf het convenant als .covenant.md om de tekst eraan te koppelen."
        ),
    ]
}
