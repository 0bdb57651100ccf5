extension Grid {
    /// Fills every cell of `rect` (clipped to the grid) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(Rect(size: size))
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x, y] = cell }
        }
    }

    /// Writes `text` on the first row of `rect`, clipped to its width, aligned within it.
    ///
    /// Text wider than the rectangle is cut and ends with `ellipsis` (pass the theme's, so the
    /// ASCII tier gets `~`).
    ///
    /// - Returns: the column after the last character written.
    @discardableResult
    public mutating func put(
        _ text: String, in rect: Rect, alignment: TextAlignment = .left, style: CellStyle = .plain,
        ellipsis: Character
    ) -> Int {
        guard !rect.isEmpty else { return rect.x }
        let clipped = TextLayout.clip(text, width: rect.width, ellipsis: ellipsis)
        let offset: Int
        switch alignment {
        case .left: offset = 0
        case .right: offset = rect.width - clipped.count
        case .center: offset = (rect.width - clipped.count) / 2
        }
        return put(clipped, x: rect.x + offset, y: rect.y, style: style, maxWidth: rect.maxX - rect.x - offset)
    }

    /// Writes `text` from (x, y) only if all of it fits before column `limit`: a number or a
    /// status word is drawn whole or not at all.
    ///
    /// - Returns: the column after the text, or `x` when nothing was drawn.
    @discardableResult
    public mutating func putWhole(_ text: String, x: Int, y: Int, style: CellStyle = .plain, limit: Int) -> Int {
        guard text.count <= limit - x else { return x }
        return put(text, x: x, y: y, style: style)
    }

    /// Changes the style of every cell in `rect`, keeping the glyphs.
    public mutating func restyle(_ rect: Rect, with style: CellStyle) {
        let area = rect.intersection(Rect(size: size))
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x, y].style = style }
        }
    }
}
