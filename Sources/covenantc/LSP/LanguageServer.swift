import CovenantEval
import CovenantLang

/// The language server's state and its dispatch, without input or output: it takes frames and
/// returns the messages to send (`LSPCommand` does the reading and writing). Requests before
/// `initialize` are refused with -32002, requests after `shutdown` with -32600, unknown
/// requests with -32601; unknown notifications are ignored. Diagnostics are not made while
/// messages wait: a change only marks its document, and `flush` publishes for the documents
/// marked, once the input is quiet, so a burst of keystrokes costs one check.
struct LanguageServer: Sendable {
    enum State: Sendable { case waiting, running, shuttingDown }

    private(set) var state = State.waiting
    /// `--lang` and COVENANT_LANG (or, without it, the client's locale).
    private(set) var preference: LanguagePreference
    var today: Today
    private(set) var documents: [String: OpenDocument] = [:]
    /// Documents whose diagnostics are to be published, in the order they changed.
    private(set) var stale: [String] = []
    /// Set by `exit`: 0 after `shutdown`, else 1.
    private(set) var exitCode: Int32?
    /// Messages to send besides the answer (notifications, requests of the server's).
    private var outbox: [JSONValue] = []
    private var nextRequest = 1
    /// Whether the client re-asks for code lenses when told (`workspace/codeLens/refresh`).
    private var refreshesLenses = false

    /// The command the code lenses run.
    static let runTests = "covenant.runTests"

    init(preference: LanguagePreference, today: Today) {
        self.preference = preference
        self.today = today
    }

    /// The language of the server's own words: `--lang`, else COVENANT_LANG, else English.
    var language: Language { preference.language(covenant: nil) }

    func text(_ key: String, _ args: String...) -> String { CommandWords.text(key, language, arguments: args) }

    /// Whether `flush` has diagnostics to publish.
    var hasStaleDocuments: Bool { !stale.isEmpty }

    // MARK: Messages in

    mutating func receive(_ frame: JSONRPC.Frame) -> [JSONValue] {
        switch frame {
        case .malformedHeader(let reason, let argument):
            let message =
                reason == "lsp.error.tooLarge"
                ? text(reason, argument, String(JSONRPC.maxBody)) : text(reason, argument)
            return [JSONRPC.error(.null, JSONRPC.parseError, message)]
        case .body(let bytes):
            let value: JSONValue
            do {
                value = try JSONParser.parse(bytes)
            } catch {
                return [
                    JSONRPC.error(.null, JSONRPC.parseError, text("lsp.error.parse", error.description(in: language)))
                ]
            }
            return handle(value)
        }
    }

    mutating func handle(_ message: JSONValue) -> [JSONValue] {
        var out: [JSONValue]
        switch JSONRPC.classify(message) {
        case .invalid(let id, let reason): out = [JSONRPC.error(id, JSONRPC.invalidRequest, text(reason))]
        case .response: out = []
        case .notification(let method, let params):
            notify(method, params)
            out = []
        case .request(let id, let method, let params): out = [request(id, method, params)]
        }
        out += outbox
        outbox = []
        return out
    }

    /// An error a request is answered with.
    struct RequestError: Error {
        var code: Int
        var message: String
    }

    private mutating func request(_ id: JSONValue, _ method: String, _ params: JSONValue?) -> JSONValue {
        switch state {
        case .waiting where method != "initialize":
            return JSONRPC.error(id, JSONRPC.serverNotInitialized, text("lsp.error.notInitialized"))
        case .shuttingDown:
            return JSONRPC.error(id, JSONRPC.invalidRequest, text("lsp.error.shutDown"))
        case .running where method == "initialize":
            return JSONRPC.error(id, JSONRPC.invalidRequest, text("lsp.error.initializedTwice"))
        default: break
        }
        do throws(RequestError) {
            let result: JSONValue
            switch method {
            case "initialize": result = initialize(params)
            case "shutdown":
                state = .shuttingDown
                result = .null
            case "textDocument/hover": result = try hover(params)
            case "textDocument/definition": result = try definition(params)
            case "textDocument/references": result = try references(params)
            case "textDocument/documentSymbol": result = try documentSymbols(params)
            case "textDocument/completion": result = try completion(params)
            case "textDocument/formatting": result = try formatting(params)
            case "textDocument/codeAction": result = try codeActions(params)
            case "textDocument/codeLens": result = try codeLenses(params)
            case "workspace/executeCommand": result = try executeCommand(params)
            default:
                return JSONRPC.error(id, JSONRPC.methodNotFound, text("lsp.error.methodNotFound", method))
            }
            return JSONRPC.response(id, result)
        } catch {
            return JSONRPC.error(id, error.code, error.message)
        }
    }

