/// The binary table file (`covenantc compile --format binary`; layout in docs/formats.md): the
/// same table as the JSON file, in a fixed little-endian layout that is read by copying, not
/// parsed — the way to load a large table fast and small.
///
///     bytes 0..<8    magic 89 43 4F 56 54 41 42 0A ("\x89COVTAB\n": a text tool that alters
///                    line ends or high bytes breaks it visibly)
///     8..<12         table format version (UInt32, as the JSON file's formatVersion)
///     12..<16        binary layout revision (UInt32, 1)
///     16..<24        body length in bytes (UInt64)
///     24..<56        SHA-256 of bytes 56..<end (the identity and the body)
///     56..<88        the table's identity: the SHA-256 of its JSON body (decisions report it)
///     88..<end       the body: the table's fields in a fixed order
///
/// Integers are little-endian; a rule-index list is written with 16-bit entries when every entry
/// fits. Like the JSON loader, the reader checks the header, the hash, every length against the
/// bytes that are left, and then every index and invariant (`DecisionTable.check`): a file is
/// loaded whole or refused with a reason, never in part.
public enum BinaryTableCodec {
    package static let magic: [UInt8] = [0x89, 0x43, 0x4F, 0x56, 0x54, 0x41, 0x42, 0x0A]
    static let revision: UInt32 = 1
    static let headerSize = 88

    /// Whether bytes start like a binary table file.
    public static func isBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= magic.count && zip(bytes.prefix(magic.count), magic).allSatisfy { $0 == $1 }
    }

    public static func encode(_ table: DecisionTable) -> [UInt8] {
        var body = Writer()
        body.write(table)
        let identity = hexBytes(table.sha256.isEmpty ? TableCodec.bodySHA256(table) : table.sha256)
        var out = magic
        Writer.append(UInt32(DecisionTable.formatVersion), to: &out)
        Writer.append(revision, to: &out)
        Writer.append(UInt64(body.bytes.count), to: &out)
        out += SHA256.hash(identity + body.bytes)
        out += identity
        out += body.bytes
        return out
    }

    public static func decode(_ bytes: [UInt8]) throws(TableCodec.LoadError) -> DecisionTable {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(TableCodec.LoadError) -> DecisionTable in try decode(raw) }
        }
        return try result.get()
    }

    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(TableCodec.LoadError) -> DecisionTable {
        guard !bytes.isEmpty else { throw TableCodec.LoadError(.emptyFile) }
        guard isBinary(bytes) else { throw TableCodec.LoadError(.notATable) }
        guard bytes.count >= headerSize else { throw TableCodec.LoadError(.truncated) }
        let version = bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
        guard version == DecisionTable.formatVersion else {
            throw TableCodec.LoadError(.otherVersion, String(version), String(DecisionTable.formatVersion))
        }
        let layout = bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian
        guard layout == revision else { throw TableCodec.LoadError(.binaryLayout, String(layout), String(revision)) }
        let length = bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian
        guard length == UInt64(bytes.count - headerSize) else { throw TableCodec.LoadError(.truncated) }
        let hashed = UnsafeRawBufferPointer(rebasing: bytes[56...])
        guard SHA256.hash(hashed).elementsEqual(bytes[24..<56]) else { throw TableCodec.LoadError(.integrity) }
        var reader = Reader(bytes: UnsafeRawBufferPointer(rebasing: bytes[headerSize...]))
        var table: DecisionTable
        do throws(Reader.Malformed) {
            table = try reader.table()
            guard reader.position == reader.bytes.count else { throw Reader.Malformed(position: reader.position) }
        } catch {
            throw TableCodec.LoadError(.binaryBody, String(headerSize + error.position))
        }
        table.sha256 = SHA256.hex(bytes[56..<88])
        try table.check()
        return table
    }

    static func hexBytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        func value(_ d: UInt8) -> UInt8 { d >= 0x61 ? d - 0x61 + 10 : d >= 0x41 ? d - 0x41 + 10 : d &- 0x30 }
        guard digits.count == 64 else { return Array(repeating: 0, count: 32) }
        return (0..<32).map { value(digits[2 * $0]) << 4 | value(digits[2 * $0 + 1]) }
    }
}

