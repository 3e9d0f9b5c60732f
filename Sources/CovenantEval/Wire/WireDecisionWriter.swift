/// Writes a decision as the wire's JSON line (`Decision.json`, serialized) straight into a byte
/// buffer, from the decision scratch: every name, key, sentence and because-text is serialized
/// once, when the writer is built, into one pool of bytes, and copied from it per decision (one
/// pool, so that copying a piece touches no reference count).
struct WireDecisionWriter: Sendable {
    /// A piece of the pool: `pool[start..<end]`.
    struct Piece: Sendable {
        var start: Int32
        var end: Int32
    }

    /// Pieces collected while the writer is built.
    struct Pool {
        var bytes: [UInt8] = []
        var pieces: [Piece] = []

        /// Adds bytes as a piece; its number.
        mutating func add(_ text: [UInt8]) -> Int32 {
            pieces.append(Piece(start: Int32(bytes.count), end: Int32(bytes.count + text.count)))
            bytes += text
            return Int32(pieces.count - 1)
        }

        mutating func add(_ text: String) -> Int32 { add(Array(text.utf8)) }

        /// Adds one piece per item; the number of the first (the others follow in order).
        mutating func add<T>(each items: [T], _ bytes: (T) -> [UInt8]) -> Int {
            let first = pieces.count
            for item in items { _ = add(bytes(item)) }
            return first
        }

        /// A sentence with one placeholder, as JSON string contents: two pieces, before and after
        /// `{0}`; `rest` fills the placeholders after it. The number of the first.
        mutating func sentence(_ key: String, _ language: Language, _ rest: String...) -> Int32 {
            // Filled with a character no sentence holds, then cut there: the pieces are exactly
            // what `Messages.text` would have put around the value.
            let marker: Character = "\u{1}"
            let text = Messages.text(key, language, arguments: [String(marker)] + rest)
            let parts = text.split(separator: marker, maxSplits: 1, omittingEmptySubsequences: false)
            let first = add(WireDecisionWriter.contents(String(parts[0])))
            _ = add(WireDecisionWriter.contents(parts.count > 1 ? String(parts[1]) : ""))
            return first
        }
    }

    let pool: [UInt8]
    let pieces: [Piece]
    /// Where each kind of piece starts: rule r's quoted id is piece `ruleQuoted + r`, and so on.
    let ruleQuoted, ruleContents, basisQuoted, factQuoted, factContents, categoryContents: Int
    /// Per obligation `{"id":"...","by":` and `,"kind":"..."`; per timing its quoted text.
    let obligationID, obligationKind, timingQuoted: Int
    /// Per rule and obligation use (use u of rule r at `useOffset[r] + u`): the quoted
    /// `waivedBecause` and `postponedBecause` texts (empty when the use has no such condition).
    let useOffset: [Int32]
    let waivedBecause, postponedBecause: Int
    /// The bases each rule cites.
    let ruleBases: [[Int32]]
    let permittedByOne, permittedByMany, deniedByOne, deniedByMany, deniedByDefault, missingFacts: Int32
    /// "denied: the covenant is not in force on {0} (valid from ... until ...)".
    let notInForce: Int32
    /// The fixed keys and words.
    let idKey, effectPermit, effectDeny, basesKey, obligationsKey, missingFactsKey, reasonKey, inForceAt,
        notInForceStart, notInForceAt, listComma, sender, recipient, controller, timingKey, waivedKey,
        waivedBecauseKey, postponedKey, postponedBecauseKey, trueWord, falseWord, null: Int32
    /// What follows the date: `","table":{...}}`.
    let tail: Int32