    private mutating func notify(_ method: String, _ params: JSONValue?) {
        if method == "exit" {
            exitCode = state == .shuttingDown ? 0 : 1
            return
        }
        guard state == .running else { return }
        switch method {
        case "textDocument/didOpen":
            guard let item = params?["textDocument"], let uri = item["uri"]?.stringValue,
                let content = item["text"]?.stringValue
            else { return }
            documents[uri] = OpenDocument(uri: uri, version: item["version"]?.wholeNumber ?? 0, text: content)
            markStale(uri)
        case "textDocument/didChange":
            guard let uri = params?.at("textDocument", "uri")?.stringValue, documents[uri] != nil,
                let changes = params?["contentChanges"]?.arrayValue
            else { return }
            let version = params?.at("textDocument", "version")?.wholeNumber ?? documents[uri]!.version + 1
            documents[uri]!.change(
                { text in
                    for change in changes {
                        guard let content = change["text"]?.stringValue else { continue }
                        if let range = change["range"], let start = DocumentText.read(range["start"]),
                            let end = DocumentText.read(range["end"])
                        {
                            text.replace(from: start, to: end, with: content)
                        } else {
                            text = DocumentText(content)
                        }
                    }
                }, version: version)
            markStale(uri)
        case "textDocument/didClose":
            guard let uri = params?.at("textDocument", "uri")?.stringValue, documents[uri] != nil else { return }
            documents[uri] = nil
            stale.removeAll { $0 == uri }
            // The problems of a closed file are no longer shown.
            outbox.append(
                JSONRPC.notification(
                    "textDocument/publishDiagnostics",
                    .object([("uri", .string(uri)), ("diagnostics", .array([]))])))
        default: break
        }
    }

    private mutating func markStale(_ uri: String) {
        if !stale.contains(uri) { stale.append(uri) }
    }

    // MARK: Lifecycle

    private mutating func initialize(_ params: JSONValue?) -> JSONValue {
        state = .running
        // The editor's language stands in for COVENANT_LANG when that is not set.
        if preference.environment == nil, let locale = params?["locale"]?.stringValue,
            let language = Language(rawValue: String(locale.lowercased().prefix(2)))
        {
            preference.environment = language
        }
        refreshesLenses = params?.at("capabilities", "workspace", "codeLens", "refreshSupport")?.boolValue ?? false
        let capabilities: JSONValue = .object([
            ("positionEncoding", .string("utf-16")),
            (
                "textDocumentSync",
                .object([("openClose", .bool(true)), ("change", .integer(2)), ("save", .bool(false))])
            ),
            ("hoverProvider", .bool(true)),
            ("definitionProvider", .bool(true)),
            ("referencesProvider", .bool(true)),
            ("documentSymbolProvider", .bool(true)),
            (
                "completionProvider",
                .object([("triggerCharacters", .array([">", "=", ",", "{"].map { .string($0) }))])
            ),
            ("documentFormattingProvider", .bool(true)),
            ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
            ("codeLensProvider", .object([("resolveProvider", .bool(false))])),
            ("executeCommandProvider", .object([("commands", .array([.string(Self.runTests)]))])),
        ])
        return .object([
            ("capabilities", capabilities),
            ("serverInfo", .object([("name", .string("covenantc")), ("version", .string(CLI.version))])),
        ])
    }

    // MARK: Diagnostics

    /// Checks every document changed since the last flush: returns the diagnostics to publish
    /// now and the reviews to run. The front end's diagnostics are published at once when the
    /// covenant has errors (no review follows), when the last ones published had an error (so
    /// a fix shows at once) and when nothing was published yet; a covenant that was and stays
    /// without errors keeps its diagnostics until its review is done, so they do not flicker.
    mutating func flush() -> (publish: [JSONValue], reviews: [ReviewJob]) {
        var out: [JSONValue] = []
        var reviews: [ReviewJob] = []
        let date = today.date()
        for uri in stale where documents[uri] != nil {
            let job = documents[uri]!.reviewJob(preference, today: date)
            if let job { reviews.append(job) }
            if job == nil || documents[uri]!.publishedErrors != false {
                out.append(DiagnosticsFeature.publish(&documents[uri]!))
            }
        }
        stale = []
        return (out, reviews)
    }

    /// Takes a review's findings; publishes them when they are of the document's current text.
    mutating func reviewed(_ result: ReviewJob.Result) -> [JSONValue] {
        guard documents[result.uri]?.reviewed(result) == true else { return [] }
        return [DiagnosticsFeature.publish(&documents[result.uri]!)]
    }

    // MARK: Helpers for the features

    /// The open document a request names (`textDocument.uri`); nil when it is not open.
    func uri(_ params: JSONValue?, _ method: String) throws(RequestError) -> String {
        guard let uri = params?.at("textDocument", "uri")?.stringValue else {
            throw RequestError(
                code: JSONRPC.invalidParams, message: text("lsp.error.params", method, "textDocument.uri"))
        }
        return uri
    }

    /// The position a request names.
    func position(_ params: JSONValue?, _ method: String) throws(RequestError) -> (line: Int, character: Int) {
        guard let position = DocumentText.read(params?["position"]) else {
            throw RequestError(code: JSONRPC.invalidParams, message: text("lsp.error.params", method, "position"))
        }
        return position
    }

    /// Runs `body` on the open document, in place; nil when the document is not open.
    mutating func withDocument<T>(_ uri: String, _ body: (inout OpenDocument, LanguagePreference) -> T) -> T? {
        guard documents[uri] != nil else { return nil }
        return body(&documents[uri]!, preference)
    }

    /// Queues a notification or a request of the server's for the client.
    mutating func send(notification method: String, _ params: JSONValue) {
        outbox.append(JSONRPC.notification(method, params))
    }

    /// Asks the client to ask again for code lenses, when it can.
    mutating func refreshCodeLenses() {
        guard refreshesLenses else { return }
        outbox.append(JSONRPC.request(nextRequest, "workspace/codeLens/refresh", nil))
        nextRequest += 1
    }
}

extension LanguageServer {
    /// A protocol location: a range in a document.
    static func location(_ uri: String, _ range: JSONValue) -> JSONValue {
        .object([("uri", .string(uri)), ("range", range)])
    }
}
