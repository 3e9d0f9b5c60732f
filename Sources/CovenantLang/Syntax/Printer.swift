/// Prints a syntax tree in the canonical layout, in either keyword language, with the file's
/// comments kept beside the declarations and clauses they belong to. `covenantc fmt` is this
/// printer; formatting is idempotent, and printing in the other language and back gives the
/// same tree.
///
/// The layout: two-space indentation; a declaration without nested declarations on one line
/// when that line fits in `width` columns (and holds no comment), otherwise one clause a line;
/// rules and tests always one clause a line; a blank line between declarations of different
/// kinds and around every rule and test.
public struct Printer {
    public static let width = 100

    struct Line {
        var text: String
        var indent: Int
        /// The source offset and line of the node that produced it, to place comments.
        var offset: Int
        var sourceLine: Int
        var trailing: [String] = []
        /// False for the `taal nl` header, which only one of the two languages prints: a
        /// comment never attaches to it, so translating keeps every comment where it was.
        var takesComments = true
    }

    let language: KeywordLanguage
    let comments: [Comment]
    /// Facts declared yes/no, so `true`/`false` values are translated with the keywords.
    let boolFacts: Set<String>
    var lines: [Line] = []
    var indent = 0

    public static func print(_ file: CovenantFile, in language: KeywordLanguage? = nil) -> String {
        var boolFacts = Set<String>()
        for case .fact(let f) in file.declarations where f.type.value == .bool { boolFacts.insert(f.id.name) }
        var printer = Printer(language: language ?? file.language, comments: file.comments, boolFacts: boolFacts)
        printer.printFile(file)
        return printer.render()
    }

    func kw(_ k: Keyword) -> String { k.spellings(language)[0] }

    mutating func emit(_ text: String, _ range: SourceRange) {
        lines.append(Line(text: text, indent: indent, offset: range.start.offset, sourceLine: range.start.line))
    }

    mutating func blank() {
        if let last = lines.last, !last.text.isEmpty {
            lines.append(Line(text: "", indent: 0, offset: last.offset, sourceLine: last.sourceLine))
        }
    }

    // MARK: Comments and output

    /// Lines with comments put back: a leading comment before the first line produced at or
    /// after it (at that line's indentation), a trailing comment after the last line produced
    /// from its source line or before.
    func render() -> String {
        var out = lines
        var leading: [Int: [Comment]] = [:]
        var atEnd: [Comment] = []
        for comment in comments {
            if comment.trailing,
                let i = out.lastIndex(where: {
                    !$0.text.isEmpty && $0.takesComments && $0.sourceLine <= comment.range.start.line
                })
            {
                out[i].trailing.append(comment.text)
            } else if let i = out.firstIndex(where: {
                !$0.text.isEmpty && $0.takesComments && $0.offset >= comment.range.start.offset
            }) {
                leading[i, default: []].append(comment)
            } else {
                atEnd.append(comment)
            }
        }
        var text = ""
        var previousBlank = true
        for (i, line) in out.enumerated() {
            let attached = leading[i] ?? []
            for comment in attached {
                text += String(repeating: "  ", count: line.indent) + comment.text + "\n"
                previousBlank = false
            }
            // A comment block that stood apart from its declaration keeps one blank line.
            if let last = attached.last, last.range.start.line + 1 < line.sourceLine, !line.text.isEmpty {
                text += "\n"
                previousBlank = true
            }
            if line.text.isEmpty {
                if !previousBlank { text += "\n" }
                previousBlank = true
                continue
            }
            text += String(repeating: "  ", count: line.indent) + line.text
            for t in line.trailing { text += " " + t }
            text += "\n"
            previousBlank = false
        }
        if !atEnd.isEmpty {
            if !previousBlank { text += "\n" }
            for comment in atEnd { text += comment.text + "\n" }
        }
        return text
    }

    /// Whether a comment lies inside the range (then its block is printed one clause a line).
    func hasComment(in range: SourceRange) -> Bool {
        comments.contains { $0.range.start.offset > range.start.offset && $0.range.start.offset < range.end.offset }
    }

