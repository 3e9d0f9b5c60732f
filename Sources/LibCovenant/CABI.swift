#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCovenant
import CovenantEval

// The C interface of include/covenant.h. Each function checks every pointer it is given,
// catches every error, and answers with a status (and, where the caller asked, a JSON message
// allocated with malloc): nothing a caller passes in can make the library trap. A loaded table
// is immutable, so the functions are safe to call from any number of threads at once; each
// call decides with its own scratch memory.

/// Where a function puts a string for the caller (`char **`), or nil when the caller passed NULL.
public typealias StringOut = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

@_cdecl("covenant_abi_version")
public func covenantABIVersion() -> UInt32 { LibraryABI.version }

nonisolated(unsafe) private let versionCString: UnsafeMutablePointer<CChar> = strdup(CovenantVersion.current)!

@_cdecl("covenant_version")
public func covenantVersion() -> UnsafePointer<CChar> { UnsafePointer(versionCString) }

@_cdecl("covenant_table_load")
public func covenantTableLoad(
    _ bytes: UnsafePointer<UInt8>?, _ length: Int, _ language: UnsafePointer<CChar>?,
    _ tableOut: UnsafeMutablePointer<OpaquePointer?>?, _ errorOut: StringOut
) -> Int32 {
    loadTable(language, tableOut, errorOut) { words in
        guard length >= 0, length <= LibraryABI.maxTableBytes else {
            return .failure(
                CFailure(
                    status: Status.table, kind: "tooLarge",
                    message: Messages.text("library.tooLarge", words, arguments: [String(LibraryABI.maxTableBytes)])))
        }
        if length == 0 { return .success([]) }
        guard let bytes else { return .failure(CFailure.null("bytes", words)) }
        return .success(Array(UnsafeBufferPointer(start: bytes, count: length)))
    }
}

@_cdecl("covenant_table_open")
public func covenantTableOpen(
    _ path: UnsafePointer<CChar>?, _ language: UnsafePointer<CChar>?,
    _ tableOut: UnsafeMutablePointer<OpaquePointer?>?, _ errorOut: StringOut
) -> Int32 {
    loadTable(language, tableOut, errorOut) { words in
        guard let path else { return .failure(CFailure.null("path", words)) }
        guard let bytes = FileBytes.read(path, limit: LibraryABI.maxTableBytes) else {
            return .failure(
                CFailure(
                    status: Status.io, kind: "cannotRead",
                    message: Messages.text("library.cannotRead", words, arguments: [String(cString: path)])))
        }
        return .success(bytes)
    }
}

/// What both loaders share: the out-parameters cleared, the language of the messages read, the
/// place for the table required, then the bytes `read` gives decoded and checked.
private func loadTable(
    _ language: UnsafePointer<CChar>?, _ tableOut: UnsafeMutablePointer<OpaquePointer?>?, _ errorOut: StringOut,
    read: (Language) -> Result<[UInt8], CFailure>
) -> Int32 {
    errorOut?.pointee = nil
    tableOut?.pointee = nil
    let words: Language
    switch CArguments.language(language, default: .en) {
    case .success(let chosen): words = chosen
    case .failure(let failure): return failure.report(into: errorOut)
    }
    guard let tableOut else { return CFailure.null("table", words).report(into: errorOut) }
    let bytes: [UInt8]
    switch read(words) {
    case .success(let read): bytes = read
    case .failure(let failure): return failure.report(into: errorOut)
    }
    do {
        // A table file as `covenantc compile` writes it: JSON, or binary (`--format binary`).
        let table =
            try bytes.starts(with: BinaryTableCodec.magic)
            ? BinaryTableCodec.decode(bytes) : TableCodec.decode(bytes)
        let loaded = LoadedTable(table)
        tableOut.pointee = OpaquePointer(Unmanaged.passRetained(loaded).toOpaque())
        return Status.ok
    } catch {
        return CFailure(status: Status.table, kind: error.kind.rawValue, message: error.message(in: words))
            .report(into: errorOut)
    }
}

@_cdecl("covenant_table_free")
public func covenantTableFree(_ table: OpaquePointer?) {
    guard let table else { return }
    Unmanaged<LoadedTable>.fromOpaque(UnsafeRawPointer(table)).release()
}

