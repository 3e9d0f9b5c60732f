import CovenantEval

/// Compiles a checked covenant into a `DecisionTable`. Each dimension (senders, recipients,
/// leaf categories, purposes) is partitioned into equivalence classes of entities that every
/// rule treats alike, so the table grows with the distinctions rules make, not with the
/// product of all parties, categories and purposes.
public enum Compiler {
    public static func compile(_ model: CovenantModel, source: SourceFile) -> DecisionTable {
        var model = model
        if !model.hasIndexes { model.deriveIndexes() }
        var builder = ConditionBuilder(model: model)
        let ruleCount = model.rules.count

        // Scope of each rule, per dimension, as entity index lists.
        let allParties = Array(model.parties.indices)
        // `any` is every party but the processors (LANGUAGE-V2: a rule reaches a processor only by naming it).
        let anyParties = model.anyParties
        let leaves = leafIndices(model)
        let purposeClosure = model.purposeClosure
        let categoryLeaves = model.categoryLeaves
        var senderRules = [[Int32]](repeating: [], count: model.parties.count)
        var recipientRules = [[Int32]](repeating: [], count: model.parties.count)
        var leafRules = [[Int32]](repeating: [], count: model.categories.count)
        var purposeRules = [[Int32]](repeating: [], count: model.purposes.count)
        for (r, rule) in model.rules.enumerated() {
            let r32 = Int32(r)
            for p in parties(rule.senders, anyParties) { senderRules[p].append(r32) }
            for p in parties(rule.recipients, anyParties) { recipientRules[p].append(r32) }
            var covered = Set<Int>()
            for c in rule.categories { covered.formUnion(categoryLeaves[c]) }
            for leaf in covered.sorted() { leafRules[leaf].append(r32) }
            var purposes = Set<Int>()
            switch rule.purposes {
            case .any: purposes = Set(model.purposes.indices)
            case .some(let list): for p in list { purposes.formUnion(purposeClosure[p]) }
            }
            for p in purposes.sorted() { purposeRules[p].append(r32) }
        }

        let (senderClass, senderSignatures) = classes(senderRules, members: allParties)
        let (recipientClass, recipientSignatures) = classes(recipientRules, members: allParties)
        let (leafClassOfLeaf, leafSignatures) = classes(leafRules, members: leaves)
        let (purposeClass, purposeSignatures) = classes(purposeRules, members: Array(model.purposes.indices))
        var leafClass = [Int32](repeating: -1, count: model.categories.count)
        for leaf in leaves { leafClass[leaf] = leafClassOfLeaf[leaf] }

        // Exceptions are evaluated before the rules they defeat (deepest first).
        let depth = model.exceptionDepth.map(Int32.init)

        // Scope index: per (leaf class, purpose class) cell the rules covering both, in walk
        // order (deepest exceptions first, then by index); per rule its sender and recipient classes.
        let words = max(1, (ruleCount + 63) / 64)
        var cell: [Int32] = []
        let leafBits = leafSignatures.map { bitset($0, words: words) }
        let purposeBits = purposeSignatures.map { bitset($0, words: words) }
        var cellOffsets: [Int32] = [0]
        var cellRules: [Int32] = []
        cellOffsets.reserveCapacity(leafBits.count * purposeBits.count + 1)
        for leaf in leafBits {
            for purpose in purposeBits {
                cell.removeAll(keepingCapacity: true)
                for w in 0..<words {
                    var word = leaf[w] & purpose[w]
                    while word != 0 {
                        cell.append(Int32(w * 64 + word.trailingZeroBitCount))
                        word &= word - 1
                    }
                }
                cell.sort { (depth[Int($0)], -$0) > (depth[Int($1)], -$1) }
                cellRules += cell
                cellOffsets.append(Int32(cellRules.count))
            }
        }
        func partyBits(_ signatures: [[Int32]]) -> (words: Int, bits: [UInt64]) {
            let classWords = (signatures.count + 63) / 64
            var bits = [UInt64](repeating: 0, count: ruleCount * classWords)
            for (c, rulesOfClass) in signatures.enumerated() {
                for r in rulesOfClass { bits[Int(r) * classWords + c >> 6] |= UInt64(1) << UInt64(c & 63) }
            }
            return (classWords, bits)
        }
        let (senderWords, ruleSenderBits) = partyBits(senderSignatures)
        let (recipientWords, ruleRecipientBits) = partyBits(recipientSignatures)

        let rules = model.rules.enumerated().map { r, rule -> DecisionTable.Rule in
            DecisionTable.Rule(
                id: rule.id, title: rule.title, effect: rule.effect == .permit ? .permit : .deny,
                condition: rule.condition.map { builder.add($0) } ?? -1,
                conditionText: rule.condition.map { builder.text($0) },
                bases: rule.bases.map(Int32.init),
                obligations: rule.obligations.map { use in
                    DecisionTable.ObligationUse(
                        obligation: Int32(use.obligation),
                        actor: DecisionTable.Actor(rawValue: use.actor.rawValue) ?? .sender,
                        timing: use.timing.map { builder.timing($0) } ?? -1,
                        unless: use.unless.map { builder.add($0) } ?? -1,
                        unlessText: use.unless.map { builder.text($0) },
                        postponed: use.postponedWhile.map { builder.add($0) } ?? -1,
                        postponedText: use.postponedWhile.map { builder.text($0) })
                },
                exceptionTo: rule.exceptionTo.map(Int32.init) ?? -1, depth: depth[r])
        }

        var table = DecisionTable(
            metadata: .init(
                title: model.title, version: model.version, validFrom: model.validFrom, validUntil: model.validUntil,
                sourceSHA256: SHA256.hexDigest(source.bytes), language: model.language == .nl ? .nl : .en),
            parties: model.parties.map { .init(id: $0.id, name: $0.name) },
            categories: model.categories.indices.map {
                .init(
                    id: model.categories[$0].id, name: model.categories[$0].name,
                    leaves: categoryLeaves[$0].sorted().map(Int32.init))
            },
            purposes: model.purposes.map { .init(id: $0.id, name: $0.name) },
            facts: model.facts.map { fact in
                let kind: DecisionTable.FactKind
                switch fact.type {
                case .bool: kind = .bool
                case .int(let low, let high): kind = .int(low: Int64(low), high: Int64(high))
                case .enumeration(let values): kind = .enumeration(values)
                }
                let role: String? =
                    switch fact.role {
                    case .consent: "consent"
                    case .age: "age"
                    case .representative: "representative"
                    case nil: nil
                    }
                return .init(
                    id: fact.id, name: fact.name, kind: kind,
                    defaultValue: fact.defaultValue.map(ConditionBuilder.encode),
                    role: role, fixed: fact.fixed)
            },
            bases: model.bases.map { .init(id: $0.id, citation: $0.citation, kind: $0.kind.rawValue) },
            obligations: model.obligations.map { .init(id: $0.id, name: $0.text, kind: $0.kind.rawValue) },
            timings: builder.timings, rules: rules, nodes: builder.nodes, children: builder.children,
            setValues: builder.setValues, senderClass: senderClass, recipientClass: recipientClass,
            leafClass: leafClass, purposeClass: purposeClass, recipientClassCount: Int32(recipientSignatures.count),
            senderWords: Int32(senderWords), recipientWords: Int32(recipientWords), ruleSenderBits: ruleSenderBits,
            ruleRecipientBits: ruleRecipientBits, cellOffsets: cellOffsets, cellRules: cellRules,
            wordsPerClass: Int32(words), categoryRuleBits: leafBits.flatMap { $0 },
            purposeRuleBits: purposeBits.flatMap { $0 })
        table.groups = model.groups.map { .init(id: $0.id, members: $0.parties.map(Int32.init)) }
        table.sha256 = TableCodec.bodySHA256(table)
        return table
    }

