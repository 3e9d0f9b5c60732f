import CovenantEval
@testable import CovenantLang
import Foundation
import Testing

/// The binary table file holds exactly the table the JSON file holds (same identity, same
/// decisions), and a damaged or forged one is refused with a reason, never trusted or trapped on.
@Suite struct BinaryTableCodecTests {
    static func shipped(_ name: String) throws -> DecisionTable {
        let path = "covenants/\(name).covenant"
        let source = SourceFile(
            path: path, text: try String(contentsOf: Support.root.appendingPathComponent(path), encoding: .utf8))
        return Compiler.compile(try #require(Frontend.check(source).model), source: source)
    }

    @Test func roundTripsEveryTable() throws {
        var tables = try ["boekel", "boekel-nl", "noaberkracht", "wijkteam"].map(Self.shipped)
        for seed in UInt64(0)..<30 {
            let (model, table, _) = DifferentialTests.compiled(seed: seed)
            if !model.parties.isEmpty { tables.append(table) }
        }
        for table in tables {
            let bytes = BinaryTableCodec.encode(table)
            let back = try BinaryTableCodec.decode(bytes)
            #expect(back == table)
            #expect(back.sha256 == table.sha256 && back.sha256 == TableCodec.bodySHA256(table))
            // Smaller than the JSON file.
            #expect(bytes.count < TableCodec.encode(table).utf8.count)
        }
    }

    @Test func headerDamageIsNamed() throws {
        let good = BinaryTableCodec.encode(try Self.shipped("boekel"))
        func kind(_ bytes: [UInt8]) -> TableCodec.LoadError.Kind? {
            do {
                _ = try BinaryTableCodec.decode(bytes)
                return nil
            } catch {
                return error.kind
            }
        }
        #expect(kind([]) == .emptyFile)
        #expect(kind(Array("{\"format\"".utf8)) == .notATable)
        #expect(kind(Array(good.prefix(40))) == .truncated)
        #expect(kind(Array(good.dropLast())) == .truncated)
        var version = good
        version[8] = 2
        #expect(kind(version) == .otherVersion)
        var layout = good
        layout[12] = 9
        #expect(kind(layout) == .binaryLayout)
        var flipped = good
        flipped[good.count / 2] ^= 0x20
        #expect(kind(flipped) == .integrity)
        var identity = good
        identity[60] ^= 1
        #expect(kind(identity) == .integrity)
    }

    /// Forged files (the hash made to match) with random damage in the body: each is refused as
    /// malformed or inconsistent, none decodes to something else or traps.
    @Test func forgedBodiesAreRefused() throws {
        let good = BinaryTableCodec.encode(try Self.shipped("noaberkracht"))
        var rng = SplitMix(seed: 20)
        var refused = 0
        for round in 0..<800 {
            var bytes = good
            let edits = 1 + Int(rng.next() % 4)
            for _ in 0..<edits {
                let at = 88 + Int(rng.next() % UInt64(bytes.count - 88))
                switch round % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes[at] ^= 0xFF
                default: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(rng.next() % 16)))
                }
            }
            // Forge: the right length and hash for the damaged body.
            let length = UInt64(bytes.count - 88)
            withUnsafeBytes(of: length.littleEndian) { bytes.replaceSubrange(16..<24, with: $0) }
            bytes.replaceSubrange(24..<56, with: SHA256.hash(bytes[56...]))
            do {
                let table = try BinaryTableCodec.decode(bytes)
                // A change that keeps a valid table (a letter of a name) is a valid table.
                try table.check()
            } catch {
                refused += 1
                #expect(error.kind == .binaryBody || error.kind.isInconsistency, "\(error.kind)")
            }
        }
        #expect(refused > 300)
    }
}
