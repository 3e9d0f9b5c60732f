import CovenantLang
import Foundation
import Testing

/// The VS Code grammar (editors/vscode/syntaxes/, written by editors/grammar.py) against the
/// parser, on every shipped covenant in both keyword sets: a small TextMate tokenizer below runs
/// the grammar over each file (a literate covenant's whole Markdown text, through the injection
/// grammar for ```covenant blocks), and the parser says what each word is. The grammar claims:
/// every word the parser reads as a keyword is scoped `keyword.*`, no name or value is; every
/// comment is `comment.*`, every string `string.*`, every closed-list value word (party kind,
/// unit, actor, ...) `support.constant.*`; Markdown prose gets no covenant scope.
@Suite struct TextMateGrammarTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let syntaxes = root.appendingPathComponent("editors/vscode/syntaxes")
    static let covenants: [String] = {
        let dir = root.appendingPathComponent("covenants").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".covenant") || $0.hasSuffix(".covenant.md") }.sorted().map {
            dir + "/" + $0
        }
    }()

    static func registry() throws -> TextMateRegistry {
        let registry = TextMateRegistry()
        try registry.load(syntaxes.appendingPathComponent("covenant.tmLanguage.json"))
        try registry.load(syntaxes.appendingPathComponent("covenant-markdown.tmLanguage.json"))
        // Markdown itself is not shipped here: a stand-in whose only rules are the injection's,
        // as VS Code applies it at the top level of a Markdown document.
        registry.grammars["text.html.markdown"] = TextMateGrammar(
            scopeName: "text.html.markdown",
            json: ["patterns": [["include": "markdown.covenant.codeblock"]]])
        return registry
    }

    @Test func everyShippedCovenantInBothLanguages() throws {
        let languages = try Self.covenants.map { try CovenantTruth(path: $0).language }
        #expect(languages.contains(.en) && languages.contains(.nl))
        #expect(Self.covenants.contains { $0.hasSuffix(".covenant.md") })
    }

    @Test(arguments: covenants.map { URL(fileURLWithPath: $0).lastPathComponent })
    func grammarAgreesWithTheParser(_ name: String) throws {
        let path = Self.root.appendingPathComponent("covenants/" + name).path
        let truth = try CovenantTruth(path: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let literate = name.hasSuffix(".covenant.md")
        let registry = try Self.registry()
        let lines = try registry.tokenize(text, scope: literate ? "text.html.markdown" : "source.covenant")

        func scopes(_ range: SourceRange) -> [[String]] {
            let line = lines[range.start.line - 1]
            let from = line.offset(ofColumn: range.start.column)
            let to = range.end.line == range.start.line ? line.offset(ofColumn: range.end.column) : line.length
            return (from..<max(to, from + 1)).map { line.scopes[$0] }
        }
        func check(_ range: SourceRange, _ text: String, _ what: String, _ ok: ([String]) -> Bool) {
            for stack in scopes(range) where !ok(stack) {
                Issue.record("\(name):\(range.start): \(what) '\(text)' is scoped \(stack.joined(separator: " "))")
                return
            }
        }
        let keyword: ([String]) -> Bool = { $0.contains { $0.hasPrefix("keyword.") } }
        for token in truth.keywords {
            check(token.range, token.text, "keyword", keyword)
        }
        for token in truth.names {
            check(token.range, token.text, "name or value", { !keyword($0) })
        }
        for range in truth.valueWords {
            check(range, "", "value word", { $0.contains { $0.hasPrefix("support.constant.") } })
        }
        for token in truth.strings {
            check(token.range, token.text, "string", { $0.contains { $0.hasPrefix("string.") } })
        }
        for comment in truth.comments {
            check(comment.range, comment.text, "comment", { $0.contains { $0.hasPrefix("comment.") } })
        }
        if literate {
            // Prose (every line the compiler reads as empty) carries no covenant scope.
            let covenantScope: (String) -> Bool = {
                $0.hasSuffix(".covenant") && !$0.hasPrefix("meta.")
            }
            for (n, line) in lines.enumerated() where truth.source.lineText(n + 1).isEmpty {
                if let stack = line.scopes.first(where: { $0.contains(where: covenantScope) }) {
                    Issue.record("\(name):\(n + 1): prose scoped \(stack.joined(separator: " "))")
                }
            }
        }
        #expect(truth.keywords.count > 100 && truth.names.count > 100 && truth.strings.count > 10)
        #expect(!truth.comments.isEmpty && !truth.valueWords.isEmpty)
    }

    /// Every spelling of every keyword, in both sets, is in the grammar of its language.
    @Test func grammarKnowsEverySpelling() throws {
        let registry = try Self.registry()
        let grammar = try #require(registry.grammars["source.covenant"])
        for language in KeywordLanguage.allCases {
            let prefix = language.rawValue + "-"
            var regexes: [String] = []
            func collect(_ node: Any) {
                if let rule = node as? [String: Any] {
                    for (key, value) in rule {
                        if ["match", "begin", "end"].contains(key), let regex = value as? String {
                            regexes.append(regex)
                        } else {
                            collect(value)
                        }
                    }
                } else if let list = node as? [Any] {
                    list.forEach(collect)
                }
            }
            collect(grammar.repository.filter { $0.key.hasPrefix(prefix) }.map(\.value))
            let words = Set(regexes.joined(separator: " ").split { !$0.isLetter && $0 != "_" }.map(String.init))
            for keyword in Keyword.allCases where keyword != .language {
                for spelling in keyword.spellings(language) where !words.contains(spelling) {
                    Issue.record("\(language) '\(spelling)' (\(keyword)) is not in the grammar")
                }
            }
        }
    }

    /// With COVENANT_GRAMMAR_PREVIEW=FILE, writes an HTML page of two tokenized excerpts coloured by
    /// scope as VS Code's Dark+ theme colours them (scripts/grammar-preview screenshots it for the README).
    @Test func preview() throws {
        guard let output = ProcessInfo.processInfo.environment["COVENANT_GRAMMAR_PREVIEW"] else { return }
        let colours: [(String, String)] = [
            ("comment", "#6A9955"), ("string", "#CE9178"), ("constant.character.escape", "#D7BA7D"),
            ("keyword.control", "#C586C0"), ("keyword.operator.logical", "#569CD6"), ("keyword.operator", "#D4D4D4"),
            ("keyword", "#569CD6"), ("entity.name.function", "#DCDCAA"), ("entity.name.type", "#4EC9B0"),
            ("entity.other.inherited-class", "#4EC9B0"), ("support.constant", "#4FC1FF"),
            ("constant.language", "#569CD6"), ("constant.numeric", "#B5CEA8"),
        ]
        func colour(_ scopes: [String]) -> String? {
            for scope in scopes.reversed() {
                if let (_, c) = colours.first(where: { scope == $0.0 || scope.hasPrefix($0.0 + ".") }) { return c }
            }
            return nil
        }
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let registry = try Self.registry()
        var panes = ""
        for (name, lines) in [("boekel.covenant", 65...97), ("boekel-nl.covenant", 107...140)] {
            let text = try String(contentsOf: Self.root.appendingPathComponent("covenants/" + name), encoding: .utf8)
            let tokenized = try registry.tokenize(text, scope: "source.covenant")
            var html = ""
            for n in lines {
                let line = tokenized[n - 1]
                let units = Array(line.text.utf16)
                html += "<div><span class=n>\(n)</span>"
                var i = 0
                while i < units.count {
                    var j = i + 1
                    while j < units.count, colour(line.scopes[j]) == colour(line.scopes[i]) { j += 1 }
                    let piece = escape(String(decoding: units[i..<j], as: UTF16.self))
                    html += colour(line.scopes[i]).map { "<span style=\"color:\($0)\">\(piece)</span>" } ?? piece
                    i = j
                }
                html += "</div>"
            }
            panes += "<div class=pane><div class=tab>\(name)</div><pre>\(html)</pre></div>"
        }
        let page = """
            <!doctype html><meta charset=utf-8><title>Covenant grammar</title><style>
            body{margin:0;background:#1e1e1e;color:#d4d4d4;font:12px/17px 'DejaVu Sans Mono',monospace;display:flex}
            .pane{flex:1;min-width:0;border-right:1px solid #333}.tab{background:#252526;color:#fff;padding:6px 12px}
            pre{margin:0;padding:6px 8px;white-space:pre-wrap;font:inherit}
            pre div{padding-left:7.5ch;text-indent:-7.5ch}
            .n{display:inline-block;width:3ch;color:#6e7681;text-align:right;margin-right:1.5ch;text-indent:0}
            </style>\(panes)
            """
        try page.write(toFile: output, atomically: true, encoding: .utf8)
    }

    /// The tokenizer itself: begin/end with a back-reference, captures, includes across grammars.
    @Test func tokenizerBasics() throws {
        let registry = try Self.registry()
        let lines = try registry.tokenize(
            "# Title\n\n~~~~ covenant\ntaal nl\npartij a \"A\" { soort zorg } // x\n~~~~\nvoor en of\n",
            scope: "text.html.markdown")
        #expect(lines.count == 7)
        #expect(lines[4].scopes[0].contains("keyword.other.declaration.covenant"))
        #expect(lines[4].scopes[7].contains("entity.name.type.party.covenant"))
        #expect(lines[4].scopes[9].contains("string.quoted.double.covenant"))
        #expect(lines[4].scopes[17].contains("keyword.other.covenant"))
        #expect(lines[4].scopes[23].contains("support.constant.party-kind.covenant"))
        #expect(lines[4].scopes[31].contains("comment.line.double-slash.covenant"))
        #expect(lines[6].scopes.allSatisfy { !$0.contains { $0.hasPrefix("keyword.") } })
    }
}

