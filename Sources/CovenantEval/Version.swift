/// The version of Covenant, in one place: `covenantc --version` and `--help` print it, SARIF
/// reports name it, libcovenant's `covenant_version()` returns it, `scripts/dist` names its
/// tarball after it, and CHANGELOG.md has a section for it (VersionTests checks both). Bump it
/// here and add the section there together.
package enum CovenantVersion {
    package static let current = "0.2.0"
}
