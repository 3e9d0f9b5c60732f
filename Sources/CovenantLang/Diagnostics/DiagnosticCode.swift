/// Every diagnostic the front end can report, with its stable code. Codes never change
/// meaning; a retired code is never reused. docs/diagnostics/ has a page for each, with an example.
public enum DiagnosticCode: String, Sendable, CaseIterable, Hashable {
    // Reading and lexing: E1xx
    case invalidUTF8 = "E101"
    case binaryFile = "E102"
    case invalidCharacter = "E103"
    case unterminatedString = "E104"
    case invalidEscape = "E105"
    case invalidNumber = "E106"
    case malformedDate = "E107"
    // Syntax: E11x
    case unexpectedToken = "E110"
    case unknownClause = "E111"
    case duplicateClause = "E112"
    case missingClause = "E113"
    case invalidValueWord = "E114"
    case unknownLanguage = "E115"
    case reservedWord = "E116"
    case covenantHeader = "E117"
    // Names: E2xx
    case unknownName = "E201"
    case duplicateName = "E202"
    case wrongKindOfName = "E203"
    case groupCycle = "E204"
    case treeCycle = "E205"
    case exceptionCycle = "E206"
    // Facts and conditions: E3xx
    case typeMismatch = "E301"
    case unknownEnumValue = "E302"
    case valueOutOfRange = "E303"
    case emptyRange = "E304"
    case duplicateEnumValue = "E305"
    case duplicateFactValue = "E306"
    case roleTypeMismatch = "E307"
    case consentValues = "E308"
    // Rules and tests: E4xx
    case exceptionSameEffect = "E401"
    case permitWithoutBasis = "E402"
    case forbidWithBasis = "E403"
    case denyWithObligations = "E404"
    case queryNotAParty = "E405"
    case expectedRuleOfOtherEffect = "E406"
    // The covenant header: E5xx
    case controllerNotAParty = "E501"
    case invalidDate = "E502"
    case validityReversed = "E503"
    case mandateCycle = "E504"
    case processorForItself = "E505"
    case duplicateController = "E506"
    // Rule analysis: A1xx (each with a witness query where one exists)
    case deadRule = "A101"
    case overriddenPermit = "A102"
    case overlappingPermits = "A103"
    case exceptionOutOfScope = "A104"
    case unusedDeclaration = "A105"
    case analysisBounded = "A106"
    // Legal lints: L2xx (each resting on a principle of DOMAIN.md and its seed)
    case specialCategoryWeakBasis = "L201"
    case consentNotRequired = "L202"
    case consentIgnoresAge = "L203"
    case exceptionalWithoutRecord = "L204"
    case exceptionalWithoutInform = "L205"
    case routineWithoutInform = "L206"
    case consentFromGovernment = "L207"
    case careToEnforcement = "L208"
    case closedRegimePurpose = "L209"
    case broadGrant = "L210"
    case missingRetention = "L211"
    case noSharingWithoutConsent = "L212"
    case noTests = "L213"
    case basisPurposeMismatch = "L214"
    case accountabilityNotAggregate = "L215"
    case obligationAlwaysWaived = "L216"
    case processorSender = "L217"
    case regimeRecipient = "L218"
    case covenantExpiring = "L219"
    case rolesNotDeclared = "L220"
    case literateElementMissing = "L221"
    case contentWithoutIdentity = "L222"
    case staleAcknowledgement = "L223"
    // Guarantees: G1xx (the covenant's own promises, proved over every case)
    case guaranteeRefuted = "G101"
    case guaranteeNotProved = "G102"
    case guaranteeNeverApplies = "G103"
    // Limits: E9xx
    case fileTooLarge = "E901"
    case nestingTooDeep = "E902"
    case tooLong = "E903"
    case tooManyDeclarations = "E904"
    case tooManyErrors = "E905"
    case unreadableFile = "E906"
    case tooManyConditionFacts = "E907"