/// The table behind a handle, without taking ownership.
private func loaded(_ table: OpaquePointer?) -> LoadedTable? {
    table.map { Unmanaged<LoadedTable>.fromOpaque(UnsafeRawPointer($0)).takeUnretainedValue() }
}

@_cdecl("covenant_table_info")
public func covenantTableInfo(_ table: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    guard let table = loaded(table) else { return nil }
    return strdup(table.info.serialized())
}

@_cdecl("covenant_table_check_source")
public func covenantTableCheckSource(
    _ table: OpaquePointer?, _ source: UnsafePointer<UInt8>?, _ length: Int, _ language: UnsafePointer<CChar>?,
    _ errorOut: StringOut
) -> Int32 {
    errorOut?.pointee = nil
    guard let table = loaded(table) else { return CFailure.null("table", .en).report(into: errorOut) }
    let words: Language
    switch CArguments.language(language, default: .en) {
    case .success(let chosen): words = chosen
    case .failure(let failure): return failure.report(into: errorOut)
    }
    guard length >= 0, length == 0 || source != nil else {
        return CFailure.null("source", words).report(into: errorOut)
    }
    let bytes = length == 0 ? [] : Array(UnsafeBufferPointer(start: source, count: length))
    guard table.evaluator.table.wasCompiled(from: bytes) else {
        let recorded = String(table.evaluator.table.metadata.sourceSHA256.prefix(12))
        return CFailure(
            status: Status.table, kind: "otherSource",
            message: Messages.text(
                "library.otherSource", words, arguments: [recorded, String(SHA256.hexDigest(bytes).prefix(12))])
        ).report(into: errorOut)
    }
    return Status.ok
}

@_cdecl("covenant_resolve")
public func covenantResolve(
    _ table: OpaquePointer?, _ query: UnsafePointer<CChar>?, _ length: Int, _ date: UnsafePointer<CChar>?,
    _ language: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<covenant_query>?,
    _ facts: UnsafeMutablePointer<Int64>?,
    _ capacity: Int, _ errorOut: StringOut
) -> Int32 {
    errorOut?.pointee = nil
    guard let table = loaded(table) else { return CFailure.null("table", .en).report(into: errorOut) }
    let words: Language
    switch CArguments.language(language, default: table.evaluator.table.metadata.language) {
    case .success(let chosen): words = chosen
    case .failure(let failure): return failure.report(into: errorOut)
    }
    let factCount = table.evaluator.table.facts.count
    guard let out else { return CFailure.null("query", words).report(into: errorOut) }
    guard factCount == 0 || (facts != nil && capacity >= factCount) else {
        return CFailure.null("facts", words).report(into: errorOut)
    }
    let line: String
    switch CArguments.line(query, length, words) {
    case .success(let text): line = text
    case .failure(let failure): return failure.report(into: errorOut)
    }
    let today: CalendarDate
    switch CArguments.date(date, words) {
    case .success(let day): today = day
    case .failure(let failure): return failure.report(into: errorOut)
    }
    let resolved: ResolvedQuery
    do throws(QueryError) {
        if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { throw QueryError(.emptyLine) }
        resolved = try table.evaluator.resolve(Query(json: line), on: today)
    } catch {
        return CFailure(query: error, words).report(into: errorOut)
    }
    for (i, value) in resolved.facts.enumerated() { facts?[i] = value }
    out.pointee = covenant_query(
        sender: resolved.sender, recipient: resolved.recipient, category: resolved.category,
        purpose: resolved.purpose, facts: factCount == 0 ? nil : UnsafePointer(facts), fact_count: factCount,
        date: Int32(resolved.date.year * 10_000 + resolved.date.month * 100 + resolved.date.day))
    return Status.ok
}

@_cdecl("covenant_lookup")
public func covenantLookup(_ table: OpaquePointer?, _ kind: Int32, _ name: UnsafePointer<CChar>?) -> Int32 {
    guard let table = loaded(table), let name else { return -1 }
    let id = String(cString: name)
    let t = table.evaluator.table
    let ids: [String]
    switch kind {
    case Int32(COVENANT_PARTY): ids = t.parties.map(\.id)
    case Int32(COVENANT_CATEGORY): ids = t.categories.map(\.id)
    case Int32(COVENANT_PURPOSE): ids = t.purposes.map(\.id)
    case Int32(COVENANT_FACT): ids = t.facts.map(\.id)
    default: return -1
    }
    return ids.firstIndex(of: id).map(Int32.init) ?? -1
}

