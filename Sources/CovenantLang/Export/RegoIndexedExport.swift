import CovenantEval

/// A covenant for Open Policy Agent in the style a Rego author would write it
/// (`covenantc export --to rego`, the default style `indexed`): one fixed policy, the same text
/// for every covenant, and the covenant's rules as data. `data.json` holds the compiled table's
/// scope index — per (leaf class, purpose class) cell the rules that cover it, each rule's
/// sender and recipient classes — and each rule's condition in disjunctive normal form, so the
/// policy looks up a query's few candidate rules and needs no recursion. It decides the effect
/// and the deciding rules exactly as covenantc does (bench/peers checks it query by query);
/// obligations, waivers, missing facts and explanations are not carried. Exception chains may be
/// at most 7 deep, and a condition's normal form at most 4,096 clauses: deeper or larger
/// covenants are refused.
public enum RegoIndexedExport {
    public struct Refusal: Error, Sendable, Equatable {
        /// "tooDeep" (the chain depth) or "tooManyClauses" (the rule id).
        public var kind: String
        public var argument: String
    }

    static let maximumDepth = 7
    static let maximumClauses = 4096

    public static func export(_ table: DecisionTable) throws(Refusal) -> RegoExport.Output {
        RegoExport.Output(policy: policy, data: try data(table).serialized() + "\n")
    }

    /// One atom of a clause: `[fact id, operator, value]`, the value as a query writes it.
    struct Atom: Hashable {
        var fact: String
        var op: String
        var value: JSONValue

        var json: JSONValue { .array([.string(fact), .string(op), value]) }
    }

    static let operators = ["==", "!=", "<", "<=", ">", ">="]
    static let negated = [
        "==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<", "in": "notin", "notin": "in",
    ]

    /// An encoded fact value as a query writes it.
    static func value(_ fact: DecisionTable.Fact, _ encoded: Int64) -> JSONValue {
        switch fact.kind {
        case .bool: .bool(encoded != 0)
        case .int: .integer(Int(encoded))
        case .enumeration(let values): .string(values[Int(encoded)])
        }
    }

    /// Condition node `n` (negated when not `positive`) as clauses of atoms: true when some clause
    /// has all its atoms true. Negations go into the atoms and `and` is multiplied out over `or`;
    /// both hold in Kleene's three-valued logic, so the normal form is certainly true (false)
    /// exactly when the condition is.
    static func normalForm(_ t: DecisionTable, _ n: Int32, _ positive: Bool, rule: String) throws(Refusal) -> [[Atom]] {
        let node = t.nodes[Int(n)]
        switch node.kind {
        case .truth, .compare, .member:
            let fact = t.facts[Int(node.fact)]
            var atom: Atom
            switch node.kind {
            case .truth: atom = Atom(fact: fact.id, op: "==", value: .bool(true))
            case .compare: atom = Atom(fact: fact.id, op: operators[Int(node.op)], value: value(fact, node.value))
            default:
                let set = t.setValues[Int(node.first)..<Int(node.first + node.count)].map { value(fact, $0) }
                atom = Atom(fact: fact.id, op: node.op == 0 ? "in" : "notin", value: .array(set))
            }
            if !positive { atom.op = negated[atom.op]! }
            return [[atom]]
        case .not:
            return try normalForm(t, t.children[Int(node.first)], !positive, rule: rule)
        case .and, .or:
            let children = t.children[Int(node.first)..<Int(node.first + node.count)]
            if (node.kind == .and) == positive {
                var clauses: [[Atom]] = [[]]
                for child in children {
                    let next = try normalForm(t, child, positive, rule: rule)
                    clauses = clauses.flatMap { a in next.map { b in a + b.filter { !a.contains($0) } } }
                    guard clauses.count <= maximumClauses else { throw Refusal(kind: "tooManyClauses", argument: rule) }
                }
                return clauses
            }
            var clauses: [[Atom]] = []
            for child in children { clauses += try normalForm(t, child, positive, rule: rule) }
            return clauses
        }
    }

