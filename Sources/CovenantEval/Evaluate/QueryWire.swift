/// The JSON wire format of a query (LANGUAGE.md): one object with `from`, `to`, `share`, `for`
/// and optional `facts`, `at` (YYYY-MM-DD) and `id` (a string or number, echoed). Any other
/// key is an error: a misspelt `"fact"` must never silently drop the facts. Services in other
/// languages send this; `covenantc eval` reads it.
extension Query {
    static let wireKeys: Set<String> = ["from", "to", "share", "for", "facts", "at", "id"]

    public init(json text: String) throws(QueryError) {
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch { throw QueryError(notJSON: error) }
        try self.init(json: json)
    }

    public init(json: JSONValue) throws(QueryError) {
        guard case .object(let pairs) = json else { throw QueryError(.notAnObject) }
        var seen = Set<String>()
        for (key, _) in pairs {
            guard Self.wireKeys.contains(key) else {
                throw key == "fact" ? QueryError(.unknownKeyFact, key) : QueryError(.unknownKey, key)
            }
            guard seen.insert(key).inserted else { throw QueryError(.keyGivenTwice, key) }
        }
        var id: JSONValue?
        if let value = json["id"] {
            switch value {
            case .string, .integer, .number: id = value
            default: throw QueryError(.badID)
            }
        }
        var at: String?
        if let value = json["at"], !value.isNull {
            guard let text = value.stringValue else { throw QueryError(.atNotAString) }
            guard CalendarDate(text) != nil else { throw QueryError(.badDate, text) }
            at = text
        }
        func field(_ key: String) throws(QueryError) -> String {
            guard let value = json[key] else { throw QueryError(.missingField, key) }
            guard let s = value.stringValue else { throw QueryError(.notAString, key) }
            return s
        }
        var facts: [Query.Fact] = []
        if let given = json["facts"], !given.isNull {
            guard case .object(let pairs) = given else { throw QueryError(.factsNotAnObject) }
            for (name, value) in pairs {
                switch value {
                case .bool(let b): facts.append(Query.Fact(name, .bool(b)))
                case .integer(let n): facts.append(Query.Fact(name, .int(n)))
                case .string(let s): facts.append(Query.Fact(name, .text(s)))
                default: throw QueryError(.badFactValue, name)
                }
            }
        }
        self.init(
            from: try field("from"), to: try field("to"), share: try field("share"), purpose: try field("for"),
            factList: facts, at: at, id: id)
    }
}

extension Query {
    /// The `id` of a query line, when it has a valid one, even if the line is otherwise wrong:
    /// an error line echoes it, so a service can match every answer to its question.
    public static func wireID(of text: String) -> JSONValue? {
        guard let json = try? JSONParser.parse(text), case .object = json, let id = json["id"] else { return nil }
        switch id {
        case .string, .integer, .number: return id
        default: return nil
        }
    }
}

extension Query.FactInput {
    /// The value as the wire writes it: a boolean, an integer or a string.
    public var json: JSONValue {
        switch self {
        case .bool(let b): .bool(b)
        case .int(let n): .integer(n)
        case .text(let s): .string(s)
        }
    }
}
