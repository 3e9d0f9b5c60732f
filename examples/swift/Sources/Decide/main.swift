import CovenantEval
import Foundation

// Load a table written by `covenantc compile` (its SHA-256 and every index are checked), then
// answer a question: resolved once by name, then decided as often as needed.
let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "boekel.table.json"
do {
    let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    let evaluator = try Evaluator(table: TableCodec.decode(bytes))
    let query = Query(
        from: "ggz", to: "dorpsteam", share: "health", purpose: "support",
        facts: ["consent": .text("given"), "age": .int(30)])
    let resolved = try evaluator.resolve(query, on: CalendarDate("2026-11-30")!)
    let decision = evaluator.decision(resolved, in: .en)
    print(decision.effect, decision.decidedBy, decision.reason)
    var scratch = DecisionScratch()  // one per thread: deciding then allocates nothing
    print(evaluator.decide(resolved, into: &scratch))
} catch let error as TableCodec.LoadError {
    print("the table is refused: \(error.message(in: .en)) (\(error.kind))")
    exit(1)
} catch let error as QueryError {
    print("the query cannot be decided: \(error.message(in: .en)) (\(error.kind))")
    exit(1)
} catch {
    print(error)
    exit(1)
}
