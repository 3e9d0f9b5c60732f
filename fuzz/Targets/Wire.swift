import CovenantEval
import CovenantLang

/// Fuzz target `wire`: what crosses a process boundary, a table body and JSON queries
/// (`FuzzOracle.wire`). Queries that do not come with a loadable table are answered against
/// the LANGUAGE.md example (`covenants/boekel.covenant`, embedded by `fuzz/build`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWire(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.check(FuzzOracle.wire(FuzzTarget.bytes(data, size), fallback: example))
}

let example: DecisionTable = {
    let source = SourceFile(path: "boekel.covenant", text: exampleCovenantText)
    guard let model = Frontend.check(source).model else { fatalError("the embedded example does not check") }
    return Compiler.compile(model, source: source)
}()