/// What the parser made of each token of a covenant: the words it read as keywords, those it read
/// as names or values, strings and comments. A word is a keyword when no name, value, string,
/// date or duration of the syntax tree covers it (the keyword set's own code, `nl`, is a value).
struct CovenantTruth {
    var source: SourceFile
    var language: KeywordLanguage
    var keywords: [Token] = []
    var names: [Token] = []
    var strings: [Token] = []
    var comments: [CovenantLang.Comment] = []
    /// Where a word from a closed list stands (party kind, secrecy, unit, actor, ...).
    var valueWords: [SourceRange] = []

    init(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        source = LiterateSource.source(path: path, bytes: bytes).source
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty, "\(path) has errors")
        let file = try #require(parsed.file)
        language = file.language
        var lexer = Lexer(file: source)
        let lexed = lexer.run()
        comments = lexed.comments
        var covered: [SourceRange] = []
        var durations: [SourceRange] = []
        Self.collect(file.declarations, into: &covered, valueWords: &valueWords, durations: &durations)
        if let header = file.header {
            Self.collect(header, into: &covered, valueWords: &valueWords, durations: &durations)
        }
        // A duration's unit is its last word.
        let durationEnds = Set(durations.map(\.end.offset))
        let inside = Set(covered.flatMap { Array($0.start.offset..<max($0.end.offset, $0.start.offset + 1)) })
        for token in lexed.tokens {
            switch token.kind {
            case .string: strings.append(token)
            case .word:
                if durationEnds.contains(token.range.end.offset) { valueWords.append(token.range) }
                if inside.contains(token.range.start.offset) || token.range.end == file.languageHeader?.end {
                    names.append(token)
                } else {
                    keywords.append(token)
                }
            default: break
            }
        }
    }

    static func collect(
        _ node: Any, into ranges: inout [SourceRange], valueWords: inout [SourceRange], durations: inout [SourceRange]
    ) {
        switch node {
        case let id as Identifier: ranges.append(id.range)
        case let s as StringLiteral: ranges.append(s.range)
        case let d as DateLiteral: ranges.append(d.range)
        case let v as Value: ranges.append(v.range)
        case let d as Duration:
            ranges.append(d.range)
            durations.append(d.range)
        case is SourceRange, is String, is Int, is Bool: return
        default:
            let mirror = Mirror(reflecting: node)
            if String(describing: type(of: node)).hasPrefix("Located<"),
                mirror.children.first(where: { $0.label == "value" })?.value is any ValueWord,
                let range = mirror.children.first(where: { $0.label == "range" })?.value as? SourceRange
            {
                ranges.append(range)
                valueWords.append(range)
            }
            for child in mirror.children {
                collect(child.value, into: &ranges, valueWords: &valueWords, durations: &durations)
            }
        }
    }
}

