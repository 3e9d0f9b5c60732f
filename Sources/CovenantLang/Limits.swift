/// The explicit limits of the front end. Input beyond any of them is reported as a
/// diagnostic naming the limit and its value; it never crashes, hangs or exhausts memory.
public struct Limits: Sendable, Hashable {
    /// Largest covenant file, in bytes.
    public var maxFileBytes = 8 * 1024 * 1024
    /// Deepest nesting of braces, parentheses and `not`.
    public var maxNestingDepth = 64
    /// Longest name, in bytes.
    public var maxIdentifierBytes = 128
    /// Longest string literal, in bytes.
    public var maxStringBytes = 4096
    /// Most declarations (parties, categories, rules, tests, ...) in one file.
    public var maxDeclarations = 100_000
    /// Most distinct facts one condition (`when` or `unless`) may mention: the exact analysis
    /// considers every combination of their values, so a condition over many facts is a sign
    /// of a mistake, and beyond this it is refused rather than analysed in part.
    public var maxConditionFacts = 32
    /// Most `and`/`or` operators in one condition.
    public var maxConditionTerms = 256
    /// Most errors reported for one file before checking stops.
    public var maxErrorsPerFile = 100

    public init() {}

    public static let standard = Limits()
}
