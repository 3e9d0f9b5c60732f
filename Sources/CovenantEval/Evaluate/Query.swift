/// A query by name, as a service or a test block states it.
public struct Query: Sendable, Equatable {
    public enum FactInput: Sendable, Equatable {
        case bool(Bool)
        case int(Int)
        /// An enumeration value, or a yes/no word (true, false, ja, nee).
        case text(String)
    }

    public var from: String
    public var to: String
    public var share: String
    public var purpose: String
    public var facts: [(String, FactInput)]
    /// The day the question is asked for (`YYYY-MM-DD`); nil: the day the caller resolves on.
    public var at: String?
    /// The caller's reference for the query, echoed in the decision (any JSON string or number).
    public var id: JSONValue?

    public init(from: String, to: String, share: String, purpose: String, facts: [(String, FactInput)] = [],
                at: String? = nil, id: JSONValue? = nil) {
        self.from = from
        self.to = to
        self.share = share
        self.purpose = purpose
        self.facts = facts
        self.at = at
        self.id = id
    }

    public static func == (a: Query, b: Query) -> Bool {
        a.from == b.from && a.to == b.to && a.share == b.share && a.purpose == b.purpose && a.at == b.at && a.id == b.id
            && a.facts.count == b.facts.count && zip(a.facts, b.facts).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}

/// A query with names resolved to indices and every fact's value (or `missing`) filled in:
/// what `decide` takes. Resolve once, decide many times.
public struct ResolvedQuery: Sendable, Hashable {
    /// The value of a fact the query does not give and that has no default.
    public static let missing = Int64.min

    public var sender: Int32
    public var recipient: Int32
    public var category: Int32
    public var purpose: Int32
    /// One value per fact of the table: bool 0/1, the integer, or the enumeration index.
    public var facts: [Int64]
    /// The day the question is decided for: outside the covenant's validity every query is
    /// denied.
    public var date: CalendarDate

    public init(sender: Int32, recipient: Int32, category: Int32, purpose: Int32, facts: [Int64], date: CalendarDate) {
        self.sender = sender
        self.recipient = recipient
        self.category = category
        self.purpose = purpose
        self.facts = facts
        self.date = date
    }
}

/// Why a query cannot be decided. Unknown names are errors, never a deny.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Name → index lookups for one table, built once.
public struct NameIndex: Sendable {
    let parties: [String: Int32]
    let categories: [String: Int32]
    let purposes: [String: Int32]
    let facts: [String: Int]

    public init(_ table: DecisionTable) {
        func index(_ ids: [String]) -> [String: Int32] {
            var d: [String: Int32] = [:]
            for (i, id) in ids.enumerated() where d[id] == nil { d[id] = Int32(i) }
            return d
        }
        parties = index(table.parties.map(\.id))
        categories = index(table.categories.map(\.id))
        purposes = index(table.purposes.map(\.id))
        facts = index(table.facts.map(\.id)).mapValues(Int.init)
    }
}

extension DecisionTable {
    /// Resolves names and fact values; throws on an unknown name, a value that does not fit or
    /// an invalid date. The query is decided for its own `at` date, else for `date` (the
    /// caller's today). (An `Evaluator` resolves through its prebuilt name index; this builds
    /// one each call.)
    public func resolve(_ query: Query, on date: CalendarDate) throws(QueryError) -> ResolvedQuery {
        try resolve(query, on: date, names: NameIndex(self))
    }

    public func resolve(_ query: Query, on today: CalendarDate, names: NameIndex) throws(QueryError) -> ResolvedQuery {
        var date = today
        if let at = query.at {
            guard let given = CalendarDate(at) else { throw QueryError("'\(at)' is not a date: write YYYY-MM-DD, for example 2027-03-01") }
            date = given
        }
        guard let sender = names.parties[query.from] else { throw QueryError("unknown party '\(query.from)'") }
        guard let recipient = names.parties[query.to] else { throw QueryError("unknown party '\(query.to)'") }
        guard let category = names.categories[query.share] else { throw QueryError("unknown data category '\(query.share)'") }
        guard let purpose = names.purposes[query.purpose] else { throw QueryError("unknown purpose '\(query.purpose)'") }
        var values = facts.map { $0.defaultValue ?? ResolvedQuery.missing }
        var given = Set<Int>()
        for (name, input) in query.facts {
            guard let f = names.facts[name] else { throw QueryError("unknown fact '\(name)'") }
            guard given.insert(f).inserted else { throw QueryError("the fact '\(name)' is given twice") }
            values[f] = try encode(input, for: facts[f])
        }
        return ResolvedQuery(sender: sender, recipient: recipient, category: category, purpose: purpose, facts: values, date: date)
    }

    func encode(_ input: Query.FactInput, for fact: Fact) throws(QueryError) -> Int64 {
        switch (fact.kind, input) {
        case (.bool, .bool(let b)): return b ? 1 : 0
        case (.bool, .text(let w)) where ["true", "ja"].contains(w): return 1
        case (.bool, .text(let w)) where ["false", "nee"].contains(w): return 0
        case (.bool, _): throw QueryError("the fact '\(fact.id)' is yes/no: give true or false")
        case (.int(let low, let high), .int(let n)):
            guard Int64(n) >= low, Int64(n) <= high else {
                throw QueryError("\(n) is outside the range of '\(fact.id)' (\(low)..\(high))")
            }
            return Int64(n)
        case (.int(let low, let high), _): throw QueryError("the fact '\(fact.id)' is a number from \(low) to \(high)")
        case (.enumeration(let values), .text(let w)):
            guard let i = values.firstIndex(of: w) else {
                throw QueryError("'\(w)' is not a value of '\(fact.id)' (one of: \(values.joined(separator: ", ")))")
            }
            return Int64(i)
        case (.enumeration(let values), _): throw QueryError("the fact '\(fact.id)' takes one of: \(values.joined(separator: ", "))")
        }
    }

    /// Whether a resolved query fits this table; `decide` denies (fails closed) when it does not.
    public func validate(_ q: ResolvedQuery) -> QueryError? {
        guard q.sender >= 0, Int(q.sender) < parties.count, q.recipient >= 0, Int(q.recipient) < parties.count else {
            return QueryError("party index out of range")
        }
        guard q.category >= 0, Int(q.category) < categories.count else { return QueryError("category index out of range") }
        guard q.purpose >= 0, Int(q.purpose) < purposes.count else { return QueryError("purpose index out of range") }
        guard q.facts.count == facts.count else { return QueryError("the query has \(q.facts.count) fact values; the table has \(facts.count) facts") }
        for (f, v) in q.facts.enumerated() where v != ResolvedQuery.missing {
            let ok: Bool
            switch facts[f].kind {
            case .bool: ok = v == 0 || v == 1
            case .int(let low, let high): ok = v >= low && v <= high
            case .enumeration(let values): ok = v >= 0 && v < Int64(values.count)
            }
            if !ok { return QueryError("the value \(v) does not fit the fact '\(facts[f].id)'") }
        }
        return nil
    }
}
