import CovenantEval

/// `covenantc log record` and `covenantc log verify`: events in a decision log, and checking it.
enum LogCommand {
    static let command = CLI.Command(
        name: "log", summary: "record events in a decision log, or verify one", help: """
            Usage: covenantc log record LOG objection --ref RECORD [--date YYYY-MM-DD] [--note TEXT]
                   covenantc log record LOG fulfilled --ref RECORD --obligation ID [--by ACTOR] [--date D] [--note TEXT]
                   covenantc log record LOG postponement-ended --ref RECORD --obligation ID [--by ACTOR] [--date D]
                   covenantc log verify LOG...

            A decision log is written by 'covenantc eval --log LOG' (or DecisionLog in a
            service): one JSON record per line, each with the SHA-256 of the record before it,
            so a changed, removed or reordered record breaks the chain where it happened.

            record appends an event about a decision, named by its record hash (the "record"
            that eval printed in "log"): an objection (bezwaar) against the provision; an
            obligation fulfilled (the subject was informed, the weighing was recorded) on DATE;
            the end of a postponement on DATE, from which the obligation's term runs. ACTOR is
            sender, recipient or controller (when the decision has the obligation for more than
            one). DATE defaults to today in the Netherlands. The record's seq and hash are printed.

            verify checks every record of the files (a log and its rotated parts, in any order):
            its own hash, its place in the chain, and its shape. It names the first record that
            is wrong and exits 1; an incomplete last record (a writer stopped mid-record) is
            reported as such, with the count of the records before it, which all verify. On
            success it prints the number of records and the last record's hash: keep that hash
            (in the yearly account, for example) to anchor the log's end.

            Options for every writer (also on 'eval --log'):
              --fsync always|never|MS    write to disk after every record, never, or at most every
                                         MS milliseconds (default 1000)
              --rotate-size BYTES        start a new file when the log would pass BYTES
              --rotate-period day|month  start a new file each UTC day or month

            Exit codes: 0 done (verify: the log is intact), 1 the log cannot be written or does not
            verify, 2 usage error.

            """, run: run)

    /// The writer's options from `--fsync`, `--rotate-size`, `--rotate-period`.
    static func options(_ parsed: Arguments) throws -> DecisionLog.Options {
        var options = DecisionLog.Options()
        if let fsync = parsed.value("--fsync") {
            switch fsync {
            case "always": options.fsync = .everyRecord
            case "never": options.fsync = .never
            default:
                guard let ms = Int(fsync), ms >= 0 else {
                    throw Arguments.UsageError(description: "--fsync takes always, never or a number of milliseconds, not '\(fsync)'")
                }
                options.fsync = .interval(milliseconds: ms)
            }
        }
        if let size = parsed.value("--rotate-size") {
            guard let bytes = Int(size), bytes >= 1024 else { throw Arguments.UsageError(description: "--rotate-size takes a number of bytes, at least 1024") }
            options.maxBytes = bytes
        }
        if let period = parsed.value("--rotate-period") {
            guard let p = DecisionLog.Period(rawValue: period) else { throw Arguments.UsageError(description: "--rotate-period takes day or month") }
            options.period = p
        }
        return options
    }

    static func run(_ args: [String], _ console: Console) -> Int32 {
        guard let verb = args.first else { return CLI.usageError("say 'record' or 'verify'", command: "log", console: console) }
        switch verb {
        case "verify": return verify(Array(args.dropFirst()), console)
        case "record": return record(Array(args.dropFirst()), console)
        default: return CLI.usageError("unknown action '\(verb)': say 'record' or 'verify'", command: "log", console: console)
        }
    }

    static func verify(_ args: [String], _ console: Console) -> Int32 {
        guard !args.isEmpty, !args.contains(where: { $0.hasPrefix("-") }) else {
            return CLI.usageError("name the log files to verify", command: "log", console: console)
        }
        let result = LogVerifier.verify(args)
        let recovered = result.recoveries == 0 ? "" : "; \(result.recoveries) recover\(result.recoveries == 1 ? "y" : "ies") after a crash (a torn record cut off)"
        if let problem = result.problem {
            console.out("\(problem)\n")
            console.out("the log does not verify: \(result.records) record\(result.records == 1 ? "" : "s") before this one verify\(recovered)\n")
            return ExitCode.failure
        }
        if result.records == 0 {
            console.out("the log holds no records\n")
            return ExitCode.success
        }
        console.out("verified \(result.records) record\(result.records == 1 ? "" : "s") (seq \(result.firstSeq ?? 0) to \(result.lastSeq ?? 0)) in \(result.files.count) file\(result.files.count == 1 ? "" : "s")\(recovered); last record hash \(result.lastHash ?? "")\n")
        return ExitCode.success
    }

    static func record(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        var options: DecisionLog.Options
        var today: Today
        do {
            parsed = try Arguments(args, flags: [], options: ["--ref", "--obligation", "--by", "--date", "--note", "--fsync", "--rotate-size", "--rotate-period"])
            options = try Self.options(parsed)
            today = try Today(parsed)
        } catch {
            return CLI.usageError("\(error)", command: "log", console: console)
        }
        guard parsed.positionals.count == 2 else {
            return CLI.usageError("give the log and the kind of event: objection, fulfilled or postponement-ended", command: "log", console: console)
        }
        let (path, kind) = (parsed.positionals[0], parsed.positionals[1])
        guard let ref = parsed.value("--ref"), ref.utf8.count == 64, ref.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            return CLI.usageError("--ref takes the decision's record hash (64 hex digits, the \"record\" eval printed)", command: "log", console: console)
        }
        if let by = parsed.value("--by"), DecisionTable.Actor(rawValue: by) == nil {
            return CLI.usageError("--by takes sender, recipient or controller", command: "log", console: console)
        }
        let event = LogEvent(ref: ref, date: today.date().description, obligation: parsed.value("--obligation"), by: parsed.value("--by"),
                             note: parsed.value("--note"))
        let record: LogRecord
        switch kind {
        case "objection": record = .objection(event)
        case "fulfilled", "postponement-ended":
            guard event.obligation != nil else {
                return CLI.usageError("a \(kind) event names the obligation: --obligation ID", command: "log", console: console)
            }
            record = kind == "fulfilled" ? .fulfilled(event) : .postponementEnded(event)
        default:
            return CLI.usageError("unknown event '\(kind)': objection, fulfilled or postponement-ended", command: "log", console: console)
        }
        options.fsync = .everyRecord  // one event, by hand: on disk before we say so
        do {
            let log = try DecisionLog(path: path, options: options)
            defer { log.close() }
            let receipt = try log.append(record)
            console.out("recorded \(record.kind) as record \(receipt.seq) (\(receipt.hash))\n")
            return ExitCode.success
        } catch {
            console.err("covenantc log: \(error.message)\n")
            return ExitCode.failure
        }
    }
}
