/// Turns a source's bytes into tokens. (Placeholder until the lexer lands.)
public struct Lexer {
    public struct Result: Sendable {
        public var tokens: [Token]
        public var comments: [SourceRange]
        public var diagnostics: [Diagnostic]
        /// Input ended inside a bracket or a string: more may come (the REPL asks for it).
        public var endsInside: Bool
    }

    public static func tokenize(_ source: Source, id: Int) -> Result {
        Result(tokens: [Token(kind: .eof, range: SourceRange(source: id, start: source.bytes.count, end: source.bytes.count))],
               comments: [], diagnostics: [], endsInside: false)
    }

    /// The text a `.string` token stands for, escapes decoded.
    public static func stringValue(of token: Token, in source: Source) -> String {
        source.text(token.range)
    }
}

extension Lexer {
    public static func numberValue(of token: Token, in source: Source) -> Double? { Double(source.text(token.range)) }
    public static func durationValue(of token: Token, in source: Source) -> Duration? { nil }
}
