import Simulation

extension WorldSnapshot {
    /// Whether the current step asked the audience to look at the entity called `name`.
    func isHighlighted(_ name: String) -> Bool {
        highlights.contains(name)
    }
}

extension Theme {
    /// The mark beside a highlighted entity: `▶`, or `*` in ASCII (where `>` is an arrowhead).
    var highlightMarker: Character { glyphTier == .ascii ? "*" : "▶" }

    /// `name`, preceded by the highlight mark when `on`: the mark is seen without colour.
    func marked(_ name: String, _ on: Bool) -> String {
        on ? "\(highlightMarker) \(name)" : name
    }

    /// `base` reversed and bold when `on`, so a highlighted row stands out in every colour tier.
    func highlighted(_ base: CellStyle, _ on: Bool) -> CellStyle {
        guard on else { return base }
        var style = base
        style.reverse = true
        style.bold = true
        return style
    }
}