@_cdecl("covenant_decide_json")
public func covenantDecideJSON(
    _ table: OpaquePointer?, _ query: UnsafePointer<CChar>?, _ length: Int, _ date: UnsafePointer<CChar>?,
    _ language: UnsafePointer<CChar>?, _ answerOut: StringOut
) -> Int32 {
    answerOut?.pointee = nil
    guard let table = loaded(table) else { return CFailure.null("table", .en).report(into: answerOut) }
    let words: Language
    switch CArguments.language(language, default: table.evaluator.table.metadata.language) {
    case .success(let chosen): words = chosen
    case .failure(let failure): return failure.report(into: answerOut)
    }
    guard length == 0 || (length > 0 && query != nil) else {
        return CFailure.null("query", words).report(into: answerOut)
    }
    let today: CalendarDate
    switch CArguments.date(date, words) {
    case .success(let day): today = day
    case .failure(let failure): return failure.report(into: answerOut)
    }
    // The wire's fast path, exactly as `covenantc eval` answers a line.
    var scratch = WireScratch()
    var out: [UInt8] = []
    let line = UnsafeBufferPointer(
        start: query.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }, count: length)
    let isDecision = table.answerer(words).answer(line: line, today: today, scratch: &scratch, into: &out)
    answerOut?.pointee = CArguments.cString(out)
    return isDecision ? Status.ok : Status.query
}

@_cdecl("covenant_decide")
public func covenantDecide(
    _ table: OpaquePointer?, _ query: UnsafePointer<covenant_query>?, _ language: UnsafePointer<CChar>?,
    _ effect: UnsafeMutablePointer<Int32>?, _ decisionOut: StringOut
) -> Int32 {
    effect?.pointee = Status.deny
    decisionOut?.pointee = nil
    guard let table = loaded(table) else { return CFailure.null("table", .en).report(into: decisionOut) }
    let words: Language
    switch CArguments.language(language, default: table.evaluator.table.metadata.language) {
    case .success(let chosen): words = chosen
    case .failure(let failure): return failure.report(into: decisionOut)
    }
    guard let query else { return CFailure.null("query", words).report(into: decisionOut) }
    let q = query.pointee
    var facts: [Int64] = []
    if q.fact_count > 0 {
        guard let values = q.facts else { return CFailure.null("query->facts", words).report(into: decisionOut) }
        // A count far beyond the table's is refused before anything is read from the pointer.
        guard q.fact_count == table.evaluator.table.facts.count else {
            let error = QueryError(.factCount, String(q.fact_count), String(table.evaluator.table.facts.count))
            return CFailure(query: error, words).report(into: decisionOut)
        }
        facts = Array(UnsafeBufferPointer(start: values, count: q.fact_count))
    }
    let day: CalendarDate
    if q.date == 0 {
        day = NetherlandsDay.today()
    } else {
        let n = Int(q.date)
        guard let given = CalendarDate(year: n / 10_000, month: n / 100 % 100, day: n % 100) else {
            return CFailure(
                status: Status.query, kind: "badDate",
                message: Messages.text("library.badDateNumber", words, arguments: [String(q.date)])
            ).report(into: decisionOut)
        }
        day = given
    }
    let resolved = ResolvedQuery(
        sender: q.sender, recipient: q.recipient, category: q.category, purpose: q.purpose, facts: facts, date: day)
    if let problem = table.evaluator.table.validate(resolved) {
        return CFailure(query: problem, words).report(into: decisionOut)
    }
    var scratch = DecisionScratch()
    let decided = table.evaluator.decide(resolved, into: &scratch)
    effect?.pointee = decided == .permit ? Status.permit : Status.deny
    if let decisionOut {
        decisionOut.pointee = strdup(table.evaluator.decision(from: scratch, in: words).json.serialized())
    }
    return Status.ok
}

@_cdecl("covenant_free")
public func covenantFree(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}
