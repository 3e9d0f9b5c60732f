import CovenantEval

/// Who may share what with whom, computed from the compiled decision table by deciding — never
/// read from the text of the rules. For each data category and purpose, each sender ×
/// recipient cell is permitted *always* (every combination of fact values permits), *under
/// conditions* (some permit, some deny) or *never*.
///
/// The work follows the table's equivalence classes: a cell is decided once per distinct set of
/// rules in its scope (senders, recipients, categories and purposes that no rule tells apart
/// share it), over the fact values those rules' conditions tell apart (and "not given" for a
/// fact without a default), with the evaluator itself. Cells that no permit reaches are never
/// decided: nothing can permit them. For a small covenant the categories are the leaf
/// categories; for a large one the top categories, each asked as a whole (permitted only when
/// every part of it is), so the document stays a size a council can read. Tables whose grids
/// are equal are shown once, and a declared group whose members all agree is one row or column.
public struct SharingMatrix: Sendable {
    public enum Status: Int, Sendable, Hashable, Comparable {
        case never, conditional, always
        /// The cell had more fact combinations than `maxCombinations`: not decided, never guessed.
        case unknown

        public static func < (a: Status, b: Status) -> Bool { a.rawValue < b.rawValue }
    }

    /// One cell: its status and the rules that permit it in some case.
    public struct Cell: Sendable, Hashable {
        public var status: Status
        public var rules: [Int]

        public static let never = Cell(status: .never, rules: [])
    }

    public enum Level: String, Sendable {
        /// A table per leaf category and purpose (leaves with equal tables shown together).
        case leaves
        /// A table per top category (asked as a whole) and purpose.
        case topCategories
    }

    /// A row or column: one party, a declared group whose members all agree, or (in a large
    /// covenant) several parties that agree.
    public struct Line: Sendable, Hashable {
        public var parties: [Int]
        public var group: Int?
    }

    /// The categories and purposes a table holds for: each category with each purpose.
    /// Categories are leaves, a parent standing for all its leaves (each asked on its own), or
    /// top categories (asked as a whole), as `level` says.
    public struct Combination: Sendable, Hashable {
        public var categories: [Int]
        public var purposes: [Int]
    }

    public struct Table: Sendable {
        public var combinations: [Combination]
        public var rows: [Line]
        public var columns: [Line]
        /// rows × columns.
        public var cells: [[Cell]]
    }

    /// More fact combinations than this in one cell are not decided (the cell is `.unknown`).
    public static let maxCombinations = 1 << 16

    public let level: Level
    /// The day the cells were decided for.
    public let date: CalendarDate
    /// Whether the covenant is in force on `date`; if not, every cell is never.
    public let inForce: Bool
    public private(set) var tables: [Table] = []
    /// Decisions made, and distinct cases (sets of rules in scope) decided.
    public private(set) var decisions = 0
    public private(set) var cases = 0
    /// Cells left undecided because of `maxCombinations`.
    public private(set) var unknownCells = 0

    /// Per (item, purpose class), the cells that are not never: (sender class, recipient
    /// class, index into `palette`; index 0 is never).
    private var grids: [Int64: [SIMD3<Int32>]] = [:]
    private var palette: [Cell] = [.never]
    private let senderClass: [Int32]
    private let recipientClass: [Int32]
    private let purposeClass: [Int32]
    /// The item (a leaf class, or a top category's position) of each category the level shows.
    private let itemOfCategory: [Int: Int32]
    private let categoryLeaves: [[Int]]

    /// The level for a covenant of this size: leaves while the tables stay few and small.
    public static func level(for model: CovenantModel) -> Level {
        let leaves = model.categories.filter { $0.children.isEmpty }.count
        return model.parties.count <= 40 && leaves * max(1, model.purposes.count) <= 600 ? .leaves : .topCategories
    }