    /// Drops clauses that repeat or contain another (`a or (a and b)` is `a`, in Kleene's logic
    /// too). Contradictions such as `x < 12 and x >= 12` stay: with x missing they are unknown.
    static func simplified(_ clauses: [[Atom]]) -> [[Atom]] {
        let sets = clauses.map(Set.init)
        return clauses.indices.filter { i in
            !sets.indices.contains { j in sets[j].isStrictSubset(of: sets[i]) || (sets[j] == sets[i] && j < i) }
        }.map { clauses[$0] }
    }

    static func data(_ t: DecisionTable) throws(Refusal) -> JSONValue {
        let depth = Int(t.rules.map(\.depth).max() ?? 0)
        guard depth <= maximumDepth else { throw Refusal(kind: "tooDeep", argument: String(depth)) }
        let senderClasses = Int((t.senderClass.max() ?? -1) + 1)
        let recipientClasses = Int(t.recipientClassCount)
        let purposeClasses = t.purposeClassCount
        let leafClasses = t.categoryRuleBits.count / Int(t.wordsPerClass)
        func classes(_ bits: [UInt64], _ words: Int32, _ r: Int, _ count: Int) -> [Int] {
            (0..<count).filter { c in bits[r * Int(words) + c >> 6] & (UInt64(1) << UInt64(c & 63)) != 0 }
        }
        var rules: [JSONValue] = []
        for (r, rule) in t.rules.enumerated() {
            let senders = classes(t.ruleSenderBits, t.senderWords, r, senderClasses)
            let recipients = classes(t.ruleRecipientBits, t.recipientWords, r, recipientClasses)
            let anySender = senders.count == senderClasses, anyRecipient = recipients.count == recipientClasses
            let when: [[Atom]] =
                rule.condition >= 0 ? simplified(try normalForm(t, rule.condition, true, rule: rule.id)) : [[]]
            rules.append(
                .object([
                    ("id", .string(rule.id)), ("permit", .bool(rule.effect == .permit)),
                    ("senders", .object(anySender ? [] : senders.map { (String($0), .bool(true)) })),
                    ("anySender", .bool(anySender)),
                    ("recipients", .object(anyRecipient ? [] : recipients.map { (String($0), .bool(true)) })),
                    ("anyRecipient", .bool(anyRecipient)), ("depth", .integer(Int(rule.depth))),
                    ("exceptionTo", .integer(Int(rule.exceptionTo))),
                    ("when", .array(when.map { .array($0.map(\.json)) })),
                ]))
        }
        let scope: [JSONValue] = (0..<leafClasses).map { lc in
            .array(
                (0..<purposeClasses).map { pc in
                    let cell = t.cellRules[t.ruleRange(ofCell: lc * purposeClasses + pc)].sorted()
                    return .array(cell.map { .integer(Int($0)) })
                })
        }
        func byID(_ ids: [String], _ values: [Int32], asText: Bool) -> JSONValue {
            .object(zip(ids, values).map { ($0, asText ? .string(String($1)) : .integer(Int($1))) })
        }
        let covenant: [(String, JSONValue)] = [
            ("validFrom", .string(t.metadata.validFrom ?? "0000-01-01")),
            ("validUntil", .string(t.metadata.validUntil ?? "9999-12-31")),
            ("senderClass", byID(t.parties.map(\.id), t.senderClass, asText: true)),
            ("recipientClass", byID(t.parties.map(\.id), t.recipientClass, asText: true)),
            ("purposeClass", byID(t.purposes.map(\.id), t.purposeClass, asText: false)),
            (
                "leafClasses",
                .object(
                    t.categories.map { c in
                        (c.id, .array(Set(c.leaves.map { t.leafClass[Int($0)] }).sorted().map { .integer(Int($0)) }))
                    })
            ),
            ("scope", .array(scope)),
            ("rules", .array(rules)),
            (
                "defaults",
                .object(t.facts.compactMap { f in f.defaultValue.map { (f.id, value(f, $0)) } })
            ),
            ("boolFacts", .object(t.facts.filter { $0.kind == .bool }.map { ($0.id, .bool(true)) })),
            (
                "yesNo",
                .object([("true", .bool(true)), ("ja", .bool(true)), ("false", .bool(false)), ("nee", .bool(false))])
            ),
            ("maxDepth", .integer(depth)),
        ]
        return .object([("covenant", .object(covenant))])
    }