    // MARK: Declarations

    mutating func printFile(_ file: CovenantFile) {
        if language == .nl {
            // The header goes before everything and takes no comment (one on its line moves
            // below it), so the English text, which has no header, keeps the same comments.
            emit(
                "taal nl",
                SourceRange(
                    file: file.path, start: .init(line: 0, column: 0, offset: -1),
                    end: .init(line: 0, column: 0, offset: -1)))
            lines[lines.count - 1].takesComments = false
            blank()
        }
        if let header = file.header { printHeader(header) }
        var previous: String?
        for declaration in file.declarations {
            let kind = Self.kindName(declaration)
            if previous != nil, previous != kind || ["rule", "test", "guarantee"].contains(kind) { blank() }
            if previous == nil, file.header != nil { blank() }
            previous = kind
            printDeclaration(declaration)
        }
    }

    static func kindName(_ d: Declaration) -> String {
        switch d {
        case .party: "party"
        case .group: "group"
        case .category: "category"
        case .purpose: "purpose"
        case .fact: "fact"
        case .basis: "basis"
        case .obligation: "obligation"
        case .rule: "rule"
        case .test: "test"
        case .guarantee: "guarantee"
        }
    }

    mutating func printHeader(_ h: CovenantHeader) {
        var clauses: [(String, SourceRange)] = []
        if let v = h.version { clauses.append(("\(kw(.version)) \(quote(v.value))", v.range)) }
        if let c = h.controllers, let first = c.first {
            clauses.append(("\(kw(.controller)) \(c.map(\.name).joined(separator: ", "))", first.range))
        }
        if let v = h.validity {
            clauses.append(
                (
                    "\(kw(.valid)) \(kw(.from)) \(v.from.text)" + (v.until.map { " \(kw(.until)) \($0.text)" } ?? ""),
                    v.range
                ))
        }
        block("\(kw(.covenant)) \(quote(h.title.value))", clauses, nested: [], range: h.range, forceMultiline: true)
    }

    mutating func printDeclaration(_ d: Declaration) {
        switch d {
        case .party(let p):
            var clauses: [(String, SourceRange)] = []
            if let k = p.kind { clauses.append(("\(kw(.kind)) \(k.value.spellings(language)[0])", k.range)) }
            if let s = p.secrecy { clauses.append(("\(kw(.secrecy)) \(s.value.spellings(language)[0])", s.range)) }
            if let r = p.regime {
                var text =
                    "\(kw(.regime)) \(kw(.closed)) \(quote(r.law.value)) \(kw(.for)) "
                    + "\(r.purposes.map(\.name).joined(separator: ", "))"
                if let to = r.recipients { text += " \(kw(.regimeTo)) \(to.map(\.name).joined(separator: ", "))" }
                clauses.append((text, r.range))
            }
            if let a = p.actsFor {
                clauses.append(
                    (language == .en ? "\(kw(.acts)) \(kw(.for)) \(a.name)" : "\(kw(.acts)) \(a.name)", a.range))
            }
            if let a = p.processorFor { clauses.append(("\(kw(.processor)) \(kw(.for)) \(a.name)", a.range)) }
            block("\(kw(.party)) \(p.id.name)\(name(p.name))", clauses, nested: [], range: p.range)
        case .group(let g):
            emit(
                "\(kw(.group)) \(g.id.name)\(name(g.name)) = \(g.members.map(\.name).joined(separator: ", "))", g.range)
        case .category(let c):
            printCategory(c)
        case .purpose(let p):
            printPurpose(p)
        case .fact(let f):
            var text = "\(kw(.fact)) \(f.id.name)\(name(f.name)) : "
            switch f.type.value {
            case .bool: text += kw(.bool)
            case .int(let low, let high): text += "\(kw(.int)) \(low)..\(high)"
            case .enumeration(let values): text += values.map(\.name).joined(separator: " | ")
            }
            if let d = f.defaultValue { text += " \(kw(.default)) \(value(d, fact: f.id.name))" }
            var clauses: [(String, SourceRange)] = []
            if let role = f.role {
                var clause = "\(kw(.role)) \(role.role.value.spellings(language)[0])"
                if let valid = role.valid {
                    clause += " \(kw(.valid)) \(valid.map { value($0, fact: f.id.name) }.joined(separator: ", "))"
                }
                clauses.append((clause, role.range))
            }
            if let fixed = f.fixed { clauses.append((kw(.fixed), fixed)) }
            block(text, clauses, nested: [], range: f.range)
        case .basis(let b):
            let clauses = b.kind.map { [("\(kw(.kind)) \($0.value.spellings(language)[0])", $0.range)] } ?? []
            block("\(kw(.basis)) \(b.id.name)\(name(b.citation))", clauses, nested: [], range: b.range)
        case .obligation(let o):
            let clauses = o.kind.map { [("\(kw(.kind)) \($0.value.spellings(language)[0])", $0.range)] } ?? []
            block("\(kw(.obligation)) \(o.id.name)\(name(o.text))", clauses, nested: [], range: o.range)
        case .rule(let r):
            printRule(r)
        case .test(let t):
            printTest(t)
        case .guarantee(let g):
            printGuarantee(g)
        }
    }

