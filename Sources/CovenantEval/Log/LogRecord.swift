/// One record of a decision log: a decision, or an event that refers back to one (an
/// objection, a fulfilled obligation, the end of a postponement), or the note that a torn
/// tail was cut off after a crash.
///
/// On disk a record is one line of JSON whose keys come in a fixed order, `kind` first:
///
///     {"kind":"decision","seq":7,"time":"2026-11-30T10:15:00.123Z","prev":"<64 hex>",...,"hash":"<64 hex>"}
///
/// `hash` is the SHA-256 of the line's bytes before `,"hash":`; `prev` is the `hash` of the
/// record before it (64 zeros for the first record of a log). So changing, removing or
/// reordering a record breaks the chain at that record. The log holds no direct identifiers:
/// parties, categories and purposes are the covenant's ids, facts are the covenant's facts,
/// and `case` is an opaque reference the service chooses (never a name or a BSN).
public enum LogRecord: Sendable, Equatable {
    case decision(LoggedDecision)
    case objection(LogEvent)
    case fulfilled(LogEvent)
    case postponementEnded(LogEvent)
    /// After a crash, the incomplete last line (`truncatedBytes` long) was cut off.
    case recovered(truncatedBytes: Int)

    public var kind: String {
        switch self {
        case .decision: "decision"
        case .objection: "objection"
        case .fulfilled: "fulfilled"
        case .postponementEnded: "postponementEnded"
        case .recovered: "recovered"
        }
    }

    public static let genesis = String(repeating: "0", count: 64)
}

/// A decision as the log keeps it: enough to account for it, nothing that names a person.
public struct LoggedDecision: Sendable, Equatable {
    public struct Basis: Sendable, Equatable {
        public var id: String
        public var kind: String
        public init(id: String, kind: String) {
            self.id = id
            self.kind = kind
        }
    }

    public struct Obligation: Sendable, Equatable {
        public var id: String
        public var kind: String
        public var by: String
        public var timing: String?
        public var waived: Bool
        public var postponed: Bool
        public init(id: String, kind: String, by: String, timing: String?, waived: Bool, postponed: Bool) {
            self.id = id
            self.kind = kind
            self.by = by
            self.timing = timing
            self.waived = waived
            self.postponed = postponed
        }
    }

    /// The service's opaque case reference (the query's `id`), if any.
    public var caseReference: String?
    public var covenant: String
    public var version: String?
    public var table: String
    public var from: String
    public var to: String
    public var share: String
    public var purpose: String
    /// A fact the query gave, with its value as the wire had it.
    public struct Fact: Sendable, Equatable {
        public var name: String
        public var value: JSONValue

        public init(_ name: String, _ value: JSONValue) {
            self.name = name
            self.value = value
        }
    }

    /// The facts the query gave, in its order.
    public var facts: [Fact]
    /// The day decided for (YYYY-MM-DD).
    public var at: String
    public var effect: String
    public var inForce: Bool
    public var decidedBy: [String]
    public var bases: [Basis]
    /// A permit none of whose deciding rules rests on consent: shared without consent.
    public var withoutConsent: Bool
    public var obligations: [Obligation]

    public init(
        caseReference: String?, covenant: String, version: String?, table: String, from: String, to: String,
        share: String, purpose: String, facts: [Fact], at: String, effect: String, inForce: Bool,
        decidedBy: [String], bases: [Basis], withoutConsent: Bool, obligations: [Obligation]
    ) {
        self.caseReference = caseReference
        self.covenant = covenant
        self.version = version
        self.table = table
        self.from = from
        self.to = to
        self.share = share
        self.purpose = purpose
        self.facts = facts
        self.at = at
        self.effect = effect
        self.inForce = inForce
        self.decidedBy = decidedBy
        self.bases = bases
        self.withoutConsent = withoutConsent
        self.obligations = obligations
    }

    /// The decision for the log, from the query that was asked and the table that decided.
    public init(_ decision: Decision, query: Query, table: DecisionTable) {
        let kinds = Dictionary(table.bases.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let bases = decision.bases.map { Basis(id: $0, kind: kinds[$0] ?? "") }
        var caseReference: String?
        switch query.id {
        case .string(let s)?: caseReference = s
        case .integer(let n)?: caseReference = String(n)
        case .number(let d)?: caseReference = String(d)
        default: caseReference = nil
        }
        self.init(
            caseReference: caseReference, covenant: table.metadata.title, version: table.metadata.version,
            table: table.sha256,
            from: query.from, to: query.to, share: query.share, purpose: query.purpose,
            facts: query.facts.map { Fact($0.name, $0.value.json) },
            at: decision.at ?? "", effect: decision.effect.rawValue, inForce: decision.inForce,
            decidedBy: decision.decidedBy,
            bases: bases, withoutConsent: decision.effect == .permit && !bases.contains { $0.kind == "consent" },
            obligations: decision.obligations.map {
                Obligation(
                    id: $0.id, kind: $0.kind, by: $0.by.rawValue, timing: $0.timing, waived: $0.waived,
                    postponed: $0.postponed)
            })
    }
}

/// An event that refers to a decision record by its hash.
public struct LogEvent: Sendable, Equatable {
    /// The `hash` of the decision record it concerns.
    public var ref: String
    /// The day it happened (YYYY-MM-DD).
    public var date: String
    /// For `fulfilled` and `postponementEnded`: which obligation, and who acts.
    public var obligation: String?
    public var by: String?
    public var note: String?

