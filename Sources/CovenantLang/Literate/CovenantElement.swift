import CovenantEval

/// The nine elements seed 004 §5 asks every covenant to state (docs/principles.md, "What a
/// covenant must state"). A literate covenant ties them to the sections of its text with a
/// marker, `<!-- covenant: §5 c, h -->`; a, b, e and f can also be stated by the rules.
public enum CovenantElement: Character, CaseIterable, Sendable {
    /// The organisations, controllers and purposes.
    case a = "a"
    /// The processing of special categories of personal data.
    case b = "b"
    /// How citizens are informed.
    case c = "c"
    /// The main processings, their notification to the data protection officer, the protocol.
    case d = "d"
    /// How consent is obtained.
    case e = "e"
    /// The cases without consent.
    case f = "f"
    /// Escalation in emergencies.
    case g = "g"
    /// How people exercise their rights.
    case h = "h"
    /// Information security and secrecy.
    case i = "i"

    /// The element in words, with its letter: "c. how citizens are informed".
    public func name(_ language: Language) -> String { Words(language)("literate.element.\(rawValue)") }

    /// Whether declarations and rules can state the element (a, b, e, f).
    public var statedByRules: Bool { [.a, .b, .e, .f].contains(self) }

    /// Whether the covenant's rules state the element: a, the parties, a controller and the
    /// purposes declared; b, a category with `special`; e, a fact with `role consent`; f, a
    /// permit on a basis whose kind is not consent.
    public func isStated(by model: CovenantModel) -> Bool {
        switch self {
        case .a: !model.parties.isEmpty && !model.controllers.isEmpty && !model.purposes.isEmpty
        case .b: model.categories.contains { $0.special != nil }
        case .e: model.facts.contains { if case .consent = $0.role { true } else { false } }
        case .f:
            model.rules.contains { rule in
                rule.effect == .permit && rule.bases.contains { model.bases[$0].kind != .consent }
            }
        default: false
        }
    }
}

/// How a covenant states one element of seed 004 §5.
public struct ElementCoverage: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// A marked section with text: the first such marker's heading and line.
        case text(heading: String?, line: Int)
        /// The declarations and rules.
        case rules
        /// Marked, but the marked section holds no text (the first marker).
        case emptySection(heading: String?, line: Int)
        /// Neither marked nor stated by the rules.
        case missing
    }

    public var element: CovenantElement
    public var source: Source

    public var isStated: Bool {
        switch source {
        case .text, .rules: true
        case .emptySection, .missing: false
        }
    }

    /// Every element, in order a–i: stated by a marked section with text, else by the rules,
    /// else marked on an empty section, else missing. Without a document (a plain `.covenant`)
    /// only the rules count.
    public static func of(_ document: LiterateDocument?, _ model: CovenantModel) -> [ElementCoverage] {
        CovenantElement.allCases.map { element in
            let marks = document?.elements.filter { $0.letter == element.rawValue } ?? []
            if let marked = marks.first(where: { document?.sectionHasText($0.line) == true }) {
                return ElementCoverage(element: element, source: .text(heading: marked.heading, line: marked.line))
            }
            if element.isStated(by: model) { return ElementCoverage(element: element, source: .rules) }
            if let marked = marks.first {
                let source = Source.emptySection(heading: marked.heading, line: marked.line)
                return ElementCoverage(element: element, source: source)
            }
            return ElementCoverage(element: element, source: .missing)
        }
    }
}
