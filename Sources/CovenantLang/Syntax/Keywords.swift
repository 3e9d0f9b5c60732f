/// The keyword language of a covenant file. A file that starts with `language nl` or
/// `taal nl` uses the Dutch set; otherwise English.
public enum KeywordLanguage: String, Sendable, CaseIterable, Hashable {
    case en, nl
}

/// Every keyword of the language. Keywords are matched by context: the parser asks "is this
/// word keyword K here?", so one spelling may serve two keywords (English `permit` is both the
/// rule effect and the expected decision) and value words such as `care` stay usable as
/// enumeration values of facts.
public enum Keyword: String, Sendable, CaseIterable, Hashable {
    case language, covenant, version, controller, valid, from, until
    case party, kind, secrecy, regime, closed, group
    case category, nature, special, retention, purpose
    case fact, `default`, bool, int, `true`, `false`
    case basis, obligation
    case rule, exception, to, permit, forbid, share, `for`, any, when, oblige
    case and, or, not, `in`
    case before, after, within, unless
    case test, query, given, expect, permitted, denied, by, waived, missing
    // Version 2: mandate, processors, regime recipients, fact roles, postponement.
    case acts, processor, regimeTo, role, fixed, postponed, `while`, on
    // Guarantees: `guarantee ID { never|always|whenever S -> R share C for P when X permitted oblige O }`.
    // Dutch `telkens` may be followed by `als` ("telkens als"), which the formatter prints.
    case guarantee, never, always, whenever, ifPermitted

    /// The spellings in each language; the first is the one the formatter prints.
    public func spellings(_ language: KeywordLanguage) -> [String] {
        switch language {
        case .en: return Keyword.english[self]!
        case .nl: return Keyword.dutch[self]!
        }
    }

    static let english: [Keyword: [String]] = [
        .language: ["language"], .covenant: ["covenant"], .version: ["version"],
        .controller: ["controller"], .valid: ["valid"], .from: ["from"], .until: ["until"],
        .party: ["party"], .kind: ["kind"], .secrecy: ["secrecy"], .regime: ["regime"],
        .closed: ["closed"], .group: ["group"], .category: ["category"], .nature: ["nature"],
        .special: ["special"], .retention: ["retention"], .purpose: ["purpose"], .fact: ["fact"],
        .default: ["default"], .bool: ["bool"], .int: ["int"], .true: ["true"], .false: ["false"],
        .basis: ["basis"], .obligation: ["obligation"], .rule: ["rule"], .exception: ["exception"],
        .to: ["to"], .permit: ["permit"], .forbid: ["forbid"], .share: ["share"], .for: ["for"],
        .any: ["any"], .when: ["when"], .oblige: ["oblige"], .and: ["and"], .or: ["or"],
        .not: ["not"], .in: ["in"], .before: ["before"], .after: ["after"], .within: ["within"],
        .unless: ["unless"], .test: ["test"], .query: ["query"], .given: ["given"],
        .expect: ["expect"], .permitted: ["permit"], .denied: ["deny"], .by: ["by"],
        .waived: ["waived"], .missing: ["missing"],
        .acts: ["acts"], .processor: ["processor"], .regimeTo: ["to"], .role: ["role"], .fixed: ["fixed"],
        .postponed: ["postponed"], .while: ["while"], .on: ["on"],
        .guarantee: ["guarantee"], .never: ["never"], .always: ["always"], .whenever: ["whenever"],
        .ifPermitted: ["permitted"],
    ]

