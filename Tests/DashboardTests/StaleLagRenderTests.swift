import Dashboard
import Foundation
import Scenario
import Simulation
import StreamLog
import Testing

/// While the backend shows a fault (a cluster unreachable, a broker down), the lag panel and the
/// describe table say the figures are stale and the header names the fault; without one, nothing.
struct StaleLagRenderTests {
    /// The default scenario at 25 s, its cluster faulted since 13 s.
    static func faulted() throws -> WorldSnapshot {
        var world = try DashboardRenderTests.world(ScenarioLoader.defaultScenario, seconds: 25)
        world.fault = LogFault(message: "broker 127.0.0.1:40123/2 is down", sinceMs: world.nowMs - 12_400)
        return world
    }

    @Test(arguments: [TerminalSize(cols: 80, rows: 24), TerminalSize(cols: 120, rows: 40)])
    func theLagPanelAndTheHeaderShowTheFault(size: TerminalSize) throws {
        let world = try Self.faulted()
        let theme = Theme(colors: .palette256, glyphs: .braille)
        let grid = DashboardView.render(world, state: DashboardState(), size: size, theme: theme)
        assertSnapshot(grid, named: "dashboard-stale-lag-\(size.cols)x\(size.rows)")
        #expect(grid.row(0).contains("! broker 127.0.0.1"))
        let groupRows = (0..<size.rows).filter { grid.row($0).contains("payments") && grid.row($0).contains("msgs") }
        #expect(!groupRows.isEmpty)
        #expect(groupRows.allSatisfy { grid.row($0).contains("stale 12s") })
    }

    @Test func inAsciiMonochromeTheMarkIsWords() throws {
        let world = try Self.faulted()
        let grid = DashboardView.render(world, state: DashboardState(), size: TerminalSize(cols: 120, rows: 40),
                                        theme: Theme(colors: .monochrome, glyphs: .ascii))
        #expect(grid.cells.allSatisfy { $0.glyph.isASCII })
        #expect(grid.text.contains("stale 12s"))
        #expect(grid.row(0).contains("! broker 127.0.0.1"))
    }

    @Test func theDescribeTableSaysStaleAndGreysItsOffsets() throws {
        let world = try Self.faulted()
        var state = DashboardState()
        state.focusedGroup = "payments"
        let theme = Theme(colors: .palette256, glyphs: .braille)
        let grid = DashboardView.render(world, state: state, size: TerminalSize(cols: 120, rows: 40), theme: theme)
        assertSnapshot(grid, named: "dashboard-stale-describe-120x40")
        let stateRow = (0..<40).first { grid.row($0).contains("generation") } ?? -1
        #expect(grid.row(stateRow).contains("stale 12s"))
        let header = (0..<40).first { grid.row($0).contains("COMMITTED") } ?? -1
        // END is right-aligned: its last digit sits under the D.
        let titles = grid.row(header)
        let endColumn = titles.distance(from: titles.startIndex, to: try #require(titles.range(of: " END ")).upperBound) - 2
        #expect(Array(grid.row(header + 1))[endColumn].isNumber)
        #expect(grid[endColumn, header + 1].style == theme.style(.muted))
    }

    @Test func freshFiguresHaveNoMark() throws {
        let world = try DashboardRenderTests.world(ScenarioLoader.defaultScenario, seconds: 25)
        let grid = DashboardView.render(world, state: DashboardState(), size: TerminalSize(cols: 120, rows: 40),
                                        theme: Theme(colors: .palette256, glyphs: .braille))
        #expect(!grid.text.contains("stale"))
        #expect(!grid.row(0).contains("!"))
    }

    @Test func pastAMinuteTheMarkCountsMinutes() throws {
        var world = try Self.faulted()
        world.fault?.sinceMs = world.nowMs - 125_000
        let grid = DashboardView.render(world, state: DashboardState(), size: TerminalSize(cols: 120, rows: 40),
                                        theme: Theme(colors: .palette256, glyphs: .braille))
        #expect(grid.text.contains("stale 2m 05s"))
    }

    @Test func staleTimeCountsWholeSeconds() {
        #expect(LogFault(message: "x", sinceMs: 1_000).staleSeconds(nowMs: 13_999) == 12)
        #expect(LogFault(message: "x", sinceMs: 5_000).staleSeconds(nowMs: 4_000) == 0)
    }
}
