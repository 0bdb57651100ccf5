import Dashboard

/// Builds terminal output while tracking the cursor and the current SGR style.
///
/// The cursor column may equal the width: the terminal then waits to wrap, and only moves
/// that do not depend on the exact column (CR, CR LF, absolute positioning) are used.
struct ScreenWriter {
    let size: TerminalSize
    var output = ""
    var style = CellStyle.plain
    /// Where the cursor is, or `nil` when unknown.
    var cursor: (x: Int, y: Int)?

    init(size: TerminalSize) {
        self.size = size
    }

    /// Writes one cell at the cursor, changing the style first when needed.
    mutating func put(_ cell: Cell) {
        output += FrameEncoder.sgr(from: style, to: cell.style)
        style = cell.style
        output.append(FrameEncoder.drawable(cell.glyph))
        if let position = cursor { cursor = (x: position.x + 1, y: position.y) }
    }

    /// Moves the cursor to column `x`, row `y` (0-based) the shortest way.
    mutating func move(toX x: Int, y: Int) {
        output += movement(toX: x, y: y)
        cursor = (x: x, y: y)
    }

    /// Returns to the default style if the current one differs.
    mutating func resetStyle() {
        if style != .plain { output += "\u{1B}[0m" }
        style = .plain
    }

    /// Bytes needed to rewrite `gap` from the cursor and then switch to `next`'s style.
    func bridgeCost(_ gap: [Cell], then next: Cell) -> Int {
        var current = style
        var bytes = 0
        for cell in gap {
            bytes += FrameEncoder.sgr(from: current, to: cell.style).utf8.count
            bytes += String(FrameEncoder.drawable(cell.glyph)).utf8.count
            current = cell.style
        }
        return bytes + FrameEncoder.sgr(from: current, to: next.style).utf8.count
    }

    /// Bytes needed to move to (`x`, `y`) and then switch to `next`'s style.
    func jumpCost(toX x: Int, y: Int, then next: Cell) -> Int {
        movement(toX: x, y: y).utf8.count + FrameEncoder.sgr(from: style, to: next.style).utf8.count
    }

    /// The shortest of the cursor movements valid from the current position.
    func movement(toX x: Int, y: Int) -> String {
        var absolute = "\u{1B}[H"
        if x > 0 {
            absolute = "\u{1B}[\(y + 1);\(x + 1)H"
        } else if y > 0 {
            absolute = "\u{1B}[\(y + 1)H"
        }
        guard let from = cursor else { return absolute }
        if from.x == x && from.y == y { return "" }
        var candidates = [absolute]
        if from.y == y && x == 0 { candidates.append("\r") }
        if from.y + 1 == y && x == 0 { candidates.append("\r\n") }
        if from.y == y && x > from.x && from.x < size.cols {
            let distance = x - from.x
            candidates.append(distance == 1 ? "\u{1B}[C" : "\u{1B}[\(distance)C")
        }
        return candidates.min { $0.utf8.count < $1.utf8.count } ?? absolute
    }
}
