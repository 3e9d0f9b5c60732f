/// Names of one kind (parties, categories, purposes, facts, one fact's values) looked up by their
/// UTF-8 bytes as they stand in a query line, without making a `String` of them: the wire's
/// interned name index. Open addressing over FNV-1a; a name listed twice keeps its first index,
/// as `NameIndex` does.
package struct ByteNames: Sendable {
    /// Entry number + 1 per slot (0: empty); the slot count is a power of two.
    private let slots: [Int32]
    private let text: [UInt8]
    /// Entry e's name is `text[starts[e]..<starts[e + 1]]`.
    private let starts: [Int32]
    private let values: [Int32]

    package init(_ names: [String]) {
        var text: [UInt8] = []
        var starts: [Int32] = [0]
        var values: [Int32] = []
        var size = 8
        while size < names.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        for (index, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            var slot = Int(truncatingIfNeeded: bytes.withUnsafeBufferPointer { Self.hash($0) }) & (size - 1)
            var duplicate = false
            while slots[slot] != 0 {
                let e = Int(slots[slot] - 1)
                if text[Int(starts[e])..<Int(starts[e + 1])].elementsEqual(bytes) {
                    duplicate = true
                    break
                }
                slot = (slot + 1) & (size - 1)
            }
            guard !duplicate else { continue }
            text += bytes
            starts.append(Int32(text.count))
            values.append(Int32(index))
            slots[slot] = Int32(values.count)
        }
        self.slots = slots
        self.text = text
        self.starts = starts
        self.values = values
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The index of the name spelt by exactly these bytes, or nil.
    @inline(__always)
    package func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let start = Int(starts[entry - 1]), end = Int(starts[entry])
            if end - start == bytes.count,
                text.withUnsafeBufferPointer({ t in
                    bytes.count == 0 || memcmpEqual(t.baseAddress! + start, bytes.baseAddress!, bytes.count)
                })
            {
                return values[entry - 1]
            }
            slot = (slot + 1) & mask
        }
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}
