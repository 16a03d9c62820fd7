import PlanCore

extension Fix {
    /// The name a "did you mean" offers in place of the one written,
    /// quoted if the written one was or if it cannot stand bare (which
    /// only the parser knows, so this lives beside it).
    public static func respelling(_ range: SourceRange, quoted: Bool, as meant: String) -> Fix {
        let text = quoted ? Literal.string(meant) : Literal.name(meant)
        return Fix(title: "Change to \(text)", edits: [.replace(range, with: text)])
    }
}