extension BinaryTableCodec {
    struct Writer {
        var bytes: [UInt8] = []

        static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
            withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
        }

        mutating func int<T: FixedWidthInteger>(_ value: T) { Self.append(value, to: &bytes) }
        mutating func count(_ n: Int) { int(UInt32(n)) }
        mutating func flag(_ b: Bool) { int(UInt8(b ? 1 : 0)) }

        mutating func string(_ s: String?) {
            guard let s else {
                int(UInt32.max)
                return
            }
            count(s.utf8.count)
            bytes.append(contentsOf: s.utf8)
        }

        /// 16-bit entries when all fit (width byte 2), else 32-bit (width byte 4).
        mutating func indices(_ values: [Int32]) {
            count(values.count)
            if values.allSatisfy({ $0 >= 0 && $0 <= Int32(UInt16.max) }) {
                int(UInt8(2))
                for v in values { int(UInt16(v)) }
            } else {
                int(UInt8(4))
                for v in values { int(v) }
            }
        }

        mutating func words(_ values: [UInt64]) {
            count(values.count)
            for v in values { int(v) }
        }

        mutating func int64s(_ values: [Int64]) {
            count(values.count)
            for v in values { int(v) }
        }

        mutating func list<T>(_ items: [T], _ each: (inout Writer, T) -> Void) {
            count(items.count)
            for item in items { each(&self, item) }
        }

