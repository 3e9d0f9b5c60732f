/// The review of a literate covenant (`*.covenant.md`): L221, one finding for each element of
/// seed 004 §5 that no marked section of the text states, nor (for a, b, e and f) the rules;
/// and E110 for a declaration that does not stand whole in one covenant block. A plain
/// `.covenant` holds no prose, so it gets neither.
extension LintContext {
    mutating func checkLiterate(_ document: LiterateDocument) {
        findings += document.structureDiagnostics(file)
        for coverage in ElementCoverage.of(document, model) {
            let element = coverage.element
            let name = element.name(words.language)
            let message: String
            switch coverage.source {
            case .text, .rules:
                continue
            case .emptySection(let heading?, let line):
                message = words("lint.L221.empty", headerTitle, name, heading, "\(line)")
            case .emptySection(nil, let line):
                message = words("lint.L221.empty.noHeading", headerTitle, name, "\(line)")
            case .missing:
                message =
                    element.statedByRules
                    ? words("lint.L221.missing.rules", headerTitle, name)
                    : words("lint.L221.missing", headerTitle, name)
            }
            let marker = "<!-- covenant: §5 \(element.rawValue) -->"
            let help =
                rulesHint(element).map { words("lint.L221.help.rules", marker, $0) }
                ?? words("lint.L221.help", marker)
            findings.append(
                Diagnostic(
                    .literateElementMissing, message, at: headerRange,
                    severity: DiagnosticCode.literateElementMissing.defaultSeverity, help: help))
        }
    }

    /// How the rules could state the element, with the syntax in the file's keyword language.
    func rulesHint(_ element: CovenantElement) -> String? {
        switch element {
        case .a: words("lint.L221.rules.a", kw(.party), kw(.controller), kw(.purpose))
        case .b: words("lint.L221.rules.b", "\(kw(.special)) \(spelled(SpecialCategory.health))")
        case .e: words("lint.L221.rules.e", "\(kw(.role)) \(spelled(FactRole.consent))")
        case .f: words("lint.L221.rules.f", "\(kw(.basis)) ... { \(kw(.kind)) \(spelled(BasisKind.public_task)) }")
        default: nil
        }
    }
}
