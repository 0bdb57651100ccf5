import Dashboard
import Foundation
import Scenario
import Simulation
import Testing

/// Each demo step's proof is on screen while it runs: at the middle of every step with `show:`
/// items, the dashboard at 120×40 draws every item, and at 80×24 at least the first, each with
/// its label and its value whole.
struct StepProofTests {
    static let sizes = [TerminalSize(cols: 120, rows: 40), TerminalSize(cols: 80, rows: 24)]

    /// One step's world at its midpoint, and its `show:` values as the step ends.
    struct StepMoments {
        var id: String
        var middle: WorldSnapshot
        var atEnd: [ProofValue]
    }

    /// Runs `scenario` headless twice (key steps last 10 s): once to learn when each step begins,
    /// once to take the world at each step's midpoint and the step's values when it ends.
    static func moments(_ scenario: String) throws -> [StepMoments] {
        let spec = try ScenarioLoader.load(path: DashboardRenderTests.demoData + "/\(scenario).yaml")
        let first = try Engine(scenario: spec)
        first.runHeadless(stepTimeMs: 10_000)
        let starts = first.stepStartTicks
        let ends = Array(starts.dropFirst()) + [first.tick]
        let engine = try Engine(scenario: spec)
        var middles: [Int: WorldSnapshot] = [:]
        var atEnd: [Int: [ProofValue]] = [:]
        engine.runHeadless(stepTimeMs: 10_000, afterTick: { engine in
            for index in starts.indices {
                if engine.tick == (starts[index] + ends[index]) / 2 { middles[index] = engine.snapshot() }
                if engine.tick == ends[index] { atEnd[index] = engine.proofValues(spec.script[index].show) }
            }
        })
        return spec.script.indices.compactMap { index in
            guard !spec.script[index].show.isEmpty, let middle = middles[index], let end = atEnd[index] else { return nil }
            return StepMoments(id: spec.script[index].id, middle: middle, atEnd: end)
        }
    }

    /// Whether a line of `screen` holds `proof`'s label and then its whole value.
    static func shows(_ screen: String, _ proof: ProofValue) -> Bool {
        screen.split(separator: "\n").contains { ($0 + " ").contains("\(proof.label)  \(proof.text) ") }
    }

    @Test(arguments: DashboardRenderTests.scenarios)
    func everyStepWithShowDrawsItsValuesWhole(_ scenario: String) throws {
        let moments = try Self.moments(scenario)
        #expect(moments.count >= 3, "\(scenario) shows its point in only \(moments.count) steps")
        let theme = Theme(colors: .monochrome, glyphs: .ascii)
        for moment in moments {
            let proofs = moment.middle.proofs
            try #require(!proofs.isEmpty)
            for size in Self.sizes {
                let text = DashboardView.render(moment.middle, state: DashboardState(), size: size, theme: theme).text
                let expected = size.cols >= 120 ? proofs : Array(proofs.prefix(1))
                for proof in expected {
                    #expect(Self.shows(text, proof), "\(scenario) step \(moment.id) at \(size): '\(proof.label) \(proof.text)' not on screen")
                }
            }
            let lead = try #require(moment.atEnd.first)
            #expect(lead.value != nil, "\(scenario) step \(moment.id): '\(lead.label)' has no value when the step ends")
        }
    }
}

