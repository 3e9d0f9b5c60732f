/// Writes a decision as the wire's JSON line (`Decision.json`, serialized) straight into a byte
/// buffer, from the decision scratch: every name, every sentence of the reason and every
/// because-text is serialized once, when the writer is built, and copied per decision.
struct WireDecisionWriter: Sendable {
    /// A sentence with one placeholder, as JSON string contents: before and after `{0}`.
    struct Sentence: Sendable {
        var before: [UInt8]
        var after: [UInt8]

        /// `rest` fills the placeholders after `{0}`.
        init(_ key: String, _ language: Language, _ rest: String...) {
            // Filled with a character no sentence holds, then cut there: the pieces are exactly
            // what `Messages.text` would have put around the value.
            let marker: Character = "\u{1}"
            let text = Messages.text(key, language, arguments: [String(marker)] + rest)
            let parts = text.split(separator: marker, maxSplits: 1, omittingEmptySubsequences: false)
            before = WireDecisionWriter.contents(String(parts[0]))
            after = WireDecisionWriter.contents(parts.count > 1 ? String(parts[1]) : "")
        }
    }

    /// Quoted JSON strings (`"id"`) and string contents (escaped, no quotes) of the table's names.
    let ruleQuoted: [[UInt8]]
    let ruleContents: [[UInt8]]
    let basisQuoted: [[UInt8]]
    let factQuoted: [[UInt8]]
    let factContents: [[UInt8]]
    let categoryContents: [[UInt8]]
    /// Per obligation: `{"id":"...","by":"` is written from here; kind and timing after.
    let obligationID: [[UInt8]]
    let obligationKind: [[UInt8]]
    let timingQuoted: [[UInt8]]
    /// The bases each rule cites.
    let ruleBases: [[Int32]]
    /// Per rule and obligation use: the `waivedBecause` and `postponedBecause` strings, quoted
    /// (empty when the use has no such condition).
    let waivedBecause: [[[UInt8]]]
    let postponedBecause: [[[UInt8]]]
    let permittedByOne, permittedByMany, deniedByOne, deniedByMany, deniedByDefault, missingFacts: Sentence
    /// "denied: the covenant is not in force on {0} (valid from ... until ...)".
    let notInForce: Sentence
    /// `,"inForce":true,"at":"` and what follows the date: `","table":{...}}`.
    let tail: [UInt8]

    init(_ table: DecisionTable, validity: String, language: Language) {
        func quoted(_ s: String) -> [UInt8] { Array(JSONValue.string(s).serialized().utf8) }
        ruleQuoted = table.rules.map { quoted($0.id) }
        ruleContents = table.rules.map { Self.contents($0.id) }
        basisQuoted = table.bases.map { quoted($0.id) }
        factQuoted = table.facts.map { quoted($0.id) }
        factContents = table.facts.map { Self.contents($0.id) }
        categoryContents = table.categories.map { Self.contents($0.id) }
        obligationID = table.obligations.map { Array("{\"id\":".utf8) + quoted($0.id) + Array(",\"by\":".utf8) }
        obligationKind = table.obligations.map { Array(",\"kind\":".utf8) + quoted($0.kind) }
        timingQuoted = table.timings.map { quoted($0) }
        ruleBases = table.rules.map(\.bases)
        waivedBecause = table.rules.map { rule in
            rule.obligations.map { use in
                guard use.unless >= 0 else { return [] }
                return quoted(
                    Messages.text(
                        "decision.waivedBecause", language, table.conditionText(use.unless, language), rule.id))
            }
        }
        postponedBecause = table.rules.map { rule in
            rule.obligations.map { use in
                guard use.postponed >= 0 else { return [] }
                return quoted(
                    Messages.text(
                        "decision.postponedBecause", language, table.conditionText(use.postponed, language), rule.id))
            }
        }
        permittedByOne = Sentence("decision.permittedBy.one", language)
        permittedByMany = Sentence("decision.permittedBy.many", language)
        deniedByOne = Sentence("decision.deniedBy.one", language)
        deniedByMany = Sentence("decision.deniedBy.many", language)
        deniedByDefault = Sentence("decision.deniedByDefault", language)
        missingFacts = Sentence("decision.missingFacts", language)
        notInForce = Sentence("decision.notInForce", language, validity)
        let version = table.metadata.version.map(JSONValue.string) ?? .null
        tail =
            Array("\",\"table\":".utf8)
            + Array(JSONValue.object([("sha256", .string(table.sha256)), ("version", version)]).serialized().utf8)
            + [UInt8(ascii: "}")]
    }