    static let dutch: [Keyword: [String]] = [
        .language: ["taal"], .covenant: ["convenant"], .version: ["versie"],
        .controller: ["verantwoordelijke"], .valid: ["geldig"], .from: ["van"], .until: ["tot"],
        .party: ["partij"], .kind: ["soort"], .secrecy: ["geheimhouding"], .regime: ["regime"],
        .closed: ["gesloten"], .group: ["groep"], .category: ["gegevens"], .nature: ["aard"],
        .special: ["bijzonder"], .retention: ["bewaartermijn"], .purpose: ["doel"], .fact: ["feit"],
        .default: ["standaard"], .bool: ["janee"], .int: ["getal"], .true: ["ja"], .false: ["nee"],
        .basis: ["grondslag"], .obligation: ["verplichting"], .rule: ["regel"],
        .exception: ["uitzondering"], .to: ["op"], .permit: ["toestaan"], .forbid: ["verbieden"],
        .share: ["deel"], .for: ["voor"], .any: ["iedere", "alle"], .when: ["wanneer"],
        .oblige: ["verplicht"], .and: ["en"], .or: ["of"], .not: ["niet"], .in: ["in"],
        .before: ["vooraf"], .after: ["achteraf"], .within: ["binnen"], .unless: ["tenzij"],
        .test: ["test"], .query: ["vraag"], .given: ["met"], .expect: ["verwacht"],
        .permitted: ["toegestaan"], .denied: ["geweigerd"], .by: ["door"],
        .waived: ["vervallen"], .missing: ["ontbrekend"],
        .acts: ["namens"], .processor: ["verwerker"], .regimeTo: ["aan"], .role: ["rol"], .fixed: ["vast"],
        .postponed: ["uitgesteld"], .while: ["zolang"], .on: ["op"],
        .guarantee: ["waarborg"], .never: ["nooit"], .always: ["altijd"], .whenever: ["telkens"],
        .ifPermitted: ["toegestaan"],
    ]

    /// Keywords that can never be declared as names, in either language, so that every file
    /// can be translated to the other keyword set and back. Value words (`care`, `health`,
    /// `consent`, `true`, ...) are not reserved: they are matched only where a value is expected.
    static let reservedKeywords: [Keyword] = [
        .covenant, .party, .group, .category, .purpose, .fact, .basis, .obligation, .rule,
        .exception, .permit, .forbid, .share, .for, .any, .when, .oblige, .and, .or, .not,
        .in, .unless, .within, .test, .query, .given, .expect, .by, .guarantee,
    ]

    /// Spelling → (keyword, language) for the reserved words of both languages.
    public static let reservedWords: [String: (Keyword, KeywordLanguage)] = {
        var words: [String: (Keyword, KeywordLanguage)] = [:]
        for language in KeywordLanguage.allCases {
            for keyword in reservedKeywords {
                for spelling in keyword.spellings(language) where words[spelling] == nil {
                    words[spelling] = (keyword, language)
                }
            }
        }
        return words
    }()
}

/// A word from a closed list of values (party kinds, natures, units, ...), spelled per language.
public protocol ValueWord: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// What the list is called in messages, without an article: "party kind", "soort partij".
    static func listName(_ words: Words) -> String
    /// Dutch spellings, the first printed by the formatter; English is the raw value (plus
    /// `extraEnglish`).
    var dutch: [String] { get }
    var extraEnglish: [String] { get }
}

extension ValueWord {
    public var extraEnglish: [String] { [] }

    public func spellings(_ language: KeywordLanguage) -> [String] {
        language == .en ? [rawValue] + extraEnglish : dutch
    }

    /// The value a word names in the given language, if any.
    public static func named(_ word: String, in language: KeywordLanguage) -> Self? {
        allCases.first { $0.spellings(language).contains(word) }
    }

    /// The allowed words in a language, for "expected one of ..." messages.
    public static func allowedWords(_ language: KeywordLanguage) -> [String] {
        allCases.map { $0.spellings(language)[0] }
    }
}

public enum PartyKind: String, ValueWord {
    case government, care, enforcement, education, housing, other
    public static func listName(_ words: Words) -> String { words("keywords.list.partyKind") }
    public var dutch: [String] {
        switch self {
        case .government: ["overheid"]
        case .care: ["zorg"]
        case .enforcement: ["handhaving"]
        case .education: ["onderwijs"]
        case .housing: ["wonen"]
        case .other: ["overig"]
        }
    }
}

public enum Secrecy: String, ValueWord {
    case none, professional, medical
    public static func listName(_ words: Words) -> String { words("keywords.list.secrecy") }
    public var dutch: [String] {
        switch self {
        case .none: ["geen"]
        case .professional: ["beroepsgeheim"]
        case .medical: ["medisch"]
        }
    }
}

public enum Nature: String, ValueWord {
    /// That-information, what-information (the content), aggregates (not personal data), and
    /// identity: who the data is about (name, address, BSN), which travels with the content.
    case that, what, aggregate, identity
    public static func listName(_ words: Words) -> String { words("keywords.list.nature") }
    public var dutch: [String] {
        switch self {
        case .that: ["dat"]
        case .what: ["wat"]
        case .aggregate: ["geaggregeerd"]
        case .identity: ["identiteit"]
        }
    }
}

