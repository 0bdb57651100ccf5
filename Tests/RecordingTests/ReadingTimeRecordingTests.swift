import Dashboard
import Foundation
import Recording
import Scenario
import Simulation
import Testing

/// In a headless recording of every demo scenario, each step is on screen — from its marker to
/// the next one, or to the end — at least its narration's reading time at the scenario's speed.
struct ReadingTimeRecordingTests {
    static var scenarios: [String] {
        ScenarioLoader.bundledScenarios(in: packageRoot.appendingPathComponent("demo-data").path)
    }

    @Test(arguments: scenarios)
    func everyStepIsOnScreenForItsReadingTime(_ path: String) throws {
        let cast = try temporaryFolder().appendingPathComponent("talk.cast").path
        let spec = try ScenarioLoader.load(path: path)
        let size = TerminalSize(cols: 120, rows: 40)
        let writer = try AsciicastWriter(path: cast, header: AsciicastHeader(size: size, timestamp: 0, title: spec.title))
        // A frame every 5 s is enough: a marker is written with the first frame of each step.
        let engine = try Engine(scenario: spec)
        HeadlessRecording(size: size, theme: Theme(colors: .monochrome, glyphs: .ascii), fps: 0.2)
            .record(engine, to: writer, stepTimeMs: Engine.rehearsalStepTimeMs)
        writer.close()
        var markers: [(label: String, at: Double)] = []
        for line in try lines(of: cast).dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            if event[1] as? String == "m", let label = event[2] as? String, let time = event[0] as? Double {
                markers.append((label, time))
            }
        }
        // The last step lasts until the run ends; a marker follows the first frame drawn after the
        // tick a step began in, so a step that began between ticks (by key) shows one tick late.
        let end = Double(engine.nowMs) / 1000
        let oneTick = Double(engine.tickMs) / 1000
        #expect(markers.map(\.label) == spec.script.map(\.marker))
        for (index, step) in spec.script.enumerated() where markers.indices.contains(index) {
            let shown = (index + 1 < markers.count ? markers[index + 1].at : end) - markers[index].at
            let reading = Double(step.readingMs) / 1000 * spec.clock.speed
            #expect(shown >= reading - oneTick - 0.000_001, "step \(index + 1) '\(step.marker)' is on screen \(shown) s of \(reading) s")
        }
    }
}
