@testable import CovenantEval
@testable import CovenantLang
import Testing

/// The decision loop's compiled conditions (Evaluate/ConditionProgram.swift) against the table's
/// condition tree, evaluated the plain way: on random conditions over every kind of fact — yes/no,
/// narrow integers and enumerations (truth bitsets), wide integers (direct comparisons and value
/// lists) — with every fact given, left out, or at the ends of its range.
@Suite struct ConditionProgramTests {
    struct Generator {
        var rng: SplitMix
        mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
        mutating func pick<T>(_ list: [T]) -> T { list[int(list.count)] }

        mutating func condition(depth: Int) -> String {
            if depth < 4, int(100) < 50 {
                switch int(3) {
                case 0: return "not \(condition(depth: depth + 1))"
                case 1: return "(\(condition(depth: depth + 1)) and \(condition(depth: depth + 1)))"
                default: return "(\(condition(depth: depth + 1)) or \(condition(depth: depth + 1)))"
                }
            }
            let op = pick(["==", "!=", "<", "<=", ">", ">="])
            switch int(9) {
            case 0: return pick(["yes", "risk"])
            case 1: return "yes \(pick(["==", "!="])) \(pick(["true", "false"]))"
            case 2: return "small \(op) \(int(11))"
            case 3: return "age \(op) \(int(131))"
            case 4: return "income \(op) \(pick([-5, 0, 1, 64, 999_999, 1_000_000, int(2000)]))"
            case 5: return "level \(pick(["==", "!="])) \(pick(["low", "mid", "high"]))"
            case 6: return "level \(pick(["in", "not in"])) {\(pick(["low", "low, mid", "mid, high"]))}"
            case 7: return "age \(pick(["in", "not in"])) {\(int(131)), \(int(131)), 130}"
            default: return "small in {0, \(int(11))}"
            }
        }
    }

    static let facts = """
        fact yes : bool
        fact risk : bool default false
        fact small : int 0..10
        fact age : int 0..130
        fact income : int -5..1000000
        fact level : low | mid | high

        """

    /// Values to try for each fact (encoded), missing included.
    static let values: [[Int64]] = [
        [0, 1], [0, 1], [0, 1, 5, 10], [0, 15, 16, 64, 129, 130], [-5, 0, 63, 999_999, 1_000_000], [0, 1, 2],
    ].map { $0 + [ResolvedQuery.missing] }

    @Test(arguments: 0..<8)
    func programsAgreeWithTheConditionTree(batch: Int) throws {
        for seed in UInt64(batch * 5)..<UInt64(batch * 5 + 5) {
            var g = Generator(rng: SplitMix(seed: seed &+ 1234))
            var text = "covenant \"Conditions\" { version \"1\" controller a }\nparty a { kind government }\n"
            text += "category c\npurpose u\n" + Self.facts
            for r in 0..<40 {
                text += "rule r\(r) {\n  forbid any -> any share c for u\n  when \(g.condition(depth: 0))\n}\n"
            }
            let result = Frontend.check(SourceFile(path: "conditions-\(seed).covenant", text: text))
            guard let model = result.model else {
                Issue.record("the generated covenant does not check:\n\(Support.rendered(result))")
                return
            }
            let table = Compiler.compile(model, source: result.source)
            let evaluator = Evaluator(compiled: table)
            let program = ConditionProgram(table)
            #expect(program.words.count < 40 * 64)
            var rng = SplitMix(seed: seed)
            for _ in 0..<300 {
                let facts = Self.values.map { $0[Int(rng.next() % UInt64($0.count))] }
                for rule in table.rules {
                    let start = Int(program.start[Int(rule.condition)])
                    let fast = program.words.withUnsafeBufferPointer { words in
                        facts.withUnsafeBufferPointer { given in
                            program.bias.withUnsafeBufferPointer { bias in
                                ConditionProgram.evaluate(
                                    words.baseAddress!, start, given.baseAddress!, bias.baseAddress!)
                            }
                        }
                    }
                    let plain = evaluator.evaluate(rule.condition, facts)
                    if fast != plain {
                        let condition = rule.conditionText ?? ""
                        Issue.record("seed \(seed), \(rule.id) (\(condition)), facts \(facts): \(fast) ≠ \(plain)")
                        return
                    }
                }
            }
        }
    }

    /// One forbid for everyone when `yes`: a table to graft hand-made condition nodes onto.
    static func oneRule() throws -> DecisionTable {
        let text = """
            covenant "One rule" { version "1" controller a }
            party a { kind government }
            category c
            purpose u
            fact yes : bool
            rule r { forbid any -> any share c for u when yes }

            """
        let result = Frontend.check(SourceFile(path: "one-rule.covenant", text: text))
        return Compiler.compile(try #require(result.model), source: result.source)
    }

    /// A table made by other means may share condition nodes: 60 levels of `and(x, x)` and
    /// `or(x, x)` over one fact. The program is compiled once per node (not once per path, which
    /// would be 2^60), and decides like the fact itself.
    @Test func sharedNodesAreCompiledOnce() throws {
        var table = try Self.oneRule()
        var top = table.rules[0].condition
        for level in 0..<60 {
            table.children += [top, top]
            table.nodes.append(
                .init(kind: level % 2 == 0 ? .and : .or, first: Int32(table.children.count - 2), count: 2))
            top = Int32(table.nodes.count - 1)
        }
        table.rules[0].condition = top
        let evaluator = try Evaluator(table: table)
        #expect(ConditionProgram(table).words.count < 60 * 8)
        for (given, expected) in [(true, DecisionTable.Effect.deny), (false, .deny)] {
            let query = Query(from: "a", to: "a", share: "c", purpose: "u", facts: ["yes": .bool(given)])
            var scratch = DecisionScratch()
            evaluator.decide(try evaluator.resolve(query, on: table.firstDayInForce), into: &scratch)
            #expect(scratch.effect == expected)
            #expect(scratch.forbids == (given ? [0] : []))
        }
    }

    /// Conditions nested deeper than `maxConditionDepth` are refused when the table is checked,
    /// so that no table can make evaluation exhaust a thread's stack.
    @Test func tooDeepConditionsAreRefused() throws {
        var table = try Self.oneRule()
        var top = table.rules[0].condition
        for _ in 0..<Int(DecisionTable.maxConditionDepth) {
            table.children.append(top)
            table.nodes.append(.init(kind: .not, first: Int32(table.children.count - 1), count: 1))
            top = Int32(table.nodes.count - 1)
        }
        table.rules[0].condition = top
        #expect(throws: Never.self) { try table.check() }
        table.children.append(top)
        table.nodes.append(.init(kind: .not, first: Int32(table.children.count - 1), count: 1))
        table.rules[0].condition = Int32(table.nodes.count - 1)
        #expect(throws: TableCodec.LoadError.self) { try table.check() }
        do {
            try table.check()
        } catch {
            #expect(error.kind == .nodeDepth)
            #expect(error.message(in: .nl).contains("meer dan 256 niveaus diep genest"))
        }
    }
}
