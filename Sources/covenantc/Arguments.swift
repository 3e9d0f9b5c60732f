import CovenantEval
import CovenantLang

/// A small command-line argument parser: `--flag`, `--option value`, `--option=value`,
/// `-o value`, `--` to end options, and positionals.
struct Arguments {
    /// A mistake on the command line, worded in the language of that command line.
    struct UsageError: Error, CustomStringConvertible {
        var description: String
        var language: Language

        init(_ key: String, _ language: Language, _ args: String...) {
            description = CommandWords.text(key, language, arguments: args)
            self.language = language
        }
    }

    var positionals: [String] = []
    var flags: Set<String> = []
    var options: [String: [String]] = [:]
    /// The language of the command line's own words (usage errors, summaries): see
    /// `Arguments.language(of:)`. Known before parsing, so a mistake in the options is worded
    /// in it too.
    let language: Language

    /// `flagNames` take no value; `optionNames` take one. Short aliases map to long names.
    init(
        _ args: [String], flags flagNames: Set<String>, options optionNames: Set<String>,
        aliases: [String: String] = [:]
    ) throws {
        language = Arguments.language(of: args)
        var i = 0
        var onlyPositionals = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyPositionals || !arg.hasPrefix("-") || arg == "-" {
                positionals.append(arg)
                continue
            }
            if arg == "--" {
                onlyPositionals = true
                continue
            }
            var name = arg
            var inlineValue: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inlineValue = String(arg[arg.index(after: eq)...])
            }
            name = aliases[name] ?? name
            if flagNames.contains(name) {
                if inlineValue != nil { throw UsageError("arguments.flagTakesNoValue", language, name) }
                flags.insert(name)
            } else if optionNames.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard i < args.count else { throw UsageError("arguments.optionNeedsValue", language, name) }
                    value = args[i]
                    i += 1
                }
                options[name, default: []].append(value)
            } else {
                let known = (flagNames.union(optionNames)).sorted()
                if let near = Suggestions.closest(to: name, among: known) {
                    throw UsageError("arguments.unknownOption.didYouMean", language, name, near)
                }
                throw UsageError("arguments.unknownOption", language, name)
            }
        }
    }

    func value(_ name: String) -> String? { options[name]?.last }

    /// An option restricted to a list of values.
    func choice(_ name: String, _ allowed: [String], default fallback: String) throws -> String {
        guard let v = value(name) else { return fallback }
        guard allowed.contains(v) else {
            throw UsageError("arguments.choice", language, name, allowed.joined(separator: ", "), v)
        }
        return v
    }

    /// `--lang` and COVENANT_LANG for the libraries (`UserLanguage.preference`), with a
    /// `--lang` that names no language reported in the words of this command line.
    func preference() throws -> LanguagePreference {
        if let value = value("--lang"), Language(rawValue: value) == nil {
            throw UsageError("arguments.lang", language, value)
        }
        return try UserLanguage.preference(self)
    }

    /// The language of a command line's own words: `--lang en|nl` wherever it stands (before
    /// `--`; the last one counts, as for every option), else COVENANT_LANG, else English. A
    /// `--lang` that names no language is passed over here; the command reports it.
    static func language(of args: [String], environment: Language? = UserLanguage.environment) -> Language {
        var found: Language?
        var i = 0
        while i < args.count, args[i] != "--" {
            if args[i] == "--lang", i + 1 < args.count {
                found = Language(rawValue: args[i + 1]) ?? found
                i += 1
            } else if args[i].hasPrefix("--lang=") {
                found = Language(rawValue: String(args[i].dropFirst("--lang=".count))) ?? found
            }
            i += 1
        }
        return found ?? environment ?? .en
    }

    /// Splits `--lang X` (or `--lang=X`) standing before the command name from the rest, so
    /// `covenantc --lang nl --help` and `covenantc --lang nl check x` find the command.
    static func leadingLanguage(_ args: [String]) -> (leading: [String], rest: [String]) {
        var i = 0
        while i < args.count {
            if args[i] == "--lang", i + 1 < args.count {
                i += 2
            } else if args[i].hasPrefix("--lang=") {
                i += 1
            } else {
                break
            }
        }
        return (Array(args[..<i]), Array(args[i...]))
    }
}
