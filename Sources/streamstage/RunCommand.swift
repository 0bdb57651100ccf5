import ArgumentParser
import Foundation
import Recording
import Scenario
import Simulation

/// `streamstage run [SCENARIO]`: the live dashboard, or a headless run with a summary.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a scenario: full-screen live (default) or --headless as fast as possible.")

    @OptionGroup var world: WorldOptions

    @Option(help: "Initial speed ×0.1 to ×20 (live).")
    var speed: Double?

    @Flag(help: "No terminal: run as fast as possible and print a summary.")
    var headless = false

    @Option(help: "Stop after this much simulated time (e.g. 90s, 5m).")
    var duration: DurationArgument?

    @Option(name: .customLong("step-time"), help: "Headless: how long a step that waits for a key lasts (default 10s).")
    var stepTime: DurationArgument?

    @Option(name: .customLong("export-events"), help: "Write every appended record as JSON Lines (kcat -J style).")
    var exportEvents: String?

    @Option(name: .customLong("export-metrics"), help: "Write one CSV row per simulated second per entity.")
    var exportMetrics: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let speed, !(0.1...20).contains(speed) { throw ValidationError("--speed must be between 0.1 and 20, got \(speed)") }
    }

    func run() throws {
        let (spec, path) = try ScenarioLocator.load(world.scenario)
        let session = try Session(spec: spec, path: path, seed: world.seed, actions: [])
        if headless {
            try session.runHeadless(
                stepTimeMs: stepTime?.milliseconds ?? 10_000, durationMs: duration?.milliseconds,
                exportEvents: exportEvents, exportMetrics: exportMetrics, output: output)
        } else {
            try session.runLive(speed: speed ?? spec.clock.speed, durationMs: duration?.milliseconds, output: output)
        }
    }
}

/// Recording and display options shared by `run` and `replay`.
struct OutputOptions: ParsableArguments {
    @Option(help: "Record the session as an asciicast v2 file (a journal is written beside it).")
    var record: String?

    @Option(help: "Write the journal of presenter actions to this file (replay it with `streamstage replay`).")
    var journal: String?

    @Option(help: "Headless recording: the terminal size to render, e.g. 120x40.")
    var size: SizeArgument?

    @Option(help: "Headless recording: frames per second of simulated time (default 10).")
    var fps: Double?

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false
}
