/// Strings and numbers written the way plan source writes them. The one
/// writer for both: messages, hints, answers, exports and saved source all
/// quote a name and print a number through here, so they never disagree.
public enum Literal {
    /// A string literal with the escapes the lexer reads back; every other
    /// control character as `\u{..}`, so that no text reaches a terminal raw.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += escape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `text` for a person's terminal: every control character written as a
    /// string literal writes it (`\n`, `\t`, `\u{1B}`), the rest as is.
    /// Names, strings and paths from a plan go through here wherever they
    /// reach a message, an answer or the report, so that a plan cannot move
    /// the cursor, change colors or retitle the window.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += escape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Unicode's control characters (general category Cc): C0, DEL and C1,
    /// whose U+009B a terminal may take for the start of an escape sequence.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// Whole numbers without a fraction (`3`), others with every digit (`2.5`).
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// For people: at most two decimals (an average reads `2.14`, not
    /// `2.142857142857143`), and never `-0`.
    public static func rounded(_ value: Double) -> String {
        rounded(value, decimals: 2)
    }

    private static func rounded(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return number(rounded == 0 ? 0 : rounded)
    }

    /// `value` and `other` for people, as `rounded` gives them, with more
    /// decimals where two would show different numbers alike: a load over
    /// its capacity never reads `8 of 8`.
    public static func apart(_ value: Double, _ other: Double) -> (String, String) {
        var decimals = 2
        // Past 12 decimals a Double says little more; `number` then shows every digit.
        while decimals < 12, value != other, rounded(value, decimals: decimals) == rounded(other, decimals: decimals) {
            decimals += 1
        }
        return (rounded(value, decimals: decimals), rounded(other, decimals: decimals))
    }

    /// A duration as a literal the lexer reads back: one unit only.
    public static func duration(_ duration: Duration) -> String {
        func unit(_ count: Int, _ name: String) -> String { "\(count) \(name)\(count == 1 ? "" : "s")" }
        switch (duration.months, duration.days) {
        case (0, let days) where days % 7 == 0 && days != 0: return unit(days / 7, "week")
        case (0, let days): return unit(days, "day")
        case (let months, 0) where months % 12 == 0: return unit(months / 12, "year")
        case (let months, 0): return unit(months, "month")
        case (let months, let days): return "(\(unit(months, "month")) + \(unit(days, "day")))"
        }
    }
}
