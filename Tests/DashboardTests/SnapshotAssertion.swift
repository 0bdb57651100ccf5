import Dashboard
import Foundation
import Testing

/// Where grid snapshots live: `Tests/DashboardTests/__Snapshots__`.
let snapshotDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__")

/// What comparing a grid with its stored snapshot found.
enum SnapshotVerdict: Equatable {
    /// The stored snapshot shows the same text.
    case matches
    /// There was none (or `RECORD_SNAPSHOTS=1`): the grid was written, and the test must fail.
    case recorded
    /// The stored snapshot differs; the message shows the first differing line.
    case differs(String)
    /// The snapshot could not be written.
    case unwritable(String)
}

/// Compares `grid.text` with the stored snapshot `<name>.txt`, writing it when it is missing or
/// when `recording` is set.
func snapshotVerdict(
    _ grid: Grid, named name: String, in directory: URL = snapshotDirectory,
    recording: Bool = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
) -> SnapshotVerdict {
    let url = directory.appendingPathComponent(name + ".txt")
    let actual = grid.text + "\n"
    if !recording, let expected = try? String(contentsOf: url, encoding: .utf8) {
        return expected == actual ? .matches : .differs(snapshotDifference(expected: expected, actual: actual, name: name))
    }
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return .recorded
    } catch {
        return .unwritable("Could not record snapshot \(name).txt: \(error)")
    }
}

/// Expects `grid.text` to equal the stored snapshot `<name>.txt`.
///
/// When the file is missing, or `RECORD_SNAPSHOTS=1` is set, it writes the file and fails the
/// test, so a new or changed picture is never accepted without a second, checking run.
func assertSnapshot(
    _ grid: Grid, named name: String, in directory: URL = snapshotDirectory,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    switch snapshotVerdict(grid, named: name, in: directory) {
    case .matches:
        break
    case .recorded:
        Issue.record(
            "Recorded snapshot \(name).txt; check it, then run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
    case .differs(let message), .unwritable(let message):
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

/// The first line where two snapshots differ, shown one above the other.
private func snapshotDifference(expected: String, actual: String, name: String) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expectedLines.count, actualLines.count)
    let want = line < expectedLines.count ? String(expectedLines[line]) : "(end)"
    let got = line < actualLines.count ? String(actualLines[line]) : "(end)"
    return """
        Snapshot \(name).txt differs at line \(line + 1) (RECORD_SNAPSHOTS=1 re-records it):
        expected: \(want)
          actual: \(got)
        """
}