    mutating func printCategory(_ c: CategoryDecl) {
        var clauses: [(String, SourceRange)] = []
        if let n = c.nature { clauses.append(("\(kw(.nature)) \(n.value.spellings(language)[0])", n.range)) }
        if let s = c.special { clauses.append(("\(kw(.special)) \(s.value.spellings(language)[0])", s.range)) }
        if let r = c.retention { clauses.append(("\(kw(.retention)) \(duration(r))", r.range)) }
        block(
            "\(kw(.category)) \(c.id.name)\(name(c.name))", clauses,
            nested: c.children.map { child in { (p: inout Printer) in p.printCategory(child) } }, range: c.range)
    }

    mutating func printPurpose(_ purpose: PurposeDecl) {
        let clauses = purpose.kind.map { [("\(kw(.kind)) \($0.value.spellings(language)[0])", $0.range)] } ?? []
        block(
            "\(kw(.purpose)) \(purpose.id.name)\(name(purpose.name))", clauses,
            nested: purpose.children.map { child in { (p: inout Printer) in p.printPurpose(child) } },
            range: purpose.range)
    }

    /// `head { clauses }` on one line when it fits and nothing is nested or commented, else
    /// one clause a line; `head` alone when there is nothing inside.
    mutating func block(
        _ head: String, _ clauses: [(String, SourceRange)], nested: [(inout Printer) -> Void], range: SourceRange,
        forceMultiline: Bool = false
    ) {
        if clauses.isEmpty, nested.isEmpty {
            emit(head, range)
            return
        }
        let oneLine = "\(head) { \(clauses.map(\.0).joined(separator: " ")) }"
        if nested.isEmpty, !forceMultiline, indent * 2 + oneLine.count <= Self.width, !hasComment(in: range) {
            emit(oneLine, range)
            return
        }
        emit("\(head) {", range)
        indent += 1
        for (text, r) in clauses { emit(text, r) }
        for print in nested { print(&self) }
        indent -= 1
        emit("}", SourceRange(file: range.file, start: range.end, end: range.end))
    }

