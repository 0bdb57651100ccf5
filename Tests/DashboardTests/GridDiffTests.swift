import Dashboard
import Testing

/// The one "which cells changed" computation the terminal and the asciicast encoder share.
@Suite struct GridDiffTests {
    private func grid(_ rows: [String], style: CellStyle = .plain) -> Grid {
        var grid = Grid(size: TerminalSize(cols: rows.map(\.count).max() ?? 0, rows: rows.count))
        for (y, row) in rows.enumerated() { grid.put(row, x: 0, y: y, style: style) }
        return grid
    }

    @Test func equalGridsHaveNoChanges() {
        #expect(grid(["abc", "def"]).changedRuns(since: grid(["abc", "def"])) == [])
    }

    @Test func neighbouringChangedCellsFormOneRunPerStretch() {
        let runs = grid(["aXcYZ", "fghij", "KLmno"]).changedRuns(since: grid(["abcde", "fghij", "klmno"]))
        #expect(runs == [
            Grid.ChangedRun(y: 0, columns: 1..<2), Grid.ChangedRun(y: 0, columns: 3..<5),
            Grid.ChangedRun(y: 2, columns: 0..<2),
        ])
    }

    @Test func aStyleChangeAloneIsAChange() {
        let runs = grid(["ab"], style: CellStyle(bold: true)).changedRuns(since: grid(["ab"]))
        #expect(runs == [Grid.ChangedRun(y: 0, columns: 0..<2)])
    }

    @Test func aResizeChangesEverything() {
        let new = grid(["abc", "def"])
        #expect(new.changedRuns(since: grid(["abc"])) == nil)
        #expect(new.everyRow == [Grid.ChangedRun(y: 0, columns: 0..<3), Grid.ChangedRun(y: 1, columns: 0..<3)])
        #expect(Grid(size: TerminalSize(cols: 0, rows: 2)).everyRow == [])
    }
}