    /// The matrix on `date` (default: the first day the covenant is in force).
    public init(model: CovenantModel, table: DecisionTable, date: CalendarDate? = nil, level: Level? = nil) {
        var model = model
        if !model.hasIndexes { model.deriveIndexes() }
        self.level = level ?? Self.level(for: model)
        self.date = date ?? table.firstDayInForce
        let evaluator = Evaluator(compiled: table)
        inForce = evaluator.isInForce(on: self.date)
        senderClass = table.senderClass
        recipientClass = table.recipientClass
        purposeClass = table.purposeClass
        categoryLeaves = model.categoryLeaves

        // The items the category axis has: leaf classes, or top categories.
        var items: [(leafClasses: [Int32], query: Int)] = []
        var itemOf: [Int: Int32] = [:]
        if self.level == .leaves {
            var itemOfClass: [Int32: Int32] = [:]
            for c in model.categories.indices where model.categories[c].children.isEmpty {
                let lc = table.leafClass[c]
                if let i = itemOfClass[lc] {
                    itemOf[c] = i
                } else {
                    itemOfClass[lc] = Int32(items.count)
                    itemOf[c] = Int32(items.count)
                    items.append(([lc], c))
                }
            }
        } else {
            for c in model.categories.indices where model.categories[c].parent == nil {
                var classes: [Int32] = []
                for leaf in model.categoryLeaves[c] where !classes.contains(table.leafClass[leaf]) {
                    classes.append(table.leafClass[leaf])
                }
                itemOf[c] = Int32(items.count)
                items.append((classes, c))
            }
        }
        itemOfCategory = itemOf
        guard inForce, !items.isEmpty, !model.purposes.isEmpty, !model.parties.isEmpty else { return }

        var work = Work(table: table, evaluator: evaluator, date: self.date)
        work.run(items: items)
        grids = work.grids
        palette = work.palette
        decisions = work.decisions
        cases = work.memo.count
        unknownCells = work.unknown
        tables = Self.layout(
            model: model, table: table, level: self.level, itemOf: itemOf, grids: work.grids, palette: palette)
    }

    /// The cell as computed: the category is a leaf (level `.leaves`) or a top category.
    public func status(sender: Int, recipient: Int, category: Int, purpose: Int) -> Cell {
        guard let item = itemOfCategory[category] else { return .never }
        let (s, r) = (senderClass[sender], recipientClass[recipient])
        let entry = grids[Int64(item) << 32 | Int64(purposeClass[purpose])]?.first { $0.x == s && $0.y == r }
        return palette[Int(entry?.z ?? 0)]
    }

    /// The cell as the tables show it (never when no table shows it): the category is a leaf
    /// (level `.leaves`) or a top category.
    public func shown(sender: Int, recipient: Int, category: Int, purpose: Int) -> Cell {
        for t in tables {
            guard
                t.combinations.contains(where: { combination in
                    combination.purposes.contains(purpose)
                        && combination.categories.contains {
                            level == .leaves ? categoryLeaves[$0].contains(category) : $0 == category
                        }
                })
            else { continue }
            guard let row = t.rows.firstIndex(where: { $0.parties.contains(sender) }),
                let column = t.columns.firstIndex(where: { $0.parties.contains(recipient) })
            else { return .never }
            return t.cells[row][column]
        }
        return .never
    }

    // MARK: Deciding

    /// The computation: every (sender class, recipient class) pair, the items and purpose
    /// classes some permit of the pair reaches, each distinct set of rules in scope decided once.
    /// A set of rules in scope (per leaf class of the item, -1 after each), with its hash
    /// computed while it was built.
    struct CaseKey: Hashable {
        var hash: Int
        var rules: [Int32]

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        static func == (a: CaseKey, b: CaseKey) -> Bool { a.hash == b.hash && a.rules == b.rules }
    }

    /// The computation: every (sender class, recipient class) pair, the items and purpose
    /// classes some permit of the pair reaches, each distinct set of rules in scope decided once.
    struct Work {
        let table: DecisionTable
        let evaluator: Evaluator
        let date: CalendarDate
        /// Per (item, purpose class): its cells that are not never, as (sender class, recipient class, cell).
        var grids: [Int64: [SIMD3<Int32>]] = [:]
        var palette: [Cell] = [.never]
        var paletteIndex: [Cell: Int32] = [.never: 0]
        var memo: [CaseKey: Int32] = [:]
        var decisions = 0
        var unknown = 0
        var scratch = DecisionScratch()