    static func parties(_ targets: ResolvedTargets, _ all: [Int]) -> [Int] {
        switch targets {
        case .any: all
        case .some(let list): list
        }
    }

    /// Groups `members` by their rule lists: returns each entity's class (indexed like
    /// `signatures`; -1 for entities not in `members`) and each class's rule list.
    static func classes(_ rulesOf: [[Int32]], members: [Int]) -> ([Int32], [[Int32]]) {
        var classOf = [Int32](repeating: -1, count: rulesOf.count)
        var index: [[Int32]: Int32] = [:]
        var signatures: [[Int32]] = []
        for m in members {
            let signature = rulesOf[m]
            if let c = index[signature] {
                classOf[m] = c
            } else {
                let c = Int32(signatures.count)
                index[signature] = c
                signatures.append(signature)
                classOf[m] = c
            }
        }
        if signatures.isEmpty { signatures.append([]) }  // keep one class so indexing stays uniform
        return (classOf, signatures)
    }

    static func bitset(_ rules: [Int32], words: Int) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: words)
        for r in rules { bits[Int(r) >> 6] |= UInt64(1) << UInt64(r & 63) }
        return bits
    }

    static func leafIndices(_ model: CovenantModel) -> [Int] {
        model.categories.indices.filter { model.categories[$0].children.isEmpty }
    }
}