        mutating func write(_ t: DecisionTable) {
            let m = t.metadata
            for s in [m.title, m.version, m.validFrom, m.validUntil, m.sourceSHA256] { string(s) }
            string(m.language.rawValue)
            list(t.parties) { w, p in
                w.string(p.id); w.string(p.name)
            }
            list(t.groups) { w, g in
                w.string(g.id); w.indices(g.members)
            }
            list(t.categories) { w, c in
                w.string(c.id); w.string(c.name); w.indices(c.leaves)
            }
            list(t.purposes) { w, p in
                w.string(p.id); w.string(p.name)
            }
            list(t.facts) { w, f in
                w.string(f.id)
                w.string(f.name)
                switch f.kind {
                case .bool: w.int(UInt8(0))
                case .int(let low, let high): w.int(UInt8(1)); w.int(low); w.int(high)
                case .enumeration(let values): w.int(UInt8(2)); w.list(values) { w, v in w.string(v) }
                }
                w.flag(f.defaultValue != nil)
                w.int(f.defaultValue ?? 0)
                w.string(f.role)
                w.flag(f.fixed)
            }
            list(t.bases) { w, b in
                w.string(b.id); w.string(b.citation); w.string(b.kind)
            }
            list(t.obligations) { w, o in
                w.string(o.id); w.string(o.name); w.string(o.kind)
            }
            list(t.timings) { w, s in w.string(s) }
            list(t.rules) { w, r in
                w.string(r.id)
                w.string(r.title)
                w.flag(r.effect == .permit)
                w.int(r.condition)
                w.string(r.conditionText)
                w.indices(r.bases)
                w.list(r.obligations) { w, u in
                    w.int(u.obligation)
                    w.string(u.actor.rawValue)
                    w.int(u.timing)
                    w.int(u.unless)
                    w.string(u.unlessText)
                    w.int(u.postponed)
                    w.string(u.postponedText)
                }
                w.int(r.exceptionTo)
                w.int(r.depth)
            }
            list(t.nodes) { w, n in
                w.int(n.kind.rawValue)
                w.int(n.op)
                w.int(n.fact)
                w.int(n.value)
                w.int(n.first)
                w.int(n.count)
            }
            indices(t.children)
            int64s(t.setValues)
            for classes in [t.senderClass, t.recipientClass, t.leafClass, t.purposeClass] { indices(classes) }
            for n in [t.recipientClassCount, t.senderWords, t.recipientWords] { int(n) }
            words(t.ruleSenderBits)
            words(t.ruleRecipientBits)
            indices(t.cellOffsets)
            indices(t.cellRules)
            int(t.wordsPerClass)
            words(t.categoryRuleBits)
            words(t.purposeRuleBits)
        }
    }

    /// Reads the body; every length is checked against the bytes left before anything is read
    /// or allocated, so a damaged file is refused and never trusted.
    struct Reader {
        struct Malformed: Error { var position: Int }

        let bytes: UnsafeRawBufferPointer
        var position = 0

        mutating func int<T: FixedWidthInteger>(_: T.Type = T.self) throws(Malformed) -> T {
            guard bytes.count - position >= MemoryLayout<T>.size else { throw Malformed(position: position) }
            defer { position += MemoryLayout<T>.size }
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
        }

        mutating func count(each minimum: Int) throws(Malformed) -> Int {
            let start = position
            let n = Int(try int(UInt32.self))
            guard n <= (bytes.count - position) / max(1, minimum) else { throw Malformed(position: start) }
            return n
        }

        mutating func flag() throws(Malformed) -> Bool {
            let start = position
            switch try int(UInt8.self) {
            case 0: return false
            case 1: return true
            default: throw Malformed(position: start)
            }
        }

        mutating func optionalString() throws(Malformed) -> String? {
            let start = position
            let n = try int(UInt32.self)
            if n == UInt32.max { return nil }
            guard Int(n) <= bytes.count - position else { throw Malformed(position: start) }
            defer { position += Int(n) }
            let text = UnsafeRawBufferPointer(rebasing: bytes[position..<position + Int(n)])
            guard let s = String(validating: text.bindMemory(to: UInt8.self), as: UTF8.self) else {
                throw Malformed(position: start)
            }
            return s
        }

        mutating func string() throws(Malformed) -> String {
            let start = position
            guard let s = try optionalString() else { throw Malformed(position: start) }
            return s
        }

        mutating func indices() throws(Malformed) -> [Int32] {
            let n = try count(each: 2)
            let start = position
            let width = try int(UInt8.self)
            guard width == 2 || width == 4, n * Int(width) <= bytes.count - position else {
                throw Malformed(position: start)
            }
            let base = position
            position += n * Int(width)
            if width == 2 {
                return (0..<n).map {
                    Int32(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: base + 2 * $0, as: UInt16.self)))
                }
            }
            return (0..<n).map {
                Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: base + 4 * $0, as: Int32.self))
            }
        }

        mutating func words() throws(Malformed) -> [UInt64] {
            let n = try count(each: 8)
            let base = position
            position += 8 * n
            return (0..<n).map {
                UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: base + 8 * $0, as: UInt64.self))
            }
        }

        mutating func int64s() throws(Malformed) -> [Int64] {
            try words().map { Int64(bitPattern: $0) }
        }

        /// A list of `n` items, each at least `minimum` bytes long.
        mutating func list<T>(minimum: Int, _ each: (inout Reader) throws(Malformed) -> T) throws(Malformed) -> [T] {
            let n = try count(each: minimum)
            var items: [T] = []
            items.reserveCapacity(n)
            for _ in 0..<n { items.append(try each(&self)) }
            return items
        }

        mutating func table() throws(Malformed) -> DecisionTable {
            let title = try string(), version = try optionalString(), from = try optionalString()
            let until = try optionalString(), source = try string()
            let languageAt = position
            guard let language = Language(rawValue: try string()) else { throw Malformed(position: languageAt) }
            let parties = try list(minimum: 8) { (r: inout Reader) throws(Malformed) in
                DecisionTable.Entity(id: try r.string(), name: try r.optionalString())
            }
            let groups = try list(minimum: 9) { (r: inout Reader) throws(Malformed) in
                DecisionTable.Group(id: try r.string(), members: try r.indices())
            }
            let categories = try list(minimum: 13) { (r: inout Reader) throws(Malformed) in
                DecisionTable.Category(id: try r.string(), name: try r.optionalString(), leaves: try r.indices())
            }
            let purposes = try list(minimum: 8) { (r: inout Reader) throws(Malformed) in
                DecisionTable.Entity(id: try r.string(), name: try r.optionalString())
            }
            let facts = try list(minimum: 24) { (r: inout Reader) throws(Malformed) in
                let id = try r.string(), name = try r.optionalString()
                let kindAt = r.position
                let kind: DecisionTable.FactKind
                switch try r.int(UInt8.self) {
                case 0: kind = .bool
                case 1: kind = .int(low: try r.int(), high: try r.int())
                case 2:
                    kind = .enumeration(
                        try r.list(minimum: 4) { (r: inout Reader) throws(Malformed) in try r.string() })
                default: throw Malformed(position: kindAt)
                }
                let hasDefault = try r.flag()
                let value: Int64 = try r.int()
                return DecisionTable.Fact(
                    id: id, name: name, kind: kind, defaultValue: hasDefault ? value : nil,
                    role: try r.optionalString(),
                    fixed: try r.flag())
            }
            let bases = try list(minimum: 12) { (r: inout Reader) throws(Malformed) in
                DecisionTable.Basis(id: try r.string(), citation: try r.optionalString(), kind: try r.string())
            }
            let obligations = try list(minimum: 12) { (r: inout Reader) throws(Malformed) in
                DecisionTable.Obligation(id: try r.string(), name: try r.optionalString(), kind: try r.string())
            }
            let timings = try list(minimum: 4) { (r: inout Reader) throws(Malformed) in try r.string() }
            let rules = try list(minimum: 30) { (r: inout Reader) throws(Malformed) in
                let id = try r.string(), title = try r.optionalString(), permit = try r.flag()
                let condition: Int32 = try r.int()
                let conditionText = try r.optionalString(), bases = try r.indices()
                let uses = try r.list(minimum: 28) { (r: inout Reader) throws(Malformed) in
                    let obligation: Int32 = try r.int()
                    let actorAt = r.position
                    guard let actor = DecisionTable.Actor(rawValue: try r.string()) else {
                        throw Malformed(position: actorAt)
                    }
                    return DecisionTable.ObligationUse(
                        obligation: obligation, actor: actor, timing: try r.int(), unless: try r.int(),
                        unlessText: try r.optionalString(), postponed: try r.int(),
                        postponedText: try r.optionalString())
                }
                return DecisionTable.Rule(
                    id: id, title: title, effect: permit ? .permit : .deny, condition: condition,
                    conditionText: conditionText, bases: bases, obligations: uses, exceptionTo: try r.int(),
                    depth: try r.int())
            }
            let nodes = try list(minimum: 22) { (r: inout Reader) throws(Malformed) in
                let kindAt = r.position
                guard let kind = DecisionTable.Node.Kind(rawValue: try r.int()) else {
                    throw Malformed(position: kindAt)
                }
                return DecisionTable.Node(
                    kind: kind, op: try r.int(), fact: try r.int(), value: try r.int(), first: try r.int(),
                    count: try r.int())
            }
            let children = try indices(), setValues = try int64s()
            let senderClass = try indices(), recipientClass = try indices()
            let leafClass = try indices(), purposeClass = try indices()
            let recipientClassCount: Int32 = try int(), senderWords: Int32 = try int()
            let recipientWords: Int32 = try int()
            let ruleSenderBits = try words(), ruleRecipientBits = try words()
            let cellOffsets = try indices(), cellRules = try indices()
            let wordsPerClass: Int32 = try int()
            let categoryRuleBits = try words(), purposeRuleBits = try words()
            var table = DecisionTable(
                metadata: .init(
                    title: title, version: version, validFrom: from, validUntil: until, sourceSHA256: source,
                    language: language),
                parties: parties, categories: categories, purposes: purposes, facts: facts, bases: bases,
                obligations: obligations, timings: timings, rules: rules, nodes: nodes, children: children,
                setValues: setValues, senderClass: senderClass, recipientClass: recipientClass, leafClass: leafClass,
                purposeClass: purposeClass, recipientClassCount: recipientClassCount, senderWords: senderWords,
                recipientWords: recipientWords, ruleSenderBits: ruleSenderBits, ruleRecipientBits: ruleRecipientBits,
                cellOffsets: cellOffsets, cellRules: cellRules, wordsPerClass: wordsPerClass,
                categoryRuleBits: categoryRuleBits, purposeRuleBits: purposeRuleBits)
            table.groups = groups
            return table
        }
    }
}