    mutating func printRule(_ r: RuleDecl) {
        var head = "\(kw(.rule)) \(r.id.name)\(name(r.title))"
        if let t = r.exceptionTo { head += " \(kw(.exception)) \(kw(.to)) \(t.name)" }
        var clauses: [(String, SourceRange)] = []
        if let e = r.effect, let s = r.senders, let t = r.recipients {
            clauses.append(("\(kw(e.value == .permit ? .permit : .forbid)) \(targets(s)) -> \(targets(t))", e.range))
        }
        if let c = r.categories, let first = c.first {
            clauses.append(("\(kw(.share)) \(c.map(\.name).joined(separator: ", "))", first.range))
        }
        if let p = r.purposes { clauses.append(("\(kw(.for)) \(targets(p))", targetsRange(p) ?? r.range)) }
        if let c = r.condition { clauses.append(("\(kw(.when)) \(condition(c))", c.range)) }
        if let b = r.bases, let first = b.first {
            clauses.append(("\(kw(.basis)) \(b.map(\.name).joined(separator: ", "))", first.range))
        }
        if let o = r.obligations, let first = o.first {
            clauses.append(("\(kw(.oblige)) \(o.map(obligationUse).joined(separator: ", "))", first.range))
        }
        block(head, clauses, nested: [], range: r.range, forceMultiline: true)
    }

    mutating func printTest(_ t: TestDecl) {
        var clauses: [(String, SourceRange)] = []
        if let q = t.query { clauses.append(("\(kw(.query)) \(query(q))", q.range)) }
        if let e = t.expectation {
            var text = "\(kw(.expect)) \(kw(e.effect.value == .permit ? .permitted : .denied))"
            if let by = e.decidedBy { text += " \(kw(.by)) \(by.map(\.name).joined(separator: ", "))" }
            if let o = e.obligations { text += " \(kw(.oblige)) \(expected(o))" }
            if let w = e.waived { text += " \(kw(.waived)) \(expected(w))" }
            if let p = e.postponed { text += " \(kw(.postponed)) \(expected(p))" }
            if let m = e.missing { text += " \(kw(.missing)) \(m.map(\.name).joined(separator: ", "))" }
            clauses.append((text, e.range))
        }
        block("\(kw(.test)) \(quote(t.title.value))", clauses, nested: [], range: t.range, forceMultiline: true)
    }

    /// The promise on one line when it fits and holds no comment (as the specification writes
    /// it), else one clause a line like a rule.
    mutating func printGuarantee(_ g: GuaranteeDecl) {
        var clauses: [(String, SourceRange)] = []
        if let m = g.mode, let s = g.senders, let t = g.recipients {
            let word = m.value == .whenever && language == .nl ? "telkens als" : kw(Parser.keyword(m.value))
            clauses.append(("\(word) \(targets(s)) -> \(targets(t))", m.range))
        }
        if let c = g.categories, let first = c.first {
            clauses.append(("\(kw(.share)) \(c.map(\.name).joined(separator: ", "))", first.range))
        }
        if let p = g.purposes { clauses.append(("\(kw(.for)) \(targets(p))", targetsRange(p) ?? g.range)) }
        if let c = g.condition { clauses.append(("\(kw(.when)) \(condition(c))", c.range)) }
        if let o = g.obligations, let first = o.first {
            let list = o.map { use -> String in
                var text = (use.actor.map { $0.value.spellings(language)[0] + " " } ?? "") + use.id.name
                switch use.timing?.value {
                case .before: text += " \(kw(.before))"
                case .after: text += " \(kw(.after))"
                case .within(let d): text += " \(kw(.within)) \(duration(d))"
                case nil: break
                }
                return text
            }
            clauses.append(("\(kw(.ifPermitted)) \(kw(.oblige)) \(list.joined(separator: ", "))", first.range))
        }
        let head = "\(kw(.guarantee)) \(g.id.name)\(name(g.title))"
        let statement = clauses.map(\.0).joined(separator: " ")
        if let first = clauses.first, !hasComment(in: g.range), (indent + 1) * 2 + statement.count <= Self.width {
            block(head, [(statement, first.1)], nested: [], range: g.range, forceMultiline: true)
        } else {
            block(head, clauses, nested: [], range: g.range, forceMultiline: true)
        }
    }

    // MARK: Pieces