    /// The policy: the same for every covenant.
    static let policy = #"""
        # A covenant's decisions, for any covenant. The rules are data (data.covenant, written by
        # `covenantc export --to rego` from the compiled decision table); this policy is the same text
        # for every covenant, and nothing in it is generated.
        #
        # input: one query in covenantc's JSON wire format
        #   {"from": party, "to": party, "share": category, "for": purpose, "facts": {...}, "at": "YYYY-MM-DD"}
        # data.covenant.decision: {"effect": "permit" | "deny", "decidedBy": [rule ids, sorted]}
        #
        # Semantics (docs/language.md, "Decision semantics"): scope; the conjunction over the category's
        # leaves; a permit applies only when its condition is certainly true, a forbid unless it is
        # certainly false (a missing fact is read the most protective way; declared defaults fill
        # in); an applicable exception that is not itself defeated defeats the rule it is an
        # exception to; forbid over permit; deny by default; nothing is in force outside the
        # validity dates. Obligations, waivers, missing-fact reports and explanations are not here,
        # and a query with an unknown name is simply denied (covenantc answers it with an error).
        #
        # Written for regopy (rego-cpp 1.5) as much as for OPA. What regopy needs:
        # - data.json indexes by position (arrays): regopy finds an object member by scanning the
        #   members, an array element at once;
        # - arrays rather than sets for intermediate results: regopy builds sets slowly;
        # - no `some [lc, r] in xs` destructuring next to a data lookup on `r` (regopy may then
        #   enumerate the data first); `x[0]`, `x[1]` instead;
        # - functions take values, never an index into data: a function body that looks up
        #   data.covenant.rules[r] for its argument r makes regopy enumerate all the rules;
        # - each level of the exception walk a rule of its own, so regopy computes it once.
        package covenant

        import rego.v1

        # ---- The query -------------------------------------------------------------------------

        # The day asked about: the query's `at`, else today in UTC (covenantc takes today in the
        # Netherlands: around midnight the two may differ by a day, so give `at`).
        date := input.at if is_string(input.at) else := sprintf("%04d-%02d-%02d", time.date(time.now_ns()))

        in_force if {
        	date >= data.covenant.validFrom
        	date <= data.covenant.validUntil
        }

        given_facts := input.facts if is_object(input.facts) else := {}

        # Every fact's value: given, else its declared default; a fact in neither is missing.
        # A yes/no fact may be given as a word ("ja", "true", ...).
        known := object.union(data.covenant.defaults, given_facts)

        facts := object.union(known, {f: data.covenant.yesNo[v] |
        	some f in object.keys(data.covenant.boolFacts)
        	v := known[f]
        	is_string(v)
        })

        sender_class := data.covenant.senderClass[input.from]

        recipient_class := data.covenant.recipientClass[input.to]

        purpose_class := data.covenant.purposeClass[input["for"]]

        # The distinct classes of the category's leaves: the decision is their conjunction.
        query_leaves := data.covenant.leafClasses[input.share]

        # ---- Scope -----------------------------------------------------------------------------

        # [leaf class, rule] for every rule in scope on a leaf: the index lists the rules whose
        # categories and purposes cover the leaf class and the purpose class; of those, the ones
        # whose senders and recipients include the query's. Nothing is in scope out of force.
        scoped := [[lc, r] |
        	in_force
        	some lc in query_leaves
        	some r in data.covenant.scope[lc][purpose_class]
        	object.get(data.covenant.rules[r].senders, sender_class, data.covenant.rules[r].anySender)
        	object.get(data.covenant.rules[r].recipients, recipient_class, data.covenant.rules[r].anyRecipient)
        ]

        # ---- Conditions ------------------------------------------------------------------------

        # [leaf class, rule] for every rule in scope on the leaf whose condition lets it apply.
        live := [x |
        	some x in scoped
        	applies(data.covenant.rules[x[1]].when, data.covenant.rules[x[1]].permit)
        ]