    /// One line on what the code means, for `covenantc explain-code` and docs/diagnostics/.
    public var summary: String {
        switch self {
        case .invalidUTF8: "the file is not valid UTF-8 text"
        case .binaryFile: "the file contains NUL bytes: it is binary, not a covenant"
        case .invalidCharacter: "a character that has no meaning in a covenant"
        case .unterminatedString: "a string without its closing quote on the same line"
        case .invalidEscape: "an unknown escape sequence in a string"
        case .invalidNumber: "a number that is too large or malformed"
        case .malformedDate: "a date not written as YYYY-MM-DD"
        case .unexpectedToken: "the parser expected something else here"
        case .unknownClause: "a word that is not a clause of this declaration"
        case .duplicateClause: "a clause given twice in one declaration"
        case .missingClause: "a declaration lacks a clause it needs"
        case .invalidValueWord: "a value that is not in the allowed list (party kind, unit, ...)"
        case .unknownLanguage: "a `language` header naming a language other than en or nl"
        case .reservedWord: "a keyword used as a name"
        case .covenantHeader: "the covenant header is missing or given twice"
        case .unknownName: "a name that is not declared"
        case .duplicateName: "a name declared twice"
        case .wrongKindOfName: "a declared name of the wrong kind for its place"
        case .groupCycle: "groups that contain each other"
        case .treeCycle: "a category or purpose nested inside itself"
        case .exceptionCycle: "rules that are exceptions to each other in a cycle"
        case .typeMismatch: "a condition or value that does not fit the fact's type"
        case .unknownEnumValue: "a value that the fact's enumeration does not list"
        case .valueOutOfRange: "a number outside the fact's declared range"
        case .emptyRange: "an integer range whose lower bound exceeds its upper bound"
        case .duplicateEnumValue: "an enumeration that lists a value twice"
        case .duplicateFactValue: "a query that gives one fact twice"
        case .roleTypeMismatch: "a fact role on a fact of the wrong type (age on a yes/no fact, ...)"
        case .consentValues:
            "a consent role that does not say which values are valid consent, or `valid` on another role"
        case .exceptionSameEffect: "an exception whose effect equals its target's"
        case .permitWithoutBasis: "a permit without a legal basis"
        case .forbidWithBasis: "a forbid with a basis or obligations, which it never uses"
        case .denyWithObligations: "a test expecting a deny with obligations"
        case .queryNotAParty: "a query whose sender or recipient is a group, not one party"
        case .expectedRuleOfOtherEffect: "a test expecting a decision by a rule of the other effect"
        case .controllerNotAParty: "a controller that is not a declared party"
        case .invalidDate: "a date that does not exist in the calendar"
        case .validityReversed: "a validity period that ends before it starts"
        case .mandateCycle: "parties that act for (or process for) each other in a cycle"
        case .processorForItself: "a party that is a processor for itself, or both acts for and processes for a party"
        case .duplicateController: "a party named twice as controller"
        case .fileTooLarge: "a file over the size limit"
        case .nestingTooDeep: "braces, parentheses or `not` nested beyond the limit"
        case .tooLong: "a name or string over the length limit"
        case .tooManyDeclarations: "more declarations than the limit"
        case .tooManyErrors: "so many errors that checking stopped"
        case .unreadableFile: "a file that could not be read"
        case .tooManyConditionFacts: "a condition larger than the limits (facts mentioned, and/or operators)"
        case .deadRule: "a rule that never decides anything"
        case .overriddenPermit: "a permit always overridden by a forbid it is no exception to"
        case .overlappingPermits: "permits that decide together with different bases or obligations"
        case .exceptionOutOfScope: "an exception whose scope does not overlap its target's"
        case .unusedDeclaration: "a declaration that no rule uses"
        case .analysisBounded: "a finding not analysed within the work bound"
        case .specialCategoryWeakBasis: "a special category shared without a basis strong enough for it"
        case .consentNotRequired: "a consent-based permit whose condition does not require consent"
        case .consentIgnoresAge: "a consent-based permit that ignores the age of the subject"
        case .exceptionalWithoutRecord: "sharing without consent on an exceptional ground, with no recorded decision"
        case .exceptionalWithoutInform:
            "sharing without consent on an exceptional ground, without informing the subject"
        case .routineWithoutInform: "routine sharing on a public task or legal obligation without informing the subject"
        case .consentFromGovernment: "consent as the basis for sharing by the government controller"
        case .careToEnforcement: "what-information from care to enforcement without a safety or legal ground"
        case .closedRegimePurpose: "a closed-regime party permitted to share outside its law's purposes"
        case .broadGrant: "a whole data tree or any purpose granted outside the sender's domain"
        case .missingRetention: "a leaf category without a retention period"
        case .noSharingWithoutConsent: "a covenant that never says when data is shared without consent"
        case .noTests: "a covenant without test blocks"
        case .basisPurposeMismatch: "a vital interest or conflict of duties for a purpose that is not about safety"
        case .accountabilityNotAggregate: "personal data shared for accountability, where aggregates suffice"
        case .obligationAlwaysWaived: "an obligation whose `unless` holds whenever its rule applies"
        case .processorSender: "a processor permitted to share with anyone but the party it processes for"
        case .regimeRecipient: "a closed-regime party permitted to share with a recipient outside its regime's `to`"
        case .covenantExpiring: "a covenant that has expired, or expires within 90 days"
        case .rolesNotDeclared: "a covenant that declares no legal roles, so the review guesses from names"
        case .literateElementMissing: "a literate covenant that does not state every element seed 004 §5 asks for"
        case .contentWithoutIdentity:
            "what-information permitted in a case where the identity of the person it is about may not follow it"
        case .staleAcknowledgement: "a 'covenant:allow' comment that accepts no finding"
        case .guaranteeRefuted: "a guarantee that a case breaks (with that case as witness)"
        case .guaranteeNotProved: "a guarantee not proved within the work bound"
        case .guaranteeNeverApplies: "a guarantee that no case meets, so it promises nothing"
        }
    }

