import CovenantEval

/// The version of covenantc: the package's (CovenantEval/Version.swift).
enum Version {
    static let current = CovenantVersion.current
}