    func quote(_ s: String) -> String {
        var out = "\""
        for ch in s {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    func name(_ s: StringLiteral?) -> String { s.map { " " + quote($0.value) } ?? "" }

    func duration(_ d: Duration) -> String {
        // Dutch counts years in the singular: "7 jaar".
        if language == .nl, d.unit == .years { return "\(d.amount) jaar" }
        let spellings = d.unit.spellings(language)
        return "\(d.amount) \(d.amount == 1 && spellings.count > 1 ? spellings[1] : spellings[0])"
    }

    func targets(_ t: Targets) -> String {
        switch t {
        case .any: kw(.any)
        case .names(let names): names.map(\.name).joined(separator: ", ")
        }
    }

    func targetsRange(_ t: Targets) -> SourceRange? {
        switch t {
        case .any(let r): r
        case .names(let names): names.first?.range
        }
    }

    func expected(_ list: [ExpectedObligation]) -> String {
        list.map { ($0.actor.map { $0.value.spellings(language)[0] + " " } ?? "") + $0.id.name }.joined(separator: ", ")
    }

    func obligationUse(_ u: ObligationUse) -> String {
        var text = (u.actor.map { $0.value.spellings(language)[0] + " " } ?? "") + u.id.name
        switch u.timing?.value {
        case .before: text += " \(kw(.before))"
        case .after: text += " \(kw(.after))"
        case .within(let d): text += " \(kw(.within)) \(duration(d))"
        case nil: break
        }
        if let c = u.postponedWhile { text += " \(kw(.postponed)) \(kw(.while)) \(condition(c))" }
        if let c = u.unless { text += " \(kw(.unless)) \(condition(c))" }
        return text
    }

    func query(_ q: QueryExpr) -> String {
        var text =
            "\(q.sender.name) -> \(q.recipient.name) \(kw(.share)) \(q.category.name) \(kw(.for)) \(q.purpose.name)"
        if let d = q.date { text += " \(kw(.on)) \(d.text)" }
        if !q.facts.isEmpty {
            text +=
                " \(kw(.given)) "
                + q.facts.map { "\($0.fact.name) = \(value($0.value, fact: $0.fact.name))" }.joined(separator: ", ")
        }
        return text
    }

    /// A value; `true`/`false` of a yes/no fact in this printer's language.
    func value(_ v: Value, fact: String) -> String {
        switch v {
        case .integer(let n, _): return String(n)
        case .word(let w, _):
            guard boolFacts.contains(fact) else { return w }
            for source in KeywordLanguage.allCases {
                if Keyword.true.spellings(source).contains(w) { return kw(.true) }
                if Keyword.false.spellings(source).contains(w) { return kw(.false) }
            }
            return w
        }
    }

    /// Precedence: or 1, and 2, not 3. Parentheses where a child binds looser than its place,
    /// and around a right operand of the same operator, so the tree re-parses the same; and
    /// around an `and` inside an `or`, which precedence does not need but a reader does: a
    /// lawyer's `(a and b) or c` keeps its parentheses.
    func condition(_ c: Condition, _ place: Int = 0, rightOfSame: Bool = false) -> String {
        switch c {
        case .fact(let id): return id.name
        case .compare(let id, let op, let v, _): return "\(id.name) \(op.rawValue) \(value(v, fact: id.name))"
        case .member(let id, let values, let negated, _):
            return
                "\(id.name) \(negated ? "\(kw(.not)) \(kw(.in))" : kw(.in)) "
                + "{\(values.map { value($0, fact: id.name) }.joined(separator: ", "))}"
        case .not(let inner, _): return "\(kw(.not)) " + condition(inner, 3)
        case .and(let a, let b):
            let s = condition(a, 2) + " \(kw(.and)) " + condition(b, 2, rightOfSame: true)
            return place == 1 || place > 2 || (place == 2 && rightOfSame) ? "(\(s))" : s
        case .or(let a, let b):
            let s = condition(a, 1) + " \(kw(.or)) " + condition(b, 1, rightOfSame: true)
            return place > 1 || (place == 1 && rightOfSame) ? "(\(s))" : s
        }
    }
}
