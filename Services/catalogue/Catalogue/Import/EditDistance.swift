/// String edit distance used by the spelling-variant rules.
///
/// `optimalStringAlignment(_:_:)` is the number of single-character insertions, deletions,
/// substitutions and adjacent transpositions needed to turn one string into the other, where no
/// substring is edited twice (the "restricted" Damerau–Levenshtein distance). It compares Unicode
/// scalars; callers fold case and punctuation first. `"dharampuri"` → `"dharmapuri"` is 1.
enum EditDistance {
    static func optimalStringAlignment(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var previousPrevious = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previousPrevious[j - 2] + 1)
                }
                current[j] = best
            }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
