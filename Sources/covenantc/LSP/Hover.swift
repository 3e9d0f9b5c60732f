import CovenantEval
import CovenantLang

/// Hover: what the name under the cursor is declared as, in the file's language; on a keyword,
/// what it means in English and in Dutch; on a value word (`care`, `health`, `years`), which
/// list it is from and how the other language spells it.
extension LanguageServer {
    mutating func hover(_ params: JSONValue?) throws(RequestError) -> JSONValue {
        let method = "textDocument/hover"
        let uri = try uri(params, method)
        let position = try position(params, method)
        return withDocument(uri) { document, preference in
            let language = document.analysed(preference).language
            let text = document.text
            let at = text.location(line: position.line, character: position.character)
            guard let syntax = document.analysed(preference).syntax else { return .null }
            let describer = Describer(words: Words(language), keywords: syntax.language)
            if let index = document.index(preference), let found = index.occurrence(line: at.line, column: at.column) {
                guard let declared = index.declarations[found.key] else { return .null }
                return Self.hover(describer.describe(declared, index), text.range(found.range))
            }
            let tokens = document.tokens(preference)
            guard
                let token = tokens.first(where: {
                    $0.kind == .word && DocumentText.contains($0.range, line: at.line, column: at.column)
                }), let markdown = describer.word(token.text)
            else { return .null }
            return Self.hover(markdown, text.range(token.range))
        } ?? .null
    }

    static func hover(_ markdown: String, _ range: JSONValue) -> JSONValue {
        .object([
            ("contents", .object([("kind", .string("markdown")), ("value", .string(markdown))])), ("range", range),
        ])
    }
}

/// Describes declarations and words in Markdown, in one language of messages, with the
/// covenant's own keywords for what it wrote.
struct Describer {
    let words: Words
    let keywords: KeywordLanguage

    func text(_ key: String, _ args: String...) -> String { CommandWords.text(key, words.language, arguments: args) }
    func kw(_ k: Keyword) -> String { k.spellings(keywords)[0] }
    func spelled<V: ValueWord>(_ v: V) -> String { "`\(v.spellings(keywords)[0])`" }
    func code(_ s: String) -> String { "`\(s)`" }
    func names(_ ids: [Identifier]) -> String { ids.map { code($0.name) }.joined(separator: ", ") }

    func targets(_ t: Targets?) -> String {
        switch t {
        case .any?: kw(.any)
        case .names(let ids)?: ids.map(\.name).joined(separator: ", ")
        case nil: "…"
        }
    }

    /// `permit S -> R share C for P`, as the covenant writes it.
    func scope(
        _ k: Keyword, _ senders: Targets?, _ recipients: Targets?, _ categories: [Identifier]?, _ purposes: Targets?
    )
        -> String
    {
        "\(kw(k)) \(targets(senders)) -> \(targets(recipients)) \(kw(.share)) "
            + "\((categories ?? []).map(\.name).joined(separator: ", ")) \(kw(.for)) \(targets(purposes))"
    }

    func duration(_ d: Duration) -> String { code("\(d.amount) \(d.unit.spellings(keywords)[0])") }

    func heading(_ kind: SymbolKind, _ name: String, _ title: String?) -> String {
        "**\(kind.noun(words))** `\(name)`" + (title.map { " — \($0)" } ?? "")
    }

    func line(_ label: String, _ value: String) -> String { "- \(text(label)): \(value)" }

    func describe(_ declared: SymbolIndex.Declared, _ index: SymbolIndex) -> String {
        var lines: [String] = []
        switch declared.node {
        case .party(let d):
            lines.append(heading(.party, d.id.name, d.name?.value))
            if let kind = d.kind { lines.append(line("lsp.hover.kind", spelled(kind.value))) }
            if let secrecy = d.secrecy { lines.append(line("lsp.hover.secrecy", spelled(secrecy.value))) }
            if let regime = d.regime {
                var written = "\(kw(.closed)) \"\(regime.law.value)\" \(kw(.for)) "
                written += regime.purposes.map(\.name).joined(separator: ", ")
                if let to = regime.recipients {
                    written += " \(kw(.regimeTo)) " + to.map(\.name).joined(separator: ", ")
                }
                lines.append(line("lsp.hover.regime", code(written)))
            }
            if let p = d.actsFor { lines.append(line("lsp.hover.actsFor", code(p.name))) }
            if let p = d.processorFor { lines.append(line("lsp.hover.processorFor", code(p.name))) }
        case .group(let d):
            lines.append(heading(.group, d.id.name, d.name?.value))
            lines.append(line("lsp.hover.members", names(d.members)))
        case .category(let d, let parent, let nature, let special, let retention):
            lines.append(heading(.category, d.id.name, d.name?.value))
            if let parent { lines.append(line("lsp.hover.under", code(parent))) }
            if let nature { lines.append(line("lsp.hover.nature", spelled(nature))) }
            if let special { lines.append(line("lsp.hover.special", spelled(special))) }
            if let retention { lines.append(line("lsp.hover.retention", duration(retention))) }
        case .purpose(let d, let parent, let kind):
            lines.append(heading(.purpose, d.id.name, d.name?.value))
            if let parent { lines.append(line("lsp.hover.under", code(parent))) }
            if let kind { lines.append(line("lsp.hover.kind", spelled(kind))) }
        case .fact(let d):
            lines.append(heading(.fact, d.id.name, d.name?.value))
            lines += fact(d)
        case .basis(let d):
            lines.append(heading(.basis, d.id.name, d.citation?.value))
            if let kind = d.kind { lines.append(line("lsp.hover.kind", spelled(kind.value))) }
        case .obligation(let d):
            lines.append(heading(.obligation, d.id.name, d.text?.value))
            if let kind = d.kind { lines.append(line("lsp.hover.kind", spelled(kind.value))) }
        case .rule(let d):
            lines.append(heading(.rule, d.id.name, d.title?.value))
            lines += rule(d, index)
        case .guarantee(let d):
            lines.append(heading(.guarantee, d.id.name, d.title?.value))
            if let mode = d.mode {
                let k: Keyword = mode.value == .never ? .never : mode.value == .always ? .always : .whenever
                lines.append("- " + code(scope(k, d.senders, d.recipients, d.categories, d.purposes)))
            }
        case .value(let owner):
            let value = String(declared.key.drop { $0 != "#" }.dropFirst())
            lines.append("\(code(value)): \(text("lsp.hover.value", owner.id.name))")
            lines += fact(owner)
        }
        // The heading, then the properties as a list.
        return lines.prefix(1).joined() + (lines.count > 1 ? "\n\n" + lines.dropFirst().joined(separator: "\n") : "")
    }

