extension Sparkline {
    /// The braille cell showing a left column filled to `left` dots and a right one to `right`
    /// (each 0…4, from the bottom); a plain space when both are empty.
    static func braille(left: Int, right: Int) -> Character {
        brailleTable[min(max(left, 0), 4) * 5 + min(max(right, 0), 4)]
    }

    /// All 25 combinations, indexed `left * 5 + right`.
    ///
    /// Braille dots are bits of U+2800: the left column top to bottom is dots 1, 2, 3, 7 (bits
    /// 0x01, 0x02, 0x04, 0x40), the right column dots 4, 5, 6, 8 (0x08, 0x10, 0x20, 0x80).
    /// A level fills that many dots from the bottom.
    private static let brailleTable: [Character] = {
        let leftBits: [UInt32] = [0x40, 0x04, 0x02, 0x01]
        let rightBits: [UInt32] = [0x80, 0x20, 0x10, 0x08]
        var table: [Character] = []
        for left in 0...4 {
            for right in 0...4 {
                guard left + right > 0 else {
                    table.append(" ")
                    continue
                }
                let bits = leftBits.prefix(left).reduce(0, |) | rightBits.prefix(right).reduce(0, |)
                table.append(Unicode.Scalar(0x2800 + bits).map(Character.init) ?? " ")
            }
        }
        return table
    }()
}
