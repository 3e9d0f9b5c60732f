extension LiterateDocument {
    /// `covenantc fmt` for a literate covenant: the file with each covenant block's declarations
    /// printed in the canonical layout (in `language`, else the file's keyword language) and
    /// every other byte — prose, headings, fences — as it was. `file` is the tree parsed from
    /// the virtual source. The `taal nl`
    /// header goes at the top of the first block that has content. An unclosed block is left
    /// as it is. Formatting twice gives what formatting once gives.
    public func formatted(_ file: CovenantFile, in language: KeywordLanguage? = nil) -> [UInt8] {
        var lineStarts = [0]
        for (i, b) in original.enumerated() where b == 0x0A { lineStarts.append(i + 1) }
        /// The offset where line `n` starts (the end of the file after its last line).
        func start(_ n: Int) -> Int { n - 1 < lineStarts.count ? lineStarts[n - 1] : original.count }

        // Yes/no facts are known across blocks, so `true` in a test translates with its fact.
        var boolFacts = Set<String>()
        for case .fact(let f) in file.declarations where f.type.value == .bool { boolFacts.insert(f.id.name) }
        let target = language ?? file.language
        let first = blocks.first { $0.content != nil && $0.closing != nil }?.opening

        var out: [UInt8] = []
        out.reserveCapacity(original.count)
        var next = 1
        for block in blocks {
            guard let content = block.content, block.closing != nil else { continue }
            out += original[start(next)..<start(content.lowerBound)]
            let text = printed(content, file, in: target, boolFacts: boolFacts, withHeader: block.opening == first)
            out += Array(text.utf8)
            next = content.upperBound + 1
        }
        out += original[start(next)...]
        return out
    }

    /// The declarations, header and comments that stand on `lines`, printed on their own.
    func printed(
        _ lines: ClosedRange<Int>, _ file: CovenantFile, in language: KeywordLanguage,
        boolFacts: Set<String>, withHeader: Bool
    ) -> String {
        let comments = file.comments.filter { lines.contains($0.range.start.line) }
        let part = CovenantFile(
            path: file.path, language: file.language, languageHeader: withHeader ? file.languageHeader : nil,
            messages: file.messages, header: file.header.flatMap { lines.contains($0.range.start.line) ? $0 : nil },
            declarations: file.declarations.filter { lines.contains($0.range.start.line) }, comments: comments)
        var printer = Printer(language: language, comments: comments, boolFacts: boolFacts)
        printer.printFile(part)
        // Only the first block says `taal nl`: the printer puts it (and a blank line) first.
        if !withHeader, printer.lines.first?.takesComments == false {
            printer.lines.removeFirst()
            if printer.lines.first?.text.isEmpty == true { printer.lines.removeFirst() }
        }
        var text = printer.render()
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text == "\n" ? "" : text
    }
}
