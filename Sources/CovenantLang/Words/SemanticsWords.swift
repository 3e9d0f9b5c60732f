/// The semantics stage's diagnostics in English and Dutch (see `Words`).
enum SemanticsWords {
    static let entries: [String: (en: String, nl: String)] = [:]
}
