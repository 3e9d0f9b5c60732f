/// The file format of a compiled table (documented in docs/formats.md):
///
///     {"format":"covenant-decision-table","formatVersion":2,"sha256":"<64 hex>","body":{...}}
///
/// `sha256` is the SHA-256 of the exact bytes of the `body` value as written. A loader checks
/// the format, the version, the hash, and then every index and invariant of the body: a file
/// is loaded whole or refused with a reason, never in part.
public enum TableCodec {
    /// Why a table file is refused. `kind` is stable, so a service can branch on it;
    /// `message(in:)` words it for a person (the body's keys are named as the file writes them).
    public struct LoadError: WordedError, Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            // The file's header and integrity.
            case notATable, emptyFile, reformatted, versionUnreadable, otherVersion, hashMissing, bodyMissing,
                truncated,
                integrity, bodyNotJSON, binaryLayout, binaryBody
            // The body's shape.
            case lacks, notAString, notAnInteger, outOfRange, notAnArray, notAnInt32, notAWord, badLanguage,
                badObligationKind, badFactType, badRole, badFixed, badActor, badEffect, nodeArity, badNode
            // The body's invariants (`DecisionTable.check`): "the table is inconsistent: …".
            case wordsPerClass, classLength, noRecipientClasses, groupMember, partyClass, partyBits, scopeIndex,
                scopeIndexRule, scopeIndexOrder, bitsetLength, purposeClass, categoryLeaves, boolDefault, emptyRange,
                defaultOutOfRange,
                noValues, validFrom, validUntil, nodeFact, nodeSet, nodeOperands, nodeOrder, nodeDepth, ruleCondition,
                ruleBasis, ruleObligation, ruleDepth, ruleException

            package var isInconsistency: Bool {
                switch self {
                case .wordsPerClass, .classLength, .noRecipientClasses, .groupMember, .partyClass, .partyBits,
                    .scopeIndex, .scopeIndexRule, .scopeIndexOrder, .bitsetLength, .purposeClass, .categoryLeaves,
                    .boolDefault,
                    .emptyRange, .defaultOutOfRange, .noValues, .validFrom, .validUntil, .nodeFact, .nodeSet,
                    .nodeOperands, .nodeOrder, .nodeDepth, .ruleCondition, .ruleBasis, .ruleObligation, .ruleDepth,
                    .ruleException:
                    true
                default: false
                }
            }

