/// The JSON wire format of a query (LANGUAGE.md): one object with `from`, `to`, `share`, `for`
/// and optional `facts`. Services in other languages send this; `covenantc eval` reads it.
extension Query {
    public init(json text: String) throws(QueryError) {
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch { throw QueryError("not JSON: \(error)") }
        try self.init(json: json)
    }

    public init(json: JSONValue) throws(QueryError) {
        guard case .object = json else { throw QueryError("a query is a JSON object") }
        func field(_ key: String) throws(QueryError) -> String {
            guard let value = json[key] else { throw QueryError("the query lacks \"\(key)\"") }
            guard let s = value.stringValue else { throw QueryError("\"\(key)\" must be a string") }
            return s
        }
        var facts: [(String, Query.FactInput)] = []
        if let given = json["facts"], !given.isNull {
            guard case .object(let pairs) = given else { throw QueryError("\"facts\" must be an object") }
            for (name, value) in pairs {
                switch value {
                case .bool(let b): facts.append((name, .bool(b)))
                case .integer(let n): facts.append((name, .int(n)))
                case .string(let s): facts.append((name, .text(s)))
                default: throw QueryError("the value of fact '\(name)' must be true/false, an integer or a string")
                }
            }
        }
        self.init(from: try field("from"), to: try field("to"), share: try field("share"), purpose: try field("for"), facts: facts)
    }
}
