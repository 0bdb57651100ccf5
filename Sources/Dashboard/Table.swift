/// One column of a ``Grid/drawTable(_:rows:in:theme:selectedRow:)`` table.
public struct TableColumn: Hashable, Sendable {
    /// The header text.
    public var title: String
    /// The column's width, split from the table's width like a row of panels.
    public var width: Extent
    /// How cell text sits in the column.
    public var alignment: TextAlignment

    public init(_ title: String, width: Extent = .fill(), alignment: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One cell of a table: text and, when it differs from the row's, its own style.
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: CellStyle?
    /// Shorter ways to say the same (`12k` for `12 345`), tried in order when `text` is too wide.
    public var shorter: [String]

    public init(_ text: String, style: CellStyle? = nil, shorter: [String] = []) {
        self.text = text
        self.style = style
        self.shorter = shorter
    }

    /// A count: exact when it fits, else abbreviated (`12 345` → `12k`), never cut.
    public static func count(_ value: Int, style: CellStyle? = nil) -> TableCell {
        TableCell("\(value)", style: style, shorter: [NumberFormat.compact(value)])
    }

    /// The form drawn in a column `width` wide: the first that fits, else the shortest, clipped.
    func form(width: Int) -> String {
        let forms = [text] + shorter
        return Fit.first(forms, width: width) ?? forms[forms.count - 1]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension Grid {
    /// Draws a header row and `rows` into `rect`, columns one space apart.
    ///
    /// A cell too wide for its column is drawn in its first shorter form that fits, else clipped
    /// with the tier's ellipsis (`…` or `~`), which never leaves part of a number. Rows that do
    /// not fit are left out; the selected row is drawn reversed.
    ///
    ///     grid.drawTable([TableColumn("partition", width: .fixed(9)), TableColumn("lag", alignment: .right)],
    ///                    rows: [["0", "12"], ["1", "3"]], in: rect, theme: theme)
    ///
    /// - Returns: the number of data rows drawn.
    @discardableResult
    public mutating func drawTable(
        _ columns: [TableColumn], rows: [[TableCell]], in rect: Rect, theme: Theme, selectedRow: Int? = nil
    ) -> Int {
        guard !rect.isEmpty, !columns.isEmpty else { return 0 }
        let ellipsis = theme.glyphs.ellipsis
        let spans = rect.row(0).columns(columns.map(\.width), spacing: 1)
        var headerStyle = theme.style(.title)
        headerStyle.underline = true
        for (column, span) in zip(columns, spans) {
            put(column.title, in: span, alignment: column.alignment, style: headerStyle, ellipsis: ellipsis)
        }
        let shown = min(rows.count, rect.height - 1)
        for index in 0..<max(0, shown) {
            let y = rect.y + 1 + index
            let selected = index == selectedRow
            for (cell, (column, span)) in zip(rows[index], zip(columns, spans)) {
                var style = cell.style ?? theme.style(.text)
                if selected { style.reverse.toggle() }
                let target = Rect(x: span.x, y: y, width: span.width, height: 1)
                if selected { fill(target, with: Cell(" ", style: style)) }
                put(cell.form(width: span.width), in: target, alignment: column.alignment, style: style, ellipsis: ellipsis)
            }
        }
        return max(0, shown)
    }
}
