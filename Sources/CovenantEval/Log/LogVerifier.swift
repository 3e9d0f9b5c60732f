/// Checks decision logs record by record: each record's own hash, its place in the chain
/// (`prev` is the hash of the record before it, `seq` counts up by one), and its shape. Reads
/// any number of files (a log and its rotated parts, in any order) with memory independent of
/// their size, and names the first record that is wrong.
///
/// What a hash chain cannot show: that records were cut off the *end* of the newest file at a
/// line break. Write down the last hash `verify` prints (in the yearly account, say) to anchor it.
public enum LogVerifier {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        /// The 1-based line in `file`.
        public var line: Int
        /// True for an incomplete last line: a writer stopped mid-record, or the file was cut.
        public var torn: Bool
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public struct Result: Sendable, Equatable {
        /// The files in chain order.
        public var files: [String]
        /// Records that verified (all of them before `problem`).
        public var records: Int
        public var firstSeq: Int?
        public var lastSeq: Int?
        public var lastHash: String?
        /// How often a writer cut off a torn record after a crash.
        public var recoveries: Int
        public var problem: Problem?
    }

    public static func verify(_ paths: [String]) -> Result {
        var result = Result(files: [], records: 0, recoveries: 0)
        // Chain order: by each file's first seq.
        var firsts: [(String, Int)] = []
        for path in paths {
            guard var reader = LineReader(path: path) else {
                result.problem = Problem(file: path, line: 0, torn: false, message: "cannot read the file: \(LogIO.reason())")
                return result
            }
            defer { reader.close() }
            switch reader.next() {
            case .complete(let line)?:
                let seq = (try? JSONParser.parse(Array(line)))?["seq"]?.intValue ?? Int.max
                firsts.append((path, seq))
            case .torn?, nil:
                firsts.append((path, Int.max))
            }
        }
        result.files = firsts.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.map(\.0)
        var lastHash: String?
        var lastSeq: Int?
        for (f, path) in result.files.enumerated() {
            guard var reader = LineReader(path: path) else {
                result.problem = Problem(file: path, line: 0, torn: false, message: "cannot read the file: \(LogIO.reason())")
                return result
            }
            defer { reader.close() }
            while let next = reader.next() {
                func fail(_ message: String, torn: Bool = false) -> Result {
                    var r = result
                    r.problem = Problem(file: path, line: reader.lineNumber, torn: torn, message: message)
                    return r
                }
                let line: ArraySlice<UInt8>
                switch next {
                case .torn(let bytes):
                    let isLast = f == result.files.count - 1
                    return fail("the last record is incomplete (\(bytes.count) bytes, no line break): a writer was stopped while writing it, or the file was cut\(isLast ? "" : ", and later files follow it"); the \(result.records) record\(result.records == 1 ? "" : "s") before it verify", torn: true)
                case .complete(let bytes):
                    line = bytes
                }
                guard let (body, stated) = splitRecordLine(line) else {
                    return fail(line.isEmpty ? "an empty line where a record should be" : "the line does not end as a record ends (…,\"hash\":\"<64 hex>\"})")
                }
                guard SHA256.hexDigest(body) == stated else {
                    return fail("the record was altered: its content does not match its hash")
                }
                let decoded: (record: LogRecord, seq: Int, time: String, prev: String)
                do {
                    decoded = try LogRecord.decode(try JSONParser.parse(Array(line)))
                } catch let error as LogFormatError {
                    return fail("not a valid record: \(error.message)")
                } catch {
                    return fail("not valid JSON: \(error)")
                }
                if let previous = lastSeq {
                    if decoded.seq > previous + 1 {
                        return fail("record \(decoded.seq) follows record \(previous): \(decoded.seq - previous - 1 == 1 ? "a record is" : "\(decoded.seq - previous - 1) records are") missing before it")
                    }
                    if decoded.seq <= previous {
                        return fail("record \(decoded.seq) comes after record \(previous): the records are out of order or repeated")
                    }
                    if decoded.prev != lastHash {
                        return fail("record \(decoded.seq) does not follow the record before it (its prev is not that record's hash)")
                    }
                } else if decoded.seq == 1, decoded.prev != LogRecord.genesis {
                    return fail("record 1 does not start a chain (its prev is not all zeros)")
                }
                if case .recovered = decoded.record { result.recoveries += 1 }
                if result.firstSeq == nil { result.firstSeq = decoded.seq }
                lastSeq = decoded.seq
                lastHash = stated
                result.lastSeq = decoded.seq
                result.lastHash = stated
                result.records += 1
            }
        }
        return result
    }
}