        init(table: DecisionTable, evaluator: Evaluator, date: CalendarDate) {
            self.table = table
            self.evaluator = evaluator
            self.date = date
        }

        func first(_ classes: [Int32], count: Int) -> [Int] {
            var reps = [Int](repeating: -1, count: count)
            for (i, c) in classes.enumerated() where c >= 0 && reps[Int(c)] < 0 { reps[Int(c)] = i }
            return reps
        }

        mutating func run(items: [(leafClasses: [Int32], query: Int)]) {
            let words = Int(table.wordsPerClass)
            let senderCount = Int((table.senderClass.max() ?? -1) + 1)
            let recipientCount = Int(table.recipientClassCount)
            let purposeCount = Int((table.purposeClass.max() ?? -1) + 1)
            let leafCount = words == 0 ? 0 : table.categoryRuleBits.count / words
            let senderRep = first(table.senderClass, count: senderCount)
            let recipientRep = first(table.recipientClass, count: recipientCount)
            let purposeRep = first(table.purposeClass, count: purposeCount)
            let permits = table.rules.map { $0.effect == .permit }
            let pw = (purposeCount + 63) / 64
            // Per rule: the leaf classes and (as a bitset) the purpose classes it covers.
            var ruleLeaves = [[Int32]](repeating: [], count: table.rules.count)
            var rulePurposes = [UInt64](repeating: 0, count: table.rules.count * pw)
            for r in table.rules.indices {
                let word = r >> 6
                let bit = UInt64(1) << UInt64(r & 63)
                for lc in 0..<leafCount where table.categoryRuleBits[lc * words + word] & bit != 0 {
                    ruleLeaves[r].append(Int32(lc))
                }
                for pc in 0..<purposeCount where table.purposeRuleBits[pc * words + word] & bit != 0 {
                    rulePurposes[r * pw + pc >> 6] |= UInt64(1) << UInt64(pc & 63)
                }
            }
            var coverage = [UInt64](repeating: 0, count: max(1, leafCount * pw))
            var touched: [Int32] = []
            var isTouched = [Bool](repeating: false, count: max(1, leafCount))
            // Per leaf class, the pair's rules whose categories cover it (filled when first needed).
            var byLeaf = [[Int32]](repeating: [], count: max(1, leafCount))
            var filled = [Bool](repeating: false, count: max(1, leafCount))
            var filledList: [Int32] = []
            var reach = [UInt64](repeating: 0, count: pw)
            var key: [Int32] = []
            let pairs = PairIndex(table)
            for sc in 0..<senderCount where senderRep[sc] >= 0 {
                for rc in 0..<recipientCount where recipientRep[rc] >= 0 {
                    let pair = sc * recipientCount + rc
                    for rule in pairs.rules(ofPair: pair) {
                        let r = Int(rule)
                        guard permits[r] else { continue }
                        for lc in ruleLeaves[r] {
                            let base = Int(lc) * pw
                            if !isTouched[Int(lc)] {
                                isTouched[Int(lc)] = true
                                touched.append(lc)
                            }
                            for w in 0..<pw { coverage[base + w] |= rulePurposes[r * pw + w] }
                        }
                    }
                    guard !touched.isEmpty else { continue }
                    for (item, entry) in items.enumerated() {
                        // The purposes for which a permit reaches every leaf of the item.
                        for w in 0..<pw { reach[w] = ~0 }
                        var any = true
                        for lc in entry.leafClasses {
                            guard isTouched[Int(lc)] else {
                                any = false
                                break
                            }
                            var nonzero = false
                            for w in 0..<pw {
                                reach[w] &= coverage[Int(lc) * pw + w]
                                if reach[w] != 0 { nonzero = true }
                            }
                            if !nonzero {
                                any = false
                                break
                            }
                        }
                        guard any else { continue }
                        for lc in entry.leafClasses where !filled[Int(lc)] {
                            filled[Int(lc)] = true
                            filledList.append(lc)
                            let cb = Int(lc) * words
                            byLeaf[Int(lc)].removeAll(keepingCapacity: true)
                            for rule in pairs.rules(ofPair: pair) {
                                let r = Int(rule)
                                if table.categoryRuleBits[cb + r >> 6] & (UInt64(1) << UInt64(r & 63)) != 0 {
                                    byLeaf[Int(lc)].append(Int32(r))
                                }
                            }
                        }
                        for pc in 0..<purposeCount where reach[pc >> 6] & (UInt64(1) << UInt64(pc & 63)) != 0 {
                            key.removeAll(keepingCapacity: true)
                            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                            let pb = pc * words
                            for lc in entry.leafClasses {
                                for r in byLeaf[Int(lc)]
                                where table.purposeRuleBits[pb + Int(r) >> 6] & (UInt64(1) << UInt64(r & 63)) != 0 {
                                    key.append(r)
                                    hash = (hash ^ UInt64(UInt32(bitPattern: r))) &* 0x100_0000_01b3
                                }
                                key.append(-1)
                                hash = (hash ^ 0xffff_ffff) &* 0x100_0000_01b3
                            }
                            let caseKey = CaseKey(hash: Int(truncatingIfNeeded: hash), rules: key)
                            let cell: Int32
                            if let known = memo[caseKey] {
                                cell = known
                            } else {
                                let decided = decide(
                                    sender: senderRep[sc], recipient: recipientRep[rc], category: entry.query,
                                    purpose: purposeRep[pc], rules: key)
                                if let i = paletteIndex[decided] {
                                    cell = i
                                } else {
                                    cell = Int32(palette.count)
                                    palette.append(decided)
                                    paletteIndex[decided] = cell
                                }
                                memo[CaseKey(hash: caseKey.hash, rules: Array(key))] = cell
                            }
                            if palette[Int(cell)].status == .unknown { unknown += 1 }
                            if cell != 0 {
                                grids[Int64(item) << 32 | Int64(pc), default: []].append(
                                    SIMD3(Int32(sc), Int32(rc), cell))
                            }
                        }
                    }
                    for lc in touched {
                        isTouched[Int(lc)] = false
                        for w in 0..<pw { coverage[Int(lc) * pw + w] = 0 }
                    }
                    touched.removeAll(keepingCapacity: true)
                    for lc in filledList { filled[Int(lc)] = false }
                    filledList.removeAll(keepingCapacity: true)
                }
            }
        }

