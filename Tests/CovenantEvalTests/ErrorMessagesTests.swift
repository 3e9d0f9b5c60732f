@testable import CovenantEval
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// Every error a user can see from the evaluator library (the decision log, the table loader,
/// the JSON parser, a query) is worded in English and in Dutch from the catalogue.
@Suite struct ErrorMessagesTests {
    /// Every kind of every error type, with the catalogue entries its wording uses.
    static let keys: [(kind: String, keys: [String])] = {
        var all: [(String, [String])] = []
        all += QueryError.Kind.allCases.map { ("QueryError.\($0)", ["queryError.\($0.rawValue)"]) }
        all += DecisionLog.Failure.Kind.allCases.map { ("DecisionLog.Failure.\($0)", ["decisionLog.\($0.rawValue)"]) }
        all += LogFormatError.Kind.allCases.map { ("LogFormatError.\($0)", ["logRecord.\($0.rawValue)"]) }
        all += LogVerifier.Problem.Kind.allCases.map { ("LogVerifier.Problem.\($0)", $0.keys) }
        all += LogReport.Failure.Kind.allCases.map { ("LogReport.Failure.\($0)", ["logReport.\($0.rawValue)"]) }
        all += TableCodec.LoadError.Kind.allCases.map { ("TableCodec.LoadError.\($0)", $0.keys) }
        all += JSONParser.Error.Kind.allCases.map { ("JSONParser.Error.\($0)", ["json.\($0.rawValue)", "json.at"]) }
        all += SystemReason.names.values.sorted().map { ("SystemReason.\($0)", ["system.\($0)"]) }
        return all
    }()

    @Test func everyKindHasItsEntriesInBothLanguages() {
        #expect(Self.keys.count > 150)
        for (kind, keys) in Self.keys {
            for key in keys {
                let entry = Messages.catalogue[key]
                #expect(entry != nil, "\(kind): no entry \(key)")
                #expect(entry.map { !$0.en.isEmpty && !$0.nl.isEmpty } ?? false, "\(kind): \(key)")
            }
        }
    }

    /// Each kind with sample arguments, in both languages: every placeholder filled, no key
    /// printed for want of an entry, and the Dutch not the English.
    @Test func everyKindIsWordedInBothLanguages() {
        let reason = SystemReason(code: ENOENT, text: "No such file or directory")
        let json = JSONParser.Error(.unexpectedCharacter, offset: 3)
        var errors: [(String, (Language) -> String)] = []
        for k in QueryError.Kind.allCases { errors.append(("\(k)", QueryError(k, "x", "y", "1", "9").message(in:))) }
        for k in DecisionLog.Failure.Kind.allCases {
            errors.append(("\(k)", DecisionLog.Failure(k, "/logs/d.log", "/logs/d.log.1", reason: reason).message(in:)))
        }
        for k in LogFormatError.Kind.allCases { errors.append(("\(k)", LogFormatError(k, "seq").message(in:))) }
        for k in LogVerifier.Problem.Kind.allCases {
            for n in ["1", "2"] {
                let problem = LogVerifier.Problem(
                    file: "d.log", line: 3, kind: k, arguments: ["7", n, n], reason: reason,
                    cause: k == .notJSON ? .json(json) : .record(LogFormatError(.badSeq)))
                errors.append(("\(k) \(n)", problem.description(in:)))
            }
        }
        for k in LogReport.Failure.Kind.allCases {
            errors.append(("\(k)", LogReport.Failure(k, "d.log", reason: reason).message(in:)))
        }
        for k in TableCodec.LoadError.Kind.allCases {
            errors.append(
                (
                    "\(k)",
                    TableCodec.LoadError(k, "body.rules[0]", "2", json: k == .bodyNotJSON ? json : nil).message(in:)
                ))
        }
        for k in JSONParser.Error.Kind.allCases {
            errors.append(("\(k)", JSONParser.Error(k, "256", offset: 12).description(in:)))
        }
        for (code, name) in SystemReason.names { errors.append((name, SystemReason(code: code, text: name).text(in:))) }
        for (kind, words) in errors {
            let en = words(.en), nl = words(.nl)
            for text in [en, nl] {
                #expect(!text.contains(/\{[0-9]+\}/), "\(kind): \(text)")
                #expect(!Messages.catalogue.keys.contains { text.contains($0) }, "\(kind): \(text)")
            }
            #expect(en != nl, "\(kind): \(en)")
        }
    }

