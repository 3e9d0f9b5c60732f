// swift-tools-version: 6.0
// SPDX-License-Identifier: EUPL-1.2
// Covenant is licensed under the EUPL (European Union Public Licence v. 1.2); the full text is in
// LICENSE and at https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12
import PackageDescription

let package = Package(
    name: "Covenant",
    products: [
        .library(name: "CovenantLang", targets: ["CovenantLang"]),
        .library(name: "CovenantEval", targets: ["CovenantEval"]),
        .executable(name: "covenantc", targets: ["covenantc"]),
        // libcovenant.so: the evaluator behind the C interface of include/covenant.h.
        .library(name: "covenant", type: .dynamic, targets: ["LibCovenant"]),
    ],
    targets: [
        // Decision tables and the evaluator. Never imports CovenantLang, so services can embed it alone.
        .target(name: "CovenantEval"),
        // Front end: lexer, parser, diagnostics, resolver, checker.
        .target(name: "CovenantLang", dependencies: ["CovenantEval"]),
        // include/covenant.h as a Clang module, so the Swift behind it is compiled against it.
        .systemLibrary(name: "CCovenant", path: "include"),
        // The C interface (libcovenant): only CovenantEval, no Foundation.
        .target(name: "LibCovenant", dependencies: ["CovenantEval", "CCovenant"]),
        .executableTarget(name: "covenantc", dependencies: ["CovenantLang", "CovenantEval"]),
        // Measures compile and decide speed on generated covenants: swift run -c release covenant-bench
        .executableTarget(name: "covenant-bench", dependencies: ["CovenantLang", "CovenantEval"]),
        .testTarget(
            name: "CovenantLangTests", dependencies: ["CovenantLang", "CovenantEval"],
            exclude: ["Golden", "FuzzRegressions"]),
        .testTarget(name: "CovenantEvalTests", dependencies: ["CovenantEval"], exclude: ["Fixtures"]),
        .testTarget(name: "LibCovenantTests", dependencies: ["LibCovenant", "CCovenant"]),
        .testTarget(name: "covenantcTests", dependencies: ["covenantc"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
