import CovenantEval
import Foundation

/// The language a command speaks (issue: Dutch throughout): `--lang en|nl`, else the
/// covenant's own (`taal nl`), else COVENANT_LANG, else English.
enum UserLanguage {
    static func choose(_ parsed: Arguments, covenant: Language?) throws -> Language {
        try preference(parsed).language(covenant: covenant)
    }

    /// `--lang` and COVENANT_LANG, for the libraries to apply to each covenant they read.
    static func preference(_ parsed: Arguments) throws -> LanguagePreference {
        var explicit: Language?
        if let value = parsed.value("--lang") {
            guard let language = Language(rawValue: value) else {
                throw Arguments.UsageError("arguments.lang", parsed.language, value)
            }
            explicit = language
        }
        return LanguagePreference(explicit: explicit, environment: environment)
    }

    /// COVENANT_LANG, when it names a language.
    static var environment: Language? {
        ProcessInfo.processInfo.environment["COVENANT_LANG"].flatMap {
            Language(rawValue: $0.lowercased().prefix(2).description)
        }
    }
}
