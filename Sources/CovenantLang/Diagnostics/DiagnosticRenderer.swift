import CovenantEval

/// Renders diagnostics the way compilers do:
///
///     boekel.covenant:12:10: error[E201]: unknown party or group 'ggzz'
///        12 |   permit ggzz -> wijkteam
///           |          ^^^^
///       help: did you mean 'ggz'?
public struct DiagnosticRenderer: Sendable {
    /// The files the diagnostics point into, by path, to show their source lines.
    public var files: [String: SourceFile]

    public init(files: [SourceFile]) {
        var byPath: [String: SourceFile] = [:]
        for file in files { byPath[file.path] = file }
        self.files = byPath
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let r = diagnostic.range
        let words = Words(diagnostic.language)
        let severity =
            diagnostic.acknowledgement == nil
            ? words("render.\(diagnostic.severity.rawValue)") : words("render.acknowledged")
        var out =
            "\(r.file):\(r.start.line):\(r.start.column): "
            + "\(severity)[\(diagnostic.code.rawValue)]: \(diagnostic.message)\n"
        out += snippet(r)
        if let witness = diagnostic.witness { out += "    \(words("render.witness")): \(witness)\n" }
        if let principle = diagnostic.code.principle(in: diagnostic.language) {
            out += "    \(words("render.principle")): \(principle)\n"
        }
        if let reason = diagnostic.acknowledgement { out += "    \(words("render.acknowledgedBecause")): \(reason)\n" }
        for note in diagnostic.notes {
            if let at = note.range {
                out += "    \(words("render.note")): \(note.message) (\(at.file):\(at.start.line):\(at.start.column))\n"
                out += snippet(at)
            } else {
                out += "    \(words("render.note")): \(note.message)\n"
            }
        }
        if let help = diagnostic.help {
            out += "    \(words("render.help")): \(help)\n"
        }
        return out
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    /// The widest source line shown whole; a longer one (a table's JSON, a generated file) is
    /// clipped to a window around the range, marked with "…" at the cut ends.
    public static let maxSnippetWidth = 120

    /// The source line of the range's start, and a caret line under the exact range (to the
    /// end of the line when the range spans lines; one caret for an empty range).
    func snippet(_ range: SourceRange) -> String {
        guard let file = files[range.file], range.start.line <= file.lineStarts.count else { return "" }
        let line = file.lineText(range.start.line)
        var scalars = Array(line.unicodeScalars)
        var startColumn = min(range.start.column, scalars.count + 1)
        var endColumn: Int
        if range.end.line == range.start.line {
            endColumn = max(startColumn + 1, min(range.end.column, scalars.count + 1))
        } else {
            endColumn = max(startColumn + 1, scalars.count + 1)
        }
        if scalars.count > Self.maxSnippetWidth {
            // A window that starts a little before the range, so its context shows.
            let from = max(0, min(startColumn - 1 - 20, scalars.count - Self.maxSnippetWidth))
            let to = min(scalars.count, from + Self.maxSnippetWidth)
            var window = Array(scalars[from..<to])
            if to < scalars.count { window.append("…") }
            let shift = from > 0 ? from - 1 : 0
            if from > 0 { window.insert("…", at: 0) }
            scalars = window
            startColumn -= shift
            endColumn = min(endColumn - shift, scalars.count + 1)
        }
        // Keep tabs in the padding so the carets line up under a tab-indented source line.
        var pad = ""
        for scalar in scalars.prefix(startColumn - 1) { pad.unicodeScalars.append(scalar == "\t" ? "\t" : " ") }
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let printable = String(String.UnicodeScalarView(scalars.map { $0.value < 0x20 && $0 != "\t" ? "?" : $0 }))
        return
            "  \(number) | \(printable)\n"
            + "  \(gutter) | \(pad)\(String(repeating: "^", count: max(1, endColumn - startColumn)))\n"
    }
}
