import Foundation

/// Where a command writes: standard output and standard error, or buffers in tests.
struct Console: Sendable {
    var out: @Sendable (String) -> Void
    var err: @Sendable (String) -> Void
    /// The next piece of standard input as it arrives (up to `inputBlock` bytes; a line may be cut
    /// anywhere); nil at the end.
    var readInput: @Sendable () -> [UInt8]? = Console.readStandardInput
    /// Writes bytes to standard output (UTF-8 text); by default through `out`.
    var writeOut: (@Sendable ([UInt8]) -> Void)?

    static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        writeOut: { bytes in bytes.withUnsafeBytes { Console.writeAll($0, to: 1) } })

    /// The most `readInput` returns at once.
    static let inputBlock = 1 << 18

    func outBytes(_ bytes: [UInt8]) {
        if let writeOut { writeOut(bytes) } else { out(String(decoding: bytes, as: UTF8.self)) }
    }

    @Sendable static func readStandardInput() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: inputBlock)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, inputBlock) }
            if n > 0 { return Array(buffer[..<n]) }
            if n < 0, errno == EINTR { continue }
            return nil
        }
    }

    /// Writes every byte (a pipe may take fewer at once), retrying on interruptions; gives up when
    /// the reader has gone.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n > 0 {
                done += n
            } else if n < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

/// Exit codes shared by every command.
enum ExitCode {
    static let success: Int32 = 0
    /// The covenant has errors, a test failed, a file is not formatted, ...
    static let failure: Int32 = 1
    /// The command line itself is wrong.
    static let usage: Int32 = 2
}