    func fact(_ d: FactDecl) -> [String] {
        var lines: [String] = []
        switch d.type.value {
        case .bool: lines.append(line("lsp.hover.type", text("lsp.hover.type.bool")))
        case .int(let low, let high):
            lines.append(line("lsp.hover.type", text("lsp.hover.type.int", "\(low)", "\(high)")))
        case .enumeration(let values):
            lines.append(line("lsp.hover.type", text("lsp.hover.type.enumeration", names(values))))
        }
        if let role = d.role {
            var written = spelled(role.role.value)
            if let valid = role.valid {
                written +=
                    " (" + text("lsp.hover.role.valid", valid.map { code($0.text) }.joined(separator: ", ")) + ")"
            }
            lines.append(line("lsp.hover.role", written))
        }
        if let value = d.defaultValue { lines.append(line("lsp.hover.default", code(value.text))) }
        if d.fixed != nil { lines.append("- " + text("lsp.hover.fixed")) }
        return lines
    }

    func rule(_ d: RuleDecl, _ index: SymbolIndex) -> [String] {
        var lines: [String] = []
        if let effect = d.effect {
            let written = scope(
                effect.value == .permit ? .permit : .forbid, d.senders, d.recipients, d.categories, d.purposes)
            lines.append(
                "- " + text(effect.value == .permit ? "lsp.hover.permit" : "lsp.hover.forbid") + ": " + code(written))
        }
        if let target = d.exceptionTo { lines.append(line("lsp.hover.exceptionTo", code(target.name))) }
        if let bases = d.bases {
            let written = bases.map { b -> String in
                guard case .basis(let decl)? = index.declarations[b.name]?.node, let citation = decl.citation else {
                    return code(b.name)
                }
                return "\(code(b.name)) (\(citation.value))"
            }
            lines.append(
                line("lsp.hover.bases", written.isEmpty ? text("lsp.hover.none") : written.joined(separator: "; ")))
        }
        if let obligations = d.obligations {
            let written = obligations.map { o -> String in
                guard case .obligation(let decl)? = index.declarations[o.id.name]?.node, let what = decl.text else {
                    return code(o.id.name)
                }
                return "\(code(o.id.name)) (\(what.value))"
            }
            lines.append(
                line(
                    "lsp.hover.obligations", written.isEmpty ? text("lsp.hover.none") : written.joined(separator: "; "))
            )
        }
        return lines
    }

    /// A keyword's meaning in both languages, or the list a value word is from; nil for any
    /// other word.
    func word(_ word: String) -> String? {
        let meant = Keyword.allCases.filter { $0.spellings(keywords).contains(word) }
        if !meant.isEmpty {
            let other: KeywordLanguage = keywords == .en ? .nl : .en
            let otherSpellings = meant.flatMap { $0.spellings(other) }.reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            var lines = [
                text(
                    keywords == .en ? "lsp.hover.keyword.en" : "lsp.hover.keyword.nl", word,
                    otherSpellings.joined(separator: "`, `"))
            ]
            for language in [Language.en, .nl] {
                let meanings = meant.map { CommandWords.text("lsp.keyword.\($0.rawValue)", language) }
                lines.append("*\(language == .en ? "English" : "Nederlands")*: " + meanings.joined(separator: "; "))
            }
            return lines.joined(separator: "\n\n")
        }
        return valueWord(word, PartyKind.self) ?? valueWord(word, Secrecy.self) ?? valueWord(word, Nature.self)
            ?? valueWord(word, SpecialCategory.self) ?? valueWord(word, BasisKind.self)
            ?? valueWord(word, TimeUnit.self) ?? valueWord(word, PurposeKind.self) ?? valueWord(word, FactRole.self)
            ?? valueWord(word, ObligationKind.self) ?? valueWord(word, Actor.self)
    }

    func valueWord<V: ValueWord>(_ word: String, _ type: V.Type) -> String? {
        guard let value = V.named(word, in: keywords) else { return nil }
        return text(
            "lsp.hover.valueWord", V.listName(words), word, value.spellings(.en)[0], value.spellings(.nl)[0])
    }
}
