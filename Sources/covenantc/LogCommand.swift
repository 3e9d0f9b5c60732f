import CovenantEval

/// `covenantc log record` and `covenantc log verify`: events in a decision log, and checking it.
enum LogCommand {
    static let command = CLI.Command(name: "log", run: run)

    /// The writer's options from `--fsync`, `--rotate-size`, `--rotate-period`.
    static func options(_ parsed: Arguments) throws -> DecisionLog.Options {
        var options = DecisionLog.Options()
        if let fsync = parsed.value("--fsync") {
            switch fsync {
            case "always": options.fsync = .everyRecord
            case "never": options.fsync = .never
            default:
                guard let ms = Int(fsync), ms >= 0 else {
                    throw Arguments.UsageError("log.fsync", parsed.language, fsync)
                }
                options.fsync = .interval(milliseconds: ms)
            }
        }
        if let size = parsed.value("--rotate-size") {
            guard let bytes = Int(size), bytes >= 1024 else {
                throw Arguments.UsageError("log.rotateSize", parsed.language)
            }
            options.maxBytes = bytes
        }
        if let period = parsed.value("--rotate-period") {
            guard let p = DecisionLog.Period(rawValue: period) else {
                throw Arguments.UsageError("log.rotatePeriod", parsed.language)
            }
            options.period = p
        }
        return options
    }

    static func run(_ args: [String], _ console: Console) -> Int32 {
        let language = Arguments.language(of: args)
        // `log --lang nl verify x`: the action is the first word that is not the language.
        let (leading, line) = Arguments.leadingLanguage(args)
        guard let verb = line.first else {
            return CLI.usageError(
                CommandWords.text("log.sayAction", language), command: "log", language: language, console: console)
        }
        switch verb {
        case "verify": return verify(Array(line.dropFirst()) + leading, console)
        case "record": return record(Array(line.dropFirst()) + leading, console)
        default:
            return CLI.usageError(
                CommandWords.text("log.unknownAction", language, verb), command: "log", language: language,
                console: console)
        }
    }

    static func verify(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        do {
            parsed = try Arguments(args, flags: [], options: ["--lang"])
            _ = try parsed.preference()
        } catch {
            return CLI.usageError(error, command: "log", console: console)
        }
        let language = parsed.language
        // '-' (standard input) is no log file.
        guard !parsed.positionals.isEmpty, !parsed.positionals.contains("-") else {
            return CLI.usageError(
                CommandWords.text("log.nameFiles", language), command: "log", language: language, console: console)
        }
        let result = LogVerifier.verify(parsed.positionals)
        let recovered = result.recoveries == 0 ? "" : CommandWords.count("log.recoveries", result.recoveries, language)
        if let problem = result.problem {
            console.out(problem.description(in: language) + "\n")
            console.out(
                (result.records == 0
                    ? CommandWords.text("log.doesNotVerify.none", language, recovered)
                    : CommandWords.text(
                        result.records == 1 ? "log.doesNotVerify.one" : "log.doesNotVerify.many", language,
                        String(result.records), recovered)) + "\n")
            return ExitCode.failure
        }
        if result.records == 0 {
            console.out(CommandWords.text("log.empty", language) + "\n")
            return ExitCode.success
        }
        console.out(
            CommandWords.text(
                "log.verified", language, CommandWords.count("count.records", result.records, language),
                String(result.firstSeq ?? 0), String(result.lastSeq ?? 0),
                CommandWords.count("count.files", result.files.count, language), recovered, result.lastHash ?? "")
                + "\n")
        return ExitCode.success
    }

    static func record(_ args: [String], _ console: Console) -> Int32 {
        let parsed: Arguments
        var options: DecisionLog.Options
        var today: Today
        do {
            parsed = try Arguments(
                args, flags: [],
                options: [
                    "--ref", "--obligation", "--by", "--date", "--note", "--fsync", "--rotate-size", "--rotate-period",
                    "--lang",
                ])
            _ = try parsed.preference()
            options = try Self.options(parsed)
            today = try Today(parsed)
        } catch {
            return CLI.usageError(error, command: "log", console: console)
        }
        let language = parsed.language
        func usage(_ key: String, _ args: String...) -> Int32 {
            CLI.usageError(
                CommandWords.text(key, language, arguments: args), command: "log", language: language, console: console)
        }
        guard parsed.positionals.count == 2 else { return usage("log.giveEvent") }
        let (path, kind) = (parsed.positionals[0], parsed.positionals[1])
        guard let ref = parsed.value("--ref"), ref.utf8.count == 64,
            ref.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else {
            return usage("log.ref")
        }
        if let by = parsed.value("--by"), DecisionTable.Actor(rawValue: by) == nil { return usage("log.by") }
        let event = LogEvent(
            ref: ref, date: today.date().description, obligation: parsed.value("--obligation"),
            by: parsed.value("--by"),
            note: parsed.value("--note"))
        let record: LogRecord
        switch kind {
        case "objection": record = .objection(event)
        case "fulfilled", "postponement-ended":
            guard event.obligation != nil else { return usage("log.needsObligation", kind) }
            record = kind == "fulfilled" ? .fulfilled(event) : .postponementEnded(event)
        default:
            return usage("log.unknownEvent", kind)
        }
        options.fsync = .everyRecord  // one event, by hand: on disk before we say so
        do {
            let log = try DecisionLog(path: path, options: options)
            defer { log.close() }
            let receipt = try log.append(record)
            // The kind as the log writes it ("postponementEnded"), in Dutch in words.
            let kindKey = "log.kind.\(record.kind)"
            let kindText = CommandWords.entries[kindKey] == nil ? record.kind : CommandWords.text(kindKey, language)
            console.out(CommandWords.text("log.recorded", language, kindText, String(receipt.seq), receipt.hash) + "\n")
            return ExitCode.success
        } catch {
            console.err("covenantc log: \(error.message(in: language))\n")
            return ExitCode.failure
        }
    }
}
