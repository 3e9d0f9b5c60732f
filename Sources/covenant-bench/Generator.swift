/// Synthetic covenants of a given size, deterministic from a seed: groups, category and
/// purpose trees, exceptions, conditions over every fact type, obligations with waivers.
struct Generator {
    struct Size {
        var name: String
        var parties: Int
        var categories: Int
        var purposes: Int
        var rules: Int

        static let small = Size(name: "small", parties: 8, categories: 12, purposes: 6, rules: 30)
        static let medium = Size(name: "medium", parties: 60, categories: 80, purposes: 25, rules: 600)
        static let large = Size(name: "large", parties: 300, categories: 300, purposes: 60, rules: 5000)
    }

    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    mutating func covenant(_ size: Size) -> String {
        var out =
            "covenant \"Generated \(size.name)\" { version \"1\" controller p0 "
            + "valid from 2025-01-01 until 2028-12-31 }\n"
        let kinds = ["government", "care", "enforcement", "education", "housing", "other"]
        for i in 0..<size.parties { out += "party p\(i) { kind \(kinds[i % kinds.count]) }\n" }
        let groupCount = max(2, size.parties / 6)
        for g in 0..<groupCount {
            var members = (0..<(2 + int(5))).map { _ in "p\(int(size.parties))" }
            if g > 0, int(3) == 0 { members.append("g\(int(g))") }
            out += "group g\(g) = \(Array(Set(members)).sorted().joined(separator: ", "))\n"
        }
        // Category tree: roots with children, two levels, leaves with retention.
        var categories: [String] = []
        var c = 0
        let roots = max(2, size.categories / 25)
        for r in 0..<roots {
            out += "category root\(r) {\n  nature \(r % 2 == 0 ? "what" : "that")\n"
            categories.append("root\(r)")
            let children = (size.categories - roots) / roots
            var k = 0
            while k < children {
                let groupSize = min(children - k, 1 + int(6))
                if groupSize > 1 {
                    out += "  category c\(c) {\n"
                    categories.append("c\(c)")
                    c += 1
                    for _ in 0..<(groupSize - 1) {
                        out +=
                            "    category c\(c) { retention \(1 + int(15)) "
                            + "years\(int(10) == 0 ? " special health" : "") }\n"
                        categories.append("c\(c)")
                        c += 1
                    }
                    out += "  }\n"
                } else {
                    out += "  category c\(c) { retention 5 years }\n"
                    categories.append("c\(c)")
                    c += 1
                }
                k += groupSize
            }
            out += "}\n"
        }
        var purposes: [String] = []
        var u = 0
        while u < size.purposes {
            if int(3) == 0, u + 3 <= size.purposes {
                out += "purpose u\(u) { purpose u\(u + 1) purpose u\(u + 2) }\n"
                purposes += ["u\(u)", "u\(u + 1)", "u\(u + 2)"]
                u += 3
            } else {
                out += "purpose u\(u)\n"
                purposes.append("u\(u)")
                u += 1
            }
        }
        out += """
            fact consent : given | refused | none | withdrawn default none
            fact risk : bool default false
            fact triage : bool
            fact age : int 0..130
            fact level : low | medium | high
            basis b_consent { kind consent }
            basis b_task { kind public_task }
            basis b_vital { kind vital_interest }
            obligation inform
            obligation record
            obligation notify

            """
        var effects: [Bool] = []
        for r in 0..<size.rules {
            let permit = int(10) < 7
            var header = "rule r\(r)"
            if r > 0, int(5) == 0 {
                let target = int(r)
                if effects[target] != permit { header += " exception to r\(target)" }
            }
            effects.append(permit)
            func parties() -> String {
                switch int(10) {
                case 0: return "any"
                case 1, 2, 3: return "g\(int(groupCount))"
                default:
                    return Array(Set((0..<(1 + int(3))).map { _ in "p\(int(size.parties))" })).sorted()
                        .joined(separator: ", ")
                }
            }
            let shared = Array(Set((0..<(1 + int(2))).map { _ in categories[int(categories.count)] })).sorted()
                .joined(separator: ", ")
            let purpose =
                int(12) == 0
                ? "any"
                : Array(Set((0..<(1 + int(2))).map { _ in purposes[int(purposes.count)] })).sorted()
                    .joined(separator: ", ")
            out +=
                "\(header) {\n  \(permit ? "permit" : "forbid") \(parties()) -> \(parties())\n  share \(shared)\n"
                + "  for \(purpose)\n"
            switch int(6) {
            case 0: out += "  when consent == given and age >= \(12 + int(6))\n"
            case 1: out += "  when risk and triage\n"
            case 2: out += "  when level in {medium, high} or risk\n"
            case 3: out += "  when not (consent in {refused, withdrawn}) and age < \(18 + int(50))\n"
            case 4: out += "  when triage or consent == given\n"
            default: break
            }
            if permit {
                out += "  basis \(["b_consent", "b_task", "b_vital"][int(3)])\n"
                switch int(3) {
                case 0: out += "  oblige record, inform within 4 weeks unless risk\n"
                case 1: out += "  oblige inform before\n"
                default: break
                }
            }
            out += "}\n"
        }
        return out
    }
}
