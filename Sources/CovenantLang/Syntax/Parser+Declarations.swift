extension Parser {
    mutating func parseFile() -> CovenantFile {
        parseLanguageHeader()
        var header: CovenantHeader?
        var declarations: [Declaration] = []
        while !at(.eof), !stopped {
            if needsSync {
                // Skip the rest of a failed declaration, or a stray token, to the next declaration.
                needsSync = false
                while !at(.eof), !atDeclarationStart() {
                    skip { p in p.atDeclarationStart() }
                    if at(.rbrace) { advance() }
                }
                continue
            }
            let start = index
            if at(.covenant) {
                let t = advance()
                let parsed = parseHeader(t)
                if let first = header {
                    report(
                        Diagnostic(
                            .covenantHeader, words("parser.secondHeader", kw(.covenant)),
                            at: t.range, notes: [DiagnosticNote(words("parser.secondHeader.first"), at: first.range)],
                            help: words("parser.secondHeader.help")))
                } else {
                    header = parsed
                }
            } else if let declaration = parseDeclaration() {
                if countDeclaration(declaration.range) { declarations.append(declaration) }
            } else if !needsSync {
                reportUnknownDeclaration()
                needsSync = true
            }
            if index == start, !needsSync { advance() }
        }
        if header == nil, !stopped {
            let start = tokens[0].range
            report(
                Diagnostic(
                    .covenantHeader, words("parser.noHeader", kw(.covenant)),
                    at: SourceRange(file: path, start: start.start, end: start.start),
                    help: words(
                        "parser.noHeader.help", kw(.covenant), kw(.version), kw(.controller), kw(.valid), kw(.from),
                        kw(.until))))
        }
        return CovenantFile(
            path: path, language: language, languageHeader: languageHeader, messages: words.language, header: header,
            declarations: declarations, comments: [])
    }

    /// `language nl` / `taal nl` as the very first tokens (either spelling, in any file).
    mutating func parseLanguageHeader() {
        guard token.kind == .word, token.text == "language" || token.text == "taal",
            peek(1).kind == .word
        else { return }
        let keyword = advance()
        let t = advance()
        languageHeader = keyword.range.union(t.range)
        if let chosen = KeywordLanguage(rawValue: t.text) {
            language = chosen
        } else {
            report(
                Diagnostic(
                    .unknownLanguage, words("parser.unknownLanguage", t.text), at: t.range,
                    help: words("parser.unknownLanguage.help"),
                    fix: Suggestions.closest(to: t.text, among: ["en", "nl"]).map {
                        FixIt(range: t.range, replacement: $0)
                    }))
        }
    }

    mutating func reportUnknownDeclaration() {
        let t = token
        let allowed = Self.declarationKeywords.map { kw($0) }.joined(separator: ", ")
        guard t.kind == .word else {
            report(Diagnostic(.unexpectedToken, words("parser.expectedDeclaration", allowed, describe(t)), at: t.range))
            return
        }
        var help = words("parser.declarations", allowed)
        var fix: FixIt?
        if let k = Self.declarationKeywords.first(where: { $0.spellings(otherLanguage).contains(t.text) }) {
            help =
                otherLanguage == .en
                ? words("parser.clause.english", t.text, kw(k)) : words("parser.declaration.dutch", t.text, kw(k))
            fix = FixIt(range: t.range, replacement: kw(k))
        } else if let near = Suggestions.closest(
            to: t.text, among: Self.declarationKeywords.flatMap { $0.spellings(language) })
        {
            help = words("parser.didYouMean", near)
            fix = FixIt(range: t.range, replacement: near)
        }
        report(Diagnostic(.unknownClause, words("parser.notADeclaration", t.text), at: t.range, help: help, fix: fix))
    }

    /// One declaration, or nil (with `needsSync` set when it started but failed) when the
    /// current token starts none.
    mutating func parseDeclaration() -> Declaration? {
        guard token.kind == .word else { return nil }
        if at(.party) { return parseParty(advance()).map(Declaration.party) }
        if at(.group) { return parseGroup(advance()).map(Declaration.group) }
        if at(.category) { return parseCategory(advance()).map(Declaration.category) }
        if at(.purpose) { return parsePurpose(advance()).map(Declaration.purpose) }
        if at(.fact) { return parseFact(advance()).map(Declaration.fact) }
        if at(.basis) { return parseBasis(advance()).map(Declaration.basis) }
        if at(.obligation) { return parseObligation(advance()).map(Declaration.obligation) }
        if at(.rule) { return parseRule(advance()).map(Declaration.rule) }
        if at(.test) { return parseTest(advance()).map(Declaration.test) }
        if at(.guarantee) { return parseGuarantee(advance()).map(Declaration.guarantee) }
        return nil
    }

    // MARK: covenant "title" { version "v" controller id, id valid from D until D }

    mutating func parseHeader(_ keyword: Token) -> CovenantHeader? {
        guard let titleToken = eat(.string) else {
            fail(expected: words("parser.what.covenantTitle"), after(keyword.text))
            return nil
        }
        var header = CovenantHeader(
            title: StringLiteral(value: titleToken.text, range: titleToken.range),
            version: nil, controllers: nil, validity: nil, range: keyword.range)
        let context = Block.header
        header.range = parseBlock(
            context, opening: keyword.range.union(titleToken.range), clauses: [.version, .controller, .valid]
        ) { p, clause, t in
            switch clause {
            case .version:
                if header.version != nil { p.duplicateClause(t, context) }
                guard let v = p.eat(.string) else {
                    return p.fail(expected: p.words("parser.what.version"), p.after(t.text))
                }
                header.version = StringLiteral(value: v.text, range: v.range)
            case .controller:
                if header.controllers != nil { p.duplicateClause(t, context) }
                // Joint controllers are listed in one clause: `controller a, b`.
                header.controllers = p.parseNameList(p.words("parser.what.controller"), p.after(t.text))
            default:
                if header.validity != nil { p.duplicateClause(t, context) }
                header.validity = p.parseValidity(t)
            }
        }
        if header.controllers == nil {
            missingClause(
                .controller, in: context, at: header.title.range,
                help: words("parser.missingController.help", kw(.controller)))
        }
        return header
    }

    mutating func parseValidity(_ keyword: Token) -> Validity? {
        guard eatEither(.from) != nil else {
            fail(expected: "'\(kw(.from))'", after(keyword.text))
            return nil
        }
        guard let from = parseDate(after(kw(.from))) else { return nil }
        var validity = Validity(from: from, until: nil, range: keyword.range.union(from.range))
        if eatEither(.until) != nil {
            guard let until = parseDate(after(kw(.until))) else { return nil }
            validity.until = until
            validity.range = validity.range.union(until.range)
        }
        return validity
    }

    mutating func parseDate(_ context: String) -> DateLiteral? {
        guard at(.date) else {
            fail(expected: words("parser.what.date"), context)
            return nil
        }
        let t = advance()
        return DateLiteral(text: t.text, range: t.range)
    }

    // MARK: party id "name" { kind K secrecy S regime closed "law" for P, Q }

    mutating func parseParty(_ keyword: Token) -> PartyDecl? {
        guard let id = parseDeclaredName(.party) else { return nil }
        var party = PartyDecl(
            id: id, name: parseOptionalString(), kind: nil, secrecy: nil, regime: nil, actsFor: nil, processorFor: nil,
            range: keyword.range)
        let context = Block.party(id.name)
        let errorsBefore = diagnostics.count
        party.range = parseBlock(
            context, opening: keyword.range.union(id.range), clauses: [.kind, .secrecy, .regime, .acts, .processor]
        ) { p, clause, t in
            switch clause {
            case .acts:
                if party.actsFor != nil { p.duplicateClause(t, context) }
                // English `acts for P`; Dutch `namens P` (one word).
                if p.language == .en, p.eatEither(.for) == nil {
                    return p.fail(
                        expected: "'\(p.kw(.for))'", p.after(t.text),
                        help: p.words("parser.actsFor.help", p.kw(.acts), p.kw(.for)))
                }
                party.actsFor = p.parseName(p.words("parser.what.actsFor"), p.after(t.text))
            case .processor:
                if party.processorFor != nil { p.duplicateClause(t, context) }
                guard p.eatEither(.for) != nil else {
                    return p.fail(
                        expected: "'\(p.kw(.for))'", p.after(t.text),
                        help: p.words("parser.processorFor.help", p.kw(.processor), p.kw(.for)))
                }
                party.processorFor = p.parseName(p.words("parser.what.processorFor"), p.after(p.kw(.for)))
            case .kind:
                if party.kind != nil { p.duplicateClause(t, context) }
                party.kind = p.parseValueWord(PartyKind.self, p.after(t.text))
            case .secrecy:
                if party.secrecy != nil { p.duplicateClause(t, context) }
                party.secrecy = p.parseValueWord(Secrecy.self, p.after(t.text))
            default:
                if party.regime != nil { p.duplicateClause(t, context) }
                party.regime = p.parseRegime(t)
            }
        }
        if party.kind == nil, diagnostics.count == errorsBefore, !needsSync {
            missingClause(
                .kind, in: context, at: id.range,
                help: words("parser.missingPartyKind.help", PartyKind.allowedWords(language).joined(separator: ", ")))
        }
        return party
    }

    mutating func parseRegime(_ keyword: Token) -> Regime? {
        guard eatEither(.closed) != nil else {
            fail(
                expected: "'\(kw(.closed))'", after(keyword.text),
                help: words("parser.regime.help", kw(.regime), kw(.closed), kw(.for)))
            return nil
        }
        guard let law = eat(.string) else {
            fail(expected: words("parser.what.law"), after(kw(.closed)))
            return nil
        }
        guard eatEither(.for) != nil else {
            fail(expected: words("parser.what.regimePurposes", kw(.for)), words("parser.afterLaw"))
            return nil
        }
        guard let purposes = parseNameList(words("parser.what.purpose"), after(kw(.for))) else { return nil }
        var recipients: [Identifier]?
        if eatEither(.regimeTo) != nil {
            guard let names = parseNameList(words("parser.what.partyOrGroup"), after(kw(.regimeTo))) else { return nil }
            recipients = names
        }
        return Regime(
            law: StringLiteral(value: law.text, range: law.range), purposes: purposes, recipients: recipients,
            range: keyword.range.union(previousRange))
    }

    // MARK: group id "name" = a, b

    mutating func parseGroup(_ keyword: Token) -> GroupDecl? {
        guard let id = parseDeclaredName(.group) else { return nil }
        let name = parseOptionalString()
        guard expect(.assign, words("parser.afterGroupName")) != nil else { return nil }
        guard let members = parseNameList(words("parser.what.partyOrGroup"), after("=")) else { return nil }
        return GroupDecl(id: id, name: name, members: members, range: keyword.range.union(previousRange))
    }

    // MARK: category id "name" { nature N special S retention N unit  category ... }

    mutating func parseCategory(_ keyword: Token) -> CategoryDecl? {
        guard let id = parseDeclaredName(.category) else { return nil }
        var category = CategoryDecl(
            id: id, name: parseOptionalString(), nature: nil, special: nil, retention: nil, children: [],
            range: keyword.range.union(id.range))
        guard at(.lbrace) else { return category }  // a leaf may omit its block
        let context = Block.category(id.name)
        category.range = parseBlock(
            context, opening: category.range, clauses: [.category, .nature, .special, .retention]
        ) { p, clause, t in
            switch clause {
            case .category:
                if let child = p.parseCategory(t), p.countDeclaration(child.range) { category.children.append(child) }
            case .nature:
                if category.nature != nil { p.duplicateClause(t, context) }
                category.nature = p.parseValueWord(Nature.self, p.after(t.text))
            case .special:
                if category.special != nil { p.duplicateClause(t, context) }
                category.special = p.parseValueWord(SpecialCategory.self, p.after(t.text))
            default:
                if category.retention != nil { p.duplicateClause(t, context) }
                category.retention = p.parseDuration(p.after(t.text))
            }
        }
        return category
    }

    // MARK: purpose id "name" { purpose ... }

    mutating func parsePurpose(_ keyword: Token) -> PurposeDecl? {
        guard let id = parseDeclaredName(.purpose) else { return nil }
        var purpose = PurposeDecl(
            id: id, name: parseOptionalString(), children: [], range: keyword.range.union(id.range))
        guard at(.lbrace) else { return purpose }
        let context = Block.purpose(id.name)
        purpose.range = parseBlock(context, opening: purpose.range, clauses: [.kind, .purpose]) { p, clause, t in
            if clause == .kind {
                if purpose.kind != nil { p.duplicateClause(t, context) }
                purpose.kind = p.parseValueWord(PurposeKind.self, p.after(t.text))
            } else if let child = p.parsePurpose(t), p.countDeclaration(child.range) {
                purpose.children.append(child)
            }
        }
        return purpose
    }

    // MARK: fact id "name" : bool | int LO..HI | a | b | c  [default V]

    mutating func parseFact(_ keyword: Token) -> FactDecl? {
        guard let id = parseDeclaredName(.fact) else { return nil }
        let name = parseOptionalString()
        guard expect(.colon, words("parser.afterFactName", kw(.bool), kw(.int))) != nil else { return nil }
        let typeStart = token.range
        let type: FactType
        // `janee` in an English file (or `bool` in a Dutch one) is the other language's type,
        // unless it starts a list of values; `getal` likewise when a range follows.
        let otherBool = atOther(.bool) && peek(1).kind != .pipe
        let otherInt = atOther(.int) && (peek(1).kind == .integer || peek(1).kind == .minus)
        if eat(.bool) != nil || (otherBool && eatEither(.bool) != nil) {
            type = .bool
        } else if eat(.int) != nil || (otherInt && eatEither(.int) != nil) {
            guard let (low, _) = parseInteger(words("parser.afterInt", kw(.int))) else { return nil }
            guard expect(.dotdot, words("parser.inIntegerRange")) != nil else { return nil }
            guard let (high, _) = parseInteger(after("..")) else { return nil }
            type = .int(low: low, high: high)
        } else if token.kind == .word {
            var values = [Identifier(name: token.text, range: advance().range)]
            while eat(.pipe) != nil {
                guard token.kind == .word else {
                    fail(expected: words("parser.what.value"), after("|"))
                    return nil
                }
                let t = advance()
                values.append(Identifier(name: t.text, range: t.range))
            }
            type = .enumeration(values)
        } else {
            fail(expected: words("parser.what.factType", kw(.bool), kw(.int)), after(":"))
            return nil
        }
        let typeRange = typeStart.union(previousRange)
        var fact = FactDecl(
            id: id, name: name, type: Located(value: type, range: typeRange), defaultValue: nil,
            range: keyword.range.union(typeRange))
        if eatEither(.default) != nil {
            guard let value = parseValue(after(kw(.default))) else { return nil }
            fact.defaultValue = value
            fact.range = fact.range.union(value.range)
        }
        if at(.lbrace) {
            let context = Block.fact(id.name)
            fact.range = parseBlock(context, opening: fact.range, clauses: [.role, .fixed]) { p, clause, t in
                if clause == .fixed {
                    if fact.fixed != nil { p.duplicateClause(t, context) }
                    fact.fixed = t.range
                    return
                }
                if fact.role != nil { p.duplicateClause(t, context) }
                guard let role = p.parseValueWord(FactRole.self, p.after(t.text)) else { return }
                var decl = FactRoleDecl(role: role, valid: nil, range: t.range.union(role.range))
                if p.eatEither(.valid) != nil {
                    var values: [Value] = []
                    repeat {
                        guard let value = p.parseValue(p.after(values.isEmpty ? p.kw(.valid) : ",")) else { return }
                        values.append(value)
                    } while p.eat(.comma) != nil
                    decl.valid = values
                    decl.range = decl.range.union(p.previousRange)
                }
                fact.role = decl
            }
        }
        return fact
    }

    // MARK: basis id "citation" { kind K }

    mutating func parseBasis(_ keyword: Token) -> BasisDecl? {
        guard let id = parseDeclaredName(.basis) else { return nil }
        var basis = BasisDecl(id: id, citation: parseOptionalString(), kind: nil, range: keyword.range.union(id.range))
        let context = Block.basis(id.name)
        let errorsBefore = diagnostics.count
        basis.range = parseBlock(context, opening: basis.range, clauses: [.kind]) { p, _, t in
            if basis.kind != nil { p.duplicateClause(t, context) }
            basis.kind = p.parseValueWord(BasisKind.self, p.after(t.text))
        }
        if basis.kind == nil, diagnostics.count == errorsBefore, !needsSync {
            missingClause(
                .kind, in: context, at: id.range,
                help: words("parser.missingBasisKind.help", BasisKind.allowedWords(language).joined(separator: ", ")))
        }
        return basis
    }

    // MARK: obligation id "text"

    mutating func parseObligation(_ keyword: Token) -> ObligationDecl? {
        guard let id = parseDeclaredName(.obligation) else { return nil }
        let text = parseOptionalString()
        var obligation = ObligationDecl(id: id, text: text, range: keyword.range.union(previousRange))
        guard at(.lbrace) else { return obligation }
        let context = Block.obligation(id.name)
        obligation.range = parseBlock(context, opening: obligation.range, clauses: [.kind]) { p, _, t in
            if obligation.kind != nil { p.duplicateClause(t, context) }
            obligation.kind = p.parseValueWord(ObligationKind.self, p.after(t.text))
        }
        return obligation
    }
}
