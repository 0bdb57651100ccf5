import Scenario
import Testing

@testable import Simulation

/// The headless summary lists what each step's `show:` drew as the step ended, and where a
/// headline states the same point, the two agree to the digit.
struct ShownAtStepEndTests {
    static func run(_ id: String) throws -> Engine {
        let engine = try Engine(scenario: try ScenarioLoader.load(path: DemoScenarioTests.demoData + "/\(id).yaml"))
        engine.runHeadless(stepTimeMs: 10_000)
        return engine
    }

    @Test func theSiemReductionOnScreenIsTheHeadlinesReduction() throws {
        let engine = try Self.run("siem-reduction")
        let last = try #require(engine.shownAtStepEnds.last)
        #expect(last.step == engine.scenario.script.count - 1)
        let headline = try #require(engine.headlines().first { $0.kind == .reduction && $0.subject == "siem" })
        let removed = try #require(last.values.first { $0.label == "bytes removed" })
        #expect(removed.value == headline.numbers["saved_bytes_pct"])
        #expect(headline.text.contains("\(removed.text) of bytes removed"))
        let intoSiem = try #require(last.values.first { $0.label == "into the SIEM" })
        #expect(intoSiem.value == headline.numbers["bytes_out"])
        let summary = RunSummary.text(engine, wallSeconds: nil)
        #expect(summary.contains("\n  step 6 'The next minute closes': bytes removed \(removed.text) · into the log "))
    }

    @Test func theConnectionCountsOnScreenAreTheHeadlines() throws {
        let engine = try Self.run("whiteboard-integration")
        let headline = try #require(engine.headlines().first { $0.kind == .connections })
        let shown = engine.shownAtStepEnds
        func value(step id: String, _ label: String) -> Double? {
            let index = engine.scenario.script.firstIndex { $0.id == id }
            return shown.first { $0.step == index }?.values.first { $0.label == label }?.value
        }
        // Before the search team joins: 3 + 4 + 2 = 9 point to point, 4 + 3 = 7 to the log, as narrated.
        #expect(value(step: "one-platform", "point-to-point connections") == 9)
        #expect(value(step: "one-platform", "connections to the log") == 7)
        #expect(value(step: "wrap-up", "point-to-point connections") == headline.numbers["point_to_point"])
        #expect(value(step: "wrap-up", "connections to the log") == headline.numbers["platform"])
        #expect(headline.numbers["point_to_point"] == 12 && headline.numbers["platform"] == 8)
    }
}
