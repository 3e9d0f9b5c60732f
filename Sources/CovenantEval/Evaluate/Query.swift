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
    /// One fact the query gives: its name and the value as given.
    public struct Fact: Sendable, Equatable {
        public var name: String
        public var value: FactInput

        public init(_ name: String, _ value: FactInput) {
            self.name = name
            self.value = value
        }
    }

    public var facts: [Fact]
    /// The day the question is asked for (`YYYY-MM-DD`); nil: the day the caller resolves on.
    public var at: String?
    /// The caller's reference for the query, echoed in the decision (any JSON string or number).
    public var id: JSONValue?

    /// A query with its facts written as a literal, in order:
    /// `Query(from: "ggz", to: "dorpsteam", share: "health", purpose: "support",
    /// facts: ["consent": .text("given"), "age": .int(30)])`.
    public init(
        from: String, to: String, share: String, purpose: String, facts: KeyValuePairs<String, FactInput> = [:],
        at: String? = nil, id: JSONValue? = nil
    ) {
        self.init(
            from: from, to: to, share: share, purpose: purpose, factList: facts.map { Fact($0.key, $0.value) }, at: at,
            id: id)
    }

    /// A query with its facts as a list built at run time.
    public init(
        from: String, to: String, share: String, purpose: String, factList: [Fact], at: String? = nil,
        id: JSONValue? = nil
    ) {
        self.from = from
        self.to = to
        self.share = share
        self.purpose = purpose
        self.facts = factList
        self.at = at
        self.id = id
    }
}

/// A query with names resolved to indices and every fact's value (or `missing`) filled in:
/// what `decide` takes. Resolve once, decide many times.
public struct ResolvedQuery: Sendable, Hashable {
    /// The value of a fact the query does not give and that has no default.
    public static let missing = Int64.min

    public var sender: Int32 { didSet { checkedFor = 0 } }
    public var recipient: Int32 { didSet { checkedFor = 0 } }
    public var category: Int32 { didSet { checkedFor = 0 } }
    public var purpose: Int32 { didSet { checkedFor = 0 } }
    /// One value per fact of the table: bool 0/1, the integer, or the enumeration index.
    public var facts: [Int64] { didSet { checkedFor = 0 } }
    /// The day the question is decided for: outside the covenant's validity every query is
    /// denied.
    public var date: CalendarDate
    /// The table `Evaluator.resolve` checked this query against (its token), or 0: a query checked
    /// once is decided without checking it again, and any change to it clears the mark.
    var checkedFor: UInt64 = 0

    /// Equal when they ask the same (whether either was checked does not matter).
    public static func == (a: ResolvedQuery, b: ResolvedQuery) -> Bool {
        a.sender == b.sender && a.recipient == b.recipient && a.category == b.category && a.purpose == b.purpose
            && a.facts == b.facts && a.date == b.date
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sender)
        hasher.combine(recipient)
        hasher.combine(category)
        hasher.combine(purpose)
        hasher.combine(facts)
        hasher.combine(date)
    }

    public init(sender: Int32, recipient: Int32, category: Int32, purpose: Int32, facts: [Int64], date: CalendarDate) {
        self.sender = sender
        self.recipient = recipient
        self.category = category
        self.purpose = purpose
        self.facts = facts
        self.date = date
    }
}

/// Why a query cannot be decided. Unknown names are errors, never a deny. `kind` is stable, so
/// a service can branch on it; `message(in:)` words it for a person.
public struct QueryError: WordedError, Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        // The JSON wire form.
        case emptyLine, notJSON, notAnObject, unknownKey, unknownKeyFact, keyGivenTwice, badID, atNotAString, badDate,
            missingField, notAString, factsNotAnObject, badFactValue
        // Names and values.
        case unknownParty, groupSender, groupRecipient, unknownCategory, unknownPurpose, unknownFact, factGivenTwice,
            notYesNo, outOfRange, notANumber, notAValue, notOneOf
        // A resolved query that does not fit the table.
        case partyOutOfRange, categoryOutOfRange, purposeOutOfRange, factCount, valueDoesNotFit, doesNotFit
    }

    public var kind: Kind
    /// The names and values the message mentions, in order.
    public var arguments: [String]
    /// Why the text is not JSON, for `notJSON`: worded in the message's language.
    package var json: JSONParser.Error?

    public init(_ kind: Kind, _ arguments: String...) {
        self.kind = kind
        self.arguments = arguments
    }

    /// A query that is not JSON, and why.
    package init(notJSON error: JSONParser.Error) {
        self.kind = .notJSON
        self.arguments = []
        self.json = error
    }

    public func message(in language: Language) -> String {
        Messages.text(
            "queryError.\(kind.rawValue)", language,
            arguments: arguments + (json.map { [$0.description(in: language)] } ?? []))
    }
}

