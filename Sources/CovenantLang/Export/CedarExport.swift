import CovenantEval

/// A covenant as a Cedar policy set, with its schema and entities, for organisations that run
/// Cedar (`covenantc export --to cedar`).
///
/// The request is one leaf category: principal = the sending `Party`, action = `Action::"share"`,
/// resource = a `Category`, and the context holds the recipient (`Party`), the purpose
/// (`Purpose`), the facts given (a record; a missing fact is absent) and the date the query is
/// asked for as a `Long` YYYYMMDD (`context.date`): outside the covenant's validity no policy
/// applies, so Cedar denies by default as covenantc does. `any` excludes processors. Groups, category and
/// purpose trees are entity parents, so Cedar's `in` gives the covenant's scope. Each rule is
/// one policy annotated `@id("rule")`; its condition is asked in three-valued logic (`T` for a
/// permit, not `F` for a forbid), and its exceptions become an `unless` that holds when an
/// exception applies and is not itself defeated. Cedar's "forbid overrides permit, deny by
/// default" is the covenant's decision rule. What Cedar cannot say: a query for a category
/// with subcategories is the conjunction of one request per leaf (the caller sends them;
/// `bench/peers` does); obligations, waivers, missing-fact reporting and explanations.
public enum CedarExport {
    public struct Output: Sendable {
        public var policies: String
        /// Cedar's JSON schema format.
        public var schema: String
        /// Cedar's JSON entities format.
        public var entities: String
    }

    public static func export(_ file: CovenantFile, _ model: CovenantModel) -> Output {
        let exporter = Exporter(file: file, model: model)
        return Output(policies: exporter.policies(), schema: exporter.schema(), entities: exporter.entities())
    }

    struct Exporter {
        let model: CovenantModel
        let declarations: [String: RuleDecl]
        let partyIDs: Set<String>
        var exceptions: [[Int]]

        init(file: CovenantFile, model: CovenantModel) {
            self.model = model
            var declarations: [String: RuleDecl] = [:]
            for case .rule(let d) in file.declarations { declarations[d.id.name] = d }
            self.declarations = declarations
            partyIDs = Set(model.parties.map(\.id))
            exceptions = Array(repeating: [], count: model.rules.count)
            for (r, rule) in model.rules.enumerated() { if let t = rule.exceptionTo { exceptions[t].append(r) } }
        }

        static func quoted(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }

        func entity(_ type: String, _ id: String) -> String { "\(type)::\(Self.quoted(id))" }

        func policies() -> String {
            var out = "// \(model.title): exported by covenantc from the covenant's \(model.rules.count) rules.\n"
            out += "// Obligations, waivers and missing-fact reports are not expressed in Cedar.\n"
            for (r, rule) in model.rules.enumerated() {
                out += "\n"
                if let title = rule.title { out += "// \(title.split(separator: "\n").joined(separator: " "))\n" }
                out += "@id(\(Self.quoted(rule.id)))\n"
                out +=
                    "\(rule.effect == .permit ? "permit" : "forbid") (\n  principal,\n  action == Action::\"share\",\n"
                    + "  resource\n)\n"
                out += "when {\n  \(applicable(r, withScope: true))\n}"
                if !exceptions[r].isEmpty { out += "\nunless {\n  \(defeated(r))\n}" }
                out += ";\n"
            }
            return out
        }

        /// `rule r` applies: in scope and its condition, three-valued by effect.
        func applicable(_ r: Int, withScope: Bool) -> String {
            let rule = model.rules[r]
            var parts: [String] = []
            if withScope { parts += scope(r) }
            if let c = rule.condition {
                let tv = ThreeValued(c)
                parts.append(rule.effect == .permit ? certainly(tv, true) : "!\(certainly(tv, false))")
            }
            return parts.isEmpty ? "true" : parts.joined(separator: " &&\n  ")
        }

        /// Some exception of `r` applies and is not itself defeated (the graph is acyclic).
        func defeated(_ r: Int) -> String {
            exceptions[r].map { e in
                let own = exceptions[e].isEmpty ? "" : " && !(\(defeated(e)))"
                let lines = applicable(e, withScope: true).split(separator: "\n").map { $0.drop { $0 == " " } }
                return "(\(lines.joined(separator: " "))\(own))"
            }.joined(separator: " ||\n  ")
        }

        func scope(_ r: Int) -> [String] {
            let rule = model.rules[r]
            let d = declarations[rule.id]
            var parts: [String] = []
            func targets(_ t: Targets?, _ resolved: ResolvedTargets) -> [String]? {
                if case .names(let names)? = t {
                    return names.map { entity(partyIDs.contains($0.name) ? "Party" : "Group", $0.name) }
                }
                if case .some(let parties) = resolved { return parties.map { entity("Party", model.parties[$0].id) } }
                return nil
            }
            // `any` is every party but the processors (LANGUAGE-V2).
            let processors = model.parties.filter(\.isProcessor).map { entity("Party", $0.id) }
            if let s = targets(d?.senders, rule.senders) {
                parts.append("principal in [\(s.joined(separator: ", "))]")
            } else if !processors.isEmpty {
                parts.append("!(principal in [\(processors.joined(separator: ", "))])")
            }
            if let s = targets(d?.recipients, rule.recipients) {
                parts.append("context.recipient in [\(s.joined(separator: ", "))]")
            } else if !processors.isEmpty {
                parts.append("!(context.recipient in [\(processors.joined(separator: ", "))])")
            }
            if let from = model.firstDayInForce { parts.append("context.date >= \(from.ordinal)") }
            if let until = model.validUntil.flatMap(CalendarDate.init) {
                parts.append("context.date <= \(until.ordinal)")
            }
            let categories = rule.categories.map { entity("Category", model.categories[$0].id) }
            parts.append("resource in [\(categories.joined(separator: ", "))]")
            if case .some(let purposes) = rule.purposes {
                let entities = purposes.map { entity("Purpose", model.purposes[$0].id) }
                parts.append("context.purpose in [\(entities.joined(separator: ", "))]")
            }
            return parts
        }

