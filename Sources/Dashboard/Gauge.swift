extension Grid {
    /// Draws a horizontal bar filled to `fraction` (0…1) across every row of `rect`.
    ///
    /// Unicode tiers fill in eighths of a cell (`▏▎▍▌▋▊▉█`); ASCII rounds to whole `#` cells.
    /// The unfilled track is drawn in the muted style, so an empty bar is still visible.
    ///
    ///     grid.drawGauge(0.55, in: Rect(x: 0, y: 0, width: 10, height: 1), style: theme.style(.warn), theme: theme)
    ///     // "█████▌····"
    public mutating func drawGauge(_ fraction: Double, in rect: Rect, style: CellStyle, theme: Theme) {
        guard !rect.isEmpty else { return }
        let glyphs = theme.glyphs
        let clamped = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        let steps = glyphs.partialBar.count + 1
        let filled = Int((clamped * Double(rect.width * steps)).rounded())
        let full = filled / steps
        let partial = filled % steps
        let track = Cell(glyphs.barTrack, style: theme.style(.muted))
        for row in 0..<rect.height {
            let y = rect.y + row
            for column in 0..<rect.width {
                let x = rect.x + column
                if column < full {
                    self[x, y] = Cell(glyphs.fullBar, style: style)
                } else if column == full, partial > 0 {
                    self[x, y] = Cell(glyphs.partialBar[partial - 1], style: style)
                } else {
                    self[x, y] = track
                }
            }
        }
    }
}
