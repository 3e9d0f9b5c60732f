import CovenantLang
import Foundation

/// Reads the covenant files named on the command line: files as given, directories as every
/// `*.covenant` file below them, in sorted order.
enum SourceLoader {
    struct Loaded {
        var files: [SourceFile] = []
        /// Paths that could not be read, each as a diagnostic.
        var failures: [Diagnostic] = []
    }

    static func load(_ paths: [String], limits: Limits = .standard) -> Loaded {
        var loaded = Loaded()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                loaded.failures.append(failure(path, "no such file or directory: '\(path)'"))
                continue
            }
            if isDirectory.boolValue {
                let found = covenantFiles(under: path)
                if found.isEmpty {
                    loaded.failures.append(failure(path, "the directory '\(path)' contains no *.covenant files"))
                }
                for file in found { read(file, into: &loaded, limits: limits) }
            } else {
                read(path, into: &loaded, limits: limits)
            }
        }
        return loaded
    }

    static func covenantFiles(under directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".covenant") {
                found.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
            }
        }
        return found.sorted()
    }

    static func read(_ path: String, into loaded: inout Loaded, limits: Limits) {
        // Check the size first, so a huge file is refused without reading it into memory.
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = attributes[.size] as? Int, size > limits.maxFileBytes {
            loaded.failures.append(Diagnostic(.fileTooLarge, "the file is \(size) bytes; the limit (maxFileBytes) is \(limits.maxFileBytes) bytes",
                                              at: origin(path), help: "split the covenant, or check that this is the file you meant"))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            loaded.failures.append(failure(path, "cannot read '\(path)'"))
            return
        }
        loaded.files.append(SourceFile(path: path, bytes: [UInt8](data)))
    }

    static func origin(_ path: String) -> SourceRange {
        let start = SourceLocation(line: 1, column: 1, offset: 0)
        return SourceRange(file: path, start: start, end: start)
    }

    static func failure(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(.unreadableFile, message, at: origin(path))
    }
}
