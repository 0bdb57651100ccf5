import Dashboard
import Testing

@Suite struct GridRegionTests {
    @Test func fillAndRestyleStayInsideTheGrid() {
        var grid = Grid(size: TerminalSize(cols: 4, rows: 3))
        grid.fill(Rect(x: 2, y: 1, width: 5, height: 5), with: Cell("#"))
        let bold = CellStyle(bold: true)
        grid.restyle(Rect(x: -1, y: 0, width: 3, height: 2), with: bold)
        #expect(grid.text == "\n  ##\n  ##")
        #expect(grid[1, 1].style == bold && grid[1, 1].glyph == " ")
        #expect(grid[2, 1].style == .plain)
    }

    @Test func rectContainsItsCellsOnly() {
        let rect = Rect(x: 1, y: 1, width: 2, height: 2)
        #expect(rect.contains(x: 1, y: 1) && rect.contains(x: 2, y: 2))
        #expect(!rect.contains(x: 3, y: 1) && !rect.contains(x: 0, y: 1))
        #expect(Rect(size: TerminalSize(cols: 80, rows: 24)).size == TerminalSize(cols: 80, rows: 24))
    }
}
