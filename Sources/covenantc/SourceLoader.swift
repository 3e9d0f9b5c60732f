import CovenantEval
import CovenantLang
import Foundation

/// Reads the covenant files named on the command line: files as given, directories as every
/// `*.covenant` and `*.covenant.md` file below them, in sorted order. A literate covenant
/// (`*.covenant.md`) is read as its virtual source (`LiterateSource`): its code blocks on the
/// lines where they stand, so diagnostics point at lines of the `.md` file.
enum SourceLoader {
    struct Loaded {
        var files: [SourceFile] = []
        /// Paths that could not be read, each as a diagnostic.
        var failures: [Diagnostic] = []
        /// The document each literate file was split from, by path.
        var documents: [String: LiterateDocument] = [:]
    }

    /// `language` words the failures: no covenant has been read yet, so it is `--lang`, else
    /// COVENANT_LANG, else English. A literate file with an unclosed covenant block is refused
    /// (E110) in the language `preference` chooses for it; without one, in `language` unless the
    /// file is Dutch and `language` is only the default.
    static func load(
        _ paths: [String], limits: Limits = .standard,
        language: Language = UserLanguage.environment ?? .en,
        preference: LanguagePreference? = nil
    ) -> Loaded {
        var loaded = Loaded()
        let standard = UserLanguage.environment ?? .en
        let preference =
            preference
            ?? LanguagePreference(
                explicit: language == standard ? nil : language, environment: UserLanguage.environment)
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                loaded.failures.append(failure(path, CommandWords.text("source.noSuchFile", language, path), language))
                continue
            }
            if isDirectory.boolValue {
                let found = covenantFiles(under: path)
                if found.isEmpty {
                    loaded.failures.append(
                        failure(path, CommandWords.text("source.emptyDirectory", language, path), language))
                }
                for file in found {
                    read(file, into: &loaded, limits: limits, language: language, preference: preference)
                }
            } else {
                read(path, into: &loaded, limits: limits, language: language, preference: preference)
            }
        }
        return loaded
    }

    static func covenantFiles(under directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".covenant") || LiterateSource.isLiterate(path: relative) {
                found.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
            }
        }
        return found.sorted()
    }

    static func read(
        _ path: String, into loaded: inout Loaded, limits: Limits, language: Language,
        preference: LanguagePreference = .init()
    ) {
        // A compiled table is no covenant: one line saying so, not a megabyte of syntax errors.
        if isCompiledTable(path) {
            loaded.failures.append(failure(path, CommandWords.text("source.compiledTable", language, path), language))
            return
        }
        // Check the size first, so a huge file is refused without reading it into memory.
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int, size > limits.maxFileBytes
        {
            var tooLarge = Diagnostic(
                .fileTooLarge,
                CommandWords.text("source.tooLarge", language, String(size), String(limits.maxFileBytes)),
                at: origin(path), help: CommandWords.text("source.tooLarge.help", language))
            tooLarge.language = language
            loaded.failures.append(tooLarge)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            loaded.failures.append(failure(path, CommandWords.text("source.cannotRead", language, path), language))
            return
        }
        let (source, document) = LiterateSource.source(path: path, bytes: [UInt8](data))
        if let document {
            let declared = Lexer.declaredLanguage(document.virtualSource).messageLanguage
            let words = preference.language(covenant: declared)
            if let unclosed = document.unclosedFenceDiagnostic(path: path, language: words) {
                loaded.failures.append(unclosed)
                return
            }
            loaded.documents[path] = document
        }
        loaded.files.append(source)
    }

    /// The header every table written by `covenantc compile` starts with.
    static let tableHeader = Array(#"{"format":"covenant-decision-table""#.utf8)

    /// True when the file starts with the header of a compiled table, JSON or binary (only its
    /// first bytes are read).
    static func isCompiledTable(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = [UInt8]((try? handle.read(upToCount: tableHeader.count)) ?? Data())
        return start == tableHeader || start.starts(with: BinaryTableCodec.magic)
    }

    static func origin(_ path: String) -> SourceRange {
        let start = SourceLocation(line: 1, column: 1, offset: 0)
        return SourceRange(file: path, start: start, end: start)
    }

    static func failure(_ path: String, _ message: String, _ language: Language) -> Diagnostic {
        var d = Diagnostic(.unreadableFile, message, at: origin(path))
        d.language = language
        return d
    }
}
