// swift-format-ignore-file
// A catalogue of words: one entry per line, the English beside the Dutch for a translator.

import CovenantEval

extension CommandWords {
    /// `covenantc --help` and every command's `--help`, in the language.
    static func help(_ command: String, _ language: Language) -> String {
        switch command {
        // `query` and `explain` share their help but for what they print.
        case "query", "explain": text("help.ask", language, command, text("help.\(command).what", language))
        default: text("help.\(command)", language)
        }
    }

    /// The usage, the one-line summaries and the help of every command. The Dutch is written
    /// for a municipal lawyer: the options and their values stay as they are typed.
    static let helpEntries: [String: (en: String, nl: String)] = [
        // {0} is the version, {1} the list of commands with their summaries.
        "help.usage": ("""
            covenantc {0} — privacy covenants for the Dutch social domain, checked and compiled.

            Usage: covenantc <command> [options] [arguments]

            Commands:
            {1}

            Run 'covenantc <command> --help' for a command's options.
            --lang en|nl, anywhere on the command line, chooses English or Dutch (default: the
            covenant's language, else COVENANT_LANG, else English).
            Exit codes: 0 success, 1 problems found, 2 usage error.

            """, """
            covenantc {0} — privacyconvenanten voor het sociaal domein, gecontroleerd en omgezet in beslistabellen.

            Gebruik: covenantc <opdracht> [opties] [argumenten]

            Opdrachten:
            {1}

            'covenantc <opdracht> --help' toont de opties van een opdracht.
            --lang en|nl, waar ook op de opdrachtregel, kiest Engels of Nederlands (standaard: de
            taal van het convenant, anders COVENANT_LANG, anders Engels).
            Afsluitcodes: 0 gelukt, 1 problemen gevonden, 2 verkeerd gebruik.

            """),

        "summary.check": ("check covenants for errors", "convenanten op fouten controleren"),
        "summary.compile": ("compile a covenant into a decision table (JSON)", "een convenant omzetten in een beslistabel (JSON)"),
        "summary.query": ("ask whether sharing is permitted", "vragen of een verstrekking is toegestaan"),
        "summary.explain": ("explain a decision", "een beslissing toelichten"),
        "summary.eval": ("decide JSON queries from standard input (NDJSON)", "vragen in JSON (NDJSON) van de standaardinvoer beslissen"),
        "summary.test": ("run the test blocks of covenants", "de testblokken van convenanten uitvoeren"),
        "summary.fmt": ("print covenants in the canonical layout (English or Dutch)",
                        "convenanten in de vaste opmaak afdrukken (Engels of Nederlands)"),
        "summary.diff": ("compare the behaviour of two versions of a covenant", "vergelijken wat twee versies van een convenant beslissen"),
        "summary.export": ("translate a covenant to a Cedar policy set or a Rego policy",
                           "een convenant vertalen naar beleid voor Cedar of Rego"),
        "summary.log": ("record events in a decision log, or verify one", "gebeurtenissen in een beslislog vastleggen, of een log controleren"),
        "summary.report": ("the yearly account over decision logs, and overdue duties",
                           "de jaarlijkse verantwoording over beslislogs, en verstreken termijnen"),

        "help.check": ("""
            Usage: covenantc check [options] FILE|DIR...

            Parses, resolves and type-checks each covenant file (a directory means every
            *.covenant file below it), then reviews a covenant without errors: the exact rule
            analysis (A1xx: dead rules, overridden permits, overlapping permits, exceptions that
            cannot fire, unused declarations, each with a witness query) and the legal lints
            (L2xx, each citing its principle and seed). Diagnostics are printed as
              file:line:col: error[CODE]: message
            with the source line, a caret under the exact place, and help where a fix is known.
            A comment '// covenant:allow CODE "reason"' before or inside a declaration
            acknowledges its findings of that code: they are not counted, and in text output
            summed up in one line (--verbose shows each; json and sarif always carry them).

            Options:
              --format text|json|sarif   output format (default: text); json prints one object
                                         with "diagnostics" and "summary"; sarif is SARIF 2.1.0
              --warnings-as-errors       exit 1 on warnings too
              --disable CODE             do not report CODE (repeatable)
              --quiet                    print only the diagnostics, not the summary lines
              --verbose                  also print each acknowledged finding in full
              --date YYYY-MM-DD          today, for the expiry warning L219 (default: today in
                                         the Netherlands; set it for reproducible CI)
              --lang en|nl               the language of the messages (default: the covenant's,
                                         else COVENANT_LANG, else English)
              -h, --help                 show this help

            Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.

            """, """
            Gebruik: covenantc check [opties] BESTAND|MAP...

            Leest elk convenantbestand (een map staat voor alle *.covenant-bestanden daarin),
            controleert de namen en de typen, en beoordeelt daarna elk convenant zonder fouten:
            de exacte analyse van de regels (A1xx: regels die nooit beslissen, regels die
            verstrekking toestaan maar altijd wijken voor een verbod of elkaar overlappen,
            uitzonderingen die nooit van toepassing kunnen zijn en ongebruikte bepalingen, elk
            met een voorbeeldvraag) en de juridische toetsen (L2xx, elk met het beginsel en de
            bron waarop zij berusten). Meldingen verschijnen als
              bestand:regel:kolom: fout[CODE]: melding
            met de tekstregel uit het bestand, een dakje onder de precieze plaats en een tip
            waar een oplossing bekend is. Commentaar '// covenant:allow CODE "reden"' vóór of in
            een bepaling aanvaardt de bevindingen met die code: ze tellen niet mee en worden in
            de tekstuitvoer op één regel samengevat (--verbose toont ze elk; json en sarif
            bevatten ze altijd).

            Opties:
              --format text|json|sarif   uitvoervorm (standaard: text); json geeft één object met
                                         "diagnostics" en "summary"; sarif is SARIF 2.1.0
              --warnings-as-errors       ook bij waarschuwingen afsluiten met 1
              --disable CODE             CODE niet melden (mag vaker worden opgegeven)
              --quiet                    alleen de meldingen, zonder de samenvattende regels
              --verbose                  ook elke aanvaarde bevinding voluit tonen
              --date JJJJ-MM-DD          de datum van vandaag, voor waarschuwing L219 over het
                                         aflopen van het convenant (standaard: vandaag in
                                         Nederland; geef de datum op voor reproduceerbare CI)
              --lang en|nl               de taal van de meldingen (standaard: die van het
                                         convenant, anders COVENANT_LANG, anders Engels)
              -h, --help                 deze hulp tonen

            Afsluitcodes: 0 geen fouten (waarschuwingen mogen), 1 fouten gevonden, 2 verkeerd
            gebruik.

            """),

        "help.compile": ("""
            Usage: covenantc compile FILE [-o OUT.json] [--format json|binary]

            Checks FILE and writes its decision table as versioned JSON with a SHA-256
            integrity hash (the format is in docs/formats.md). Without -o the table goes to
            standard output. The output file is written atomically: a temporary file, flushed,
            then renamed, so an interrupted run never leaves half a table.

            Options:
              -o, --output FILE   where to write the table
              --format json|binary  JSON (default; the interchange format) or binary: the
                                  same table with a SHA-256 hash, loaded straight into
                                  memory without parsing (the fastest to load; every
                                  command that reads a table reads either form)
              --lang en|nl        the language of the messages (default: the covenant's, else
                                  COVENANT_LANG, else English)
              -h, --help          show this help

            Exit codes: 0 written, 1 the covenant has errors or the file cannot be written,
            2 usage error.

            """, """
            Gebruik: covenantc compile BESTAND [-o UIT.json] [--format json|binary]

            Controleert BESTAND en schrijft de beslistabel ervan als JSON, met een
            versienummer en een SHA-256-hash waarmee de inhoud te controleren is (het formaat
            staat in docs/formats.md). Zonder -o gaat de tabel naar de standaarduitvoer. Het bestand
            wordt in één keer geschreven: eerst een tijdelijk bestand, dat naar de schijf wordt
            geschreven en dan wordt hernoemd, zodat een onderbroken opdracht nooit een halve
            tabel achterlaat.

            Opties:
              -o, --output BESTAND   waar de tabel heen moet
              --format json|binary   JSON (standaard; het uitwisselformaat) of binary
                                     (binair): dezelfde tabel met een SHA-256-hash, die zonder
                                     ontleden rechtstreeks in het geheugen wordt geladen (laadt
                                     het snelst; elke opdracht die een beslistabel leest, kan
                                     beide vormen lezen)
              --lang en|nl           de taal van de meldingen (standaard: die van het
                                     convenant, anders COVENANT_LANG, anders Engels)
              -h, --help             deze hulp tonen

            Afsluitcodes: 0 geschreven, 1 het convenant bevat fouten of het bestand kan niet
            worden geschreven, 2 verkeerd gebruik.

            """),

        // The help of `query` and `explain`: {0} is the command, {1} what it prints.
        "help.ask": ("""
            Usage: covenantc {0} FILE "SENDER -> RECIPIENT share CATEGORY for PURPOSE [given FACT = VALUE, ...]"
                   covenantc {0} FILE --from SENDER --to RECIPIENT --share CATEGORY --for PURPOSE [--fact FACT=VALUE ...]

            {1}
            FILE is a covenant, or a table written by 'covenantc compile'. The query is written as
            in a test block, with English or Dutch keywords.

            Options:
              --format text|json   output format (default: text); json is the wire format of 'eval'
              --from, --to, --share, --for, --fact   the query as flags instead of text
              --source COVENANT    refuse a compiled table unless it was compiled from COVENANT
                                   as the file is now (its SHA-256 is recorded in the table)
              --date YYYY-MM-DD    decide as on this day (default: today in the Netherlands; a
                                   query text may also say 'on YYYY-MM-DD')
              --lang en|nl         the language of the answer (default: the covenant's, else
                                   COVENANT_LANG, else English)
              -h, --help           show this help

            Exit codes: 0 answered (permit or deny), 1 the query or the covenant has errors,
            2 usage error.

            """, """
            Gebruik: covenantc {0} BESTAND "VERSTREKKER -> ONTVANGER deel CATEGORIE voor DOEL [met FEIT = WAARDE, ...]"
                     covenantc {0} BESTAND --from VERSTREKKER --to ONTVANGER --share CATEGORIE --for DOEL [--fact FEIT=WAARDE ...]

            {1}
            BESTAND is een convenant, of een beslistabel die 'covenantc compile' heeft
            geschreven. De vraag schrijft u zoals in een testblok, met Nederlandse of Engelse
            sleutelwoorden.

            Opties:
              --format text|json   uitvoervorm (standaard: text); json is het berichtformaat van
                                   'eval'
              --from, --to, --share, --for, --fact   de vraag in losse opties in plaats van als tekst
              --source CONVENANT   weiger een beslistabel, tenzij die is gemaakt uit CONVENANT
                                   zoals het bestand nu is (de tabel vermeldt de SHA-256 ervan)
              --date JJJJ-MM-DD    beslis alsof het die dag is (standaard: vandaag in Nederland;
                                   de vraag kan ook zelf 'op JJJJ-MM-DD' zeggen)
              --lang en|nl         de taal van het antwoord (standaard: die van het convenant,
                                   anders COVENANT_LANG, anders Engels)
              -h, --help           deze hulp tonen

            Afsluitcodes: 0 beantwoord (toegestaan of geweigerd), 1 de vraag of het convenant
            bevat fouten, 2 verkeerd gebruik.

            """),
        "help.query.what": ("""
            Prints the decision: permit or deny, the deciding rules (or that nothing permits it),
            the legal bases, the obligations with their timing and waivers, and missing facts.
            """, """
            Toont de beslissing: toegestaan of geweigerd, de regels die beslissen (of dat geen
            regel de verstrekking toestaat), de grondslagen, de verplichtingen met hun tijdstip
            en wanneer ze vervallen, en de feiten die ontbreken.
            """),
        "help.explain.what": ("""
            Prints the decision and why: every rule in scope, how its condition came out on
            which fact values, which exception defeated which rule, and for a deny the smallest
            changes of fact values that would make it a permit.
            """, """
            Toont de beslissing en waarom: elke regel die op de verstrekking ziet, of aan de
            voorwaarde is voldaan en bij welke feiten, welke uitzondering welke regel opzijzet,
            en bij een weigering de kleinste wijzigingen van de feiten waarmee de verstrekking
            wel zou zijn toegestaan.
            """),

        "help.eval": ("""
            Usage: covenantc eval [options] FILE < queries.ndjson

            Reads one JSON query per line:
              {"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support",
               "facts": {"consent": "given", "age": 30}, "at": "2026-03-01", "id": "c-17"}
            ("at" and "id" are optional; any other key is an error) and writes one JSON
            decision per line, in the same order:
              {"id":"c-17","effect":"permit","decidedBy":["medisch"],"bases":["consented"],
               "obligations":[{"id":"record","by":"sender","kind":"other","timing":null,
               "waived":false,"postponed":false}],"missingFacts":[],
               "reason":"permitted by rule medisch","inForce":true,"at":"2026-03-01",
               "table":{"sha256":"...","version":"2025.1"}}
            A query is decided for its "at" date, else for --date, else for today in the
            Netherlands; outside the covenant's validity it is denied with "inForce": false.
            A line that cannot be decided (not JSON, unknown key or name, bad value or date,
            an empty line) gets {"id": ..., "error": "...", "kind": "..."} and the stream goes
            on: one answer per line, always.
            FILE is a covenant or a table written by 'covenantc compile'.

            Options:
              --source COVENANT      refuse a compiled table unless it was compiled from
                                     COVENANT as the file is now (its SHA-256 is in the table)
              --date YYYY-MM-DD      decide the queries without "at" as on this day (default:
                                     today in the Netherlands)
              --lang en|nl           the language of "reason", "waivedBecause",
                                     "postponedBecause" and "error" (default: the covenant's,
                                     else COVENANT_LANG, else English); keys and ids never change
              --threads N            answer on N threads (1 to 64, default 1); the answers come
                                     in the order of the queries; not with --log. Output is
                                     written in large blocks, and whenever the input pauses, so
                                     a service that waits for each answer gets it at once
              -h, --help             show this help

            Decision log (see 'covenantc log --help' and 'covenantc report --help'):
              --log LOG              append every decision to LOG, a hash-chained NDJSON log;
                                     each decision then carries "log": {"seq", "record"}, the
                                     record's hash that events (objections, fulfilled duties)
                                     refer to. The query's "id" is logged as the case reference:
                                     make it an opaque number, never a name or a BSN.
              --fsync always|never|MS  write to disk after every record, never (the system
                                     decides), or at most every MS milliseconds (default 1000)
              --rotate-size BYTES    start a new file when the log would pass BYTES
              --rotate-period day|month  start a new file each UTC day or month

            Exit codes: 0 the stream was processed, 1 FILE has errors, 2 usage error.

            """, """
            Gebruik: covenantc eval [opties] BESTAND < vragen.ndjson

            Leest per regel één vraag in JSON:
              {"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support",
               "facts": {"consent": "given", "age": 30}, "at": "2026-03-01", "id": "c-17"}
            ("at" en "id" mogen ontbreken; elke andere sleutel is een fout) en schrijft per regel
            één beslissing in JSON, in dezelfde volgorde:
              {"id":"c-17","effect":"permit","decidedBy":["medisch"],"bases":["consented"],
               "obligations":[{"id":"record","by":"sender","kind":"other","timing":null,
               "waived":false,"postponed":false}],"missingFacts":[],
               "reason":"toegestaan op grond van regel medisch","inForce":true,"at":"2026-03-01",
               "table":{"sha256":"...","version":"2025.1"}}
            Een vraag wordt beslist voor de datum in "at", anders voor --date, anders voor
            vandaag in Nederland; buiten de geldigheidsduur van het convenant wordt de
            verstrekking geweigerd met "inForce": false. Een invoerregel die niet kan worden
            beslist (geen JSON, onbekende sleutel of naam, onjuiste waarde of datum, een lege
            regel) krijgt {"id": ..., "error": "...", "kind": "..."} en de verwerking gaat door:
            altijd één antwoord per invoerregel.
            BESTAND is een convenant of een beslistabel van 'covenantc compile'.

            Opties:
              --source CONVENANT     weiger een beslistabel, tenzij die is gemaakt uit CONVENANT
                                     zoals het bestand nu is (de tabel vermeldt de SHA-256)
              --date JJJJ-MM-DD      beslis de vragen zonder "at" alsof het die dag is
                                     (standaard: vandaag in Nederland)
              --lang en|nl           de taal van "reason", "waivedBecause", "postponedBecause"
                                     en "error" (standaard: die van het convenant, anders
                                     COVENANT_LANG, anders Engels); sleutels en namen
                                     veranderen nooit
              --threads N            beantwoord de vragen met N threads (1 tot en met 64,
                                     standaard 1); de antwoorden komen in dezelfde volgorde als
                                     de vragen; niet te combineren met --log. De uitvoer wordt
                                     in grote blokken geschreven, en
                                     telkens als de invoer stilvalt, zodat een dienst die op elk
                                     antwoord wacht het meteen krijgt
              -h, --help             deze hulp tonen

            Beslislog (zie 'covenantc log --help' en 'covenantc report --help'):
              --log LOG              voeg elke beslissing toe aan LOG, een NDJSON-log waarin elk
                                     record de hash van het vorige bevat; elke beslissing krijgt
                                     dan "log": {"seq", "record"}: de hash van haar record, waar
                                     latere gebeurtenissen (bezwaren, nagekomen verplichtingen)
                                     naar verwijzen. Het "id" van de vraag komt als zaakkenmerk
                                     in het log: maak het een nietszeggend nummer, nooit een naam
                                     of een BSN.
              --fsync always|never|MS  schrijf naar de schijf na elk record, nooit (het systeem
                                     bepaalt het), of hooguit elke MS milliseconden (standaard
                                     1000)
              --rotate-size BYTES    begin een nieuw bestand als het log groter zou worden dan
                                     BYTES
              --rotate-period day|month  begin elke UTC-dag of elke maand een nieuw bestand

            Afsluitcodes: 0 de invoer is verwerkt, 1 BESTAND bevat fouten, 2 verkeerd gebruik.

            """),

        "help.test": ("""
            Usage: covenantc test [options] FILE|DIR...

            Runs every test block: the query, and the expectations it states — the decision
            (permit or deny), the deciding rules (by), the exact set of standing obligations
            (oblige), of waived (waived) and of postponed obligations (postponed), each
            optionally with who acts ('oblige recipient inform'), and of missing facts
            (missing). A test whose query says no date ('on YYYY-MM-DD') is decided on the
            covenant's first day of validity, or on --date. Prints one line per failing test:
              file:line:col: FAIL "title": expected ...; got ... (reason)
            and closes with the line 'N passed, N failed'.

            Options:
              --coverage   list the rules that no test exercises (a rule is exercised when it
                           decides, or is defeated by an exception, in some test)
              --date YYYY-MM-DD   decide the tests that name no date as on this day
              --filter TEXT  run only the tests whose title contains TEXT (any case)
              --verbose      also print a line for each test that passes
              --format text|json|junit   output format (default: text); json is one object
                           with each file's tests, coverage and a summary; junit is JUnit XML
                           for CI systems (a covenant with errors is a suite with one error)
              --lang en|nl   the language of the report (default: the covenant's, else
                           COVENANT_LANG, else English); expectations are repeated in the
                           covenant's own keywords
              -h, --help   show this help

            Exit codes: 0 every test passed, 1 a test failed or a covenant has errors,
            2 usage error.

            """, """
            Gebruik: covenantc test [opties] BESTAND|MAP...

            Voert elk testblok uit: de vraag, en wat het blok verwacht — de beslissing
            (toegestaan of geweigerd), de regels die beslissen (door), precies welke
            verplichtingen gelden (verplicht), welke vervallen (vervallen) en welke worden
            uitgesteld (uitgesteld), elk eventueel met wie moet handelen ('verplicht ontvanger
            inform'), en welke feiten ontbreken (ontbrekend). Een test waarvan de vraag geen
            datum noemt ('op JJJJ-MM-DD') wordt beslist op de eerste dag waarop het convenant
            geldt, of op --date. In een convenant met Engelse sleutelwoorden heten deze woorden
            permit, deny, by, oblige, waived, postponed, missing en on.
            Elke mislukte test krijgt één regel:
              bestand:regel:kolom: MISLUKT "titel": verwacht ...; uitkomst ... (reden)
            en het verslag sluit af met de regel 'N geslaagd, N mislukt'.

            Opties:
              --coverage          noem de regels die in geen enkele test aan bod komen (een
                                  regel komt aan bod als hij in een test beslist, of daarin
                                  door een uitzondering opzij wordt gezet)
              --date JJJJ-MM-DD   beslis de tests die geen datum noemen alsof het die dag is
              --filter TEKST      voer alleen de tests uit waarvan de titel TEKST bevat
                                  (ongeacht hoofdletters)
              --verbose           ook een regel tonen voor elke geslaagde test
              --format text|json|junit   uitvoervorm (standaard: text); json is één object met
                                  per bestand de tests, de dekking en een samenvatting; junit is
                                  JUnit-XML voor CI-systemen (een convenant met fouten is een
                                  testsuite met één fout)
              --lang en|nl        de taal van het verslag (standaard: die van het convenant,
                                  anders COVENANT_LANG, anders Engels); wat een test verwacht,
                                  staat er altijd in de sleutelwoorden van het convenant zelf
              -h, --help          deze hulp tonen

            Afsluitcodes: 0 alle tests geslaagd, 1 een test is mislukt of een convenant bevat
            fouten, 2 verkeerd gebruik.

            """),

        "help.fmt": ("""
            Usage: covenantc fmt [--write | --check] [--lang en|nl] FILE|DIR...

            Prints each covenant in the canonical layout, comments kept beside the
            declaration they belong to. A file with syntax errors is not formatted: its errors
            are reported and nothing changes.

            Options:
              --write          rewrite files in place (atomically: a temporary file, flushed,
                               then renamed), only those that change
              --check          change nothing; list the files that are not formatted, exit 1
                               if there are any
              --lang en|nl     print with English or Dutch keywords (default: the file's own);
                               unlike elsewhere, --lang here changes the covenant itself (the
                               messages follow it too)
              -h, --help       show this help

            Exit codes: 0 done (or, with --check, every file formatted), 1 a file is not
            formatted, has syntax errors or cannot be written, 2 usage error.

            """, """
            Gebruik: covenantc fmt [--write | --check] [--lang en|nl] BESTAND|MAP...

            Drukt elk convenant af in de vaste opmaak; commentaar blijft staan bij de bepaling
            waar het bij hoort. Een bestand met syntaxfouten wordt niet opgemaakt: de
            fouten worden gemeld en er verandert niets.

            Opties:
              --write          herschrijf de bestanden zelf (in één keer: een tijdelijk bestand,
                               naar de schijf geschreven en dan hernoemd), alleen als ze
                               veranderen
              --check          verander niets; noem de bestanden die niet zijn opgemaakt, en
                               sluit af met 1 als die er zijn
              --lang en|nl     schrijf met Engelse of Nederlandse sleutelwoorden (standaard: die
                               van het bestand zelf); anders dan bij de andere opdrachten
                               verandert --lang hier dus het convenant zelf (ook de meldingen
                               volgen deze taal)
              -h, --help       deze hulp tonen

            Afsluitcodes: 0 klaar (met --check: alle bestanden zijn opgemaakt), 1 een bestand is
            niet opgemaakt, bevat syntaxfouten of kan niet worden geschreven, 2 verkeerd gebruik.

            """),

        "help.diff": ("""
            Usage: covenantc diff [--format text|markdown|json] [--lang en|nl] OLD NEW

            Compares what the two versions decide, not how they are written: every sender,
            recipient, category, purpose and region of fact values whose decision, legal basis
            or obligations differ, grouped into statements such as
              newly permitted: ggz → politie, health, for safety, when safety_risk = true — ...
            with the number of cases each covers. Rules are matched by behaviour: a renamed
            rule that does the same is no change. Markdown is meant for a council proposal.

            Options:
              --format text|markdown|json   output format (default: text)
              --lang en|nl                  the language of text and Markdown (default: the new
                                            version's, else COVENANT_LANG, else English); JSON
                                            keys and change kinds stay English
              -h, --help                    show this help

            Exit codes: 0 the behaviour is identical, 1 it differs (or a version has errors),
            2 usage error.

            """, """
            Gebruik: covenantc diff [--format text|markdown|json] [--lang en|nl] OUD NIEUW

            Vergelijkt wat de twee versies beslissen, niet hoe ze zijn geschreven: elke
            verstrekker, ontvanger en gegevenscategorie, elk doel en elke combinatie van feiten
            waarvoor de beslissing, de grondslag of de verplichtingen verschillen, samengevat in
            uitspraken als
              voortaan toegestaan: ggz → politie, health, voor safety, als safety_risk = ja — ...
            met het aantal gevallen dat elke uitspraak omvat. Regels worden vergeleken op wat ze
            doen: een hernoemde regel die hetzelfde doet, is geen wijziging. Markdown is bedoeld
            als bijlage bij een raadsvoorstel.

            Opties:
              --format text|markdown|json   uitvoervorm (standaard: text)
              --lang en|nl                  de taal van tekst en Markdown (standaard: die van de
                                            nieuwe versie, anders COVENANT_LANG, anders
                                            Engels); de sleutels en de soorten wijziging in
                                            JSON blijven Engels
              -h, --help                    deze hulp tonen

            Afsluitcodes: 0 de versies beslissen hetzelfde, 1 ze beslissen anders (of een versie
            bevat fouten), 2 verkeerd gebruik.

            """),

        "help.export": ("""
            Usage: covenantc export --to cedar|rego [--style indexed|rules] FILE
                                    [-o FILE | --output-dir DIR]

            Translates a checked covenant for Cedar (policies, schema, entities) or Open Policy
            Agent (a Rego policy and its data document). The translations decide as covenantc
            does and name the deciding rules (Cedar: @id annotations; Rego: "decidedBy"); they
            do not carry obligations, waivers, missing-fact reports or explanations, and Cedar
            decides one leaf category per request (the caller asks each leaf of a category).
            Rego can be written in two styles: indexed (the default) is one fixed policy, the
            same for every covenant, with the rules as data indexed by data category and
            purpose, as a Rego author would write it (exceptions at most 7 deep); rules writes
            every rule as Rego rules over the input (slow in interpreters: kept for comparison).

            With --output-dir, writes every file to DIR (created if needed, each atomically):
              cedar: policies.cedar, schema.cedarschema.json, entities.json
              rego:  covenant.rego, data.json
            With -o, writes the policies (Cedar) or the policy (Rego) to FILE; without either,
            prints them.

            Options:
              --to cedar|rego     the target engine
              --style indexed|rules  the Rego style (default indexed)
              -o, --output FILE   write the policies (Cedar) or the policy (Rego) to FILE
              -d, --output-dir DIR   write all files to DIR
              --lang en|nl        the language of the messages (default: the covenant's, else
                                  COVENANT_LANG, else English)
              -h, --help          show this help

            Exit codes: 0 written, 1 the covenant has errors or a file cannot be written,
            2 usage error.

            """, """
            Gebruik: covenantc export --to cedar|rego [--style indexed|rules] BESTAND
                                      [-o BESTAND | --output-dir MAP]

            Vertaalt een gecontroleerd convenant voor Cedar (policies, schema, entiteiten) of
            Open Policy Agent (een Rego-policy met het bijbehorende datadocument). De
            vertalingen beslissen zoals covenantc en noemen de regels die beslissen (Cedar:
            @id-annotaties; Rego: "decidedBy"). Verplichtingen, het vervallen daarvan,
            ontbrekende feiten en toelichtingen gaan niet mee, en Cedar beslist per verzoek
            over één gegevenscategorie zonder onderverdeling (wie naar een categorie vraagt,
            vraagt elke onderliggende categorie afzonderlijk). Voor Rego zijn er twee stijlen:
            indexed (standaard) is één vaste policy, voor elk convenant dezelfde, met de regels
            als gegevens, geïndexeerd naar gegevenscategorie en doel, zoals een Rego-auteur die
            zou schrijven (uitzonderingen hooguit 7 niveaus diep); rules zet elke regel om in
            Rego-regels die rechtstreeks op de invoer werken (traag in interpreters; alleen
            bedoeld ter vergelijking).

            Met --output-dir worden alle bestanden in MAP geschreven (zo nodig aangemaakt, elk
            bestand in één keer):
              cedar: policies.cedar, schema.cedarschema.json, entities.json
              rego:  covenant.rego, data.json
            Met -o worden de policies (Cedar) of de policy (Rego) naar BESTAND geschreven;
            zonder een van beide worden ze afgedrukt.

            Opties:
              --to cedar|rego     het systeem waarvoor wordt vertaald
              --style indexed|rules  de stijl voor Rego (standaard indexed)
              -o, --output BESTAND   schrijf de policies (Cedar) of de policy (Rego) naar BESTAND
              -d, --output-dir MAP   schrijf alle bestanden naar MAP
              --lang en|nl        de taal van de meldingen (standaard: die van het convenant,
                                  anders COVENANT_LANG, anders Engels)
              -h, --help          deze hulp tonen

            Afsluitcodes: 0 geschreven, 1 het convenant bevat fouten of een bestand kan niet
            worden geschreven, 2 verkeerd gebruik.

            """),

        "help.log": ("""
            Usage: covenantc log record LOG objection --ref RECORD [--date YYYY-MM-DD] [--note TEXT]
                   covenantc log record LOG fulfilled --ref RECORD --obligation ID [--by ACTOR] [--date D] [--note TEXT]
                   covenantc log record LOG postponement-ended --ref RECORD --obligation ID [--by ACTOR] [--date D]
                   covenantc log verify LOG...

            A decision log is written by 'covenantc eval --log LOG' (or DecisionLog in a
            service): one JSON record per line, each with the SHA-256 of the record before it,
            so a changed, removed or reordered record breaks the chain where it happened.

            record appends an event about a decision, named by its record hash (the "record"
            that eval printed in "log"): an objection (bezwaar) against the provision; an
            obligation fulfilled (the subject was informed, the weighing was recorded) on DATE;
            the end of a postponement on DATE, from which the obligation's term runs. ACTOR is
            sender, recipient or controller (when the decision has the obligation for more than
            one). DATE defaults to today in the Netherlands. The record's seq and hash are printed.

            verify checks every record of the files (a log and its rotated parts, in any order):
            its own hash, its place in the chain, and its shape. It names the first record that
            is wrong and exits 1; an incomplete last record (a writer stopped mid-record) is
            reported as such, with the count of the records before it, which all verify. On
            success it prints the number of records and the last record's hash: keep that hash
            (in the yearly account, for example) to anchor the log's end.

            Options:
              --ref RECORD               the record hash of the decision the event is about
              --obligation ID            the obligation fulfilled, or whose postponement ended
              --by ACTOR                 sender, recipient or controller
              --date YYYY-MM-DD          the day of the event (default: today in the Netherlands)
              --note TEXT                a short note kept with the event (never a name or BSN)
              --lang en|nl               the language of the messages (default: COVENANT_LANG,
                                         else English)
              -h, --help                 show this help
            For every writer (also on 'eval --log'):
              --fsync always|never|MS    write to disk after every record, never, or at most every
                                         MS milliseconds (default 1000)
              --rotate-size BYTES        start a new file when the log would pass BYTES
              --rotate-period day|month  start a new file each UTC day or month

            Exit codes: 0 done (verify: the log is intact), 1 the log cannot be written or does not
            verify, 2 usage error.

            """, """
            Gebruik: covenantc log record LOG objection --ref RECORD [--date JJJJ-MM-DD] [--note TEKST]
                     covenantc log record LOG fulfilled --ref RECORD --obligation ID [--by WIE] [--date D] [--note TEKST]
                     covenantc log record LOG postponement-ended --ref RECORD --obligation ID [--by WIE] [--date D]
                     covenantc log verify LOG...

            Een beslislog wordt geschreven door 'covenantc eval --log LOG' (of door DecisionLog
            in een dienst): één JSON-record per regel, elk met de SHA-256 van het record ervoor,
            zodat een gewijzigd, verwijderd of verplaatst record de keten breekt op de plaats
            waar dat gebeurde.

            record voegt een gebeurtenis toe over een beslissing, aangewezen met de hash van
            haar record (de "record" die eval in "log" afdrukte): een bezwaar tegen de
            verstrekking (objection); een verplichting die op DATUM is nagekomen (fulfilled:
            betrokkene is geïnformeerd, de afweging is vastgelegd); of het einde van een uitstel
            op DATUM (postponement-ended), vanaf wanneer de termijn van de verplichting loopt.
            WIE is sender (verstrekker), recipient (ontvanger) of controller
            (verwerkingsverantwoordelijke), nodig als de verplichting bij de beslissing voor meer
            dan één van hen geldt. DATUM is standaard vandaag in Nederland. Het volgnummer en de
            hash van het nieuwe record worden afgedrukt.

            verify controleert elk record in de bestanden (een log en de delen waarin het is
            gesplitst, in willekeurige volgorde): de eigen hash, de plaats in de keten en de
            vorm. Het noemt het eerste record dat niet klopt en sluit af met 1; een onvolledig
            laatste record (de schrijver stopte halverwege) wordt als zodanig gemeld, met het
            aantal records ervoor, die allemaal kloppen. Klopt alles, dan drukt het het aantal
            records af en de hash van het laatste record: bewaar die hash (bijvoorbeeld in de
            jaarlijkse verantwoording) om het einde van het log vast te leggen.

            Opties:
              --ref RECORD               de recordhash van de beslissing waar het om gaat
              --obligation ID            de nagekomen verplichting, of die waarvan het uitstel
                                         eindigt
              --by ACTOR                 sender, recipient of controller (verstrekker, ontvanger
                                         of verwerkingsverantwoordelijke)
              --date JJJJ-MM-DD          de dag van de gebeurtenis (standaard: vandaag in
                                         Nederland)
              --note TEKST               een korte toelichting bij de gebeurtenis (nooit een naam
                                         of BSN)
              --lang en|nl               de taal van de meldingen (standaard: COVENANT_LANG,
                                         anders Engels)
              -h, --help                 deze hulp tonen
            Voor elke schrijver (ook bij 'eval --log'):
              --fsync always|never|MS    schrijf naar de schijf na elk record, nooit, of hooguit
                                         elke MS milliseconden (standaard 1000)
              --rotate-size BYTES        begin een nieuw bestand als het log groter zou worden
                                         dan BYTES
              --rotate-period day|month  begin elke UTC-dag of elke maand een nieuw bestand

            Afsluitcodes: 0 klaar (verify: het log is intact), 1 het log kan niet worden
            geschreven of klopt niet, 2 verkeerd gebruik.

            """),

        "help.report": ("""
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
              -o, --output FILE     write to FILE (atomically) instead of standard output
              -h, --help            show this help

            Exit codes: 0 written, 1 a log cannot be read, 2 usage error.

            """, """
            Gebruik: covenantc report [--from D] [--until D] [--date D] [--format markdown|html|json]
                                      [--lang nl|en] [-o BESTAND] LOG...

            Leest beslislogs (geschreven door 'covenantc eval --log'; zoveel bestanden als nodig,
            één per dienst of maand, ook de delen waarin een log is gesplitst) en legt
            verantwoording af over de periode, zoals bron 001, §4.3, van het college vraagt: het
            aantal verstrekkingen zonder toestemming, naar grond (soort grondslag en grondslag),
            naar verstrekker → ontvanger en naar gegevenscategorie; de bezwaren; en de
            verplichtingen die golden, die zijn nagekomen (en te laat), die zijn uitgesteld, die
            nog openstaan en waarvan de termijn op de rapportagedatum is verstreken — met de werklijst
            van verplichtingen waarvan de termijn is verstreken (een 'informeren binnen 4 weken'
            dat vier weken later niet is nagekomen en niet is uitgesteld).

            Een beslissing telt mee in de periode van de dag waarvoor ze is genomen. Een
            verstrekking zonder toestemming is een toegestane verstrekking waarvan geen van de
            beslissende regels op toestemming als grondslag berust. De logs worden twee keer
            doorgelezen: het geheugengebruik groeit met het aantal gebeurtenissen, niet met het
            aantal beslissingen. Controleer een log eerst met 'covenantc log verify': het
            verslag telt wat het leest.

            Opties:
              --from D, --until D   de periode, beide dagen inbegrepen (standaard: alles)
              --date D              de rapportagedatum, waarop verstreken termijnen worden
                                    gemeten (standaard: vandaag in Nederland)
              --format markdown|html|json   (standaard: markdown); html is één zelfstandige pagina
              --lang nl|en          de taal van het verslag (standaard: COVENANT_LANG, anders
                                    Engels)
              -o, --output BESTAND  schrijf naar BESTAND (in één keer) in plaats van naar de
                                    standaarduitvoer
              -h, --help            deze hulp tonen

            Afsluitcodes: 0 geschreven, 1 een log kan niet worden gelezen, 2 verkeerd gebruik.

            """),
    ]
}
