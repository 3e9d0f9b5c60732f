import CovenantEval

/// What a `covenant_table *` points to: a checked table and its evaluator, immutable, so any
/// number of threads may decide against it at once. Retained once when handed out,
/// released by `covenant_table_free`.
final class LoadedTable: Sendable {
    let evaluator: Evaluator
    /// The wire's fast path, one per language (`covenant_decide_json`).
    let english: WireAnswerer
    let dutch: WireAnswerer

    init(_ table: DecisionTable) {
        evaluator = Evaluator(compiled: table)
        english = WireAnswerer(evaluator: evaluator, language: .en)
        dutch = WireAnswerer(evaluator: evaluator, language: .nl)
    }

    func answerer(_ language: Language) -> WireAnswerer { language == .nl ? dutch : english }

    /// The table as `covenant_table_info` describes it.
    var info: JSONValue {
        let table = evaluator.table
        func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        let facts = table.facts.map { fact -> JSONValue in
            var pairs: [(String, JSONValue)] = [("id", .string(fact.id))]
            switch fact.kind {
            case .bool: pairs.append(("kind", .string("bool")))
            case .int(let low, let high):
                pairs += [("kind", .string("int")), ("min", .integer(Int(low))), ("max", .integer(Int(high)))]
            case .enumeration(let values): pairs += [("kind", .string("enum")), ("values", strings(values))]
            }
            pairs.append(("default", fact.defaultValue.map { .integer(Int($0)) } ?? .null))
            return .object(pairs)
        }
        return .object([
            ("abi", .integer(Int(LibraryABI.version))), ("sha256", .string(table.sha256)),
            ("version", optional(table.metadata.version)), ("title", .string(table.metadata.title)),
            ("language", .string(table.metadata.language.rawValue)),
            ("validFrom", optional(table.metadata.validFrom)), ("validUntil", optional(table.metadata.validUntil)),
            ("parties", strings(table.parties.map(\.id))), ("groups", strings(table.groups.map(\.id))),
            ("categories", strings(table.categories.map(\.id))), ("purposes", strings(table.purposes.map(\.id))),
            ("facts", .array(facts)),
        ])
    }
}

/// The number the header calls COVENANT_ABI_VERSION, as this library implements it.
enum LibraryABI {
    static let version: UInt32 = 1
    /// The largest table file read (the CLI's bound too: 5,000 rules make about 27 MB).
    static let maxTableBytes = 1 << 30
}
