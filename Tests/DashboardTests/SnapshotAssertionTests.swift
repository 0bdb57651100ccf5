import Dashboard
import Foundation
import Testing

/// The snapshot helper: a missing or changed picture is never accepted silently.
@Suite struct SnapshotAssertionTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("snapshots-\(UUID().uuidString)")
    }

    @Test func aMissingSnapshotIsRecordedAsAFailureThenMatches() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var grid = Grid(size: TerminalSize(cols: 5, rows: 2))
        grid.put("hi", x: 1, y: 1)
        #expect(snapshotVerdict(grid, named: "hello", in: directory, recording: false) == .recorded)
        let stored = try String(contentsOf: directory.appendingPathComponent("hello.txt"), encoding: .utf8)
        #expect(stored == "\n hi\n")
        #expect(snapshotVerdict(grid, named: "hello", in: directory, recording: false) == .matches)
        #expect(snapshotVerdict(grid, named: "hello", in: directory, recording: true) == .recorded)
    }

    @Test func aChangedGridDiffersAtItsFirstChangedLine() {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var grid = Grid(size: TerminalSize(cols: 5, rows: 1))
        #expect(snapshotVerdict(grid, named: "changed", in: directory, recording: false) == .recorded)
        grid.put("x", x: 0, y: 0)
        guard case .differs(let message) = snapshotVerdict(grid, named: "changed", in: directory, recording: false) else {
            Issue.record("a changed grid must differ")
            return
        }
        #expect(message.contains("differs at line 1"))
        #expect(message.contains("actual: x"))
    }
}