    /// The severity a finding of this code has unless acknowledged.
    public var defaultSeverity: Severity {
        switch self {
        case .specialCategoryWeakBasis, .closedRegimePurpose, .processorSender, .regimeRecipient, .guaranteeRefuted:
            .error
        case .analysisBounded, .rolesNotDeclared: .note
        default: rawValue.hasPrefix("E") ? .error : .warning
        }
    }

    /// Codes of the review after a clean front end: the rule analysis (A1xx), the legal lints
    /// (L2xx) and the guarantees (G1xx).
    public var isReview: Bool { ["A", "L", "G"].contains { rawValue.hasPrefix($0) } }

    /// Codes reported only on a literate covenant (`*.covenant.md`): their golden examples are Markdown.
    public var isLiterate: Bool { self == .literateElementMissing }

    /// For lints: the principle of shared/design/DOMAIN.md and the seed sections it rests on.
    public var principle: String? {
        switch self {
        case .specialCategoryWeakBasis: "principle 5, special categories (seeds 002 §2.2.6, §2.2.8; 001 §2.1)"
        case .consentNotRequired: "principle 3, legal bases: consent means consent given (seeds 001 §2.1; 004 §3.1)"
        case .consentIgnoresAge: "principle 11, minors (seed 004 §1.5, annex a)"
        case .exceptionalWithoutRecord:
            "principle 7, sharing without consent needs a recorded decision (seeds 001 §3.4; 004 §3.3)"
        case .exceptionalWithoutInform:
            "principle 7, the subject is informed unless weighty reasons (seeds 001 §3.4, §4.2; 004 annex b)"
        case .routineWithoutInform:
            "principle 4, transparency for processing on a public task (seed 003, VNG factsheet); "
                + "principle 13 (001 §3.5)"
        case .consentFromGovernment:
            "principle 4, general up-front consent is not a valid basis (seed 003, VNG factsheet)"
        case .careToEnforcement: "principle 10, care versus enforcement (seed 004 §1.2)"
        case .closedRegimePurpose: "principle 9, a covenant never sets aside a law (seeds 000; 004 annex j)"
        case .broadGrant: "principle 2, purpose binding and proportionality (seeds 001 §3.1; 002 §2.1.4)"
        case .missingRetention: "principle 12, retention (seed 004 §2.3)"
        case .noSharingWithoutConsent: "what a covenant must state, f: the cases without consent (seed 004 §5)"
        case .noTests: "what a covenant must state (seed 004 §5): tests make the covenant's answers checkable"
        case .basisPurposeMismatch: "principle 7, exceptional grounds serve safety (seeds 001 §3.4; 004 §1.3, §3.2.1)"
        case .accountabilityNotAggregate:
            "principle 2, proportionality: the council gets aggregates (seed 002, annex 3 b.3; seed 001 §4.3)"
        case .obligationAlwaysWaived:
            "principle 7, a duty to inform is postponed, not dropped, for weighty reasons (seed 004 annex b)"
        case .processorSender:
            "a processor acts only on the controller's instructions (seed 002, annex 3 c; Wbp art. 14, GDPR art. 28)"
        case .regimeRecipient: "principle 9, a covenant never sets aside a law (seeds 000; 004 annex j)"
        case .covenantExpiring:
            "the covenant is in force only for its validity period (seed 004 §5; LANGUAGE-V2 semantics 8)"
        case .rolesNotDeclared: "LANGUAGE-V2: lints read declared roles, never names"
        case .literateElementMissing: "what a covenant must state, a to i (seed 004 §5)"
        case .contentWithoutIdentity:
            "principle 2, necessity and coherence: only an anonymous case discussion goes without the person "
                + "(seed 004 §3.4)"
        default: nil
        }
    }
}

