import Dashboard
import Foundation
import Testing

@Suite struct SnapshotAssertionTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("snapshots-\(UUID().uuidString)")
    }

    @Test func missingSnapshotIsRecordedAndFails() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var grid = Grid(size: TerminalSize(cols: 5, rows: 2))
        grid.put("hi", x: 1, y: 1)
        withKnownIssue { assertSnapshot(grid, named: "hello", in: directory) }
        let stored = try String(contentsOf: directory.appendingPathComponent("hello.txt"), encoding: .utf8)
        #expect(stored == "\n hi\n")
        assertSnapshot(grid, named: "hello", in: directory)
    }

    @Test func changedGridFails() {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var grid = Grid(size: TerminalSize(cols: 5, rows: 1))
        withKnownIssue { assertSnapshot(grid, named: "changed", in: directory) }
        grid.put("x", x: 0, y: 0)
        withKnownIssue { assertSnapshot(grid, named: "changed", in: directory) }
    }
}
