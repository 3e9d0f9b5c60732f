@testable import CovenantLang
import Foundation
import Testing

/// Keeps grammar/covenant.ebnf honest: its keyword, value and reserved-word tables equal the
/// lexer's, and every production it names has an input here that parses without a diagnostic.
@Suite struct GrammarTests {
    static let grammar: String =
        (try? String(contentsOf: Support.root.appendingPathComponent("grammar/covenant.ebnf"), encoding: .utf8)) ?? ""

    /// The rows of a table comment `(* NAME: ... *)`, each split into words.
    static func table(_ name: String) -> [[String]] {
        guard let start = grammar.range(of: "(* \(name)") else { return [] }
        let rest = grammar[start.upperBound...]
        let body = rest[..<rest.range(of: "*)")!.lowerBound]
        return body.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }.filter {
            !$0.isEmpty
        }
    }

    @Test func keywordTableEqualsTheLexers() {
        var rows: [String: (en: [String], nl: [String])] = [:]
        for row in Self.table("KEYWORDS") {
            // keyword, English spellings..., Dutch spellings...: split by the known language sets.
            let keyword = row[0]
            guard let k = Keyword(rawValue: keyword) else {
                Issue.record("the grammar lists an unknown keyword '\(keyword)'")
                continue
            }
            let en = k.spellings(.en).count
            rows[keyword] = (Array(row[1..<(1 + en)]), Array(row[(1 + en)...]))
        }
        #expect(Set(rows.keys) == Set(Keyword.allCases.map(\.rawValue)))
        for k in Keyword.allCases {
            #expect(rows[k.rawValue]?.en == k.spellings(.en), "English spelling of \(k)")
            #expect(rows[k.rawValue]?.nl == k.spellings(.nl), "Dutch spelling of \(k)")
        }
    }

    @Test func valueTablesEqualTheLexers() {
        func spellings<V: ValueWord>(_ type: V.Type) -> [[String]] {
            V.allCases.map { $0.spellings(.en) + $0.spellings(.nl) }
        }
        let lists: [String: [[String]]] = [
            "party_kind": spellings(PartyKind.self), "secrecy": spellings(Secrecy.self),
            "nature": spellings(Nature.self),
            "special_category": spellings(SpecialCategory.self), "basis_kind": spellings(BasisKind.self),
            "time_unit": spellings(TimeUnit.self), "purpose_kind": spellings(PurposeKind.self),
            "fact_role": spellings(FactRole.self), "obligation_kind": spellings(ObligationKind.self),
            "actor": spellings(Actor.self),
        ]
        var fromGrammar: [String: [[String]]] = [:]
        for row in Self.table("VALUES") { fromGrammar[row[0], default: []].append(Array(row.dropFirst())) }
        #expect(fromGrammar == lists)
    }

    @Test func reservedWordsEqualTheLexers() {
        let line = Self.grammar.split(separator: "\n").first { $0.hasPrefix("(* RESERVED") }.map(String.init) ?? ""
        let words = line.split(separator: ":").last!.split(separator: " ").map(String.init).filter { $0 != "*)" }
        #expect(words == Keyword.reservedKeywords.map(\.rawValue))
    }

    /// An input for each production, by name. A new production needs a new entry.
    static let samples: [String: String] = {
        let full =
            Support.prelude + """
                obligation o "Informeer" // a comment
                fact age "Leeftijd" : int -1..130 default 30
                fact consent : given | none default none
                rule r "Titel" { permit a, b -> any share c for any when not f and (age >= 16 or consent in {given}) \
                and consent not in {none} basis bs oblige o before, o within 4 weeks unless f }
                rule s exception to r { forbid a -> b share c for p when age != 3 }
                test "t \\"quoted\\"" { query a -> b share c for p given f = true, age = 3 \
                expect deny by s missing consent }
                test "u" { query a -> b share c for p expect permit by r oblige o waived o }

                """
        let party =
            Support.prelude
            + "purpose q\nparty g \"G\" { kind enforcement secrecy medical regime closed \"Wpg\" for p, q to a, b }\n"
            + "party desk { kind government acts for a }\nparty ict { kind other processor for a }\n"
        let category =
            Support.prelude
            + "category d \"D\" { nature what special health retention 1 year category e { nature that } }\n"
        let purpose = Support.prelude + "purpose q \"Q\" { kind safety purpose q1 purpose q2 { purpose q3 } }\n"
        let header =
            "language en\ncovenant \"T\" { version \"1\" controller a, b valid from 2024-02-29 until 2028-12-31 }\n"
            + "party a { kind care }\nparty b { kind care }\n"
        let dutch = "taal nl\nconvenant \"T\" { verantwoordelijke a }\npartij a { soort zorg }\n"
        let group = Support.prelude + "group g \"G\" = a, b\ngroup h = g\n"
        let roles =
            Support.prelude + """
                fact ok "Toestemming" : specific | general | none default none { role consent valid specific }
                fact years : int 0..130 { role age }
                fact parents : bool default false { role representative fixed }
                obligation tell "Informeren" { kind inform }
                rule m { permit a -> b share c for p when ok == specific and years >= 16 or parents basis bs \
                oblige recipient tell within 4 weeks postponed while f unless not f }
                test "v" { query a -> b share c for p on 2026-01-01 given parents = true, f = true expect permit \
                oblige recipient tell postponed recipient tell }

                """
        let guarantees =
            Support.prelude + """
                obligation o "Informeer"
                fact age : int 0..130
                rule r { permit a -> b share c for p when f and age >= 16 basis bs \
                oblige o within 4 weeks unless age > 90 }
                guarantee g "Nooit zonder f" { never a -> b share c for p when not f }
                guarantee h { always any -> b share c for any when f and age >= 16 and age <= 90 }
                guarantee i { whenever a -> b share c for p permitted oblige sender o within 4 weeks, o }

                """
        return [
            "guarantee": guarantees, "guarantee_clause": guarantees, "guaranteed_duty": guarantees,
            "WORD": full, "STRING": full, "escape": full, "INTEGER": full, "DATE": header, "comment": full,
            "file": full, "language_header": dutch, "header": header, "header_clause": header,
            "declaration": full, "name": full, "names": full,
            "party": party, "party_clause": party, "group": group, "category": category, "category_clause": category,
            "purpose": purpose, "fact": full, "fact_type": full, "basis": full, "obligation": full,
            "duration": category, "integer": full, "value": full,
            "rule": full, "rule_clause": full, "targets": full, "obligation_use": full, "timing": full,
            "condition": full, "conjunction": full, "unary": full, "comparison": full, "operator": full,
            "value_set": full, "test": full, "test_clause": full, "query": full, "fact_value": full,
            "expectation": full, "expectation_part": full, "party_kind": party, "secrecy": party, "nature": category,
            "special_category": category, "basis_kind": full, "time_unit": category, "purpose_clause": purpose,
            "purpose_kind": purpose, "fact_clause": roles, "fact_role": roles, "obligation_kind": roles, "actor": roles,
            "duty": roles,
        ]
    }()

    @Test func everyProductionHasAnInput() {
        let names = Self.grammar.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[1].trimmingCharacters(in: .whitespaces).hasPrefix("= "),
                parts[0].allSatisfy({ $0.isLetter || $0 == "_" })
            else { return nil }
            return String(parts[0])
        }
        #expect(!names.isEmpty)
        #expect(Set(names) == Set(Self.samples.keys))
    }

    @Test(arguments: Array(Set(samples.values)).sorted())
    func sampleParsesClean(_ text: String) {
        let result = Support.check(text)
        #expect(result.diagnostics.isEmpty, "\(Support.rendered(result))")
        #expect(result.model != nil)
    }
}
