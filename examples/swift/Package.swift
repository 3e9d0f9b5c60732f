// swift-tools-version: 6.0
// A service that embeds the Covenant evaluator (CovenantEval only, without the compiler).
// scripts/embedding-check builds and runs it beside a checkout named `covenant`.
import PackageDescription

let package = Package(
    name: "Decide",
    dependencies: [
        // From a release: .package(url: "https://example.org/covenant.git", from: "0.2.0"),
        .package(path: "../covenant")  // the identity is the path's last part: "covenant"
    ],
    targets: [
        .executableTarget(
            name: "Decide",
            dependencies: [.product(name: "CovenantEval", package: "covenant")])
    ]
)