        /// Decides one case over every combination of the fact values its rules' conditions
        /// tell apart.
        mutating func decide(sender: Int, recipient: Int, category: Int, purpose: Int, rules: [Int32]) -> Cell {
            var points: [Int: Set<Int64>] = [:]
            for r in rules where r >= 0 && table.rules[Int(r)].condition >= 0 {
                collect(table.rules[Int(r)].condition, &points)
            }
            var choices: [(Int, [Int64])] = []
            var product = 1
            for f in points.keys.sorted() {
                var values: [Int64]
                switch table.facts[f].kind {
                case .bool: values = [0, 1]
                case .enumeration(let names): values = (0..<Int64(names.count)).map { $0 }
                case .int(let low, let high):
                    var set: Set<Int64> = [low, high]
                    for v in points[f] ?? [] {
                        for x in [v - 1, v, v + 1] where x >= low && x <= high { set.insert(x) }
                    }
                    values = set.sorted()
                }
                if table.facts[f].defaultValue == nil { values.append(ResolvedQuery.missing) }
                choices.append((f, values))
                product = min(product * values.count, SharingMatrix.maxCombinations + 1)
            }
            let permits = Set(rules.filter { $0 >= 0 && table.rules[Int($0)].effect == .permit }.map(Int.init)).sorted()
            guard product <= SharingMatrix.maxCombinations else { return Cell(status: .unknown, rules: permits) }
            var query = ResolvedQuery(
                sender: Int32(sender), recipient: Int32(recipient), category: Int32(category), purpose: Int32(purpose),
                facts: table.facts.map { $0.defaultValue ?? ResolvedQuery.missing }, date: date)
            var permitted = 0
            var denied = 0
            var deciding = Set<Int32>()
            var indices = [Int](repeating: 0, count: choices.count)
            while true {
                for (k, choice) in choices.enumerated() { query.facts[choice.0] = choice.1[indices[k]] }
                decisions += 1
                if evaluator.decide(query, into: &scratch) == .permit {
                    permitted += 1
                    deciding.formUnion(scratch.permits)
                } else {
                    denied += 1
                }
                var k = 0
                while k < indices.count {
                    indices[k] += 1
                    if indices[k] < choices[k].1.count { break }
                    indices[k] = 0
                    k += 1
                }
                if k == indices.count { break }
            }
            let status: Status = permitted == 0 ? .never : denied == 0 ? .always : .conditional
            return Cell(status: status, rules: deciding.map(Int.init).sorted())
        }

