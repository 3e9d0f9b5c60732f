// swift-format-ignore-file
// A catalogue of words: one entry per line, the English beside the Dutch for a translator.

import CovenantEval

/// Each diagnostic code's summary, principle and rationale in Dutch (the English stands in
/// `DiagnosticCode`). `WordsTests` checks that every code has them exactly where English does.
/// The principles cite the beginselen of shared/design/DOMAIN.md and the sections of the
/// bronnen (seeds) with the same numbers as the English.
enum CodeWords {
    static let dutch: [DiagnosticCode: (summary: String, principle: String?, rationale: String?)] = [
        // Reading and lexing: E1xx
        .invalidUTF8: ("het bestand is geen geldige UTF-8-tekst", nil, nil),
        .binaryFile: ("het bestand bevat NUL-bytes: het is een binair bestand, geen convenant", nil, nil),
        .invalidCharacter: ("een teken dat in een convenant geen betekenis heeft", nil, nil),
        .unterminatedString: ("een tekst zonder afsluitend aanhalingsteken op dezelfde regel", nil, nil),
        .invalidEscape: ("een onbekende escapereeks in een tekst", nil, nil),
        .invalidNumber: ("een getal dat te groot of onjuist geschreven is", nil, nil),
        .malformedDate: ("een datum die niet als JJJJ-MM-DD is geschreven", nil, nil),
        // Syntax: E11x
        .unexpectedToken: ("hier werd iets anders verwacht", nil, nil),
        .unknownClause: ("een woord dat geen onderdeel van deze bepaling is", nil, nil),
        .duplicateClause: ("een onderdeel dat twee keer in één bepaling staat", nil, nil),
        .missingClause: ("een bepaling zonder een onderdeel dat zij nodig heeft", nil, nil),
        .invalidValueWord: ("een waarde die niet in de toegestane lijst staat (soort partij, tijdseenheid, ...)", nil, nil),
        .unknownLanguage: ("een aanduiding `taal` met een andere taal dan en of nl", nil, nil),
        .reservedWord: ("een sleutelwoord dat als naam is gebruikt", nil, nil),
        .covenantHeader: ("de kop van het convenant ontbreekt of staat er twee keer", nil, nil),
        // Names: E2xx
        .unknownName: ("een naam die niet in het convenant is opgenomen", nil, nil),
        .duplicateName: ("een naam die twee keer is opgenomen", nil, nil),
        .wrongKindOfName: ("een opgenomen naam van de verkeerde soort voor deze plaats", nil, nil),
        .groupCycle: ("groepen die elkaar bevatten", nil, nil),
        .treeCycle: ("een gegevenscategorie of doel dat binnen zichzelf is genest", nil, nil),
        .exceptionCycle: ("regels die in een kring uitzonderingen op elkaar zijn", nil, nil),
        // Facts and conditions: E3xx
        .typeMismatch: ("een voorwaarde of waarde die niet past bij het type van het feit", nil, nil),
        .unknownEnumValue: ("een waarde die het feit niet kent", nil, nil),
        .valueOutOfRange: ("een getal buiten het bereik dat voor het feit is opgegeven", nil, nil),
        .emptyRange: ("een bereik van getallen waarvan de ondergrens boven de bovengrens ligt", nil, nil),
        .duplicateEnumValue: ("een opsomming die een waarde twee keer noemt", nil, nil),
        .duplicateFactValue: ("een vraag die één feit twee keer opgeeft", nil, nil),
        .roleTypeMismatch: ("een rol bij een feit van het verkeerde type (leeftijd bij een ja/nee-feit, ...)", nil, nil),
        .consentValues: ("een rol `toestemming` die niet zegt welke waarden geldige toestemming zijn, of `geldig` bij een andere rol", nil, nil),
        // Rules and tests: E4xx
        .exceptionSameEffect: ("een uitzondering met hetzelfde gevolg als de regel waarop zij een uitzondering is", nil, nil),
        .permitWithoutBasis: ("een regel die verstrekking toestaat zonder grondslag", nil, nil),
        .forbidWithBasis: ("een verbod met een grondslag of verplichtingen, die het nooit gebruikt", nil, nil),
        .denyWithObligations: ("een test die een weigering met verplichtingen verwacht", nil, nil),
        .queryNotAParty: ("een vraag waarvan de verstrekker of ontvanger een groep is, geen partij", nil, nil),
        .expectedRuleOfOtherEffect: ("een test die een beslissing verwacht door een regel die het tegendeel bepaalt", nil, nil),
        // The covenant header: E5xx
        .controllerNotAParty: ("een verwerkingsverantwoordelijke die niet als partij is opgenomen", nil, nil),
        .invalidDate: ("een datum die niet in de kalender bestaat", nil, nil),
        .validityReversed: ("een geldigheidsduur die eindigt voordat zij begint", nil, nil),
        .mandateCycle: ("partijen die in een kring namens elkaar handelen (of voor elkaar verwerken)", nil, nil),
        .processorForItself: ("een partij die verwerker is voor zichzelf, of die voor dezelfde partij zowel namens haar handelt als verwerker is", nil, nil),
        .duplicateController: ("een partij die twee keer als verwerkingsverantwoordelijke is genoemd", nil, nil),
        // Limits: E9xx
        .fileTooLarge: ("een bestand dat groter is dan de grens toelaat", nil, nil),
        .nestingTooDeep: ("accolades, haakjes of `niet` dieper genest dan de grens toelaat", nil, nil),
        .tooLong: ("een naam of tekst die langer is dan de grens toelaat", nil, nil),
        .tooManyDeclarations: ("meer bepalingen dan de grens toelaat", nil, nil),
        .tooManyErrors: ("zoveel fouten dat de controle is gestopt", nil, nil),
        .unreadableFile: ("een bestand dat niet kon worden gelezen", nil, nil),
        .tooManyConditionFacts: ("een voorwaarde die de grenzen overschrijdt (genoemde feiten, en/of-operatoren)", nil, nil),
        // Rule analysis: A1xx
        .deadRule: ("een regel die nooit iets beslist", nil, nil),
        .overriddenPermit: ("een regel die verstrekking toestaat, maar altijd wijkt voor een verbod waarop zij geen uitzondering is", nil, nil),
        .overlappingPermits: ("regels die samen dezelfde verstrekking toestaan met een andere grondslag of andere verplichtingen", nil, nil),
        .exceptionOutOfScope: ("een uitzondering die niet ziet op de gevallen van de regel waarop zij een uitzondering is", nil, nil),
        .unusedDeclaration: ("een bepaling die in geen enkele regel wordt gebruikt", nil, nil),
        .analysisBounded: ("een bevinding die binnen de rekengrens niet volledig kon worden geanalyseerd", nil, nil),
        // Legal lints: L2xx
        .specialCategoryWeakBasis: (
            "bijzondere persoonsgegevens verstrekt zonder een grondslag die daarvoor sterk genoeg is",
            "beginsel 5, bijzondere persoonsgegevens (bronnen 002 §2.2.6, §2.2.8; 001 §2.1)",
            "Gegevens over gezondheid en strafrechtelijke gegevens mogen alleen worden verstrekt als een wet daarin voorziet, met ondubbelzinnige toestemming, in een vitaal belang, op grond van een wettelijke verplichting of bij een conflict van plichten."),
        .consentNotRequired: (
            "een regel die op toestemming rust, maar waarvan de voorwaarde geen toestemming vereist",
            "beginsel 3, grondslagen: toestemming betekent gegeven toestemming (bronnen 001 §2.1; 004 §3.1)",
            "Een regel die op toestemming rust, mag alleen gelden als de toestemming ook is gegeven."),
        .consentIgnoresAge: (
            "een regel die op toestemming rust, maar geen rekening houdt met de leeftijd van betrokkene",
            "beginsel 11, minderjarigen (bron 004 §1.5, bijlage a)",
            "Onder de 12 jaar geeft de met het gezag belaste ouder toestemming, van 12 tot 16 jaar het kind en de ouder allebei, vanaf 16 jaar de jongere zelf: een regel die op toestemming rust, moet zeggen voor welke leeftijd zij geldt."),
        .exceptionalWithoutRecord: (
            "verstrekking zonder toestemming op een uitzonderingsgrond, zonder vastgelegd besluit",
            "beginsel 7, verstrekking zonder toestemming vraagt een vastgelegd besluit (bronnen 001 §3.4; 004 §3.3)",
            "Verstrekking zonder toestemming vraagt na een zorgvuldige triage een expliciet en gemotiveerd besluit, vastgelegd in het dossier."),
        .exceptionalWithoutInform: (
            "verstrekking zonder toestemming op een uitzonderingsgrond, zonder dat betrokkene wordt geïnformeerd",
            "beginsel 7, betrokkene wordt geïnformeerd, tenzij er zwaarwegende redenen zijn (bronnen 001 §3.4, §4.2; 004 bijlage b)",
            "Betrokkene wordt geïnformeerd over verstrekking zonder toestemming, tenzij zwaarwegende redenen (een 'tenzij') zich daartegen verzetten."),
        .routineWithoutInform: (
            "routinematige verstrekking op grond van een publieke taak of wettelijke verplichting, zonder dat betrokkene wordt geïnformeerd",
            "beginsel 4, transparantie bij verwerking voor een publieke taak (bron 003, VNG-factsheet); beginsel 13 (001 §3.5)",
            "Routinematige verwerking op grond van een publieke taak of wettelijke verplichting rust op transparantie: betrokkene wordt geïnformeerd."),
        .consentFromGovernment: (
            "toestemming als grondslag voor verstrekking door de gemeente als verwerkingsverantwoordelijke",
            "beginsel 4, een algemene toestemmingsverklaring vooraf is geen geldige grondslag (bron 003, VNG-factsheet)",
            "De inwoner is afhankelijk van de gemeente, dus toestemming aan de gemeente is niet vrij gegeven; haar grondslag is een wettelijke verplichting of een publieke taak."),
        .careToEnforcement: (
            "wat-informatie van zorg naar handhaving zonder grond in veiligheid of wet",
            "beginsel 10, hulpverlening versus toezicht en handhaving (bron 004 §1.2)",
            "Inhoudelijke informatie van hulpverleners verstrekken aan politie of OM zet de vertrouwensrelatie onder druk en vraagt een eigen rechtvaardiging."),
        .closedRegimePurpose: (
            "een partij onder een gesloten regime die gegevens mag verstrekken buiten de doelen van haar wet",
            "beginsel 9, een convenant zet nooit een wet opzij (bronnen 000; 004 bijlage j)",
            "Een partij onder een gesloten regime (Wet politiegegevens, SUWI) mag alleen verstrekken voor de doelen die haar wet noemt."),
        .broadGrant: (
            "een hele gegevensboom of ieder doel toegestaan buiten het domein van de verstrekker",
            "beginsel 2, doelbinding en proportionaliteit (bronnen 001 §3.1; 002 §2.1.4)",
            "Alle gegevens, of ieder doel, naar een ander domein is zelden noodzakelijk en proportioneel."),
        .missingRetention: (
            "een onderste gegevenscategorie zonder bewaartermijn",
            "beginsel 12, bewaartermijnen (bron 004 §2.3)",
            "Elke soort gegevens heeft een bewaartermijn nodig; de wettelijke termijn is zowel een minimum als een maximum."),
        .noSharingWithoutConsent: (
            "een convenant dat nergens zegt wanneer gegevens zonder toestemming worden verstrekt",
            "wat een convenant moet bevatten, f: de gevallen zonder toestemming (bron 004 §5)",
            "Een convenant beschrijft de gevallen waarin zonder toestemming van betrokkene gegevens worden verwerkt."),
        .noTests: (
            "een convenant zonder tests",
            "wat een convenant moet bevatten (bron 004 §5): tests maken de antwoorden van het convenant controleerbaar",
            "Tests bepalen wat het convenant moet antwoorden en worden in CI uitgevoerd."),
        .basisPurposeMismatch: (
            "een vitaal belang of conflict van plichten voor een doel dat niet over veiligheid gaat",
            "beginsel 7, uitzonderingsgronden dienen de veiligheid (bronnen 001 §3.4; 004 §1.3, §3.2.1)",
            "Een vitaal belang of een conflict van plichten rechtvaardigt verstrekking zonder toestemming alleen om ernstig gevaar af te wenden, niet voor ondersteuning of handhaving."),
        .accountabilityNotAggregate: (
            "persoonsgegevens verstrekt voor verantwoording, waar gecumuleerde gegevens volstaan",
            "beginsel 2, proportionaliteit: de raad krijgt gecumuleerde informatie (bron 002, bijlage 3 b.3; bron 001 §4.3)",
            "Voor verantwoording aan de raad zijn aantallen nodig, geen personen: persoonsgegevens zijn daarvoor niet noodzakelijk."),
        .obligationAlwaysWaived: (
            "een verplichting die vervalt telkens als de regel van toepassing is",
            "beginsel 7, de plicht tot informeren wordt bij zwaarwegende redenen uitgesteld, niet geschrapt (bron 004 bijlage b)",
            "Een verplichting die vervalt telkens als zij zou gelden, geldt nooit; stel haar uit als dat de bedoeling is."),
        .processorSender: (
            "een verwerker die gegevens mag verstrekken aan een ander dan de partij in wier opdracht hij verwerkt",
            "een verwerker handelt uitsluitend in opdracht van de verwerkingsverantwoordelijke (bron 002, bijlage 3 c; Wbp art. 14, AVG art. 28)",
            "Een verwerker verwerkt in opdracht van één partij en geeft gegevens alleen aan die partij terug."),
        .regimeRecipient: (
            "een partij onder een gesloten regime die gegevens mag verstrekken aan een ontvanger die haar regime niet noemt",
            "beginsel 9, een convenant zet nooit een wet opzij (bronnen 000; 004 bijlage j)",
            "Een gesloten regime dat zijn ontvangers noemt (Wet SUWI, Wpg), staat verstrekking aan anderen niet toe."),
        .covenantExpiring: (
            "een convenant dat is verlopen, of binnen 90 dagen verloopt",
            "het convenant geldt alleen binnen zijn geldigheidsduur (bron 004 §5; LANGUAGE-V2 semantiek 8)",
            "Buiten zijn geldigheidsduur staat een convenant niets toe; verlenging vraagt tijdig een besluit van de raad."),
        .rolesNotDeclared: (
            "een convenant zonder opgenomen juridische rollen, zodat de toetsen uit namen afleiden",
            "LANGUAGE-V2: de toetsen gaan uit van opgenomen rollen, nooit van namen",
            "Zonder opgenomen rollen leiden de toetsen uit namen af welk feit de toestemming weergeeft en welke verplichting het informeren van betrokkene is."),
        .literateElementMissing: (
            "een convenantdocument (.covenant.md) dat niet elk punt vermeldt waar bron 004 §5 om vraagt",
            "wat een convenant moet bevatten, a tot en met i (bron 004 §5)",
            """
            Een convenant vermeldt ten minste de negen punten van bron 004 §5; een convenantdocument markeert \
            voor elk punt de paragraaf van de tekst waarin het staat, zodat de raad het kan vinden.
            """),
        .contentWithoutIdentity: (
            "wat-informatie toegestaan in een geval waarin de identiteit van degene over wie het gaat haar niet mag volgen",
            "beginsel 2, noodzaak en samenhang: alleen een anonieme casusbespreking gaat zonder de persoon (bron 004 §3.4)",
            "Inhoudelijke informatie over een persoon heeft de ontvanger niets te zeggen zonder te weten over wie het gaat, tenzij de casus bewust anoniem wordt besproken: de identiteit hoort onder dezelfde voorwaarden mee te gaan."),
        .staleAcknowledgement: (
            "een commentaar 'covenant:allow' dat geen enkele bevinding aanvaardt", nil,
            "Een aanvaarding die niets aanvaardt, verbergt vandaag niets, maar zou morgen ongemerkt een nieuwe bevinding met die code in die bepaling aanvaarden."),
        // Guarantees: G1xx
        .guaranteeRefuted: (
            "een waarborg die in een geval niet wordt nagekomen (met dat geval als voorbeeldvraag)", nil,
            "Een waarborg is de eigen belofte van het convenant: een geval waarin zij niet wordt nagekomen, betekent dat de regels en de belofte elkaar tegenspreken."),
        .guaranteeNotProved: (
            "een waarborg die binnen de rekengrens niet is bewezen", nil,
            "Een belofte heet pas nagekomen als elk geval is gewogen; voorbij de rekengrens wordt niets beweerd."),
        .guaranteeNeverApplies: (
            "een waarborg waarop geen enkel geval ziet, zodat zij niets belooft", nil,
            "Een belofte over gevallen die niet kunnen voorkomen, wordt vanzelf nagekomen en zegt de lezer niets."),
    ]
}

extension DiagnosticCode {
    /// What the code means, in `language`.
    public func summary(in language: Language) -> String {
        language == .nl ? CodeWords.dutch[self]?.summary ?? summary : summary
    }

    /// For lints: the principle and the seed sections it rests on, in `language`.
    public func principle(in language: Language) -> String? {
        language == .nl ? CodeWords.dutch[self]?.principle ?? principle : principle
    }

    /// Why a lint exists, in `language`.
    public func rationale(in language: Language) -> String? {
        language == .nl ? CodeWords.dutch[self]?.rationale ?? rationale : rationale
    }
}
