import CovenantEval

public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A replacement that would fix the problem: put `replacement` where `range` is.
public struct FixIt: Sendable, Hashable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A secondary message, optionally pointing at another place ("first declared here").
public struct DiagnosticNote: Sendable, Hashable {
    public var message: String
    public var range: SourceRange?

    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// One problem found in a covenant, with a stable code, an exact range and, where one
/// exists, a help line and a fix.
public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    public var notes: [DiagnosticNote]
    public var help: String?
    public var fix: FixIt?
    /// For an analysis finding: a query that shows it.
    public var witness: String?
    /// Set when a `// covenant:allow CODE "reason"` comment acknowledges the finding.
    public var acknowledgement: String?
    /// The language the message is written in (the renderer labels it in the same one).
    public var language: Language = .en

    public init(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange,
        severity: Severity = .error, notes: [DiagnosticNote] = [], help: String? = nil,
        fix: FixIt? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
        self.help = help
        self.fix = fix
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics marked as written in `words`' language, so the renderer labels them in it.
    func worded(_ words: Words) -> [Diagnostic] {
        map {
            var d = $0; d.language = words.language; return d
        }
    }

    public var hasErrors: Bool { contains { $0.severity == .error && $0.acknowledgement == nil } }
    public var errorCount: Int { filter { $0.severity == .error && $0.acknowledgement == nil }.count }
    public var warningCount: Int { filter { $0.severity == .warning && $0.acknowledgement == nil }.count }

    /// In file order, errors before warnings at the same place.
    public func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.range.file != y.range.file { return x.range.file < y.range.file }
            if x.range.start.offset != y.range.start.offset {
                return x.range.start.offset < y.range.start.offset
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
