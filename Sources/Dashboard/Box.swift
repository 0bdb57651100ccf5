/// The corners of a panel frame.
public enum BoxCorners: Hashable, Sendable {
    case square, rounded
}

extension Grid {
    /// Draws a panel frame around `rect` with `title` set into its top edge.
    ///
    /// The focused panel gets the heavy frame and the focused-border style, so focus is visible
    /// without colour. A title too long for the frame is clipped with an ellipsis.
    ///
    ///     let inner = grid.drawBox(Rect(x: 0, y: 0, width: 20, height: 5), title: "Lag", theme: theme)
    ///     // ┌ Lag ─────────────┐
    ///
    /// - Returns: the rectangle inside the frame, for the panel's content.
    @discardableResult
    public mutating func drawBox(
        _ rect: Rect, title: String? = nil, theme: Theme, focused: Bool = false, corners: BoxCorners = .square
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let glyphs = theme.glyphs
        let frame = focused ? glyphs.focusedFrame : (corners == .rounded ? glyphs.roundedFrame : glyphs.frame)
        let style = theme.style(focused ? .focusedBorder : .border)
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for x in rect.x + 1..<right {
            self[x, rect.y] = Cell(frame.horizontal, style: style)
            self[x, bottom] = Cell(frame.horizontal, style: style)
        }
        for y in rect.y + 1..<bottom {
            self[rect.x, y] = Cell(frame.vertical, style: style)
            self[right, y] = Cell(frame.vertical, style: style)
        }
        self[rect.x, rect.y] = Cell(frame.topLeft, style: style)
        self[right, rect.y] = Cell(frame.topRight, style: style)
        self[rect.x, bottom] = Cell(frame.bottomLeft, style: style)
        self[right, bottom] = Cell(frame.bottomRight, style: style)
        if let title, !title.isEmpty, rect.width >= 5 {
            let titleStyle = focused ? theme.style(.focusedBorder) : theme.style(.title)
            let room = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
            let clipped = TextLayout.clip(title, width: room.width - 2, ellipsis: glyphs.ellipsis)
            put(" " + clipped + " ", in: room, style: titleStyle, ellipsis: glyphs.ellipsis)
        }
        return rect.inset(by: 1)
    }

    /// Writes `text` word-wrapped into `rect`, one line per row, cutting what does not fit.
    ///
    /// When the text needs more rows than `rect` has, the last row shown ends with the ellipsis.
    ///
    /// - Returns: the number of rows written.
    @discardableResult
    public mutating func drawWrapped(_ text: String, in rect: Rect, style: CellStyle = .plain, theme: Theme) -> Int {
        guard !rect.isEmpty else { return 0 }
        let lines = TextLayout.wrap(text, width: rect.width)
        let shown = min(lines.count, rect.height)
        for index in 0..<shown {
            var line = lines[index]
            if index == shown - 1, shown < lines.count {
                if line.count < rect.width {
                    line.append(theme.glyphs.ellipsis)
                } else {
                    line = TextLayout.clip(line + " ", width: rect.width, ellipsis: theme.glyphs.ellipsis)
                }
            }
            put(line, in: rect.row(index), style: style, ellipsis: theme.glyphs.ellipsis)
        }
        return shown
    }
}
