import Dashboard
import Foundation
import Recording
import Testing

private let esc = "\u{1B}"
private let repaintPrefix = "\(esc)[?25l\(esc)[0m\(esc)[H\(esc)[2J"

private func grid(_ rows: [String], cols: Int) -> Grid {
    var result = Grid(size: TerminalSize(cols: cols, rows: rows.count))
    for (y, row) in rows.enumerated() { result.put(row, x: 0, y: y) }
    return result
}

@Suite("Frame encoder")
struct FrameEncoderTests {
    @Test("a full repaint hides the cursor, clears and writes every cell row by row")
    func repaintPlain() {
        #expect(FrameEncoder.repaint(grid(["ab", "c"], cols: 2)) == repaintPrefix + "ab\r\nc ")
    }

    @Test("a full repaint switches styles minimally and resets at the end")
    func repaintStyled() {
        var styled = Grid(size: TerminalSize(cols: 3, rows: 1))
        styled[0, 0] = Cell("x", style: CellStyle(foreground: .ansi(1), bold: true))
        styled[1, 0] = Cell("y", style: CellStyle(foreground: .ansi(1)))
        styled[2, 0] = Cell("z", style: CellStyle(background: .palette(200)))
        #expect(FrameEncoder.repaint(styled)
            == repaintPrefix + "\(esc)[1;31mx\(esc)[22my\(esc)[0;48;5;200mz\(esc)[0m")
    }

    @Test("a diff moves to the one changed cell and writes it")
    func diffOneCell() {
        let old = grid(["", "", ""], cols: 10)
        var new = old
        new[5, 1] = Cell("Q")
        #expect(FrameEncoder.diff(from: old, to: new) == "\(esc)[2;6HQ")
    }

    @Test("a short unchanged gap is rewritten, a long one is skipped with a cursor move")
    func diffGaps() {
        let old = grid(["0123456789"], cols: 10)
        var near = old
        near.put("a", x: 2, y: 0)
        near.put("b", x: 4, y: 0)
        #expect(FrameEncoder.diff(from: old, to: near) == "\(esc)[1;3Ha3b")
        var far = old
        far.put("a", x: 0, y: 0)
        far.put("b", x: 9, y: 0)
        #expect(FrameEncoder.diff(from: old, to: far) == "\(esc)[Ha\(esc)[8Cb")
    }

    @Test("after the last column the next row is reached with CR LF")
    func diffWrapsWithNewline() {
        let old = grid(["", ""], cols: 4)
        let new = grid(["   x", "y"], cols: 4)
        #expect(FrameEncoder.diff(from: old, to: new) == "\(esc)[1;4Hx\r\ny")
    }

    @Test("a style-only change is written with its SGR and reset")
    func diffStyleOnly() {
        let old = grid(["ok"], cols: 2)
        var new = old
        new[1, 0] = Cell("k", style: CellStyle(foreground: .ansi(2)))
        #expect(FrameEncoder.diff(from: old, to: new) == "\(esc)[1;2H\(esc)[32mk\(esc)[0m")
    }

    @Test("equal grids give no bytes; different sizes give a full repaint")
    func diffEdges() {
        let small = grid(["ab"], cols: 2)
        let large = grid(["ab", "cd"], cols: 2)
        #expect(FrameEncoder.diff(from: small, to: small) == "")
        #expect(FrameEncoder.diff(from: small, to: large) == FrameEncoder.repaint(large))
    }

    @Test("encode repaints first, then diffs, repaints on resize and after invalidate, and counts bytes")
    func encodeSequence() {
        var encoder = FrameEncoder()
        let first = grid(["ab"], cols: 3)
        var second = first
        second.put("c", x: 2, y: 0)
        let resized = grid(["ab", "cd"], cols: 3)
        let outputs = [
            encoder.encode(first), encoder.encode(second), encoder.encode(second), encoder.encode(resized),
        ]
        #expect(outputs == [repaintPrefix + "ab ", "\(esc)[1;3Hc", "", FrameEncoder.repaint(resized)])
        encoder.invalidate()
        #expect(encoder.encode(resized) == FrameEncoder.repaint(resized))
        #expect(encoder.previous == resized)
        #expect(encoder.bytesEncoded == outputs.map(\.utf8.count).reduce(0, +) + FrameEncoder.repaint(resized).utf8.count)
    }

    @Test("glyphs that would not draw one cell become U+FFFD")
    func drawable() {
        #expect(FrameEncoder.drawable("\u{7}") == "\u{FFFD}")
        #expect(FrameEncoder.drawable("\t") == "\u{FFFD}")
        #expect(FrameEncoder.drawable("\u{1B}") == "\u{FFFD}")
        #expect(FrameEncoder.drawable("\u{85}") == "\u{FFFD}")
        #expect(FrameEncoder.drawable("\u{200B}") == "\u{FFFD}")
        #expect(FrameEncoder.drawable("\u{301}") == "\u{FFFD}")
        #expect(FrameEncoder.drawable("e\u{301}") == "e\u{301}")
        #expect(FrameEncoder.drawable("⣿") == "⣿")
        #expect(FrameEncoder.drawable("─") == "─")
        var bad = Grid(size: TerminalSize(cols: 1, rows: 1))
        bad[0, 0] = Cell("\n")
        #expect(FrameEncoder.repaint(bad) == repaintPrefix + "\u{FFFD}")
    }

    @Test("a typical dashboard update at 30 fps stays under 50 KB/s")
    func byteBudget() {
        let size = TerminalSize(cols: 120, rows: 40)
        var encoder = FrameEncoder()
        _ = encoder.encode(dashboardFrame(size: size, tick: 0))
        let start = encoder.bytesEncoded
        for tick in 1...30 { _ = encoder.encode(dashboardFrame(size: size, tick: tick)) }
        let perSecond = encoder.bytesEncoded - start
        #expect(perSecond <= 50_000, "30 frames took \(perSecond) bytes")
    }
}

/// A 120×40-style frame: counters, a coloured throughput bar per topic, a sparkline and a
/// scrolling event feed, changing every tick the way the dashboard does.
private func dashboardFrame(size: TerminalSize, tick: Int) -> Grid {
    var grid = dashboardGrid(size: size, tick: tick)
    for topic in 0..<6 {
        let y = 6 + topic
        let rate = (tick * (topic + 3) * 7919) % 60
        grid.put("topic-\(topic)  \(String(format: "%6d", 1200 + rate * 13)) msg/s", x: 2, y: y)
        grid.put(String(repeating: "█", count: rate), x: 30, y: y, style: CellStyle(foreground: .palette(UInt8(40 + topic))))
    }
    let sparks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    for x in 0..<100 {
        grid[2 + x, 14] = Cell(sparks[(x * 3 + tick) % sparks.count], style: CellStyle(foreground: .ansi(2)))
    }
    for line in 0..<20 {
        let event = tick + line
        grid.put("t=\(event) orders[\(event % 3)] @\(event * 17) key=user-\(event % 11) status=ok",
                 x: 2, y: 17 + line, style: CellStyle(foreground: line == 0 ? .ansi(15) : .ansi(7)))
    }
    return grid
}
