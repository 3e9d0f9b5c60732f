/// The version of covenantc, in one place: `covenantc --version` and `--help` print it, SARIF
/// reports name it, `scripts/dist` names its tarball after it, and CHANGELOG.md has a section
/// for it (VersionTests checks both). Bump it here and add the section there together.
enum Version {
    static let current = "0.2.0"
}
