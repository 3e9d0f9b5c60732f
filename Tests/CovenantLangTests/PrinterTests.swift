@testable import CovenantLang
import Foundation
import Testing

/// The formatter: idempotent, translation English ⇄ Dutch gives the same covenant back,
/// comments kept beside their declarations.
@Suite struct PrinterTests {
    static func parse(_ text: String) throws -> CovenantFile {
        let parsed = Parser.parse(SourceFile(path: "f.covenant", text: text))
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty, "\(parsed.diagnostics.map(\.message))")
        return try #require(parsed.file)
    }

    static func inputs() throws -> [String] {
        let dir = Support.root.appendingPathComponent("covenants")
        let shipped = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".covenant") }
            .sorted()
            .map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
        let random = (0..<150).map { seed -> String in
            var g = RandomCovenant(seed: UInt64(seed) + 1000)
            return g.generate()
                + "test \"t\" { query p0 -> p1 share c0 for u0 given fb = true, fi = 3, "
                + "fe = y expect permit by r0 oblige o0 waived o1 missing fd }\n"
        }
        return shipped + random + GrammarTests.samples.values.sorted()
    }

    @Test func shippedCovenantsAreFormatted() throws {
        let dir = Support.root.appendingPathComponent("covenants")
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".covenant") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            #expect(Printer.print(try Self.parse(text)) == text, "\(name) is not in the canonical layout")
        }
    }

    @Test func formattingIsIdempotent() throws {
        for text in try Self.inputs() {
            let once = Printer.print(try Self.parse(text))
            let twice = Printer.print(try Self.parse(once))
            #expect(once == twice)
        }
    }

    /// en → nl → en gives the same text, and the Dutch text checks to the same model.
    @Test func translationRoundTrips() throws {
        for text in try Self.inputs() {
            let file = try Self.parse(text)
            let english = Printer.print(file, in: .en)
            let dutch = Printer.print(file, in: .nl)
            let dutchFile = try Self.parse(dutch)
            #expect(dutchFile.language == .nl)
            #expect(Printer.print(dutchFile, in: .en) == english)
            let a = Checker.check(try Self.parse(english)), b = Checker.check(dutchFile)
            #expect(a.diagnostics.map(\.code) == b.diagnostics.map(\.code))
            if let x = a.model, let y = b.model {
                #expect(x.rules.map(\.condition) == y.rules.map(\.condition))
                #expect(x.rules.map(\.obligations.count) == y.rules.map(\.obligations.count))
                #expect(x.facts.map(\.defaultValue) == y.facts.map(\.defaultValue))
                #expect(x.tests.map(\.query) == y.tests.map(\.query))
            }
        }
    }

    @Test func commentsStayWithTheirDeclarations() throws {
        let text = """
            // File header.

            covenant "T" { controller a }
            // Before the party.
            party a { kind care } // trailing on the party
            party b { kind care }
            category c
            purpose p
            fact f : bool
            basis bs { kind consent }

            // Before the rule.
            rule r {
              permit a -> b
              // Inside the rule, before share.
              share c
              for p // after for
              basis bs
            }
            // At the end.

            """
        let printed = Printer.print(try Self.parse(text))
        #expect(
            printed == """
                // File header.

                covenant "T" {
                  controller a
                }

                // Before the party.
                party a { kind care } // trailing on the party
                party b { kind care }

                category c

                purpose p

                fact f : bool

                basis bs { kind consent }

                // Before the rule.
                rule r {
                  permit a -> b
                  // Inside the rule, before share.
                  share c
                  for p // after for
                  basis bs
                }

                // At the end.

                """)
        #expect(Printer.print(try Self.parse(printed)) == printed)
    }

    @Test func parenthesesOnlyWhereNeeded() throws {
        let text =
            Support.prelude
            + "fact g : bool\nfact h : bool\nrule r { permit a -> b share c for p when (f or g) and not (g and h) "
            + "and (f and (g or h)) basis bs }\n"
        let printed = Printer.print(try Self.parse(text))
        #expect(printed.contains("when (f or g) and not (g and h) and (f and (g or h))\n"))
    }

    @Test func boolValuesAreTranslatedEnumValuesAreNot() throws {
        let text =
            Support.prelude
            + "fact antwoord : ja | nee\nrule r { permit a -> b share c for p when f == true and antwoord == ja "
            + "basis bs }\n"
        let dutch = Printer.print(try Self.parse(text), in: .nl)
        #expect(dutch.contains("wanneer f == ja en antwoord == ja\n"))
        #expect(Printer.print(try Self.parse(dutch), in: .en).contains("when f == true and antwoord == ja\n"))
    }
}
