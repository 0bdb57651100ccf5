import Dashboard
import Foundation
import Scenario
import Simulation
import Testing

/// The whole dashboard for every demo-data scenario at fixed simulated times, as text snapshots
/// at the projector size, a laptop size, a wide monitor, and below the minimum.
struct DashboardRenderTests {
    static let demoData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("demo-data").path

    static let scenarios = ScenarioLoader.bundledScenarios(in: demoData).map {
        URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent
    }

    static let sizes = [TerminalSize(cols: 80, rows: 24), TerminalSize(cols: 120, rows: 40), TerminalSize(cols: 200, rows: 60)]

    /// The world of `scenario` after `seconds` of a headless run (key steps every 10 s).
    static func world(_ scenario: String, seconds: Int64) throws -> WorldSnapshot {
        let spec = try ScenarioLoader.load(path: demoData + "/\(scenario).yaml")
        let engine = try Engine(scenario: spec)
        engine.runHeadless(stepTimeMs: 10_000, durationMs: seconds * 1000)
        return engine.snapshot()
    }

    @Test(arguments: scenarios)
    func scenarioAtEverySize(_ scenario: String) throws {
        let world = try Self.world(scenario, seconds: 25)
        let theme = Theme(colors: .palette256, glyphs: .braille)
        for size in Self.sizes {
            let grid = DashboardView.render(world, state: DashboardState(), size: size, theme: theme)
            assertSnapshot(grid, named: "dashboard-\(scenario)-\(size.cols)x\(size.rows)")
        }
    }

    @Test func belowTheMinimumOneMessageSaysWhatIsNeeded() throws {
        let world = try Self.world(ScenarioLoader.defaultScenario, seconds: 1)
        let grid = DashboardView.render(world, state: DashboardState(), size: TerminalSize(cols: 60, rows: 20),
                                        theme: Theme(colors: .palette256, glyphs: .braille))
        assertSnapshot(grid, named: "dashboard-too-small-60x20")
        #expect(grid.text.contains("have 60×20"))
        #expect(grid.text.contains("need 80×24"))
    }

    @Test func asciiAndMonochromeCarryTheSameInformation() throws {
        let world = try Self.world(ScenarioLoader.defaultScenario, seconds: 25)
        let grid = DashboardView.render(world, state: DashboardState(), size: TerminalSize(cols: 120, rows: 40),
                                        theme: Theme(colors: .monochrome, glyphs: .ascii))
        assertSnapshot(grid, named: "dashboard-ascii-mono-120x40")
        #expect(grid.cells.allSatisfy { $0.glyph.isASCII })
    }

    @Test func aFocusedGroupShowsItsDescribeTable() throws {
        let world = try Self.world(ScenarioLoader.defaultScenario, seconds: 25)
        var state = DashboardState()
        state.focusedGroup = "payments"
        let grid = DashboardView.render(world, state: state, size: TerminalSize(cols: 120, rows: 40),
                                        theme: Theme(colors: .palette256, glyphs: .braille))
        assertSnapshot(grid, named: "dashboard-focused-payments-120x40")
        #expect(grid.text.contains("payments — describe"))
        #expect(grid.text.contains("COMMITTED"))
    }

    @Test func pausedHelpAndRecordingAreVisible() throws {
        let world = try Self.world(ScenarioLoader.defaultScenario, seconds: 5)
        var state = DashboardState()
        state.paused = true
        state.helpVisible = true
        state.recording = .recording
        let grid = DashboardView.render(world, state: state, size: TerminalSize(cols: 120, rows: 40),
                                        theme: Theme(colors: .palette256, glyphs: .braille))
        assertSnapshot(grid, named: "dashboard-paused-help-120x40")
        #expect(grid.row(0).contains("PAUSED"))
        #expect(grid.row(0).contains("REC"))
        #expect(grid.text.contains("next step"))
    }

    @Test func aStoppedJournalIsInTheHeader() throws {
        let world = try Self.world(ScenarioLoader.defaultScenario, seconds: 5)
        func header(journalProblem: String?) -> String {
            var state = DashboardState()
            state.journalProblem = journalProblem
            let theme = Theme(colors: .palette256, glyphs: .braille)
            return DashboardView.render(world, state: state, size: TerminalSize(cols: 120, rows: 40), theme: theme).row(0)
        }
        #expect(header(journalProblem: "journal stopped: no space left on device")
            .hasSuffix(" journal stopped: no space left on device  00:05.0  ×1 "))
        #expect(!header(journalProblem: nil).contains("journal"))
    }
}
