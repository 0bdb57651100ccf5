import ArgumentParser
import KafkaListener

/// `streamstage serve [SCENARIO] --listen [HOST:]PORT`: the world in real time, without the
/// dashboard, for Kafka clients (a second machine, scripts, tests).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a scenario in real time with a Kafka listener and no dashboard; one line per notable event.")

    @OptionGroup var world: WorldOptions

    @OptionGroup var listening: ListenOptions

    @Option(parsing: .unconditional, help: "Stop after this much time (e.g. 90s, 5m; at most 24h); default: until SIGINT or SIGTERM.")
    var duration: String?

    @Option(name: .customLong("step-time"), parsing: .unconditional,
            help: "How long a step that waits for a key lasts before it advances by itself (default 10s).")
    var stepTime: String?

    func run() throws {
        let durationMs = try durationOption(duration, "--duration")
        let stepTimeMs = try durationOption(stepTime, "--step-time") ?? 10_000
        let seed = try world.seedValue()
        guard let address = try listening.address() else {
            throw UserFacingError(message: "serve needs --listen [HOST:]PORT (e.g. --listen 9092)")
        }
        let (spec, path) = try ScenarioLocator.load(world.scenario)
        let session = try Session(spec: spec, path: path, seed: seed, actions: [])
        try session.serve(address, autoCreateTopics: listening.autoCreateTopics, durationMs: durationMs, stepTimeMs: stepTimeMs)
    }
}

/// `--listen` and `--auto-create-topics`, shared by `run` and `serve`.
struct ListenOptions: ParsableArguments {
    @Option(help: "Speak the Kafka protocol on [HOST:]PORT (HOST defaults to 127.0.0.1; e.g. 9092).")
    var listen: String?

    @Flag(name: .customLong("auto-create-topics"),
          help: "Create a topic a Kafka client produces to or asks for, with one partition (as Kafka's default does).")
    var autoCreateTopics = false

    /// `--listen` read; nil when not given.
    func address() throws(UserFacingError) -> ListenAddress? {
        guard let listen else {
            if autoCreateTopics { throw UserFacingError(message: "--auto-create-topics needs --listen [HOST:]PORT") }
            return nil
        }
        do {
            return try ListenAddress.parse(listen)
        } catch {
            throw UserFacingError(message: error.description)
        }
    }
}
