/// How long a step must stay on screen so its narration can be read.
extension Step {
    /// The shortest time any step stays on screen, in wall-clock ms.
    public static let minimumReadingMs: Int64 = 4_000
    /// Reading speed: three words a second, plus one second to look up at the screen.
    public static let wordsPerSecond: Int64 = 3

    /// The wall-clock ms the narration takes to read: max(4 s, words ÷ 3 per second + 1 s).
    ///
    ///     Step(id: "a", marker: "A", say: "Lag grows.", actions: []).readingMs   // 4_000
    ///     // 24 words: 24 ÷ 3 + 1 = 9 s
    public var readingMs: Int64 {
        let words = Int64(say.split(whereSeparator: \.isWhitespace).count)
        return max(Self.minimumReadingMs, words * 1_000 / Self.wordsPerSecond + 1_000)
    }
}
