/// Which way a flow line points.
public enum FlowDirection: Hashable, Sendable {
    case right, left, down, up
}

extension Grid {
    /// Draws an arrow along `rect` (its top row for left/right, its left column for up/down) with
    /// dots moving toward the head.
    ///
    /// The dots sit `dotSpacing` cells apart (one dot when 0), shifted by `phase`: advancing
    /// `phase` by one per frame moves them one cell, deterministically. A `label` (say a rate)
    /// is centred on a horizontal line and no dot covers it.
    ///
    ///     grid.drawFlow(in: Rect(x: 0, y: 0, width: 8, height: 1), direction: .right, phase: 2,
    ///                   style: theme.style(.muted), dotStyle: theme.topicStyle(0), theme: theme)
    ///     // "──●────►"
    public mutating func drawFlow(
        in rect: Rect, direction: FlowDirection, phase: Int, dotSpacing: Int = 0, label: String? = nil,
        style: CellStyle, dotStyle: CellStyle, theme: Theme
    ) {
        let glyphs = theme.glyphs
        let horizontal = direction == .right || direction == .left
        let length = horizontal ? rect.width : rect.height
        guard length > 0, !rect.isEmpty else { return }
        let head: Character
        let line: Character = horizontal ? glyphs.flowHorizontal : glyphs.flowVertical
        switch direction {
        case .right: head = glyphs.arrowRight
        case .left: head = glyphs.arrowLeft
        case .down: head = glyphs.arrowDown
        case .up: head = glyphs.arrowUp
        }
        let forward = direction == .right || direction == .down
        func point(_ step: Int) -> (x: Int, y: Int) {
            let along = forward ? step : length - 1 - step
            return horizontal ? (rect.x + along, rect.y) : (rect.x, rect.y + along)
        }
        let body = length - 1
        let period = dotSpacing > 0 ? dotSpacing : max(body, 1)
        let offset = ((phase % period) + period) % period
        for step in 0..<body {
            let p = point(step)
            let isDot = step % period == offset
            self[p.x, p.y] = isDot ? Cell(glyphs.flowDot, style: dotStyle) : Cell(line, style: style)
        }
        let tip = point(body)
        self[tip.x, tip.y] = Cell(head, style: dotStyle)
        if horizontal, let label, !label.isEmpty, body >= 5 {
            let text = " " + TextLayout.clip(label, width: body - 4, ellipsis: glyphs.ellipsis) + " "
            let start = rect.x + (length - text.count) / 2
            put(text, x: start, y: rect.y, style: theme.style(.accent))
        }
    }
}