// MARK: - A small TextMate tokenizer

/// One TextMate grammar file: its top-level patterns and its repository, as JSON.
final class TextMateGrammar {
    let scopeName: String
    let patterns: [[String: Any]]
    let repository: [String: [String: Any]]

    init(scopeName: String, json: [String: Any]) {
        self.scopeName = scopeName
        patterns = json["patterns"] as? [[String: Any]] ?? []
        repository = json["repository"] as? [String: [String: Any]] ?? [:]
    }
}

/// One rule, compiled: a `match`, a `begin`/`end` pair, or only `patterns` (a list to include).
final class TextMateRule {
    let grammar: TextMateGrammar
    let json: [String: Any]
    let match: NSRegularExpression?
    let begin: NSRegularExpression?
    var name: String? { json["name"] as? String }
    var contentName: String? { json["contentName"] as? String }
    var applyEndPatternLast: Bool { (json["applyEndPatternLast"] as? Int ?? 0) != 0 }
    /// The rules this one's `patterns` stand for, includes resolved (set by the registry).
    var children: [TextMateRule] = []

    init(grammar: TextMateGrammar, json: [String: Any]) throws {
        self.grammar = grammar
        self.json = json
        match = try (json["match"] as? String).map { try NSRegularExpression(pattern: $0) }
        begin = try (json["begin"] as? String).map { try NSRegularExpression(pattern: $0) }
    }

