/// The test runner's and coverage report's words in English and Dutch (see `Words`).
enum AuthoringWords {
    static let entries: [String: (en: String, nl: String)] = [:]
}
