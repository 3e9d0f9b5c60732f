// swift-format-ignore-file
// A catalogue of words: one entry per line, the English beside the Dutch for a translator.

extension ExplainCodeCommand {
    /// The command's part of the catalogue (`CommandWords.parts`): its summary and help, its
    /// usage errors, the page's words, and for every code when it is reported, in English and
    /// Dutch. The summary, principle and rationale of each code are `DiagnosticCode`'s own.
    static let words: [String: (en: String, nl: String)] = [
        "summary.explain-code": ("what a diagnostic code means, with an example and its fix",
                                 "wat een meldingscode betekent, met een voorbeeld en de oplossing"),
        "help.explain-code": ("""
            Usage: covenantc explain-code [options] CODE

            Explains a diagnostic code, as a finding prints it (error[E201], warning[L204]): what it
            means and when it is reported; for the legal lints the principle and the seed passages
            it rests on, and why; and an example covenant that gets it, what 'covenantc check'
            says about it, and the example corrected. The codes are E101-E907 (errors in the
            covenant), A101-A106 (the rule analysis) and L201-L221 (the legal lints). The same
            pages are docs/diagnostics/CODE.md.

            Options:
              --format text|markdown   output format (default: text); markdown is the page as it
                                       stands in docs/diagnostics
              --lang en|nl             the language of the page (default: COVENANT_LANG, else
                                       English)
              -h, --help               show this help

            Exit codes: 0 explained, 2 usage error (an unknown code: the nearest one is suggested).

            """, """
            Gebruik: covenantc explain-code [opties] CODE

            Licht een meldingscode toe, zoals een bevinding die noemt (fout[E201],
            waarschuwing[L204]): wat zij betekent en wanneer zij wordt gemeld; bij de juridische
            toetsen het beginsel en de passages uit de bronnen waarop zij rust, en waarom; en een
            voorbeeldconvenant dat de melding krijgt, wat 'covenantc check' erover meldt, en het
            verbeterde voorbeeld. De codes zijn E101-E907 (fouten in het convenant), A101-A106
            (de regelanalyse) en L201-L221 (de juridische toetsen). Dezelfde pagina's staan in
            docs/diagnostics/CODE.md.

            Opties:
              --format text|markdown   uitvoerformaat (standaard: text); markdown is de pagina
                                       zoals die in docs/diagnostics staat
              --lang en|nl             de taal van de pagina (standaard: COVENANT_LANG, anders
                                       Engels)
              -h, --help               deze hulp tonen

            Afsluitcodes: 0 toegelicht, 2 verkeerd gebruik (een onbekende code: de dichtstbijzijnde
            wordt voorgesteld).

            """),
        "explainCode.nameOneCode": ("name one diagnostic code, for example L204",
                                    "noem één meldingscode, bijvoorbeeld L204"),
        "explainCode.unknown": ("unknown code '{0}': the codes are E101-E907, A101-A106 and L201-L221",
                                "onbekende code '{0}': de codes zijn E101-E907, A101-A106 en L201-L221"),
        "explainCode.unknown.didYouMean": ("unknown code '{0}' (did you mean {1}?)",
                                           "onbekende code '{0}' (bedoelt u {1}?)"),

        // The page.
        "explainCode.severity.error": ("error", "fout"),
        "explainCode.severity.warning": ("warning", "waarschuwing"),
        "explainCode.severity.note": ("note", "notitie"),
        "explainCode.stage.E1": (
            "reading and syntax, reported by `covenantc check` and every command that reads a covenant",
            "lezen en syntaxis, gemeld door `covenantc check` en elke opdracht die een convenant leest"),
        "explainCode.stage.E2": ("names, reported by `covenantc check` and every command that reads a covenant",
                                 "namen, gemeld door `covenantc check` en elke opdracht die een convenant leest"),
        "explainCode.stage.E3": (
            "facts and conditions, reported by `covenantc check` and every command that reads a covenant",
            "feiten en voorwaarden, gemeld door `covenantc check` en elke opdracht die een convenant leest"),
        "explainCode.stage.E4": (
            "rules and tests, reported by `covenantc check` and every command that reads a covenant",
            "regels en tests, gemeld door `covenantc check` en elke opdracht die een convenant leest"),
        "explainCode.stage.E5": (
            """
            the covenant header and the parties' roles, reported by `covenantc check` and every command that \
            reads a covenant
            """,
            """
            de kop van het convenant en de rollen van partijen, gemeld door `covenantc check` en elke opdracht \
            die een convenant leest
            """),
        "explainCode.stage.E9": ("limits, reported by `covenantc check` and every command that reads a covenant",
                                 "grenzen, gemeld door `covenantc check` en elke opdracht die een convenant leest"),
        "explainCode.stage.files": ("reading the files, reported by every command that is given a covenant",
                                    "lezen van de bestanden, gemeld door elke opdracht die een convenant krijgt"),
        "explainCode.stage.A1": ("rule analysis, reported by `covenantc check` on a covenant without errors",
                                 "regelanalyse, gemeld door `covenantc check` bij een convenant zonder fouten"),
        "explainCode.stage.L2": ("legal lint, reported by `covenantc check` on a covenant without errors",
                                 "juridische toets, gemeld door `covenantc check` bij een convenant zonder fouten"),
        "explainCode.stage.G1": ("guarantee, proved by `covenantc check` on a covenant without errors",
                                 "waarborg, bewezen door `covenantc check` bij een convenant zonder fouten"),
        "explainCode.when": ("When it is reported", "Wanneer het wordt gemeld"),
        "explainCode.principle": ("Principle", "Beginsel"),
        "explainCode.why": ("Why", "Waarom"),
        "explainCode.example": ("Example", "Voorbeeld"),
        "explainCode.otherLanguage": ("In Dutch", "In het Engels"),
        "explainCode.sources": ("Quoted in", "Geciteerd in"),
        "explainCode.sources.text": (
            "The passages of the seeds it rests on are quoted in docs/principles.md.",
            "De passages uit de bronnen waarop het rust, staan geciteerd in docs/principles.md."),
        "explainCode.acknowledge": (
            """
            A finding that is meant can be acknowledged with the reason, in a comment before (or inside) the \
            declaration: `// covenant:allow {0} \"reason\"`. It is then no longer counted; `covenantc check \
            --verbose` still prints it, with the reason.
            """,
            """
            Een bevinding die zo bedoeld is, kan met de reden worden aanvaard, in een commentaar vóór (of in) \
            de declaratie: `// covenant:allow {0} \"reden\"`. Zij telt dan niet meer mee; `covenantc check \
            --verbose` toont haar nog, met de reden.
            """),
        "explainCode.example.bad": ("A covenant that gets {0}:", "Een convenant dat {0} krijgt:"),
        "explainCode.example.bad.source": ("A covenant that gets {0} ({1}):", "Een convenant dat {0} krijgt ({1}):"),
        "explainCode.example.escaped": ("(the bytes that are not text are shown as \\xNN)",
                                        "(de bytes die geen tekst zijn, staan er als \\xNN)"),
        "explainCode.example.says": ("`covenantc check` says:", "`covenantc check` meldt:"),
        "explainCode.example.fixed": ("Corrected, it no longer gets {0}:", "Verbeterd, zonder {0}:"),
        "explainCode.example.fixed.source": ("Corrected, it no longer gets {0} ({1}):", "Verbeterd, zonder {0} ({1}):"),
        "explainCode.example.unreadable": ("`covenantc check` on a file that does not exist:",
                                           "`covenantc check` op een bestand dat niet bestaat:"),
        "explainCode.example.none": ("There is no example for this code.", "Voor deze code is er geen voorbeeld."),
        "explainCode.example.lowered": (
            "The example lowers {0} to {1}, so that a small input reaches it; the limit is {2}.",
            "Het voorbeeld verlaagt {0} tot {1}, zodat een kleine invoer de grens bereikt; de grens is {2}."),
        "explainCode.example.budget": (
            """
            The example lowers the work bound to 3 rule evaluations, so that a small covenant reaches it; the \
            bound is {0}.
            """,
            """
            Het voorbeeld verlaagt de rekengrens tot 3 regelevaluaties, zodat een klein convenant die bereikt; \
            de grens is {0}.
            """),
        "explainCode.example.today": (
            "The example is checked as on {0} (`covenantc check --date {0}`).",
            "Het voorbeeld wordt gecontroleerd alsof het {0} is (`covenantc check --date {0}`)."),

        // When each code is reported.
        "explainCode.when.E101": (
            """
            The file holds bytes that are not UTF-8, usually because it was saved as Latin-1 or Windows-1252 \
            (an 'é' stored as the single byte 0xE9). The first bad byte is reported; save the file as UTF-8.
            """,
            """
            Het bestand bevat bytes die geen UTF-8 zijn, meestal omdat het is opgeslagen als Latin-1 of \
            Windows-1252 (een 'é' als de ene byte 0xE9). De eerste foute byte wordt gemeld; sla het bestand op \
            als UTF-8.
            """),
        "explainCode.when.E102": (
            """
            The file contains a NUL byte: it is a binary file (a Word document, a PDF, an archive), not the \
            text of a covenant.
            """,
            """
            Het bestand bevat een NUL-byte: het is een binair bestand (een Word-document, een pdf, een \
            archief), niet de tekst van een convenant.
            """),
        "explainCode.when.E103": (
            """
            A character the language does not use stands outside a string or comment, such as `$`, `;` or `@`, \
            or an operator from another language such as `&&`, `||`, `!` or `#`; where there is a right \
            spelling, the help gives it.
            """,
            """
            Buiten een tekst of commentaar staat een teken dat de taal niet kent, zoals `$`, `;` of `@`, of \
            een operator uit een andere taal zoals `&&`, `||`, `!` of `#`; waar een juiste schrijfwijze \
            bestaat, geeft de tip die.
            """),
        "explainCode.when.E104": (
            """
            A string (text between double quotes) is not closed on the line where it starts. A string cannot \
            span lines.
            """,
            """
            Een tekst tussen dubbele aanhalingstekens wordt niet afgesloten op de regel waar hij begint. Een \
            tekst kan niet over meer regels lopen.
            """),
        "explainCode.when.E105": (
            """
            A backslash in a string is followed by something other than `\\\"`, `\\\\`, `n` or `t`. Write \
            `\\\\` for a backslash itself.
            """,
            """
            Na een backslash in een tekst staat iets anders dan `\\\"`, `\\\\`, `n` of `t`. Schrijf `\\\\` \
            voor een backslash zelf.
            """),
        "explainCode.when.E106": (
            "A number has more than 15 digits; no range, retention period or term needs one that large.",
            "Een getal heeft meer dan 15 cijfers; geen bereik, bewaartermijn of termijn heeft zo'n groot getal nodig."),
        "explainCode.when.E107": (
            """
            A date is not written as year-month-day with four, two and two digits (`2025-01-01`). A date in \
            the Dutch order (`01-01-2025`) or without leading zeros (`2025-1-1`) is reported, with the date \
            meant where it can be told.
            """,
            """
            Een datum is niet geschreven als jaar-maand-dag met vier, twee en twee cijfers (`2025-01-01`). Een \
            datum in de Nederlandse volgorde (`01-01-2025`) of zonder voorloopnullen (`2025-1-1`) wordt \
            gemeld, waar mogelijk met de bedoelde datum.
            """),
        "explainCode.when.E110": (
            """
            The parser expected one thing and found another: a missing `=`, `->` or brace, a missing name or \
            value, or a keyword of the other language (the help then gives this file's spelling). The message \
            says what was expected and what was found.
            """,
            """
            Er staat iets anders dan verwacht: een ontbrekende `=`, `->` of accolade, een ontbrekende naam of \
            waarde, of een sleutelwoord uit de andere taal (de tip geeft dan de schrijfwijze van dit bestand). \
            De melding zegt wat werd verwacht en wat er stond.
            """),
        "explainCode.when.E111": (
            """
            Inside a declaration's braces stands a word that is not one of its clauses, often a misspelling \
            (`knd` for `kind`) or a clause of another declaration. The help suggests the nearest clause, or \
            lists the clauses the declaration takes.
            """,
            """
            Tussen de accolades van een declaratie staat een woord dat daar geen onderdeel van is, vaak een \
            tikfout (`sort` voor `soort`) of een onderdeel van een andere declaratie. De tip noemt het \
            dichtstbijzijnde onderdeel, of de onderdelen die de declaratie kent.
            """),
        "explainCode.when.E112": (
            """
            A declaration gives the same clause twice, such as two `kind` clauses in a party or two `when` \
            clauses in a rule. Give each clause once; several values go in one clause, separated by commas.
            """,
            """
            Een declaratie geeft hetzelfde onderdeel twee keer, zoals twee keer `soort` bij een partij of twee \
            keer `wanneer` bij een regel. Geef elk onderdeel één keer; meer waarden komen in één onderdeel, \
            gescheiden door komma's.
            """),
        "explainCode.when.E113": (
            """
            A declaration lacks a clause it cannot do without, for example a party without `kind`, a basis \
            without `kind`, or the covenant header without `controller`.
            """,
            """
            Een declaratie mist een onderdeel dat zij niet kan missen, bijvoorbeeld een partij zonder `soort`, \
            een grondslag zonder `soort`, of de kop van het convenant zonder `verantwoordelijke`.
            """),
        "explainCode.when.E114": (
            """
            Where a value from a fixed list is expected (a party kind, a secrecy, a nature, a special \
            category, a kind of basis, purpose or obligation, a fact role, a time unit, who acts), the word is \
            not on that list. The help suggests the nearest value and names them all; a value word of the \
            other language gets this file's spelling.
            """,
            """
            Waar een waarde uit een vaste lijst wordt verwacht (soort partij, geheimhouding, aard, bijzondere \
            categorie, soort grondslag, doel of verplichting, rol van een feit, tijdseenheid, wie handelt), \
            staat een woord dat niet op die lijst staat. De tip noemt de dichtstbijzijnde waarde en de hele \
            lijst; een waarde in de andere taal krijgt de schrijfwijze van dit bestand.
            """),
        "explainCode.when.E115": (
            """
            The first line `language XX` (`taal XX`) names a language other than `en` (English keywords) or \
            `nl` (Dutch keywords).
            """,
            """
            De eerste regel `taal XX` (`language XX`) noemt een andere taal dan `nl` (Nederlandse \
            sleutelwoorden) of `en` (Engelse).
            """),
        "explainCode.when.E116": (
            """
            A keyword is declared as a name. The reserved words of both languages (`share`, `deel`, `rule`, \
            `regel`, ...) cannot be names, so that every covenant can be printed in the other language; \
            docs/reference.md lists them.
            """,
            """
            Een sleutelwoord wordt als naam gebruikt. De gereserveerde woorden van beide talen (`deel`, \
            `share`, `regel`, `rule`, ...) kunnen geen naam zijn, zodat elk convenant in de andere taal kan \
            worden afgedrukt; docs/reference.md noemt ze.
            """),
        "explainCode.when.E117": (
            """
            The file has no `covenant` header, or a second one. A file holds exactly one covenant, and its \
            header gives the title, version, controller and validity.
            """,
            """
            Het bestand heeft geen kop `convenant`, of een tweede. Een bestand bevat precies één convenant, en \
            de kop noemt titel, versie, verantwoordelijke en geldigheid.
            """),
        "explainCode.when.E201": (
            """
            A name is used that no declaration declares: a party or group in a rule or test, a category, \
            purpose, fact, basis, obligation or rule. Usually a misspelling; the help suggests the nearest \
            declared name.
            """,
            """
            Er wordt een naam gebruikt die geen declaratie definieert: een partij of groep in een regel of \
            test, een gegevenscategorie, doel, feit, grondslag, verplichting of regel. Meestal een tikfout; de \
            tip noemt de dichtstbijzijnde naam die wel bestaat.
            """),
        "explainCode.when.E202": (
            """
            Two declarations have the same name. Parties, groups, categories, purposes, facts, bases, \
            obligations and rules share one namespace, so a category and a purpose cannot both be called \
            `zorg`. The note points at the first declaration.
            """,
            """
            Twee declaraties hebben dezelfde naam. Partijen, groepen, gegevenscategorieën, doelen, feiten, \
            grondslagen, verplichtingen en regels delen één naamruimte, dus een categorie en een doel kunnen \
            niet allebei `zorg` heten. De notitie wijst de eerste declaratie aan.
            """),
        "explainCode.when.E203": (
            """
            A declared name stands where another kind of name belongs, such as a category as a sender or a \
            purpose after `share`. The note shows what the name is declared as.
            """,
            """
            Een gedefinieerde naam staat op een plaats voor een ander soort naam, zoals een gegevenscategorie \
            als verstrekker of een doel na `deel`. De notitie toont als wat de naam is gedefinieerd.
            """),
        "explainCode.when.E204": (
            """
            Groups contain each other, directly or through other groups (`g1 = a, g2` and `g2 = b, g1`), so \
            their members cannot be worked out.
            """,
            """
            Groepen bevatten elkaar, rechtstreeks of via andere groepen (`g1 = a, g2` en `g2 = b, g1`), zodat \
            niet vast te stellen is wie erin zit.
            """),
        "explainCode.when.E205": (
            """
            A category or purpose has, somewhere inside its own braces, a category or purpose of its own name.
            """,
            """
            Een gegevenscategorie of doel bevat ergens binnen de eigen accolades een categorie of doel met \
            dezelfde naam.
            """),
        "explainCode.when.E206": (
            """
            Rules are exceptions to each other in a cycle (`r1 exception to r2`, `r2 exception to r1`), so it \
            cannot be decided which one wins.
            """,
            """
            Regels zijn in een kring uitzonderingen op elkaar (`r1 uitzondering op r2`, `r2 uitzondering op \
            r1`), zodat niet te beslissen is welke voorgaat.
            """),
        "explainCode.when.E301": (
            """
            A condition or value does not fit the fact's type, for example a number for a yes/no fact or a \
            word for a number fact.
            """,
            """
            Een voorwaarde of waarde past niet bij het type van het feit, bijvoorbeeld een getal bij een \
            ja/nee-feit of een woord bij een getal-feit.
            """),
        "explainCode.when.E302": (
            """
            A value is compared with, or given for, an enumeration fact that does not list it (`consent == \
            gven` for a fact `given | refused`), also as a `valid` value of a consent role. The help suggests \
            the nearest value.
            """,
            """
            Een waarde wordt vergeleken met, of opgegeven voor, een opsommingsfeit dat haar niet kent \
            (`toestemming == gegevn` bij een feit `gegeven | geweigerd`), ook als `geldig`-waarde van een rol \
            toestemming. De tip noemt de dichtstbijzijnde waarde.
            """),
        "explainCode.when.E303": (
            """
            A number in a condition or a query lies outside the range the fact declares (`age > 200` for a \
            fact `int 0..130`); such a comparison is always or never true.
            """,
            """
            Een getal in een voorwaarde of vraag ligt buiten het bereik van het feit (`leeftijd > 200` bij een \
            feit `getal 0..130`); zo'n vergelijking is altijd of nooit waar.
            """),
        "explainCode.when.E304": (
            """
            An integer range is written with its bounds the wrong way round (`int 130..0`), so no value fits \
            it.
            """,
            """
            Een bereik van getallen staat met de grenzen in de verkeerde volgorde (`getal 130..0`), zodat geen \
            enkele waarde erin past.
            """),
        "explainCode.when.E305": (
            "An enumeration fact lists the same value twice (`given | refused | given`).",
            "Een opsommingsfeit noemt dezelfde waarde twee keer (`gegeven | geweigerd | gegeven`)."),
        "explainCode.when.E306": ("A test's query gives the same fact twice after `given`.",
                                  "De vraag van een test geeft na `met` hetzelfde feit twee keer op."),
        "explainCode.when.E307": (
            """
            A fact role does not fit the fact's type: `role age` needs a number fact (`int 0..130`), `role \
            representative` a yes/no fact, `role consent` a yes/no fact or an enumeration.
            """,
            """
            Een rol past niet bij het type van het feit: `rol leeftijd` vraagt een getal-feit (`getal \
            0..130`), `rol vertegenwoordiger` een ja/nee-feit, `rol toestemming` een ja/nee-feit of een \
            opsomming.
            """),
        "explainCode.when.E308": (
            """
            A `role consent` on an enumeration does not say with `valid` which of its values are valid, \
            specific consent, or `valid` is given on a role other than consent.
            """,
            """
            Een `rol toestemming` bij een opsomming zegt niet met `geldig` welke waarden geldige, specifieke \
            toestemming zijn, of `geldig` staat bij een andere rol dan toestemming.
            """),
        "explainCode.when.E401": (
            """
            A rule is declared an exception to a rule with the same effect (a permit to a permit, a forbid to \
            a forbid). An exception overrides a rule of the opposite effect.
            """,
            """
            Een regel is een uitzondering op een regel met hetzelfde gevolg (toestaan op toestaan, verbieden \
            op verbieden). Een uitzondering gaat voor een regel met het tegengestelde gevolg.
            """),
        "explainCode.when.E402": (
            """
            A permit names no legal basis. Every provision needs one: add `basis` with a declared basis (of \
            kind consent, legal obligation, vital interest, public task, law or conflict of duties).
            """,
            """
            Een regel die verstrekking toestaat, noemt geen grondslag. Elke verstrekking heeft er een nodig: \
            voeg `grondslag` toe met een gedefinieerde grondslag (van de soort toestemming, wettelijke plicht, \
            vitaal belang, publieke taak, wet of conflict van plichten).
            """),
        "explainCode.when.E403": (
            """
            A forbid has a `basis` or `oblige` clause. A forbid never permits, so its basis and obligations \
            are never used.
            """,
            """
            Een verbod heeft een onderdeel `grondslag` of `verplicht`. Een verbod staat nooit iets toe, dus \
            grondslag en verplichtingen worden nooit gebruikt.
            """),
        "explainCode.when.E404": (
            """
            A test expects a deny together with obligations (`expect deny oblige o`). Obligations come only \
            with a permit.
            """,
            """
            Een test verwacht een weigering met verplichtingen (`verwacht geweigerd verplicht o`). \
            Verplichtingen gelden alleen als de verstrekking is toegestaan.
            """),
        "explainCode.when.E405": (
            """
            A test's query names a group as sender or recipient. A question is about one party; the help names \
            the group's members.
            """,
            """
            De vraag van een test noemt een groep als verstrekker of ontvanger. Een vraag gaat over één \
            partij; de tip noemt de leden van de groep.
            """),
        "explainCode.when.E406": (
            """
            A test expects a decision `by` a rule of the other effect: `expect deny by R` where R is a permit, \
            or `expect permit by R` where R is a forbid. Such a test could never pass, so it is reported when \
            the covenant is checked, not only when the test runs.
            """,
            """
            Een test verwacht een beslissing `door` een regel met het andere gevolg: `verwacht geweigerd door \
            R` terwijl R toestaat, of `verwacht toegestaan door R` terwijl R verbiedt. Zo'n test kan nooit \
            slagen, dus wordt dit al bij de controle van het convenant gemeld, niet pas als de test draait.
            """),
        "explainCode.when.E501": (
            """
            The covenant header's `controller` names a group, or something else that is not a declared party. \
            A controller is one responsible organisation, such as the college.
            """,
            """
            De `verantwoordelijke` in de kop van het convenant is een groep, of iets anders dan een \
            gedefinieerde partij. Een verantwoordelijke is één organisatie, zoals het college.
            """),
        "explainCode.when.E502": (
            "A date is written in the right form but does not exist, such as 2025-02-30 or 2025-13-01.",
            "Een datum is goed geschreven maar bestaat niet, zoals 2025-02-30 of 2025-13-01."),
        "explainCode.when.E503": ("The header's `valid from .. until` ends before it starts.",
                                  "De geldigheid in de kop (`geldig van .. tot`) eindigt voordat zij begint."),
        "explainCode.when.E504": (
            """
            Parties act for each other (`acts for`) or process for each other (`processor for`) in a cycle. A \
            mandate runs from a party to the one responsible for the task, never back.
            """,
            """
            Partijen handelen in een kring namens elkaar (`namens`) of verwerken voor elkaar (`verwerker \
            voor`). Een mandaat loopt van een partij naar degene die voor de taak verantwoordelijk is, nooit \
            terug.
            """),
        "explainCode.when.E505": (
            """
            A party is declared a processor for itself, or both acts for and processes for the same party. A \
            processor processes on behalf of another party.
            """,
            """
            Een partij is verwerker voor zichzelf, of is voor dezelfde partij zowel gemandateerd (`namens`) \
            als verwerker. Een verwerker verwerkt in opdracht van een andere partij.
            """),
        "explainCode.when.E506": ("The header names the same party twice after `controller`.",
                                  "De kop noemt dezelfde partij twee keer na `verantwoordelijke`."),
        "explainCode.when.E901": (
            """
            The file is larger than the limit maxFileBytes (8 MiB). A covenant that large is almost certainly \
            the wrong file; it is not read.
            """,
            """
            Het bestand is groter dan de grens maxFileBytes (8 MiB). Een convenant van die omvang is vrijwel \
            zeker het verkeerde bestand; het wordt niet gelezen.
            """),
        "explainCode.when.E902": (
            """
            Braces, parentheses or `not` nest deeper than maxNestingDepth (64). Usually a `}` or `)` is \
            missing; the rest of the file is not checked.
            """,
            """
            Accolades, haakjes of `niet` zijn dieper genest dan maxNestingDepth (64). Meestal ontbreekt een \
            `}` of `)`; de rest van het bestand wordt niet gecontroleerd.
            """),
        "explainCode.when.E903": (
            """
            A name is longer than maxIdentifierBytes (128 bytes), or a quoted string longer than \
            maxStringBytes (4096 bytes).
            """,
            """
            Een naam is langer dan maxIdentifierBytes (128 bytes), of een tekst tussen aanhalingstekens langer \
            dan maxStringBytes (4096 bytes).
            """),
        "explainCode.when.E904": (
            "The file has more declarations than maxDeclarations (100,000); the rest is not checked.",
            "Het bestand bevat meer declaraties dan maxDeclarations (100.000); de rest wordt niet gecontroleerd."),
        "explainCode.when.E905": (
            """
            A file has more errors than maxErrorsPerFile (100). The first ones are shown, and this line says \
            how many more there were; fix those first, as many of the rest may follow from them.
            """,
            """
            Een bestand bevat meer fouten dan maxErrorsPerFile (100). De eerste worden getoond, en deze \
            melding zegt hoeveel er nog waren; herstel eerst die, want veel van de rest kan eruit volgen.
            """),
        "explainCode.when.E906": (
            """
            A file or directory named on the command line does not exist or cannot be read, or a directory \
            holds no *.covenant files.
            """,
            """
            Een bestand of map op de opdrachtregel bestaat niet of kan niet worden gelezen, of een map bevat \
            geen *.covenant-bestanden.
            """),
        "explainCode.when.E907": (
            """
            A `when` or `unless` condition mentions more distinct facts than maxConditionFacts (32), or has \
            more `and`/`or` operators than maxConditionTerms (256). The exact analysis weighs every \
            combination of the facts' values, so such a condition is refused rather than analysed in part: \
            split the rule.
            """,
            """
            Een voorwaarde (`wanneer` of `tenzij`) noemt meer verschillende feiten dan maxConditionFacts (32), \
            of bevat meer `en`/`of` dan maxConditionTerms (256). De exacte analyse weegt elke combinatie van \
            de waarden van de feiten, dus zo'n voorwaarde wordt geweigerd in plaats van half geanalyseerd: \
            splits de regel.
            """),
        "explainCode.when.A101": (
            """
            A rule never decides any query: no query is in its scope (an empty group, say), its condition \
            never holds where it is in scope (`risk and not risk`), or whenever it applies an exception \
            defeats it. Found by the exact analysis over every party, category, purpose and fact value.
            """,
            """
            Een regel beslist geen enkele vraag: geen vraag valt binnen haar bereik (bijvoorbeeld door een \
            lege groep), haar voorwaarde is nooit waar waar zij zou gelden (`risico en niet risico`), of \
            telkens als zij geldt, gaat een uitzondering voor. Gevonden door de exacte analyse over elke \
            partij, gegevenscategorie, elk doel en elke waarde van de feiten.
            """),
        "explainCode.when.A102": (
            """
            A permit never decides: whenever it applies, a forbid it is no exception to applies too, and a \
            forbid wins. The witness is a query where this happens. If the permit is meant to win, declare it \
            an `exception to` the forbid.
            """,
            """
            Een regel die toestaat, beslist nooit: telkens als zij geldt, geldt ook een verbod waarop zij geen \
            uitzondering is, en een verbod gaat voor. De getuige is een vraag waarin dat gebeurt. Moet de \
            regel voorgaan, maak haar dan een `uitzondering op` het verbod.
            """),
        "explainCode.when.A103": (
            """
            Two permits apply to the same query and differ in their legal bases or obligations, so the \
            decision carries both. The witness is such a query. Often this is meant (acknowledge it with the \
            reason); otherwise keep the rules from overlapping.
            """,
            """
            Twee regels die toestaan, gelden voor dezelfde vraag en verschillen in grondslag of \
            verplichtingen, zodat de beslissing ze allebei draagt. De getuige is zo'n vraag. Vaak is dat de \
            bedoeling (aanvaard de bevinding dan met de reden); laat de regels anders niet overlappen.
            """),
        "explainCode.when.A104": (
            """
            A rule is declared an exception to another, but their senders, recipients, categories or purposes \
            do not overlap, so the exception can never defeat its target.
            """,
            """
            Een regel is een uitzondering op een andere, maar hun verstrekkers, ontvangers, \
            gegevenscategorieën of doelen overlappen niet, zodat de uitzondering nooit kan voorgaan.
            """),
        "explainCode.when.A105": (
            """
            A party, group, category, purpose, fact, basis or obligation is declared, but no rule uses it.
            """,
            """
            Een partij, groep, gegevenscategorie, doel, feit, grondslag of verplichting is gedefinieerd, maar \
            geen regel gebruikt haar.
            """),
        "explainCode.when.A106": (
            """
            The exact analysis has a work bound (4,096 fact combinations per case, 40,000,000 rule evaluations \
            per file). What it could not finish is reported in this note, never guessed: no dead-rule or \
            override finding is reported for those rules.
            """,
            """
            De exacte analyse heeft een rekengrens (4.096 combinaties van feiten per geval, 40.000.000 \
            regelevaluaties per bestand). Wat zij niet kon afmaken, staat in deze notitie en wordt nooit \
            geraden: voor die regels worden geen bevindingen over regels die nooit beslissen of altijd wijken \
            gemeld.
            """),
        "explainCode.when.L222": (
            """
            The covenant declares a category of nature `identity` (name, address, BSN), and a permit lets \
            what-information go from a sender to a recipient for a purpose in a case (fact values) in which \
            no identity category may go the same way. The recipient then holds content about a person it may \
            not know: incoherent, unless the case is discussed anonymously on purpose (seed 004 §3.4), which \
            an acknowledgement with a reason records. The search is exact within the review's work bound; \
            the witness is the content query.
            """,
            """
            Het convenant kent een gegevenscategorie met aard `identiteit` (naam, adres, BSN), en een regel laat \
            wat-informatie van een verstrekker naar een ontvanger gaan voor een doel in een geval (waarden van \
            de feiten) waarin geen enkele identiteitscategorie dezelfde weg mag gaan. De ontvanger heeft dan \
            inhoud over een persoon die hij niet mag kennen: onsamenhangend, tenzij de casus bewust anoniem \
            wordt besproken (bron 004 §3.4), wat een aanvaarding met een reden vastlegt. De zoektocht is \
            exact binnen de rekengrens van de toetsing; de voorbeeldvraag is de vraag naar de inhoud.
            """),
        "explainCode.when.L223": (
            """
            A `// covenant:allow CODE "reason"` comment accepts no finding: the declaration it covers (the one \
            it stands in or, outside any, the next) has no finding of that code, or the code is not one of the \
            review's (A1xx, L2xx, G1xx). Usually the rule was changed and the finding went away, or the \
            comment moved away from its declaration. A stale acknowledgement would silently accept a new \
            finding of its code in that declaration.
            """,
            """
            Een commentaar `// covenant:allow CODE "reden"` aanvaardt geen enkele bevinding: de bepaling waar \
            het bij hoort (de bepaling waarin het staat of, daarbuiten, de volgende) heeft geen bevinding met \
            die code, of de code is geen code van de toetsing (A1xx, L2xx, G1xx). Meestal is de regel \
            gewijzigd en de bevinding verdwenen, of is het commentaar van zijn bepaling weggeraakt. Een \
            verouderde aanvaarding zou een nieuwe bevinding met die code in die bepaling ongemerkt aanvaarden.
            """),
        "explainCode.when.G101": (
            """
            A `guarantee` of the covenant does not hold: the exact analysis found a case in its scope (a \
            sender, recipient, leaf category and purpose, with fact values that meet its `when`) in which \
            a `never` guarantee is permitted, an `always` guarantee is denied, or a `whenever ... permitted \
            oblige` guarantee is permitted without a promised obligation standing (waived counts as not \
            standing; postponed counts as standing). The witness states as few facts as the search could \
            leave out and can be pasted into `covenantc explain`; the notes name the rules that decide it.
            """,
            """
            Een `waarborg` van het convenant wordt niet nagekomen: de exacte analyse vond een geval binnen \
            haar bereik (een verstrekker, ontvanger, gegevenscategorie en doel, met waarden van de feiten \
            die aan haar `wanneer` voldoen) waarin een `nooit`-waarborg toch wordt toegestaan, een \
            `altijd`-waarborg wordt geweigerd, of een `telkens als ... toegestaan verplicht`-waarborg wordt \
            toegestaan zonder dat een beloofde verplichting geldt (vervallen telt als niet geldend, \
            uitgesteld als geldend). De voorbeeldvraag noemt zo weinig feiten als de zoektocht kon weglaten \
            en kan zo in `covenantc explain` worden geplakt; de opmerkingen noemen de regels die haar beslissen.
            """),
        "explainCode.when.G102": (
            """
            A guarantee's proof reached the work bound (65,536 fact combinations per case, 40,000,000 rule \
            evaluations per file for all guarantees together) before every case was weighed. Nothing is \
            claimed: the guarantee is neither reported as holding nor as broken.
            """,
            """
            Het bewijs van een waarborg bereikte de rekengrens (65.536 combinaties van feiten per geval, \
            40.000.000 regelevaluaties per bestand voor alle waarborgen samen) voordat elk geval was gewogen. \
            Er wordt niets beweerd: de waarborg heet niet nagekomen en ook niet geschonden.
            """),
        "explainCode.when.G103": (
            """
            No case in a guarantee's scope meets its `when` (an empty group, a condition that can never \
            hold): the guarantee is kept trivially and promises nothing.
            """,
            """
            Geen enkel geval binnen het bereik van een waarborg voldoet aan haar `wanneer` (een lege groep, \
            een voorwaarde waaraan nooit kan worden voldaan): de waarborg wordt vanzelf nagekomen en belooft \
            niets.
            """),
        "explainCode.when.L201": (
            """
            A permit lets a special category of data (health, criminal, ...: `special` on the category or one \
            above it) be shared on a basis that is not strong enough for it: anything but consent, a law, a \
            vital interest, a legal obligation or a conflict of duties. A public task is not enough.
            """,
            """
            Een regel staat verstrekking toe van bijzondere persoonsgegevens (gezondheid, strafrechtelijk, \
            ...: `bijzonder` bij de categorie of een categorie erboven) op een grondslag die daarvoor niet \
            sterk genoeg is: iets anders dan toestemming, een wet, een vitaal belang, een wettelijke \
            verplichting of een conflict van plichten. Een publieke taak is niet genoeg.
            """),
        "explainCode.when.L202": (
            """
            A permit rests on a basis of kind consent, but its condition can hold when the subject has not \
            given valid consent: it does not require the consent fact's `valid` value (or the covenant \
            declares no consent fact at all).
            """,
            """
            Een regel rust op een grondslag van de soort toestemming, maar haar voorwaarde kan gelden terwijl \
            betrokkene geen geldige toestemming heeft gegeven: zij vereist de `geldig`-waarde van het \
            toestemmingsfeit niet (of het convenant kent geen toestemmingsfeit).
            """),
        "explainCode.when.L203": (
            """
            A permit resting on consent can apply to a child under 12 without the consent of the parent with \
            authority (the representative), or to a subject of 12 to 15 without both their own and the \
            representative's consent; or, in a covenant without an age role, it does not say for which ages \
            the subject's own consent counts.
            """,
            """
            Een regel die op toestemming rust, kan gelden voor een kind onder de 12 zonder toestemming van de \
            gezaghebbende ouder (de vertegenwoordiger), of voor iemand van 12 tot en met 15 zonder de \
            toestemming van beiden; of, in een convenant zonder rol leeftijd, zegt zij niet voor welke \
            leeftijd de eigen toestemming telt.
            """),
        "explainCode.when.L204": (
            """
            A permit shares without consent on an exceptional ground (a basis of kind vital_interest or \
            conflict_of_duties) but does not oblige recording the decision (an obligation of kind record).
            """,
            """
            Een regel staat verstrekking zonder toestemming toe op een uitzonderingsgrond (een grondslag van \
            de soort vitaal_belang of conflict_van_plichten), maar verplicht niet tot het vastleggen van het \
            besluit (een verplichting van de soort vastleggen).
            """),
        "explainCode.when.L205": (
            """
            A permit shares without consent on an exceptional ground but does not oblige informing the subject \
            (an obligation of kind inform). The duty may be postponed (`postponed while`), waived for weighty \
            reasons (`unless`), or come `after`, in a crisis; but it must be there.
            """,
            """
            Een regel staat verstrekking zonder toestemming toe op een uitzonderingsgrond, maar verplicht niet \
            tot het informeren van betrokkene (een verplichting van de soort informeren). Die plicht mag \
            worden uitgesteld (`uitgesteld zolang`), om zwaarwegende redenen vervallen (`tenzij`) of in een \
            crisis `achteraf` komen; maar zij moet er staan.
            """),
        "explainCode.when.L206": (
            """
            A permit shares personal data routinely on a basis of kind public_task or legal_obligation without \
            obliging that the subject is informed. Handing data to one's own processor, and aggregate data, \
            need no duty to inform.
            """,
            """
            Een regel staat routinematige verstrekking van persoonsgegevens toe op een grondslag van de soort \
            publieke_taak of wettelijke_plicht, zonder dat betrokkene wordt geïnformeerd. Verstrekking aan de \
            eigen verwerker en gecumuleerde gegevens vragen geen informatieplicht.
            """),
        "explainCode.when.L207": (
            """
            A permit rests on consent for sharing by a government party: a party of kind government, a \
            controller, or one acting for either. Where the VNG factsheet does ask for specific consent (to \
            break medical secrecy, in the Wmo cases it lists), acknowledge the finding with that reason.
            """,
            """
            Een regel rust op toestemming voor verstrekking door een overheidspartij: een partij van de soort \
            overheid, een verantwoordelijke, of een partij die namens een van beide handelt. Waar de \
            VNG-factsheet wel specifieke toestemming vraagt (om het medisch beroepsgeheim te doorbreken, in de \
            Wmo-gevallen die zij noemt), aanvaard de bevinding dan met die reden.
            """),
        "explainCode.when.L208": (
            """
            A permit lets care parties (of kind care, or with professional or medical secrecy) give \
            what-information to enforcement (police, prosecutors) on a basis other than a law, a legal \
            obligation, a vital interest or a conflict of duties; for a purpose of kind enforcement only a law \
            or a legal obligation will do.
            """,
            """
            Een regel laat zorgpartijen (van de soort zorg, of met beroeps- of medisch geheim) wat-informatie \
            geven aan handhaving (politie, OM) op een andere grondslag dan een wet, een wettelijke \
            verplichting, een vitaal belang of een conflict van plichten; voor een doel van de soort \
            handhaving volstaat alleen een wet of een wettelijke verplichting.
            """),
        "explainCode.when.L209": (
            """
            A party with a closed regime (`regime closed \"law\" for P1, P2`), such as the police under the \
            Wet politiegegevens, is permitted to share for a purpose its law does not list.
            """,
            """
            Een partij met een gesloten regime (`regime gesloten \"wet\" voor D1, D2`), zoals de politie onder \
            de Wet politiegegevens, mag verstrekken voor een doel dat haar wet niet noemt.
            """),
        "explainCode.when.L210": (
            """
            A permit grants a whole data tree (a category with all its subcategories) or any purpose (`for \
            any`) to recipients outside the senders' own domain. Name the categories and purposes that are \
            needed.
            """,
            """
            Een regel staat een hele gegevensboom (een categorie met al haar subcategorieën) of ieder doel \
            (`voor iedere`) toe aan ontvangers buiten het domein van de verstrekkers. Noem de categorieën en \
            doelen die nodig zijn.
            """),
        "explainCode.when.L211": (
            """
            A leaf category (one without subcategories) has no `retention`, and no category above it has one \
            to inherit.
            """,
            """
            Een onderste gegevenscategorie (zonder subcategorieën) heeft geen `bewaartermijn`, en geen \
            categorie erboven heeft er een die zij kan erven.
            """),
        "explainCode.when.L212": (
            """
            Every permit of the covenant requires consent: it never says in which cases data is shared without \
            consent, which a covenant must describe.
            """,
            """
            Elke regel van het convenant vereist toestemming: het zegt nergens in welke gevallen zonder \
            toestemming gegevens worden verstrekt, terwijl een convenant dat moet beschrijven.
            """),
        "explainCode.when.L213": (
            """
            The covenant has no `test` blocks. Tests state, case by case, what the covenant must answer, and \
            `covenantc test` runs them in CI.
            """,
            """
            Het convenant bevat geen `test`-blokken. Tests leggen per geval vast wat het convenant moet \
            antwoorden, en `covenantc test` voert ze uit in CI.
            """),
        "explainCode.when.L214": (
            """
            A permit rests on a vital interest or a conflict of duties for a purpose that is not about danger: \
            a purpose of another kind than safety (or, for a vital interest, public_health).
            """,
            """
            Een regel rust op een vitaal belang of een conflict van plichten voor een doel dat niet over \
            gevaar gaat: een doel van een andere soort dan veiligheid (of, bij een vitaal belang, \
            volksgezondheid).
            """),
        "explainCode.when.L215": (
            """
            A permit for a purpose of kind accountability shares categories that are not of aggregate nature, \
            that is, personal data.
            """,
            """
            Een regel voor een doel van de soort verantwoording deelt gegevens die niet van geaggregeerde aard \
            zijn, dus persoonsgegevens.
            """),
        "explainCode.when.L216": (
            """
            An obligation's `unless` holds in every case where its rule applies, so the obligation is never \
            owed. To hold a duty back while something lasts, write `postponed while` instead.
            """,
            """
            De `tenzij` van een verplichting geldt in elk geval waarin de regel van toepassing is, zodat de \
            verplichting nooit geldt. Om een plicht op te schorten zolang iets duurt, schrijf dan `uitgesteld \
            zolang`.
            """),
        "explainCode.when.L217": (
            """
            A party declared `processor for P` is permitted to share with someone other than P (or a party \
            acting for P).
            """,
            """
            Een partij die `verwerker voor P` is, mag verstrekken aan een ander dan P (of een partij die \
            namens P handelt).
            """),
        "explainCode.when.L218": (
            """
            A party with a closed regime that names its recipients (`regime closed \"law\" for P to G`) is \
            permitted to share with a party outside G.
            """,
            """
            Een partij met een gesloten regime dat de ontvangers noemt (`regime gesloten \"wet\" voor D aan \
            G`), mag verstrekken aan een partij buiten G.
            """),
        "explainCode.when.L219": (
            """
            The covenant's `valid ... until` date has passed, or falls within 90 days of today (`--date` sets \
            today). Outside its validity the covenant denies every query.
            """,
            """
            De einddatum van het convenant (`geldig ... tot`) is verstreken, of valt binnen 90 dagen na \
            vandaag (`--date` bepaalt vandaag). Buiten zijn geldigheid weigert het convenant elke vraag.
            """),
        "explainCode.when.L221": (
            """
            A literate covenant (`*.covenant.md`) does not state one of the nine elements seed 004 §5 asks every \
            covenant to state: no section of its text is marked for it with `<!-- covenant: §5 c -->` (or the \
            marked section is empty), and for a, b, e and f the rules do not state it either. One finding for \
            each missing element, at the covenant header.
            """,
            """
            Een convenantdocument (`*.covenant.md`) vermeldt een van de negen punten niet waar bron 004 §5 in elk \
            convenant om vraagt: geen paragraaf van de tekst is ervoor gemarkeerd met `<!-- covenant: §5 c -->` \
            (of de gemarkeerde paragraaf is leeg), en bij a, b, e en f regelen ook de bepalingen het niet. Eén \
            melding voor elk ontbrekend punt, bij de kop van het convenant.
            """),
        "explainCode.when.L220": (
            """
            The covenant declares no legal role (no `role` on a fact, no `kind` on a purpose or obligation), \
            so the review guesses from names which fact is consent or age and which obligation informs or \
            records. The note names the declarations that would make the review exact.
            """,
            """
            Het convenant legt geen juridische rollen vast (geen `rol` bij een feit, geen `soort` bij een doel \
            of verplichting), dus de toets leidt uit namen af welk feit de toestemming of de leeftijd is en \
            welke verplichting informeert of vastlegt. De notitie noemt de declaraties die de toets exact \
            zouden maken.
            """),
    ]
}