    func captures(_ key: String) -> [String: Any] {
        json[key] as? [String: Any] ?? json["captures"] as? [String: Any] ?? [:]
    }

    /// The `end` pattern with back-references to the begin match filled in.
    func end(after beginMatch: NSTextCheckingResult, in line: NSString) throws -> NSRegularExpression {
        var pattern = json["end"] as? String ?? "(?!)"
        for group in (1..<beginMatch.numberOfRanges).reversed() {
            let range = beginMatch.range(at: group)
            let text = range.location == NSNotFound ? "" : line.substring(with: range)
            pattern = pattern.replacingOccurrences(
                of: "\\\(group)", with: NSRegularExpression.escapedPattern(for: text))
        }
        return try NSRegularExpression(pattern: pattern)
    }
}

/// A tokenized line: the scopes of each UTF-16 unit (the line break included).
struct TokenizedLine {
    let text: String
    var scopes: [[String]]
    var length: Int { scopes.count }

    /// The UTF-16 offset of a 1-based column counted in Unicode scalars, as the lexer counts.
    func offset(ofColumn column: Int) -> Int {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(column - 1))).utf16.count
    }
}

/// The grammars by scope name, and the tokenizer: vscode-textmate's algorithm, line by line
/// (each line with its line break), at each position the earliest match among the current rule's
/// end pattern and its patterns, ties going to the end pattern (unless `applyEndPatternLast`) and
/// then to the pattern listed first. Supports match, begin/end with back-references, name,
/// contentName, captures/beginCaptures/endCaptures, patterns, and include of `#rule`, `$self`,
/// `scope` and `scope#rule`; an include of a grammar not loaded matches nothing.
final class TextMateRegistry {
    var grammars: [String: TextMateGrammar] = [:]
    private var compiled: [String: TextMateRule] = [:]

