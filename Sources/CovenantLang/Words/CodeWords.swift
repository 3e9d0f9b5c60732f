import CovenantEval

/// Each diagnostic code's summary, principle and rationale in Dutch (the English stands in
/// `DiagnosticCode`). `WordsTests` checks that every code has them exactly where English does.
enum CodeWords {
    static let dutch: [DiagnosticCode: (summary: String, principle: String?, rationale: String?)] = [:]
}

extension DiagnosticCode {
    /// What the code means, in `language`.
    public func summary(in language: Language) -> String {
        language == .nl ? CodeWords.dutch[self]?.summary ?? summary : summary
    }

    /// For lints: the principle and the seed sections it rests on, in `language`.
    public func principle(in language: Language) -> String? {
        language == .nl ? CodeWords.dutch[self]?.principle ?? principle : principle
    }

    /// Why a lint exists, in `language`.
    public func rationale(in language: Language) -> String? {
        language == .nl ? CodeWords.dutch[self]?.rationale ?? rationale : rationale
    }
}
