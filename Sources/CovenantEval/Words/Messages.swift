// swift-format-ignore-file
// A catalogue of words: one entry per line, the English beside the Dutch for a translator.

/// The message catalogue: every sentence the evaluator and the commands print, in English and
/// in Dutch as a Dutch lawyer would write it (not word for word). Placeholders `{0}`, `{1}`, …
/// stand for names, values and lists; a test checks that both languages have the same ones.
package enum Messages {
    package static let catalogue: [String: (en: String, nl: String)] = [
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
        // The C library (libcovenant): arguments a caller got wrong.
        "library.nullArgument": ("the argument {0} is NULL", "het argument {0} ontbreekt (NULL)"),
        "library.badLanguage": ("unknown language '{0}': give \"en\", \"nl\" or NULL", "onbekende taal '{0}': geef \"en\", \"nl\" of NULL"),
        "library.badDateNumber": ("{0} is not a date: give the day as the number YYYYMMDD (20261130), or 0 for today", "{0} is geen datum: geef de dag als het getal JJJJMMDD (20261130), of 0 voor vandaag"),
        "library.otherSource": ("the table was compiled from another version of the covenant (its SHA-256 begins {0}; this text's begins {1}): compile the covenant again",
                                "de beslistabel is gecompileerd uit een andere versie van het convenant (SHA-256 begint met {0}; deze tekst begint met {1}): compileer het convenant opnieuw"),
        "library.cannotRead": ("cannot read the table file {0}", "het bestand {0} met de beslistabel kan niet worden gelezen"),
        "library.tooLarge": ("the table is larger than {0} bytes", "de beslistabel is groter dan {0} bytes"),
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
                            "; {0} combinaties hadden te veel feitwaarden om volledig te vergelijken (grens {1})"),
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
        "queryError.emptyLine": ("an empty line: write one JSON query on each line",
                                 "een lege regel: schrijf op elke regel één vraag in JSON"),
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
        "queryError.groupSender": ("'{0}' is a group, and a decision is about one sender: ask for one of its members ({1})",
                                   "'{0}' is een groep, en een beslissing gaat over één verstrekker: vraag naar een van de leden ({1})"),
        "queryError.groupRecipient": ("'{0}' is a group, and a decision is about one recipient: ask for one of its members ({1})",
                                      "'{0}' is een groep, en een beslissing gaat over één ontvanger: vraag naar een van de leden ({1})"),
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
        // Errors of the decision log, the table loader and the JSON parser (each error type's
        // `message(in:)`). JSON keys and values, paths in a table body and syntax stay as written.
        // The system's reasons for a failed file operation (`SystemReason`); English is the system's own.
        "system.EACCES": ("Permission denied", "geen toegang (onvoldoende rechten)"),
        "system.EPERM": ("Operation not permitted", "handeling niet toegestaan"),
        "system.ENOENT": ("No such file or directory", "bestand of map bestaat niet"),
        "system.ENOTDIR": ("Not a directory", "een deel van het pad is geen map"),
        "system.EISDIR": ("Is a directory", "dit is een map, geen bestand"),
        "system.ENOSPC": ("No space left on device", "de schijf is vol"),
        "system.EDQUOT": ("Disk quota exceeded", "het schijfquotum is bereikt"),
        "system.EROFS": ("Read-only file system", "het bestandssysteem is alleen-lezen"),
        "system.EIO": ("Input/output error", "lees- of schrijffout van het opslagmedium"),
        "system.EMFILE": ("Too many open files", "te veel geopende bestanden"),
        "system.EFBIG": ("File too large", "het bestand is te groot"),
        "system.ENAMETOOLONG": ("File name too long", "de bestandsnaam is te lang"),
        // DecisionLog.Failure; the last placeholder of some is the system's reason.
        "decisionLog.cannotOpenLock": ("cannot open the log's lock file {0}.lock: {1}", "het slotbestand {0}.lock van het log kan niet worden geopend: {1}"),
        "decisionLog.heldByAnother": ("the log {0} is being written by another process (its lock {0}.lock is held); a log has one writer: give each service its own log, the report reads them all",
                                      "in het log {0} schrijft al een ander proces (het slot {0}.lock is bezet); een log heeft één schrijver: geef elke dienst een eigen log, de verantwoording (covenantc report) leest ze allemaal"),
        "decisionLog.cannotOpen": ("cannot open the log {0}: {1}", "het log {0} kan niet worden geopend: {1}"),
        "decisionLog.cannotCutTorn": ("cannot cut the torn record off {0}: {1}", "het afgebroken laatste record van {0} kan niet worden verwijderd: {1}"),
        "decisionLog.rotatedHasNoRecord": ("the newest rotated log next to {0} holds no complete record",
                                           "het nieuwste afgesloten logbestand naast {0} bevat geen volledig record"),
        "decisionLog.lastNotARecord": ("the last record of {0} is not a log record; check the log with 'covenantc log verify'",
                                       "het laatste record van {0} is geen logrecord; controleer het log met 'covenantc log verify'"),
        "decisionLog.closed": ("the log {0} is closed", "het log {0} is gesloten"),
        "decisionLog.cannotWrite": ("cannot write to the log {0}: {1}", "er kan niet naar het log {0} worden geschreven: {1}"),
        "decisionLog.cannotRotate": ("cannot rotate the log {0} to {1}: {2}", "het log {0} kan niet worden afgesloten onder de naam {1}: {2}"),
        "decisionLog.cannotStartNew": ("cannot start a new log {0} after rotating: {1}",
                                       "na het afsluiten van het vorige logbestand kan geen nieuw log {0} worden begonnen: {1}"),
        // LogFormatError: a line that is not a record of the log's form.
        "logRecord.missingString": ("\"{0}\" is missing or not a string", "\"{0}\" ontbreekt of is geen tekst"),
        "logRecord.notAString": ("\"{0}\" is not a string", "\"{0}\" is geen tekst"),
        "logRecord.notABool": ("\"{0}\" is missing or not true/false", "\"{0}\" ontbreekt of is niet true/false"),
        "logRecord.badSeq": ("\"seq\" is missing or not a positive number", "\"seq\" ontbreekt of is geen positief getal"),
        "logRecord.prevNotAHash": ("\"prev\" is not a SHA-256", "\"prev\" is geen SHA-256-hash"),
        "logRecord.badQuery": ("\"query\" is missing or malformed", "\"query\" ontbreekt of is onjuist opgebouwd"),
        "logRecord.queryFieldMissing": ("\"query.{0}\" is missing", "\"query.{0}\" ontbreekt"),
        "logRecord.decisionLists": ("a decision needs decidedBy, bases and obligations", "een beslissing moet decidedBy, bases en obligations hebben"),
        "logRecord.basisFields": ("a basis needs id and kind", "een grondslag moet id en kind hebben"),
        "logRecord.obligationFields": ("an obligation needs id, kind and by", "een verplichting moet id, kind en by hebben"),
        "logRecord.decidedByNotRules": ("\"decidedBy\" must list rule ids", "\"decidedBy\" moet een lijst van namen van regels zijn"),
        "logRecord.badEffect": ("\"effect\" is neither permit nor deny", "\"effect\" is permit noch deny"),
        "logRecord.refNotAHash": ("\"ref\" is not the hash of a record", "\"ref\" is niet de hash van een record"),
        "logRecord.dateNotADate": ("\"date\" is not a date", "\"date\" is geen datum"),
        "logRecord.eventWithoutObligation": ("a {0} event names its obligation", "een gebeurtenis {0} moet de verplichting noemen"),
        "logRecord.truncatedBytesMissing": ("\"truncatedBytes\" is missing", "\"truncatedBytes\" ontbreekt"),
        "logRecord.unknownKind": ("unknown record kind '{0}'", "onbekende soort record '{0}'"),
        // LogVerifier.Problem: the first record of a log that is wrong (covenantc log verify).
        "logProblem.cannotRead": ("cannot read the file: {0}", "het bestand kan niet worden gelezen: {0}"),
        "logProblem.torn": ("the last record is incomplete ({0}, no line break): a writer was stopped while writing it, or the file was cut{1}; {2}",
                            "het laatste record is onvolledig ({0}, zonder regeleinde): het schrijven ervan is afgebroken, of het bestand is ingekort{1}; {2}"),
        "logProblem.bytes.one": ("{0} bytes", "{0} byte"),
        "logProblem.bytes.many": ("{0} bytes", "{0} bytes"),
        "logProblem.laterFiles": (", and later files follow it", ", terwijl er nog latere bestanden volgen"),
        "logProblem.verifiedBefore.one": ("the {0} record before it verify", "{0} record daarvoor is in orde"),
        "logProblem.verifiedBefore.many": ("the {0} records before it verify", "{0} records daarvoor zijn in orde"),
        "logProblem.emptyLine": ("an empty line where a record should be", "een lege regel waar een record hoort te staan"),
        "logProblem.notARecordEnd": ("the line does not end as a record ends (…,\"hash\":\"<64 hex>\"})",
                                     "de regel eindigt niet zoals een record eindigt (…,\"hash\":\"<64 hex>\"})"),
        "logProblem.altered": ("the record was altered: its content does not match its hash", "het record is gewijzigd: de inhoud past niet bij de hash"),
        "logProblem.notARecord": ("not a valid record: {0}", "geen geldig record: {0}"),
        "logProblem.notJSON": ("not valid JSON: {0}", "geen geldige JSON: {0}"),
        "logProblem.missing.one": ("record {0} follows record {1}: a record is missing before it", "record {0} volgt op record {1}: daartussen ontbreekt een record"),
        "logProblem.missing.many": ("record {0} follows record {1}: {2} records are missing before it",
                                    "record {0} volgt op record {1}: daartussen ontbreken {2} records"),
        "logProblem.outOfOrder": ("record {0} comes after record {1}: the records are out of order or repeated",
                                  "record {0} staat na record {1}: de records staan in de verkeerde volgorde of komen dubbel voor"),
        "logProblem.brokenChain": ("record {0} does not follow the record before it (its prev is not that record's hash)",
                                   "record {0} sluit niet aan op het record ervoor (het veld prev is niet de hash van dat record)"),
        "logProblem.notAChainStart": ("record 1 does not start a chain (its prev is not all zeros)",
                                      "record 1 begint geen keten (het veld prev bestaat niet uit alleen nullen)"),
        // LogReport.Failure (covenantc report).
        "logReport.cannotRead": ("cannot read {0}: {1}", "{0} kan niet worden gelezen: {1}"),
        // TableCodec.LoadError: a compiled table that is refused.
        "tableError.notATable": ("this is not a compiled covenant table (it does not start with the covenant-decision-table header)",
                                 "dit is geen gecompileerde beslistabel van een convenant (het bestand begint niet met de kop covenant-decision-table)"),
        "tableError.binaryLayout": ("the binary table has layout revision {0}; this covenantc reads revision {1}: compile the covenant again with this covenantc",
                                    "de binaire beslistabel heeft indelingsversie {0}; deze versie van covenantc leest indelingsversie {1}: compileer het convenant opnieuw met deze covenantc"),
        "tableError.binaryBody": ("the binary table is malformed at byte {0}, although its SHA-256 hash matches: the file was not written by covenantc",
                                  "de binaire beslistabel is onjuist opgebouwd bij byte {0}, hoewel de SHA-256-hash klopt: het bestand is niet door covenantc geschreven"),
        "tableError.emptyFile": ("the table file is empty", "het bestand met de beslistabel is leeg"),
        "tableError.reformatted": ("the table was changed after it was compiled (reformatted, saved with Windows line ends or a byte-order mark): use the file covenantc compile wrote, or compile the covenant again",
                                   "de beslistabel is na het compileren gewijzigd (opnieuw opgemaakt, of opgeslagen met Windows-regeleinden of een byte-order mark): gebruik het bestand dat covenantc compile schreef, of compileer het convenant opnieuw"),
        "tableError.versionUnreadable": ("the table's format version is unreadable", "de formaatversie van de beslistabel is onleesbaar"),
        "tableError.otherVersion": ("the table has format version {0}; this evaluator reads version {1}: compile the covenant again with this covenantc",
                                    "de beslistabel heeft formaatversie {0}; deze versie van covenantc leest versie {1}: compileer het convenant opnieuw met deze covenantc"),
        "tableError.hashMissing": ("the table is truncated or altered: its integrity hash is missing",
                                   "de beslistabel is ingekort of gewijzigd: de controlehash ontbreekt"),
        "tableError.bodyMissing": ("the table is truncated or altered: its body is missing", "de beslistabel is ingekort of gewijzigd: de inhoud ontbreekt"),
        "tableError.truncated": ("the table is truncated: it does not end as a table file ends",
                                 "de beslistabel is ingekort: het bestand eindigt niet zoals een tabelbestand eindigt"),
        "tableError.integrity": ("the table's integrity check failed: its content does not match its SHA-256, so it was altered or damaged",
                                 "de integriteitscontrole van de beslistabel is mislukt: de inhoud past niet bij de SHA-256-hash, dus het bestand is gewijzigd of beschadigd"),
        "tableError.bodyNotJSON": ("the table's body is not valid JSON ({0})", "de inhoud van de beslistabel is geen geldige JSON ({0})"),
        "tableError.lacks": ("the table lacks '{0}'", "in de beslistabel ontbreekt '{0}'"),
        "tableError.notAString": ("'{0}' should be a string", "'{0}' moet een tekst zijn"),
        "tableError.notAnInteger": ("'{0}' should be an integer", "'{0}' moet een geheel getal zijn"),
        "tableError.outOfRange": ("'{0}' is out of range", "'{0}' valt buiten het toegestane bereik"),
        "tableError.notAnArray": ("'{0}' should be an array", "'{0}' moet een lijst zijn"),
        "tableError.notAnInt32": ("'{0}' should be a 32-bit integer", "'{0}' moet een geheel getal van 32 bits zijn"),
        "tableError.notAWord": ("'{0}' should be 16 hex digits", "'{0}' moet uit 16 hexadecimale cijfers bestaan"),
        "tableError.badLanguage": ("'body.covenant.language' should be en or nl", "'body.covenant.language' moet en of nl zijn"),
        "tableError.badObligationKind": ("'{0}.kind' is not a kind of obligation", "'{0}.kind' is geen soort verplichting"),
        "tableError.badFactType": ("'{0}.type' should be bool, int or enum", "'{0}.type' moet bool, int of enum zijn"),
        "tableError.badRole": ("'{0}.role' should be consent, age, representative or null", "'{0}.role' moet consent, age, representative of null zijn"),
        "tableError.badFixed": ("'{0}.fixed' should be true or false", "'{0}.fixed' moet true of false zijn"),
        "tableError.badActor": ("'{0}.by' should be sender, recipient or controller", "'{0}.by' moet sender, recipient of controller zijn"),
        "tableError.badEffect": ("'{0}.effect' should be permit or deny", "'{0}.effect' moet permit of deny zijn"),
        "tableError.nodeArity": ("'{0}' should have 6 numbers", "'{0}' moet uit 6 getallen bestaan"),
        "tableError.badNode": ("'{0}' has an unknown node kind or operator", "'{0}' heeft een onbekende soort knoop of een onbekende operator"),
        "tableError.inconsistent": ("the table is inconsistent: {0}", "de beslistabel is niet consistent: {0}"),
        "tableError.inconsistent.groupMember": ("group '{0}' names a party that is not in the table", "groep '{0}' noemt een partij die niet in de tabel staat"),
        "tableError.inconsistent.wordsPerClass": ("wordsPerClass does not match the number of rules", "wordsPerClass past niet bij het aantal regels"),
        "tableError.inconsistent.classLength": ("a class array has the wrong length", "een klassenlijst heeft de verkeerde lengte"),
        "tableError.inconsistent.noRecipientClasses": ("no recipient classes", "er zijn geen klassen van ontvangers"),
        "tableError.inconsistent.partyClass": ("a party class is out of range", "een klasse van partijen valt buiten het bereik"),
        "tableError.inconsistent.partyBits": ("a rule's bitset of party classes has the wrong length", "een bitverzameling van klassen van partijen bij een regel heeft de verkeerde lengte"),
        "tableError.inconsistent.scopeIndex": ("the scope index is malformed", "de index van regels per gegevenscategorie en doel is onjuist opgebouwd"),
        "tableError.inconsistent.scopeIndexRule": ("the scope index names an unknown rule", "de index van regels per gegevenscategorie en doel noemt een onbekende regel"),
        "tableError.inconsistent.scopeIndexOrder": ("the scope index does not list exceptions before the rules they defeat",
                                                    "de index van regels per gegevenscategorie en doel noemt uitzonderingen niet vóór de regels die ze opzijzetten"),
        "tableError.inconsistent.bitsetLength": ("a rule bitset has the wrong length", "een bitverzameling van regels heeft de verkeerde lengte"),
        "tableError.inconsistent.purposeClass": ("a purpose class is out of range", "een klasse van doelen valt buiten het bereik"),
        "tableError.inconsistent.categoryLeaves": ("category '{0}' ({1}) has an invalid list of leaves",
                                                   "de gegevenscategorie '{0}' ({1}) heeft een ongeldige lijst van onderdelen"),
        "tableError.inconsistent.boolDefault": ("the default of '{0}' is not a bool", "de standaardwaarde van '{0}' is geen ja/nee-waarde"),
        "tableError.inconsistent.emptyRange": ("the range of '{0}' is empty", "het bereik van '{0}' is leeg"),
        "tableError.inconsistent.defaultOutOfRange": ("the default of '{0}' is out of range", "de standaardwaarde van '{0}' valt buiten het bereik"),
        "tableError.inconsistent.noValues": ("'{0}' has no values", "'{0}' heeft geen waarden"),
        "tableError.inconsistent.validFrom": ("validFrom is not a date", "validFrom is geen datum"),
        "tableError.inconsistent.validUntil": ("validUntil is not a date", "validUntil is geen datum"),
        "tableError.inconsistent.nodeFact": ("condition node {0} names an unknown fact", "voorwaardeknoop {0} noemt een onbekend feit"),
        "tableError.inconsistent.nodeSet": ("condition node {0} has an invalid set", "voorwaardeknoop {0} heeft een ongeldige verzameling waarden"),
        "tableError.inconsistent.nodeOperands": ("condition node {0} has invalid operands", "voorwaardeknoop {0} heeft ongeldige operanden"),
        "tableError.inconsistent.nodeDepth": ("condition node {0} nests more than {1} levels deep", "voorwaardeknoop {0} is meer dan {1} niveaus diep genest"),
        "tableError.inconsistent.nodeOrder": ("condition node {0} refers to a later node", "voorwaardeknoop {0} verwijst naar een latere knoop"),
        "tableError.inconsistent.ruleCondition": ("rule '{0}' has an invalid condition", "regel '{0}' heeft een ongeldige voorwaarde"),
        "tableError.inconsistent.ruleBasis": ("rule '{0}' names an unknown basis", "regel '{0}' noemt een onbekende grondslag"),
        "tableError.inconsistent.ruleObligation": ("rule '{0}' has an invalid obligation", "regel '{0}' heeft een ongeldige verplichting"),
        "tableError.inconsistent.ruleDepth": ("rule '{0}' has a wrong exception depth", "regel '{0}' heeft een verkeerde uitzonderingsdiepte"),
        "tableError.inconsistent.ruleException": ("rule '{0}' has an invalid exception", "regel '{0}' is een ongeldige uitzondering"),
        // JSONParser.Error: why a text is not JSON, and where.
        "json.at": ("{0} at byte {1}", "{0} bij byte {1}"),
        "json.trailingText": ("unexpected text after the JSON value", "onverwachte tekst na de JSON-waarde"),
        "json.endOfInput": ("unexpected end of input", "onverwacht einde van de invoer"),
        "json.unexpectedCharacter": ("unexpected character", "onverwacht teken"),
        "json.invalidLiteral": ("invalid literal", "ongeldig woord (alleen true, false en null zijn toegestaan)"),
        "json.tooDeep": ("JSON nested more than {0} levels", "JSON dieper genest dan {0} niveaus"),
        "json.expectedKey": ("expected a string key", "hier hoort een sleutel tussen aanhalingstekens"),
        "json.expectedColon": ("expected ':'", "hier hoort ':'"),
        "json.endInObject": ("unexpected end of input in an object", "onverwacht einde van de invoer binnen een object"),
        "json.expectedCommaOrBrace": ("expected ',' or '}'", "hier hoort ',' of '}'"),
        "json.endInArray": ("unexpected end of input in an array", "onverwacht einde van de invoer binnen een lijst"),
        "json.expectedCommaOrBracket": ("expected ',' or ']'", "hier hoort ',' of ']'"),
        "json.unterminatedString": ("unterminated string", "tekst zonder afsluitend aanhalingsteken"),
        "json.controlCharacter": ("control character in a string", "stuurteken in een tekst"),
        "json.unterminatedEscape": ("unterminated escape", "onvolledige escapereeks"),
        "json.unpairedSurrogate": ("unpaired surrogate", "ongepaarde surrogaathelft in een \\u-escapereeks"),
        "json.invalidUnicodeEscape": ("invalid \\u escape", "ongeldige \\u-escapereeks"),
        "json.invalidEscape": ("invalid escape", "ongeldige escapereeks"),
        "json.notUTF8": ("string is not valid UTF-8", "tekst is geen geldige UTF-8"),
        "json.shortUnicodeEscape": ("short \\u escape", "te korte \\u-escapereeks"),
        "json.invalidHexDigit": ("invalid hex digit", "ongeldig hexadecimaal cijfer"),
        "json.invalidNumber": ("invalid number", "ongeldig getal"),
        "json.leadingZero": ("leading zero in a number", "voorloopnul in een getal"),
    ]

    /// The sentence for `key` in `language`, with `{0}`, `{1}`, … replaced by `args`.
    package static func text(_ key: String, _ language: Language, _ args: String...) -> String {
        text(key, language, arguments: args)
    }

    package static func text(_ key: String, _ language: Language, arguments: [String]) -> String {
        text(key, language, arguments: arguments, from: catalogue)
    }

    /// The sentence for `key` from another catalogue of the same form (the compiler's
    /// diagnostics, the command line's help), so every part of the tool words alike.
    package static func text(_ key: String, _ language: Language, arguments: [String],
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
    package static func list(_ items: [String], _ language: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return text("list.and", language, items.dropLast().joined(separator: ", "), items.last!)
    }

    /// The placeholders a text uses, for the catalogue's test.
    package static func placeholders(_ text: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}
