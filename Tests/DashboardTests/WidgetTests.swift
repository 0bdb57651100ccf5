import Dashboard
import Testing

@Suite struct WidgetTests {
    private let unicode = Theme(colors: .palette256, glyphs: .blocks)
    private let ascii = Theme(colors: .monochrome, glyphs: .ascii)

    @Test func boxDrawsTitleAndReturnsTheInside() {
        var grid = Grid(size: TerminalSize(cols: 12, rows: 3))
        let inner = grid.drawBox(Rect(x: 0, y: 0, width: 12, height: 3), title: "Throughput", theme: unicode)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
        #expect(grid.text == "┌ Through… ┐\n│          │\n└──────────┘")
        #expect(grid[0, 0].style == unicode.style(.border))
        #expect(grid[2, 0].style == unicode.style(.title))
    }

    @Test func focusedAndRoundedAndAsciiFrames() {
        var grid = Grid(size: TerminalSize(cols: 18, rows: 3))
        grid.drawBox(Rect(x: 0, y: 0, width: 6, height: 3), theme: unicode, focused: true)
        grid.drawBox(Rect(x: 6, y: 0, width: 6, height: 3), theme: unicode, corners: .rounded)
        grid.drawBox(Rect(x: 12, y: 0, width: 6, height: 3), theme: ascii, focused: true)
        #expect(grid.text == """
            ┏━━━━┓╭────╮#====#
            ┃    ┃│    │|    |
            ┗━━━━┛╰────╯#====#
            """)
        #expect(grid[0, 0].style == unicode.style(.focusedBorder))
    }

    @Test func boxTooSmallDrawsNothing() {
        var grid = Grid(size: TerminalSize(cols: 3, rows: 3))
        #expect(grid.drawBox(Rect(x: 0, y: 0, width: 1, height: 3), theme: unicode).isEmpty)
        #expect(grid.text == "\n\n")
    }

    @Test(arguments: [
        (0.0, "··········"), (0.55, "█████▌····"), (0.05, "▌·········"), (1.0, "██████████"), (2.0, "██████████"),
    ])
    func gaugeFillsInEighths(fraction: Double, expected: String) {
        var grid = Grid(size: TerminalSize(cols: 10, rows: 1))
        grid.drawGauge(fraction, in: Rect(x: 0, y: 0, width: 10, height: 1), style: .plain, theme: unicode)
        #expect(grid.row(0) == expected)
    }

    @Test func asciiGaugeRoundsToWholeCells() {
        var grid = Grid(size: TerminalSize(cols: 10, rows: 1))
        grid.drawGauge(0.55, in: Rect(x: 0, y: 0, width: 10, height: 1), style: .plain, theme: ascii)
        #expect(grid.row(0) == "######....")
        #expect(grid[9, 0].style == ascii.style(.muted))
    }

    @Test func tableAlignsClipsAndSelects() {
        var grid = Grid(size: TerminalSize(cols: 24, rows: 4))
        let columns = [
            TableColumn("part", width: .fixed(4), alignment: .right), TableColumn("owner"),
            TableColumn("lag", width: .fixed(5), alignment: .right),
        ]
        let drawn = grid.drawTable(
            columns, rows: [["0", "consumer-one", "12"], ["1", "c2", "1.2k"], ["2", "c3", "0"], ["3", "c4", "0"]],
            in: Rect(x: 0, y: 0, width: 24, height: 4), theme: ascii, selectedRow: 1)
        #expect(drawn == 3)
        #expect(grid.text == """
            part owner           lag
               0 consumer-one     12
               1 c2             1.2k
               2 c3                0
            """)
        #expect(grid[5, 2].style.reverse)
        #expect(grid[5, 1].style.reverse == false)
        #expect(grid[0, 0].style.underline)
    }

    @Test func flowLineMovesItsDotWithThePhase() {
        func flow(_ direction: FlowDirection, phase: Int, label: String? = nil, width: Int = 8) -> String {
            var grid = Grid(size: TerminalSize(cols: width, rows: 1))
            grid.drawFlow(
                in: Rect(x: 0, y: 0, width: width, height: 1), direction: direction, phase: phase, label: label,
                style: .plain, dotStyle: .plain, theme: unicode)
            return grid.row(0)
        }
        #expect(flow(.right, phase: 0) == "●──────►")
        #expect(flow(.right, phase: 2) == "──●────►")
        #expect(flow(.right, phase: 9) == "──●────►")
        #expect(flow(.left, phase: 1) == "◄─────●─")
        #expect(flow(.right, phase: 0, label: "1.2k/s", width: 14) == "●── 1.2k/s ──►")
    }

    @Test func flowLineWithSpacedDotsAndVertically() {
        var grid = Grid(size: TerminalSize(cols: 10, rows: 4))
        grid.drawFlow(
            in: Rect(x: 0, y: 0, width: 10, height: 1), direction: .right, phase: 1, dotSpacing: 3,
            style: .plain, dotStyle: .plain, theme: ascii)
        grid.drawFlow(
            in: Rect(x: 9, y: 1, width: 1, height: 3), direction: .down, phase: 0, style: .plain, dotStyle: .plain,
            theme: ascii)
        #expect(grid.text == "-o--o--o->\n         o\n         |\n         v")
    }
}
