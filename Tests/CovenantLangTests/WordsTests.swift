import CovenantEval
import Foundation
import Testing
@testable import CovenantLang

/// The compiler's message catalogue: both languages, the same placeholders, no key defined
/// twice, and every key the sources use is defined (a missing key would print the key itself).
@Suite struct WordsTests {
    @Test func everyEntryHasBothLanguagesWithTheSamePlaceholders() {
        #expect(Words.duplicateKeys.isEmpty, "defined twice: \(Words.duplicateKeys)")
        for (key, entry) in Words.catalogue {
            #expect(!entry.en.isEmpty && !entry.nl.isEmpty, "\(key)")
            #expect(
                Messages.placeholders(entry.en) == Messages.placeholders(entry.nl), "\(key): \(entry.en) / \(entry.nl)")
        }
    }

    @Test func everyKeyTheSourcesUseIsInTheCatalogue() throws {
        let used = try SourceKeys.used(in: "Sources/CovenantLang", pattern: #"words\("([A-Za-z0-9_.]+)""#)
        #expect(!used.isEmpty)
        for (key, place) in used where Words.catalogue[key] == nil {
            Issue.record("\(place): the key '\(key)' is not in Words.catalogue")
        }
    }

    @Test func everyCodeIsExplainedInDutchWhereItIsInEnglish() {
        for code in DiagnosticCode.allCases {
            guard let dutch = CodeWords.dutch[code] else {
                Issue.record("\(code.rawValue) has no Dutch summary in CodeWords")
                continue
            }
            #expect(!dutch.summary.isEmpty && dutch.summary != code.summary, "\(code.rawValue)")
            #expect(
                (dutch.principle == nil) == (code.principle == nil), "\(code.rawValue): principle in one language only")
            #expect(
                (dutch.rationale == nil) == (code.rationale == nil), "\(code.rawValue): rationale in one language only")
        }
    }

    @Test func aDutchFileIsAnsweredInDutchUnlessTheUserAsksOtherwise() {
        let preference = LanguagePreference()
        #expect(preference.language(covenant: .nl) == .nl)
        #expect(LanguagePreference(explicit: .en).language(covenant: .nl) == .en)
        #expect(LanguagePreference(environment: .nl).language(covenant: .en) == .nl)
        #expect(LanguagePreference(environment: .en).language(covenant: .nl) == .nl)
        #expect(Lexer.declaredLanguage(Array("// kop\n\ntaal nl\nconvenant \"x\"".utf8)) == .nl)
        #expect(Lexer.declaredLanguage(Array("covenant \"x\"".utf8)) == .en)
    }
}

/// Keys passed to a catalogue in the package's sources, found by a pattern whose first group
/// is the key; each with the file and line it stands on.
enum SourceKeys {
    static func used(in folder: String, pattern: String) throws -> [(String, String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let directory = root.appendingPathComponent(folder).path
        let regex = try NSRegularExpression(pattern: pattern)
        var found: [(String, String)] = []
        let files =
            FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String }.filter {
                $0.hasSuffix(".swift")
            } ?? []
        for file in files.sorted() {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let s = String(line)
                for m in regex.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
                    if let r = Range(m.range(at: 1), in: s) {
                        found.append((String(s[r]), "\(folder)/\(file):\(n + 1)"))
                    }
                }
            }
        }
        return found
    }
}
