import Dashboard
import Foundation
import Recording
import Testing

/// Records a short talk into `path` — diffs, an edge-cell change, a resize, a pause, a shrink —
/// and returns the grid the screen must show at each marker, in order, then the final grid.
private func recordTalk(to path: String, closing: Bool = true) throws -> (markers: [(String, Grid)], final: Grid) {
    let small = TerminalSize(cols: 30, rows: 8)
    let large = TerminalSize(cols: 36, rows: 10)
    let writer = try AsciicastWriter(
        path: path, header: AsciicastHeader(size: small, timestamp: 1_700_000_000, title: "oracle", term: "xterm-256color"))
    var markers: [(String, Grid)] = []
    func step(_ label: String, _ grid: Grid, at time: Double) {
        writer.frame(grid, at: time)
        writer.marker(label, at: time)
        markers.append((label, grid))
    }
    step("step 1", dashboardGrid(size: small, tick: 0), at: 0)
    step("step 2", dashboardGrid(size: small, tick: 1), at: 0.5)
    var edges = dashboardGrid(size: small, tick: 1)
    edges[29, 7] = Cell("◆", style: CellStyle(foreground: .ansi(3), bold: true))
    edges[0, 7] = Cell("x")
    edges[29, 0] = Cell("┤", style: CellStyle(background: .ansi(1)))
    edges[3, 1] = Cell("r", style: CellStyle(reverse: true))
    edges[2, 4] = Cell("é", style: CellStyle(foreground: .palette(231), background: .palette(236)))
    step("edges", edges, at: 1)
    step("resized", dashboardGrid(size: large, tick: 2), at: 1.5)
    writer.pause()
    writer.frame(dashboardGrid(size: large, tick: 3), at: 2)
    writer.marker("while paused", at: 2)
    let current = dashboardGrid(size: large, tick: 4)
    writer.frame(current, at: 2.5)
    writer.resume(at: 3)
    markers.append(("resumed", current))
    let final = dashboardGrid(size: small, tick: 5)
    step("shrunk", final, at: 3.5)
    if closing { writer.close() }
    #expect(writer.warning == nil)
    return (markers, final)
}

/// Expects pyte's snapshot to show `grid` exactly, text and attributes, cursor hidden.
private func expectScreen(_ snapshot: ScreenSnapshot, shows grid: Grid, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(snapshot.cols == grid.size.cols && snapshot.rows == grid.size.rows, sourceLocation: sourceLocation)
    #expect(snapshot.display == expectedDisplay(grid), "at \(snapshot.label ?? "end")", sourceLocation: sourceLocation)
    let expected = expectedAttributes(grid)
    let actual = snapshot.attrs ?? []
    #expect(actual.map(\.count) == expected.map(\.count), sourceLocation: sourceLocation)
    let mismatches = zip(actual, expected).enumerated().flatMap { y, rows in
        zip(rows.0, rows.1).enumerated().compactMap { x, cells in
            cells.0 == cells.1 ? nil : "(\(x),\(y)) \(cells.0) instead of \(cells.1)"
        }
    }
    #expect(mismatches == [], "at \(snapshot.label ?? "end")", sourceLocation: sourceLocation)
    #expect(snapshot.cursor.hidden, sourceLocation: sourceLocation)
}

/// The `"o"` data of a cast, concatenated: what `asciinema cat` must print.
private func outputData(of path: String) throws -> Data {
    var result = Data()
    for line in try lines(of: path).dropFirst() {
        let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
        if event[1] as? String == "o", let data = event[2] as? String { result += Data(data.utf8) }
    }
    return result
}

@Suite("Real terminal emulator (pyte 0.8.2) and asciinema 2.4.0", .serialized)
struct OracleTests {
    @Test("pyte shows exactly the recorded grid at every marker and at the end")
    func screensAtMarkers() throws {
        let path = try temporaryFolder().appendingPathComponent("talk.cast").path
        let talk = try recordTalk(to: path)
        let snapshots = try emulate(path, attributes: true)
        #expect(snapshots.map(\.label) == talk.markers.map(\.0) + [nil])
        for (snapshot, (_, grid)) in zip(snapshots, talk.markers + [("end", talk.final)]) {
            expectScreen(snapshot, shows: grid)
        }
        #expect(AsciicastCheck.validate(contentsOf: URL(fileURLWithPath: path)) == [])
    }

    @Test("random diffs of styles and glyphs reproduce every frame")
    func randomDiffs() throws {
        let size = TerminalSize(cols: 20, rows: 6)
        let path = try temporaryFolder().appendingPathComponent("random.cast").path
        let writer = try AsciicastWriter(path: path, header: AsciicastHeader(size: size, timestamp: 0))
        let glyphs: [Character] = ["a", "Z", "7", " ", "─", "│", "┼", "╭", "⣿", "⡀", "█", "▒", "é", "→", "·"]
        var random = TestRandom(state: 2026)
        var grid = Grid(size: size)
        var frames: [Grid] = []
        for index in 0..<80 {
            for _ in 0...random.next(index.isMultiple(of: 10) ? 60 : 8) {
                grid[random.next(size.cols), random.next(size.rows)] =
                    Cell(glyphs[random.next(glyphs.count)], style: randomStyle(&random))
            }
            writer.frame(grid, at: Double(index) / 30)
            writer.marker("frame \(index)", at: Double(index) / 30)
            frames.append(grid)
        }
        writer.close()
        let snapshots = try emulate(path, attributes: true)
        #expect(snapshots.count == frames.count + 1)
        for (snapshot, frame) in zip(snapshots, frames) {
            expectScreen(snapshot, shows: frame)
        }
    }

    @Test("asciinema cat prints every output event and play re-emits every event, both exit 0")
    func asciinemaAccepts() throws {
        let path = try temporaryFolder().appendingPathComponent("talk.cast").path
        _ = try recordTalk(to: path)
        let cat = try asciinema(["cat", path])
        #expect(cat.status == 0, "asciinema cat: \(cat.stderr)")
        #expect(cat.stdout == (try outputData(of: path)))
        let play = try asciinema(["play", "-s", "1000", "--out-fmt", "asciicast", path])
        #expect(play.status == 0, "asciinema play: \(play.stderr)")
        let replayed = String(decoding: play.stdout, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(replayed.count == (try lines(of: path)).count)
    }

    @Test("a recording killed mid-talk is accepted by the checker, asciinema and pyte")
    func killedMidRecording() throws {
        let path = try temporaryFolder().appendingPathComponent("killed.cast").path
        let talk = try recordTalk(to: path, closing: false)
        #expect(AsciicastCheck.validate(contentsOf: URL(fileURLWithPath: path)) == [])
        #expect(try asciinema(["cat", path]).status == 0)
        #expect(try asciinema(["play", "-s", "1000", "--out-fmt", "asciicast", path]).status == 0)
        let snapshots = try emulate(path)
        #expect(snapshots.last?.display == expectedDisplay(talk.final))
    }

    @Test("asciinema and the checker reject what they should: a broken cast fails both")
    func brokenCastRejected() throws {
        let path = try temporaryFolder().appendingPathComponent("broken.cast").path
        try Data((#"{"version":2,"width":80,"height":24}"# + "\n" + #"[0.5,"o","abc"# + "\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(try asciinema(["cat", path]).status == 1)
        #expect(AsciicastCheck.validate(contentsOf: URL(fileURLWithPath: path))
            == [AsciicastCheck.Problem(line: 2, kind: .invalidJSON)])
    }
}
