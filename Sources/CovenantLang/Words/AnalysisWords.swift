/// The analysis stage's diagnostics in English and Dutch (see `Words`).
enum AnalysisWords {
    static let entries: [String: (en: String, nl: String)] = [:]
}
