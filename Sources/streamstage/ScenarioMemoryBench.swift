import Foundation
import Scenario
import Simulation

/// `memory.scenario.<name>.*`: each demo-data scenario run headless for `simulatedMs` at its
/// default rates (steps that wait for a key advance after 10 s), in a process of its own: peak RSS,
/// and RSS growth over the second half (flat once retention and the sinks' rings are full).
struct ScenarioMemoryBench {
    /// Simulated time of each run (an hour; a minute with --quick).
    let simulatedMs: Int64

    /// The names of the scenarios in demo-data/, sorted.
    static func scenarioNames() throws(UserFacingError) -> [String] {
        guard let directory = ScenarioLocator.dataDirectory else {
            throw UserFacingError(message: "bench: no demo-data/ folder was found (set STREAMSTAGE_DATA)")
        }
        return ScenarioLoader.bundledScenarios(in: directory).map {
            URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent
        }
    }

    /// The two figures of scenario `name`, measured in this process.
    func figures(_ name: String) throws(UserFacingError) -> [BenchFigure] {
        let (spec, path) = try ScenarioLocator.load(name)
        let engine = try Session(spec: spec, path: path, seed: nil, actions: []).makeEngine()
        let halfMs = simulatedMs / 2
        ProcessMemory.resetPeak()
        var half: Double?
        engine.runHeadless(stepTimeMs: 10_000, durationMs: simulatedMs, everySecond: { engine in
            if engine.nowMs == halfMs { half = ProcessMemory.residentMB }
        })
        let minutes = BenchFigure.format(Double(simulatedMs) / 60_000)
        return try BenchFigure.memory(prefix: "memory.scenario.\(name)", halfMB: half, during: "\(minutes) min simulated at the scenario's rates")
    }
}
