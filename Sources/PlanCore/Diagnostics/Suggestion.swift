/// "Did you mean" for a mistyped name: the closest candidate by edit
/// distance (adjacent swaps count as one edit), if it is close enough to be
/// a plausible typo rather than a different word.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        closest(to: word, among: candidates, edits: max(1, min(3, word.unicodeScalars.count / 3)))
    }

    /// For a field: a kind has a handful, so a short word two edits away
    /// (`dew` for `due`) can still only have meant one of them.
    public static func closestField(to word: String, among fields: [String]) -> String? {
        closest(to: word, among: fields, edits: word.unicodeScalars.count >= 3 ? max(2, min(3, word.unicodeScalars.count / 3)) : 1)
    }

    private static func closest(to word: String, among candidates: [String], edits limit: Int) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().unicodeScalars)
            let distance = editDistance(target, other, limit: 3)
            // Beyond a typo's few edits, an abbreviation (`cnt` for `count`)
            // or a word run on past the name (`lenght` for `len`) still
            // plainly means the candidate.
            let plausible = distance <= limit
                || (target.count >= 3 && isSubsequence(target, of: other))
                || (other.count >= 3 && target.starts(with: other))
            if plausible, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    static func isSubsequence(_ short: [Unicode.Scalar], of long: [Unicode.Scalar]) -> Bool {
        var remaining = short[...]
        for scalar in long where remaining.first == scalar {
            remaining = remaining.dropFirst()
        }
        return remaining.isEmpty
    }

    /// Optimal string alignment distance, giving up early past `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
