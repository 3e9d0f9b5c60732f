import CovenantLang

/// A small command-line argument parser: `--flag`, `--option value`, `--option=value`,
/// `-o value`, `--` to end options, and positionals.
struct Arguments {
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    var positionals: [String] = []
    var flags: Set<String> = []
    var options: [String: [String]] = [:]

    /// `flagNames` take no value; `optionNames` take one. Short aliases map to long names.
    init(_ args: [String], flags flagNames: Set<String>, options optionNames: Set<String>, aliases: [String: String] = [:]) throws {
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
                if inlineValue != nil { throw UsageError(description: "the flag \(name) takes no value") }
                flags.insert(name)
            } else if optionNames.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard i < args.count else { throw UsageError(description: "the option \(name) needs a value") }
                    value = args[i]
                    i += 1
                }
                options[name, default: []].append(value)
            } else {
                let known = (flagNames.union(optionNames)).sorted()
                let hint = Suggestions.closest(to: name, among: known).map { " (did you mean \($0)?)" } ?? ""
                throw UsageError(description: "unknown option \(name)\(hint)")
            }
        }
    }

    func value(_ name: String) -> String? { options[name]?.last }

    /// An option restricted to a list of values.
    func choice(_ name: String, _ allowed: [String], default fallback: String) throws -> String {
        guard let v = value(name) else { return fallback }
        guard allowed.contains(v) else {
            throw UsageError(description: "\(name) must be one of: \(allowed.joined(separator: ", ")); got '\(v)'")
        }
        return v
    }
}