    init(_ table: DecisionTable, validity: String, language: Language) {
        func quoted(_ s: String) -> [UInt8] { Array(JSONValue.string(s).serialized().utf8) }
        var p = Pool()
        ruleQuoted = p.add(each: table.rules) { quoted($0.id) }
        ruleContents = p.add(each: table.rules) { Self.contents($0.id) }
        basisQuoted = p.add(each: table.bases) { quoted($0.id) }
        factQuoted = p.add(each: table.facts) { quoted($0.id) }
        factContents = p.add(each: table.facts) { Self.contents($0.id) }
        categoryContents = p.add(each: table.categories) { Self.contents($0.id) }
        obligationID = p.add(each: table.obligations) {
            Array("{\"id\":".utf8) + quoted($0.id) + Array(",\"by\":".utf8)
        }
        obligationKind = p.add(each: table.obligations) { Array(",\"kind\":".utf8) + quoted($0.kind) }
        timingQuoted = p.add(each: table.timings) { quoted($0) }
        var offsets: [Int32] = []
        var uses: [(rule: DecisionTable.Rule, use: DecisionTable.ObligationUse)] = []
        for rule in table.rules {
            offsets.append(Int32(uses.count))
            for use in rule.obligations { uses.append((rule, use)) }
        }
        useOffset = offsets
        /// A use's because-text for the condition at `node`, quoted; empty when it has none.
        func because(_ key: String, _ node: Int32, _ rule: DecisionTable.Rule) -> [UInt8] {
            node < 0 ? [] : quoted(Messages.text(key, language, table.conditionText(node, language), rule.id))
        }
        waivedBecause = p.add(each: uses) { because("decision.waivedBecause", $0.use.unless, $0.rule) }
        postponedBecause = p.add(each: uses) { because("decision.postponedBecause", $0.use.postponed, $0.rule) }
        ruleBases = table.rules.map(\.bases)
        permittedByOne = p.sentence("decision.permittedBy.one", language)
        permittedByMany = p.sentence("decision.permittedBy.many", language)
        deniedByOne = p.sentence("decision.deniedBy.one", language)
        deniedByMany = p.sentence("decision.deniedBy.many", language)
        deniedByDefault = p.sentence("decision.deniedByDefault", language)
        missingFacts = p.sentence("decision.missingFacts", language)
        notInForce = p.sentence("decision.notInForce", language, validity)
        idKey = p.add("\"id\":")
        effectPermit = p.add("\"effect\":\"permit\",\"decidedBy\":[")
        effectDeny = p.add("\"effect\":\"deny\",\"decidedBy\":[")
        basesKey = p.add(",\"bases\":[")
        obligationsKey = p.add("],\"obligations\":[")
        missingFactsKey = p.add("],\"missingFacts\":[")
        reasonKey = p.add(",\"reason\":\"")
        inForceAt = p.add("\",\"inForce\":true,\"at\":\"")
        notInForceStart = p.add(
            "\"effect\":\"deny\",\"decidedBy\":[],\"bases\":[],\"obligations\":[],\"missingFacts\":[],\"reason\":\"")
        notInForceAt = p.add("\",\"inForce\":false,\"at\":\"")
        listComma = p.add(", ")
        sender = p.add("\"sender\"")
        recipient = p.add("\"recipient\"")
        controller = p.add("\"controller\"")
        timingKey = p.add(",\"timing\":")
        waivedKey = p.add(",\"waived\":")
        waivedBecauseKey = p.add(",\"waivedBecause\":")
        postponedKey = p.add(",\"postponed\":")
        postponedBecauseKey = p.add(",\"postponedBecause\":")
        trueWord = p.add("true")
        falseWord = p.add("false")
        null = p.add("null")
        let version = table.metadata.version.map(JSONValue.string) ?? .null
        tail = p.add(
            "\",\"table\":" + JSONValue.object([("sha256", .string(table.sha256)), ("version", version)]).serialized()
                + "}")
        pool = p.bytes
        pieces = p.pieces
    }

    /// A string's JSON contents: serialized, without the quotes.
    static func contents(_ s: String) -> [UInt8] {
        Array(JSONValue.string(s).serialized().utf8.dropFirst().dropLast())
    }