extension DiagnosticCode {
    /// One line on why a lint exists, for SARIF, `covenantc explain-code` and docs/diagnostics/.
    public var rationale: String? {
        switch self {
        case .specialCategoryWeakBasis:
            "Health and criminal data may be shared only where a law provides, with unambiguous consent, "
                + "in a vital interest, on a legal obligation or in a conflict of duties."
        case .consentNotRequired: "A permit that rests on consent must apply only when consent is given."
        case .consentIgnoresAge:
            "Under 12 the parent consents, from 12 to 16 both, from 16 the young person: "
                + "a consent rule must say which age it covers."
        case .exceptionalWithoutRecord:
            "Sharing without consent needs an explicit, reasoned decision after triage, recorded in the dossier."
        case .exceptionalWithoutInform:
            "The subject is informed of sharing without consent, "
                + "unless weighty reasons (an unless waiver) say otherwise."
        case .routineWithoutInform:
            "Routine processing on a public task or legal obligation rests on transparency: the subject is informed."
        case .consentFromGovernment:
            "The citizen depends on the municipality, so consent given to it is not free; "
                + "its basis is a legal obligation or public task."
        case .careToEnforcement:
            "Sharing content from care providers with police or prosecutors endangers the trust relation "
                + "and needs its own ground."
        case .closedRegimePurpose:
            "A party under a closed regime (Wet politiegegevens, SUWI) may share only for the purposes its law lists."
        case .broadGrant: "All data, or any purpose, to another domain is rarely necessary and proportionate."
        case .missingRetention:
            "Every kind of data needs a retention period; the legal term is both a minimum and a maximum."
        case .noSharingWithoutConsent: "A covenant must state the cases in which data is shared without consent."
        case .noTests: "Test blocks state what the covenant must answer and are run in CI."
        case .basisPurposeMismatch:
            "A vital interest or a conflict of duties justifies sharing without consent only to avert serious danger, "
                + "not for support or enforcement."
        case .accountabilityNotAggregate:
            "Accounting to the council needs numbers, not people: personal data is not necessary for it."
        case .obligationAlwaysWaived:
            "An obligation that is waived whenever it would be owed is never owed; "
                + "postpone it instead if that is meant."
        case .processorSender: "A processor processes on behalf of one party and gives data back only to it."
        case .regimeRecipient:
            "A closed regime that names its recipients (Wet SUWI, Wpg) allows sharing with no others."
        case .covenantExpiring:
            "Outside its validity a covenant permits nothing; renewal takes a council decision in time."
        case .rolesNotDeclared:
            "Without declared roles the review guesses which fact is consent "
                + "and which obligation informs from their names."
        case .literateElementMissing:
            """
            A covenant states at least the nine elements of seed 004 §5; a literate covenant marks the section of its \
            text that states each one, so the council can find it.
            """
        case .contentWithoutIdentity:
            "Content about a person is of no use to the recipient without knowing whom it is about, unless the case "
                + "is discussed anonymously on purpose: identity should travel under the same conditions."
        case .staleAcknowledgement:
            "An acknowledgement that accepts nothing hides nothing today, but would silently accept a new finding "
                + "of its code in that declaration tomorrow."
        case .guaranteeRefuted:
            "A guarantee is the covenant's own promise: a case that breaks it means the rules and the promise disagree."
        case .guaranteeNotProved:
            "A promise is reported as kept only when every case has been weighed; "
                + "past the work bound nothing is claimed."
        case .guaranteeNeverApplies:
            "A promise about cases that cannot occur is kept trivially and tells the reader nothing."
        default: nil
        }
    }
}
