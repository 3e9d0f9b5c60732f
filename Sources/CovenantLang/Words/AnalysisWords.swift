// swift-format-ignore-file
// A catalogue of words: one entry per line, the English beside the Dutch for a translator.

/// The analysis stage's diagnostics in English and Dutch (see `Words`): the rule analysis
/// (A1xx, Lints.swift) and the legal lints (L2xx, LegalLints.swift). Syntax a finding suggests
/// (`oblige record`, `test "..." { query ... }`) is a placeholder: it is spelled in the file's
/// keyword language, which may differ from the language of the message.
enum AnalysisWords {
    static let entries: [String: (en: String, nl: String)] = [
        // Shared by several findings.
        "lint.noReason": ("(no reason given)", "(geen reden opgegeven)"),
        "lint.declaredHere": ("'{0}' is declared here", "'{0}' is hier opgenomen"),
        "lint.and": ("{0} and {1}", "{0} en {1}"),
        "lint.or": ("{0} or {1}", "{0} of {1}"),
        "lint.andMore": ("{0} and {1} more", "{0} en nog {1}"),

        // L222: content without its identity (IdentityLints.swift).
        "lint.L222": ("rule '{0}' lets what-information go to '{1}' in a case where the identity of the person it is about ('{2}') may not go there",
                      "regel '{0}' laat wat-informatie naar '{1}' gaan in een geval waarin de identiteit van degene over wie het gaat ('{2}') daar niet heen mag"),
        "lint.L222.help": ("let the identity go under the same conditions (add '{0}' to the rule's '{1}'), or, when the case is discussed anonymously on purpose, acknowledge the finding with '{2} \"reason\"'",
                           "laat de identiteit onder dezelfde voorwaarden meegaan (voeg '{0}' toe aan '{1}' in de regel), of aanvaard de bevinding met '{2} \"reden\"' als de casus bewust anoniem wordt besproken"),
        // L223: an acknowledgement that accepts nothing (Lints.swift, Review.acknowledge).
        "lint.L223": ("'covenant:allow {0}' accepts no finding: the declaration it covers has no finding {0}",
                      "'covenant:allow {0}' aanvaardt geen enkele bevinding: de bepaling waar het bij hoort, heeft geen bevinding {0}"),
        "lint.L223.help": ("remove the comment, or move it into (or just before) the declaration whose finding it accepts",
                           "haal het commentaar weg, of zet het in (of vlak voor) de bepaling waarvan het de bevinding aanvaardt"),
        "lint.L223.unknown": ("'covenant:allow {0}' names no code of the review (A1xx, L2xx, G1xx)",
                              "'covenant:allow {0}' noemt geen code van de toetsing (A1xx, L2xx, G1xx)"),
        "lint.L223.unknown.help": ("write the code as covenantc check prints it, for example 'covenant:allow L206 \"reason\"'",
                                   "schrijf de code zoals covenantc check die toont, bijvoorbeeld 'covenant:allow L206 \"reden\"'"),
        // G101-G103: guarantees (GuaranteeLints.swift).
        "lint.G101.never": ("guarantee '{0}' does not hold: the covenant permits this case, which the guarantee says it never permits",
                            "waarborg '{0}' wordt niet nagekomen: het convenant staat dit geval toe, terwijl de waarborg zegt dat dit nooit mag"),
        "lint.G101.always": ("guarantee '{0}' does not hold: the covenant denies this case, which the guarantee says it always permits",
                             "waarborg '{0}' wordt niet nagekomen: het convenant weigert dit geval, terwijl de waarborg zegt dat het altijd mag"),
        "lint.G101.whenever.one": ("guarantee '{0}' does not hold: the covenant permits this case without the obligation {1}",
                                   "waarborg '{0}' wordt niet nagekomen: het convenant staat dit geval toe zonder de verplichting {1}"),
        "lint.G101.whenever.many": ("guarantee '{0}' does not hold: the covenant permits this case without the obligations {1}",
                                    "waarborg '{0}' wordt niet nagekomen: het convenant staat dit geval toe zonder de verplichtingen {1}"),
        "lint.G101.decidedBy": ("rule '{0}' decides this case", "regel '{0}' beslist dit geval"),
        "lint.G101.always.noPermit": ("guarantee '{0}' does not hold: no rule permits this case, which the guarantee says is always permitted",
                                      "waarborg '{0}' wordt niet nagekomen: geen regel staat dit geval toe, terwijl de waarborg zegt dat het altijd mag"),
        "lint.G101.help": ("see the whole decision with 'covenantc explain' and the witness; then change the rules, or the guarantee if it promises more than the covenant means",
                           "bekijk de hele beslissing met 'covenantc explain' en de voorbeeldvraag; pas daarna de regels aan, of de waarborg als die meer belooft dan het convenant bedoelt"),
        "lint.G102": ("guarantee '{0}' is not proved: the analysis reached its work bound ({1} rule evaluations, at most {2} fact combinations a case) before weighing every case",
                      "waarborg '{0}' is niet bewezen: de analyse bereikte haar rekengrens ({1} regelevaluaties, ten hoogste {2} combinaties van feiten per geval) voordat elk geval was gewogen"),
        "lint.G102.help": ("narrow the guarantee's scope or condition, or split it into several guarantees",
                           "beperk het bereik of de voorwaarde van de waarborg, of splits haar in meer waarborgen"),
        "lint.G103": ("guarantee '{0}' promises nothing: no case in its scope meets its condition",
                      "waarborg '{0}' belooft niets: geen enkel geval binnen haar bereik voldoet aan haar voorwaarde"),
        "lint.G103.help": ("check its senders, recipients, categories, purposes and condition (an empty group, an impossible comparison?)",
                           "controleer de verstrekkers, ontvangers, gegevenscategorieën, doelen en de voorwaarde van de waarborg (een lege groep, een onmogelijke vergelijking?)"),

        // A101: a rule that never decides.
        "lint.A101.outOfScope": ("rule '{0}' never decides anything: no query is in its scope",
                                 "regel '{0}' beslist nooit iets: de regel ziet op geen enkele vraag"),
        "lint.A101.outOfScope.help": ("check its senders, recipients, categories and purposes (an empty group?)",
                                      "controleer de verstrekkers, ontvangers, gegevenscategorieën en doelen van de regel (een lege groep?)"),
        "lint.A101.neverApplies": ("rule '{0}' never decides anything: its condition never holds where it is in scope",
                                   "regel '{0}' beslist nooit iets: in geen van de gevallen waarop de regel ziet, is aan de voorwaarde voldaan"),
        "lint.A101.neverApplies.help": ("the condition is unsatisfiable; check the comparisons and the fact ranges",
                                        "aan de voorwaarde kan nooit worden voldaan; controleer de vergelijkingen en de bereiken van de feiten"),
        "lint.A101.defeated.one": ("rule '{0}' never decides anything: whenever it applies, exception {1} defeats it",
                                   "regel '{0}' beslist nooit iets: telkens als de regel van toepassing is, zet uitzondering {1} haar opzij"),
        "lint.A101.defeated.many": ("rule '{0}' never decides anything: whenever it applies, exception {1} defeats it",
                                    "regel '{0}' beslist nooit iets: telkens als de regel van toepassing is, zetten de uitzonderingen {1} haar opzij"),
        "lint.A101.defeated.help": ("narrow the exception, or remove the rule", "beperk de uitzondering, of schrap de regel"),

        // A102: a permit a forbid always overrides.
        "lint.A102.one": ("permit '{0}' never decides: whenever it applies, forbid {1} overrides it",
                          "regel '{0}' staat verstrekking toe, maar beslist nooit: telkens als de regel van toepassing is, gaat verbod {1} voor"),
        "lint.A102.many": ("permit '{0}' never decides: whenever it applies, forbid {1} overrides it",
                           "regel '{0}' staat verstrekking toe, maar beslist nooit: telkens als de regel van toepassing is, gaan de verboden {1} voor"),
        "lint.A102.help": ("if the permit is meant as an exception, write '{0}'",
                           "is de regel als uitzondering bedoeld, schrijf dan '{0}'"),

        // A103: permits that decide together.
        "lint.A103": ("permits '{0}' and '{1}' decide together but differ in bases or obligations; the decision takes the union of both",
                      "de regels '{0}' en '{1}' staan dezelfde verstrekking toe, maar met een andere grondslag of andere verplichtingen; de beslissing omvat dan de grondslagen en verplichtingen van beide"),
        "lint.A103.help": ("make the rules' scopes disjoint, or give them the same bases and obligations, if the union is not meant",
                           "is dat niet de bedoeling, laat de regels dan op verschillende gevallen zien, of geef ze dezelfde grondslagen en verplichtingen"),

        // A104: an exception beside its target.
        "lint.A104": ("rule '{0}' is an exception to '{1}', but their {2} do not overlap, so it can never defeat it",
                      "regel '{0}' is een uitzondering op '{1}', maar hun {2} overlappen niet, zodat de uitzondering '{1}' nooit opzij kan zetten"),
        "lint.A104.senders": ("senders", "verstrekkers"),
        "lint.A104.recipients": ("recipients", "ontvangers"),
        "lint.A104.categories": ("categories", "gegevenscategorieën"),
        "lint.A104.purposes": ("purposes", "doelen"),

        // A105: a declaration no rule uses, one sentence per kind of declaration.
        "lint.A105.party": ("party '{0}' is declared but no rule uses it", "partij '{0}' is opgenomen, maar wordt in geen enkele regel gebruikt"),
        "lint.A105.group": ("group '{0}' is declared but no rule uses it", "groep '{0}' is opgenomen, maar wordt in geen enkele regel gebruikt"),
        "lint.A105.category": ("category '{0}' is declared but no rule uses it", "gegevenscategorie '{0}' is opgenomen, maar wordt in geen enkele regel gebruikt"),
        "lint.A105.purpose": ("purpose '{0}' is declared but no rule uses it", "doel '{0}' is opgenomen, maar wordt in geen enkele regel gebruikt"),
        "lint.A105.fact": ("fact '{0}' is declared but no rule uses it", "feit '{0}' is opgenomen, maar wordt in geen enkele regel gebruikt"),
        "lint.A105.basis": ("basis '{0}' is declared but no rule uses it", "grondslag '{0}' is opgenomen, maar wordt in geen enkele regel gebruikt"),
        "lint.A105.obligation": ("obligation '{0}' is declared but no rule uses it", "verplichting '{0}' is opgenomen, maar wordt in geen enkele regel gebruikt"),
        "lint.A105.help": ("remove it, or write the rule that needs it", "schrap de bepaling, of schrijf de regel waarin zij nodig is"),

        // A106: the work bound.
        "lint.A106.one": ("rule {0} was not fully analysed within the work bound ({1} fact combinations per case, {2} rule evaluations in all): dead-rule and override findings for it are not reported",
                          "regel {0} is binnen de rekengrens ({1} combinaties van feiten per geval, {2} regelevaluaties in totaal) niet volledig geanalyseerd: of de regel nooit beslist of steeds wordt opzijgezet, wordt daarom niet gemeld"),
        "lint.A106.many": ("rules {0} were not fully analysed within the work bound ({1} fact combinations per case, {2} rule evaluations in all): dead-rule and override findings for them are not reported",
                           "de regels {0} zijn binnen de rekengrens ({1} combinaties van feiten per geval, {2} regelevaluaties in totaal) niet volledig geanalyseerd: of zij nooit beslissen of steeds worden opzijgezet, wordt daarom niet gemeld"),
        "lint.A106.help": ("simplify the conditions, or acknowledge the finding", "vereenvoudig de voorwaarden, of aanvaard de bevinding"),
        "lint.A106.overlaps": ("overlapping permits were not all analysed within the work bound ({0} rule evaluations)",
                               "niet alle regels die verstrekking toestaan, zijn binnen de rekengrens ({0} regelevaluaties) op overlap geanalyseerd"),

        // L201: special categories on a weak basis.
        "lint.L201": ("rule '{0}' permits sharing {1} data on a basis of kind {2}",
                      "regel '{0}' staat verstrekking van bijzondere persoonsgegevens ({1}) toe op een grondslag van de soort {2}"),
        "lint.L201.help": ("rest it on consent, a law, a vital interest, a legal obligation or a conflict of duties, or narrow '{0}'",
                           "baseer de regel op toestemming, een wet, een vitaal belang, een wettelijke verplichting of een conflict van plichten, of beperk '{0}'"),

        // L202: consent that is not required.
        "lint.L202.noFact.guessed": ("rule '{0}' rests on consent, but the covenant declares no consent fact to require",
                                     "regel '{0}' rust op toestemming, maar het convenant kent geen toestemmingsfeit dat de regel als voorwaarde kan stellen"),
        "lint.L202.noFact": ("rule '{0}' rests on consent, but the covenant declares no consent fact to require (no fact has '{1}')",
                             "regel '{0}' rust op toestemming, maar het convenant kent geen toestemmingsfeit dat de regel als voorwaarde kan stellen (geen feit heeft '{1}')"),
        "lint.L202.noFact.guessed.help": ("declare '{0}' and add '{1}'", "neem '{0}' op en voeg '{1}' toe"),
        "lint.L202.noFact.help": ("declare the consent fact with its role, for example '{0}', and add '{1}'",
                                  "neem een toestemmingsfeit met zijn rol op, bijvoorbeeld '{0}', en voeg '{1}' toe"),
        "lint.L202": ("rule '{0}' rests on consent but can apply when consent is not given (valid consent: {1})",
                      "regel '{0}' rust op toestemming, maar kan ook van toepassing zijn als geen toestemming is gegeven (geldige toestemming: {1})"),
        "lint.L202.help": ("add '{0}' (with '{1}' to the condition it has)", "voeg '{0}' toe (met '{1}' aan de voorwaarde die er al staat)"),

        // L203: minors.
        "lint.L203": ("rule '{0}' rests on consent but can apply for {1}", "regel '{0}' rust op toestemming, maar kan ook van toepassing zijn op {1}"),
        "lint.L203.child": ("a child under 12 without the representative's consent",
                            "een kind onder de 12 jaar zonder toestemming van de met het gezag belaste ouder of wettelijk vertegenwoordiger"),
        "lint.L203.young": ("a subject of 12 to 15 without both their own and the representative's consent",
                            "een betrokkene van 12 tot en met 15 jaar zonder toestemming van zowel betrokkene zelf als de met het gezag belaste ouder of wettelijk vertegenwoordiger"),
        "lint.L203.childAndYoung": ("{0}, and for {1}", "{0}, en op {1}"),
        "lint.L203.help": ("limit it, for example '{0}', and write a rule for minors with '{1}'",
                           "beperk de regel, bijvoorbeeld met '{0}', en schrijf een regel voor minderjarigen met '{1}'"),
        "lint.L203.noAge": ("rule '{0}' rests on consent but does not say for which ages the subject's own consent counts",
                            "regel '{0}' rust op toestemming, maar zegt niet vanaf welke leeftijd de eigen toestemming van betrokkene telt"),
        "lint.L203.noAge.help": ("add for example '{0}', and a rule for minors with the parents' consent",
                                 "voeg bijvoorbeeld '{0}' toe, en een regel voor minderjarigen met toestemming van de ouders"),
        "lint.L203.declareAge.help": ("declare '{0}' and limit the rule, for example '{1}'",
                                      "neem '{0}' op en beperk de regel, bijvoorbeeld met '{1}'"),

        // L204, L205: sharing without consent on an exceptional ground.
        "lint.L204": ("rule '{0}' shares without consent on an exceptional ground but does not oblige recording the decision",
                      "regel '{0}' staat verstrekking zonder toestemming toe op een uitzonderingsgrond, maar verplicht niet tot vastlegging van het besluit"),
        "lint.L204.kind.help": ("add an obligation of kind {0}, for example '{1}', and '{2}'",
                                "voeg een verplichting van de soort {0} toe, bijvoorbeeld '{1}', en '{2}'"),
        "lint.L204.help": ("add an obligation such as '{0}' and '{1}'", "voeg een verplichting toe, zoals '{0}', en '{1}'"),
        "lint.L205": ("rule '{0}' shares without consent on an exceptional ground but does not oblige informing the subject",
                      "regel '{0}' staat verstrekking zonder toestemming toe op een uitzonderingsgrond, maar verplicht niet tot het informeren van betrokkene"),
        "lint.L205.help": ("add '{0}' ({1} or {2} for weighty reasons, or '{3}' in a crisis)",
                           "voeg '{0}' toe ('{1}' of '{2}' bij zwaarwegende redenen, of '{3}' in een crisis)"),

        // L206: routine sharing without informing.
        "lint.L206": ("rule '{0}' shares on a {1} basis without informing the subject",
                      "regel '{0}' staat verstrekking toe op een grondslag van de soort {1}, zonder dat betrokkene wordt geïnformeerd"),
        "lint.L206.help": ("add '{0}' (transparency is the condition of processing on a public task)",
                           "voeg '{0}' toe (transparantie is de voorwaarde voor verwerking op grond van een publieke taak)"),

        // L207: consent as the government's basis.
        "lint.L207.guessed": ("rule '{0}' rests on consent for sharing by the controller '{1}', a government body",
                              "regel '{0}' baseert verstrekking door de verwerkingsverantwoordelijke '{1}', een overheidsorgaan, op toestemming"),
        "lint.L207.guessed.help": ("rest the municipality's sharing on its legal obligation or public task",
                                   "baseer verstrekking door de gemeente op haar wettelijke verplichting of haar publieke taak"),
        "lint.L207.one": ("rule '{0}' rests on consent for sharing by the government party {1} (a controller, a government body or acting for one)",
                          "regel '{0}' baseert verstrekking door de overheidspartij {1} (verwerkingsverantwoordelijke, overheidsorgaan of handelend namens een van beide) op toestemming"),
        "lint.L207.many": ("rule '{0}' rests on consent for sharing by government parties {1} (a controller, a government body or acting for one)",
                           "regel '{0}' baseert verstrekking door de overheidspartijen {1} (verwerkingsverantwoordelijke, overheidsorgaan of handelend namens een van beide) op toestemming"),
        "lint.L207.help": ("rest the government's sharing on its legal obligation or public task; where the VNG factsheet allows specific consent, acknowledge the finding with the reason",
                           "baseer verstrekking door de overheid op haar wettelijke verplichting of publieke taak; laat de VNG-factsheet specifieke toestemming toe, aanvaard de bevinding dan met opgave van de reden"),

        // L208: care to enforcement.
        "lint.L208.purpose": ("rule '{0}' lets care parties ({1}) give what-information to enforcement ({2}) for enforcement ({3}) on a {4} basis",
                              "regel '{0}' laat zorgpartijen ({1}) wat-informatie verstrekken aan handhavers ({2}) voor handhaving ({3}) op een grondslag van de soort {4}"),
        "lint.L208.purpose.help": ("only a law or a legal obligation carries care data to enforcement for enforcement; for danger, use a purpose of kind {0}",
                                   "alleen een wet of een wettelijke verplichting rechtvaardigt verstrekking van zorggegevens aan handhavers voor handhaving; gebruik bij gevaar een doel van de soort {0}"),
        "lint.L208": ("rule '{0}' lets care parties ({1}) share what-information with enforcement ({2}) on a {3} basis",
                      "regel '{0}' laat zorgpartijen ({1}) wat-informatie verstrekken aan handhavers ({2}) op een grondslag van de soort {3}"),
        "lint.L208.help": ("rest it on a vital interest (safety), a legal obligation, a law or a conflict of duties, or share that-information only",
                           "baseer de regel op een vitaal belang (veiligheid), een wettelijke verplichting, een wet of een conflict van plichten, of verstrek alleen dat-informatie"),

        // L209, L218: closed regimes.
        "lint.L209.law": ("rule '{0}' lets '{1}' share for {2}, outside the purposes of {3}",
                          "regel '{0}' laat '{1}' gegevens verstrekken voor {2}, buiten de doelen die de wet toelaat ({3})"),
        "lint.L209": ("rule '{0}' lets '{1}' share for {2}, outside the purposes of its law",
                      "regel '{0}' laat '{1}' gegevens verstrekken voor {2}, buiten de doelen die de wet voor deze partij toelaat"),
        "lint.L209.help": ("limit '{0}' to {1}, or remove '{2}' from the senders", "beperk '{0}' tot {1}, of schrap '{2}' als verstrekker"),
        "lint.L218.law": ("rule '{0}' lets '{1}' share with {2}, outside the recipients of {3}",
                          "regel '{0}' laat '{1}' gegevens verstrekken aan {2}, buiten de ontvangers die de wet toelaat ({3})"),
        "lint.L218": ("rule '{0}' lets '{1}' share with {2}, outside the recipients of its law",
                      "regel '{0}' laat '{1}' gegevens verstrekken aan {2}, buiten de ontvangers die de wet voor deze partij toelaat"),
        "lint.L218.help": ("limit the recipients to {0}, or remove '{1}' from the senders", "beperk de ontvangers tot {0}, of schrap '{1}' als verstrekker"),

        // L210: broad grants.
        "lint.L210.tree": ("rule '{0}' grants all of '{1}' to parties outside the senders' domain ({2})",
                           "regel '{0}' verstrekt alle gegevens van '{1}' aan partijen buiten het domein van de verstrekkers ({2})"),
        "lint.L210.any": ("rule '{0}' grants any purpose to parties outside the senders' domain ({1})",
                          "regel '{0}' staat verstrekking voor ieder doel toe aan partijen buiten het domein van de verstrekkers ({1})"),
        "lint.L210.treeForAny": ("rule '{0}' grants all of '{1}' for any purpose to parties outside the senders' domain ({2})",
                                 "regel '{0}' verstrekt alle gegevens van '{1}' voor ieder doel aan partijen buiten het domein van de verstrekkers ({2})"),
        "lint.L210.help": ("name the categories and purposes that are needed", "noem alleen de gegevenscategorieën en doelen die nodig zijn"),

        // L211: retention.
        "lint.L211": ("category '{0}' has no retention period (nor does a category above it)",
                      "gegevenscategorie '{0}' heeft geen bewaartermijn (en een bovenliggende categorie evenmin)"),
        "lint.L211.help": ("add for example '{0}'", "voeg bijvoorbeeld '{0}' toe"),

        // L212: the cases without consent.
        "lint.L212": ("the covenant \"{0}\" does not say when data is shared without consent: every permit requires it",
                      "het convenant \"{0}\" beschrijft niet in welke gevallen gegevens zonder toestemming worden verstrekt: elke regel die verstrekking toestaat, vereist toestemming"),
        "lint.L212.noFact.guessed": ("the covenant \"{0}\" declares no consent fact, so it cannot say when data is shared without consent",
                                     "het convenant \"{0}\" kent geen toestemmingsfeit en kan dus niet beschrijven in welke gevallen gegevens zonder toestemming worden verstrekt"),
        "lint.L212.noFact": ("the covenant \"{0}\" declares no consent fact (no fact has '{1}'), so it cannot say when data is shared without consent",
                             "het convenant \"{0}\" kent geen toestemmingsfeit (geen feit heeft '{1}') en kan dus niet beschrijven in welke gevallen gegevens zonder toestemming worden verstrekt"),
        "lint.L212.help": ("add the exceptions the covenant allows (serious danger after triage, conflict of duties, a legal obligation), each with its obligations",
                           "neem de uitzonderingen op die het convenant toelaat (ernstig gevaar na triage, conflict van plichten, een wettelijke verplichting), elk met de bijbehorende verplichtingen"),

        // L213: tests.
        "lint.L213": ("the covenant \"{0}\" has no test blocks", "het convenant \"{0}\" bevat geen tests"),
        "lint.L213.help": ("add '{0}' blocks for the cases the covenant must answer",
                           "voeg tests '{0}' toe voor de gevallen waarin het convenant een antwoord moet geven"),

        // L214: an exceptional ground for the wrong purpose.
        "lint.L214.vital": ("rule '{0}' rests on '{1}', a vital interest, for {2}", "regel '{0}' rust op '{1}', een vitaal belang, voor {2}"),
        "lint.L214.conflict": ("rule '{0}' rests on '{1}', a conflict of duties, for {2}", "regel '{0}' rust op '{1}', een conflict van plichten, voor {2}"),
        "lint.L214.vital.help": ("a vital interest justifies sharing only to avert danger: limit '{0}' to purposes of kind {1}, or rest the rule on another basis",
                                 "een vitaal belang rechtvaardigt verstrekking alleen om gevaar af te wenden: beperk '{0}' tot doelen van de soort {1}, of baseer de regel op een andere grondslag"),
        "lint.L214.conflict.help": ("a conflict of duties justifies sharing only to avert danger: limit '{0}' to purposes of kind {1}, or rest the rule on another basis",
                                    "een conflict van plichten rechtvaardigt verstrekking alleen om gevaar af te wenden: beperk '{0}' tot doelen van de soort {1}, of baseer de regel op een andere grondslag"),

        // L215: accountability.
        "lint.L215": ("rule '{0}' shares personal data ({1}) for accountability", "regel '{0}' verstrekt persoonsgegevens ({1}) voor verantwoording"),
        "lint.L215.help": ("share only categories of {0} for accountability, or limit '{1}' to the purposes that need the person's data",
                           "verstrek voor verantwoording alleen gegevens met '{0}', of beperk '{1}' tot de doelen waarvoor gegevens over de persoon nodig zijn"),

        // L216: an obligation always waived.
        "lint.L216": ("obligation '{0}' of rule '{1}' is never owed: its '{2}' holds whenever the rule applies",
                      "verplichting '{0}' van regel '{1}' geldt nooit: telkens als de regel van toepassing is, is aan de voorwaarde '{2}' voldaan"),
        "lint.L216.help": ("remove the obligation, or narrow its '{0}' (to postpone the duty rather than drop it, write '{1}')",
                           "schrap de verplichting, of beperk '{0}' (schrijf '{1}' om de plicht uit te stellen in plaats van te laten vervallen)"),

        // L217: a processor that shares.
        "lint.L217": ("rule '{0}' lets processor '{1}' share with {2}, but it processes for '{3}' only",
                      "regel '{0}' laat verwerker '{1}' gegevens verstrekken aan {2}, maar die verwerkt uitsluitend in opdracht van '{3}'"),
        "lint.L217.help": ("a processor returns data to the party it processes for (GDPR art. 28); let '{0}' share it instead",
                           "een verwerker geeft gegevens alleen terug aan de partij in wier opdracht hij verwerkt (AVG art. 28); laat '{0}' de gegevens verstrekken"),

        // L219: validity.
        "lint.L219.expired": ("the covenant \"{0}\" expired on {1} (today is {2}): every query is denied",
                              "het convenant \"{0}\" is op {1} verlopen (vandaag is het {2}): elke vraag wordt geweigerd"),
        "lint.L219.expired.help": ("extend '{0}' once the council has adopted the renewal, or withdraw the covenant",
                                   "verleng '{0}' zodra de raad de verlenging heeft vastgesteld, of trek het convenant in"),
        "lint.L219.expiring": ("the covenant \"{0}\" expires on {1}, within 90 days (today is {2}); after that day every query is denied",
                               "het convenant \"{0}\" verloopt op {1}, binnen 90 dagen (vandaag is het {2}); daarna wordt elke vraag geweigerd"),
        "lint.L219.expiring.help": ("prepare the renewal for the council, then extend '{0}'",
                                    "bereid de verlenging voor de raad voor en verleng daarna '{0}'"),

        // L220: no roles declared.
        "lint.L220": ("the covenant declares no legal roles, so the review guesses consent, age and obligations from names",
                      "in het convenant zijn geen juridische rollen opgenomen; de toetsen leiden toestemming, leeftijd en verplichtingen daarom af uit namen"),
        "lint.L220.help": ("declare {0} to make the review exact (LANGUAGE-V2)", "neem op: {0}; dan zijn de toetsen exact (LANGUAGE-V2)"),
        "lint.L220.onFact": ("'{0}' on fact '{1}'", "'{0}' bij feit '{1}'"),
        "lint.L220.aFactWith": ("a fact with '{0}'", "een feit met '{0}'"),
        "lint.L220.kinds": ("'{0}' on purposes and obligations", "'{0}' bij doelen en verplichtingen"),

        // L221: a literate covenant that does not state an element of seed 004 §5 (LiterateLints.swift).
        "lint.L221.missing": (
            "the covenant \"{0}\" does not state {1}: no section of its text is marked for it",
            "in het convenant \"{0}\" ontbreekt: {1} (geen paragraaf van de tekst is daarvoor gemarkeerd)"),
        "lint.L221.missing.rules": (
            """
            the covenant "{0}" does not state {1}: no section of its text is marked for it, and its declarations \
            do not state it
            """,
            """
            in het convenant "{0}" ontbreekt: {1} (geen paragraaf van de tekst is daarvoor gemarkeerd en de \
            bepalingen regelen het niet)
            """),
        "lint.L221.empty": (
            "the covenant \"{0}\" does not state {1}: the section \"{2}\" marked for it (line {3}) holds no text",
            """
            in het convenant "{0}" ontbreekt: {1} (de paragraaf "{2}" die daarvoor is gemarkeerd, op tekstregel {3}, \
            bevat geen tekst)
            """),
        "lint.L221.empty.noHeading": (
            "the covenant \"{0}\" does not state {1}: the text marked for it (line {2}) is empty",
            "in het convenant \"{0}\" ontbreekt: {1} (de gemarkeerde tekst, op tekstregel {2}, is leeg)"),
        "lint.L221.help": ("describe it in a section of the text and mark that section with {0}",
                           "beschrijf het in een paragraaf van de tekst en markeer die paragraaf met {0}"),
        "lint.L221.help.rules": (
            "describe it in a section of the text and mark that section with {0}, or {1}",
            "beschrijf het in een paragraaf van de tekst en markeer die paragraaf met {0}, of {1}"),
        "lint.L221.rules.a": (
            "declare the parties ('{0}'), a controller ('{1}') and the purposes ('{2}')",
            "neem de partijen ('{0}'), een verwerkingsverantwoordelijke ('{1}') en de doelen ('{2}') op"),
        "lint.L221.rules.b": ("mark the special categories of personal data ('{0}')",
                              "geef aan welke gegevens bijzondere persoonsgegevens zijn ('{0}')"),
        "lint.L221.rules.e": ("give the fact that records consent its role ('{0}')",
                              "geef het feit dat de toestemming weergeeft zijn rol ('{0}')"),
        "lint.L221.rules.f": ("permit sharing on a basis other than consent ('{0}')",
                              "sta verstrekking toe op een andere grondslag dan toestemming ('{0}')"),

        // Literate covenants (Literate/): the elements of seed 004 §5, and the blocks of a .covenant.md file.
        "literate.element.a": ("a. the organisations, controllers and purposes",
                               "a. de betrokken organisaties, verantwoordelijken en doelstellingen"),
        "literate.element.b": ("b. the processing of special categories of personal data",
                               "b. de verwerking van bijzondere persoonsgegevens"),
        "literate.element.c": ("c. how citizens are informed",
                               "c. hoe betrokken burgers worden geïnformeerd over het gebruik van hun gegevens"),
        "literate.element.d": (
            "d. the main processings, their notification to the data protection officer, and the protocol",
            """
            d. de belangrijkste verwerkingen, de melding daarvan bij de functionaris voor de gegevensbescherming \
            en het protocol
            """),
        "literate.element.e": ("e. how consent is obtained", "e. hoe toestemming van betrokkene wordt verkregen"),
        "literate.element.f": ("f. the cases without consent",
                               "f. de gevallen waarin zonder toestemming gegevens worden verwerkt"),
        "literate.element.g": ("g. escalation in emergencies", "g. de escalatie bij spoed- en noodgevallen"),
        "literate.element.h": ("h. how people exercise their rights",
                               "h. hoe betrokkenen hun rechten kunnen uitoefenen"),
        "literate.element.i": ("i. information security and secrecy", "i. informatiebeveiliging en geheimhouding"),
        "literate.unclosedFence": ("the covenant block opened here with '{0}' is never closed",
                                   "het blok '{0}' dat hier begint, wordt nergens afgesloten"),
        "literate.unclosedFence.help": (
            """
            close it with a line '{0}' after its last declaration; until then everything below it, the prose too, \
            is read as covenant source
            """,
            """
            sluit het af met een tekstregel '{0}' na de laatste bepaling; anders wordt alles daaronder, ook de \
            tekst, als bepalingen gelezen
            """),
        "literate.declarationAcrossBlocks": (
            "this declaration does not end in its covenant block, which ends on line {0}",
            "deze bepaling eindigt niet in het blok 'covenant' waarin zij begint (dat eindigt op tekstregel {0})"),
        "literate.declarationAcrossBlocks.help": (
            "a declaration stands whole in one covenant block: move the closing '{0}' below its end",
            "een bepaling staat in haar geheel in één blok 'covenant': zet de afsluitende '{0}' eronder"),
    ]
}
