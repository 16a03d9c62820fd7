/// Draws a diagnostic the way Swift and Rust do: a `file:line:column:`
/// header, the source line with carets under the span, the hint after the
/// carets, then each note with its own excerpt. Line and column are computed
/// here and nowhere earlier.
public struct DiagnosticRenderer: Sendable {
    public var sources: SourceMap
    /// ANSI colors: bold red errors, yellow warnings, cyan notes and hints,
    /// a blue gutter.
    public var color: Bool

    public init(sources: SourceMap, color: Bool = false) {
        self.sources = sources
        self.color = color
    }

    /// The whole diagnostic, each line ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        let main = place(diagnostic.range)
        let notes = diagnostic.notes.map { (note: $0, place: place($0.range)) }
        let gutter = ([main] + notes.map(\.place)).compactMap { $0.map { String($0.start.line).count } }.max() ?? 0

        var out = ""
        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]"
        header(location: main.map(\.location), label: label, severity: diagnostic.severity,
               message: diagnostic.message, into: &out)
        if let main, main.mayShowExcerpt {
            excerpt(main, gutter: gutter, severity: diagnostic.severity, hint: diagnostic.hint, into: &out)
        } else if let hint = diagnostic.hint {
            out += paint("hint", .cyan, bold: true) + ": " + Self.printableLines(hint) + "\n"
        }
        for (note, place) in notes {
            header(location: place.map(\.location), label: "note", severity: .note, message: note.message, into: &out)
            if let place, place.mayShowExcerpt { excerpt(place, gutter: gutter, severity: .note, hint: nil, into: &out) }
        }
        return out
    }

    /// One `check --json` object; keys in a fixed order, positions null when
    /// the diagnostic has no place in any source.
    public func json(_ diagnostic: Diagnostic) -> JSON {
        let place = place(diagnostic.range)
        func number(_ value: Int?) -> JSON { value.map { .number(Double($0)) } ?? .null }
        return .object([
            ("file", place.map { .string($0.source.name) } ?? .null),
            ("line", number(place?.start.line)),
            ("column", number(place?.start.column)),
            ("end_line", number(place?.end.line)),
            ("end_column", number(place?.end.column)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code.rawValue)),
            ("message", .string(diagnostic.message)),
            ("hint", diagnostic.hint.map(JSON.string) ?? .null),
        ])
    }

    // MARK: - Places

    package struct Place {
        package var source: Source
        package var startOffset: Int
        package var endOffset: Int
        var start: (line: Int, column: Int)
        var end: (line: Int, column: Int)
        package var location: String { "\(source.name):\(start.line):\(start.column)" }
        var mayShowExcerpt: Bool { source.excerptsEnd.map { startOffset <= $0 } ?? true }
    }

    package func place(_ range: SourceRange) -> Place? {
        guard let source = sources[range.source] else { return nil }
        let start = Self.visible(range.start, in: source)
        let end = max(start, Self.visible(range.end, in: source))
        return Place(source: source, startOffset: start, endOffset: end,
                     start: source.location(of: start), end: source.location(of: end))
    }

    /// A position at the end of the input points just past the last
    /// character, not at the empty line after the final newline.
    static func visible(_ offset: Int, in source: Source) -> Int {
        let bytes = source.bytes
        guard offset >= bytes.count else { return max(0, offset) }
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    // MARK: - Drawing

    /// A path or a name in the location or the message may hold control
    /// characters; they are drawn escaped, as every message draws them.
    private func header(location: String?, label: String, severity: Severity, message: String, into out: inout String) {
        out += paint(Literal.printable(location ?? "plan") + ":", nil, bold: true) + " "
        out += paint(label, severity.color, bold: true)
        out += paint(": " + Literal.printable(message), nil, bold: true) + "\n"
    }

    /// A hint's own line breaks are kept; anything else is escaped.
    static func printableLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Literal.printable(String($0)) }
            .joined(separator: "\n")
    }

    private func excerpt(_ place: Place, gutter: Int, severity: Severity, hint: String?, into out: inout String) {
        let source = place.source
        let line = place.start.line
        let lineStart = source.start(ofLine: line)
        let lineEnd = lineStart + source.lineBytes(line).count
        var spanStart = min(max(place.startOffset, lineStart), lineEnd)
        // A span starting inside a multi-byte scalar starts with that scalar.
        while spanStart > lineStart, spanStart < lineEnd, source.bytes[spanStart] & 0xC0 == 0x80 { spanStart -= 1 }
        let spanEnd = min(max(place.endOffset, spanStart), lineEnd)

        // A very long line is cut to a window around the span, so that a
        // megabyte of text on one line still gives a readable message.
        var window = (start: lineStart, spanEnd: spanEnd, end: lineEnd)
        if lineEnd - lineStart > Self.longLine {
            window.start = Self.scalarStart(max(lineStart, spanStart - Self.contextBytes), before: spanStart, in: source.bytes)
            window.spanEnd = Self.scalarEnd(min(spanEnd, spanStart + Self.spanBytes), after: spanStart, in: source.bytes)
            window.end = Self.scalarEnd(min(lineEnd, spanEnd + Self.contextBytes), after: spanEnd, in: source.bytes)
        }
        let ellipsis = "..."
        let before = (window.start > lineStart ? ellipsis : "") + Self.shown(source.bytes[window.start..<spanStart])
        let span = Self.shown(source.bytes[spanStart..<window.spanEnd])
        let after = window.spanEnd < spanEnd
            ? ellipsis
            : Self.shown(source.bytes[spanEnd..<window.end]) + (window.end < lineEnd ? ellipsis : "")
        let text = before + span + after

        let blank = String(repeating: " ", count: gutter + 1) + "|"
        let number = String(repeating: " ", count: max(0, gutter - String(line).count)) + String(line)
        out += paint(blank, .blue, bold: true) + "\n"
        out += paint(number + " |", .blue, bold: true) + (text.isEmpty ? "" : " " + text) + "\n"

        let padding = String(repeating: " ", count: DisplayWidth.of(before))
        let carets = String(repeating: "^", count: max(1, DisplayWidth.of(span)))
        var marker = paint(blank, .blue, bold: true) + " " + padding + paint(carets, severity.color, bold: true)
        if let hint {
            let hintLines = hint.split(separator: "\n", omittingEmptySubsequences: false)
            let indent = String(repeating: " ", count: padding.count + carets.count + 1)
            for (position, hintLine) in hintLines.enumerated() {
                if position > 0 { marker += "\n" + paint(blank, .blue, bold: true) + " " + indent }
                else { marker += " " }
                marker += paint(Literal.printable(String(hintLine)), .cyan, bold: false)
            }
        }
        out += marker + "\n"
    }

    /// Lines longer than this many bytes are cut around the span.
    static let longLine = 240
    static let contextBytes = 60
    static let spanBytes = 100

    /// `offset`, moved forward to the start of a scalar but not past `limit`.
    static func scalarStart(_ offset: Int, before limit: Int, in bytes: [UInt8]) -> Int {
        var offset = offset
        while offset < limit, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
        return offset
    }

    /// `offset`, moved back so that no scalar is cut in two, but not before `floor`.
    static func scalarEnd(_ offset: Int, after floor: Int, in bytes: [UInt8]) -> Int {
        var offset = offset
        while offset > floor, offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        return offset
    }

    /// Source text as it is drawn: a tab as four spaces and other control
    /// characters escaped (`\u{1B}`); the carets are measured on this text,
    /// so they stay under the span.
    static func shown(_ bytes: ArraySlice<UInt8>) -> String {
        Literal.printable(String(decoding: bytes, as: UTF8.self).replacing("\t", with: "    "))
    }

    enum Color: String {
        case red = "31", yellow = "33", blue = "34", cyan = "36"
    }

    private func paint(_ text: String, _ hue: Color?, bold: Bool) -> String {
        guard color, hue != nil || bold else { return text }
        let codes = (bold ? ["1"] : []) + (hue.map { [$0.rawValue] } ?? [])
        return "\u{1B}[" + codes.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
}

extension Severity {
    fileprivate var color: DiagnosticRenderer.Color {
        switch self {
        case .error: return .red
        case .warning: return .yellow
        case .note: return .cyan
        }
    }
}