        /// The constants each fact is compared with in a condition.
        func collect(_ n: Int32, _ points: inout [Int: Set<Int64>]) {
            let node = table.nodes[Int(n)]
            switch node.kind {
            case .truth: points[Int(node.fact), default: []].formUnion([])
            case .compare: points[Int(node.fact), default: []].insert(node.value)
            case .member:
                for i in Int(node.first)..<Int(node.first + node.count) {
                    points[Int(node.fact), default: []].insert(table.setValues[i])
                }
            case .not, .and, .or:
                for i in Int(node.first)..<Int(node.first + node.count) { collect(table.children[i], &points) }
            }
        }
    }

    // MARK: Laying out the tables

    /// Groups the (category, purpose) combinations with equal grids into one table each, in
    /// the order the covenant declares them, and folds rows and columns per group.
    static func layout(
        model: CovenantModel, table: DecisionTable, level: Level, itemOf: [Int: Int32],
        grids: [Int64: [SIMD3<Int32>]], palette: [Cell]
    ) -> [Table] {
        // Each (item, purpose class) grid, as its non-never cells in order: equal grids, one table.
        var gridID: [[SIMD3<Int32>]: Int] = [:]
        var idOf: [Int64: Int] = [:]
        var sample: [Int: Int64] = [:]
        for (k, var entries) in grids {
            entries.sort { ($0.x, $0.y) < ($1.x, $1.y) }
            let id: Int
            if let known = gridID[entries] {
                id = known
            } else {
                id = gridID.count
                gridID[entries] = id
            }
            idOf[k] = id
            if sample[id] == nil || sample[id]! > k { sample[id] = k }
        }

        // The combinations per grid, in declaration order.
        let shownCategories = model.categories.indices.filter {
            level == .leaves ? model.categories[$0].children.isEmpty : model.categories[$0].parent == nil
        }
        var order: [Int] = []
        var perGrid: [Int: [(category: Int, purposes: [Int])]] = [:]
        for c in shownCategories {
            guard let item = itemOf[c] else { continue }
            for p in model.purposes.indices {
                guard let id = idOf[Int64(item) << 32 | Int64(table.purposeClass[p])] else { continue }
                if perGrid[id] == nil {
                    order.append(id)
                    perGrid[id] = []
                }
                if perGrid[id]!.last?.category == c {
                    perGrid[id]![perGrid[id]!.count - 1].purposes.append(p)
                } else {
                    perGrid[id]!.append((c, [p]))
                }
            }
        }
        let large = model.parties.count > 40
        var tables: [Table] = []
        for id in order {
            var combinations: [Combination] = []
            for entry in perGrid[id]! {
                if let i = combinations.firstIndex(where: { $0.purposes == entry.purposes }) {
                    combinations[i].categories.append(entry.category)
                } else {
                    combinations.append(Combination(categories: [entry.category], purposes: entry.purposes))
                }
            }
            if level == .leaves {
                for i in combinations.indices { combinations[i].categories = fold(combinations[i].categories, model) }
            }
            // The grid over the sender and recipient classes present.
            let entries = grids[sample[id]!]!
            var rowOf: [Int32: Int] = [:]
            var columnOf: [Int32: Int] = [:]
            for e in entries {
                if rowOf[e.x] == nil { rowOf[e.x] = rowOf.count }
                if columnOf[e.y] == nil { columnOf[e.y] = columnOf.count }
            }
            let width = columnOf.count
            var grid = [Int32](repeating: 0, count: rowOf.count * width)
            for e in entries { grid[rowOf[e.x]! * width + columnOf[e.y]!] = e.z }
            // Equal rows (columns) of classes get one signature.
            var rowSignature: [Int32: Int] = [:]
            var columnSignature: [Int32: Int] = [:]
            var seenRows: [ArraySlice<Int32>: Int] = [:]
            var seenColumns: [[Int32]: Int] = [:]
            for (c, r) in rowOf {
                let row = grid[(r * width)..<((r + 1) * width)]
                rowSignature[c] =
                    seenRows[row]
                    ?? {
                        seenRows[row] = seenRows.count
                        return seenRows.count - 1
                    }()
            }
            for (c, k) in columnOf {
                let column = (0..<rowOf.count).map { grid[$0 * width + k] }
                columnSignature[c] =
                    seenColumns[column]
                    ?? {
                        seenColumns[column] = seenColumns.count
                        return seenColumns.count - 1
                    }()
            }
            let senders = model.parties.indices.filter { rowOf[table.senderClass[$0]] != nil }
            let recipients = model.parties.indices.filter { columnOf[table.recipientClass[$0]] != nil }
            let rows = lines(senders, model: model, merge: large) { rowSignature[table.senderClass[$0]]! }
            let columns = lines(recipients, model: model, merge: large) { columnSignature[table.recipientClass[$0]]! }
            let cells = rows.map { row in
                columns.map { column in
                    palette[
                        Int(
                            grid[
                                rowOf[table.senderClass[row.parties[0]]]! * width + columnOf[
                                    table.recipientClass[column.parties[0]]]!])]
                }
            }
            tables.append(Table(combinations: combinations, rows: rows, columns: columns, cells: cells))
        }
        return tables
    }

