import Dashboard
import Foundation
import Recording
import Scenario
import Simulation
import Testing

/// A real talk recorded headless: a terminal emulator shows exactly the app's own frame at every
/// step's marker, and asciinema plays it.
struct ScenarioRecordingTests {
    static let defaultScenario = packageRoot.appendingPathComponent("demo-data/command-vs-events.yaml").path

    @Test func pyteShowsTheAppsFrameAtEveryStepMarker() throws {
        let folder = try temporaryFolder()
        let cast = folder.appendingPathComponent("talk.cast").path
        let spec = try ScenarioLoader.load(path: Self.defaultScenario)
        let engine = try Engine(scenario: spec)
        let size = TerminalSize(cols: 100, rows: 30)
        let writer = try AsciicastWriter(path: cast, header: AsciicastHeader(size: size, timestamp: 0, title: spec.title))
        var markers: [(String, Grid)] = []
        HeadlessRecording(size: size, theme: Theme(colors: .palette256, glyphs: .braille), fps: 5)
            .record(engine, to: writer, stepTimeMs: 4_000, durationMs: 80_000, atMarker: { markers.append(($0, $1)) })
        writer.close()
        #expect(markers.map(\.0) == ["Two checkouts", "Payments gets slow", "Shipping is down", "Recovery", "A new team joins", "Traffic spike"])
        #expect(AsciicastCheck.validate(try Data(contentsOf: URL(fileURLWithPath: cast))).isEmpty)
        let screens = try emulate(cast).filter { $0.at == "marker" }
        #expect(screens.map(\.label) == markers.map(\.0))
        for (screen, (label, grid)) in zip(screens, markers) {
            #expect(screen.display == expectedDisplay(grid), "at \(label)")
        }
        #expect(try asciinema(["cat", cast]).status == 0)
        #expect(try asciinema(["play", "-s", "1000", "--out-fmt", "asciicast", cast]).status == 0)
    }
}