    /// Writes the decision in `w.decision` for the query in `w`; false (writing nothing) for a
    /// query that did not fit the table, which the general path words instead.
    func write(_ w: inout WireScratch, line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        guard w.decision.invalid == nil, let date = w.decision.date else { return false }
        pool.withUnsafeBufferPointer { bytes in
            pieces.withUnsafeBufferPointer { pieces in
                let o = Output(pool: bytes, pieces: pieces)
                o.byte(UInt8(ascii: "{"), into: &out)
                switch w.id {
                case .none: break
                case .text(let range):
                    o.piece(idKey, into: &out)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: line[range]))
                    o.byte(UInt8(ascii: ","), into: &out)
                case .integer(let n):
                    o.piece(idKey, into: &out)
                    out.append(contentsOf: String(n).utf8)
                    o.byte(UInt8(ascii: ","), into: &out)
                }
                if w.decision.inForce {
                    write(w.decision, bases: &w.bases, o, into: &out)
                    o.date(date, into: &out)
                } else {
                    o.piece(notInForceStart, into: &out)
                    o.piece(notInForce, into: &out)
                    o.date(date, into: &out)
                    o.piece(notInForce + 1, into: &out)
                    o.piece(notInForceAt, into: &out)
                    o.date(date, into: &out)
                }
                o.piece(tail, into: &out)
            }
        }
        return true
    }

    /// Copies pieces out of the pool.
    struct Output {
        let pool: UnsafeBufferPointer<UInt8>
        let pieces: UnsafeBufferPointer<Piece>

        @inline(__always)
        func piece(_ n: Int32, into out: inout [UInt8]) {
            let p = pieces[Int(n)]
            out.append(contentsOf: UnsafeBufferPointer(rebasing: pool[Int(p.start)..<Int(p.end)]))
        }

        @inline(__always)
        func piece(_ n: Int, into out: inout [UInt8]) { piece(Int32(n), into: &out) }

        @inline(__always)
        func byte(_ b: UInt8, into out: inout [UInt8]) { out.append(b) }

        /// YYYY-MM-DD, as `CalendarDate.description` (years 1 to 9999, four digits).
        func date(_ date: CalendarDate, into out: inout [UInt8]) {
            let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
            let y = date.year, m = date.month, d = date.day
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { b in
                b[0] = zero + UInt8(y / 1000 % 10)
                b[1] = zero + UInt8(y / 100 % 10)
                b[2] = zero + UInt8(y / 10 % 10)
                b[3] = zero + UInt8(y % 10)
                b[4] = dash
                b[5] = zero + UInt8(m / 10)
                b[6] = zero + UInt8(m % 10)
                b[7] = dash
                b[8] = zero + UInt8(d / 10)
                b[9] = zero + UInt8(d % 10)
                out.append(contentsOf: UnsafeBufferPointer(b))
            }
        }
    }

    /// Everything from `"effect"` to the `"at"` value's opening quote, for a decision in force.
    private func write(_ s: borrowing DecisionScratch, bases: inout [Int32], _ o: Output, into out: inout [UInt8]) {
        let permit = s.effect == .permit
        o.piece(permit ? effectPermit : effectDeny, into: &out)
        let deciding = permit ? s.permits : s.forbids
        list(deciding, ruleQuoted, o, into: &out)
        o.piece(basesKey, into: &out)
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
            o.piece(basisQuoted + Int(b), into: &out)
            previous = b
        }
        o.piece(obligationsKey, into: &out)
        for (i, outcome) in s.obligations.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            writeObligation(outcome, o, into: &out)
        }
        o.piece(missingFactsKey, into: &out)
        list(s.missingFacts, factQuoted, o, into: &out)
        o.piece(reasonKey, into: &out)
        switch (permit, deciding.count) {
        case (true, 1): sentence(permittedByOne, deciding, ruleContents, o, into: &out)
        case (true, _): sentence(permittedByMany, deciding, ruleContents, o, into: &out)
        case (false, 0): sentence(deniedByDefault, s.unpermittedLeaves, categoryContents, o, into: &out)
        case (false, 1): sentence(deniedByOne, deciding, ruleContents, o, into: &out)
        case (false, _): sentence(deniedByMany, deciding, ruleContents, o, into: &out)
        }
        if !s.missingFacts.isEmpty { sentence(missingFacts, s.missingFacts, factContents, o, into: &out) }
        o.piece(inForceAt, into: &out)
    }

    /// The items' pieces separated by commas, and the closing `]`.
    private func list(_ items: [Int32], _ base: Int, _ o: Output, into out: inout [UInt8]) {
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            o.piece(base + Int(item), into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private func sentence(_ s: Int32, _ items: [Int32], _ base: Int, _ o: Output, into out: inout [UInt8]) {
        o.piece(s, into: &out)
        for (i, item) in items.enumerated() {
            if i > 0 { o.piece(listComma, into: &out) }
            o.piece(base + Int(item), into: &out)
        }
        o.piece(s + 1, into: &out)
    }

    private func writeObligation(_ outcome: ObligationOutcome, _ o: Output, into out: inout [UInt8]) {
        o.piece(obligationID + Int(outcome.obligation), into: &out)
        let actor: Int32 =
            switch outcome.actor {
            case .sender: sender
            case .recipient: recipient
            case .controller: controller
            }
        o.piece(actor, into: &out)
        o.piece(obligationKind + Int(outcome.obligation), into: &out)
        o.piece(timingKey, into: &out)
        o.piece(outcome.timing >= 0 ? Int32(timingQuoted + Int(outcome.timing)) : null, into: &out)
        o.piece(waivedKey, into: &out)
        o.piece(outcome.waived ? trueWord : falseWord, into: &out)
        if outcome.waived {
            o.piece(waivedBecauseKey, into: &out)
            o.piece(waivedBecause + Int(useOffset[Int(outcome.waivedByRule)] + outcome.waivedByUse), into: &out)
        }
        o.piece(postponedKey, into: &out)
        o.piece(outcome.postponed ? trueWord : falseWord, into: &out)
        if outcome.postponed {
            o.piece(postponedBecauseKey, into: &out)
            o.piece(
                postponedBecause + Int(useOffset[Int(outcome.postponedByRule)] + outcome.postponedByUse), into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}