/// Special categories of personal data (Wbp art. 16, GDPR art. 9 and 10).
public enum SpecialCategory: String, ValueWord {
    case health, criminal, ethnicity, political, religion, union, genetic, biometric, sexual
    public static func listName(_ words: Words) -> String { words("keywords.list.specialCategory") }
    public var dutch: [String] {
        switch self {
        case .health: ["gezondheid"]
        case .criminal: ["strafrechtelijk"]
        case .ethnicity: ["etniciteit"]
        case .political: ["politiek"]
        case .religion: ["religie"]
        case .union: ["vakbond"]
        case .genetic: ["genetisch"]
        case .biometric: ["biometrisch"]
        case .sexual: ["seksueel"]
        }
    }
}

/// Kinds of legal basis (Wbp art. 8 / GDPR art. 6, and conflict of duties).
public enum BasisKind: String, ValueWord {
    case consent, legal_obligation, vital_interest, public_task, law, conflict_of_duties
    public static func listName(_ words: Words) -> String { words("keywords.list.basisKind") }
    public var dutch: [String] {
        switch self {
        case .consent: ["toestemming"]
        case .legal_obligation: ["wettelijke_plicht"]
        case .vital_interest: ["vitaal_belang"]
        case .public_task: ["publieke_taak"]
        case .law: ["wet"]
        case .conflict_of_duties: ["conflict_van_plichten"]
        }
    }
}

public enum TimeUnit: String, ValueWord {
    case days, weeks, months, years
    public static func listName(_ words: Words) -> String { words("keywords.list.timeUnit") }
    public var extraEnglish: [String] {
        switch self {
        case .days: ["day"]
        case .weeks: ["week"]
        case .months: ["month"]
        case .years: ["year"]
        }
    }
    public var dutch: [String] {
        switch self {
        case .days: ["dagen", "dag"]
        case .weeks: ["weken", "week"]
        case .months: ["maanden", "maand"]
        case .years: ["jaren", "jaar"]
        }
    }
}

/// The legal kind of a purpose (version 2). Sub-purposes inherit their parent's kind.
public enum PurposeKind: String, ValueWord {
    case support, safety, enforcement, public_health, accountability, research, other
    public static func listName(_ words: Words) -> String { words("keywords.list.purposeKind") }
    public var dutch: [String] {
        switch self {
        case .support: ["ondersteuning"]
        case .safety: ["veiligheid"]
        case .enforcement: ["handhaving"]
        case .public_health: ["volksgezondheid"]
        case .accountability: ["verantwoording"]
        case .research: ["onderzoek"]
        case .other: ["overig"]
        }
    }
}

/// The legal role of a fact (version 2): what the lints and explanations may read from it.
public enum FactRole: String, ValueWord {
    /// The data subject's consent; only the `valid` values are specific, valid consent.
    case consent
    /// The subject's age in years (an int fact); fixed, so never a counterfactual.
    case age
    /// The consent of a parent with authority or a legal representative (a yes/no fact).
    case representative
    public static func listName(_ words: Words) -> String { words("keywords.list.factRole") }
    public var dutch: [String] {
        switch self {
        case .consent: ["toestemming"]
        case .age: ["leeftijd"]
        case .representative: ["vertegenwoordiger"]
        }
    }
}

/// What an obligation is (version 2), so lints read duties by kind, not by name.
public enum ObligationKind: String, ValueWord {
    case inform, record, notify, confirm, erase, other
    public static func listName(_ words: Words) -> String { words("keywords.list.obligationKind") }
    public var dutch: [String] {
        switch self {
        case .inform: ["informeren"]
        case .record: ["vastleggen"]
        case .notify: ["melden"]
        case .confirm: ["bevestigen"]
        case .erase: ["vernietigen"]
        case .other: ["overig"]
        }
    }
}

/// Who must carry out an obligation (version 2); the sender when the rule does not say.
public enum Actor: String, ValueWord {
    case sender, recipient, controller
    public static func listName(_ words: Words) -> String { words("keywords.list.actor") }
    public var dutch: [String] {
        switch self {
        case .sender: ["verstrekker"]
        case .recipient: ["ontvanger"]
        case .controller: ["verantwoordelijke"]
        }
    }
}
