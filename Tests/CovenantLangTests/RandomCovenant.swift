@testable import CovenantLang

/// Random covenants as source text, for differential and property tests: random party
/// groups (nested), category and purpose trees, facts of every type, conditions over all of
/// them, exceptions (and exceptions to exceptions), obligations with timing and waivers.
struct RandomCovenant {
    var rng: SplitMix
    var text = ""
    var parties: [String] = []
    var groups: [String] = []
    var categories: [String] = []
    var purposes: [String] = []

    init(seed: UInt64) { rng = SplitMix(seed: seed) }

    mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ list: [T]) -> T { list[int(list.count)] }

    static let facts = ["fb", "fd", "fi", "fj", "fe"]

    mutating func generate() -> String {
        text = "covenant \"Random\" { version \"1\" controller p0 valid from 2025-01-01 until 2026-12-31 }\n"
        for i in 0..<(3 + int(5)) {
            parties.append("p\(i)")
            text += "party p\(i) { kind \(pick(["government", "care", "enforcement", "education"])) }\n"
        }
        // Version 2: a processor (outside `any`) and a party acting for the controller.
        if chance(50) {
            parties.append("pr")
            text += "party pr { kind other processor for p0 }\n"
        }
        if chance(50) { text += "party desk { kind government acts for p0 }\n"; parties.append("desk") }
        for i in 0..<int(4) {
            var members = Set<String>()
            for _ in 0..<(1 + int(3)) { members.insert(pick(parties + groups)) }
            groups.append("g\(i)")
            text += "group g\(i) = \(members.sorted().joined(separator: ", "))\n"
        }
        text += "category c0 {\n"
        categories.append("c0")
        var cats = categories
        tree(kind: "category", prefix: "c", depth: 1, into: &cats)
        categories = cats
        text += "}\n"
        text += "purpose u0 {\n"
        purposes.append("u0")
        var ps = purposes
        tree(kind: "purpose", prefix: "u", depth: 1, into: &ps)
        purposes = ps
        text += "}\n"
        if chance(50) { text += "purpose v0\n"; purposes.append("v0") }
        text += "fact fb : bool default false\n"
        text += "fact fd : bool\n"
        text += "fact fi : int 0..10\(chance(50) ? " default 5" : "")\n"
        text += "fact fj : int -3..3\n"
        text += "fact fe : x | y | z\(chance(50) ? " default x" : "")\n"
        text += "basis b0 { kind consent }\nbasis b1 { kind public_task }\n"
        text += "obligation o0\nobligation o1\nobligation o2\n"
        var effects: [Bool] = []  // true = permit
        for r in 0..<(2 + int(10)) {
            let permit = chance(60)
            var header = "rule r\(r)"
            let opposite = effects.indices.filter { effects[$0] != permit }
            if !opposite.isEmpty, chance(35) { header += " exception to r\(pick(opposite))" }
            effects.append(permit)
            text +=
                "\(header) {\n  \(permit ? "permit" : "forbid") \(targets(parties + groups)) "
                + "-> \(targets(parties + groups))\n"
            var shared = Set<String>()
            for _ in 0..<(1 + int(2)) { shared.insert(pick(categories)) }
            text += "  share \(shared.sorted().joined(separator: ", "))\n"
            let purposesText = Set((0..<(1 + int(2))).map { _ in pick(purposes) }).sorted().joined(separator: ", ")
            text += "  for \(chance(25) ? "any" : purposesText)\n"
            if chance(75) { text += "  when \(condition(depth: 0))\n" }
            if permit {
                text += "  basis \(chance(50) ? "b0" : "b0, b1")\n"
                if chance(70) {
                    let uses = (0..<(1 + int(3))).map { _ -> String in
                        var use =
                            (chance(30) ? pick(["sender ", "recipient ", "controller "]) : "")
                            + pick(["o0", "o1", "o2"])
                        switch int(4) {
                        case 0: use += " before"
                        case 1: use += " after"
                        case 2: use += " within \(1 + int(4)) weeks"
                        default: break
                        }
                        if chance(30) { use += " postponed while \(condition(depth: 1))" }
                        if chance(40) { use += " unless \(condition(depth: 1))" }
                        return use
                    }
                    text += "  oblige \(uses.joined(separator: ", "))\n"
                }
            }
            text += "}\n"
        }
        return text
    }

    mutating func tree(kind: String, prefix: String, depth: Int, into list: inout [String]) {
        for _ in 0..<(1 + int(3)) {
            let name = "\(prefix)\(list.count)"
            list.append(name)
            let indent = String(repeating: "  ", count: depth)
            if depth < 3, chance(40) {
                text += "\(indent)\(kind) \(name) {\n"
                tree(kind: kind, prefix: prefix, depth: depth + 1, into: &list)
                text += "\(indent)}\n"
            } else {
                text += "\(indent)\(kind) \(name)\n"
            }
        }
    }

    mutating func targets(_ names: [String]) -> String {
        if chance(15) { return "any" }
        return Set((0..<(1 + int(2))).map { _ in pick(names) }).sorted().joined(separator: ", ")
    }

    mutating func condition(depth: Int) -> String {
        if depth < 3, chance(45) {
            switch int(3) {
            case 0: return "not \(condition(depth: depth + 1))"
            case 1: return "(\(condition(depth: depth + 1)) and \(condition(depth: depth + 1)))"
            default: return "(\(condition(depth: depth + 1)) or \(condition(depth: depth + 1)))"
            }
        }
        switch int(8) {
        case 0: return pick(["fb", "fd"])
        case 1: return "\(pick(["fb", "fd"])) \(pick(["==", "!="])) \(pick(["true", "false"]))"
        case 2, 3: return "fi \(pick(["==", "!=", "<", "<=", ">", ">="])) \(int(11))"
        case 4: return "fj \(pick(["==", "!=", "<", "<=", ">", ">="])) \(int(7) - 3)"
        case 5: return "fe \(pick(["==", "!="])) \(pick(["x", "y", "z"]))"
        case 6:
            return
                "fe \(pick(["in", "not in"])) "
                + "{\(Set((0..<(1 + int(2))).map { _ in pick(["x", "y", "z"]) }).sorted().joined(separator: ", "))}"
        default: return "fi in {\(int(11)), \(int(11))}"
        }
    }
}
