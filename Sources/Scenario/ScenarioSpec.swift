/// A validated scenario: one talk story, the world it runs and the script that drives it.
///
/// Entity collections keep the order of the file. Names are unique per section, and every
/// reference (a group's topic, an action's target, a condition's entity) names something defined.
public struct ScenarioSpec: Sendable, Equatable {
    /// The schema version (`scenario: 1`).
    public var version: Int
    /// The scenario's name, used by `streamstage run NAME` (defaults to the file name without `.yaml`).
    public var id: String
    /// The title (asciicast header `title`).
    public var title: String
    /// One line for `streamstage list`.
    public var story: String
    /// The seed every random stream derives from; 0 means "pick one and report it".
    public var seed: UInt64
    public var clock: ClockSpec
    public var layout: Layout
    public var record: RecordSpec
    public var topics: [TopicSpec]
    public var producers: [ProducerSpec]
    public var groups: [GroupSpec]
    public var processors: [ProcessorSpec]
    public var chains: [ChainSpec]
    public var batches: [BatchSpec]
    public var script: [Step]

    /// The topic called `name`.
    public func topic(_ name: String) -> TopicSpec? { topics.first { $0.name == name } }
    /// The producer called `name`.
    public func producer(_ name: String) -> ProducerSpec? { producers.first { $0.name == name } }
    /// The group called `name` (declared in `groups`; see `Action.addGroup` for later ones).
    public func group(_ name: String) -> GroupSpec? { groups.first { $0.name == name } }
    /// The processor called `name`.
    public func processor(_ name: String) -> ProcessorSpec? { processors.first { $0.name == name } }
    /// The chain called `name`.
    public func chain(_ name: String) -> ChainSpec? { chains.first { $0.name == name } }
    /// The batch job called `name`.
    public func batch(_ name: String) -> BatchSpec? { batches.first { $0.name == name } }
    /// Every service any chain calls, in order of first appearance.
    public var services: [String] {
        var names: [String] = []
        for chain in chains { for call in chain.calls where !names.contains(call.service) { names.append(call.service) } }
        return names
    }
}

/// The virtual clock: tick length and default pacing.
public struct ClockSpec: Sendable, Equatable {
    /// Sim milliseconds per tick (default 10).
    public var tickMs: Int64 = 10
    /// Default real-time speed factor, 0.1…20 (default 1).
    public var speed: Double = 1

    public init(tickMs: Int64 = 10, speed: Double = 1) {
        self.tickMs = tickMs
        self.speed = speed
    }
}

/// A UI hint for the dashboard's arrangement.
public enum Layout: String, Sendable, Equatable, CaseIterable {
    /// The log, its topics and groups.
    case log
    /// Chains on the left, the log on the right.
    case split
    /// Processors drawn as a left-to-right pipeline.
    case pipeline
}

/// Recorder defaults; command-line flags override them.
public struct RecordSpec: Sendable, Equatable {
    /// Cap in seconds for any pause in a recording (asciicast `idle_time_limit`, default 2).
    public var idleTimeLimit: Double = 2
    /// Whether each script step writes an asciicast marker (default true).
    public var markers: Bool = true

    public init(idleTimeLimit: Double = 2, markers: Bool = true) {
        self.idleTimeLimit = idleTimeLimit
        self.markers = markers
    }
}
