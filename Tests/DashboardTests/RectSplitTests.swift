import Dashboard
import Testing

@Suite struct RectSplitTests {
    /// Draws each rectangle as an ASCII box labelled with its index, lazygit style.
    private func picture(_ rects: [Rect], size: TerminalSize) -> String {
        var grid = Grid(size: size)
        let theme = Theme(colors: .monochrome, glyphs: .ascii)
        for (index, rect) in rects.enumerated() {
            let inner = grid.drawBox(rect, theme: theme)
            grid.put("\(index)", in: inner, ellipsis: "~")
        }
        return grid.text
    }

    @Test func dashboardLayoutAt40x12() {
        let screen = Rect(size: TerminalSize(cols: 40, rows: 12))
        let bands = screen.rows([.fixed(3), .fill(), .fraction(0.25, minimum: 3)])
        let middle = bands[1].columns([.fraction(0.5), .fill()], spacing: 1)
        #expect(picture([bands[0], middle[0], middle[1], bands[2]], size: screen.size) == """
            +--------------------------------------+
            |0                                     |
            +--------------------------------------+
            +-----------------+ +------------------+
            |1                | |2                 |
            |                 | |                  |
            |                 | |                  |
            |                 | |                  |
            +-----------------+ +------------------+
            +--------------------------------------+
            |3                                     |
            +--------------------------------------+
            """)
    }

    @Test func fillsShareByWeightAndTakeTheRemainderFirst() {
        let parts = Rect(x: 2, y: 1, width: 11, height: 1).columns([.fill(weight: 2), .fill(), .fixed(2)])
        #expect(parts.map(\.width) == [6, 3, 2])
        #expect(parts.map(\.x) == [2, 8, 11])
    }

    @Test func tooLittleSpaceShrinksLaterPartsFirst() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 7).rows([.fixed(3), .fill(minimum: 3), .fixed(3)], spacing: 1)
        #expect(parts.map(\.height) == [3, 2, 0])
        #expect(parts.map(\.y) == [0, 4, 7])
    }

    @Test func fractionsRoundDownAndRespectTheirMinimum() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1)
            .columns([.fraction(0.33), .fraction(0.05, minimum: 2), .fill()])
        #expect(parts.map(\.width) == [3, 2, 5])
    }

    @Test func minimumLengthCountsMinimumsAndSpacing() {
        #expect(Extent.minimumLength([.fixed(3), .fill(minimum: 10), .fraction(0.5, minimum: 4)], spacing: 1) == 19)
        #expect(Extent.minimumLength([]) == 0)
    }

    @Test func insetCenterAndIntersection() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 6)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 4))
        #expect(rect.inset(by: 4).isEmpty)
        #expect(rect.centered(width: 4, height: 2) == Rect(x: 5, y: 5, width: 4, height: 2))
        #expect(rect.intersection(Rect(x: 10, y: 0, width: 10, height: 4)) == Rect(x: 10, y: 3, width: 2, height: 1))
        #expect(rect.intersection(Rect(x: 20, y: 20, width: 1, height: 1)).isEmpty)
    }
}