/// Flattens typed conditions into the table's node arrays (n-ary and/or, so long chains do
/// not nest), and prints them back for explanations.
struct ConditionBuilder {
    let model: CovenantModel
    var nodes: [DecisionTable.Node] = []
    var children: [Int32] = []
    var setValues: [Int64] = []
    var timings: [String] = []

    static func encode(_ v: FactValue) -> Int64 {
        switch v {
        case .bool(let b): b ? 1 : 0
        case .int(let n): Int64(n)
        case .enumeration(let i): Int64(i)
        }
    }

    mutating func timing(_ t: Timing) -> Int32 {
        let text: String
        switch t {
        case .before: text = "before"
        case .after: text = "after"
        case .within(let d):
            text = "within \(d.amount) \(d.amount == 1 ? String(d.unit.rawValue.dropLast()) : d.unit.rawValue)"
        }
        if let i = timings.firstIndex(of: text) { return Int32(i) }
        timings.append(text)
        return Int32(timings.count - 1)
    }

    mutating func add(_ c: TypedCondition) -> Int32 {
        switch c {
        case .truth(let f):
            return push(.init(kind: .truth, fact: Int32(f)))
        case .compare(let f, let op, let v):
            let code: DecisionTable.Node.Operator =
                switch op {
                case .eq: .eq
                case .ne: .ne
                case .lt: .lt
                case .le: .le
                case .gt: .gt
                case .ge: .ge
                }
            return push(.init(kind: .compare, op: code.rawValue, fact: Int32(f), value: Self.encode(v)))
        case .member(let f, let values, let negated):
            let first = Int32(setValues.count)
            setValues += values.map(Self.encode)
            return push(
                .init(kind: .member, op: negated ? 1 : 0, fact: Int32(f), first: first, count: Int32(values.count)))
        case .not(let inner):
            let child = add(inner)
            let first = Int32(children.count)
            children.append(child)
            return push(.init(kind: .not, first: first, count: 1))
        case .and, .or:
            let isAnd: Bool = if case .and = c { true } else { false }
            var operands: [TypedCondition] = []
            flatten(c, isAnd: isAnd, into: &operands)
            let added = operands.map { add($0) }
            let first = Int32(children.count)
            children += added
            return push(.init(kind: isAnd ? .and : .or, first: first, count: Int32(added.count)))
        }
    }

    private func flatten(_ c: TypedCondition, isAnd: Bool, into out: inout [TypedCondition]) {
        switch (c, isAnd) {
        case (.and(let a, let b), true), (.or(let a, let b), false):
            flatten(a, isAnd: isAnd, into: &out)
            flatten(b, isAnd: isAnd, into: &out)
        default:
            out.append(c)
        }
    }

    private mutating func push(_ node: DecisionTable.Node) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    /// The condition in English keywords, with parentheses only where precedence needs them.
    func text(_ c: TypedCondition) -> String { print(c, parent: 0) }

    private func value(_ v: FactValue, _ f: Int) -> String {
        switch (v, model.facts[f].type) {
        case (.bool(let b), _): b ? "true" : "false"
        case (.int(let n), _): String(n)
        case (.enumeration(let i), .enumeration(let names)): i < names.count ? names[i] : String(i)
        case (.enumeration(let i), _): String(i)
        }
    }

    /// parent precedence: 0 top, 1 inside or, 2 inside and, 3 inside not.
    private func print(_ c: TypedCondition, parent: Int) -> String {
        switch c {
        case .truth(let f): return model.facts[f].id
        case .compare(let f, let op, let v): return "\(model.facts[f].id) \(op.rawValue) \(value(v, f))"
        case .member(let f, let values, let negated):
            return
                "\(model.facts[f].id) \(negated ? "not in" : "in") "
                + "{\(values.map { value($0, f) }.joined(separator: ", "))}"
        case .not(let inner): return "not " + print(inner, parent: 3)
        case .and(let a, let b):
            let s = print(a, parent: 2) + " and " + print(b, parent: 2)
            return parent > 2 ? "(\(s))" : s
        case .or(let a, let b):
            let s = print(a, parent: 1) + " or " + print(b, parent: 1)
            return parent > 1 ? "(\(s))" : s
        }
    }
}
