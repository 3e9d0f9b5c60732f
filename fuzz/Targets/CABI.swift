import CCovenant
import CovenantEval
import CovenantLang

/// Fuzz target `cabi`: libcovenant's C interface (include/covenant.h) driven with random bytes.
/// The first byte chooses what the rest is: a table file (behind a valid header half of the
/// time), a query line for the LANGUAGE.md example's table, or a query by index (with random
/// fact values and dates). Every string and table the library hands out is freed, and this
/// target runs with LeakSanitizer on, so a leak fails like a crash. Properties: a status is
/// always one the header names; a permit only ever comes with COVENANT_OK; every message is a
/// JSON object with "error" and "kind" (or, for a decision, "effect").
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCABI(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzTarget.bytes(data, size)
    guard let mode = bytes.first else { return 0 }
    let rest = Array(bytes.dropFirst())
    var problems: [String] = []
    switch mode % 3 {
    case 0: problems = loadTable(mode & 0x80 == 0 ? rest : Array(TableCodec.prefix.utf8) + rest)
    case 1: problems = decideLine(rest)
    default: problems = decideByIndex(rest)
    }
    return FuzzTarget.check(problems)
}

/// Takes a string the library handed out: its text, and the memory released.
private func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    defer { covenant_free(pointer) }
    return String(cString: pointer)
}

private func isObject(_ text: String?, with key: String) -> Bool {
    guard let text, let json = try? JSONParser.parse(text), case .object = json else { return false }
    return json[key] != nil
}

private func loadTable(_ bytes: [UInt8]) -> [String] {
    var table: OpaquePointer?
    var error: UnsafeMutablePointer<CChar>?
    let status = bytes.withUnsafeBufferPointer { covenant_table_load($0.baseAddress, $0.count, nil, &table, &error) }
    let message = take(error)
    guard status == Int32(COVENANT_OK) else {
        if table != nil { return ["a failed load handed out a table"] }
        if status != Int32(COVENANT_ERROR_TABLE) { return ["load status \(status)"] }
        return isObject(message, with: "kind") ? [] : ["load error is not a JSON error: \(message ?? "nil")"]
    }
    defer { covenant_table_free(table) }
    // A table that loads must answer: its info, and a question about its first names.
    guard let info = take(covenant_table_info(table)), isObject(info, with: "sha256") else { return ["no info"] }
    var answer: UnsafeMutablePointer<CChar>?
    let line = #"{"from": "a", "to": "b", "share": "c", "for": "d"}"#
    let decided = covenant_decide_json(table, line, line.utf8.count, "2026-11-30", "nl", &answer)
    let text = take(answer)
    return decided == Int32(COVENANT_OK) || isObject(text, with: "kind") ? [] : ["answer: \(text ?? "nil")"]
}

private func decideLine(_ bytes: [UInt8]) -> [String] {
    var answer: UnsafeMutablePointer<CChar>?
    let status = bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) {
            covenant_decide_json(exampleHandle.pointer, $0.baseAddress, $0.count, nil, nil, &answer)
        }
    }
    let text = take(answer)
    switch Int(status) {
    case Int(COVENANT_OK): return isObject(text, with: "effect") ? [] : ["decision without effect: \(text ?? "nil")"]
    case Int(COVENANT_ERROR_QUERY): return isObject(text, with: "kind") ? [] : ["error without kind: \(text ?? "nil")"]
    default: return ["decide_json status \(status)"]
    }
}

private func decideByIndex(_ bytes: [UInt8]) -> [String] {
    var reader = ByteReader(bytes)
    let factCount = Int(reader.next() % 8)
    var facts = (0..<factCount).map { _ in reader.int64() }
    let date = reader.next() % 2 == 0 ? 0 : Int32(truncatingIfNeeded: reader.int64())
    var effect: Int32 = 99
    var decision: UnsafeMutablePointer<CChar>?
    let status = facts.withUnsafeMutableBufferPointer { buffer in
        var query = covenant_query(
            sender: reader.small(), recipient: reader.small(), category: reader.small(), purpose: reader.small(),
            facts: buffer.baseAddress, fact_count: buffer.count, date: date)
        return covenant_decide(exampleHandle.pointer, &query, reader.next() % 2 == 0 ? nil : "en", &effect, &decision)
    }
    let text = take(decision)
    if effect == Int32(COVENANT_PERMIT), status != Int32(COVENANT_OK) { return ["permit with status \(status)"] }
    if effect != Int32(COVENANT_PERMIT), effect != Int32(COVENANT_DENY) { return ["effect \(effect)"] }
    switch Int(status) {
    case Int(COVENANT_OK): return isObject(text, with: "effect") ? [] : ["decision without effect"]
    case Int(COVENANT_ERROR_QUERY): return isObject(text, with: "kind") ? [] : ["error without kind"]
    default: return ["decide status \(status)"]
    }
}

/// Reads the fuzzer's bytes as numbers, and zeros once they run out.
private struct ByteReader {
    var bytes: [UInt8]
    var at = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    mutating func next() -> UInt8 {
        defer { at += 1 }
        return at < bytes.count ? bytes[at] : 0
    }
    /// Mostly small indices (in and just out of range), sometimes anything.
    mutating func small() -> Int32 {
        let b = next()
        return b < 240 ? Int32(b % 12) - 1 : Int32(truncatingIfNeeded: int64())
    }
    mutating func int64() -> Int64 {
        (0..<8).reduce(Int64(0)) { value, _ in value << 8 | Int64(next()) }
    }
}

/// The example's table, loaded once through the C interface, for the whole run.
private final class LoadedHandle: Sendable {
    nonisolated(unsafe) let pointer: OpaquePointer?
    init(_ table: DecisionTable) {
        let bytes = Array(TableCodec.encode(table).utf8)
        var handle: OpaquePointer?
        let status = bytes.withUnsafeBufferPointer { covenant_table_load($0.baseAddress, $0.count, nil, &handle, nil) }
        precondition(status == Int32(COVENANT_OK), "the example table does not load")
        pointer = handle
    }
}

private let exampleHandle: LoadedHandle = {
    let source = SourceFile(path: "boekel.covenant", text: exampleCovenantText)
    guard let model = Frontend.check(source).model else { fatalError("the embedded example does not check") }
    return LoadedHandle(Compiler.compile(model, source: source))
}()
