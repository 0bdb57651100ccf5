import ArgumentParser
import Dashboard
import Foundation
import Recording
import Scenario
import Simulation

/// `streamstage run [SCENARIO]`: the live dashboard, or a headless run with a summary.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a scenario: full-screen live (default) or --headless as fast as possible.")

    @OptionGroup var world: WorldOptions

    @Option(parsing: .unconditional, help: "Initial speed ×0.1 to ×20 (live).")
    var speed: String?

    @Flag(help: "No terminal: run as fast as possible and print a summary.")
    var headless = false

    @Option(parsing: .unconditional, help: "Stop after this much simulated time (e.g. 90s, 5m; at most 24h).")
    var duration: String?

    @Option(name: .customLong("step-time"), parsing: .unconditional,
            help: "Headless: how long a step that waits for a key lasts (default 10s).")
    var stepTime: String?

    @Option(name: .customLong("export-events"), help: "Write every appended record as JSON Lines (kcat -J style).")
    var exportEvents: String?

    @Option(name: .customLong("export-metrics"), help: "Write one CSV row per simulated second per entity.")
    var exportMetrics: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var listening: ListenOptions

    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        let speed = try speed.map { text throws(UserFacingError) in
            try option { () throws(OptionValueError) in try OptionValue.number(text, option: "--speed", in: 0.1...20) }
        }
        let durationMs = try durationOption(duration, "--duration")
        let stepTimeMs = try durationOption(stepTime, "--step-time")
        let seed = try world.seedValue()
        _ = try output.checked()
        if !headless, exportEvents != nil || exportMetrics != nil {
            throw UserFacingError(message: "--export-events and --export-metrics need --headless (a live run writes no exports)")
        }
        let listen = try listening.address()
        if listen != nil, headless { throw UserFacingError(message: "--listen serves a live run; for a run without the dashboard use `streamstage serve`") }
        if listen != nil, let speed, speed != 1 {
            throw UserFacingError(message: "--speed \(speed) with --listen: a listening run stays at ×1, since Kafka clients see wall-clock time")
        }
        if listen != nil, cluster.isCluster {
            throw UserFacingError(message: "--listen serves the in-process log; a run on a cluster (--bootstrap-servers) cannot also listen")
        }
        let (spec, path) = try ScenarioLocator.load(world.scenario)
        var session = try Session(spec: spec, path: path, seed: seed, actions: [])
        session.cluster = try cluster.connect().map { ClusterRun(log: $0, cleanup: cluster.cleanup) }
        if let listen {
            try session.runLive(speed: 1, durationMs: durationMs, output: output,
                                listen: (listen, autoCreateTopics: listening.autoCreateTopics))
        } else if headless {
            try session.runHeadless(
                stepTimeMs: stepTimeMs ?? 10_000, durationMs: durationMs,
                exportEvents: exportEvents, exportMetrics: exportMetrics, output: output)
        } else {
            // A cluster runs on the wall clock: the scenario's own speed (a talk set at ×2) starts at ×1 there.
            try session.runLive(speed: speed ?? (cluster.isCluster ? 1 : spec.clock.speed), durationMs: durationMs, output: output)
        }
    }
}

/// Recording and display options shared by `run` and `replay`.
struct OutputOptions: ParsableArguments {
    @Option(help: "Record the session as an asciicast v2 file (a journal is written beside it).")
    var record: String?

    @Option(help: "Write the journal of presenter actions to this file (replay it with `streamstage replay`).")
    var journal: String?

    @Option(parsing: .unconditional, help: "Headless recording: the terminal size to render, e.g. 120x40.")
    var size: String?

    @Option(parsing: .unconditional, help: "Headless recording: frames per second of simulated time, 1 to 60 (default 10).")
    var fps: String?

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false
}

extension OutputOptions {
    /// `--size` and `--fps` read and range-checked (defaults 120×40 and 10), before anything runs.
    func checked() throws(UserFacingError) -> (size: TerminalSize, fps: Double) {
        let size = try size.map { text throws(UserFacingError) in
            try option { () throws(OptionValueError) in try OptionValue.size(text, option: "--size") }
        }
        let fps = try fps.map { text throws(UserFacingError) in
            try option { () throws(OptionValueError) in try OptionValue.number(text, option: "--fps", in: 1...60) }
        }
        return (TerminalSize(cols: size?.cols ?? 120, rows: size?.rows ?? 40), fps ?? 10)
    }
}
