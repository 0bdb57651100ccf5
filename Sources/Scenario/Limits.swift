/// The hard limits of a scenario and of a run: far above what a talk needs, well below what
/// would make a laptop swap or a run take hours.
///
/// `streamstage validate` (and every command that loads a scenario) reports a value beyond them
/// at its position; the command line refuses durations beyond them. The table in
/// `demo-data/README.md` lists the same values.
public enum Limits {
    /// The largest scenario file, in bytes.
    public static let fileBytes = 1_048_576
    /// The most YAML nodes a file may describe once every alias is expanded.
    public static let expandedNodes = 100_000
    /// The most aliases (`*name`) a file may use.
    public static let aliases = 1_000
    /// The deepest nesting a file may reach once every alias is expanded.
    public static let nestingDepth = 64
    /// The most YAML nodes in one record template (fields, generators and constants together).
    public static let templateNodes = 2_000
    /// The most partitions of one topic.
    public static let partitionsPerTopic = 256
    /// The most partitions of all topics together.
    public static let totalPartitions = 1_024
    /// The most members of one consumer group or processor (also per `add_member`).
    public static let membersPerGroup = 64
    /// The most members of all groups and processors together, when the run starts.
    public static let totalMembers = 256
    /// The longest duration a scenario file may write (retention, timeouts, waits): 30 days.
    public static let scenarioDurationMs: Int64 = 30 * 86_400_000
    /// The longest simulated time one run may cover (`--duration`, `--at`, `--step-time`, a
    /// journal's ticks): 24 hours.
    public static let runDurationMs: Int64 = 24 * 3_600_000

    /// How a duration limit reads in messages: "30d", "24h".
    public static func describe(ms: Int64) -> String {
        if ms % 86_400_000 == 0, ms > 86_400_000 { return "\(ms / 86_400_000)d" }
        if ms % 3_600_000 == 0 { return "\(ms / 3_600_000)h" }
        return "\(ms)ms"
    }
}

/// The rate limits a scenario is read with: a talk's, or the benchmarks' (which measure the
/// engine itself at a million records per second, with retention sized for it).
public struct RateLimits: Sendable, Equatable {
    /// The highest rate of one producer or chain (also after `set_rate`), per second.
    public var perProducer: Double
    /// The highest rate of all producers and chains together, each at its peak, per second.
    public var total: Double

    /// What `validate`, `run` and `describe` allow.
    public static let talk = RateLimits(perProducer: 10_000, total: 50_000)
    /// What `streamstage bench` and the benchmarks package allow.
    public static let benchmark = RateLimits(perProducer: 2_000_000, total: 4_000_000)
}
