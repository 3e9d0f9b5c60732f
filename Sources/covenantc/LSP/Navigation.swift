import CovenantEval
import CovenantLang

/// Go to definition, find references and the outline, from the names in the syntax tree
/// (`SymbolIndex`), so they work while the covenant still has errors.
extension LanguageServer {
    /// The name under the cursor: its key, with the index and the document's text.
    mutating func name(at params: JSONValue?, _ method: String) throws(RequestError) -> (
        key: String, index: SymbolIndex, text: DocumentText, uri: String
    )? {
        let uri = try uri(params, method)
        let position = try position(params, method)
        return withDocument(uri) { document, preference in
            guard let index = document.index(preference) else { return nil }
            let at = document.text.location(line: position.line, character: position.character)
            guard let found = index.occurrence(line: at.line, column: at.column) else { return nil }
            return (found.key, index, document.text, uri)
        } ?? nil
    }

    /// `textDocument/definition`: where the name under the cursor is declared.
    mutating func definition(_ params: JSONValue?) throws(RequestError) -> JSONValue {
        guard let found = try name(at: params, "textDocument/definition"),
            let declared = found.index.declarations[found.key]
        else { return .null }
        return Self.location(found.uri, found.text.range(declared.id))
    }

    /// `textDocument/references`: every place the name under the cursor stands, its declaration
    /// too unless `context.includeDeclaration` is false.
    mutating func references(_ params: JSONValue?) throws(RequestError) -> JSONValue {
        guard let found = try name(at: params, "textDocument/references") else { return .array([]) }
        let include = params?.at("context", "includeDeclaration")?.boolValue ?? true
        return .array(
            found.index.occurrences(of: found.key, includeDeclaration: include).map {
                Self.location(found.uri, found.text.range($0.range))
            })
    }

    /// `textDocument/documentSymbol`: the declarations, nested categories and purposes under
    /// their parents, a fact's values under the fact.
    mutating func documentSymbols(_ params: JSONValue?) throws(RequestError) -> JSONValue {
        let uri = try uri(params, "textDocument/documentSymbol")
        return withDocument(uri) { document, preference in
            guard let syntax = document.analysed(preference).syntax else { return .array([]) }
            return .array(Outline(text: document.text, file: syntax).symbols())
        } ?? .array([])
    }
}

/// The outline of a covenant as the protocol's `DocumentSymbol`s.
struct Outline {
    let text: DocumentText
    let file: CovenantFile

    // The protocol's symbol kinds.
    static let module = 2, namespace = 3, klass = 5, method = 6, interface = 11, function = 12, variable = 13
    static let constant = 14, key = 20, enumMember = 22, structure = 23, event = 24

    func symbols() -> [JSONValue] {
        var out: [JSONValue] = []
        if let header = file.header {
            out.append(symbol(header.title.value, nil, Self.module, header.range, header.title.range))
        }
        for declaration in file.declarations {
            switch declaration {
            case .party(let d): out.append(symbol(d.id, d.name?.value, Self.klass, d.range))
            case .group(let d): out.append(symbol(d.id, d.name?.value, Self.namespace, d.range))
            case .category(let d): out.append(category(d))
            case .purpose(let d): out.append(purpose(d))
            case .fact(let d):
                var children: [JSONValue] = []
                if case .enumeration(let values) = d.type.value {
                    children = values.map { symbol($0, nil, Self.enumMember, $0.range) }
                }
                out.append(symbol(d.id, d.name?.value, Self.variable, d.range, children: children))
            case .basis(let d): out.append(symbol(d.id, d.citation?.value, Self.constant, d.range))
            case .obligation(let d): out.append(symbol(d.id, d.text?.value, Self.event, d.range))
            case .rule(let d): out.append(symbol(d.id, d.title?.value, Self.function, d.range))
            case .test(let d): out.append(symbol(d.title.value, nil, Self.method, d.range, d.title.range))
            case .guarantee(let d): out.append(symbol(d.id, d.title?.value, Self.key, d.range))
            }
        }
        return out
    }

    func category(_ d: CategoryDecl) -> JSONValue {
        symbol(d.id, d.name?.value, Self.structure, d.range, children: d.children.map(category))
    }

    func purpose(_ d: PurposeDecl) -> JSONValue {
        symbol(d.id, d.name?.value, Self.interface, d.range, children: d.children.map(purpose))
    }

    func symbol(
        _ id: Identifier, _ detail: String?, _ kind: Int, _ range: SourceRange, children: [JSONValue] = []
    ) -> JSONValue {
        symbol(id.name, detail, kind, range, id.range, children: children)
    }

    func symbol(
        _ name: String, _ detail: String?, _ kind: Int, _ range: SourceRange, _ selection: SourceRange,
        children: [JSONValue] = []
    ) -> JSONValue {
        // The protocol wants the selection inside the range: a recovered declaration may end early.
        let whole = range.union(selection)
        var pairs: [(String, JSONValue)] = [
            ("name", .string(name.isEmpty ? "\"\"" : name)), ("kind", .integer(kind)), ("range", text.range(whole)),
            ("selectionRange", text.range(selection)),
        ]
        if let detail { pairs.append(("detail", .string(detail))) }
        if !children.isEmpty { pairs.append(("children", .array(children))) }
        return .object(pairs)
    }
}
