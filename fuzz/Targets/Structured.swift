/// Fuzz target `structured`: starts from valid covenants (`covenants/` and generated ones) and
/// mutates them as text a lawyer might write — swapping names for other names of the file,
/// keywords for keywords, numbers for edge values, moving and repeating lines — so most
/// mutants still parse and check and the deep stages (compiler, analysis, evaluator) are
/// reached. One mutation in eight is libFuzzer's own byte-level one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStructured(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.check(FuzzOracle.covenant(FuzzTarget.bytes(data, size)))
}

/// libFuzzer's built-in byte mutator (C ABI: pointer, size_t, size_t → size_t).
@_silgen_name("LLVMFuzzerMutate")
func libFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzStructuredMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    var mutator = CovenantMutator(seed: seed)
    guard mutator.roll(8) != 0, var tokens = Optional(CovenantMutator.tokens(Array(UnsafeBufferPointer(start: data, count: size)))),
          !tokens.isEmpty else {
        return libFuzzerMutate(data, size, maxSize)
    }
    for _ in 0...mutator.roll(3) { mutator.mutate(&tokens) }
    let out = tokens.flatMap { $0 }
    guard out.count <= maxSize else { return libFuzzerMutate(data, size, maxSize) }
    out.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: out.count) }
    return out.count
}

/// Token-level mutations of covenant text.
struct CovenantMutator {
    var state: UInt64

    init(seed: UInt32) { state = UInt64(seed) &* 0x9e37_79b9_7f4a_7c15 | 1 }

    mutating func roll(_ bound: Int) -> Int {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return bound <= 0 ? 0 : Int(state % UInt64(bound))
    }

    /// Words, numbers, strings, single punctuation characters and runs of spaces, in order;
    /// joined again they give back the input exactly.
    static func tokens(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var i = 0
        func isWord(_ b: UInt8) -> Bool { b == 0x5f || b == 0x2d || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7a) || b >= 0x80 }
        while i < bytes.count {
            var j = i + 1
            if isWord(bytes[i]) {
                while j < bytes.count, isWord(bytes[j]) { j += 1 }
            } else if bytes[i] == 0x22 {
                while j < bytes.count, bytes[j] != 0x22, bytes[j] != 0x0a { j += 1 }
                if j < bytes.count, bytes[j] == 0x22 { j += 1 }
            } else if bytes[i] == 0x20 {
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
            }
            result.append(Array(bytes[i..<j]))
            i = j
        }
        return result
    }

    static let keywords = [
        "permit", "forbid", "except", "when", "and", "or", "not", "in", "basis", "oblige", "waive", "any",
        "share", "for", "before", "after", "party", "group", "purpose", "category", "fact", "obligation",
        "rule", "test", "expect", "deny", "given", "true", "false", "unknown", "care", "health", "ordinary",
        "special", "criminal", "bsn", "toestaan", "verbieden", "behalve", "als", "en", "of", "niet", "ja", "nee",
        "->", "..", "{", "}", "(", ")", ",", "=", "!=", "<", "<=", ">", ">=", "\n",
    ].map { Array($0.utf8) }
    static let numbers = ["0", "-1", "1", "17", "18", "130", "2147483647", "9223372036854775807", "99999999999999999999", "2026-02-30"].map { Array($0.utf8) }

    mutating func mutate(_ tokens: inout [[UInt8]]) {
        let words = tokens.indices.filter { tokens[$0].first.map { $0 >= 0x41 } ?? false }
        let lines = lineStarts(tokens)
        switch roll(9) {
        case 0 where !words.isEmpty, 1 where !words.isEmpty:  // a name for another name of the file
            tokens[words[roll(words.count)]] = tokens[words[roll(words.count)]]
        case 2 where !words.isEmpty:  // a keyword or punctuation anywhere
            tokens[words[roll(words.count)]] = Self.keywords[roll(Self.keywords.count)]
        case 3:  // an edge number
            let numeric = tokens.indices.filter { tokens[$0].first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
            if !numeric.isEmpty { tokens[numeric[roll(numeric.count)]] = Self.numbers[roll(Self.numbers.count)] }
        case 4 where lines.count > 1:  // repeat a line elsewhere
            let (a, b) = line(lines[roll(lines.count)], lines, tokens.count)
            tokens.insert(contentsOf: tokens[a..<b], at: lines[roll(lines.count)])
        case 5 where lines.count > 1:  // drop a line
            let (a, b) = line(lines[roll(lines.count)], lines, tokens.count)
            tokens.removeSubrange(a..<b)
        case 6 where !words.isEmpty:  // negate
            tokens.insert(Array("not ".utf8), at: words[roll(words.count)])
        case 7 where !tokens.isEmpty:  // drop a token
            tokens.remove(at: roll(tokens.count))
        default:  // insert a keyword
            tokens.insert(Self.keywords[roll(Self.keywords.count)] + [0x20], at: roll(tokens.count + 1))
        }
    }

    func lineStarts(_ tokens: [[UInt8]]) -> [Int] {
        [0] + tokens.indices.filter { tokens[$0] == [0x0a] }.map { $0 + 1 }.filter { $0 < tokens.count }
    }

    func line(_ start: Int, _ starts: [Int], _ count: Int) -> (Int, Int) {
        (start, starts.first { $0 > start } ?? count)
    }
}
