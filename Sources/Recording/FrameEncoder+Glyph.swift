import Dashboard

extension FrameEncoder {
    /// The glyph as written to the terminal: itself when it draws one visible character,
    /// U+FFFD otherwise.
    ///
    /// A glyph is replaced when its first scalar is a control, format, separator, combining mark,
    /// surrogate, private-use or unassigned code point, or when any scalar is a control
    /// character: such bytes would move the cursor, change terminal state, or merge with the
    /// neighbouring cell, and the emulated screen would no longer match the grid.
    public static func drawable(_ glyph: Character) -> Character {
        let scalars = glyph.unicodeScalars
        guard let first = scalars.first, isBase(first),
              !scalars.contains(where: { $0.properties.generalCategory == .control })
        else { return "\u{FFFD}" }
        return glyph
    }

    private static func isBase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .nonspacingMark,
             .spacingMark, .enclosingMark, .surrogate, .privateUse, .unassigned:
            return false
        default:
            return true
        }
    }
}
