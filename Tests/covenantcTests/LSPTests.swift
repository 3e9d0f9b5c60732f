@testable import covenantc
import CovenantEval
import CovenantLang
import Foundation
import Testing

/// A language client over pipes, as an editor runs `covenantc lsp`: it writes framed messages
/// to the server's standard input and collects what the server writes, frame by frame.
final class LSPClient: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var received: [JSONValue] = []
    private var ended = false
    private var nextID = 0

    init(_ arguments: [String] = []) throws {
        let binary = try #require(CLISupport.binary, "covenantc must be built next to the tests")
        process.executableURL = binary
        process.arguments = ["lsp"] + arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        Thread { [self] in
            var reader = JSONRPC.FrameReader()
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                reader.append([UInt8](data))
                while let frame = reader.next() {
                    guard case .body(let bytes) = frame, let value = try? JSONParser.parse(bytes) else { continue }
                    condition.withLock {
                        received.append(value)
                        condition.broadcast()
                    }
                }
            }
            condition.withLock {
                ended = true
                condition.broadcast()
            }
        }.start()
    }

    func raw(_ bytes: String) {
        input.fileHandleForWriting.write(Data(bytes.utf8))
    }

    /// Ends the server's input, as an editor that goes away does.
    func closeInput() throws {
        try input.fileHandleForWriting.close()
    }

    func send(_ message: JSONValue) {
        input.fileHandleForWriting.write(Data(JSONRPC.encode(message)))
    }

    /// Sends a request whose params are given as JSON text; returns its id.
    @discardableResult
    func request(_ method: String, _ params: String? = nil) -> Int {
        let id = condition.withLock {
            nextID += 1
            return nextID
        }
        send(JSONRPC.request(id, method, params.map { try! JSONParser.parse($0) }))
        return id
    }

    func notify(_ method: String, _ params: String = "{}") {
        send(JSONRPC.notification(method, try! JSONParser.parse(params)))
    }

    /// The first message received that satisfies `predicate` (taken from the queue), waiting
    /// up to `timeout` seconds.
    func wait(timeout: TimeInterval = 60, _ predicate: (JSONValue) -> Bool) -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let i = received.firstIndex(where: predicate) { return received.remove(at: i) }
            if ended || !condition.wait(until: deadline) { return nil }
        }
    }

    /// The answer to request `id`.
    func response(_ id: Int) -> JSONValue? {
        wait { $0["id"]?.intValue == id && $0["method"] == nil }
    }

    /// Sends a request and waits for its answer's result (nil on an error or no answer).
    func call(_ method: String, _ params: String? = nil) -> JSONValue? {
        response(request(method, params))?["result"]
    }

    /// The next diagnostics published for `uri` (with `version`, when given) that satisfy
    /// `predicate`. The front end's come at once; a covenant without errors has its review's
    /// findings published after them.
    func diagnostics(
        _ uri: String, version: Int? = nil, where predicate: @escaping ([JSONValue]) -> Bool = { _ in true }
    ) -> [JSONValue]? {
        wait {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0.at("params", "uri")?.stringValue == uri
                && (version == nil || $0.at("params", "version")?.intValue == version)
                && predicate($0.at("params", "diagnostics")?.arrayValue ?? [])
        }?.at("params", "diagnostics")?.arrayValue
    }

    func initialize() {
        _ = call("initialize", #"{"processId":null,"rootUri":null,"capabilities":{}}"#)
        notify("initialized")
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        let item = #"{"uri":"\#(uri)","languageId":"covenant","version":\#(version),"text":"#
        notify("textDocument/didOpen", #"{"textDocument":\#(item)\#(JSONValue.string(text).serialized())}}"#)
    }

    /// Shuts the server down and returns its exit code (nil when it does not exit in time).
    func shutDown() -> Int32? {
        _ = call("shutdown")
        notify("exit")
        return exitCode()
    }

    func exitCode(timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

/// `covenantc lsp`, driven over pipes as an editor drives it.
@Suite struct LSPTests {
    static let uri = "file:///tmp/covenant-lsp-test/t.covenant"

    /// Two errors with fixes, on a line where a character outside the BMP stands before the
    /// second (so UTF-16 and scalar columns differ).
    static let broken = """
        covenant "T" { controller a }
        party a "Gemeente" { kind government }
        party b "Zorg 😀" { kind caer }
        category c "Dossier" { retention 1 year }
        purpose p
        fact f : bool
        basis bs { kind public_task }
        obligation tell { kind inform }
        rule r "Titel" { permit a -> bb share c for p when f basis bs oblige tell }

        """

    static func position(_ line: Int, _ character: Int) -> String {
        #""position":{"line":\#(line),"character":\#(character)}"#
    }

    static func at(_ uri: String, _ line: Int, _ character: Int) -> String {
        #"{"textDocument":{"uri":"\#(uri)"},\#(position(line, character))}"#
    }

    static func range(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> String {
        #"{"start":{"line":\#(a),"character":\#(b)},"end":{"line":\#(c),"character":\#(d)}}"#
    }

    /// The params of `textDocument/codeAction`.
    static func actions(_ uri: String, _ range: String) -> String {
        #"{"textDocument":{"uri":"\#(uri)"},"range":\#(range),"context":{"diagnostics":[]}}"#
    }

    /// The params of a `textDocument/didChange` that sends the whole text.
    static func change(_ uri: String, version: Int, to text: String) -> String {
        #"{"textDocument":{"uri":"\#(uri)","version":\#(version)},"#
            + #""contentChanges":[{"text":\#(JSONValue.string(text).serialized())}]}"#
    }

    static func range(_ value: JSONValue?) -> [Int] {
        ["start", "end"].flatMap { end in
            ["line", "character"].map { value?.at(end, $0)?.intValue ?? -1 }
        }
    }

    static func boekel() throws -> String {
        try String(contentsOfFile: CLISupport.covenants + "/boekel.covenant", encoding: .utf8)
    }

    /// The 0-based line and the UTF-16 character where `needle` first stands in `text`, after `line` lines.
    static func find(_ needle: String, in text: String, from line: Int = 0) -> (Int, Int) {
        let lines = text.components(separatedBy: "\n")
        for n in line..<lines.count {
            if let r = lines[n].range(of: needle) { return (n, lines[n][..<r.lowerBound].utf16.count) }
        }
        return (-1, -1)
    }

    @Test func initializeAnnouncesTheCapabilities() throws {
        let client = try LSPClient()
        let result = client.call("initialize", #"{"capabilities":{}}"#)
        let capabilities = try #require(result?["capabilities"])
        #expect(capabilities.at("textDocumentSync", "change")?.intValue == 2)
        for provider in [
            "hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider",
            "documentFormattingProvider",
        ] {
            #expect(capabilities[provider]?.boolValue == true, "\(provider)")
        }
        #expect(capabilities["completionProvider"] != nil && capabilities["codeLensProvider"] != nil)
        #expect(capabilities.at("codeActionProvider", "codeActionKinds") == .array([.string("quickfix")]))
        #expect(capabilities.at("executeCommandProvider", "commands") == .array([.string("covenant.runTests")]))
        #expect(result?.at("serverInfo", "name")?.stringValue == "covenantc")
        #expect(client.shutDown() == 0)
    }

    @Test func diagnosticsOnOpenAndOnEveryChange() throws {
        let client = try LSPClient(["--lang", "en"])
        client.initialize()
        client.open(Self.uri, Self.broken)
        let first = try #require(client.diagnostics(Self.uri, version: 1))
        #expect(first.map { $0["code"]?.stringValue } == ["E114", "E201"])
        // 'caer' after an emoji: scalar column 25, UTF-16 character 25 (the emoji is two units).
        #expect(Self.range(first[0]["range"]) == [2, 25, 2, 29])
        #expect(first[0]["severity"]?.intValue == 1 && first[0]["source"]?.stringValue == "covenantc")
        #expect(first[0]["message"]?.stringValue?.hasPrefix("'caer' is not a party kind") == true)
        #expect(first[0].at("data", "fix", "newText")?.stringValue == "care")
        let bb = Self.find("bb", in: Self.broken)
        #expect(Self.range(first[1]["range"]) == [bb.0, bb.1, bb.0, bb.1 + 2])
        #expect(first[1]["message"]?.stringValue?.contains("help: did you mean 'b'?") == true)

        // An incremental change fixes the first error.
        client.notify(
            "textDocument/didChange",
            #"{"textDocument":{"uri":"\#(Self.uri)","version":2},"#
                + #""contentChanges":[{"range":\#(Self.range(2, 25, 2, 29)),"text":"care"}]}"#)
        let second = try #require(client.diagnostics(Self.uri, version: 2))
        #expect(second.map { $0["code"]?.stringValue } == ["E201"])
        // A full change fixes the second: what remains is the review's, none an error.
        let fixed = Self.broken.replacingOccurrences(of: "caer", with: "care").replacingOccurrences(
            of: "-> bb", with: "-> b")
        client.notify("textDocument/didChange", Self.change(Self.uri, version: 3, to: fixed))
        // At once the front end's (no error), then with the review's findings.
        let third = try #require(client.diagnostics(Self.uri, version: 3))
        #expect(third.isEmpty)
        let reviewed = try #require(client.diagnostics(Self.uri, version: 3))
        #expect(reviewed.map { $0["code"]?.stringValue } == ["L212", "L213"])
        #expect(reviewed.allSatisfy { $0["severity"]?.intValue == 2 })
        // Closing clears them.
        client.notify("textDocument/didClose", #"{"textDocument":{"uri":"\#(Self.uri)"}}"#)
        #expect(client.diagnostics(Self.uri) == [])
        #expect(client.shutDown() == 0)
    }

    @Test func reviewFindingsCarryTheirPrincipleAndRelatedInformation() throws {
        let client = try LSPClient(["--lang", "en", "--date", "2026-01-01"])
        client.initialize()
        // An exceptional ground without recording the decision (L204).
        let text = try Self.boekel().replacingOccurrences(
            of: "  oblige record, inform within 4 weeks", with: "  oblige inform within 4 weeks")
        client.open(Self.uri, text)
        let diagnostics = try #require(client.diagnostics(Self.uri) { !$0.isEmpty })
        let l204 = try #require(diagnostics.first { $0["code"]?.stringValue == "L204" })
        #expect(l204["severity"]?.intValue == 2)
        let message = l204["message"]?.stringValue ?? ""
        #expect(message.contains("does not oblige recording the decision") && message.contains("\nprinciple: "))
        #expect(l204.at("data", "principle")?.stringValue?.contains("seed") == true)
        let gevaar = Self.find("rule gevaar", in: text)
        #expect(Self.range(l204["range"]).prefix(2) == [gevaar.0, gevaar.1 + 5])
        // A note that points somewhere is related information.
        let twice = "file:///tmp/covenant-lsp-test/twice.covenant"
        client.open(twice, Self.broken + "party a { kind care }\n")
        let duplicate = try #require(client.diagnostics(twice)?.first { $0["code"]?.stringValue == "E202" })
        let related = try #require(duplicate["relatedInformation"]?.arrayValue?.first)
        #expect(related.at("location", "uri")?.stringValue == twice)
        #expect(Self.range(related.at("location", "range")) == [1, 6, 1, 7])
        #expect(related["message"]?.stringValue == "first declared here")
        #expect(client.shutDown() == 0)
    }

    @Test func hoverDefinitionAndReferences() throws {
        let client = try LSPClient(["--lang", "en"])
        client.initialize()
        let text = try Self.boekel()
        client.open(Self.uri, text)
        func hover(_ needle: String, from line: Int = 0, offset: Int = 1) -> String {
            let (l, c) = Self.find(needle, in: text, from: line)
            return client.call("textDocument/hover", Self.at(Self.uri, l, c + offset))?.at("contents", "value")?
                .stringValue ?? ""
        }
        let rule = Self.find("rule medisch", in: text).0
        let party = hover("ggz", from: rule)
        #expect(party.hasPrefix("**party** `ggz` — GGZ Oost-Brabant"))
        #expect(party.contains("- kind: `care`") && party.contains("- secrecy: `medical`"))
        let politie = hover("politie", from: Self.find("rule geen_politie", in: text).0 + 1)
        #expect(politie.contains("- regime: `closed \"Wet politiegegevens\" for safety, enforcement`"))
        let health = hover("health", from: rule)
        #expect(health.contains("- under: `content`") && health.contains("- nature: `what`"))
        #expect(health.contains("- special category: `health`") && health.contains("- retention: `15 years`"))
        let consent = hover("consent ==", from: rule)
        #expect(consent.contains("- type: one of `given`, `refused`, `none`, `withdrawn`"))
        #expect(consent.contains("- default: `none`"))
        let age = hover("age >=", from: rule)
        #expect(age.contains("- type: a number from 0 to 130"))
        let gevaar = hover("gevaar", from: Self.find("expect permit by gevaar", in: text).0)
        #expect(gevaar.hasPrefix("**rule** `gevaar` — Ernstig gevaar, na triage"))
        #expect(gevaar.contains("- exception to: `geen_politie`"))
        #expect(gevaar.contains("- legal basis: `vital` (Vitaal belang (Wbp art. 8 sub d))"))
        #expect(gevaar.contains("- obligations: `record` (Afweging en besluit vastleggen in het dossier); `inform`"))
        let given = hover("consent == given", offset: 12)
        #expect(given.contains("`given`: a value of the fact 'consent'"))
        let share = hover("share", from: rule)
        #expect(share.hasPrefix("English keyword `share`; in Dutch `deel`"))
        #expect(
            share.contains("*English*: the data categories") && share.contains("*Nederlands*: de gegevenscategorieën"))
        let care = hover("care", from: Self.find("party dorpsteam", in: text).0)
        #expect(care.contains("party kind `care` (English `care`, Dutch `zorg`)"))

        // Definition: from a use in a rule to the nested category's declaration.
        let use = Self.find("health", in: text, from: rule)
        let definition = client.call("textDocument/definition", Self.at(Self.uri, use.0, use.1 + 2))
        let declared = Self.find("category health", in: text)
        #expect(Self.range(definition?["range"]) == [declared.0, declared.1 + 9, declared.0, declared.1 + 15])
        #expect(definition?["uri"]?.stringValue == Self.uri)
        // A guarantee's name is its own definition; a fact's value goes to the fact's list.
        let guarantee = Self.find("guarantee geen_handhaving", in: text)
        let itself = client.call("textDocument/definition", Self.at(Self.uri, guarantee.0, guarantee.1 + 12))
        #expect(Self.range(itself?["range"]).prefix(2) == [guarantee.0, guarantee.1 + 10])
        let value = Self.find("consent == given", in: text)
        let valueDefinition = client.call("textDocument/definition", Self.at(Self.uri, value.0, value.1 + 12))
        #expect(valueDefinition?.at("range", "start", "line")?.intValue == Self.find("fact consent", in: text).0)

        // References: every use of the fact, the declaration first.
        let references = try #require(
            client.call(
                "textDocument/references",
                #"{"textDocument":{"uri":"\#(Self.uri)"},\#(Self.position(value.0, value.1 + 2)),"#
                    + #""context":{"includeDeclaration":true}}"#
            )?.arrayValue)
        let lines = references.compactMap { $0.at("range", "start", "line")?.intValue }
        #expect(lines.first == Self.find("fact consent", in: text).0)
        // The declaration, the two rules, the test and the guarantee (`kind consent` is a basis's kind).
        #expect(lines == [43, 68, 83, 94, 111])
        let without = client.call(
            "textDocument/references",
            #"{"textDocument":{"uri":"\#(Self.uri)"},\#(Self.position(value.0, value.1 + 2)),"#
                + #""context":{"includeDeclaration":false}}"#
        )?.arrayValue
        #expect(without?.count == references.count - 1)
        // Nothing under the cursor: null, not an error.
        #expect(client.call("textDocument/hover", Self.at(Self.uri, 3, 0)) == .null)
        #expect(client.shutDown() == 0)
    }

    @Test func completionOffersWhatFitsAndTheFilesKeywords() throws {
        let client = try LSPClient()
        client.initialize()
        let text = try Self.boekel()
        client.open(Self.uri, text)
        func labels(_ line: Int, _ character: Int) -> [String] {
            client.call("textDocument/completion", Self.at(Self.uri, line, character))?["items"]?.arrayValue?
                .compactMap { $0["label"]?.stringValue } ?? []
        }
        let rule = Self.find("rule medisch", in: text).0
        #expect(
            labels(rule + 1, 9) == [
                "college", "dorpsteam", "bjg", "ggz", "veilig_thuis", "politie", "wijkteam", "hulpverleners", "any",
            ])
        #expect(
            labels(rule + 2, 8) == ["personal", "identity", "involvement", "content", "health", "criminal", "finances"])
        #expect(labels(rule + 3, 6) == ["support", "case_meeting", "safety", "enforcement", "any"])
        #expect(labels(rule + 4, 7) == ["consent", "safety_risk", "triage", "age", "investigation"])
        #expect(labels(rule + 4, 18) == ["given", "refused", "none", "withdrawn"])
        #expect(labels(rule + 5, 8) == ["consented", "public_task", "vital"])
        #expect(labels(rule + 6, 9) == ["inform", "record"])
        let exception = Self.find("exception to geen_politie", in: text)
        #expect(labels(exception.0, exception.1 + 13) == ["dat_informatie", "medisch", "geen_politie", "gevaar"])
        // Between declarations: the keywords, with their meaning.
        let keywords =
            client.call("textDocument/completion", Self.at(Self.uri, rule - 1, 0))?["items"]?.arrayValue ?? []
        let permit = try #require(keywords.first { $0["label"]?.stringValue == "rule" })
        #expect(permit["kind"]?.intValue == 14 && permit["detail"]?.stringValue?.hasPrefix("declares a rule") == true)
        // A Dutch file: its keywords, described in Dutch.
        let dutchURI = "file:///tmp/covenant-lsp-test/nl.covenant"
        let dutch = try String(contentsOfFile: CLISupport.covenants + "/boekel-nl.covenant", encoding: .utf8)
        client.open(dutchURI, dutch)
        let dutchKeywords = client.call("textDocument/completion", Self.at(dutchURI, 1, 0))?["items"]?.arrayValue ?? []
        let regel = try #require(dutchKeywords.first { $0["label"]?.stringValue == "regel" })
        #expect(regel["detail"]?.stringValue?.hasPrefix("neemt een regel op") == true)
        #expect(!dutchKeywords.contains { $0["label"]?.stringValue == "rule" })
        let kind = Self.find("soort zorg", in: dutch)
        let kinds = client.call("textDocument/completion", Self.at(dutchURI, kind.0, kind.1 + 6))?["items"]?.arrayValue
        #expect(
            kinds?.compactMap { $0["label"]?.stringValue } == [
                "overheid", "zorg", "handhaving", "onderwijs", "wonen", "overig",
            ])
        #expect(client.shutDown() == 0)
    }

    @Test func formattingIsTheCanonicalPrinter() throws {
        let dir = try CLISupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("u.covenant").path
        let messy = try Self.boekel().replacingOccurrences(of: "\n  share ", with: "\n        share ")
            .replacingOccurrences(
                of: "party bjg \"Basisteam Jeugd en Gezin\" { kind care }",
                with: "party bjg \"Basisteam Jeugd en Gezin\" {\n kind care\n}")
        try messy.write(toFile: path, atomically: true, encoding: .utf8)
        let expected = CLISupport.run(["fmt", path]).out
        #expect(expected != messy && !expected.isEmpty)
        let client = try LSPClient()
        client.initialize()
        let uri = URL(fileURLWithPath: path).absoluteString
        client.open(uri, messy)
        let edits = try #require(
            client.call(
                "textDocument/formatting",
                #"{"textDocument":{"uri":"\#(uri)"},"options":{"tabSize":2,"insertSpaces":true}}"#)?
                .arrayValue)
        #expect(edits.count == 1)
        #expect(edits.first?["newText"]?.stringValue == expected)
        let lines = messy.components(separatedBy: "\n")
        #expect(Self.range(edits.first?["range"]) == [0, 0, lines.count - 1, lines.last!.utf16.count])
        // A formatted file needs no edit; one with syntax errors gets none, and a message.
        client.open(uri, expected, version: 2)
        #expect(
            client.call("textDocument/formatting", #"{"textDocument":{"uri":"\#(uri)"},"options":{}}"#) == .array([]))
        client.open(uri, "party a { kind care\n", version: 3)
        #expect(
            client.call("textDocument/formatting", #"{"textDocument":{"uri":"\#(uri)"},"options":{}}"#) == .array([]))
        let message = client.wait { $0["method"]?.stringValue == "window/showMessage" }
        #expect(
            message?.at("params", "message")?.stringValue?.contains("not formatted: fix the syntax errors first")
                == true)
        #expect(client.shutDown() == 0)
    }

    @Test func codeActionsApplyTheFixIts() throws {
        let client = try LSPClient(["--lang", "en"])
        client.initialize()
        client.open(Self.uri, Self.broken)
        _ = client.diagnostics(Self.uri)
        let bb = Self.find("bb", in: Self.broken)
        let actions = try #require(
            client.call(
                "textDocument/codeAction",
                Self.actions(Self.uri, Self.range(bb.0, bb.1, bb.0, bb.1))
            )?.arrayValue)
        #expect(actions.count == 1)
        let action = try #require(actions.first)
        #expect(action["title"]?.stringValue == "Replace with 'b'" && action["kind"]?.stringValue == "quickfix")
        #expect(action.at("diagnostics")?.arrayValue?.first?["code"]?.stringValue == "E201")
        let edit = try #require(action.at("edit", "changes", Self.uri)?.arrayValue?.first)
        #expect(edit["newText"]?.stringValue == "b" && Self.range(edit["range"]) == [bb.0, bb.1, bb.0, bb.1 + 2])
        // The whole file: both fixes; a range without a diagnostic: none.
        let all = client.call(
            "textDocument/codeAction",
            Self.actions(Self.uri, Self.range(0, 0, 9, 0))
        )?.arrayValue
        #expect(all?.compactMap { $0["title"]?.stringValue } == ["Replace with 'care'", "Replace with 'b'"])
        let none = client.call(
            "textDocument/codeAction",
            Self.actions(Self.uri, Self.range(4, 0, 4, 3))
        )
        #expect(none == .array([]))
        #expect(client.shutDown() == 0)
    }

    /// A text edit of the protocol applied to a text (positions in UTF-16).
    static func apply(_ edit: JSONValue, to text: String) -> String {
        func index(_ position: JSONValue?) -> String.Index {
            let line = position?["line"]?.intValue ?? 0, character = position?["character"]?.intValue ?? 0
            var start = text.startIndex
            for _ in 0..<line {
                start = text[start...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            }
            return String.Index(utf16Offset: text[..<start].utf16.count + character, in: text)
        }
        let range = index(edit.at("range", "start"))..<index(edit.at("range", "end"))
        return text.replacingCharacters(in: range, with: edit["newText"]?.stringValue ?? "")
    }

    /// The review's findings that have a fix: an overridden permit (A102) becomes an exception;
    /// an exceptional ground without recording (L204) obliges the covenant's record obligation.
    @Test func reviewFindingsOfferTheirFixes() throws {
        let client = try LSPClient(["--lang", "en", "--date", "2026-01-01"])
        client.initialize()
        let cases: [(code: String, title: String, text: String)] = [
            (
                "A102", "Insert 'exception to geen_politie'",
                try Self.boekel().replacingOccurrences(of: " exception to geen_politie {", with: " {")
            ),
            (
                "L204", "Insert ', record'",
                try Self.boekel().replacingOccurrences(of: "oblige record, inform within", with: "oblige inform within")
            ),
            (
                "L204", "Insert 'oblige record'",
                try Self.boekel().replacingOccurrences(
                    of: "  oblige record, inform within 4 weeks unless investigation\n", with: "")
            ),
        ]
        for (n, c) in cases.enumerated() {
            let uri = "file:///tmp/covenant-lsp-test/fix\(n).covenant"
            client.open(uri, c.text)
            let found = try #require(
                client.diagnostics(uri) { $0.contains { $0["code"]?.stringValue == c.code } }?.first {
                    $0["code"]?.stringValue == c.code
                })
            let start = found.at("range", "start")
            let line = start?["line"]?.intValue ?? 0, character = start?["character"]?.intValue ?? 0
            let actions =
                client.call(
                    "textDocument/codeAction",
                    Self.actions(uri, Self.range(line, character, line, character))
                )?.arrayValue ?? []
            let action = try #require(
                actions.first { $0.at("diagnostics")?.arrayValue?.first?["code"]?.stringValue == c.code })
            #expect(action["title"]?.stringValue == c.title)
            let edit = try #require(action.at("edit", "changes", uri)?.arrayValue?.first)
            let fixed = Self.apply(edit, to: c.text)
            client.open(uri, fixed, version: 2)
            let after = try #require(client.diagnostics(uri, version: 2) { !$0.isEmpty })
            #expect(!after.contains { $0["code"]?.stringValue == c.code }, "\(c.code): \(fixed)")
            // (Without its duty to inform, the third breaks a guarantee, G101: the fix cannot help that.)
            #expect(
                !after.contains { $0["severity"]?.intValue == 1 && $0["code"]?.stringValue != "G101" },
                "\(c.code): \(after.map { $0["message"] })")
        }
        #expect(client.shutDown() == 0)
    }

    @Test func outlineAndTheTestsCodeLens() throws {
        let client = try LSPClient(["--lang", "en"])
        _ = client.call("initialize", #"{"capabilities":{"workspace":{"codeLens":{"refreshSupport":true}}}}"#)
        let text = try Self.boekel()
        client.open(Self.uri, text)
        let symbols = try #require(
            client.call("textDocument/documentSymbol", #"{"textDocument":{"uri":"\#(Self.uri)"}}"#)?.arrayValue)
        let names = symbols.compactMap { $0["name"]?.stringValue }
        #expect(names.first == "Privacyconvenant Sociaal Domein Boekel")
        #expect(names.contains("ggz") && names.contains("medisch") && names.contains("Ernstig gevaar na triage"))
        #expect(names.contains("vastleggen"), "guarantees are in the outline")
        let personal = try #require(symbols.first { $0["name"]?.stringValue == "personal" })
        let content = try #require(personal["children"]?.arrayValue?.first { $0["name"]?.stringValue == "content" })
        #expect(
            content["children"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == [
                "health", "criminal", "finances",
            ])
        #expect(personal["kind"]?.intValue == 23 && personal["detail"]?.stringValue == "Persoonsgegevens")

        let lenses = try #require(
            client.call("textDocument/codeLens", #"{"textDocument":{"uri":"\#(Self.uri)"}}"#)?.arrayValue)
        #expect(lenses.count == 3)
        #expect(lenses.allSatisfy { $0.at("command", "title")?.stringValue == "▶ Run the tests" })
        #expect(lenses.first?.at("command", "command")?.stringValue == "covenant.runTests")
        let arguments = try #require(lenses.first?.at("command", "arguments"))
        let result = client.call(
            "workspace/executeCommand", #"{"command":"covenant.runTests","arguments":\#(arguments.serialized())}"#)
        #expect(result?["passed"]?.intValue == 3 && result?["failed"]?.intValue == 0)
        let message = client.wait { $0["method"]?.stringValue == "window/showMessage" }
        #expect(
            message?.at("params", "message")?.stringValue == "/tmp/covenant-lsp-test/t.covenant: 3 passed, 0 failed")
        #expect(client.wait { $0["method"]?.stringValue == "workspace/codeLens/refresh" } != nil)
        let after = client.call("textDocument/codeLens", #"{"textDocument":{"uri":"\#(Self.uri)"}}"#)?.arrayValue
        #expect(after?.first?.at("command", "title")?.stringValue == "✓ passed: deny")

        // A failing test says so, with what it expected and got.
        let failing = text.replacingOccurrences(of: "expect permit by medisch oblige record", with: "expect deny")
        client.notify("textDocument/didChange", Self.change(Self.uri, version: 2, to: failing))
        let failed = client.call(
            "workspace/executeCommand", #"{"command":"covenant.runTests","arguments":["\#(Self.uri)"]}"#)
        #expect(failed?["passed"]?.intValue == 2 && failed?["failed"]?.intValue == 1)
        let titles = client.call("textDocument/codeLens", #"{"textDocument":{"uri":"\#(Self.uri)"}}"#)?.arrayValue?
            .compactMap { $0.at("command", "title")?.stringValue }
        #expect(titles?[1] == "✗ failed: expected deny; got permit by medisch oblige record")
        #expect(client.shutDown() == 0)
    }

    @Test func aLiterateCovenantIsCheckedAtTheLinesOfItsMarkdown() throws {
        let plain = try Self.boekel().replacingOccurrences(
            of: "permit ggz -> wijkteam", with: "permit ggzz -> wijkteam")
        let literate = LiterateCommandTests.literate(fromPlain: plain)
        let uri = "file:///tmp/covenant-lsp-test/b.covenant.md"
        let client = try LSPClient(["--lang", "en"])
        client.initialize()
        client.open(uri, literate)
        let diagnostics = try #require(client.diagnostics(uri))
        let e201 = try #require(diagnostics.first { $0["code"]?.stringValue == "E201" })
        let ggzz = Self.find("ggzz", in: literate)
        #expect(Self.range(e201["range"]) == [ggzz.0, ggzz.1, ggzz.0, ggzz.1 + 4])
        // Hover and definition inside a block; nothing in the prose.
        let use = Self.find("share health", in: literate)
        let hover = client.call("textDocument/hover", Self.at(uri, use.0, use.1 + 8))?.at("contents", "value")?
            .stringValue
        #expect(hover?.hasPrefix("**category** `health`") == true)
        let prose = Self.find("The legal text.", in: literate)
        #expect(client.call("textDocument/hover", Self.at(uri, prose.0, 4)) == .null)
        #expect(client.call("textDocument/completion", Self.at(uri, prose.0, 4))?["items"] == .array([]))
        // Formatting changes the blocks only, as `fmt` does.
        let fixed = literate.replacingOccurrences(of: "ggzz", with: "ggz").replacingOccurrences(
            of: "\n  share ", with: "\n     share ")
        client.open(uri, fixed, version: 2)
        let edit = client.call("textDocument/formatting", #"{"textDocument":{"uri":"\#(uri)"},"options":{}}"#)?
            .arrayValue?.first
        let new = try #require(edit?["newText"]?.stringValue)
        #expect(new == literate.replacingOccurrences(of: "ggzz", with: "ggz"))
        // An unclosed block is the one error, as `check` says.
        client.open(uri, "# Title\n\n```covenant\ncovenant \"x\" { controller a }\n", version: 3)
        #expect(client.diagnostics(uri, version: 3)?.map { $0["code"]?.stringValue } == ["E110"])
        #expect(client.shutDown() == 0)
    }

    @Test func aDutchCovenantIsAnsweredInDutch() throws {
        let client = try LSPClient()
        client.initialize()
        let dutch = try String(contentsOfFile: CLISupport.covenants + "/boekel-nl.covenant", encoding: .utf8)
            .replacingOccurrences(of: "toestaan ggz -> wijkteam", with: "toestaan ggzz -> wijkteam")
        client.open(Self.uri, dutch)
        let diagnostics = try #require(client.diagnostics(Self.uri))
        let e201 = try #require(diagnostics.first { $0["code"]?.stringValue == "E201" })
        #expect(e201["message"]?.stringValue?.contains("tip: bedoelt u 'ggz'?") == true)
        let ggz = Self.find("ggz ", in: dutch, from: Self.find("partij ggz", in: dutch).0)
        let hover = client.call("textDocument/hover", Self.at(Self.uri, ggz.0, ggz.1 + 1))?.at("contents", "value")?
            .stringValue
        #expect(hover?.hasPrefix("**partij** `ggz` — GGZ Oost-Brabant") == true)
        #expect(hover?.contains("- soort: `zorg`") == true && hover?.contains("- geheimhouding: `medisch`") == true)
        let deel = Self.find("deel ", in: dutch)
        let keyword = client.call("textDocument/hover", Self.at(Self.uri, deel.0, deel.1 + 1))?.at("contents", "value")?
            .stringValue
        #expect(keyword?.hasPrefix("Nederlands sleutelwoord `deel`; in het Engels `share`") == true)
        #expect(client.shutDown() == 0)
    }

    /// Malformed frames and messages get JSON-RPC errors; the server answers on.
    @Test func malformedMessagesGetErrorsAndTheServerKeepsAnswering() throws {
        let client = try LSPClient(["--lang", "en"])
        // Before initialize: -32002.
        let early = client.response(client.request("textDocument/hover", Self.at(Self.uri, 0, 0)))
        #expect(early?.at("error", "code")?.intValue == -32002)
        client.initialize()
        client.open(Self.uri, try Self.boekel())
        func nextError(timeout: TimeInterval = 60) -> JSONValue? {
            client.wait(timeout: timeout) { $0["error"] != nil && $0["id"] == .null }
        }
        // A header without Content-Length.
        client.raw("Content-Type: application/json\r\n\r\n")
        #expect(nextError()?.at("error", "code")?.intValue == -32700)
        // A length that is no number.
        client.raw("Content-Length: twelve\r\n\r\n")
        #expect(nextError()?.at("error", "message")?.stringValue?.contains("not 'twelve'") == true)
        // A body that is not JSON.
        client.raw("Content-Length: 9\r\n\r\n{\"a\": tru")
        let notJSON = nextError()
        #expect(notJSON?.at("error", "code")?.intValue == -32700)
        #expect(notJSON?.at("error", "message")?.stringValue?.hasPrefix("the message is not JSON") == true)
        // JSON that is no request: an array, a wrong version, a method that is no string.
        client.raw("Content-Length: 2\r\n\r\n[]")
        #expect(nextError()?.at("error", "code")?.intValue == -32600)
        client.send(.object([("jsonrpc", .string("1.0")), ("id", .integer(99)), ("method", .string("shutdown"))]))
        #expect(client.response(99)?.at("error", "code")?.intValue == -32600)
        client.send(.object([("jsonrpc", .string("2.0")), ("id", .integer(98)), ("method", .integer(3))]))
        #expect(client.response(98)?.at("error", "code")?.intValue == -32600)
        // A length longer than the body swallows the start of the next frame ("{}Content-"): the
        // reader reports that body, the rest of that header and the bytes before the next one,
        // and finds its feet at the next Content-Length.
        client.raw("Content-Length: 10\r\n\r\n{}")
        client.raw("Content-Length: 2\r\n\r\n{}")
        let probe = client.request("textDocument/documentSymbol", #"{"textDocument":{"uri":"\#(Self.uri)"}}"#)
        #expect(client.response(probe)?["result"]?.arrayValue?.isEmpty == false)
        var errors: [Int] = []
        while let error = nextError(timeout: 0) { errors.append(error.at("error", "code")?.intValue ?? 0) }
        #expect(errors == [-32700, -32700, -32700])
        // An unknown method: -32601; an unknown notification: nothing.
        let unknown = client.response(client.request("textDocument/noSuchThing", "{}"))
        #expect(unknown?.at("error", "code")?.intValue == -32601)
        #expect(unknown?.at("error", "message")?.stringValue == "unknown method 'textDocument/noSuchThing'")
        client.notify("$/noSuchNotification")
        client.notify("workspace/didChangeConfiguration", #"{"settings":{}}"#)
        // Parameters that are missing: -32602.
        let noParams = client.response(client.request("textDocument/hover", "{}"))
        #expect(noParams?.at("error", "code")?.intValue == -32602)
        // A second initialize is refused.
        #expect(client.response(client.request("initialize", "{}"))?.at("error", "code")?.intValue == -32600)
        // Garbage with no header at all, longer than a header may be.
        client.raw(String(repeating: "x", count: 10_000))
        client.raw("\r\n\r\n")
        #expect(nextError() != nil)
        // And the server still answers.
        let text = try Self.boekel()
        let ggz = Self.find("ggz", in: text, from: Self.find("rule medisch", in: text).0)
        let hover = client.call("textDocument/hover", Self.at(Self.uri, ggz.0, ggz.1))
        #expect(hover?.at("contents", "value")?.stringValue?.hasPrefix("**party** `ggz`") == true)
        // After shutdown only exit: requests get -32600.
        #expect(client.call("shutdown") == .null)
        #expect(
            client.response(client.request("textDocument/hover", Self.at(Self.uri, 0, 0)))?.at("error", "code")?
                .intValue == -32600)
        client.notify("exit")
        #expect(client.exitCode() == 0)
    }

    @Test func exitWithoutShutdownAndTheEndOfInputExitOne() throws {
        let client = try LSPClient()
        client.initialize()
        client.notify("exit")
        #expect(client.exitCode() == 1)
        let closed = try LSPClient()
        closed.initialize()
        try closed.closeInput()
        #expect(closed.exitCode() == 1)
    }

    // MARK: In process

    @Test func framesSplitAnywhereAreReadWhole() throws {
        let messages = (1...5).map { JSONRPC.encode(.object([("id", .integer($0)), ("text", .string("é😀\n"))])) }
        let all = messages.flatMap { $0 }
        for chunk in [1, 3, 7, 64, all.count] {
            var reader = JSONRPC.FrameReader()
            var bodies: [[UInt8]] = []
            var i = 0
            while i < all.count {
                reader.append(all[i..<min(i + chunk, all.count)])
                i += chunk
                while let frame = reader.next() {
                    if case .body(let b) = frame { bodies.append(b) }
                }
            }
            #expect(bodies.count == 5, "chunk \(chunk)")
            #expect(bodies.last.map { String(decoding: $0, as: UTF8.self) } == #"{"id":5,"text":"é😀\n"}"#)
        }
    }

    @Test func positionsConvertBetweenUTF16AndScalarColumns() {
        let text = DocumentText("ab😀cd\né\n")
        // Column 4 (scalars: a, b, 😀, c) is UTF-16 character 4; column 5 is 5 after the pair.
        #expect(text.position(line: 1, column: 4) == (0, 4))
        #expect(text.position(line: 1, column: 5) == (0, 5))
        #expect(text.location(line: 0, character: 4) == (1, 4, 6))
        // Inside the surrogate pair: the scalar it belongs to.
        #expect(text.location(line: 0, character: 3) == (1, 3, 2))
        #expect(text.location(line: 1, character: 1) == (2, 2, 11))
        // Past the end of a line or of the text: that end.
        #expect(text.location(line: 1, character: 99) == (2, 2, 11))
        #expect(text.location(line: 9, character: 0) == (3, 1, 12))
        #expect(text.position(line: 99, column: 99) == (2, 0))
        var edited = text
        edited.replace(from: (0, 2), to: (0, 4), with: "X")
        #expect(String(decoding: edited.bytes, as: UTF8.self) == "abXcd\né\n")
    }

    /// The LSP sources stand in a folder of their own, which `CommandWordsTests` does not read.
    @Test func everyKeyTheServerUsesIsInTheCatalogue() throws {
        let folder = CLISupport.root.appendingPathComponent("Sources/covenantc/LSP")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        let source = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
        let regex = try NSRegularExpression(pattern: #""((?:lsp|fmt|test|render)\.[A-Za-z0-9_.]+)""#)
        let keys = regex.matches(in: source, range: NSRange(source.startIndex..., in: source)).compactMap {
            Range($0.range(at: 1), in: source).map { String(source[$0]) }
        }
        #expect(keys.count > 40)
        for key in Set(keys) where !key.hasSuffix(".") && !key.hasPrefix("render.") {
            #expect(CommandWords.entries[key] != nil, "\(key)")
        }
        for keyword in Keyword.allCases {
            #expect(CommandWords.entries["lsp.keyword.\(keyword.rawValue)"] != nil, "\(keyword)")
        }
    }
}