    /// Leaves named by their parent where every leaf of the parent is there.
    static func fold(_ leaves: [Int], _ model: CovenantModel) -> [Int] {
        let set = Set(leaves)
        var covered = Set<Int>()
        var out: [Int] = []
        for c in model.categories.indices where !covered.contains(c) {
            let below = model.categoryLeaves[c]
            guard below.allSatisfy(set.contains) else { continue }
            out.append(c)
            covered.formUnion(model.categoryClosure[c])
        }
        return out
    }

    /// Rows (or columns): a declared group when all its members are here and agree, largest
    /// group first; the other parties one by one, or in a large covenant merged where they agree.
    static func lines(_ parties: [Int], model: CovenantModel, merge: Bool, signature: (Int) -> Int) -> [Line] {
        var sig: [Int: Int] = [:]
        for p in parties { sig[p] = signature(p) }
        let present = Set(parties)
        var used = Set<Int>()
        var out: [Line] = []
        let groups = model.groups.indices.sorted {
            (-model.groups[$0].parties.count, $0) < (-model.groups[$1].parties.count, $1)
        }
        for g in groups {
            let members = model.groups[g].parties
            guard members.count >= 2, members.allSatisfy({ present.contains($0) && !used.contains($0) }),
                members.allSatisfy({ sig[$0] == sig[members[0]] })
            else { continue }
            used.formUnion(members)
            out.append(Line(parties: members.sorted(), group: g))
        }
        var merged: [Int: Int] = [:]
        for p in parties where !used.contains(p) {
            if merge, let i = merged[sig[p]!] {
                out[i].parties.append(p)
            } else {
                merged[sig[p]!] = out.count
                out.append(Line(parties: [p], group: nil))
            }
        }
        return out.sorted { $0.parties[0] < $1.parties[0] }
    }
}
