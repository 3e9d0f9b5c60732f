import CovenantEval

/// A covenant as a Rego policy (package `covenant`) with its data document, for organisations
/// that run Open Policy Agent (`covenantc export --to rego`).
///
/// The input is one query in the covenant's JSON wire format; `data.covenant.decision` is
/// `{"effect": "permit"|"deny", "decidedBy": [rule ids]}`. Everything is written as rules over
/// `input` (no functions), so an engine evaluates each rule once per query: per rule the set of
/// the query's leaf categories on which it is active (in scope, its condition holds, no
/// exception to it is active), then forbid over permit, deny by default and the conjunction
/// over the leaves. The data document holds each rule's scope (groups, category and purpose
/// trees already expanded) and each category's leaves. Conditions are three-valued: for each
/// condition node a rule that holds when it is certainly true (`t_N`) and one for certainly
/// false (`f_N`); a missing fact makes both undefined. What Rego here does not carry:
/// obligations, waivers, missing-fact reporting and explanations.
public enum RegoExport {
    public struct Output: Sendable {
        public var policy: String
        public var data: String
    }

    public static func export(_ model: CovenantModel) -> Output {
        var exporter = Exporter(model: model)
        return Output(policy: exporter.policy(), data: exporter.data())
    }

    struct Exporter {
        let model: CovenantModel
        var exceptions: [[Int]]
        var helpers: [String] = []
        var nodes = 0

        init(model: CovenantModel) {
            self.model = model
            exceptions = Array(repeating: [], count: model.rules.count)
            for (r, rule) in model.rules.enumerated() { if let t = rule.exceptionTo { exceptions[t].append(r) } }
        }

