/// Fuzz target `pipeline`: any bytes as a covenant, through every stage (`FuzzOracle.covenant`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.check(FuzzOracle.covenant(FuzzTarget.bytes(data, size)))
}