    /// The English is what it always was, word for word (tests and scripts compare it).
    @Test func theEnglishIsUnchanged() throws {
        #expect(
            TableCodec.LoadError(.otherVersion, "1", "2").message
                == "the table has format version 1; this evaluator reads version 2: compile the covenant again with "
                + "this covenantc"
        )
        #expect(
            TableCodec.LoadError(.ruleException, "r").message
                == "the table is inconsistent: rule 'r' has an invalid exception")
        #expect(
            TableCodec.LoadError(.notAnInt32, "body.children[3]").message
                == "'body.children[3]' should be a 32-bit integer")
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse("{\"a\" 1}") }
        do {
            _ = try JSONParser.parse("{\"a\" 1}")
        } catch {
            #expect("\(error)" == "expected ':' at byte 5" && error.message == "expected ':'")
            #expect(
                TableCodec.LoadError(.bodyNotJSON, json: error).message
                    == "the table's body is not valid JSON (expected ':' at byte 5)")
        }
        let torn = LogVerifier.Problem(file: "d.log", line: 7, kind: .tornBeforeLaterFiles, arguments: ["1", "1"])
        #expect(
            torn.description
                == "d.log:7: the last record is incomplete (1 bytes, no line break): "
                + "a writer was stopped while writing it, or the file was cut, and later files follow it; "
                + "the 1 record before it verify"
        )
        #expect(
            LogVerifier.Problem(file: "d.log", line: 7, kind: .torn, arguments: ["40", "6"]).message
                == "the last record is incomplete (40 bytes, no line break): a writer was stopped while writing it, "
                + "or the file was cut; the 6 records before it verify"
        )
        #expect(
            LogVerifier.Problem(file: "d", line: 4, kind: .missing, arguments: ["7", "4", "2"]).message
                == "record 7 follows record 4: 2 records are missing before it")
        #expect(
            LogVerifier.Problem(
                file: "d", line: 4, kind: .notARecord,
                cause: .record(LogFormatError(.eventWithoutObligation, "fulfilled"))
            ).message
                == "not a valid record: a fulfilled event names its obligation")
        #expect(
            DecisionLog.Failure(.heldByAnother, "d.log").message
                == "the log d.log is being written by another process (its lock d.log.lock is held); "
                + "a log has one writer: give each service its own log, the report reads them all"
        )
        #expect(
            DecisionLog.Failure(.cannotOpen, "d.log", reason: SystemReason(code: EACCES, text: "Permission denied"))
                .message
                == "cannot open the log d.log: Permission denied")
    }

    @Test func theDutchReadsNaturally() throws {
        #expect(
            TableCodec.LoadError(.otherVersion, "1", "2").message(in: .nl)
                == "de beslistabel heeft formaatversie 1; deze versie van covenantc leest versie 2: "
                + "compileer het convenant opnieuw met deze covenantc"
        )
        #expect(
            LogVerifier.Problem(file: "d.log", line: 7, kind: .torn, arguments: ["1", "1"]).description(in: .nl)
                == "d.log:7: het laatste record is onvolledig (1 byte, zonder regeleinde): "
                + "het schrijven ervan is afgebroken, of het bestand is ingekort; 1 record daarvoor is in orde"
        )
        #expect(
            LogVerifier.Problem(file: "d", line: 4, kind: .missing, arguments: ["5", "3", "1"]).message(in: .nl)
                == "record 5 volgt op record 3: daartussen ontbreekt een record")
        #expect(
            LogReport.Failure(
                .cannotRead, "jaar.log", reason: SystemReason(code: ENOENT, text: "No such file or directory")
            ).message(in: .nl)
                == "jaar.log kan niet worden gelezen: bestand of map bestaat niet")
        // A reason the catalogue does not word is given as the system gives it.
        #expect(
            SystemReason(code: EXDEV, text: "Invalid cross-device link").text(in: .nl) == "Invalid cross-device link")
        do {
            _ = try JSONParser.parse("[1,]")
        } catch {
            #expect(error.description(in: .nl) == "onverwacht teken bij byte 3")
        }
    }

    /// A query that is not JSON says why in the user's language (the parser's reason included).
    @Test func aQueryThatIsNotJSONSaysWhyInTheLanguage() {
        do {
            _ = try Query(json: "{\"from\" 1}")
            Issue.record("parsed")
        } catch {
            #expect(error.kind == .notJSON && error.json != nil)
            #expect(error.message(in: .en).hasPrefix("not JSON: "))
            #expect(error.message(in: .nl).hasPrefix("geen JSON: ") && !error.message(in: .nl).contains("expected"))
        }
    }
}