/// Name → index lookups for one table, built once.
package struct NameIndex: Sendable {
    let parties: [String: Int32]
    let groups: [String: [Int32]]
    let categories: [String: Int32]
    let purposes: [String: Int32]
    let facts: [String: Int]

    package init(_ table: DecisionTable) {
        func index(_ ids: [String]) -> [String: Int32] {
            var d: [String: Int32] = [:]
            for (i, id) in ids.enumerated() where d[id] == nil { d[id] = Int32(i) }
            return d
        }
        parties = index(table.parties.map(\.id))
        groups = Dictionary(table.groups.map { ($0.id, $0.members) }) { first, _ in first }
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

    package func resolve(_ query: Query, on today: CalendarDate, names: NameIndex) throws(QueryError) -> ResolvedQuery {
        var date = today
        if let at = query.at {
            guard let given = CalendarDate(at) else { throw QueryError(.badDate, at) }
            date = given
        }
        func members(_ group: [Int32]) -> String { group.map { parties[Int($0)].id }.joined(separator: ", ") }
        guard let sender = names.parties[query.from] else {
            if let group = names.groups[query.from] { throw QueryError(.groupSender, query.from, members(group)) }
            throw QueryError(.unknownParty, query.from)
        }
        guard let recipient = names.parties[query.to] else {
            if let group = names.groups[query.to] { throw QueryError(.groupRecipient, query.to, members(group)) }
            throw QueryError(.unknownParty, query.to)
        }
        guard let category = names.categories[query.share] else { throw QueryError(.unknownCategory, query.share) }
        guard let purpose = names.purposes[query.purpose] else { throw QueryError(.unknownPurpose, query.purpose) }
        var values = facts.map { $0.defaultValue ?? ResolvedQuery.missing }
        var given = Set<Int>()
        for fact in query.facts {
            guard let f = names.facts[fact.name] else { throw QueryError(.unknownFact, fact.name) }
            guard given.insert(f).inserted else { throw QueryError(.factGivenTwice, fact.name) }
            values[f] = try encode(fact.value, for: facts[f])
        }
        return ResolvedQuery(
            sender: sender, recipient: recipient, category: category, purpose: purpose, facts: values, date: date)
    }

    func encode(_ input: Query.FactInput, for fact: Fact) throws(QueryError) -> Int64 {
        switch (fact.kind, input) {
        case (.bool, .bool(let b)): return b ? 1 : 0
        case (.bool, .text(let w)) where ["true", "ja"].contains(w): return 1
        case (.bool, .text(let w)) where ["false", "nee"].contains(w): return 0
        case (.bool, _): throw QueryError(.notYesNo, fact.id)
        case (.int(let low, let high), .int(let n)):
            guard Int64(n) >= low, Int64(n) <= high else {
                throw QueryError(.outOfRange, "\(n)", fact.id, "\(low)", "\(high)")
            }
            return Int64(n)
        case (.int(let low, let high), _): throw QueryError(.notANumber, fact.id, "\(low)", "\(high)")
        case (.enumeration(let values), .text(let w)):
            guard let i = values.firstIndex(of: w) else {
                throw QueryError(.notAValue, w, fact.id, values.joined(separator: ", "))
            }
            return Int64(i)
        case (.enumeration(let values), _): throw QueryError(.notOneOf, fact.id, values.joined(separator: ", "))
        }
    }

    /// Whether a resolved query fits this table; `decide` denies (fails closed) when it does not.
    public func validate(_ q: ResolvedQuery) -> QueryError? {
        guard q.sender >= 0, Int(q.sender) < parties.count, q.recipient >= 0, Int(q.recipient) < parties.count else {
            return QueryError(.partyOutOfRange)
        }
        guard q.category >= 0, Int(q.category) < categories.count else { return QueryError(.categoryOutOfRange) }
        guard q.purpose >= 0, Int(q.purpose) < purposes.count else { return QueryError(.purposeOutOfRange) }
        guard q.facts.count == facts.count else { return QueryError(.factCount, "\(q.facts.count)", "\(facts.count)") }
        for (f, v) in q.facts.enumerated() where v != ResolvedQuery.missing {
            let ok: Bool
            switch facts[f].kind {
            case .bool: ok = v == 0 || v == 1
            case .int(let low, let high): ok = v >= low && v <= high
            case .enumeration(let values): ok = v >= 0 && v < Int64(values.count)
            }
            if !ok { return QueryError(.valueDoesNotFit, "\(v)", facts[f].id) }
        }
        return nil
    }
}
