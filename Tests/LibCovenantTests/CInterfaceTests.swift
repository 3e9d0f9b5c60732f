import CCovenant
import CovenantEval
import Foundation
import Testing

@testable import LibCovenant

/// The C interface called as C calls it (through include/covenant.h). The wider properties —
/// random tables and lines on eight threads, under AddressSanitizer and LeakSanitizer — are in
/// Tests/CABI/abi_check.c, and agreement with `covenantc eval` in the Python binding's tests.
@Suite struct CInterfaceTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CovenantEvalTests/Fixtures/boekel.table.json")

    static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { covenant_free(pointer) }
        return String(cString: pointer)
    }

    static func open() throws -> OpaquePointer {
        var table: OpaquePointer?
        var error: UnsafeMutablePointer<CChar>?
        let status = covenant_table_open(fixture.path, "en", &table, &error)
        #expect(status == Int32(COVENANT_OK), "\(take(error) ?? "")")
        return try #require(table)
    }

    @Test func theVersionIsThePackages() {
        #expect(covenant_abi_version() == UInt32(COVENANT_ABI_VERSION))
        #expect(String(cString: covenant_version()) == CovenantVersion.current)
    }

    @Test func infoListsTheNamesInIndexOrder() throws {
        let table = try Self.open()
        defer { covenant_table_free(table) }
        let info = try JSONParser.parse(try #require(Self.take(covenant_table_info(table))))
        func array(_ value: JSONValue?) -> [JSONValue] { if case .array(let items)? = value { items } else { [] } }
        let parties = array(info["parties"]).compactMap(\.stringValue)
        #expect(parties == ["college", "dorpsteam", "bjg", "ggz", "veilig_thuis", "politie"])
        for (i, party) in parties.enumerated() {
            #expect(covenant_lookup(table, Int32(COVENANT_PARTY), party) == Int32(i))
        }
        #expect(covenant_lookup(table, Int32(COVENANT_PARTY), "wijkteam") == -1)  // a group is not a party
        #expect(covenant_lookup(table, Int32(COVENANT_FACT), "age") == 3)
        let facts = array(info["facts"])
        #expect(array(facts.first?["values"]).count == 4 && facts.first?["default"] == .integer(2))
    }

    @Test func decideByIndexAgreesWithDecideByJSON() throws {
        let table = try Self.open()
        defer { covenant_table_free(table) }
        var facts: [Int64] = [0, ResolvedQuery.missing, 0, 30, 0]
        var effect: Int32 = -1
        var decision: UnsafeMutablePointer<CChar>?
        let status = facts.withUnsafeMutableBufferPointer { buffer in
            var query = covenant_query(
                sender: 3, recipient: 1, category: covenant_lookup(table, Int32(COVENANT_CATEGORY), "health"),
                purpose: 0, facts: buffer.baseAddress, fact_count: buffer.count, date: 20_261_130)
            return covenant_decide(table, &query, nil, &effect, &decision)
        }
        #expect(status == Int32(COVENANT_OK) && effect == Int32(COVENANT_PERMIT))
        let line =
            #"{"from": "ggz", "to": "dorpsteam", "share": "health", "for": "support","#
            + #" "facts": {"consent": "given", "age": 30, "safety_risk": false}}"#
        var answer: UnsafeMutablePointer<CChar>?
        #expect(covenant_decide_json(table, line, line.utf8.count, "2026-11-30", nil, &answer) == Int32(COVENANT_OK))
        #expect(Self.take(decision) == Self.take(answer))
    }

    @Test func wrongArgumentsGetAStatusAndAMessageInTheLanguageAsked() throws {
        let table = try Self.open()
        defer { covenant_table_free(table) }
        var answer: UnsafeMutablePointer<CChar>?
        #expect(covenant_decide_json(table, "{}", 2, "30-11-2026", "nl", &answer) == Int32(COVENANT_ERROR_ARGUMENT))
        #expect(Self.take(answer)?.contains(#""kind":"badDate""#) == true)
        #expect(covenant_decide_json(table, "{}", 2, nil, "de", &answer) == Int32(COVENANT_ERROR_ARGUMENT))
        #expect(Self.take(answer)?.contains(#""kind":"badLanguage""#) == true)
        #expect(covenant_decide_json(nil, "{}", 2, nil, nil, &answer) == Int32(COVENANT_ERROR_ARGUMENT))
        #expect(Self.take(answer)?.contains(#""kind":"nullArgument""#) == true)
        var loaded: OpaquePointer?
        var error: UnsafeMutablePointer<CChar>?
        #expect(covenant_table_open("/nonexistent.json", "nl", &loaded, &error) == Int32(COVENANT_ERROR_IO))
        #expect(loaded == nil && Self.take(error)?.contains("kan niet worden gelezen") == true)
    }
}