        /// A Rego name for rule `r`: its index, and its id when that is plain ASCII.
        func name(_ r: Int) -> String {
            let id = model.rules[r].id
            let plain = id.utf8.allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7a) || $0 == 0x5f
            }
            return plain ? "rule\(r)_\(id)" : "rule\(r)"
        }

        static func quoted(_ s: String) -> String { JSONValue.string(s).serialized() }

        mutating func policy() -> String {
            var rules: [String] = []
            for (r, rule) in model.rules.enumerated() {
                let scope = "data.covenant.scope[\(Self.quoted(rule.id))]"
                var body = ["some c in query_leaves", "\(scope).categories[c]"]
                body.append("in_force")
                if rule.senders != .any {
                    body.append("\(scope).senders[input.from]")
                } else if hasProcessors {
                    body.append("not data.covenant.processors[input.from]")
                }
                if rule.recipients != .any {
                    body.append("\(scope).recipients[input.to]")
                } else if hasProcessors {
                    body.append("not data.covenant.processors[input.to]")
                }
                if rule.purposes != .any { body.append("\(scope).purposes[input[\"for\"]]") }
                if let c = rule.condition {
                    let tv = ThreeValued(c)
                    body.append(rule.effect == .permit ? certainly(tv, true) : "not \(certainly(tv, false))")
                }
                for e in exceptions[r] { body.append("not active_\(name(e))[c]") }
                var text = "# \(rule.effect == .permit ? "permit" : "forbid") \(rule.id)"
                if let title = rule.title { text += ": \(title.split(separator: "\n").joined(separator: " "))" }
                text += "\nactive_\(name(r)) contains c if {\n    \(body.joined(separator: "\n    "))\n}\n"
                let (leaves, ids) =
                    rule.effect == .permit ? ("permitted_leaves", "permit_rules") : ("forbidden_leaves", "forbid_rules")
                text += "\(leaves) contains c if some c in active_\(name(r))\n"
                text += "\(ids) contains \(Self.quoted(rule.id)) if count(active_\(name(r))) > 0\n"
                rules.append(text)
            }
            return """
                # \(model.title): exported by covenantc from the covenant's \(model.rules.count) rules.
                # input: one query in the covenant's JSON wire format, with its date "at" (YYYY-MM-DD;
                # without it nothing is in force); data.covenant.decision decides it.
                # Obligations, waivers and missing-fact reports are not expressed in Rego.
                package covenant

                import rego.v1

                decision := {"effect": "permit", "decidedBy": sort(permit_rules)} if all_permitted

                decision := {"effect": "deny", "decidedBy": sort(forbid_rules)} if not all_permitted

                # Every leaf of the category is permitted and none forbidden (a conjunction). The
                # leaf sets hold only the query's leaves, so counting them is enough (and avoids
                # `every` with `not`, which regopy 1.5 gets wrong).
                all_permitted if {
                    known
                    count(forbidden_leaves) == 0
                    count(permitted_leaves) == count(query_leaves)
                }

                known if {
                    data.covenant.parties[input.from]
                    data.covenant.parties[input.to]
                    data.covenant.purposes[input["for"]]
                    data.covenant.leaves[input.share]
                }

                # The covenant decides only on dates within its validity (dates compare as text).
                \(inForce)

                # (Not named `leaves`: the rules share data.covenant with the data document.)
                query_leaves := data.covenant.leaves[input.share]

                # Rules that no rule of the covenant defines stay empty rather than undefined.
                permitted_leaves contains c if { some c in query_leaves; false }
                forbidden_leaves contains c if { some c in query_leaves; false }
                permit_rules contains r if { some r in []; false }
                forbid_rules contains r if { some r in []; false }

                \(rules.joined(separator: "\n"))
                # Conditions, three-valued: t_N holds when node N is certainly true, f_N when certainly false.
                \(helpers.joined(separator: "\n"))
                """
        }

        var hasProcessors: Bool { model.parties.contains(where: \.isProcessor) }

        var inForce: String {
            var tests = ["is_string(input.at)"]
            if let from = model.validFrom { tests.append("input.at >= \(Self.quoted(from))") }
            if let until = model.validUntil { tests.append("input.at <= \(Self.quoted(until))") }
            return "in_force if {\n    \(tests.joined(separator: "\n    "))\n}"
        }

        /// The name of a rule over `input` that holds when `c` is certainly true (`positive`) or
        /// certainly false; its definitions go to `helpers`.
        mutating func certainly(_ c: ThreeValued, _ positive: Bool) -> String {
            if case .not(let a) = c { return certainly(a, !positive) }
            nodes += 1
            let fn = "\(positive ? "t" : "f")_\(nodes)"
            switch c {
            case .and(let a, let b), .or(let a, let b):
                let (x, y) = (certainly(a, positive), certainly(b, positive))
                let conjunction: Bool
                if case .and = c { conjunction = positive } else { conjunction = !positive }
                if conjunction {
                    helpers.append("\(fn) if {\n    \(x)\n    \(y)\n}\n")
                } else {
                    helpers.append("\(fn) if \(x)\n\(fn) if \(y)\n")
                }
            case .atom(let f, let predicate):
                let fact = model.facts[f]
                let value =
                    fact.defaultValue.map {
                        "object.get(object.get(input, \"facts\", {}), \(Self.quoted(fact.id)), \(literal($0, fact)))"
                    }
                    ?? "input.facts[\(Self.quoted(fact.id))]"
                // The value is bound first: `not` of an undefined value would hold.
                helpers.append(
                    "\(fn) if {\n    x := \(value)\n    \(positive ? "" : "not ")\(test(predicate, fact))\n}\n")
            case .not:
                break
            }
            return fn
        }

        func test(_ p: ThreeValued.Predicate, _ fact: FactInfo) -> String {
            switch p {
            case .compare(let op, let v): return "x \(op == .eq ? "==" : op.rawValue) \(literal(v, fact))"
            case .member(let values): return "x in {\(values.map { literal($0, fact) }.joined(separator: ", "))}"
            }
        }

        func literal(_ v: FactValue, _ fact: FactInfo) -> String {
            switch (v, fact.type) {
            case (.bool(let b), _): return b ? "true" : "false"
            case (.int(let n), _): return String(n)
            case (.enumeration(let i), .enumeration(let names)): return Self.quoted(names[i])
            case (.enumeration(let i), _): return String(i)
            }
        }

        func data() -> String {
            let categoryClosure = model.categoryClosure
            let purposeClosure = model.purposeClosure
            func set(_ ids: [String]) -> JSONValue { .object(ids.map { ($0, .bool(true)) }) }
            var rules: [(String, JSONValue)] = []
            for rule in model.rules {
                var scope: [(String, JSONValue)] = []
                if case .some(let p) = rule.senders { scope.append(("senders", set(p.map { model.parties[$0].id }))) }
                if case .some(let p) = rule.recipients {
                    scope.append(("recipients", set(p.map { model.parties[$0].id })))
                }
                let categories = Set(rule.categories.flatMap { categoryClosure[$0] }).sorted()
                scope.append(("categories", set(categories.map { model.categories[$0].id })))
                if case .some(let p) = rule.purposes {
                    scope.append(
                        ("purposes", set(Set(p.flatMap { purposeClosure[$0] }).sorted().map { model.purposes[$0].id })))
                }
                rules.append((rule.id, .object(scope)))
            }
            let leaves = model.categories.indices.map { c in
                (
                    model.categories[c].id,
                    JSONValue.array(
                        categoryClosure[c].filter { model.categories[$0].children.isEmpty }.map {
                            .string(model.categories[$0].id)
                        })
                )
            }
            let document: JSONValue = .object([
                (
                    "covenant",
                    .object([
                        ("parties", set(model.parties.map(\.id))),
                        ("processors", set(model.parties.filter(\.isProcessor).map(\.id))),
                        ("purposes", set(model.purposes.map(\.id))),
                        ("leaves", .object(leaves)),
                        ("scope", .object(rules)),
                    ])
                )
            ])
            return document.serialized() + "\n"
        }
    }
}
