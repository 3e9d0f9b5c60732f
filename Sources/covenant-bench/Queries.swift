import CovenantEval
import CovenantLang

/// The query set for a generated covenant, deterministic from the seed: half the queries aim
/// into a random rule's scope (so permits, forbids and exceptions are decided), half are
/// uniform over all parties, categories and purposes (mostly denies by default); each fact is
/// left out one time in four (missing facts, or their defaults).
func querySet(_ model: CovenantModel, count: Int, seed: UInt64) -> [Query] {
    var rng = Generator(seed: seed)
    func pick<T>(_ items: [T]) -> T { items[rng.int(items.count)] }
    func party(_ targets: ResolvedTargets) -> String {
        switch targets {
        case .any: return pick(model.parties).id
        case .some(let parties): return model.parties[pick(parties)].id
        }
    }
    func below(_ index: Int, _ children: (Int) -> [Int]) -> Int {
        var i = index
        while !children(i).isEmpty, rng.int(2) == 0 { i = pick(children(i)) }
        return i
    }
    var queries: [Query] = []
    for n in 0..<count {
        var query: Query
        if n % 2 == 0, !model.rules.isEmpty {
            let rule = pick(model.rules)
            let category = below(pick(rule.categories)) { model.categories[$0].children }
            let purpose: String
            switch rule.purposes {
            case .any: purpose = pick(model.purposes).id
            case .some(let p): purpose = model.purposes[below(pick(p)) { model.purposes[$0].children }].id
            }
            query = Query(
                from: party(rule.senders), to: party(rule.recipients), share: model.categories[category].id,
                purpose: purpose)
        } else {
            query = Query(
                from: pick(model.parties).id, to: pick(model.parties).id, share: pick(model.categories).id,
                purpose: pick(model.purposes).id)
        }
        // Dated, so every engine decides for the same day: mostly within the generated validity
        // (2025-01-01 until 2028-12-31), one in ten just outside it.
        query.at =
            switch rng.int(20) {
            case 0: "2024-12-31"
            case 1: "2029-01-01"
            default: "2026-06-01"
            }
        for fact in model.facts where rng.int(4) != 0 {
            switch fact.type {
            case .bool: query.facts.append(Query.Fact(fact.id, .bool(rng.int(2) == 0)))
            case .int(let low, let high):
                query.facts.append(Query.Fact(fact.id, .int(low + rng.int(min(high - low + 1, 1 << 20)))))
            case .enumeration(let values): query.facts.append(Query.Fact(fact.id, .text(pick(values))))
            }
        }
        queries.append(query)
    }
    return queries
}

extension Query {
    /// The query in the JSON wire format (LANGUAGE.md).
    var json: JSONValue {
        let facts: [(String, JSONValue)] = facts.map { ($0.name, $0.value.json) }
        var pairs: [(String, JSONValue)] = [
            ("from", .string(from)), ("to", .string(to)), ("share", .string(share)), ("for", .string(purpose)),
            ("facts", .object(facts)),
        ]
        if let at { pairs.append(("at", .string(at))) }
        return .object(pairs)
    }
}