    func load(_ url: URL) throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        let scope = try #require(json["scopeName"] as? String)
        grammars[scope] = TextMateGrammar(scopeName: scope, json: json)
    }

    /// The rule at a repository key (or the grammar's top level for `$self`), compiled once.
    private func rule(_ grammar: TextMateGrammar, _ key: String) throws -> TextMateRule? {
        let id = grammar.scopeName + "#" + key
        if let rule = compiled[id] { return rule }
        let json: [String: Any]
        if key == "$self" {
            json = ["patterns": grammar.patterns]
        } else if let entry = grammar.repository[key] {
            json = entry
        } else {
            return nil
        }
        let rule = try TextMateRule(grammar: grammar, json: json)
        compiled[id] = rule
        rule.children = try children(of: json, in: grammar)
        return rule
    }

    private func children(of json: [String: Any], in grammar: TextMateGrammar) throws -> [TextMateRule] {
        var out: [TextMateRule] = []
        for pattern in json["patterns"] as? [[String: Any]] ?? [] {
            if let include = pattern["include"] as? String {
                let target: TextMateRule?
                if include.hasPrefix("#") {
                    target = try rule(grammar, String(include.dropFirst()))
                } else if include == "$self" {
                    target = try rule(grammar, "$self")
                } else {
                    let parts = include.split(separator: "#", maxSplits: 1).map(String.init)
                    target = try grammars[parts[0]].flatMap { try rule($0, parts.count > 1 ? parts[1] : "$self") }
                }
                if let target { out.append(target) }
            } else {
                let rule = try TextMateRule(grammar: grammar, json: pattern)
                rule.children = try children(of: pattern, in: grammar)
                out.append(rule)
            }
        }
        return out
    }

    /// The match and begin rules a rule's patterns stand for, pattern-only rules flattened.
    private func candidates(_ rules: [TextMateRule], _ seen: inout Set<ObjectIdentifier>) -> [TextMateRule] {
        var out: [TextMateRule] = []
        for rule in rules {
            if rule.match != nil || rule.begin != nil {
                out.append(rule)
            } else if seen.insert(ObjectIdentifier(rule)).inserted {
                out += candidates(rule.children, &seen)
            }
        }
        return out
    }

    private struct Frame {
        let rule: TextMateRule
        let end: NSRegularExpression?
        /// Scopes of the begin and end matches, and of what lies between.
        let scopes: [String]
        let contentScopes: [String]
    }

    func tokenize(_ text: String, scope: String) throws -> [TokenizedLine] {
        let grammar = try #require(grammars[scope])
        let root = try #require(try rule(grammar, "$self"))
        var stack = [Frame(rule: root, end: nil, scopes: [scope], contentScopes: [scope])]
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var out: [TokenizedLine] = []
        let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
        for lineText in lines {
            let line = (lineText + "\n") as NSString
            var scopes = [[String]](repeating: [], count: line.length)
            func paint(_ range: NSRange, _ stack: [String]) {
                guard range.location != NSNotFound else { return }
                for i in range.location..<range.location + range.length { scopes[i] = stack }
            }
            func paint(_ match: NSTextCheckingResult, _ base: [String], _ captures: [String: Any]) {
                paint(match.range, base)
                for group in 0..<match.numberOfRanges {
                    guard let name = (captures["\(group)"] as? [String: Any])?["name"] as? String else { continue }
                    let range = match.range(at: group)
                    guard range.location != NSNotFound else { continue }
                    for i in range.location..<range.location + range.length { scopes[i].append(name) }
                }
            }
            var pos = 0
            var pushedHere: Set<String> = []
            while pos < line.length {
                let frame = stack[stack.count - 1]
                var seen: Set<ObjectIdentifier> = []
                let rules = candidates(frame.rule.children, &seen)
                var best: (match: NSTextCheckingResult, rule: TextMateRule?)?
                func consider(_ regex: NSRegularExpression, _ rule: TextMateRule?) {
                    let range = NSRange(location: pos, length: line.length - pos)
                    guard let m = regex.firstMatch(in: line as String, options: options, range: range) else { return }
                    if best == nil || m.range.location < best!.match.range.location { best = (m, rule) }
                }
                if let end = frame.end, !frame.rule.applyEndPatternLast { consider(end, nil) }
                for rule in rules { consider(rule.match ?? rule.begin!, rule) }
                if let end = frame.end, frame.rule.applyEndPatternLast { consider(end, nil) }
                guard let (match, rule) = best else {
                    paint(NSRange(location: pos, length: line.length - pos), frame.contentScopes)
                    break
                }
                paint(NSRange(location: pos, length: match.range.location - pos), frame.contentScopes)
                let after = match.range.location + match.range.length
                if let rule {
                    let scopes = frame.contentScopes + [rule.name].compactMap { $0 }
                    if rule.match != nil {
                        paint(match, scopes, rule.captures("captures"))
                    } else {
                        // A rule that begins again where it began, with nothing consumed, would loop.
                        let key = "\(ObjectIdentifier(rule)) \(after) \(stack.count)"
                        guard pushedHere.insert(key).inserted else {
                            paint(NSRange(location: pos, length: 1), frame.contentScopes)
                            pos += 1
                            continue
                        }
                        paint(match, scopes, rule.captures("beginCaptures"))
                        stack.append(
                            Frame(
                                rule: rule, end: try rule.end(after: match, in: line), scopes: scopes,
                                contentScopes: scopes + [rule.contentName].compactMap { $0 }))
                    }
                } else {
                    paint(match, frame.scopes, frame.rule.captures("endCaptures"))
                    stack.removeLast()
                }
                if match.range.length == 0, rule?.match != nil {
                    paint(NSRange(location: pos, length: 1), frame.contentScopes)
                    pos += 1
                } else {
                    pos = after
                }
            }
            out.append(TokenizedLine(text: lineText, scopes: scopes))
        }
        return out
    }
}
