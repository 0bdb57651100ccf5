/// When a consumer's offsets get committed.
public enum CommitPolicy: Equatable, Sendable {
    /// `enable.auto.commit=true`: positions are committed on the first poll after every
    /// `intervalMs` (default 5000), before a rebalance and on a clean leave.
    case auto(intervalMs: Int64 = 5_000)
    /// The loop `poll → process → commitSync`: a batch's positions are committed once it is
    /// processed, i.e. on the member's next poll (and before a rebalance or a clean leave).
    case afterEachBatch
    /// Only explicit `commit` calls.
    case manual
}

/// `auto.offset.reset`: where to start when there is no committed offset or it is out of range.
public enum OffsetResetPolicy: String, Equatable, Sendable {
    case earliest
    case latest
    case none
}

/// The consumer-side settings a member joins with; defaults are Kafka's unless noted.
public struct ConsumerOptions: Equatable, Sendable {
    /// The subscribed topics.
    public var topics: [String]
    /// `client.id`; nil gives Kafka's default `consumer-<group>-<n>`.
    public var clientId: String?
    /// `group.instance.id`: set for a static member.
    public var groupInstanceId: String?
    /// The host column of describe output.
    public var host: String = "/127.0.0.1"
    /// `partition.assignment.strategy` (Kafka's default list resolves to range).
    public var strategy: AssignmentStrategy = .range
    /// `session.timeout.ms`: how long after its last heartbeat a crashed member is removed.
    public var sessionTimeoutMs: Int64 = 45_000
    /// When offsets get committed.
    public var commitPolicy: CommitPolicy = .auto()
    /// `auto.offset.reset` (default latest).
    public var autoOffsetReset: OffsetResetPolicy = .latest

    public init(topics: [String]) {
        self.topics = topics
    }
}
