/// The answer to one line of the NDJSON wire (LANGUAGE.md): a decision, or an error line. Every
/// way in answers a line through here — `covenantc eval`, the C library and so the Python
/// binding — so they cannot disagree on a single byte.
public enum WireAnswer: Sendable, Equatable {
    /// The line was a query that fitted the table; the decision carries the query's `id`.
    case decision(Decision, Query)
    /// The line could not be decided; `id` is the line's `id` when it had a valid one.
    case error(QueryError, id: JSONValue?)

    /// The JSON written for the line: the decision, or `{"id": ..., "error": ..., "kind": ...}`.
    public func json(in language: Language) -> JSONValue {
        switch self {
        case .decision(let decision, _): decision.json
        case .error(let error, let id): Self.errorLine(error.message(in: language), kind: error.kind.rawValue, id: id)
        }
    }

    /// An answer that is not a decision: the query's `id` when it had one, the reason in words,
    /// and a stable `kind` a service can branch on.
    public static func errorLine(_ message: String, kind: String, id: JSONValue?) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let id { pairs.append(("id", id)) }
        pairs += [("error", .string(message)), ("kind", .string(kind))]
        return .object(pairs)
    }
}

extension Evaluator {
    /// Answers one wire line: parses the query (strictly), resolves it for its own `at` or else
    /// `today`, and decides it, in `language`. A line of only blanks is an error line too, so a
    /// stream gets exactly one answer per line.
    public func answer(
        line: String, today: CalendarDate, language: Language, scratch: inout DecisionScratch
    ) -> WireAnswer {
        let query: Query
        do throws(QueryError) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { throw QueryError(.emptyLine) }
            query = try Query(json: line)
            let resolved = try resolve(query, on: today)
            decide(resolved, into: &scratch)
        } catch {
            return .error(error, id: Query.wireID(of: line))
        }
        var decision = decision(from: scratch, in: language)
        decision.id = query.id
        return .decision(decision, query)
    }
}
