/// A terminal size in character cells.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    /// Columns.
    public var cols: Int
    /// Rows.
    public var rows: Int

    public init(cols: Int, rows: Int) {
        self.cols = max(0, cols)
        self.rows = max(0, rows)
    }

    public var description: String { "\(cols)×\(rows)" }
}

/// A colour a cell can carry; the theme decides which ones a terminal gets.
public enum CellColor: Hashable, Sendable {
    /// The terminal's own default foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0–15).
    case ansi(UInt8)
    /// One of the 256 xterm palette colours (0–255).
    case palette(UInt8)
}

/// How a cell is drawn: colours and attributes.
public struct CellStyle: Hashable, Sendable {
    public var foreground: CellColor
    public var background: CellColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: CellColor = .terminalDefault, background: CellColor = .terminalDefault,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default look.
    public static let plain = CellStyle()
}

/// One character cell of the screen: a glyph and its style.
///
/// Every glyph occupies exactly one column; the renderer only places single-width characters.
public struct Cell: Hashable, Sendable {
    public var glyph: Character
    public var style: CellStyle

    public init(_ glyph: Character = " ", style: CellStyle = .plain) {
        self.glyph = glyph
        self.style = style
    }

    /// An empty cell in the default style.
    public static let blank = Cell()
}

/// A rectangle of cells: what one frame of the dashboard looks like, before any terminal sees it.
///
/// `render` fills a grid; `Terminal` presents it; the recorder encodes it; tests read it as text.
public struct Grid: Equatable, Sendable {
    /// The grid's size.
    public let size: TerminalSize
    /// Cells in row-major order.
    public private(set) var cells: [Cell]

    /// Creates a grid of blank cells.
    public init(size: TerminalSize, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.cols * size.rows)
    }

    /// The cell at column `x`, row `y`; a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * size.cols + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * size.cols + x] = newValue
        }
    }

    /// Whether (x, y) lies inside the grid.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.cols && y < size.rows
    }

    /// Writes `text` from (x, y) rightwards in `style`, clipped at `maxWidth` and the grid's edge.
    ///
    /// - Returns: the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int = .max) -> Int {
        var column = x
        let limit = maxWidth == .max ? size.cols : min(size.cols, x + maxWidth)
        for character in text {
            guard column < limit else { break }
            self[column, y] = Cell(character, style: style)
            column += 1
        }
        return column
    }

    /// The glyphs of row `y` as a string, trailing blanks kept.
    public func row(_ y: Int) -> String {
        guard y >= 0, y < size.rows else { return "" }
        let start = y * size.cols
        return String(cells[start..<start + size.cols].map(\.glyph))
    }

    /// The whole grid as text: one line per row, trailing blanks trimmed, for snapshots and tests.
    public var text: String {
        (0..<size.rows).map { y in
            var line = row(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
