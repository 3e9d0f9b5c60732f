import Foundation

/// Where a command writes: standard output and standard error, or buffers in tests.
struct Console: Sendable {
    var out: @Sendable (String) -> Void
    var err: @Sendable (String) -> Void
    /// The next line of standard input, without its line break; nil at the end.
    var readLine: @Sendable () -> String? = { Swift.readLine(strippingNewline: true) }

    static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) })
}

/// Exit codes shared by every command.
enum ExitCode {
    static let success: Int32 = 0
    /// The covenant has errors, a test failed, a file is not formatted, ...
    static let failure: Int32 = 1
    /// The command line itself is wrong.
    static let usage: Int32 = 2
}
