import CovenantEval
import CovenantLang

/// The properties every fuzz target checks beyond "no crash, no hang, no sanitizer report",
/// shared by the fuzz targets (`fuzz/build` compiles this file into them; they stop on the
/// first problem so libFuzzer keeps the input) and by `FuzzRegressionTests`, which replays
/// every input the fuzzers found.
enum FuzzOracle {
    /// Runs a covenant through the whole toolchain: check, print, compile, table round trip,
    /// review (with a small work bound), the covenant's own tests, and decisions with
    /// explanations for queries derived from the input. Returns the broken properties.
    static func covenant(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let source = SourceFile(path: "fuzz.covenant", bytes: bytes)
        let result = Frontend.check(source)
        for d in result.diagnostics where d.message.isEmpty {
            problems.append("a diagnostic without a message: \(d.code.rawValue)")
        }
        let syntaxError = result.diagnostics.contains {
            $0.severity == .error && ($0.code.rawValue.hasPrefix("E1") || $0.code.rawValue.hasPrefix("E9"))
        }
        if let syntax = result.syntax, !syntaxError {
            // One keyword language per input (by its length) keeps an execution cheap.
            problems += printedFormIsStable(syntax, through: KeywordLanguage.allCases[bytes.count % 2])
        }
        guard let syntax = result.syntax, let model = result.model else { return problems }
        let table = Compiler.compile(model, source: source)
        let encoded = TableCodec.encode(table)
        do {
            let decoded = try TableCodec.decode(Array(encoded.utf8))
            if TableCodec.encode(decoded) != encoded {
                problems.append("the table does not survive encode → decode → encode")
            }
        } catch {
            problems.append("a freshly compiled table is refused: \(error.message)")
        }
        _ = Review.findings(syntax, model, table, budget: 5_000)
        _ = TestRunner(model: model, table: table).run()
        return problems + decisions(table, seed: bytes)
    }

    /// The printer's output parses without syntax errors and prints to itself, also when
    /// translated to `language` and back (what `fmt` and `fmt --lang` promise).
    static func printedFormIsStable(_ file: CovenantFile, through language: KeywordLanguage) -> [String] {
        let printed = Printer.print(file)
        do {
            let translated = Printer.print(file, in: language)
            let reparsed = Parser.parse(SourceFile(path: "printed.covenant", text: translated))
            guard let again = reparsed.file, !reparsed.diagnostics.contains(where: { $0.severity == .error }) else {
                return [
                    "the printed covenant (\(language)) does not parse: \(reparsed.diagnostics.map(\.message))\n"
                        + "\(translated)"
                ]
            }
            if Printer.print(again, in: language) != translated {
                return ["printing is not idempotent (\(language)):\n\(translated)"]
            }
            if Printer.print(again, in: file.language) != printed {
                return ["translating to \(language) and back changes the covenant:\n\(printed)"]
            }
        }
        return []
    }

    /// Decides queries drawn from the seed, including out-of-range ones, and checks that an
    /// invalid query is denied with a reason and that decide and explain agree.
    static func decisions(_ table: DecisionTable, seed: [UInt8]) -> [String] {
        let evaluator = Evaluator(compiled: table)
        var scratch = DecisionScratch()
        var state = seed.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return bound <= 0 ? 0 : Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<8 {
            var facts: [Int64] = table.facts.map { fact in
                switch next(4) {
                case 0: return ResolvedQuery.missing
                case 1: return Int64(next(3)) - 1
                default:
                    switch fact.kind {
                    case .bool: return Int64(next(2))
                    case .int(let low, let high): return next(2) == 0 ? low : min(high, low &+ Int64(next(200)))
                    case .enumeration(let values): return Int64(next(values.count))
                    }
                }
            }
            if next(16) == 0 { facts.append(0) }
            let q = ResolvedQuery(
                sender: Int32(next(table.parties.count + 1)), recipient: Int32(next(table.parties.count + 1)),
                category: Int32(next(table.categories.count + 1)), purpose: Int32(next(table.purposes.count + 1)),
                facts: facts, date: table.firstDayInForce)
            let effect = evaluator.decide(q, into: &scratch)
            if table.validate(q) != nil {
                if effect != .deny || scratch.invalid == nil {
                    return ["an invalid query was not denied with a reason"]
                }
                continue
            }
            // Explaining searches for counterfactuals (up to 20,000 decisions): once per input.
            if round == 0, evaluator.explain(q).decision != evaluator.decision(from: scratch) {
                return ["explain and decide disagree"]
            }
        }
        return []
    }

    /// The `wire` target: the first line is a table body (sealed here with its correct
    /// SHA-256, so the checks behind the hash are reached); each further line is a JSON query,
    /// answered against that table if it loads and against `fallback` otherwise.
    static func wire(_ bytes: [UInt8], fallback: DecisionTable) -> [String] {
        let lines = bytes.split(separator: 0x0a, maxSplits: 1, omittingEmptySubsequences: false)
        let body = Array(lines.first ?? [])
        let sealed =
            Array(
                "{\"format\":\"covenant-decision-table\",\"formatVersion\":\(DecisionTable.formatVersion),\"sha256\":\""
                    .utf8)
            + Array(SHA256.hexDigest(body).utf8) + Array(#"","body":"#.utf8) + body + Array("}\n".utf8)
        var problems: [String] = []
        let loaded = try? TableCodec.decode(sealed)
        if let loaded { problems += decisions(loaded, seed: bytes) }
        let evaluator = Evaluator(compiled: loaded ?? fallback)
        var scratch = DecisionScratch()
        let queryLines = (lines.count > 1 ? lines[1] : []).split(separator: 0x0a).prefix(32)
        problems += wireFastPath(evaluator, queryLines.map { Array($0) })
        for line in queryLines {
            guard let query = try? Query(json: String(decoding: line, as: UTF8.self)),
                let resolved = try? evaluator.resolve(query, on: evaluator.table.firstDayInForce)
            else { continue }
            evaluator.decide(resolved, into: &scratch)
            _ = evaluator.decision(from: scratch).json
            if evaluator.explain(resolved).decision != evaluator.decision(from: scratch) {
                problems.append("explain and decide disagree on \(String(decoding: line, as: UTF8.self))")
            }
        }
        return problems
    }

    /// The wire's fast path (`WireAnswerer`: read from the bytes, written into a buffer) answers
    /// every line byte for byte as the general path does (`Evaluator.answer(line:)`), in both
    /// languages, whatever the line.
    static func wireFastPath(_ evaluator: Evaluator, _ lines: [[UInt8]]) -> [String] {
        let today = evaluator.table.firstDayInForce
        var general = DecisionScratch()
        for language in [Language.en, .nl] {
            let answerer = WireAnswerer(evaluator: evaluator, language: language)
            var wire = WireScratch()
            for line in lines {
                var fast: [UInt8] = []
                answerer.answer(line: line, today: today, scratch: &wire, into: &fast)
                let text = String(decoding: line, as: UTF8.self)
                let expected = evaluator.answer(line: text, today: today, language: language, scratch: &general)
                if fast != Array(expected.json(in: language).serialized().utf8) {
                    return ["the wire's fast path answers \(text) (\(language)) unlike the general path"]
                }
            }
        }
        return []
    }
}
