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
                    report(Diagnostic(.covenantHeader, "a file holds one covenant, and this is a second 'covenant' header",
                                      at: t.range, notes: [DiagnosticNote("the first header is here", at: first.range)],
                                      help: "put each covenant in its own file"))
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
            report(Diagnostic(.covenantHeader, "the file has no 'covenant' header",
                              at: SourceRange(file: path, start: start.start, end: start.start),
                              help: "start with: \(kw(.covenant)) \"Title\" { \(kw(.version)) \"1\" \(kw(.controller)) <party> \(kw(.valid)) \(kw(.from)) 2025-01-01 \(kw(.until)) 2028-12-31 }"))
        }
        return CovenantFile(path: path, language: language, languageHeader: languageHeader, messages: words.language, header: header,
                            declarations: declarations, comments: [])
    }

    /// `language nl` / `taal nl` as the very first tokens (either spelling, in any file).
    mutating func parseLanguageHeader() {
        guard token.kind == .word, token.text == "language" || token.text == "taal",
              peek(1).kind == .word else { return }
        let keyword = advance()
        let t = advance()
        languageHeader = keyword.range.union(t.range)
        if let chosen = KeywordLanguage(rawValue: t.text) {
            language = chosen
        } else {
            report(Diagnostic(.unknownLanguage, "unknown keyword language '\(t.text)'", at: t.range,
                              help: "the keyword languages are 'en' (English) and 'nl' (Dutch)",
                              fix: Suggestions.closest(to: t.text, among: ["en", "nl"]).map { FixIt(range: t.range, replacement: $0) }))
        }
    }

    mutating func reportUnknownDeclaration() {
        let t = token
        let allowed = Self.declarationKeywords.map { kw($0) }
        guard t.kind == .word else {
            report(Diagnostic(.unexpectedToken, "expected a declaration (\(allowed.joined(separator: ", "))), found \(t.described)", at: t.range))
            return
        }
        var help = "a declaration starts with one of: \(allowed.joined(separator: ", "))"
        var fix: FixIt?
        let other: KeywordLanguage = language == .en ? .nl : .en
        if let k = Self.declarationKeywords.first(where: { $0.spellings(other).contains(t.text) }) {
            help = "'\(t.text)' is \(other == .en ? "English" : "Dutch"); this file uses \(language == .en ? "English" : "Dutch") keywords, so write '\(kw(k))'"
                + (language == .en ? " (or start the file with 'language nl')" : "")
            fix = FixIt(range: t.range, replacement: kw(k))
        } else if let near = Suggestions.closest(to: t.text, among: Self.declarationKeywords.flatMap { $0.spellings(language) }) {
            help = "did you mean '\(near)'?"
            fix = FixIt(range: t.range, replacement: near)
        }
        report(Diagnostic(.unknownClause, "'\(t.text)' does not start a declaration", at: t.range, help: help, fix: fix))
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
        return nil
    }

    // MARK: covenant "title" { version "v" controller id, id valid from D until D }

    mutating func parseHeader(_ keyword: Token) -> CovenantHeader? {
        guard let titleToken = eat(.string) else {
            fail(expected: "the covenant's title in quotes", "after '\(keyword.text)'")
            return nil
        }
        var header = CovenantHeader(title: StringLiteral(value: titleToken.text, range: titleToken.range),
                                    version: nil, controllers: nil, validity: nil, range: keyword.range)
        let context = "covenant header"
        header.range = parseBlock(context, opening: keyword.range.union(titleToken.range), clauses: [.version, .controller, .valid]) { p, clause, t in
            switch clause {
            case .version:
                if header.version != nil { p.duplicateClause(t, context) }
                guard let v = p.eat(.string) else { return p.fail(expected: "the version in quotes", "after '\(t.text)'") }
                header.version = StringLiteral(value: v.text, range: v.range)
            case .controller:
                if header.controllers != nil { p.duplicateClause(t, context) }
                // Joint controllers are listed in one clause: `controller a, b`.
                header.controllers = p.parseNameList("the controlling party", "after '\(t.text)'")
            default:
                if header.validity != nil { p.duplicateClause(t, context) }
                header.validity = p.parseValidity(t)
            }
        }
        if header.controllers == nil {
            missingClause(.controller, in: context, at: header.title.range,
                          help: "name the responsible party, for example '\(kw(.controller)) college'")
        }
        return header
    }

    mutating func parseValidity(_ keyword: Token) -> Validity? {
        guard eat(.from) != nil else {
            fail(expected: "'\(kw(.from))'", "after '\(keyword.text)'")
            return nil
        }
        guard let from = parseDate("after '\(kw(.from))'") else { return nil }
        var validity = Validity(from: from, until: nil, range: keyword.range.union(from.range))
        if eat(.until) != nil {
            guard let until = parseDate("after '\(kw(.until))'") else { return nil }
            validity.until = until
            validity.range = validity.range.union(until.range)
        }
        return validity
    }

    mutating func parseDate(_ context: String) -> DateLiteral? {
        guard at(.date) else {
            fail(expected: "a date (YYYY-MM-DD)", context)
            return nil
        }
        let t = advance()
        return DateLiteral(text: t.text, range: t.range)
    }

    // MARK: party id "name" { kind K secrecy S regime closed "law" for P, Q }

    mutating func parseParty(_ keyword: Token) -> PartyDecl? {
        guard let id = parseDeclaredName("party") else { return nil }
        var party = PartyDecl(id: id, name: parseOptionalString(), kind: nil, secrecy: nil, regime: nil, actsFor: nil, processorFor: nil, range: keyword.range)
        let context = "party '\(id.name)'"
        let errorsBefore = diagnostics.count
        party.range = parseBlock(context, opening: keyword.range.union(id.range), clauses: [.kind, .secrecy, .regime, .acts, .processor]) { p, clause, t in
            switch clause {
            case .acts:
                if party.actsFor != nil { p.duplicateClause(t, context) }
                // English `acts for P`; Dutch `namens P` (one word).
                if p.language == .en, p.eat(.for) == nil {
                    return p.fail(expected: "'\(p.kw(.for))'", "after '\(t.text)'", help: "write '\(p.kw(.acts)) \(p.kw(.for)) <party>': the party does that party's task under its responsibility")
                }
                party.actsFor = p.parseName("the party it acts for", "after '\(t.text)'")
            case .processor:
                if party.processorFor != nil { p.duplicateClause(t, context) }
                guard p.eat(.for) != nil else {
                    return p.fail(expected: "'\(p.kw(.for))'", "after '\(t.text)'", help: "write '\(p.kw(.processor)) \(p.kw(.for)) <party>': the party it processes for")
                }
                party.processorFor = p.parseName("the party it processes for", "after '\(p.kw(.for))'")
            case .kind:
                if party.kind != nil { p.duplicateClause(t, context) }
                party.kind = p.parseValueWord(PartyKind.self, "after '\(t.text)'")
            case .secrecy:
                if party.secrecy != nil { p.duplicateClause(t, context) }
                party.secrecy = p.parseValueWord(Secrecy.self, "after '\(t.text)'")
            default:
                if party.regime != nil { p.duplicateClause(t, context) }
                party.regime = p.parseRegime(t)
            }
        }
        if party.kind == nil, diagnostics.count == errorsBefore, !needsSync {
            missingClause(.kind, in: context, at: id.range,
                          help: "say what kind of organisation it is: \(PartyKind.allowedWords(language).joined(separator: ", "))")
        }
        return party
    }

    mutating func parseRegime(_ keyword: Token) -> Regime? {
        guard eat(.closed) != nil else {
            fail(expected: "'\(kw(.closed))'", "after '\(keyword.text)'", help: "write: \(kw(.regime)) \(kw(.closed)) \"Wet politiegegevens\" \(kw(.for)) <purposes>")
            return nil
        }
        guard let law = eat(.string) else {
            fail(expected: "the name of the law in quotes", "after '\(kw(.closed))'")
            return nil
        }
        guard eat(.for) != nil else {
            fail(expected: "'\(kw(.for))' and the purposes the law allows", "after the law")
            return nil
        }
        guard let purposes = parseNameList("a purpose", "after '\(kw(.for))'") else { return nil }
        var recipients: [Identifier]?
        if let to = eat(.regimeTo) {
            guard let names = parseNameList("a party or group", "after '\(to.text)'") else { return nil }
            recipients = names
        }
        return Regime(law: StringLiteral(value: law.text, range: law.range), purposes: purposes, recipients: recipients,
                      range: keyword.range.union(previousRange))
    }

    // MARK: group id "name" = a, b

    mutating func parseGroup(_ keyword: Token) -> GroupDecl? {
        guard let id = parseDeclaredName("group") else { return nil }
        let name = parseOptionalString()
        guard expect(.assign, "after the group's name") != nil else { return nil }
        guard let members = parseNameList("a party or group", "after '='") else { return nil }
        return GroupDecl(id: id, name: name, members: members, range: keyword.range.union(previousRange))
    }

    // MARK: category id "name" { nature N special S retention N unit  category ... }

    mutating func parseCategory(_ keyword: Token) -> CategoryDecl? {
        guard let id = parseDeclaredName("category") else { return nil }
        var category = CategoryDecl(id: id, name: parseOptionalString(), nature: nil, special: nil, retention: nil, children: [], range: keyword.range.union(id.range))
        guard at(.lbrace) else { return category }  // a leaf may omit its block
        let context = "category '\(id.name)'"
        category.range = parseBlock(context, opening: category.range, clauses: [.category, .nature, .special, .retention]) { p, clause, t in
            switch clause {
            case .category:
                if let child = p.parseCategory(t), p.countDeclaration(child.range) { category.children.append(child) }
            case .nature:
                if category.nature != nil { p.duplicateClause(t, context) }
                category.nature = p.parseValueWord(Nature.self, "after '\(t.text)'")
            case .special:
                if category.special != nil { p.duplicateClause(t, context) }
                category.special = p.parseValueWord(SpecialCategory.self, "after '\(t.text)'")
            default:
                if category.retention != nil { p.duplicateClause(t, context) }
                category.retention = p.parseDuration("after '\(t.text)'")
            }
        }
        return category
    }

    // MARK: purpose id "name" { purpose ... }

    mutating func parsePurpose(_ keyword: Token) -> PurposeDecl? {
        guard let id = parseDeclaredName("purpose") else { return nil }
        var purpose = PurposeDecl(id: id, name: parseOptionalString(), children: [], range: keyword.range.union(id.range))
        guard at(.lbrace) else { return purpose }
        let context = "purpose '\(id.name)'"
        purpose.range = parseBlock(context, opening: purpose.range, clauses: [.kind, .purpose]) { p, clause, t in
            if clause == .kind {
                if purpose.kind != nil { p.duplicateClause(t, context) }
                purpose.kind = p.parseValueWord(PurposeKind.self, "after '\(t.text)'")
            } else if let child = p.parsePurpose(t), p.countDeclaration(child.range) {
                purpose.children.append(child)
            }
        }
        return purpose
    }

    // MARK: fact id "name" : bool | int LO..HI | a | b | c  [default V]

    mutating func parseFact(_ keyword: Token) -> FactDecl? {
        guard let id = parseDeclaredName("fact") else { return nil }
        let name = parseOptionalString()
        guard expect(.colon, "after the fact's name (then its type: \(kw(.bool)), \(kw(.int)) 0..130, or values a | b)") != nil else { return nil }
        let typeStart = token.range
        let type: FactType
        if eat(.bool) != nil {
            type = .bool
        } else if eat(.int) != nil {
            guard let (low, _) = parseInteger("after '\(kw(.int))' (a range such as 0..130)") else { return nil }
            guard expect(.dotdot, "in the integer range") != nil else { return nil }
            guard let (high, _) = parseInteger("after '..'") else { return nil }
            type = .int(low: low, high: high)
        } else if token.kind == .word {
            var values = [Identifier(name: token.text, range: advance().range)]
            while eat(.pipe) != nil {
                guard token.kind == .word else {
                    fail(expected: "a value", "after '|'")
                    return nil
                }
                let t = advance()
                values.append(Identifier(name: t.text, range: t.range))
            }
            type = .enumeration(values)
        } else {
            fail(expected: "a type (\(kw(.bool)), \(kw(.int)) LO..HI, or values a | b | c)", "after ':'")
            return nil
        }
        let typeRange = typeStart.union(previousRange)
        var fact = FactDecl(id: id, name: name, type: Located(value: type, range: typeRange), defaultValue: nil, range: keyword.range.union(typeRange))
        if eat(.default) != nil {
            guard let value = parseValue("after '\(kw(.default))'") else { return nil }
            fact.defaultValue = value
            fact.range = fact.range.union(value.range)
        }
        if at(.lbrace) {
            let context = "fact '\(id.name)'"
            fact.range = parseBlock(context, opening: fact.range, clauses: [.role, .fixed]) { p, clause, t in
                if clause == .fixed {
                    if fact.fixed != nil { p.duplicateClause(t, context) }
                    fact.fixed = t.range
                    return
                }
                if fact.role != nil { p.duplicateClause(t, context) }
                guard let role = p.parseValueWord(FactRole.self, "after '\(t.text)'") else { return }
                var decl = FactRoleDecl(role: role, valid: nil, range: t.range.union(role.range))
                if let v = p.eat(.valid) {
                    var values: [Value] = []
                    repeat {
                        guard let value = p.parseValue(values.isEmpty ? "after '\(v.text)'" : "after ','") else { return }
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
        guard let id = parseDeclaredName("basis") else { return nil }
        var basis = BasisDecl(id: id, citation: parseOptionalString(), kind: nil, range: keyword.range.union(id.range))
        let context = "basis '\(id.name)'"
        let errorsBefore = diagnostics.count
        basis.range = parseBlock(context, opening: basis.range, clauses: [.kind]) { p, _, t in
            if basis.kind != nil { p.duplicateClause(t, context) }
            basis.kind = p.parseValueWord(BasisKind.self, "after '\(t.text)'")
        }
        if basis.kind == nil, diagnostics.count == errorsBefore, !needsSync {
            missingClause(.kind, in: context, at: id.range,
                          help: "say what kind of basis it is: \(BasisKind.allowedWords(language).joined(separator: ", "))")
        }
        return basis
    }

    // MARK: obligation id "text"

    mutating func parseObligation(_ keyword: Token) -> ObligationDecl? {
        guard let id = parseDeclaredName("obligation") else { return nil }
        let text = parseOptionalString()
        var obligation = ObligationDecl(id: id, text: text, range: keyword.range.union(previousRange))
        guard at(.lbrace) else { return obligation }
        let context = "obligation '\(id.name)'"
        obligation.range = parseBlock(context, opening: obligation.range, clauses: [.kind]) { p, _, t in
            if obligation.kind != nil { p.duplicateClause(t, context) }
            obligation.kind = p.parseValueWord(ObligationKind.self, "after '\(t.text)'")
        }
        return obligation
    }
}
