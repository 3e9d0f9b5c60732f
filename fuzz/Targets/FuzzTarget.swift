/// What the fuzz targets share: reading libFuzzer's input and stopping on a broken property,
/// so that libFuzzer keeps the input as a crash.
enum FuzzTarget {
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    static func check(_ problems: [String]) -> Int32 {
        if let first = problems.first { fatalError("fuzz property broken: \(first)") }
        return 0
    }
}
