import Dashboard

/// Turns dashboard grids into the terminal bytes that draw them: a full repaint or a diff.
///
/// The encoder remembers the last grid it encoded. `encode(_:)` repaints everything for the
/// first grid and after a resize or `invalidate()`, and otherwise writes only the cells that
/// changed. Every frame starts and ends in the default SGR state, so frames can be dropped or
/// replayed from any full repaint. The cursor is hidden by every full repaint.
public struct FrameEncoder: Sendable {
    /// The grid the next diff is computed against; `nil` forces a full repaint.
    public private(set) var previous: Grid?
    /// UTF-8 bytes produced by this encoder so far.
    public private(set) var bytesEncoded = 0

    /// Creates an encoder whose first frame will be a full repaint.
    public init() {}

    /// Encodes `grid` as a diff against the previous grid, or as a full repaint when there is
    /// none or its size differs; returns "" when nothing changed.
    public mutating func encode(_ grid: Grid) -> String {
        let output: String
        if let previous, previous.size == grid.size {
            output = Self.diff(from: previous, to: grid)
        } else {
            output = Self.repaint(grid)
        }
        return remember(grid, output: output)
    }

    /// Encodes `grid` as a full repaint whatever came before.
    public mutating func repaint(_ grid: Grid) -> String {
        remember(grid, output: Self.repaint(grid))
    }

    /// Forgets the previous grid, so the next `encode(_:)` is a full repaint.
    public mutating func invalidate() {
        previous = nil
    }

    /// The bytes that draw `grid` on any screen of its size: hide the cursor, reset the style,
    /// home, clear, every cell row by row, and a style reset at the end.
    public static func repaint(_ grid: Grid) -> String {
        var screen = ScreenWriter(size: grid.size)
        screen.output = "\u{1B}[?25l\u{1B}[0m\u{1B}[H\u{1B}[2J"
        screen.cursor = (x: 0, y: 0)
        for y in 0..<grid.size.rows {
            screen.move(toX: 0, y: y)
            for x in 0..<grid.size.cols {
                screen.put(grid[x, y])
            }
        }
        screen.resetStyle()
        return screen.output
    }

    /// The bytes that turn a screen showing `old` into one showing `new`, touching only changed
    /// cells; a full repaint when the sizes differ, "" when the grids are equal.
    ///
    /// Changed cells of a row are written in runs. An unchanged gap between two runs is
    /// rewritten when that takes fewer bytes than moving the cursor over it.
    public static func diff(from old: Grid, to new: Grid) -> String {
        guard let runs = new.changedRuns(since: old) else { return repaint(new) }
        var screen = ScreenWriter(size: new.size)
        var previous: Grid.ChangedRun?
        for run in runs {
            let y = run.y
            let first = run.columns.lowerBound
            if let previous, previous.y == y {
                let gap = (previous.columns.upperBound..<first).map { new[$0, y] }
                if screen.bridgeCost(gap, then: new[first, y]) <= screen.jumpCost(toX: first, y: y, then: new[first, y]) {
                    gap.forEach { screen.put($0) }
                } else {
                    screen.move(toX: first, y: y)
                }
            } else {
                screen.move(toX: first, y: y)
            }
            for x in run.columns { screen.put(new[x, y]) }
            previous = run
        }
        screen.resetStyle()
        return screen.output
    }

    private mutating func remember(_ grid: Grid, output: String) -> String {
        previous = grid
        bytesEncoded += output.utf8.count
        return output
    }
}
