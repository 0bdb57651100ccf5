extension Grid {
    /// Draws `samples` as a sparkline filling `rect`, the newest sample at the right edge.
    ///
    /// Heights are scaled to `maximum` (the largest sample when `nil`). The braille tier packs two
    /// samples per cell with four dot rows each; blocks and ASCII draw one sample per cell with 8
    /// and 7 levels. A taller `rect` stacks rows, so the graph gets finer. Every present sample
    /// draws at least the lowest level, so a zero rate reads as a floor while an absent (`nil`) or
    /// not-a-number sample leaves a gap.
    ///
    ///     grid.drawSparkline([1, 3, nil, 8], in: Rect(x: 0, y: 0, width: 4, height: 1),
    ///                        style: theme.topicStyle(0), theme: Theme(colors: .ansi16, glyphs: .blocks))
    ///     // "▁▃ █"
    public mutating func drawSparkline(
        _ samples: [Double?], in rect: Rect, maximum: Double? = nil, style: CellStyle, theme: Theme
    ) {
        let area = rect.intersection(Rect(size: size))
        guard !area.isEmpty else { return }
        let glyphs = theme.glyphs
        let perCell = glyphs.usesBraille ? 2 : 1
        let levelsPerRow = glyphs.usesBraille ? Sparkline.brailleLevels : glyphs.levels.count - 1
        let scale = Sparkline.scale(samples, maximum: maximum)
        let capacity = rect.width * perCell
        let visible = samples.suffix(capacity)
        let leading = capacity - visible.count
        let first = visible.startIndex
        let totalLevels = rect.height * levelsPerRow

        func level(slot: Int) -> Int {
            guard slot >= leading else { return 0 }
            return Sparkline.level(visible[first + slot - leading], scale: scale, levels: totalLevels)
        }

        for column in 0..<rect.width {
            let x = rect.x + column
            guard x >= area.x, x < area.maxX else { continue }
            let left = level(slot: column * perCell)
            let right = perCell == 2 ? level(slot: column * perCell + 1) : 0
            for row in 0..<rect.height {
                let y = rect.y + row
                guard y >= area.y, y < area.maxY else { continue }
                let below = (rect.height - 1 - row) * levelsPerRow
                let leftHere = min(max(left - below, 0), levelsPerRow)
                let glyph: Character
                if perCell == 2 {
                    glyph = Sparkline.braille(left: leftHere, right: min(max(right - below, 0), levelsPerRow))
                } else {
                    glyph = glyphs.levels[leftHere]
                }
                self[x, y] = Cell(glyph, style: style)
            }
        }
    }
}

/// Scaling and glyph tables for ``Grid/drawSparkline(_:in:maximum:style:theme:)``.
enum Sparkline {
    /// Dot rows in one braille cell: each half holds levels 0…4.
    static let brailleLevels = 4

    /// The value drawn at full height: `maximum`, else the largest sample, else 1.
    static func scale(_ samples: [Double?], maximum: Double?) -> Double {
        if let maximum, maximum > 0, maximum.isFinite { return maximum }
        var largest = 0.0
        for case let sample? in samples where sample.isFinite && sample > largest { largest = sample }
        return largest > 0 ? largest : 1
    }

    /// The level of one sample on a `levels`-step scale: 0 for a gap, at least 1 when present.
    static func level(_ sample: Double?, scale: Double, levels: Int) -> Int {
        guard let sample, !sample.isNaN else { return 0 }
        let scaled = (min(max(sample, 0), scale) / scale * Double(levels)).rounded()
        return min(max(Int(scaled), 1), levels)
    }
}