        # `when` is an `or` of `and`s of atoms [fact, operator, value] (a rule without a condition
        # has one empty clause). A permit applies when some clause is certainly true: every atom's
        # fact is known and passes. A forbid applies unless the condition is certainly false, i.e.
        # when some clause has no atom whose fact is known and fails.
        applies(when, permit) if {
        	some clause in when
        	count([atom | some atom in clause; satisfied(atom, permit)]) == count(clause)
        }

        satisfied(atom, _) if holds(atom[1], facts[atom[0]], atom[2])

        # A missing fact makes the atom unknown: that counts against a permit and for a forbid.
        satisfied(atom, false) if object.get(facts, atom[0], null) == null

        holds("==", v, x) if v == x

        holds("!=", v, x) if v != x

        holds("<", v, x) if v < x

        holds("<=", v, x) if v <= x

        holds(">", v, x) if v > x

        holds(">=", v, x) if v >= x

        holds("in", v, xs) if v in xs

        holds("notin", v, xs) if not v in xs

        # ---- Exceptions ------------------------------------------------------------------------

        # Mostly no exception is live, and then every live rule stands. Otherwise the exception walk
        # is unrolled by depth, deepest first (Rego has no recursion): a rule stands on a leaf when
        # it is live there and no exception to it stands there; an exception to a rule of depth d
        # has depth d + 1. Eight levels, 0..7: `covenantc export` refuses deeper covenants, and `decision`
        # is undefined for them.
        standing := live if {
        	count([x | some x in live; data.covenant.rules[x[1]].depth > 0]) == 0
        } else := array.concat(
        	array.concat(array.concat(stand0, stand1), array.concat(stand2, stand3)),
        	array.concat(array.concat(stand4, stand5), array.concat(stand6, stand7)),
        )

        stand7 := [x | some x in live; data.covenant.rules[x[1]].depth == 7]

        stand6 := [x | some x in live; data.covenant.rules[x[1]].depth == 6; not defeated7[x]]

        stand5 := [x | some x in live; data.covenant.rules[x[1]].depth == 5; not defeated6[x]]

        stand4 := [x | some x in live; data.covenant.rules[x[1]].depth == 4; not defeated5[x]]

        stand3 := [x | some x in live; data.covenant.rules[x[1]].depth == 3; not defeated4[x]]

        stand2 := [x | some x in live; data.covenant.rules[x[1]].depth == 2; not defeated3[x]]

        stand1 := [x | some x in live; data.covenant.rules[x[1]].depth == 1; not defeated2[x]]

        stand0 := [x | some x in live; data.covenant.rules[x[1]].depth == 0; not defeated1[x]]

        # The [leaf class, rule] that the standing exceptions of depth d defeat.
        defeated7 := {[x[0], data.covenant.rules[x[1]].exceptionTo] | some x in stand7}

        defeated6 := {[x[0], data.covenant.rules[x[1]].exceptionTo] | some x in stand6}

        defeated5 := {[x[0], data.covenant.rules[x[1]].exceptionTo] | some x in stand5}

        defeated4 := {[x[0], data.covenant.rules[x[1]].exceptionTo] | some x in stand4}

        defeated3 := {[x[0], data.covenant.rules[x[1]].exceptionTo] | some x in stand3}

        defeated2 := {[x[0], data.covenant.rules[x[1]].exceptionTo] | some x in stand2}

        defeated1 := {[x[0], data.covenant.rules[x[1]].exceptionTo] | some x in stand1}

        # ---- The decision ----------------------------------------------------------------------

        permits := {data.covenant.rules[x[1]].id | some x in standing; data.covenant.rules[x[1]].permit}

        forbids := {data.covenant.rules[x[1]].id | some x in standing; not data.covenant.rules[x[1]].permit}

        permitted_leaves := {x[0] | some x in standing; data.covenant.rules[x[1]].permit}

        # Forbid over permit; a leaf that nothing permits denies the whole category (deny by default).
        all_permitted if {
        	count(forbids) == 0
        	count(permitted_leaves) == count(query_leaves)
        }

        decision := {"effect": "permit", "decidedBy": sort(permits)} if {
        	data.covenant.maxDepth <= 7
        	all_permitted
        }

        decision := {"effect": "deny", "decidedBy": sort(forbids)} if {
        	data.covenant.maxDepth <= 7
        	not all_permitted
        }
        """#
}
