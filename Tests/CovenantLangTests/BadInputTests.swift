@testable import CovenantLang
import Foundation
import Testing

/// Input a person (or a broken tool) can produce: each gets a clear diagnostic, never a crash,
/// a hang or a partial result.
@Suite struct BadInputTests {
    @Test func emptyFile() {
        let result = Support.check("")
        #expect(result.diagnostics.map(\.code) == [.covenantHeader])
        #expect(result.model == nil)
    }

    @Test func whitespaceAndCommentsOnly() {
        #expect(Support.codes("\n  // nothing here\n\t\n") == ["E117"])
    }

    @Test func binaryJunk() {
        var generator = SplitMix(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let result = Frontend.check(SourceFile(path: "junk.bin", bytes: bytes + [0]))
        #expect(result.diagnostics.map(\.code) == [.binaryFile])
    }

    @Test func invalidUTF8() {
        let bytes =
            Array("covenant \"T\" { controller a }\nparty a \"".utf8) + [0xC3, 0x28] + Array("\" { kind care }\n".utf8)
        let result = Frontend.check(SourceFile(path: "latin1.covenant", bytes: bytes))
        #expect(result.diagnostics.map(\.code) == [.invalidUTF8])
        #expect(result.diagnostics[0].range.start.line == 2)
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        #expect(Lexer.firstInvalidUTF8([0xC0, 0x80]) == 0)
        #expect(Lexer.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80]) == 1)
        #expect(Lexer.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0)
        #expect(Lexer.firstInvalidUTF8(Array("één ✓ 𝄞".utf8)) == nil)
        #expect(Lexer.firstInvalidUTF8([0xE2, 0x9C]) == 0)
    }

    @Test func tenMegabyteFile() {
        let line = Array("party p \"a party\" { kind care }\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10_500_000)
        while bytes.count < 10_000_000 { bytes += line }
        let result = Frontend.check(SourceFile(path: "big.covenant", bytes: bytes))
        #expect(result.diagnostics.map(\.code) == [.fileTooLarge])
        #expect(result.diagnostics[0].message.contains("maxFileBytes"))
    }

    @Test func tenThousandNestedBraces() {
        let text =
            Support.prelude + "category d " + String(repeating: "{ category x ", count: 10_000)
            + String(repeating: "}", count: 10_000)
        let result = Support.check(text)
        #expect(result.diagnostics.map(\.code) == [.nestingTooDeep])
        #expect(result.diagnostics[0].message.contains("maxNestingDepth = 64"))
    }

    @Test func tenThousandNestedParentheses() {
        let text =
            Support.prelude + "rule r { permit a -> b share c for p when " + String(repeating: "(", count: 10_000) + "f"
            + String(repeating: ")", count: 10_000) + " basis bs }"
        #expect(Support.codes(text) == ["E902"])
    }

    @Test func aHundredThousandNots() {
        let text =
            Support.prelude + "rule r { permit a -> b share c for p when " + String(repeating: "not ", count: 100_000)
            + "f basis bs }\n"
        #expect(Support.codes(text) == ["E902"])
    }

    /// Found by hand while setting the limits: a 200,000-term `and` chain overflowed the stack of the stages that
    /// walk conditions recursively. The parser now stops at `maxConditionTerms`.
    @Test func twoHundredThousandTermConjunction() {
        let text =
            Support.prelude + "rule r { permit a -> b share c for p when f"
            + String(repeating: " and f", count: 200_000) + " basis bs }\n"
        let result = Support.check(text)
        #expect(result.diagnostics.map(\.code) == [.tooManyConditionFacts])
        #expect(result.diagnostics[0].message.contains("maxConditionTerms = 256"))
    }

    @Test func conditionOverFortyFacts() {
        let facts = (0..<40).map { "fact g\($0) : bool\n" }.joined()
        let condition = (0..<40).map { "g\($0)" }.joined(separator: " or ")
        let result = Support.check(
            Support.prelude + facts + "rule r { permit a -> b share c for p when \(condition) basis bs }\n")
        #expect(result.diagnostics.map(\.code) == [.tooManyConditionFacts])
        #expect(result.diagnostics[0].message.contains("mentions 40 facts (limit maxConditionFacts = 32)"))
    }

    /// Forty boolean facts, twenty to a rule, overlapping: within the limits, so the analysis
    /// runs, and finishes within its bound (each case has at most 4,096 combinations to weigh).
    @Test func fortyBooleanFactsAcrossRules() {
        let facts = (0..<40).map { "fact g\($0) : bool\n" }.joined()
        let rules = (0..<8).map { k in
            let condition = (0..<20).map { "g\((k * 5 + $0) % 40)" }.joined(separator: " and ")
            return k % 2 == 0
                ? "rule r\(k) { permit a -> b share c for p when \(condition) basis bs }\n"
                : "rule r\(k) { forbid a -> b share c for p when \(condition) }\n"
        }.joined()
        let (source, result) = (
            SourceFile(path: "t", text: Support.prelude + facts + rules), Support.check(Support.prelude + facts + rules)
        )
        #expect(!result.diagnostics.hasErrors)
        guard let syntax = result.syntax, let model = result.model else { return }
        let findings = Review.findings(syntax, model, Compiler.compile(model, source: source))
        #expect(findings.contains { $0.code == .analysisBounded })
    }

    /// A chain of 20,000 exceptions, each to the one before: the cycle check and the compiler's
    /// exception depths used to walk every chain from every rule (quadratic to cubic, a hang),
    /// and the overlap search paired every permit with every other. Now the front end and the
    /// compiler are linear and the review stops at its bound with a note.
    @Test func longExceptionChain() {
        var text = Support.prelude + "rule r0 { forbid a -> b share c for p }\n"
        for i in 1..<20_000 {
            text +=
                i % 2 == 1
                ? "rule r\(i) exception to r\(i - 1) { permit a -> b share c for p when f basis bs }\n"
                : "rule r\(i) exception to r\(i - 1) { forbid a -> b share c for p when f }\n"
        }
        let result = Support.check(text)
        #expect(!result.diagnostics.hasErrors)
        guard let syntax = result.syntax, let model = result.model else { return }
        let table = Compiler.compile(model, source: SourceFile(path: "t", text: text))
        let findings = Review.findings(syntax, model, table, budget: 1_000_000)
        #expect(findings.contains { $0.code == .analysisBounded && $0.message.contains("1000000 rule evaluations") })
    }

    @Test func stringThatNeverCloses() {
        let text =
            Support.prelude + "obligation o \"Informeer de betrokkene" + String(repeating: " en nog meer", count: 100)
        #expect(Support.codes(text) == ["E104"])
    }

    @Test func overlongNameAndString() {
        let longName = String(repeating: "x", count: 500)
        let longText = String(repeating: "y", count: 5000)
        let codes = Support.codes(Support.prelude + "party \(longName) \"\(longText)\" { kind care }\n")
        #expect(codes == ["E903", "E903"])
    }

    @Test func aLoneClosingBraceAndStrayPunctuation() {
        #expect(Support.codes(Support.prelude + "}\n) , :\nparty g { kind care }\n") == ["E110"])
    }

    /// Random token soup and random bytes: the front end always finishes, reports at least one
    /// diagnostic for nonsense, and never traps.
    @Test func randomInputNeverCrashes() {
        var generator = SplitMix(seed: 2026)
        let pieces = [
            "party", "rule", "{", "}", "(", ")", "->", "permit", "forbid", "share", "for", "when", "and", "or", "not",
            "in", "a", "b", "c", "p", "f", "\"s\"", "\"", "1", "..", "-", "==", "!=", "<", ",", "=", ":", "|",
            "covenant",
            "controller", "test", "query", "expect", "deny", "by", "category", "group", "fact", "int", "bool", "basis",
            "kind", "care", "\n", "2025-01-01", "2025-13", "exception", "to", "oblige", "within", "4", "weeks",
            "unless",
            "taal", "nl", "language", "é", "$", "//",
        ]
        for _ in 0..<2000 {
            let count = Int(generator.next() % 60)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined(separator: " ")
            let result = Support.check(text)
            #expect(result.model != nil || result.diagnostics.hasErrors)
            for d in result.diagnostics {
                #expect(d.range.start.offset <= text.utf8.count && d.range.end.offset <= text.utf8.count)
            }
        }
        for _ in 0..<500 {
            let bytes = (0..<Int(generator.next() % 300)).map { _ in UInt8(truncatingIfNeeded: generator.next() % 128) }
            _ = Frontend.check(SourceFile(path: "r", bytes: bytes))
        }
    }
}

/// A small deterministic random generator for tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
