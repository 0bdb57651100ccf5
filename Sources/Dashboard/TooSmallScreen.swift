/// The screen shown instead of the dashboard when the terminal is smaller than the layout needs.
public enum TooSmallScreen {
    /// A grid of `have` showing, centred, that the terminal is too small, the size it has and the
    /// size it needs; the dimensions that fall short are marked in the error style.
    ///
    ///     TooSmallScreen.render(have: TerminalSize(cols: 30, rows: 10),
    ///                           need: TerminalSize(cols: 80, rows: 24), theme: theme)
    public static func render(have: TerminalSize, need: TerminalSize, theme: Theme) -> Grid {
        var grid = Grid(size: have)
        let width = have.cols
        guard width > 0, have.rows > 0 else { return grid }
        let times = theme.glyphs.times
        let haveText = "have \(have.cols)\(times)\(have.rows)"
        let needText = "need \(need.cols)\(times)\(need.rows)"
        let short = have.cols < need.cols || have.rows < need.rows
        let haveStyle = theme.style(short ? .error : .ok)
        var lines: [[(text: String, style: CellStyle)]] = TextLayout.wrap("Terminal too small", width: width).map {
            [($0, theme.style(.warn))]
        }
        if haveText.count + 2 + needText.count <= width {
            lines.append([(haveText, haveStyle), (", ", theme.style(.text)), (needText, theme.style(.ok))])
        } else {
            lines.append([(TextLayout.clip(haveText, width: width, ellipsis: theme.glyphs.ellipsis), haveStyle)])
            lines.append([(TextLayout.clip(needText, width: width, ellipsis: theme.glyphs.ellipsis), theme.style(.ok))])
        }
        lines.append([])
        for hint in ["Enlarge the window,", "or press q to quit."] {
            lines += TextLayout.wrap(hint, width: width).map { [($0, theme.style(.muted))] }
        }
        let top = max(0, (have.rows - lines.count) / 2)
        for (index, segments) in lines.enumerated() where top + index < have.rows {
            let length = segments.reduce(0) { $0 + $1.text.count }
            var x = max(0, (width - length) / 2)
            for segment in segments {
                x = grid.put(segment.text, x: x, y: top + index, style: segment.style)
            }
        }
        return grid
    }
}