        /// The Cedar expression for "certainly true" (`positive`) or "certainly false".
        func certainly(_ c: ThreeValued, _ positive: Bool) -> String {
            switch c {
            case .and(let a, let b):
                return "(\(certainly(a, positive)) \(positive ? "&&" : "||") \(certainly(b, positive)))"
            case .or(let a, let b):
                return "(\(certainly(a, positive)) \(positive ? "||" : "&&") \(certainly(b, positive)))"
            case .not(let a):
                return certainly(a, !positive)
            case .atom(let f, let predicate):
                let fact = model.facts[f]
                let key = Self.quoted(fact.id)
                let test = "(\(self.test(predicate, "context.facts[\(key)]", fact)))"
                if let d = fact.defaultValue {
                    let onDefault = predicate.holds(for: d) == positive
                    return "(if context.facts has \(key) then \(positive ? test : "!\(test)") else \(onDefault))"
                }
                return "(context.facts has \(key) && \(positive ? test : "!\(test)"))"
            }
        }

        func test(_ p: ThreeValued.Predicate, _ x: String, _ fact: FactInfo) -> String {
            switch p {
            case .compare(let op, let v): return "\(x) \(op.rawValue) \(literal(v, fact))"
            case .member(let values):
                return "[\(values.map { literal($0, fact) }.joined(separator: ", "))].contains(\(x))"
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

        func schema() -> String {
            var factAttributes: [(String, JSONValue)] = []
            for fact in model.facts {
                let type: String
                switch fact.type {
                case .bool: type = "Boolean"
                case .int: type = "Long"
                case .enumeration: type = "String"
                }
                factAttributes.append((fact.id, .object([("type", .string(type)), ("required", .bool(false))])))
            }
            func entityType(_ parents: [String]) -> JSONValue {
                .object([("memberOfTypes", .array(parents.map { .string($0) }))])
            }
            func ref(_ name: String) -> JSONValue { .object([("type", .string("Entity")), ("name", .string(name))]) }
            let context: JSONValue = .object([
                ("type", .string("Record")),
                (
                    "attributes",
                    .object([
                        ("recipient", ref("Party")), ("purpose", ref("Purpose")),
                        ("date", .object([("type", .string("Long"))])),
                        ("facts", .object([("type", .string("Record")), ("attributes", .object(factAttributes))])),
                    ])
                ),
            ])
            let namespace: JSONValue = .object([
                (
                    "entityTypes",
                    .object([
                        ("Party", entityType(["Group"])), ("Group", entityType([])),
                        ("Category", entityType(["Category"])), ("Purpose", entityType(["Purpose"])),
                    ])
                ),
                (
                    "actions",
                    .object([
                        (
                            "share",
                            .object([
                                (
                                    "appliesTo",
                                    .object([
                                        ("principalTypes", .array([.string("Party")])),
                                        ("resourceTypes", .array([.string("Category")])),
                                        ("context", context),
                                    ])
                                )
                            ])
                        )
                    ])
                ),
            ])
            return JSONValue.object([("", namespace)]).serialized() + "\n"
        }

        func entities() -> String {
            func uid(_ type: String, _ id: String) -> JSONValue {
                .object([("type", .string(type)), ("id", .string(id))])
            }
            var groupsOf = Array(repeating: [String](), count: model.parties.count)
            for group in model.groups { for p in group.parties { groupsOf[p].append(group.id) } }
            var list: [JSONValue] = []
            for (p, party) in model.parties.enumerated() {
                list.append(
                    .object([
                        ("uid", uid("Party", party.id)), ("attrs", .object([])),
                        ("parents", .array(groupsOf[p].map { uid("Group", $0) })),
                    ]))
            }
            for group in model.groups {
                list.append(
                    .object([("uid", uid("Group", group.id)), ("attrs", .object([])), ("parents", .array([]))]))
            }
            for category in model.categories {
                list.append(
                    .object([
                        ("uid", uid("Category", category.id)), ("attrs", .object([])),
                        ("parents", .array(category.parent.map { [uid("Category", model.categories[$0].id)] } ?? [])),
                    ]))
            }
            for purpose in model.purposes {
                list.append(
                    .object([
                        ("uid", uid("Purpose", purpose.id)), ("attrs", .object([])),
                        ("parents", .array(purpose.parent.map { [uid("Purpose", model.purposes[$0].id)] } ?? [])),
                    ]))
            }
            list.append(.object([("uid", uid("Action", "share")), ("attrs", .object([])), ("parents", .array([]))]))
            return JSONValue.array(list).serialized() + "\n"
        }
    }
}
