import Foundation
import Scenario
import StreamLog
import Testing

@testable import Simulation

/// Every scenario in demo-data/ — including ones added later — validates, runs headless to its
/// last step, and never waits out a `when` timeout.
struct DemoScenarioTests {
    static let demoData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("demo-data").path

    static var scenarios: [String] { ScenarioLoader.bundledScenarios(in: demoData) }

    @Test func thereIsADefaultScenario() {
        #expect(Self.scenarios.contains { $0.hasSuffix("/\(ScenarioLoader.defaultScenario).yaml") })
    }

    @Test(arguments: scenarios)
    func runsHeadlessToItsLastStepWithoutTimeouts(_ path: String) throws {
        let spec = try ScenarioLoader.load(path: path)
        #expect(!spec.script.isEmpty)
        for step in spec.script {
            #expect(!step.say.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "step \(step.id) has no narration")
        }
        let engine = try Engine(scenario: spec)
        // Every step is bounded (a key waits 10 s here, `after` its time, `when` its timeout), so
        // the run stops at the script's end; a duration would keep it running past it.
        engine.runHeadless(stepTimeMs: 10_000)
        #expect(engine.scriptEnded, "\(path) did not reach its end")
        let timedOut = engine.timedOutSteps.map { spec.script[$0].id }
        #expect(timedOut.isEmpty, "steps waited out their timeout: \(timedOut)")
    }

    /// What an audience sees: no step's `when` holds when it begins, and no step's own rule ends
    /// it before its narration has been read at the scenario's default speed.
    @Test(arguments: scenarios)
    func theRehearsalPasses(_ path: String) throws {
        let spec = try ScenarioLoader.load(path: path)
        let findings = try Engine.rehearsal(of: spec).map { $0.error(in: spec, file: path).description }
        #expect(findings.isEmpty)
    }

    @Test func aHeadlessRunIsByteForByteReproducible() throws {
        let spec = try ScenarioLoader.load(path: Self.demoData + "/\(ScenarioLoader.defaultScenario).yaml")
        func run() throws -> String {
            let engine = try Engine(scenario: spec)
            var out = ""
            engine.onAppend = { out += "\($0.topic) \($0.partition) \($0.offset) \($0.timestamp) \(String(decoding: $0.value, as: UTF8.self))\n" }
            engine.runHeadless(stepTimeMs: 5_000)
            return out + RunSummary.text(engine, wallSeconds: nil)
        }
        let first = try run()
        #expect(first == (try run()))
        #expect(first.count > 10_000)
    }
}
