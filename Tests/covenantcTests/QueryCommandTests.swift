@testable import covenantc
import Foundation
import Testing

@Suite struct QueryCommandTests {
    static let boekel = CLISupport.covenants + "/boekel.covenant"
    static let queries = [
        "ggz -> dorpsteam share health for support given age = 30",
        "ggz -> dorpsteam share health for support given consent = given, age = 30",
        "dorpsteam -> politie share health for safety given safety_risk = true, triage = true",
    ]

    @Test func theThreeExampleQueriesInText() {
        let first = CLISupport.run(["query", Self.boekel, Self.queries[0]])
        #expect(first.code == 0)
        #expect(first.out == "DENY: denied by default: no rule permits sharing health here\n")
        let second = CLISupport.run(["query", Self.boekel, Self.queries[1]])
        #expect(
            second.out == """
                PERMIT: permitted by rule medisch
                  decided by: medisch ("Gezondheidsgegevens alleen met toestemming")
                  legal basis: consented (Ondubbelzinnige toestemming (Wbp art. 8 sub a))
                  obligation record "Afweging en besluit vastleggen in het dossier"

                """)
        let third = CLISupport.run(["query", Self.boekel, Self.queries[2]])
        #expect(third.out.hasPrefix("PERMIT: permitted by rule gevaar\n"))
        #expect(
            third.out.contains("  obligation inform \"Betrokkene informeren over de verstrekking\", within 4 weeks\n"))
        #expect(third.out.contains("  obligation record \"Afweging en besluit vastleggen in het dossier\"\n"))
    }

    @Test func theThreeExampleQueriesInJSON() {
        let outputs = Self.queries.map {
            Self.anonymous(CLISupport.run(["query", "--format", "json", "--date", "2026-03-01", Self.boekel, $0]).out)
        }
        let end = #","inForce":true,"at":"2026-03-01","table":{"sha256":"SHA","version":"2025.1"}}"# + "\n"
        #expect(
            outputs[0]
                == #"{"effect":"deny","decidedBy":[],"bases":[],"obligations":[],"missingFacts":[],"#
                + #""reason":"denied by default: no rule permits sharing health here""#
                + end)
        #expect(
            outputs[1]
                == #"{"effect":"permit","decidedBy":["medisch"],"bases":["consented"],"obligations":[{"id":"record","#
                + #""by":"sender","kind":"other","timing":null,"waived":false,"postponed":false}],"#
                + #""missingFacts":[],"reason":"permitted by rule medisch""#
                + end)
        #expect(
            outputs[2]
                == #"{"effect":"permit","decidedBy":["gevaar"],"bases":["vital"],"obligations":[{"id":"inform","#
                + #""by":"sender","kind":"other","timing":"within 4 weeks","waived":false,"postponed":false},"#
                + #"{"id":"record","by":"sender","kind":"other","timing":null,"waived":false,"postponed":false}],"#
                + #""missingFacts":[],"reason":"permitted by rule gevaar""#
                + end)
    }

    /// The decision with the table's SHA-256 replaced by "SHA" (it changes with the compiler).
    static func anonymous(_ text: String) -> String {
        text.replacingOccurrences(
            of: #""sha256":"[0-9a-f]{64}""#, with: #""sha256":"SHA""#, options: .regularExpression)
    }

    @Test func outsideItsValidityTheCovenantDenies() {
        let r = CLISupport.run(["query", "--date", "2029-01-01", Self.boekel, Self.queries[1]])
        #expect(r.code == 0)
        #expect(
            r.out
                == "DENY: denied: the covenant is not in force on 2029-01-01 (valid from 2025-01-01 until 2028-12-31)\n"
        )
        let json = CLISupport.run([
            "query", "--format", "json", Self.boekel,
            "ggz -> dorpsteam share health for support on 2024-12-31 given consent = given, age = 30",
        ])
        #expect(
            json.out.contains(#""effect":"deny","decidedBy":[]"#)
                && json.out.contains(#""inForce":false,"at":"2024-12-31""#))
        let lastDay = CLISupport.run(["query", "--date", "2028-12-31", Self.boekel, Self.queries[1]])
        #expect(lastDay.out.hasPrefix("PERMIT"))
        let bad = CLISupport.run(["query", "--date", "2026-02-30", Self.boekel, Self.queries[1]])
        #expect(bad.code == 2 && bad.err.contains("--date takes a date YYYY-MM-DD that exists"))
    }

    @Test func flagsInsteadOfText() {
        let r = CLISupport.run([
            "query", Self.boekel, "--from", "ggz", "--to", "dorpsteam", "--share", "health", "--for", "support",
            "--fact", "consent=given", "--fact", "age=30", "--format", "json",
        ])
        #expect(r.code == 0 && r.out.contains(#""decidedBy":["medisch"]"#))
    }

    @Test func dutchQueryText() {
        let r = CLISupport.run([
            "query", CLISupport.covenants + "/boekel-nl.covenant",
            "ggz -> dorpsteam deel health voor support met consent = given, age = 30",
        ])
        // A Dutch covenant answers in Dutch.
        #expect(r.code == 0 && r.out.hasPrefix("TOEGESTAAN op grond van regel medisch"))
    }

    @Test func unknownNamesAreErrors() {
        let r = CLISupport.run(["query", Self.boekel, "ggzz -> dorpsteam share health for support"])
        #expect(r.code == 1 && r.err == "covenantc query: unknown party 'ggzz'\n")
        let bad = CLISupport.run(["query", Self.boekel, "ggz -> dorpsteam shares health"])
        #expect(bad.code == 1 && bad.err.contains("error[E110]"))
    }

    @Test func explainPrintsTheCounterfactualWithConsent() {
        let r = CLISupport.run(["explain", Self.boekel, Self.queries[0]])
        #expect(r.code == 0)
        #expect(
            r.out.contains(
                "  medisch (permit): when consent == given and age >= 16 failed [consent = none, age = 30]; "
                    + "does not apply\n"
            ))
        #expect(r.out.hasSuffix("permitted with consent = given, by rule medisch\n"))
        let defeated = CLISupport.run(["explain", Self.boekel, Self.queries[2]])
        #expect(
            defeated.out.contains(
                "  geen_politie (forbid): no condition; applicable but defeated by exception gevaar\n"))
        let json = CLISupport.run(["explain", "--format", "json", Self.boekel, Self.queries[0]])
        #expect(json.out.contains(#""text":"permitted with consent = given, by rule medisch""#))
    }

    @Test func evalStreamsOneDecisionPerLineAndGoesOnAfterErrors() {
        let input = [
            #"{"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support", "facts": {"consent": "given", "#
                + #""age": 30, "safety_risk": false}}"#,
            "not json",
            "",
            #"{"from": "ggz", "to": "nobody", "share": "health", "for": "support"}"#,
            #"{"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support", "facts": {"age": "thirty"}}"#,
            #"{"from": "dorpsteam", "to": "politie", "share": "content", "for": "safety", "#
                + #""facts": {"safety_risk": true, "triage": true, "investigation": true}}"#,
        ]
        let r = CLISupport.run(["eval", "--date", "2026-03-01", Self.boekel], input: input)
        #expect(r.code == 0)
        let lines = r.out.split(separator: "\n").map { Self.anonymous(String($0)) }
        // One answer per line, the empty line included.
        #expect(lines.count == 6)
        #expect(
            lines[0]
                == #"{"effect":"permit","decidedBy":["medisch"],"bases":["consented"],"obligations":[{"id":"record","#
                + #""by":"sender","kind":"other","timing":null,"waived":false,"postponed":false}],"#
                + #""missingFacts":[],"reason":"permitted by rule medisch","inForce":true,"at":"2026-03-01","#
                + #""table":{"sha256":"SHA","version":"2025.1"}}"#
        )
        #expect(lines[1].hasPrefix(#"{"error":"not JSON"#) && lines[1].hasSuffix(#""kind":"notJSON"}"#))
        #expect(lines[2] == #"{"error":"an empty line: write one JSON query on each line","kind":"emptyLine"}"#)
        #expect(lines[3] == #"{"error":"unknown party 'nobody'","kind":"unknownParty"}"#)
        #expect(lines[4] == #"{"error":"the fact 'age' is a number from 0 to 130","kind":"notANumber"}"#)
        #expect(
            lines[5].contains(
                #"{"id":"inform","by":"sender","kind":"other","timing":"within 4 weeks","waived":true,"#
                    + #""waivedBecause":"because investigation holds (rule gevaar)","postponed":false}"#
            ))
    }

    @Test func evalEchoesIdsTakesDatesAndRefusesUnknownKeys() {
        let input = [
            #"{"id": "case-17", "from": "ggz", "to": "dorpsteam", "share": "health", "for": "support", "#
                + #""facts": {"consent": "given", "age": 30}}"#,
            #"{"id": 18, "at": "2029-01-01", "from": "ggz", "to": "dorpsteam", "share": "health", "for": "support", "#
                + #""facts": {"consent": "given", "age": 30}}"#,
            #"{"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support", "fact": {"consent": "given"}}"#,
            #"{"at": "2026-02-30", "from": "ggz", "to": "dorpsteam", "share": "health", "for": "support"}"#,
            #"{"id": {"x": 1}, "from": "ggz", "to": "dorpsteam", "share": "health", "for": "support"}"#,
        ]
        let output = CLISupport.run(["eval", "--date", "2026-03-01", Self.boekel], input: input).out
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix(#"{"id":"case-17","effect":"permit""#) && lines[0].contains(#""at":"2026-03-01""#))
        #expect(
            lines[1].hasPrefix(#"{"id":18,"effect":"deny","decidedBy":[]"#)
                && lines[1].contains(#""inForce":false,"at":"2029-01-01""#))
        #expect(lines[1].contains("the covenant is not in force on 2029-01-01"))
        #expect(
            lines[2]
                == #"{"error":"unknown key \"fact\" (did you mean \"facts\"?): a query has from, to, share, for, "#
                + #"facts, at and id","kind":"unknownKeyFact"}"#
        )
        #expect(lines[3].contains("'2026-02-30' is not a date"))
        #expect(lines[4] == #"{"error":"\"id\" must be a string or a number","kind":"badID"}"#)
    }

    @Test func compileThenQueryTheTable() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("boekel.json").path
        let compiled = CLISupport.run(["compile", Self.boekel, "-o", table])
        #expect(compiled.code == 0 && compiled.err.hasPrefix("wrote \(table): 4 rules"))
        let answer = CLISupport.run(["query", "--format", "json", table, Self.queries[1]])
        #expect(answer.out == CLISupport.run(["query", "--format", "json", Self.boekel, Self.queries[1]]).out)
        // An altered table is refused with a clear error.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: table))
        bytes[bytes.count - 20] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: table))
        let refused = CLISupport.run(["query", table, Self.queries[1]])
        #expect(refused.code == 1)
        #expect(refused.err.contains("the table's integrity check failed"))
    }

    /// A table kept after its covenant changed is refused when the covenant is named.
    @Test func aTableFromAnotherSourceVersionIsReported() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let covenant = dir.appendingPathComponent("boekel.covenant")
        try FileManager.default.copyItem(atPath: Self.boekel, toPath: covenant.path)
        let table = dir.appendingPathComponent("boekel.json").path
        #expect(CLISupport.run(["compile", covenant.path, "-o", table]).code == 0)
        let same = CLISupport.run(["query", table, "--source", covenant.path, Self.queries[1]])
        #expect(same.code == 0 && same.out.hasPrefix("PERMIT"))
        try (String(contentsOf: covenant, encoding: .utf8) + "\n// amended\n").write(
            to: covenant, atomically: true, encoding: .utf8)
        for command in [
            ["query", table, "--source", covenant.path, Self.queries[1]],
            ["explain", table, "--source", covenant.path, Self.queries[1]],
        ] {
            let stale = CLISupport.run(command)
            #expect(stale.code == 1 && stale.out.isEmpty)
            #expect(stale.err.contains("the table was compiled from another version of \(covenant.path)"))
            #expect(stale.err.contains("compile it again: covenantc compile \(covenant.path) -o \(table)"))
        }
        let streamed = CLISupport.run(
            ["eval", table, "--source", covenant.path],
            input: [#"{"from":"ggz","to":"dorpsteam","share":"health","for":"support"}"#])
        #expect(streamed.code == 1 && streamed.out.isEmpty && streamed.err.contains("another version"))
        let missing = CLISupport.run([
            "query", table, "--source", dir.appendingPathComponent("weg.covenant").path, Self.queries[1],
        ])
        #expect(missing.code == 1 && missing.err.contains("E906"))
    }

    @Test func compileRefusesACovenantWithErrors() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.covenant")
        try "covenant \"T\" { controller a }\nparty a { kind caer }\n".write(
            to: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("bad.json").path
        let r = CLISupport.run(["compile", file.path, "-o", out])
        #expect(r.code == 1 && r.err.contains("error[E114]"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
