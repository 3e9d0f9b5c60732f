import CovenantEval
import CovenantLang
import Foundation

/// The decision table for a command: compiled from a covenant source, or loaded from a table
/// written by `covenantc compile` (recognised by its header, whatever the file is called).
enum TableLoader {
    /// Largest compiled table read (a table is larger than its source: 5,000 rules make ~27 MB).
    static let maxTableBytes = 1 << 30

    /// Loads FILE; with `source`, also checks that the table was compiled from that covenant
    /// as it is now (a table left behind after the covenant changed is refused, never used).
    /// Its messages are in the language `preference` chooses for the covenant or table.
    static func load(
        _ path: String, source: String? = nil,
        preference: LanguagePreference = .init(environment: UserLanguage.environment),
        console: Console
    ) -> DecisionTable? {
        guard let table = loadTable(path, preference: preference, console: console) else { return nil }
        guard let source else { return table }
        let language = preference.language(covenant: table.metadata.language)
        guard let bytes = FileManager.default.contents(atPath: source) else {
            console.err(
                DiagnosticRenderer(files: []).render(
                    SourceLoader.load([source], language: language).failures.first
                        ?? SourceLoader.failure(
                            source, CommandWords.text("source.cannotRead", language, source), language)))
            return nil
        }
        guard table.wasCompiled(from: bytes) else {
            let recorded = table.metadata.sourceSHA256.prefix(12), actual = SHA256.hexDigest(bytes).prefix(12)
            console.err(
                CommandWords.text("table.otherVersion", language, path, source, String(recorded), String(actual)) + "\n"
            )
            return nil
        }
        return table
    }

    private static func loadTable(_ path: String, preference: LanguagePreference, console: Console) -> DecisionTable? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        // Mapped, not read: a binary table is decoded straight from the mapping.
        guard let size, size <= maxTableBytes,
            let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        else {
            // Missing, unreadable or huge: the source loader says which, with a diagnostic.
            let language = preference.language(covenant: nil)
            let loaded = SourceLoader.load([path], language: language)
            console.err(
                DiagnosticRenderer(files: []).render(
                    loaded.failures.first
                        ?? SourceLoader.failure(path, CommandWords.text("source.cannotRead", language, path), language))
            )
            return nil
        }
        func refused(_ error: TableCodec.LoadError) -> DecisionTable? {
            let language = preference.language(covenant: nil)
            console.err(CommandWords.text("table.unreadable", language, path, error.message(in: language)) + "\n")
            return nil
        }
        if data.starts(with: BinaryTableCodec.magic) {
            let result = data.withUnsafeBytes { raw in
                Result { () throws(TableCodec.LoadError) -> DecisionTable in try BinaryTableCodec.decode(raw) }
            }
            switch result {
            case .success(let table): return table
            case .failure(let error): return refused(error)
            }
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: SourceLoader.tableHeader) {
            do {
                return try TableCodec.decode(bytes)
            } catch {
                return refused(error)
            }
        }
        // A covenant source: the front end enforces the source limits (size, nesting, ...). A
        // literate covenant is read as its virtual source; its table records the .md file's hash.
        let (source, document) = LiterateSource.source(path: path, bytes: bytes)
        if let document {
            let language = preference.language(covenant: Lexer.declaredLanguage(document.virtualSource).messageLanguage)
            if let unclosed = document.unclosedFenceDiagnostic(path: path, language: language) {
                console.err(DiagnosticRenderer(files: []).render(unclosed))
                console.err(hasErrors(path, 1, language) + "\n")
                return nil
            }
        }
        let result = Frontend.check(source, preference: preference)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard let model = result.model, errors.isEmpty else {
            console.err(DiagnosticRenderer(files: [source]).render(errors))
            console.err(hasErrors(path, errors.count, result.messageLanguage(preference)) + "\n")
            return nil
        }
        return LiterateSource.compile(model, source: source, original: bytes)
    }

    /// "x.covenant: the covenant has 2 errors; fix them first (covenantc check x.covenant)".
    static func hasErrors(_ path: String, _ count: Int, _ language: Language) -> String {
        CommandWords.text(count == 1 ? "table.hasErrors.one" : "table.hasErrors.many", language, path, String(count))
    }
}

/// Writes a file so that a reader never sees half of it: to a temporary file beside it,
/// flushed to disk, then renamed over the target.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        /// The catalogue's key, or nil when `arguments` is the system's own words (`reason`).
        var key: String?
        var arguments: [String]
        var description: String { text(.en) }

        func text(_ language: Language) -> String {
            key.map { CommandWords.text($0, language, arguments: arguments) } ?? arguments.joined()
        }
    }

    /// A failed write in words: ours in `language`, the system's as it gives them.
    static func describe(_ error: Error, _ language: Language) -> String {
        (error as? WriteError)?.text(language) ?? "\(error)"
    }

    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes bytes as they are (a literate covenant's prose need not be valid UTF-8 to be kept).
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw WriteError(key: "atomicFile.cannotCreateTemporary", arguments: [url.deletingLastPathComponent().path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: Data(bytes))
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw WriteError(key: "atomicFile.cannotReplace", arguments: [path, String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error as? WriteError ?? WriteError(arguments: [reason(error)])
        }
    }

    /// The system's words for a failed write ("No space left on device", "File too large")
    /// rather than Foundation's error domain and code.
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        for candidate in [error, error.userInfo[NSUnderlyingErrorKey] as? NSError].compactMap({ $0 })
        where candidate.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(candidate.code)))
        }
        return error.localizedDescription
    }
}