    public init(ref: String, date: String, obligation: String? = nil, by: String? = nil, note: String? = nil) {
        self.ref = ref
        self.date = date
        self.obligation = obligation
        self.by = by
        self.note = note
    }
}

/// A record as written: where it stands in the chain.
public struct LogReceipt: Sendable, Equatable {
    public var seq: Int
    /// The record's own hash: what events refer to it by.
    public var hash: String
}

extension LogRecord {
    /// The line's body (everything before `,"hash":`), for the given place in the chain.
    func body(seq: Int, time: String, prev: String) -> String {
        var pairs: [(String, JSONValue)] = [
            ("kind", .string(kind)), ("seq", .integer(seq)), ("time", .string(time)), ("prev", .string(prev)),
        ]
        func opt(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        switch self {
        case .decision(let d):
            pairs += [
                ("case", opt(d.caseReference)), ("covenant", .string(d.covenant)), ("version", opt(d.version)),
                ("table", .string(d.table)),
                (
                    "query",
                    .object([
                        ("from", .string(d.from)), ("to", .string(d.to)), ("share", .string(d.share)),
                        ("for", .string(d.purpose)), ("facts", .object(d.facts.map { ($0.name, $0.value) })),
                    ])
                ),
                ("at", .string(d.at)), ("effect", .string(d.effect)), ("inForce", .bool(d.inForce)),
                ("decidedBy", .array(d.decidedBy.map(JSONValue.string))),
                ("bases", .array(d.bases.map { .object([("id", .string($0.id)), ("kind", .string($0.kind))]) })),
                ("withoutConsent", .bool(d.withoutConsent)),
                (
                    "obligations",
                    .array(
                        d.obligations.map { o in
                            .object([
                                ("id", .string(o.id)), ("kind", .string(o.kind)), ("by", .string(o.by)),
                                ("timing", opt(o.timing)),
                                ("waived", .bool(o.waived)), ("postponed", .bool(o.postponed)),
                            ])
                        })
                ),
            ]
        case .objection(let e), .fulfilled(let e), .postponementEnded(let e):
            pairs += [("ref", .string(e.ref)), ("date", .string(e.date))]
            if let o = e.obligation { pairs.append(("obligation", .string(o))) }
            if let b = e.by { pairs.append(("by", .string(b))) }
            if let n = e.note { pairs.append(("note", .string(n))) }
        case .recovered(let bytes):
            pairs.append(("truncatedBytes", .integer(bytes)))
        }
        var text = JSONValue.object(pairs).serialized()
        text.removeLast()  // the closing brace: the hash comes next
        return text
    }

    /// A whole line (without the newline) and its hash.
    func line(seq: Int, time: String, prev: String) -> (line: String, hash: String) {
        var line = body(seq: seq, time: time, prev: prev)
        let hash = SHA256.hexDigest(line.utf8)
        line += ",\"hash\":\""
        line += hash
        line += "\"}"
        return (line, hash)
    }

    /// Reads a record from its parsed line; nil when the shape is wrong (the reason is thrown).
    static func decode(_ json: JSONValue) throws(LogFormatError) -> (
        record: LogRecord, seq: Int, time: String, prev: String
    ) {
        func string(_ key: String) throws(LogFormatError) -> String {
            guard let s = json[key]?.stringValue else { throw LogFormatError(.missingString, key) }
            return s
        }
        func optionalString(_ key: String) throws(LogFormatError) -> String? {
            guard let v = json[key], !v.isNull else { return nil }
            guard let s = v.stringValue else { throw LogFormatError(.notAString, key) }
            return s
        }
        func bool(_ v: JSONValue?, _ key: String) throws(LogFormatError) -> Bool {
            guard let b = v?.boolValue else { throw LogFormatError(.notABool, key) }
            return b
        }
        guard let seq = json["seq"]?.intValue, seq >= 1 else { throw LogFormatError(.badSeq) }
        let time = try string("time"), prev = try string("prev")
        guard prev.utf8.count == 64 else { throw LogFormatError(.prevNotAHash) }
        let record: LogRecord
        switch try string("kind") {
        case "decision":
            guard let query = json["query"], case .object(let facts)? = query["facts"] else {
                throw LogFormatError(.badQuery)
            }
            func q(_ key: String) throws(LogFormatError) -> String {
                guard let s = query[key]?.stringValue else { throw LogFormatError(.queryFieldMissing, key) }
                return s
            }
            guard let decided = json["decidedBy"]?.arrayValue, let bases = json["bases"]?.arrayValue,
                let obligations = json["obligations"]?.arrayValue
            else { throw LogFormatError(.decisionLists) }
            var basisList: [LoggedDecision.Basis] = []
            for b in bases {
                guard let id = b["id"]?.stringValue, let kind = b["kind"]?.stringValue else {
                    throw LogFormatError(.basisFields)
                }
                basisList.append(.init(id: id, kind: kind))
            }
            var obligationList: [LoggedDecision.Obligation] = []
            for o in obligations {
                guard let id = o["id"]?.stringValue, let kind = o["kind"]?.stringValue, let by = o["by"]?.stringValue
                else {
                    throw LogFormatError(.obligationFields)
                }
                let timing = o["timing"].flatMap { $0.isNull ? nil : $0.stringValue }
                obligationList.append(
                    .init(
                        id: id, kind: kind, by: by, timing: timing, waived: try bool(o["waived"], "waived"),
                        postponed: try bool(o["postponed"], "postponed")))
            }
            var rules: [String] = []
            for r in decided {
                guard let s = r.stringValue else { throw LogFormatError(.decidedByNotRules) }
                rules.append(s)
            }
            let effect = try string("effect")
            guard effect == "permit" || effect == "deny" else { throw LogFormatError(.badEffect) }
            record = .decision(
                LoggedDecision(
                    caseReference: try optionalString("case"), covenant: try string("covenant"),
                    version: try optionalString("version"),
                    table: try string("table"), from: try q("from"), to: try q("to"), share: try q("share"),
                    purpose: try q("for"), facts: facts.map { LoggedDecision.Fact($0.0, $0.1) }, at: try string("at"),
                    effect: effect,
                    inForce: try bool(json["inForce"], "inForce"), decidedBy: rules, bases: basisList,
                    withoutConsent: try bool(json["withoutConsent"], "withoutConsent"), obligations: obligationList))
        case let kind where ["objection", "fulfilled", "postponementEnded"].contains(kind):
            let ref = try string("ref")
            guard ref.utf8.count == 64 else { throw LogFormatError(.refNotAHash) }
            let date = try string("date")
            guard CalendarDate(date) != nil else { throw LogFormatError(.dateNotADate) }
            let event = LogEvent(
                ref: ref, date: date, obligation: try optionalString("obligation"), by: try optionalString("by"),
                note: try optionalString("note"))
            if kind != "objection", event.obligation == nil { throw LogFormatError(.eventWithoutObligation, kind) }
            record =
                kind == "objection"
                ? .objection(event) : kind == "fulfilled" ? .fulfilled(event) : .postponementEnded(event)
        case "recovered":
            guard let n = json["truncatedBytes"]?.intValue, n >= 0 else { throw LogFormatError(.truncatedBytesMissing) }
            record = .recovered(truncatedBytes: n)
        case let other:
            throw LogFormatError(.unknownKind, other)
        }
        return (record, seq, time, prev)
    }
}

/// Why a line of a log is not a record of the log's form. `kind` is stable; `message(in:)`
/// words it for a person (the record's JSON keys and values are named as the log writes them).
public struct LogFormatError: WordedError, Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case missingString, notAString, notABool, badSeq, prevNotAHash, badQuery, queryFieldMissing, decisionLists,
            basisFields, obligationFields, decidedByNotRules, badEffect, refNotAHash, dateNotADate,
            eventWithoutObligation,
            truncatedBytesMissing, unknownKind
    }