            /// The catalogue entries its wording uses.
            var keys: [String] {
                isInconsistency
                    ? ["tableError.inconsistent", "tableError.inconsistent.\(rawValue)"] : ["tableError.\(rawValue)"]
            }
        }

        public var kind: Kind
        /// The paths, names and numbers the message names, in order.
        public var arguments: [String]
        /// Why the body is not JSON, for `bodyNotJSON`.
        package var json: JSONParser.Error?

        package init(_ kind: Kind, _ arguments: String..., json: JSONParser.Error? = nil) {
            self.init(kind, arguments: arguments, json: json)
        }

        init(_ kind: Kind, arguments: [String], json: JSONParser.Error? = nil) {
            self.kind = kind
            self.arguments = arguments
            self.json = json
        }

        public func message(in language: Language) -> String {
            if kind.isInconsistency {
                return Messages.text(
                    "tableError.inconsistent", language, Messages.text(kind.keys[1], language, arguments: arguments))
            }
            return Messages.text(
                "tableError.\(kind.rawValue)", language,
                arguments: arguments + (json.map { [$0.description(in: language)] } ?? []))
        }
    }

    package static let prefix = #"{"format":"covenant-decision-table","formatVersion":"#

    public static func encode(_ table: DecisionTable) -> String {
        let body = encodeBody(table).serialized()
        return prefix + "\(DecisionTable.formatVersion),\"sha256\":\"\(SHA256.hexDigest(Array(body.utf8)))\",\"body\":"
            + body + "}\n"
    }

    /// The SHA-256 of the table's body as `encode` writes it: the table's identity.
    public static func bodySHA256(_ table: DecisionTable) -> String {
        SHA256.hexDigest(Array(encodeBody(table).serialized().utf8))
    }

    public static func decode(_ bytes: [UInt8]) throws(LoadError) -> DecisionTable {
        let p = Array(prefix.utf8)
        guard !bytes.isEmpty else { throw LoadError(.emptyFile) }
        // A table that was opened and saved again (pretty-printed, given a byte-order mark or
        // Windows line ends) is a table still, but no longer the bytes its hash was taken of.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.contains(UInt8(ascii: "\r"))
            || (!bytes.starts(with: p) && bytes.prefix(512).starts(with: [UInt8(ascii: "{")])
                && String(decoding: bytes.prefix(512), as: UTF8.self).contains("\"covenant-decision-table\""))
        {
            throw LoadError(.reformatted)
        }
        guard bytes.count >= p.count, Array(bytes[0..<p.count]) == p else {
            throw LoadError(.notATable)
        }
        var i = p.count
        var versionDigits: [UInt8] = []
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9"), versionDigits.count < 9 {
            versionDigits.append(bytes[i])
            i += 1
        }
        guard let version = Int(String(decoding: versionDigits, as: UTF8.self)) else {
            throw LoadError(.versionUnreadable)
        }
        guard version == DecisionTable.formatVersion else {
            throw LoadError(.otherVersion, String(version), String(DecisionTable.formatVersion))
        }
        let hashKey = Array(",\"sha256\":\"".utf8)
        guard i + hashKey.count + 64 <= bytes.count, Array(bytes[i..<i + hashKey.count]) == hashKey else {
            throw LoadError(.hashMissing)
        }
        i += hashKey.count
        let expected = String(decoding: bytes[i..<i + 64], as: UTF8.self)
        i += 64
        let bodyKey = Array("\",\"body\":".utf8)
        guard i + bodyKey.count <= bytes.count, Array(bytes[i..<i + bodyKey.count]) == bodyKey else {
            throw LoadError(.bodyMissing)
        }
        i += bodyKey.count
        var end = bytes.count
        if end > i, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        guard end > i, bytes[end - 1] == UInt8(ascii: "}") else { throw LoadError(.truncated) }
        let body = Array(bytes[i..<end - 1])
        guard SHA256.hexDigest(body) == expected else {
            throw LoadError(.integrity)
        }
        let json: JSONValue
        do { json = try JSONParser.parse(body) } catch { throw LoadError(.bodyNotJSON, json: error) }
        var table = try decodeBody(json)
        try table.check()
        table.sha256 = expected
        return table
    }

    // MARK: Encoding

    static func str(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func ints(_ a: [Int32]) -> JSONValue { .array(a.map { .integer(Int($0)) }) }
    static func int64s(_ a: [Int64]) -> JSONValue { .array(a.map { .integer(Int($0)) }) }
    static func bits(_ a: [UInt64]) -> JSONValue {
        .array(
            a.map { w in
                let hex = String(w, radix: 16)
                return .string(String(repeating: "0", count: 16 - hex.count) + hex)
            })
    }

    static func encodeBody(_ t: DecisionTable) -> JSONValue {
        let m = t.metadata
        return .object([
            (
                "covenant",
                .object([
                    ("title", .string(m.title)), ("version", str(m.version)), ("validFrom", str(m.validFrom)),
                    ("validUntil", str(m.validUntil)), ("sourceSHA256", .string(m.sourceSHA256)),
                    ("language", .string(m.language.rawValue)),
                ])
            ),
            ("parties", .array(t.parties.map { .object([("id", .string($0.id)), ("name", str($0.name))]) })),
            ("groups", .array(t.groups.map { .object([("id", .string($0.id)), ("members", ints($0.members))]) })),
            (
                "categories",
                .array(
                    t.categories.map {
                        .object([("id", .string($0.id)), ("name", str($0.name)), ("leaves", ints($0.leaves))])
                    })
            ),
            ("purposes", .array(t.purposes.map { .object([("id", .string($0.id)), ("name", str($0.name))]) })),
            (
                "facts",
                .array(
                    t.facts.map { f in
                        var pairs: [(String, JSONValue)] = [("id", .string(f.id)), ("name", str(f.name))]
                        switch f.kind {
                        case .bool: pairs.append(("type", .string("bool")))
                        case .int(let low, let high):
                            pairs += [
                                ("type", .string("int")), ("low", .integer(Int(low))), ("high", .integer(Int(high))),
                            ]
                        case .enumeration(let values):
                            pairs += [("type", .string("enum")), ("values", .array(values.map(JSONValue.string)))]
                        }
                        pairs.append(("default", f.defaultValue.map { .integer(Int($0)) } ?? .null))
                        pairs.append(("role", str(f.role)))
                        pairs.append(("fixed", .bool(f.fixed)))
                        return .object(pairs)
                    })
            ),
            (
                "bases",
                .array(
                    t.bases.map {
                        .object([("id", .string($0.id)), ("citation", str($0.citation)), ("kind", .string($0.kind))])
                    })
            ),
            (
                "obligations",
                .array(
                    t.obligations.map {
                        .object([("id", .string($0.id)), ("text", str($0.name)), ("kind", .string($0.kind))])
                    })
            ),
            ("timings", .array(t.timings.map(JSONValue.string))),
            (
                "rules",
                .array(
                    t.rules.map { r in
                        .object([
                            ("id", .string(r.id)), ("title", str(r.title)), ("effect", .string(r.effect.rawValue)),
                            ("condition", .integer(Int(r.condition))), ("conditionText", str(r.conditionText)),
                            ("bases", ints(r.bases)),
                            (
                                "obligations",
                                .array(
                                    r.obligations.map { u in
                                        .object([
                                            ("obligation", .integer(Int(u.obligation))),
                                            ("by", .string(u.actor.rawValue)), ("timing", .integer(Int(u.timing))),
                                            ("unless", .integer(Int(u.unless))), ("unlessText", str(u.unlessText)),
                                            ("postponed", .integer(Int(u.postponed))),
                                            ("postponedText", str(u.postponedText)),
                                        ])
                                    })
                            ),
                            ("exceptionTo", .integer(Int(r.exceptionTo))), ("depth", .integer(Int(r.depth))),
                        ])
                    })
            ),
            (
                "nodes",
                .array(
                    t.nodes.map { n in
                        .array([
                            .integer(Int(n.kind.rawValue)), .integer(Int(n.op)), .integer(Int(n.fact)),
                            .integer(Int(n.value)), .integer(Int(n.first)), .integer(Int(n.count)),
                        ])
                    })
            ),
            ("children", ints(t.children)), ("setValues", int64s(t.setValues)),
            ("senderClass", ints(t.senderClass)), ("recipientClass", ints(t.recipientClass)),
            ("leafClass", ints(t.leafClass)), ("purposeClass", ints(t.purposeClass)),
            ("recipientClassCount", .integer(Int(t.recipientClassCount))),
            ("senderWords", .integer(Int(t.senderWords))), ("recipientWords", .integer(Int(t.recipientWords))),
            ("ruleSenderBits", bits(t.ruleSenderBits)), ("ruleRecipientBits", bits(t.ruleRecipientBits)),
            ("cellOffsets", ints(t.cellOffsets)), ("cellRules", ints(t.cellRules)),
            ("wordsPerClass", .integer(Int(t.wordsPerClass))),
            ("categoryRuleBits", bits(t.categoryRuleBits)), ("purposeRuleBits", bits(t.purposeRuleBits)),
        ])
    }

    // MARK: Decoding

    struct Reader {
        let value: JSONValue
        let path: String

        func field(_ key: String) throws(LoadError) -> Reader {
            guard let v = value[key] else { throw LoadError(.lacks, "\(path).\(key)") }
            return Reader(value: v, path: "\(path).\(key)")
        }
        func string() throws(LoadError) -> String {
            guard let s = value.stringValue else { throw LoadError(.notAString, path) }
            return s
        }
        func optionalString() throws(LoadError) -> String? { value.isNull ? nil : try string() }
        func int() throws(LoadError) -> Int {
            guard let n = value.intValue else { throw LoadError(.notAnInteger, path) }
            return n
        }
        func int32() throws(LoadError) -> Int32 {
            let n = try int()
            guard let v = Int32(exactly: n) else { throw LoadError(.outOfRange, path) }
            return v
        }
        func array() throws(LoadError) -> [Reader] {
            guard let a = value.arrayValue else { throw LoadError(.notAnArray, path) }
            return a.enumerated().map { Reader(value: $1, path: "\(path)[\($0)]") }
        }
        func int32s() throws(LoadError) -> [Int32] {
            guard let items = value.arrayValue else { throw LoadError(.notAnArray, path) }
            var out: [Int32] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                guard case .integer(let n) = item, let v = Int32(exactly: n) else {
                    throw LoadError(.notAnInt32, "\(path)[\(i)]")
                }
                out.append(v)
            }
            return out
        }
        func words() throws(LoadError) -> [UInt64] {
            guard let items = value.arrayValue else { throw LoadError(.notAnArray, path) }
            var out: [UInt64] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item, s.utf8.count == 16, let w = UInt64(s, radix: 16) else {
                    throw LoadError(.notAWord, "\(path)[\(i)]")
                }
                out.append(w)
            }
            return out
        }
    }

    static func decodeBody(_ json: JSONValue) throws(LoadError) -> DecisionTable {
        let b = Reader(value: json, path: "body")
        let c = try b.field("covenant")
        func entities(_ key: String, _ nameKey: String = "name") throws(LoadError) -> [DecisionTable.Entity] {
            var out: [DecisionTable.Entity] = []
            for r in try b.field(key).array() {
                out.append(.init(id: try r.field("id").string(), name: try r.field(nameKey).optionalString()))
            }
            return out
        }
        func language() throws(LoadError) -> Language {
            guard let l = Language(rawValue: try c.field("language").string()) else { throw LoadError(.badLanguage) }
            return l
        }
        func obligations() throws(LoadError) -> [DecisionTable.Obligation] {
            var out: [DecisionTable.Obligation] = []
            for r in try b.field("obligations").array() {
                let kind = try r.field("kind").string()
                guard ["inform", "record", "notify", "confirm", "erase", "other"].contains(kind) else {
                    throw LoadError(.badObligationKind, r.path)
                }
                out.append(
                    .init(id: try r.field("id").string(), name: try r.field("text").optionalString(), kind: kind))
            }
            return out
        }
        var categories: [DecisionTable.Category] = []
        for r in try b.field("categories").array() {
            categories.append(
                .init(
                    id: try r.field("id").string(), name: try r.field("name").optionalString(),
                    leaves: try r.field("leaves").int32s()))
        }
        var facts: [DecisionTable.Fact] = []
        for r in try b.field("facts").array() {
            let kind: DecisionTable.FactKind
            switch try r.field("type").string() {
            case "bool": kind = .bool
            case "int": kind = .int(low: Int64(try r.field("low").int()), high: Int64(try r.field("high").int()))
            case "enum":
                var values: [String] = []
                for v in try r.field("values").array() { values.append(try v.string()) }
                kind = .enumeration(values)
            default: throw LoadError(.badFactType, r.path)
            }
            let d = try r.field("default")
            let role = try r.field("role").optionalString()
            guard role == nil || ["consent", "age", "representative"].contains(role!) else {
                throw LoadError(.badRole, r.path)
            }
            guard case .bool(let fixed) = try r.field("fixed").value else { throw LoadError(.badFixed, r.path) }
            facts.append(
                .init(
                    id: try r.field("id").string(), name: try r.field("name").optionalString(), kind: kind,
                    defaultValue: d.value.isNull ? nil : Int64(try d.int()), role: role, fixed: fixed))
        }
        var bases: [DecisionTable.Basis] = []
        for r in try b.field("bases").array() {
            bases.append(
                .init(
                    id: try r.field("id").string(), citation: try r.field("citation").optionalString(),
                    kind: try r.field("kind").string()))
        }
        var timings: [String] = []
        for r in try b.field("timings").array() { timings.append(try r.string()) }
        var rules: [DecisionTable.Rule] = []
        for r in try b.field("rules").array() {
            var uses: [DecisionTable.ObligationUse] = []
            for u in try r.field("obligations").array() {
                guard let actor = DecisionTable.Actor(rawValue: try u.field("by").string()) else {
                    throw LoadError(.badActor, u.path)
                }
                uses.append(
                    .init(
                        obligation: try u.field("obligation").int32(), actor: actor,
                        timing: try u.field("timing").int32(),
                        unless: try u.field("unless").int32(), unlessText: try u.field("unlessText").optionalString(),
                        postponed: try u.field("postponed").int32(),
                        postponedText: try u.field("postponedText").optionalString()))
            }
            guard let effect = DecisionTable.Effect(rawValue: try r.field("effect").string()) else {
                throw LoadError(.badEffect, r.path)
            }
            rules.append(
                .init(
                    id: try r.field("id").string(), title: try r.field("title").optionalString(), effect: effect,
                    condition: try r.field("condition").int32(),
                    conditionText: try r.field("conditionText").optionalString(),
                    bases: try r.field("bases").int32s(), obligations: uses,
                    exceptionTo: try r.field("exceptionTo").int32(),
                    depth: try r.field("depth").int32()))
        }
        var nodes: [DecisionTable.Node] = []
        for r in try b.field("nodes").array() {
            let parts = try r.array()
            guard parts.count == 6 else { throw LoadError(.nodeArity, r.path) }
            let kindCode = try parts[0].int(), op = try parts[1].int()
            guard let kind = DecisionTable.Node.Kind(rawValue: UInt8(clamping: kindCode)), kindCode >= 0, kindCode <= 5,
                (0...5).contains(op)
            else {
                throw LoadError(.badNode, r.path)
            }
            nodes.append(
                .init(
                    kind: kind, op: UInt8(op), fact: try parts[2].int32(), value: Int64(try parts[3].int()),
                    first: try parts[4].int32(), count: try parts[5].int32()))
        }
        var setValues: [Int64] = []
        for r in try b.field("setValues").array() { setValues.append(Int64(try r.int())) }
        // Groups arrived after the first tables of format 2 were written: absent means none.
        var groups: [DecisionTable.Group] = []
        if b.value["groups"] != nil {
            for g in try b.field("groups").array() {
                groups.append(.init(id: try g.field("id").string(), members: try g.field("members").int32s()))
            }
        }
        var table = DecisionTable(
            metadata: .init(
                title: try c.field("title").string(), version: try c.field("version").optionalString(),
                validFrom: try c.field("validFrom").optionalString(),
                validUntil: try c.field("validUntil").optionalString(),
                sourceSHA256: try c.field("sourceSHA256").string(), language: try language()),
            parties: try entities("parties"), categories: categories, purposes: try entities("purposes"), facts: facts,
            bases: bases, obligations: try obligations(), timings: timings, rules: rules, nodes: nodes,
            children: try b.field("children").int32s(), setValues: setValues,
            senderClass: try b.field("senderClass").int32s(), recipientClass: try b.field("recipientClass").int32s(),
            leafClass: try b.field("leafClass").int32s(), purposeClass: try b.field("purposeClass").int32s(),
            recipientClassCount: try b.field("recipientClassCount").int32(),
            senderWords: try b.field("senderWords").int32(), recipientWords: try b.field("recipientWords").int32(),
            ruleSenderBits: try b.field("ruleSenderBits").words(),
            ruleRecipientBits: try b.field("ruleRecipientBits").words(),
            cellOffsets: try b.field("cellOffsets").int32s(), cellRules: try b.field("cellRules").int32s(),
            wordsPerClass: try b.field("wordsPerClass").int32(),
            categoryRuleBits: try b.field("categoryRuleBits").words(),
            purposeRuleBits: try b.field("purposeRuleBits").words())
        table.groups = groups
        return table
    }
}
