import ArgumentParser
import Foundation
import Recording
import Scenario
import Simulation

/// `streamstage replay JOURNAL`: the same talk again, exactly.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rerun a recorded talk from its journal: live, --headless with exports, or into a new --record.")

    @Argument(help: "A journal written by `run --record` or `run --journal`.")
    var journal: String

    @Flag(help: "No terminal: run as fast as possible and print a summary.")
    var headless = false

    @Option(name: .customLong("export-events"), help: "Write every appended record as JSON Lines (kcat -J style).")
    var exportEvents: String?

    @Option(name: .customLong("export-metrics"), help: "Write one CSV row per simulated second per entity.")
    var exportMetrics: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        _ = try output.checked()
        if !headless, exportEvents != nil || exportMetrics != nil {
            throw UserFacingError(message: "--export-events and --export-metrics need --headless (a live replay writes no exports)")
        }
        let file: Journal<ControlAction>
        do {
            file = try Journal<ControlAction>.read(contentsOf: URL(fileURLWithPath: journal))
        } catch {
            throw UserFacingError(message: "\(journal): \(error)")
        }
        let header = file.header
        let (spec, path) = try ScenarioLocator.load(header.scenarioPath)
        // Refused up front: a tick beyond the run limit would be hours of work (or never end).
        let lastTick = UInt64(Limits.runDurationMs / spec.clock.tickMs)
        if let index = file.entries.firstIndex(where: { $0.tick > lastTick }) {
            throw UserFacingError(
                message: "\(journal): line \(index + 2): tick \(file.entries[index].tick) is beyond the limit of \(Limits.describe(ms: Limits.runDurationMs)) of simulated time (tick \(lastTick) at \(spec.clock.tickMs) ms a tick)")
        }
        let actions = file.entries.map { TimedAction(tick: Int64($0.tick), action: $0.action) }
        var session = try Session(spec: spec, path: path, seed: header.seed, actions: actions, exactSeed: true)
        guard session.scenarioHash == header.scenarioHash else {
            throw UserFacingError(
                message: "\(path) changed since the journal was written (hash \(session.scenarioHash), journal \(header.scenarioHash)): the replay would not be exact")
        }
        // On a cluster the journal's actions run again at their times, at ×1: the same talk, not the same bytes.
        session.cluster = try cluster.connect().map { ClusterRun(log: $0, cleanup: cluster.cleanup) }
        if headless {
            try session.runHeadless(
                stepTimeMs: 0, durationMs: nil, exportEvents: exportEvents, exportMetrics: exportMetrics, output: output)
        } else {
            try session.runLive(speed: session.cluster == nil ? header.initialSpeed : 1, durationMs: nil, output: output)
        }
    }

}
