import Simulation

/// How the step's narration is laid out: wrapped whole into a few rows, and when it needs more,
/// one page of it at a time with a marker saying there is more and which key shows it.
struct NarrationLayout: Equatable {
    /// Every wrapped line of the narration.
    var lines: [String]
    /// The first line shown.
    var firstLine: Int
    /// The rows the narration takes on screen.
    var rows: Int

    /// The width of the scroll marker and the space before it.
    static let markerWidth = 4

    /// The most rows the narration may take at `size`: four on the projector, five from 40 rows.
    static func maximumRows(_ size: TerminalSize) -> Int {
        size.rows >= 40 ? 5 : 4
    }

    init(_ say: String, width: Int, size: TerminalSize, scroll: Int) {
        // Newlines become spaces, byte for byte; most narrations have none and are used as they are.
        let newline = UInt8(ascii: "\n")
        let text = say.utf8.contains(newline) ? String(decoding: say.utf8.map { $0 == newline ? UInt8(ascii: " ") : $0 }, as: UTF8.self) : say
        let maximum = Self.maximumRows(size)
        var lines = TextLayout.wrap(text, width: width)
        if lines.count > maximum { lines = TextLayout.wrap(text, width: width - Self.markerWidth) }
        self.lines = lines
        rows = min(max(1, lines.count), maximum)
        firstLine = min(max(0, scroll), max(0, lines.count - rows))
    }

    /// The narration of `world`'s step for a screen of `size`, scrolled as `state` says.
    init(_ world: WorldSnapshot, state: DashboardState, size: TerminalSize) {
        let scroll = state.narrationScroll.flatMap { $0.step == world.script.stepIndex ? $0.firstLine : nil } ?? 0
        self.init(world.script.say, width: size.cols - 2, size: size, scroll: scroll)
    }

    /// The lines on screen.
    var shown: ArraySlice<String> { lines[firstLine..<min(lines.count, firstLine + rows)] }
    /// Whether lines are hidden below, or above.
    var moreBelow: Bool { firstLine + rows < lines.count }
    var moreAbove: Bool { firstLine > 0 }
}

extension Grid {
    /// The narration of the current step, in the accent style so it reads from the back; a
    /// marker at the end of its last row when there is more (`▼ ]`) or it was scrolled (`▲ [`).
    mutating func drawNarration(_ narration: NarrationLayout, in rect: Rect, theme: Theme) {
        for (index, line) in narration.shown.enumerated() {
            put(line, in: rect.row(index), style: theme.style(.accent), ellipsis: theme.glyphs.ellipsis)
        }
        let ascii = theme.glyphTier == .ascii
        let marker = narration.moreBelow ? (ascii ? "v ]" : "▼ ]") : narration.moreAbove ? (ascii ? "^ [" : "▲ [") : nil
        if let marker, narration.rows > 0 {
            put(marker, in: rect.row(narration.rows - 1), alignment: .right, style: theme.style(.title), ellipsis: theme.glyphs.ellipsis)
        }
    }
}
