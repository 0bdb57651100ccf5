import Scenario
import StreamLog

/// Everything the dashboard shows about the world at one moment: a plain value, no references.
public struct WorldSnapshot: Equatable, Sendable {
    public var title: String
    public var scenarioId: String
    public var layout: Layout
    public var tick: Int64
    public var nowMs: Int64
    public var script: ScriptStatus
    public var topics: [TopicSnapshot]
    public var producers: [ProducerSnapshot]
    public var groups: [GroupStatus]
    public var processors: [ProcessorSnapshot]
    public var chains: [ChainSnapshot]
    public var batches: [BatchSnapshot]
    public var feed: [FeedEntry]
    /// Entities the current step asked the audience to look at.
    public var highlights: [String]
    /// The current step's `show:` items with their live values.
    public var proofs: [ProofValue] = []
    /// The watched cluster (`streamstage watch`); nil in scenario runs.
    public var cluster: ClusterStatus? = nil
}

/// One labelled live value of the current step's `show:` list.
public struct ProofValue: Equatable, Sendable {
    public var label: String
    /// Nil while a metric it reads is unavailable (e.g. before the first alert).
    public var value: Double?
    public var format: ShowFormat

    public init(label: String, value: Double?, format: ShowFormat) {
        self.label = label
        self.value = value
        self.format = format
    }

    /// The value as the audience reads it: `95.1 %`, `12 400`, `-` while unavailable.
    public var text: String { format.text(value) }
}

/// Where the talk is: the step, its narration, and how it ends.
public struct ScriptStatus: Equatable, Sendable {
    /// 0-based index of the current step.
    public var stepIndex: Int
    public var stepCount: Int
    public var marker: String
    public var say: String
    /// How the step advances, in words ("press →", "in 6 s", "when lag(payments) > 30 (timeout 14 s)").
    public var advance: String
    /// Sim ms since the step began.
    public var stepElapsedMs: Int64
    /// True once the last step has finished.
    public var ended: Bool
}

/// A topic: its partitions' offsets and its traffic.
public struct TopicSnapshot: Equatable, Sendable {
    public var name: String
    public var label: String
    public var isSink: Bool
    public var partitions: [PartitionOffsets]
    public var recordsPerSecond: Double
    public var bytesPerSecond: Double
    public var history: [Double]
    public var totalRecords: Int64
    public var totalBytes: Int64
}

/// A producer and its rate.
public struct ProducerSnapshot: Equatable, Sendable {
    public var name: String
    public var topic: String
    public var enabled: Bool
    public var configuredRate: Double
    public var recordsPerSecond: Double
    public var history: [Double]
    public var produced: Int64
}

/// A consumer group (or a processor's group): membership, lag and speed.
public struct GroupStatus: Equatable, Sendable {
    public var name: String
    public var isProcessor: Bool
    public var topics: [String]
    public var membership: GroupSnapshot
    public var lag: GroupLag
    public var lagHistory: [Double]
    /// Where the lag is heading, judged from how the consumers' lag moved over the last
    /// seconds (`LagTrend`); nil until known.
    public var lagDirection: LagDirection?
    public var consumedPerSecond: Double
    public var consumedHistory: [Double]
    public var consumed: Int64
    public var paused: Bool
    /// True while a processor is deliberately stopped (its group keeps its members but reads nothing).
    public var stopped: Bool
    /// Per-record processing time now, and as configured.
    public var perRecordMs: Double
    public var configuredPerRecordMs: Double
    /// Append → processed latency in ms over the last seconds, processing time included.
    public var latencyP50Ms: Double?
    public var latencyP99Ms: Double?
    /// Live members: those this engine drives, and real clients that joined over the wire.
    public var liveMembers: Int
    /// Polls the log refused so far (the feed shows the first of each run).
    public var failedPolls = 0
    /// Commits the log refused so far (each also a `commitRejected` feed line).
    public var failedCommits = 0
    /// Why the log cannot report the group (its membership and lag are then empty); nil when it can.
    public var unreported: String?
}

/// A stream processor's throughput in and out.
public struct ProcessorSnapshot: Equatable, Sendable {
    public var name: String
    public var kind: String
    public var inputs: [String]
    public var outputs: [String]
    public var enabled: Bool
    public var recordsInPerSecond: Double
    public var recordsOutPerSecond: Double
    public var bytesInPerSecond: Double
    public var bytesOutPerSecond: Double
    public var recordsIn: Int64
    public var recordsOut: Int64
    public var bytesIn: Int64
    public var bytesOut: Int64
    public var savedPercent: Double?
    public var outHistory: [Double]
}

/// A request/response chain: load, latency, failures, and each hop.
public struct ChainSnapshot: Equatable, Sendable {
    public struct Hop: Equatable, Sendable {
        public var service: String
        public var latencyMs: Double
        public var configuredLatencyMs: Double
        public var capacity: Int
        public var busy: Int
        public var queued: Int
        public var failed: Bool
    }

    public var name: String
    public var enabled: Bool
    public var requestsPerSecond: Double
    public var completedPerSecond: Double
    public var failedPerSecond: Double
    public var p50Ms: Double?
    public var p99Ms: Double?
    public var p99History: [Double]
    public var completed: Int
    public var failed: Int
    public var timedOut: Int
    public var lost: Int
    public var inFlight: Int
    public var hops: [Hop]
}

/// A batch job: when it ran, what it found, how stale its answers are.
public struct BatchSnapshot: Equatable, Sendable {
    public var name: String
    public var from: String
    /// The topic its results are written to (nil = only shown on the dashboard).
    public var to: String?
    public var everyMs: Int64
    public var runs: Int
    public var lastRunEndMs: Int64?
    public var nextRunMs: Int64
    public var running: Bool
    public var lastResults: [Value]
    public var timeToInsightP50Ms: Double?
    public var timeToInsightP99Ms: Double?
}
