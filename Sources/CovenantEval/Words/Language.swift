/// The language the tool speaks to its user: English, or Dutch for the municipal lawyers,
/// privacy officers and councils it is made for.
public enum Language: String, Sendable, CaseIterable, Equatable {
    case en, nl
}

/// Who chooses the language of what the tool prints: the user (`--lang`), else the covenant
/// (`taal nl`), else the environment (`COVENANT_LANG`), else English.
public struct LanguagePreference: Sendable, Equatable {
    /// `--lang`, or a library caller's choice.
    public var explicit: Language?
    /// `COVENANT_LANG`.
    public var environment: Language?

    public init(explicit: Language? = nil, environment: Language? = nil) {
        self.explicit = explicit
        self.environment = environment
    }

    /// The language for a covenant written in `covenant` (nil when there is no covenant, or
    /// it was not read). A Dutch covenant is answered in Dutch unless the user asks otherwise.
    public func language(covenant: Language?) -> Language {
        if let explicit { return explicit }
        if covenant == .nl { return .nl }
        return environment ?? covenant ?? .en
    }
}

/// An error with a stable kind for programs and a message worded from the catalogue for
/// people: `message(in:)` in either language, `message` and `description` in English.
public protocol WordedError: Error, CustomStringConvertible {
    func message(in language: Language) -> String
}

extension WordedError {
    /// In English.
    public var message: String { message(in: .en) }
    public var description: String { message }
}
