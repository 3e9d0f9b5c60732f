public enum TokenKind: Sendable, Hashable {
    case word  // a name or keyword: letters, digits, underscores
    case string  // "..." (text holds the decoded contents)
    case integer  // 0-9 digits (text holds the digits)
    case date  // YYYY-MM-DD
    case lbrace, rbrace, lparen, rparen, comma, colon, pipe
    case assign  // =
    case eq, ne, lt, le, gt, ge
    case arrow  // ->
    case dotdot  // ..
    case minus  // -
    case eof

    /// How the token is named in "expected ..., found ..." messages, in the messages' language.
    public func displayName(_ words: Words) -> String {
        switch self {
        case .word: words("token.name")
        case .string: words("token.string")
        case .integer: words("token.number")
        case .date: words("token.date")
        case .lbrace: "'{'"
        case .rbrace: "'}'"
        case .lparen: "'('"
        case .rparen: "')'"
        case .comma: "','"
        case .colon: "':'"
        case .pipe: "'|'"
        case .assign: "'='"
        case .eq: "'=='"
        case .ne: "'!='"
        case .lt: "'<'"
        case .le: "'<='"
        case .gt: "'>'"
        case .ge: "'>='"
        case .arrow: "'->'"
        case .dotdot: "'..'"
        case .minus: "'-'"
        case .eof: words("token.endOfFile")
        }
    }
}

public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var text: String
    public var range: SourceRange
    /// A string the lexer closed at the end of its line; errors right after it only repeat
    /// the lexer's, so the parser does not report them.
    public var unterminated = false

    /// What the token looks like in a message: `'share'`, `a quoted string`, `the end of the
    /// file` (words in the messages' language, the token's own text as written).
    public func described(_ words: Words) -> String {
        switch kind {
        case .word, .integer, .date: "'\(text)'"
        default: kind.displayName(words)
        }
    }
}

/// A `//` comment, kept for the formatter.
public struct Comment: Sendable, Hashable {
    public var text: String
    public var range: SourceRange
    /// True when code precedes the comment on its line (a trailing comment).
    public var trailing: Bool
}
