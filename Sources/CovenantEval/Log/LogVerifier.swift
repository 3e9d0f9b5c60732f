/// Checks decision logs record by record: each record's own hash, its place in the chain
/// (`prev` is the hash of the record before it, `seq` counts up by one), and its shape. Reads
/// any number of files (a log and its rotated parts, in any order) with memory independent of
/// their size, and names the first record that is wrong.
///
/// What a hash chain cannot show: that records were cut off the *end* of the newest file at a
/// line break. Write down the last hash `verify` prints (in the yearly account, say) to anchor it.
public enum LogVerifier {
    /// The first record that is wrong, and why. `kind` is stable; `message(in:)` words it for a
    /// person, `description(in:)` with the file and line in front.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable, CaseIterable {
            case cannotRead
            /// The last line has no line break; `tornBeforeLaterFiles` when files later in the chain follow it.
            case torn, tornBeforeLaterFiles
            case emptyLine, notARecordEnd, altered, notARecord, notJSON, missing, outOfOrder, brokenChain,
                notAChainStart

            /// The catalogue entries its wording uses.
            var keys: [String] {
                switch self {
                case .torn:
                    [
                        "logProblem.torn", "logProblem.bytes.one", "logProblem.bytes.many",
                        "logProblem.verifiedBefore.one",
                        "logProblem.verifiedBefore.many",
                    ]
                case .tornBeforeLaterFiles: Kind.torn.keys + ["logProblem.laterFiles"]
                case .missing: ["logProblem.missing.one", "logProblem.missing.many"]
                default: ["logProblem.\(rawValue)"]
                }
            }
        }

        /// What is wrong inside a line, for `notARecord` and `notJSON`.
        package enum Cause: Sendable, Equatable {
            case record(LogFormatError)
            case json(JSONParser.Error)

            func message(in language: Language) -> String {
                switch self {
                case .record(let error): error.message(in: language)
                case .json(let error): error.description(in: language)
                }
            }
        }

        public var file: String
        /// The 1-based line in `file`.
        public var line: Int
        public var kind: Kind
        /// The numbers the message names, in order: for `torn`, the bytes of the torn line and the
        /// records that verify before it; for `missing`, the record's seq, the seq before it and
        /// how many are missing; for `outOfOrder` and `brokenChain`, the record's seq (and the
        /// seq before it).
        public var arguments: [String]
        /// For `cannotRead`.
        public var reason: SystemReason?
        package var cause: Cause?

        init(
            file: String, line: Int, kind: Kind, arguments: [String] = [], reason: SystemReason? = nil,
            cause: Cause? = nil
        ) {
            self.file = file
            self.line = line
            self.kind = kind
            self.arguments = arguments
            self.reason = reason
            self.cause = cause
        }

        /// True for an incomplete last line: a writer stopped mid-record, or the file was cut.
        public var torn: Bool { kind == .torn || kind == .tornBeforeLaterFiles }

        /// In English.
        public var message: String { message(in: .en) }
        public var description: String { description(in: .en) }

        public func description(in language: Language) -> String { "\(file):\(line): \(message(in: language))" }

        public func message(in language: Language) -> String {
            func text(_ key: String, _ args: [String]) -> String { Messages.text(key, language, arguments: args) }
            func plural(_ key: String, _ n: String, _ args: [String]) -> String {
                text(key + (n == "1" ? ".one" : ".many"), args)
            }
            // Numbers not given read as empty, so a problem made by hand can never trap.
            let a = arguments + Array(repeating: "", count: max(0, 3 - arguments.count))
            switch kind {
            case .cannotRead:
                return text("logProblem.cannotRead", [reason?.text(in: language) ?? ""])
            case .torn, .tornBeforeLaterFiles:
                return text(
                    "logProblem.torn",
                    [
                        plural("logProblem.bytes", a[0], [a[0]]),
                        kind == .torn ? "" : text("logProblem.laterFiles", []),
                        plural("logProblem.verifiedBefore", a[1], [a[1]]),
                    ])
            case .notARecord, .notJSON:
                return text("logProblem.\(kind.rawValue)", [cause?.message(in: language) ?? ""])
            case .missing:
                return plural("logProblem.missing", a[2], a)
            default:
                return text("logProblem.\(kind.rawValue)", arguments)
            }
        }
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
                result.problem = Problem(file: path, line: 0, kind: .cannotRead, reason: LogIO.reason())
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
                result.problem = Problem(file: path, line: 0, kind: .cannotRead, reason: LogIO.reason())
                return result
            }
            defer { reader.close() }
            while let next = reader.next() {
                func fail(_ kind: Problem.Kind, _ arguments: Int..., cause: Problem.Cause? = nil) -> Result {
                    var r = result
                    r.problem = Problem(
                        file: path, line: reader.lineNumber, kind: kind, arguments: arguments.map(String.init),
                        cause: cause)
                    return r
                }
                let line: ArraySlice<UInt8>
                switch next {
                case .torn(let bytes):
                    let isLast = f == result.files.count - 1
                    return fail(isLast ? .torn : .tornBeforeLaterFiles, bytes.count, result.records)
                case .complete(let bytes):
                    line = bytes
                }
                guard let (body, stated) = splitRecordLine(line) else {
                    return fail(line.isEmpty ? .emptyLine : .notARecordEnd)
                }
                guard SHA256.hexDigest(body) == stated else {
                    return fail(.altered)
                }
                let json: JSONValue
                do { json = try JSONParser.parse(Array(line)) } catch { return fail(.notJSON, cause: .json(error)) }
                let decoded: (record: LogRecord, seq: Int, time: String, prev: String)
                do { decoded = try LogRecord.decode(json) } catch { return fail(.notARecord, cause: .record(error)) }
                if let previous = lastSeq {
                    if decoded.seq > previous + 1 {
                        return fail(.missing, decoded.seq, previous, decoded.seq - previous - 1)
                    }
                    if decoded.seq <= previous {
                        return fail(.outOfOrder, decoded.seq, previous)
                    }
                    if decoded.prev != lastHash {
                        return fail(.brokenChain, decoded.seq)
                    }
                } else if decoded.seq == 1, decoded.prev != LogRecord.genesis {
                    return fail(.notAChainStart)
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
