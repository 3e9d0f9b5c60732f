import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// The table file is loaded whole or refused with a clear reason: another format version, a
/// changed byte anywhere, a truncation at any length.
@Suite struct TableCodecTests {
    static func smallTable() throws -> String {
        let source = SourceFile(
            path: "t.covenant",
            text: Support.prelude
                + "obligation o\nrule r { permit a -> b share c for p when f basis bs oblige o before }\n")
        return TableCodec.encode(Compiler.compile(try #require(Frontend.check(source).model), source: source))
    }

    @Test func roundTrip() throws {
        let text = try Self.smallTable()
        #expect(text.hasPrefix(#"{"format":"covenant-decision-table","formatVersion":3,"sha256":""#))
        let table = try TableCodec.decode(Array(text.utf8))
        #expect(TableCodec.encode(table) == text)
        // The table's identity is the hash the file records, the same as the compiler's.
        #expect(text.contains(table.sha256) && table.sha256.count == 64)
        let source = SourceFile(
            path: "t.covenant",
            text: Support.prelude
                + "obligation o\nrule r { permit a -> b share c for p when f basis bs oblige o before }\n")
        #expect(Compiler.compile(try #require(Frontend.check(source).model), source: source).sha256 == table.sha256)
        #expect(
            table.metadata.sourceSHA256
                == SHA256.hexDigest(
                    Array(
                        (Support.prelude
                            + "obligation o\nrule r { permit a -> b share c for p when f basis bs oblige o before }\n")
                            .utf8)))
    }

    @Test func anotherFormatVersionIsRefused() throws {
        for other in [1, 2, 4] {
            let text = try Self.smallTable().replacingOccurrences(
                of: #""formatVersion":3,"#, with: "\"formatVersion\":\(other),")
            #expect(throws: TableCodec.LoadError(.otherVersion, "\(other)", "3")) {
                try TableCodec.decode(Array(text.utf8))
            }
        }
    }

    @Test func everyFlippedByteIsRefused() throws {
        let bytes = Array(try Self.smallTable().utf8)
        for i in bytes.indices {
            var altered = bytes
            altered[i] ^= 0x01
            #expect(throws: TableCodec.LoadError.self, "byte \(i)") { try TableCodec.decode(altered) }
        }
    }

    @Test func everyTruncationIsRefused() throws {
        let bytes = Array(try Self.smallTable().utf8)
        // The final newline is optional; every shorter prefix is refused.
        for length in 0..<(bytes.count - 1) {
            #expect(throws: TableCodec.LoadError.self, "length \(length)") {
                try TableCodec.decode(Array(bytes[0..<length]))
            }
        }
    }

    @Test func anInconsistentBodyWithAValidHashIsRefused() throws {
        let text = try Self.smallTable()
        let bodyStart = text.range(of: #""body":"#)!.upperBound
        var body = String(text[bodyStart...].dropLast(2))
        body = body.replacingOccurrences(of: #""exceptionTo":-1,"depth":0"#, with: #""exceptionTo":5,"depth":0"#)
        let forged =
            #"{"format":"covenant-decision-table","formatVersion":3,"sha256":""# + SHA256.hexDigest(Array(body.utf8))
            + #"","body":"# + body + "}\n"
        #expect(throws: TableCodec.LoadError(.ruleException, "r")) {
            try TableCodec.decode(Array(forged.utf8))
        }
    }
}
