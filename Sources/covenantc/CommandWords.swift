import CovenantEval

/// The command line's own words in English and Dutch: usage, every command's `--help`,
/// usage errors and summaries. Same form as `Messages.catalogue` (see `Messages`).
enum CommandWords {
    static let entries: [String: (en: String, nl: String)] = [:]

    /// The text for `key` in `language`, with `{0}`, `{1}`, … replaced by `args`.
    static func text(_ key: String, _ language: Language, _ args: String...) -> String {
        Messages.text(key, language, arguments: args, from: entries)
    }
}
