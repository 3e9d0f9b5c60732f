// swift-format-ignore-file
// A catalogue of words: one entry per line, the English beside the Dutch for a translator.

/// The words of `covenantc lsp`: its help, the errors it answers malformed messages with, what
/// hover, code actions and code lenses say, and the meaning of every keyword (shown in both
/// languages when the cursor rests on one). A part of `CommandWords.parts`.
enum LSPWords {
    static let entries: [String: (en: String, nl: String)] = [
        "summary.lsp": ("a language server for editors (the Language Server Protocol on standard input and output)",
                        "een taalserver voor editors (het Language Server Protocol via standaardinvoer en -uitvoer)"),
        "help.lsp": ("""
            Usage: covenantc lsp [--lang en|nl] [--date YYYY-MM-DD]

            A language server for editors: speaks the Language Server Protocol (JSON-RPC 2.0,
            each message framed by a Content-Length header) on standard input and output, for
            the covenants (*.covenant) and literate covenants (*.covenant.md) the editor opens.
            It reports everything 'covenantc check' reports, on opening and on every change:
            errors, warnings and the review's findings, with their codes, notes, witnesses and
            the principle and seed they rest on. Hover shows what a name is declared as (a
            party's kind, secrecy and regime; a category's nature, special category and
            retention; a fact's type and role; a rule's title, bases and obligations) and what a
            keyword means, in English and Dutch. Go to definition and find references work for
            every name; completion offers the names that fit where the cursor is, the keywords
            of the file's language, and a fact's values after '=='. Formatting is 'covenantc fmt'
            (in a literate covenant, the covenant blocks only); a diagnostic with a fix offers
            it as a quick fix; the outline lists the declarations; a code lens on each test
            block runs the file's tests (the command covenant.runTests). The editor starts the
            server; '--stdio' is accepted and changes nothing.

            Options:
              --lang en|nl        the language of the messages (default: the covenant's, else
                                  COVENANT_LANG, else English)
              --date YYYY-MM-DD   the date of today, for warning L219 (default: today in the
                                  Netherlands)
              -h, --help          show this help

            Exit codes: 0 after 'shutdown', 1 when 'exit' comes or the input ends without
            'shutdown' before it, 2 usage error.

            """, """
            Gebruik: covenantc lsp [--lang en|nl] [--date JJJJ-MM-DD]

            Een taalserver voor editors: spreekt het Language Server Protocol (JSON-RPC 2.0, elk
            bericht met een kop Content-Length) via standaardinvoer en -uitvoer, voor de
            convenanten (*.covenant) en convenanten met tekst (*.covenant.md) die de editor
            opent. De server meldt alles wat 'covenantc check' meldt, bij het openen en na elke
            wijziging: fouten, waarschuwingen en de bevindingen van de toetsing, met hun codes,
            opmerkingen, voorbeeldvragen en het beginsel en de bron waarop ze rusten. Wie de
            muis op een naam houdt, ziet als wat die is opgenomen (van een partij de soort,
            geheimhouding en het regime; van gegevens de aard, bijzondere persoonsgegevens en de
            bewaartermijn; van een feit het type en de rol; van een regel de titel, grondslagen
            en verplichtingen), en op een sleutelwoord wat het betekent, in het Engels en het
            Nederlands. Naar de bepaling gaan en alle verwijzingen vinden werkt voor elke naam;
            aanvullen biedt de namen die passen waar de cursor staat, de sleutelwoorden van de
            taal van het bestand en na '==' de waarden van een feit. Opmaken is 'covenantc fmt'
            (in een convenant met tekst alleen de convenantblokken); een melding met een
            herstelvoorstel biedt dat aan als snelle oplossing; de inhoudsopgave noemt de
            bepalingen; een code lens bij elk testblok voert de tests van het bestand uit (de
            opdracht covenant.runTests). De editor start de server; '--stdio' mag en verandert
            niets.

            Opties:
              --lang en|nl          de taal van de meldingen (standaard: die van het convenant,
                                    anders COVENANT_LANG, anders Engels)
              --date JJJJ-MM-DD     de datum van vandaag, voor waarschuwing L219 (standaard:
                                    vandaag in Nederland)
              -h, --help            deze hulp tonen

            Afsluitcodes: 0 na 'shutdown', 1 als 'exit' komt of de invoer eindigt zonder
            'shutdown' ervoor, 2 verkeerd gebruik.

            """),

        "lsp.noArguments": ("lsp takes no file names: the editor sends the documents it opens",
                            "lsp verwacht geen bestandsnamen: de editor stuurt de documenten die hij opent"),

        // JSONRPC.swift and LanguageServer.swift: the errors a malformed message is answered with.
        "lsp.error.header": ("malformed message header: expected 'Content-Length: N' and an empty line before the content",
                             "onjuiste berichtkop: verwacht 'Content-Length: N' en een lege tekstregel vóór de inhoud"),
        "lsp.error.length": ("malformed message header: Content-Length must be a number of bytes, not '{0}'",
                             "onjuiste berichtkop: Content-Length moet een aantal bytes zijn, niet '{0}'"),
        "lsp.error.tooLarge": ("the message announces {0} bytes, more than the limit of {1}",
                               "het bericht kondigt {0} bytes aan, meer dan de grens van {1}"),
        "lsp.error.parse": ("the message is not JSON: {0}", "het bericht is geen JSON: {0}"),
        "lsp.invalid.notObject": ("not a JSON-RPC 2.0 message: it is not a JSON object",
                                  "geen JSON-RPC 2.0-bericht: het is geen JSON-object"),
        "lsp.invalid.version": ("not a JSON-RPC 2.0 message: 'jsonrpc' is not \"2.0\"",
                                "geen JSON-RPC 2.0-bericht: 'jsonrpc' is niet \"2.0\""),
        "lsp.invalid.method": ("not a JSON-RPC 2.0 message: 'method' is missing or not a string",
                               "geen JSON-RPC 2.0-bericht: 'method' ontbreekt of is geen tekst"),
        "lsp.invalid.id": ("not a JSON-RPC 2.0 message: 'id' must be a number or a string",
                           "geen JSON-RPC 2.0-bericht: 'id' moet een getal of een tekst zijn"),
        "lsp.invalid.params": ("not a JSON-RPC 2.0 message: 'params' must be an object or an array",
                               "geen JSON-RPC 2.0-bericht: 'params' moet een object of een array zijn"),
        "lsp.error.methodNotFound": ("unknown method '{0}'", "onbekende methode '{0}'"),
        "lsp.error.notInitialized": ("the server is not initialized: send 'initialize' first",
                                     "de server is nog niet gestart: stuur eerst 'initialize'"),
        "lsp.error.initializedTwice": ("the server is already initialized", "de server is al gestart"),
        "lsp.error.shutDown": ("the server is shutting down: only 'exit' is accepted",
                               "de server wordt afgesloten: alleen 'exit' wordt nog aangenomen"),
        "lsp.error.params": ("invalid parameters for '{0}': {1} is missing or malformed",
                             "onjuiste parameters voor '{0}': {1} ontbreekt of is onjuist"),
        "lsp.error.notOpen": ("the document {0} is not open", "het document {0} is niet geopend"),
        "lsp.error.unknownCommand": ("unknown command '{0}'", "onbekende opdracht '{0}'"),
        "lsp.error.internal": ("the server could not answer '{0}'", "de server kon '{0}' niet beantwoorden"),

        // Diagnostics.swift: the quick fix of a diagnostic.
        "lsp.fix.replace": ("Replace with '{0}'", "Vervang door '{0}'"),
        "lsp.fix.insert": ("Insert '{0}'", "Voeg '{0}' in"),
        "lsp.fix.delete": ("Remove '{0}'", "Verwijder '{0}'"),

        // TestLens.swift: the code lens on a test block and the run of the tests.
        "lsp.lens.run": ("▶ Run the tests", "▶ Tests uitvoeren"),
        "lsp.lens.passed": ("✓ passed: {0}", "✓ geslaagd: {0}"),
        "lsp.lens.failed": ("✗ failed: expected {0}; got {1}", "✗ mislukt: verwacht {0}; uitkomst {1}"),
        "lsp.tests.totals": ("{0}: {1} passed, {2} failed", "{0}: {1} geslaagd, {2} mislukt"),
        "lsp.tests.failure": ("\"{0}\" (line {1}): {2}", "\"{0}\" (regelnummer {1}): {2}"),

        // Hover.swift: what a name is declared as.
        "lsp.hover.kind": ("kind", "soort"),
        "lsp.hover.secrecy": ("secrecy", "geheimhouding"),
        "lsp.hover.regime": ("regime", "regime"),
        "lsp.hover.actsFor": ("acts for", "handelt namens"),
        "lsp.hover.processorFor": ("processor for", "verwerker voor"),
        "lsp.hover.members": ("members", "leden"),
        "lsp.hover.under": ("under", "valt onder"),
        "lsp.hover.nature": ("nature", "aard"),
        "lsp.hover.special": ("special category", "bijzondere persoonsgegevens"),
        "lsp.hover.retention": ("retention", "bewaartermijn"),
        "lsp.hover.type": ("type", "type"),
        "lsp.hover.type.bool": ("yes/no", "ja/nee"),
        "lsp.hover.type.int": ("a number from {0} to {1}", "een getal van {0} tot en met {1}"),
        "lsp.hover.type.enumeration": ("one of {0}", "een van {0}"),
        "lsp.hover.role": ("role", "rol"),
        "lsp.hover.role.valid": ("valid consent: {0}", "geldige toestemming: {0}"),
        "lsp.hover.default": ("default", "standaard"),
        "lsp.hover.fixed": ("fixed: nobody can change it by acting", "vast: niemand kan het door te handelen veranderen"),
        "lsp.hover.permit": ("permits sharing", "staat verstrekking toe"),
        "lsp.hover.forbid": ("forbids sharing", "verbiedt verstrekking"),
        "lsp.hover.exceptionTo": ("exception to", "uitzondering op"),
        "lsp.hover.bases": ("legal basis", "grondslag"),
        "lsp.hover.obligations": ("obligations", "verplichtingen"),
        "lsp.hover.none": ("none", "geen"),
        "lsp.hover.value": ("a value of the fact '{0}'", "een waarde van het feit '{0}'"),
        "lsp.hover.keyword.en": ("English keyword `{0}`; in Dutch `{1}`", "Engels sleutelwoord `{0}`; in het Nederlands `{1}`"),
        "lsp.hover.keyword.nl": ("Dutch keyword `{0}`; in English `{1}`", "Nederlands sleutelwoord `{0}`; in het Engels `{1}`"),
        "lsp.hover.valueWord": ("{0} `{1}` (English `{2}`, Dutch `{3}`)", "{0} `{1}` (Engels `{2}`, Nederlands `{3}`)"),

        // The meaning of each keyword, by `Keyword`'s raw value: in each language with its own keywords.
        "lsp.keyword.language": ("the first line of a file: `language nl` chooses the Dutch keywords, `language en` the English ones",
                                 "de eerste tekstregel van een bestand: `taal nl` kiest de Nederlandse sleutelwoorden, `taal en` de Engelse"),
        "lsp.keyword.covenant": ("the header of the covenant: its title, version, controllers and validity",
                                 "de kop van het convenant: titel, versie, verwerkingsverantwoordelijken en geldigheidsduur"),
        "lsp.keyword.version": ("the version of the covenant, as a string", "de versie van het convenant, als tekst"),
        "lsp.keyword.controller": ("the controller: the party responsible for the processing (several are joint controllers)",
                                   "de verwerkingsverantwoordelijke: de partij die verantwoordelijk is voor de verwerking (meer dan één: gezamenlijk verantwoordelijk)"),
        "lsp.keyword.valid": ("the period the covenant is in force: `valid from DATE until DATE`",
                              "de geldigheidsduur van het convenant: `geldig van DATUM tot DATUM`"),
        "lsp.keyword.from": ("the first day the covenant is in force", "de eerste dag dat het convenant van kracht is"),
        "lsp.keyword.until": ("the last day the covenant is in force (may be left out)",
                              "de laatste dag dat het convenant van kracht is (mag ontbreken)"),
        "lsp.keyword.party": ("declares a party: an organisation that takes part in the covenant",
                              "neemt een partij op: een organisatie die deelneemt aan het convenant"),
        "lsp.keyword.kind": ("the kind of a party, legal basis, purpose or obligation",
                             "de soort van een partij, grondslag, doel of verplichting"),
        "lsp.keyword.secrecy": ("the party's duty of secrecy: none, professional or medical",
                                "de geheimhoudingsplicht van de partij: geen, beroepsgeheim of medisch"),
        "lsp.keyword.regime": ("the party's own law: it may share only for the purposes (and with the parties) that law allows",
                               "de eigen wet van de partij: zij mag alleen verstrekken voor de doelen (en aan de partijen) die deze wet toestaat"),
        "lsp.keyword.closed": ("marks the regime as closed: outside it the party may not share",
                               "maakt het regime gesloten: daarbuiten mag de partij niet verstrekken"),
        "lsp.keyword.group": ("declares a group: a named set of parties and groups",
                              "neemt een groep op: een benoemde verzameling partijen en groepen"),
        "lsp.keyword.category": ("declares a data category; nested categories form a tree",
                                 "neemt een gegevenscategorie op; geneste gegevenscategorieën vormen een boom"),
        "lsp.keyword.nature": ("the nature of a data category: that-information, what-information, aggregate or identity",
                               "de aard van een gegevenscategorie: dat-informatie, wat-informatie, gecumuleerde informatie of identiteit"),
        "lsp.keyword.special": ("a special category of personal data (GDPR art. 9 and 10), such as health",
                                "een bijzondere categorie persoonsgegevens (AVG art. 9 en 10), zoals gezondheid"),
        "lsp.keyword.retention": ("how long the data is kept: a number of days, weeks, months or years",
                                  "hoe lang de gegevens worden bewaard: een aantal dagen, weken, maanden of jaren"),
        "lsp.keyword.purpose": ("declares a purpose; nested purposes are narrower purposes",
                                "neemt een doel op; geneste doelen zijn nauwere doelen"),
        "lsp.keyword.fact": ("declares a fact about the situation that a question supplies: yes/no, a number or one of a list of values",
                             "neemt een feit op over de situatie dat een vraag meegeeft: ja/nee, een getal of een waarde uit een lijst"),
        "lsp.keyword.default": ("the value a fact takes when a question leaves it out",
                                "de waarde van een feit als een vraag het niet noemt"),
        "lsp.keyword.bool": ("the type of a yes/no fact", "het type van een ja/nee-feit"),
        "lsp.keyword.int": ("the type of a number fact: `int LOW..HIGH`", "het type van een getalfeit: `getal LAAG..HOOG`"),
        "lsp.keyword.true": ("yes: a value of a yes/no fact", "ja: een waarde van een ja/nee-feit"),
        "lsp.keyword.false": ("no: a value of a yes/no fact", "nee: een waarde van een ja/nee-feit"),
        "lsp.keyword.basis": ("declares a legal basis; in a rule, the bases the rule rests on",
                              "neemt een grondslag op; in een regel: de grondslagen waarop de regel rust"),
        "lsp.keyword.obligation": ("declares an obligation: something that must be done when a rule is used",
                                   "neemt een verplichting op: iets wat moet gebeuren als een regel wordt toegepast"),
        "lsp.keyword.rule": ("declares a rule: who may (or may not) share what with whom, for which purpose, when, on which basis and with which obligations",
                             "neemt een regel op: wie wat aan wie mag (of niet mag) verstrekken, voor welk doel, wanneer, op welke grondslag en met welke verplichtingen"),
        "lsp.keyword.exception": ("`exception to RULE`: when this rule applies, it sets the other aside",
                                  "`uitzondering op REGEL`: als deze regel van toepassing is, zet hij de andere opzij"),
        "lsp.keyword.to": ("`exception to RULE`: the rule this one is an exception to",
                           "`uitzondering op REGEL`: de regel waarop deze een uitzondering is"),
        "lsp.keyword.permit": ("permits sharing from the senders to the recipients",
                               "staat verstrekking van de verstrekkers aan de ontvangers toe"),
        "lsp.keyword.forbid": ("forbids sharing from the senders to the recipients; a forbid wins over a permit unless an exception sets it aside",
                               "verbiedt verstrekking van de verstrekkers aan de ontvangers; een verbod gaat voor, tenzij een uitzondering het opzij zet"),
        "lsp.keyword.share": ("the data categories the rule, question or guarantee is about",
                              "de gegevenscategorieën waarover de regel, vraag of waarborg gaat"),
        "lsp.keyword.for": ("the purposes, or `for any` purpose", "de doelen, of `voor iedere`: elk doel"),
        "lsp.keyword.any": ("every party (but processors), or every purpose", "iedere partij (behalve verwerkers), of elk doel"),
        "lsp.keyword.when": ("the condition on the facts under which the rule applies",
                             "de voorwaarde voor de feiten waaronder de regel van toepassing is"),
        "lsp.keyword.oblige": ("the obligations that must be met when the rule is used",
                               "de verplichtingen waaraan moet worden voldaan als de regel wordt toegepast"),
        "lsp.keyword.and": ("both conditions hold", "beide voorwaarden gelden"),
        "lsp.keyword.or": ("at least one of the conditions holds", "ten minste één van de voorwaarden geldt"),
        "lsp.keyword.not": ("the condition does not hold; `not in`: none of the values",
                            "de voorwaarde geldt niet; `niet in`: geen van de waarden"),
        "lsp.keyword.in": ("`FACT in {a, b}`: the fact has one of the values", "`FEIT in {a, b}`: het feit heeft een van de waarden"),
        "lsp.keyword.before": ("the obligation is met before sharing", "aan de verplichting wordt vóór de verstrekking voldaan"),
        "lsp.keyword.after": ("the obligation is met after sharing", "aan de verplichting wordt na de verstrekking voldaan"),
        "lsp.keyword.within": ("the obligation is met within a period: `within 4 weeks`",
                               "aan de verplichting wordt binnen een termijn voldaan: `binnen 4 weken`"),
        "lsp.keyword.unless": ("the obligation is waived when the condition holds", "de verplichting vervalt als de voorwaarde geldt"),
        "lsp.keyword.test": ("declares a test: a question and the answer the covenant must give",
                             "neemt een test op: een vraag en het antwoord dat het convenant moet geven"),
        "lsp.keyword.query": ("the question of a test: `SENDER -> RECIPIENT share CATEGORY for PURPOSE given FACT = VALUE`",
                              "de vraag van een test: `VERSTREKKER -> ONTVANGER deel GEGEVENS voor DOEL met FEIT = WAARDE`"),
        "lsp.keyword.given": ("the facts of the question: `given FACT = VALUE, ...`", "de feiten van de vraag: `met FEIT = WAARDE, ...`"),
        "lsp.keyword.expect": ("the answer the test expects", "het antwoord dat de test verwacht"),
        "lsp.keyword.permitted": ("the decision a test expects: sharing is permitted",
                                  "de beslissing die een test verwacht: de verstrekking is toegestaan"),
        "lsp.keyword.denied": ("the decision a test expects: sharing is denied",
                               "de beslissing die een test verwacht: de verstrekking wordt geweigerd"),
        "lsp.keyword.by": ("the rules the test expects to decide", "de regels die naar verwachting van de test beslissen"),
        "lsp.keyword.waived": ("the obligations the test expects to be waived",
                               "de verplichtingen die naar verwachting van de test vervallen"),
        "lsp.keyword.missing": ("the facts the test expects to be missing from the question",
                                "de feiten die naar verwachting van de test in de vraag ontbreken"),
        "lsp.keyword.acts": ("`acts for PARTY`: the party carries out that party's task under its responsibility (mandate)",
                             "`namens PARTIJ`: de partij voert de taak van die partij uit onder haar verantwoordelijkheid (mandaat)"),
        "lsp.keyword.processor": ("`processor for PARTY`: the party processes on that party's behalf (GDPR art. 28)",
                                  "`verwerker voor PARTIJ`: de partij verwerkt in opdracht van die partij (AVG art. 28)"),
        "lsp.keyword.regimeTo": ("`to PARTY, ...` in a regime: the only parties the regime lets the party share with",
                                 "`aan PARTIJ, ...` in een regime: de enige partijen aan wie het regime de partij laat verstrekken"),
        "lsp.keyword.role": ("the legal role of a fact: consent, age or representative",
                             "de juridische rol van een feit: toestemming, leeftijd of vertegenwoordiger"),
        "lsp.keyword.fixed": ("a fact about the world nobody can change by acting; explanations never suggest changing it",
                              "een feit over de wereld dat niemand door te handelen kan veranderen; een toelichting stelt nooit voor het te veranderen"),
        "lsp.keyword.postponed": ("`postponed while CONDITION`: the obligation stands but its clock does not run; in a test, the obligations expected to be postponed",
                                  "`uitgesteld zolang VOORWAARDE`: de verplichting blijft staan, maar haar termijn loopt niet; in een test: de verplichtingen die naar verwachting zijn uitgesteld"),
        "lsp.keyword.while": ("`postponed while CONDITION`: as long as the condition holds", "`uitgesteld zolang VOORWAARDE`: zolang de voorwaarde geldt"),
        "lsp.keyword.on": ("`on DATE`: the day a test's question is asked for", "`op DATUM`: de dag waarvoor de vraag van een test wordt gesteld"),
        "lsp.keyword.guarantee": ("declares a guarantee: a promise of the covenant that `covenantc check` proves over every case",
                                  "neemt een waarborg op: een belofte van het convenant die `covenantc check` voor elk geval bewijst"),
        "lsp.keyword.never": ("the guarantee that every case in its scope is denied",
                              "de waarborg dat elk geval binnen het bereik wordt geweigerd"),
        "lsp.keyword.always": ("the guarantee that every case in its scope is permitted",
                               "de waarborg dat elk geval binnen het bereik is toegestaan"),
        "lsp.keyword.whenever": ("the guarantee that every permitted case in its scope carries the listed obligations",
                                 "de waarborg dat elk toegestaan geval binnen het bereik de genoemde verplichtingen meebrengt"),
        "lsp.keyword.ifPermitted": ("`permitted oblige ...` in a guarantee: the obligations every permitted case carries",
                                    "`toegestaan verplicht ...` in een waarborg: de verplichtingen die elk toegestaan geval meebrengt"),
    ]
}
