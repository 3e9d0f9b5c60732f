/// Answers wire lines as bytes, at the speed of the decision: the query is read straight from the
/// line (`WireQueryReader`), decided, and the decision written straight into the caller's output
/// buffer (`WireDecisionWriter`), with no JSON tree and no strings made on the way. A line the
/// fast reader does not take (an error, an escape, a `null`, ...) is answered by the general
/// path, `Evaluator.answer(line:)`, so every answer is byte for byte the one the general path
/// gives; `WireFastPathTests` compares the two on random covenants and random (and broken) lines.
///
/// Built once per table and language; share it across threads, each with its own `WireScratch`.
public struct WireAnswerer: Sendable {
    public let evaluator: Evaluator
    public let language: Language
    let names: WireNames
    let writer: WireDecisionWriter

    public init(evaluator: Evaluator, language: Language) {
        self.evaluator = evaluator
        self.language = language
        names = WireNames(evaluator.table)
        writer = WireDecisionWriter(
            evaluator.table, validity: evaluator.validityText(language), language: language)
    }

    /// Appends the answer to one line (without a line break) to `out`; true when it is a decision,
    /// false for an error line.
    @discardableResult
    public func answer(
        line: UnsafeBufferPointer<UInt8>, today: CalendarDate, scratch w: inout WireScratch, into out: inout [UInt8]
    ) -> Bool {
        var reader = WireQueryReader(line, names: names)
        if reader.read(today: today, into: &w) {
            // Every name and value was found in this table, so the query fits it.
            w.query.checkedFor = evaluator.tableToken
            evaluator.decide(w.query, into: &w.decision)
            evaluator.collectDetails(&w.decision)
            if writer.write(&w, line: line, into: &out) { return true }
        }
        let answer = evaluator.answer(
            line: String(decoding: line, as: UTF8.self), today: today, language: language, scratch: &w.decision)
        out.append(contentsOf: answer.json(in: language).serialized().utf8)
        if case .decision = answer { return true }
        return false
    }

    /// `answer(line:)` for a line held as a `String` or an array.
    @discardableResult
    public func answer(
        line: [UInt8], today: CalendarDate, scratch: inout WireScratch, into out: inout [UInt8]
    ) -> Bool {
        line.withUnsafeBufferPointer { answer(line: $0, today: today, scratch: &scratch, into: &out) }
    }
}

/// Working memory for `WireAnswerer`, one per thread: the query being read, the decision being
/// made, and the deciding rules' bases.
public struct WireScratch: Sendable {
    /// The `id` of the line, as read: none, a string (its bytes in the line, quotes included) or
    /// an integer.
    enum ID: Sendable {
        case none
        case text(Range<Int>)
        case integer(Int)
    }

    var decision = DecisionScratch()
    var query = ResolvedQuery(
        sender: 0, recipient: 0, category: 0, purpose: 0, facts: [], date: CalendarDate(year: 2000, month: 1, day: 1)!)
    var id = ID.none
    var bases: [Int32] = []
    private var given: [UInt32] = []
    private var givenStamp: UInt32 = 0

    public init() {}

    /// Every fact back to its default (or missing), and none given yet.
    @inline(__always)
    mutating func beginFacts(_ defaults: [Int64]) {
        if query.facts.count != defaults.count {
            query.facts = defaults
            given = Array(repeating: 0, count: defaults.count)
            givenStamp = 0
        } else {
            for i in defaults.indices { query.facts[i] = defaults[i] }
        }
        if givenStamp == UInt32.max {
            for i in given.indices { given[i] = 0 }
            givenStamp = 0
        }
        givenStamp += 1
    }

    /// Records fact `f` as given; false when the line gave it already.
    @inline(__always)
    mutating func markGiven(_ f: Int) -> Bool {
        guard given[f] != givenStamp else { return false }
        given[f] = givenStamp
        return true
    }
}