    /// A string's JSON contents: serialized, without the quotes.
    static func contents(_ s: String) -> [UInt8] {
        Array(JSONValue.string(s).serialized().utf8.dropFirst().dropLast())
    }

    /// Writes the decision in `w.decision` for the query in `w`; false (writing nothing) for a
    /// query that did not fit the table, which the general path words instead.
    func write(_ w: inout WireScratch, line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        guard w.decision.invalid == nil, let date = w.decision.date else { return false }
        out.append(UInt8(ascii: "{"))
        switch w.id {
        case .none: break
        case .text(let range):
            out.append(contentsOf: Self.idKey)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: line[range]))
            out.append(UInt8(ascii: ","))
        case .integer(let n):
            out.append(contentsOf: Self.idKey)
            out.append(contentsOf: String(n).utf8)
            out.append(UInt8(ascii: ","))
        }
        guard w.decision.inForce else {
            out.append(contentsOf: Self.notInForceStart)
            out.append(contentsOf: notInForce.before)
            Self.write(date, into: &out)
            out.append(contentsOf: notInForce.after)
            out.append(contentsOf: Self.notInForceAt)
            Self.write(date, into: &out)
            out.append(contentsOf: tail)
            return true
        }
        write(w.decision, bases: &w.bases, into: &out)
        Self.write(date, into: &out)
        out.append(contentsOf: tail)
        return true
    }

    /// Everything from `"effect"` to the `"at"` value's opening quote, for a decision in force.
    private func write(_ s: borrowing DecisionScratch, bases: inout [Int32], into out: inout [UInt8]) {
        let permit = s.effect == .permit
        out.append(contentsOf: permit ? Self.effectPermit : Self.effectDeny)
        let deciding = permit ? s.permits : s.forbids
        list(deciding, ruleQuoted, into: &out)
        out.append(contentsOf: Self.basesKey)
        bases.clear()
        if permit {
            for r in deciding { bases.append(contentsOf: ruleBases[Int(r)]) }
            bases.sortSmall()
        }
        var previous: Int32 = -1
        var first = true
        for b in bases where b != previous {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(contentsOf: basisQuoted[Int(b)])
            previous = b
        }
        out.append(contentsOf: Self.obligationsKey)
        for (i, o) in s.obligations.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            writeObligation(o, into: &out)
        }
        out.append(contentsOf: Self.missingFactsKey)
        list(s.missingFacts, factQuoted, into: &out)
        out.append(contentsOf: Self.reasonKey)
        switch (permit, deciding.count) {
        case (true, 1): sentence(permittedByOne, deciding, ruleContents, into: &out)
        case (true, _): sentence(permittedByMany, deciding, ruleContents, into: &out)
        case (false, 0): sentence(deniedByDefault, s.unpermittedLeaves, categoryContents, into: &out)
        case (false, 1): sentence(deniedByOne, deciding, ruleContents, into: &out)
        case (false, _): sentence(deniedByMany, deciding, ruleContents, into: &out)
        }
        if !s.missingFacts.isEmpty { sentence(missingFacts, s.missingFacts, factContents, into: &out) }
        out.append(contentsOf: Self.inForceAt)
    }

    /// YYYY-MM-DD, as `CalendarDate.description`.
    private static func write(_ date: CalendarDate, into out: inout [UInt8]) {
        digits(date.year, 4, into: &out)
        out.append(UInt8(ascii: "-"))
        digits(date.month, 2, into: &out)
        out.append(UInt8(ascii: "-"))
        digits(date.day, 2, into: &out)
    }

    private func list(_ items: [Int32], _ quoted: [[UInt8]], into out: inout [UInt8]) {
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: quoted[Int(item)])
        }
        out.append(UInt8(ascii: "]"))
    }

    private func sentence(_ s: Sentence, _ items: [Int32], _ contents: [[UInt8]], into out: inout [UInt8]) {
        out.append(contentsOf: s.before)
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(contentsOf: Self.comma) }
            out.append(contentsOf: contents[Int(item)])
        }
        out.append(contentsOf: s.after)
    }

    private func writeObligation(_ o: ObligationOutcome, into out: inout [UInt8]) {
        out.append(contentsOf: obligationID[Int(o.obligation)])
        out.append(contentsOf: Self.actorQuoted[Evaluator.actorOrder(o.actor)])
        out.append(contentsOf: obligationKind[Int(o.obligation)])
        out.append(contentsOf: Self.timingKey)
        if o.timing >= 0 {
            out.append(contentsOf: timingQuoted[Int(o.timing)])
        } else {
            out.append(contentsOf: Self.null)
        }
        out.append(contentsOf: Self.waivedKey)
        out.append(contentsOf: o.waived ? Self.trueWord : Self.falseWord)
        if o.waived {
            out.append(contentsOf: Self.waivedBecauseKey)
            out.append(contentsOf: waivedBecause[Int(o.waivedByRule)][Int(o.waivedByUse)])
        }
        out.append(contentsOf: Self.postponedKey)
        out.append(contentsOf: o.postponed ? Self.trueWord : Self.falseWord)
        if o.postponed {
            out.append(contentsOf: Self.postponedBecauseKey)
            out.append(contentsOf: postponedBecause[Int(o.postponedByRule)][Int(o.postponedByUse)])
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func digits(_ n: Int, _ width: Int, into out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var n = n
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
            n %= divisor
            divisor /= 10
        }
    }

    private static let idKey = Array("\"id\":".utf8)
    private static let effectPermit = Array("\"effect\":\"permit\",\"decidedBy\":[".utf8)
    private static let effectDeny = Array("\"effect\":\"deny\",\"decidedBy\":[".utf8)
    private static let basesKey = Array(",\"bases\":[".utf8)
    private static let obligationsKey = Array("],\"obligations\":[".utf8)
    private static let missingFactsKey = Array("],\"missingFacts\":[".utf8)
    private static let reasonKey = Array(",\"reason\":\"".utf8)
    private static let inForceAt = Array("\",\"inForce\":true,\"at\":\"".utf8)
    private static let notInForceStart = Array(
        "\"effect\":\"deny\",\"decidedBy\":[],\"bases\":[],\"obligations\":[],\"missingFacts\":[],\"reason\":\"".utf8)
    private static let notInForceAt = Array("\",\"inForce\":false,\"at\":\"".utf8)
    private static let comma = Array(", ".utf8)
    private static let actorQuoted = [
        Array("\"sender\"".utf8), Array("\"recipient\"".utf8), Array("\"controller\"".utf8),
    ]
    private static let timingKey = Array(",\"timing\":".utf8)
    private static let waivedKey = Array(",\"waived\":".utf8)
    private static let waivedBecauseKey = Array(",\"waivedBecause\":".utf8)
    private static let postponedKey = Array(",\"postponed\":".utf8)
    private static let postponedBecauseKey = Array(",\"postponedBecause\":".utf8)
    private static let trueWord = Array("true".utf8)
    private static let falseWord = Array("false".utf8)
    private static let null = Array("null".utf8)
}
