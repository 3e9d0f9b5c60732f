import CovenantEval

/// A covenant as a Rego policy (package `covenant`) with its data document, for organisations
/// that run Open Policy Agent (`covenantc export --to rego`).
///
/// `data.covenant.decision(q)` takes a query in the covenant's JSON wire format and returns
/// `{"effect": "permit"|"deny", "decidedBy": [rule ids]}`, so a batch of queries is one
/// comprehension. The data document holds each rule's scope (groups, category and purpose
/// trees already expanded) and each category's leaves; the policy holds one function per rule
/// (named after its index and id) and the conditions in three-valued logic: for each condition
/// node a function that holds when it is certainly true (`t_N`) and one for certainly false
/// (`f_N`); a missing fact makes both undefined. Exceptions, forbid-over-permit, deny by
/// default and the conjunction over a category's leaves are written out in Rego. What Rego
/// here does not carry: obligations, waivers, missing-fact reporting and explanations.
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
            let plain = id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7a) || $0 == 0x5f }
            return plain ? "rule\(r)_\(id)" : "rule\(r)"
        }

        static func quoted(_ s: String) -> String { JSONValue.string(s).serialized() }

        mutating func policy() -> String {
            var rules: [String] = []
            for (r, rule) in model.rules.enumerated() {
                var body = ["rule_in_scope(\(r), q, c)"]
                if let c = rule.condition {
                    let tv = ThreeValued(c)
                    body.append(rule.effect == .permit ? "\(certainly(tv, true))(q)" : "not \(certainly(tv, false))(q)")
                }
                var text = "# \(rule.effect == .permit ? "permit" : "forbid") \(rule.id)"
                if let title = rule.title { text += ": \(title.split(separator: "\n").joined(separator: " "))" }
                text += "\napplies_\(name(r))(q, c) if {\n    \(body.joined(separator: "\n    "))\n}\n"
                text += "active_\(name(r))(q, c) if {\n    applies_\(name(r))(q, c)\n"
                for e in exceptions[r] { text += "    not active_\(name(e))(q, c)\n" }
                text += "}\n"
                rules.append(text)
            }
            func union(_ effect: Effect) -> String {
                let sets = model.rules.indices.filter { model.rules[$0].effect == effect }
                    .map { "{\(Self.quoted(model.rules[$0].id)) | active_\(name($0))(q, c)}" }
                return sets.isEmpty ? "set()" : sets.joined(separator: " |\n    ")
            }
            return """
                # \(model.title): exported by covenantc from the covenant's \(model.rules.count) rules.
                # data.covenant.decision(q) decides one query in the covenant's JSON wire format.
                # Obligations, waivers and missing-fact reports are not expressed in Rego.
                package covenant

                import rego.v1

                decision(q) := {"effect": "permit", "decidedBy": sort(permits)} if {
                    data.covenant.parties[q.from]
                    data.covenant.parties[q.to]
                    data.covenant.purposes[q["for"]]
                    leaves := data.covenant.leaves[q.share]
                    every c in leaves {
                        count(leaf_forbids(q, c)) == 0
                        count(leaf_permits(q, c)) > 0
                    }
                    permits := {r | some c in leaves; some r in leaf_permits(q, c)}
                } else := {"effect": "deny", "decidedBy": sort({r | some c in data.covenant.leaves[q.share]; some r in leaf_forbids(q, c)})}

                leaf_permits(q, c) := \(union(.permit))

                leaf_forbids(q, c) := \(union(.forbid))

                # A rule's scope, from the data document; an absent dimension is `any`.
                rule_in_scope(r, q, c) if {
                    scope := data.covenant.rules[r]
                    in_dimension(scope, "senders", q.from)
                    in_dimension(scope, "recipients", q.to)
                    scope.categories[c]
                    in_dimension(scope, "purposes", q["for"])
                }

                in_dimension(scope, key, value) if not scope[key]
                in_dimension(scope, key, value) if scope[key][value]

                \(rules.joined(separator: "\n"))
                # Conditions, three-valued: t_N holds when node N is certainly true, f_N when certainly false.
                \(helpers.joined(separator: "\n"))
                """
        }

        /// The name of a function of `q` that holds when `c` is certainly true (`positive`) or
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
                    helpers.append("\(fn)(q) if {\n    \(x)(q)\n    \(y)(q)\n}\n")
                } else {
                    helpers.append("\(fn)(q) if \(x)(q)\n\(fn)(q) if \(y)(q)\n")
                }
            case .atom(let f, let predicate):
                let fact = model.facts[f]
                let value = fact.defaultValue.map { "object.get(object.get(q, \"facts\", {}), \(Self.quoted(fact.id)), \(literal($0, fact)))" }
                    ?? "q.facts[\(Self.quoted(fact.id))]"
                // The value is bound first: `not` of an undefined value would hold.
                helpers.append("\(fn)(q) if {\n    x := \(value)\n    \(positive ? "" : "not ")\(test(predicate, fact))\n}\n")
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
            let categoryClosure = Compiler.descendantsOrSelf(model.categories.map(\.children))
            let purposeClosure = Compiler.descendantsOrSelf(model.purposes.map(\.children))
            func set(_ ids: [String]) -> JSONValue { .object(ids.map { ($0, .bool(true)) }) }
            var rules: [JSONValue] = []
            for rule in model.rules {
                var scope: [(String, JSONValue)] = []
                if case .some(let p) = rule.senders { scope.append(("senders", set(p.map { model.parties[$0].id }))) }
                if case .some(let p) = rule.recipients { scope.append(("recipients", set(p.map { model.parties[$0].id }))) }
                let categories = Set(rule.categories.flatMap { categoryClosure[$0] }).sorted()
                scope.append(("categories", set(categories.map { model.categories[$0].id })))
                if case .some(let p) = rule.purposes {
                    scope.append(("purposes", set(Set(p.flatMap { purposeClosure[$0] }).sorted().map { model.purposes[$0].id })))
                }
                rules.append(.object(scope))
            }
            let leaves = model.categories.indices.map { c in
                (model.categories[c].id, JSONValue.array(categoryClosure[c].filter { model.categories[$0].children.isEmpty }.map { .string(model.categories[$0].id) }))
            }
            let document: JSONValue = .object([("covenant", .object([
                ("parties", set(model.parties.map(\.id))),
                ("purposes", set(model.purposes.map(\.id))),
                ("leaves", .object(leaves)),
                ("rules", .array(rules)),
            ]))])
            return document.serialized() + "\n"
        }
    }
}
