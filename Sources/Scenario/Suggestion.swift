/// Near-miss suggestions for misspelt keys and names.
enum Suggestion {
    /// The candidate closest to `word` by Damerau–Levenshtein distance, if close enough to be a typo.
    ///
    /// "Close enough" is at most 1 edit for words up to 4 characters, 2 up to 8, else 3; ties go
    /// to the candidate listed first. Failing that, a candidate that is `word` with a `_`-joined
    /// prefix or suffix (`records` → `max_records`).
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = word.count <= 4 ? 1 : (word.count <= 8 ? 2 : 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.name }
        // A key written without its prefix or suffix: `records` for `max_records`.
        return candidates.first { $0.hasSuffix("_" + word) || $0.hasPrefix(word + "_") }
    }

    /// The optimal-string-alignment Damerau–Levenshtein distance: insertions, deletions,
    /// substitutions and transpositions of adjacent characters each cost 1.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, table[i - 2][j - 2] + 1)
                }
                table[i][j] = value
            }
        }
        return table[a.count][b.count]
    }
}
