import CovenantEval

/// The words of the compiler's diagnostics (messages, notes, help and fix-it text) in one
/// language. Every sentence is an entry of `Words.catalogue`, in English and in Dutch as a
/// Dutch lawyer would write it; `MessagesTests` checks that both have the same placeholders
/// and that every key the sources use exists.
public struct Words: Sendable, Equatable {
    public var language: Language

    public init(_ language: Language) { self.language = language }

    /// The sentence for `key`, with `{0}`, `{1}`, … replaced by `args`.
    public func callAsFunction(_ key: String, _ args: String...) -> String {
        Messages.text(key, language, arguments: args, from: Words.catalogue)
    }

    /// "a, b and c" / "a, b en c".
    public func list(_ items: [String]) -> String { Messages.list(items, language) }

    /// One part per stage: syntax, semantics, analysis, authoring (tests and coverage), and the
    /// council document (render).
    static let parts = [
        SyntaxWords.entries, SemanticsWords.entries, AnalysisWords.entries, AuthoringWords.entries, RenderWords.entries,
    ]

    /// The catalogue of the compiler, one part per stage.
    public static let catalogue: [String: (en: String, nl: String)] = {
        var all: [String: (en: String, nl: String)] = [:]
        for part in parts {
            all.merge(part) { first, _ in first }
        }
        return all
    }()

    /// Keys defined in more than one part (the catalogue's test wants none).
    static var duplicateKeys: [String] {
        var seen = Set<String>()
        var duplicates: [String] = []
        for part in parts {
            for key in part.keys where !seen.insert(key).inserted { duplicates.append(key) }
        }
        return duplicates
    }
}

extension KeywordLanguage {
    /// The language a file's keywords are in, as a language of messages.
    public var messageLanguage: Language { self == .nl ? .nl : .en }
}