    public var kind: Kind
    /// The keys and values the message names, in order.
    public var arguments: [String]

    public init(_ kind: Kind, _ arguments: String...) {
        self.kind = kind
        self.arguments = arguments
    }

    public func message(in language: Language) -> String {
        Messages.text("logRecord.\(kind.rawValue)", language, arguments: arguments)
    }
}

/// Splits a line into its body and stated hash; nil when it does not end as a record ends.
func splitRecordLine(_ line: ArraySlice<UInt8>) -> (body: ArraySlice<UInt8>, hash: String)? {
    guard let hex = recordHashSpan(line) else { return nil }
    return (line[line.startIndex..<(hex.lowerBound - hashMarker.count)], String(decoding: line[hex], as: UTF8.self))
}

private let hashMarker: [UInt8] = Array(",\"hash\":\"".utf8)

/// Where a record line's 64 hex digits of `hash` stand; nil when it does not end as a record ends.
func recordHashSpan(_ line: ArraySlice<UInt8>) -> Range<Int>? {
    // ...,"hash":"<64 hex>"}
    let suffixLength = hashMarker.count + 64 + 2
    guard line.count > suffixLength, line[line.endIndex - 2] == UInt8(ascii: "\""),
        line[line.endIndex - 1] == UInt8(ascii: "}")
    else { return nil }
    let start = line.endIndex - suffixLength
    for k in 0..<hashMarker.count where line[start + k] != hashMarker[k] { return nil }
    let hex = (start + hashMarker.count)..<(line.endIndex - 2)
    for k in hex {
        let b = line[k]
        guard (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) else { return nil }
    }
    return hex
}
