import CovenantEval
import CovenantLang
import Foundation

/// The decision table for a command: compiled from a covenant source, or loaded from a table
/// written by `covenantc compile` (recognised by its header, whatever the file is called).
enum TableLoader {
    static func load(_ path: String, console: Console) -> DecisionTable? {
        let loaded = SourceLoader.load([path])
        if let failure = loaded.failures.first {
            console.err(DiagnosticRenderer(files: []).render(failure))
            return nil
        }
        guard let source = loaded.files.first else { return nil }
        if source.bytes.starts(with: Array(#"{"format":"covenant-decision-table""#.utf8)) {
            do {
                return try TableCodec.decode(source.bytes)
            } catch {
                console.err("\(path): error: \(error.message)\n")
                return nil
            }
        }
        let result = Frontend.check(source)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard let model = result.model, errors.isEmpty else {
            console.err(DiagnosticRenderer(files: [source]).render(errors))
            console.err("\(path): the covenant has \(errors.count) error\(errors.count == 1 ? "" : "s"); fix them first (covenantc check \(path))\n")
            return nil
        }
        return Compiler.compile(model, source: source)
    }
}

/// Writes a file so that a reader never sees half of it: to a temporary file beside it,
/// flushed to disk, then renamed over the target.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw WriteError(description: "cannot create a temporary file in \(url.deletingLastPathComponent().path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw WriteError(description: "cannot replace \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
