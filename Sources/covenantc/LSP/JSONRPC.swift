import CovenantEval

/// JSON-RPC 2.0 as the Language Server Protocol frames it: each message is a header block
/// (`Content-Length: N`, optionally `Content-Type`, each line ended by CRLF, then an empty line)
/// and N bytes of UTF-8 JSON. The reader never trusts its input: a header without a usable
/// length, a body that is not JSON or a message that is no request is reported as a frame of
/// its own, to be answered with a JSON-RPC error, and reading goes on with what follows.
enum JSONRPC {
    // The error codes of JSON-RPC 2.0 and of the protocol.
    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002

    /// The largest body read: a covenant may have up to 8 MB (`Limits.maxFileBytes`), and JSON
    /// escaping can double it.
    static let maxBody = 64 * 1024 * 1024
    /// A header block longer than this without its empty line is not a header.
    static let maxHeader = 8 * 1024

    /// What the reader found next in the input.
    enum Frame: Sendable, Equatable {
        /// A body as announced by its header.
        case body([UInt8])
        /// Bytes that are no header (`reason`, a catalogue key); the reader has skipped them.
        case malformedHeader(reason: String, argument: String)
    }

    /// Splits the byte stream into frames; feed it with `append`, then take frames with `next`.
    struct FrameReader: Sendable {
        private var buffer: [UInt8] = []
        private var start = 0
        /// The length of the body being waited for, once its header has been read.
        private var pendingBody: Int?

        mutating func append(_ bytes: some Sequence<UInt8>) {
            if start > 0, start >= buffer.count / 2 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            buffer.append(contentsOf: bytes)
        }

        mutating func next() -> Frame? {
            while true {
                if let length = pendingBody {
                    guard buffer.count - start >= length else { return nil }
                    let body = Array(buffer[start..<start + length])
                    start += length
                    pendingBody = nil
                    return .body(body)
                }
                guard let end = headerEnd() else {
                    // Garbage without an empty line: drop it (keeping the bytes that may begin one).
                    if buffer.count - start > JSONRPC.maxHeader {
                        start = buffer.count - 3
                        return .malformedHeader(reason: "lsp.error.header", argument: "")
                    }
                    return nil
                }
                let header = Array(buffer[start..<end])
                start = end + 4
                if let malformed = readHeader(header) { return malformed }
            }
        }

        /// The offset of the CRLF CRLF that ends the header block at `start`.
        private func headerEnd() -> Int? {
            var i = start
            while i + 3 < buffer.count {
                if buffer[i] == 0x0D, buffer[i + 1] == 0x0A, buffer[i + 2] == 0x0D, buffer[i + 3] == 0x0A { return i }
                i += 1
            }
            return nil
        }

        /// Reads `Content-Length` from a header block. Bytes before it that are no header (the
        /// rest of a body whose length was announced wrong) make the frame malformed, but the
        /// length after them is still used, so the reader finds its feet at the next message.
        private mutating func readHeader(_ header: [UInt8]) -> Frame? {
            let text = String(decoding: header, as: UTF8.self)
            var length: Int?
            var badValue: String?
            var garbage = false
            for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
                let lower = line.lowercased()
                if let found = lower.range(of: "content-length:") {
                    if found.lowerBound != lower.startIndex { garbage = true }
                    let value = Self.trimmed(lower[found.upperBound...])
                    if !value.isEmpty, value.count <= 12, value.allSatisfy({ $0.isASCII && $0.isNumber }),
                        let n = Int(value)
                    {
                        length = n
                        badValue = nil
                    } else {
                        badValue = String(value.prefix(40))
                    }
                } else if !Self.isHeaderLine(line) {
                    garbage = true
                }
            }
            guard let length else {
                if let badValue { return .malformedHeader(reason: "lsp.error.length", argument: badValue) }
                return .malformedHeader(reason: "lsp.error.header", argument: "")
            }
            guard length <= JSONRPC.maxBody else {
                return .malformedHeader(reason: "lsp.error.tooLarge", argument: String(length))
            }
            pendingBody = length
            return garbage ? .malformedHeader(reason: "lsp.error.header", argument: "") : nil
        }

        static func trimmed(_ text: Substring) -> String {
            String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }

        /// `Name: value` with a name of letters, digits and dashes.
        static func isHeaderLine(_ line: Substring) -> Bool {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return false }
            return line[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// One message framed for the output.
    static func encode(_ message: JSONValue) -> [UInt8] {
        let body = Array(message.serialized().utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// What a parsed JSON body is.
    enum Incoming: Sendable, Equatable {
        case request(id: JSONValue, method: String, params: JSONValue?)
        case notification(method: String, params: JSONValue?)
        /// The client's answer to a request of the server's.
        case response(id: JSONValue)
        /// Not a JSON-RPC 2.0 message; `id` is the request's when it could be read, else null.
        case invalid(id: JSONValue, reason: String)
    }

    static func classify(_ value: JSONValue) -> Incoming {
        guard case .object = value else { return .invalid(id: .null, reason: "lsp.invalid.notObject") }
        let id = value["id"]
        let validID: JSONValue? =
            switch id {
            case .integer?, .string?: id
            case .number(let d)? where d == d.rounded(): id
            default: nil
            }
        guard value["jsonrpc"]?.stringValue == "2.0" else {
            return .invalid(id: validID ?? .null, reason: "lsp.invalid.version")
        }
        let params = value["params"]
        if let params, !params.isNull, params.arrayValue == nil, !params.isObject {
            return .invalid(id: validID ?? .null, reason: "lsp.invalid.params")
        }
        guard let method = value["method"] else {
            if let validID, value["result"] != nil || value["error"] != nil { return .response(id: validID) }
            return .invalid(id: validID ?? .null, reason: "lsp.invalid.method")
        }
        guard let name = method.stringValue else { return .invalid(id: validID ?? .null, reason: "lsp.invalid.method") }
        guard let id, !id.isNull else { return .notification(method: name, params: params) }
        guard let validID else { return .invalid(id: .null, reason: "lsp.invalid.id") }
        return .request(id: validID, method: name, params: params)
    }

    static func response(_ id: JSONValue, _ result: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
    }

    static func error(_ id: JSONValue, _ code: Int, _ message: String) -> JSONValue {
        .object([
            ("jsonrpc", .string("2.0")), ("id", id),
            ("error", .object([("code", .integer(code)), ("message", .string(message))])),
        ])
    }

    static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }

    static func request(_ id: Int, _ method: String, _ params: JSONValue?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("jsonrpc", .string("2.0")), ("id", .integer(id)), ("method", .string(method)),
        ]
        if let params { pairs.append(("params", params)) }
        return .object(pairs)
    }
}

extension JSONValue {
    var isObject: Bool { if case .object = self { true } else { false } }

    /// The value at a path of object keys.
    func at(_ path: String...) -> JSONValue? {
        var value: JSONValue? = self
        for key in path { value = value?[key] }
        return value
    }

    /// An integer, also when written as a whole floating-point number.
    var wholeNumber: Int? {
        switch self {
        case .integer(let n): n
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: Int(d)
        default: nil
        }
    }
}
