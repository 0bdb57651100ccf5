/// How many colours the dashboard may use, from none to the 256-colour palette.
///
/// Ordered: a caller can cap a detected tier with `min(detected, requested)`.
public enum ColorTier: Int, Comparable, Hashable, Sendable, CaseIterable {
    /// No colour: meaning is carried by bold, dim and reverse (`NO_COLOR`, `--no-color`).
    case monochrome
    /// The 16 ANSI colours.
    case ansi16
    /// The 256-colour xterm palette.
    case palette256

    public static func < (lhs: ColorTier, rhs: ColorTier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which glyphs the dashboard may draw, from plain ASCII to braille graphs.
///
/// Ordered: a caller can cap a detected tier with `min(detected, requested)`.
public enum GlyphTier: Int, Comparable, Hashable, Sendable, CaseIterable {
    /// Printable ASCII only (`--ascii`, or a locale that is not UTF-8).
    case ascii
    /// Unicode boxes and block elements, no braille (fonts without braille).
    case blocks
    /// Unicode boxes, blocks and braille graphs with two samples per cell.
    case braille

    public static func < (lhs: GlyphTier, rhs: GlyphTier) -> Bool { lhs.rawValue < rhs.rawValue }
}
