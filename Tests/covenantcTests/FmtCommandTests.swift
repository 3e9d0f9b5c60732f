@testable import covenantc
import Foundation
import Testing

@Suite struct FmtCommandTests {
    static let messy = "covenant \"T\" {controller a}\nparty a {kind care}\n\n\n  category c\n"
    static let tidy = "covenant \"T\" {\n  controller a\n}\n\nparty a { kind care }\n\ncategory c\n"

    @Test func printsTheCanonicalLayout() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.covenant")
        try Self.messy.write(to: file, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["fmt", file.path])
        #expect(r.code == 0 && r.out == Self.tidy)
        let dutch = CLISupport.run(["fmt", "--lang", "nl", file.path])
        #expect(
            dutch.out
                == "taal nl\n\nconvenant \"T\" {\n  verantwoordelijke a\n}\n\npartij a { soort zorg }\n\ngegevens c\n")
    }

    @Test func checkListsUnformattedFilesAndWriteFixesThem() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let messy = dir.appendingPathComponent("messy.covenant"), tidy = dir.appendingPathComponent("tidy.covenant")
        try Self.messy.write(to: messy, atomically: true, encoding: .utf8)
        try Self.tidy.write(to: tidy, atomically: true, encoding: .utf8)
        let check = CLISupport.run(["fmt", "--check", dir.path])
        #expect(check.code == 1)
        #expect(check.out == "not formatted: \(messy.path)\nrun 'covenantc fmt --write' on it\n")
        #expect(try String(contentsOf: messy, encoding: .utf8) == Self.messy)  // --check changes nothing
        let write = CLISupport.run(["fmt", "--write", dir.path])
        #expect(write.code == 0 && write.err == "formatted \(messy.path)\n")
        #expect(try String(contentsOf: messy, encoding: .utf8) == Self.tidy)
        #expect(CLISupport.run(["fmt", "--check", dir.path]).code == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
                "messy.covenant", "tidy.covenant",
            ])  // no temporary left
    }

    @Test func refusesAFileWithSyntaxErrors() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.covenant")
        let text = "covenant \"T\" { controller a }\nparty a { knd care }\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["fmt", "--write", file.path])
        #expect(
            r.code == 1 && r.err.contains("error[E111]") && r.err.contains("not formatted: fix the syntax errors first")
        )
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    /// The write fails halfway (the temporary file cannot be created: a directory stands where
    /// it must go, which stops root as well): the original file is unchanged.
    @Test func aFailedWriteLeavesTheFileUnchanged() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.covenant")
        try Self.messy.write(to: file, atomically: true, encoding: .utf8)
        let blocker = dir.appendingPathComponent(".a.covenant.\(ProcessInfo.processInfo.processIdentifier).tmp")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
        let r = CLISupport.run(["fmt", "--write", file.path])
        #expect(r.code == 1 && r.err.contains("cannot write"))
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.messy)
    }

    @Test func usage() {
        #expect(CLISupport.run(["fmt", "--write", "--check", "x"]).code == 2)
        #expect(CLISupport.run(["fmt", "--lang", "fr", "x"]).code == 2)
    }
}

@Suite struct DiffCommandTests {
    @Test func exitCodesAndFormats() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = CLISupport.covenants + "/boekel.covenant"
        let new = dir.appendingPathComponent("new.covenant")
        try String(contentsOfFile: old, encoding: .utf8).replacingOccurrences(
            of: "  oblige record\n", with: "  oblige record, inform after\n"
        )
        .write(to: new, atomically: true, encoding: .utf8)
        let same = CLISupport.run(["diff", old, CLISupport.covenants + "/boekel-nl.covenant"])
        // In the new version's language.
        #expect(same.code == 0 && same.out == "geen wijziging in wat het convenant beslist\n")
        let text = CLISupport.run(["diff", old, new.path])
        #expect(text.code == 1)
        #expect(
            text.out == """
                obligations changed: ggz → dorpsteam, bjg, health, for support, case_meeting, when consent = given, \
                age in 16..130 — was: permit by rule medisch on consented, oblige record; now: \
                permit by rule medisch on consented, oblige inform after, record (12 cases)
                12 cases obligations changed (1 statement)

                """)
        let markdown = CLISupport.run(["diff", "--format", "markdown", old, new.path])
        #expect(markdown.out.contains("| obligations changed | 12 |"))
        let json = CLISupport.run(["diff", "--format", "json", old, new.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["identical"] as? Bool == false)
        #expect((object["statements"] as? [[String: Any]])?.first?["change"] as? String == "obligations changed")
        #expect(CLISupport.run(["diff", old]).code == 2)
    }

    /// Version 2: a new period of validity, a postponed duty and who acts are changes.
    @Test func validityPostponementAndWhoActsAreChanges() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = CLISupport.covenants + "/boekel.covenant"
        let text = try String(contentsOfFile: old, encoding: .utf8)
        let renewed = dir.appendingPathComponent("renewed.covenant")
        try text.replacingOccurrences(of: "until 2028-12-31", with: "until 2032-12-31").write(
            to: renewed, atomically: true, encoding: .utf8)
        let r = CLISupport.run(["diff", old, renewed.path])
        #expect(r.code == 1)
        #expect(
            r.out
                == "validity changed: was valid from 2025-01-01 until 2028-12-31; now valid from 2025-01-01 until "
                + "2032-12-31\nno change in the rules' decisions (0 statements)\n"
        )
        let postponed = dir.appendingPathComponent("postponed.covenant")
        try text.replacingOccurrences(
            of: "inform within 4 weeks unless investigation",
            with: "recipient inform within 4 weeks postponed while investigation"
        )
        .write(to: postponed, atomically: true, encoding: .utf8)
        let p = CLISupport.run(["diff", old, postponed.path])
        #expect(p.code == 1 && p.out.contains("oblige recipient inform within 4 weeks (postponed), record"), "\(p.out)")
    }
}
