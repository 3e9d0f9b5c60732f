@testable import covenantc
import Foundation
import Testing

/// `covenantc export`: what it writes and how it refuses. That the translations decide as
/// covenantc does is checked against the engines themselves by bench/peers/run (CI smoke).
@Suite struct ExportCommandTests {
    let example = CLISupport.covenants + "/boekel.covenant"

    @Test func cedarWritesPoliciesSchemaAndEntities() throws {
        let dir = try CLISupport.temporaryDirectory()
        let result = CLISupport.run(["export", "--to", "cedar", example, "--output-dir", dir.path])
        #expect(result.code == 0, "\(result.err)")
        let policies = try String(contentsOf: dir.appendingPathComponent("policies.cedar"), encoding: .utf8)
        // One policy per rule, named by its id; the forbid with its exception as `unless`.
        #expect(policies.components(separatedBy: "@id(").count - 1 == 4)
        #expect(policies.contains("@id(\"geen_politie\")\nforbid ("))
        #expect(policies.contains("unless {"))
        // A missing fact makes a permit's test fail: guarded by `has`; a default is used in place.
        #expect(policies.contains(#"(context.facts has "age" && (context.facts["age"] >= 16))"#))
        #expect(
            policies.contains(
                #"(if context.facts has "consent" then (context.facts["consent"] == "given") else false)"#))
        let entities = try String(contentsOf: dir.appendingPathComponent("entities.json"), encoding: .utf8)
        #expect(
            entities.contains(
                #"{"uid":{"type":"Party","id":"dorpsteam"},"attrs":{},"parents":[{"type":"Group","id":"wijkteam"},"#
                    + #"{"type":"Group","id":"hulpverleners"}]}"#
            ))
        let schema = try String(contentsOf: dir.appendingPathComponent("schema.cedarschema.json"), encoding: .utf8)
        #expect(schema.contains(#""age":{"type":"Long","required":false}"#))
    }

    @Test func regoWritesPolicyAndData() throws {
        let dir = try CLISupport.temporaryDirectory()
        let result = CLISupport.run(["export", "--to", "rego", "--style", "rules", example, "--output-dir", dir.path])
        #expect(result.code == 0, "\(result.err)")
        let policy = try String(contentsOf: dir.appendingPathComponent("covenant.rego"), encoding: .utf8)
        #expect(policy.contains("package covenant"))
        #expect(policy.contains("decision := {\"effect\": \"permit\""))
        // The exception `gevaar` defeats `geen_politie` leaf by leaf.
        #expect(policy.contains("not active_rule3_gevaar[c]"))
        let data = try String(contentsOf: dir.appendingPathComponent("data.json"), encoding: .utf8)
        #expect(data.contains(#""personal":["identity","involvement","health","criminal","finances"]"#))
    }

    /// Version 2: the covenant decides only within its validity, and `any` excludes processors.
    @Test func validityAndProcessorsAreExpressed() throws {
        let dir = try CLISupport.temporaryDirectory()
        let covenant = dir.appendingPathComponent("v2.covenant")
        try """
        covenant "T" { controller a valid from 2026-01-01 until 2027-12-31 }
        party a { kind government }
        party ict { kind other processor for a }
        category c { retention 1 year }
        purpose p
        basis b { kind public_task }
        rule r { permit any -> any share c for p basis b }

        """.write(to: covenant, atomically: true, encoding: .utf8)
        let cedar = CLISupport.run(["export", "--to", "cedar", covenant.path])
        #expect(cedar.out.contains(#"!(principal in [Party::"ict"]) &&"#))
        #expect(cedar.out.contains(#"!(context.recipient in [Party::"ict"]) &&"#))
        #expect(cedar.out.contains("context.date >= 20260101 &&\n  context.date <= 20271231"))
        let out = dir.appendingPathComponent("rego")
        #expect(
            CLISupport.run(["export", "--to", "rego", "--style", "rules", covenant.path, "--output-dir", out.path]).code
                == 0)
        let policy = try String(contentsOf: out.appendingPathComponent("covenant.rego"), encoding: .utf8)
        #expect(
            policy.contains(
                "in_force if {\n    is_string(input.at)\n    input.at >= \"2026-01-01\"\n"
                    + "    input.at <= \"2027-12-31\"\n}"
            ))
        #expect(policy.contains("not data.covenant.processors[input.from]"))
        let data = try String(contentsOf: out.appendingPathComponent("data.json"), encoding: .utf8)
        #expect(data.contains(#""processors":{"ict":true}"#))
    }

    /// The default Rego style: one fixed policy, the covenant as indexed data.
    @Test func indexedRegoIsAFixedPolicyAndData() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var policies: Set<String> = []
        for name in ["boekel", "noaberkracht"] {
            let out = dir.appendingPathComponent(name)
            let result = CLISupport.run(
                ["export", "--to", "rego", CLISupport.covenants + "/\(name).covenant", "--output-dir", out.path])
            #expect(result.code == 0, "\(result.err)")
            policies.insert(try String(contentsOf: out.appendingPathComponent("covenant.rego"), encoding: .utf8))
        }
        #expect(policies.count == 1, "the indexed policy is the same for every covenant")
        let data = try String(contentsOf: dir.appendingPathComponent("boekel/data.json"), encoding: .utf8)
        // medisch: `consent == given and age >= 16` as one clause; gevaar is an exception to geen_politie.
        #expect(data.contains(#""when":[[["consent","==","given"],["age",">=",16]]]"#))
        #expect(data.contains(#""id":"gevaar","permit":true"#) && data.contains(#""depth":1,"exceptionTo":2"#))
        #expect(data.contains(#""scope":[["#))
        let bad = CLISupport.run(["export", "--to", "cedar", "--style", "indexed", example])
        #expect(bad.code == 2 && bad.err.contains("--style applies only to --to rego"))
        let unknown = CLISupport.run(["export", "--to", "rego", "--style", "fast", example])
        #expect(unknown.code == 2 && unknown.err.contains("--style takes indexed or rules, not 'fast'"))
    }

    @Test func withoutOutputPrintsThePolicies() {
        let result = CLISupport.run(["export", "--to", "cedar", example])
        #expect(result.code == 0)
        #expect(result.out.contains("@id(\"medisch\")\npermit ("))
    }

    @Test func refusesUnknownTargetsAndBrokenCovenants() throws {
        #expect(CLISupport.run(["export", example]).code == 2)
        #expect(CLISupport.run(["export", "--to", "xacml", example]).code == 2)
        let dir = try CLISupport.temporaryDirectory()
        let broken = dir.appendingPathComponent("broken.covenant")
        try "rule r { permit a -> b share c for p }\n".write(to: broken, atomically: true, encoding: .utf8)
        let result = CLISupport.run([
            "export", "--to", "rego", broken.path, "--output-dir", dir.appendingPathComponent("out").path,
        ])
        #expect(result.code == 1)
        #expect(result.err.contains("fix them first"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
