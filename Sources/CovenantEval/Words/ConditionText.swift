/// Conditions and timings of a table in the user's language, printed from the table itself
/// (so a table compiled from an English file still explains itself in Dutch).
extension DecisionTable {
    /// The condition rooted at `node`: `consent == given and not investigation`, or in Dutch
    /// `consent == given en niet investigation`; parentheses where precedence needs them and
    /// around an `and` inside an `or` (`(a and b) or c`), as `covenantc fmt` writes it.
    package func conditionText(_ node: Int32, _ language: Language) -> String {
        text(node, language, parent: 0)
    }

    func word(_ en: String, _ nl: String, _ language: Language) -> String { language == .nl ? nl : en }

    /// A fact value in words: yes/no in the language, an enumeration value as declared.
    package func valueText(_ v: Int64, fact f: Int, _ language: Language) -> String {
        if v == ResolvedQuery.missing { return Messages.text("value.notGiven", language) }
        switch facts[f].kind {
        case .bool: return Messages.text(v != 0 ? "value.true" : "value.false", language)
        case .int: return String(v)
        case .enumeration(let values): return v >= 0 && v < Int64(values.count) ? values[Int(v)] : String(v)
        }
    }

    /// parent precedence: 0 top, 1 inside or, 2 inside and, 3 inside not.
    private func text(_ n: Int32, _ language: Language, parent: Int) -> String {
        let node = nodes[Int(n)]
        let f = Int(node.fact)
        switch node.kind {
        case .truth: return facts[f].id
        case .compare:
            let op = ["==", "!=", "<", "<=", ">", ">="][Int(min(node.op, 5))]
            return "\(facts[f].id) \(op) \(valueText(node.value, fact: f, language))"
        case .member:
            let values = (Int(node.first)..<Int(node.first + node.count)).map {
                valueText(setValues[$0], fact: f, language)
            }
            let keyword = node.op == 1 ? word("not in", "niet in", language) : "in"
            return "\(facts[f].id) \(keyword) {\(values.joined(separator: ", "))}"
        case .not:
            return word("not", "niet", language) + " " + text(children[Int(node.first)], language, parent: 3)
        case .and, .or:
            let isAnd = node.kind == .and
            let operands = (Int(node.first)..<Int(node.first + node.count)).map {
                text(children[$0], language, parent: isAnd ? 2 : 1)
            }
            let separator = isAnd ? " \(word("and", "en", language)) " : " \(word("or", "of", language)) "
            let joined = operands.joined(separator: separator)
            let needs = isAnd ? parent == 1 || parent == 3 : parent > 1
            return needs ? "(\(joined))" : joined
        }
    }

    /// A timing as the table writes it ("within 4 weeks") in the language ("binnen 4 weken").
    package static func timingText(_ timing: String, _ language: Language) -> String {
        if timing == "before" { return Messages.text("timing.before", language) }
        if timing == "after" { return Messages.text("timing.after", language) }
        let words = timing.split(separator: " ")
        guard words.count == 3, words[0] == "within", let n = Int(words[1]) else { return timing }
        let unit = String(words[2]).hasSuffix("s") ? String(words[2].dropLast()) : String(words[2])
        return Messages.text(
            "timing.within", language, String(n), Messages.text("unit.\(unit)\(n == 1 ? "" : "s")", language))
    }
}
