/// Strings and numbers written the way plan source writes them. The one
/// writer for both: messages, hints, answers, exports and saved source all
/// quote a name and print a number through here, so they never disagree.
public enum Literal {
    /// A string literal with the escapes the lexer reads back; every other
    /// hidden character as `\u{..}`, so that no text reaches a terminal raw.
    public static func string(_ text: String) -> String {
        // Printable ASCII with no quote or backslash, as nearly every name
        // is, is copied whole: appending it scalar by scalar was most of
        // what a message naming it cost.
        if text.utf8.allSatisfy(isPlainASCII) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where isHidden(scalar): out += escape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `text` for a person's terminal: every hidden character written as a
    /// string literal writes it (`\n`, `\t`, `\u{1B}`, `\u{202E}`), the rest
    /// as is. Names, strings and paths from a plan go through here wherever
    /// they reach a message, an answer or the report, so that a plan cannot
    /// move the cursor, change colors, retitle the window or reorder what a
    /// reader sees.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where isHidden(scalar): out += escape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A whole text of many lines for a terminal (`plan fmt` to one): line
    /// breaks and tabs kept, every other hidden character spelt out.
    public static func printableLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isHidden($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar), scalar != "\n", scalar != "\t" { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// What no output for people shows raw: Unicode's control characters
    /// (Cc: C0, DEL and C1, whose U+009B a terminal may take for the start of
    /// an escape sequence), and the invisible format characters that change
    /// what a reader sees: the bidirectional marks, embeddings, overrides
    /// and isolates, which reorder a line ("Trojan Source"), and the line and
    /// paragraph separators, which break a line for some readers and not for
    /// others (`--json` read line by line).
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// A number as the language writes one: digits and at most one point,
    /// never an exponent (`1e-07`) nor a `.0` (`1000000000000000.0`), with
    /// the fewest digits that read back as the same number, which tells it
    /// from its neighbours.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        guard value.isFinite else { return String(value) }
        return plainDecimal(value)
    }

    /// Swift's shortest round-trip digits (`description`), the exponent
    /// written out as zeros.
    private static func plainDecimal(_ value: Double) -> String {
        let text = value.magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts.first ?? ""
        let whole = mantissa.prefix { $0 != "." }
        let fraction = mantissa.drop { $0 != "." }.dropFirst()
        var digits = Array(whole + fraction)
        var point = whole.count + exponent
        while let first = digits.first, first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == "0" { digits.removeLast() }
        guard !digits.isEmpty else { return "0" }
        let sign = value < 0 ? "-" : ""
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
        if point >= digits.count { return sign + String(digits) + String(repeating: "0", count: point - digits.count) }
        return sign + String(digits[..<point]) + "." + String(digits[point...])
    }

    /// For people: at most two decimals (an average reads `2.14`, not
    /// `2.142857142857143`), and never `-0`; but a number that is not 0 never
    /// shows as 0: `0.0000001` keeps its first two significant digits.
    public static func rounded(_ value: Double) -> String {
        number(value, decimals: decimalsShowing(value))
    }

    /// `a` and `b` rounded for people as `rounded` does, with more decimals
    /// where two would show two different numbers alike (a load of 40.004
    /// hours over a capacity of 40).
    public static func rounded(_ a: Double, apartFrom b: Double) -> (String, String) {
        var more = 0
        while true {
            let shown = (number(a, decimals: min(decimalsShowing(a) + more, maximumDecimals)),
                         number(b, decimals: min(decimalsShowing(b) + more, maximumDecimals)))
            if shown.0 != shown.1 || a == b || more >= maximumDecimals { return shown }
            more += 1
        }
    }

    /// Past this many decimals a Double has no more to tell.
    private static let maximumDecimals = 17

    /// Two, or as many as the first two significant digits of a number
    /// smaller than 0.01 need.
    private static func decimalsShowing(_ value: Double) -> Int {
        var decimals = 2
        while value != 0, round(value, decimals) == 0, decimals < maximumDecimals { decimals += 1 }
        return decimals == 2 ? 2 : min(decimals + 1, maximumDecimals)
    }

    private static func number(_ value: Double, decimals: Int) -> String {
        let rounded = round(value, decimals)
        // Beyond what a scale of 10 can hold, the number itself is the best figure.
        guard rounded.isFinite, rounded != 0 || value == 0 else { return number(value) }
        return number(rounded == 0 ? 0 : rounded)
    }

    private static func round(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
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
