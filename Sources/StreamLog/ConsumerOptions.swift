/// The consumer-side settings a member joins with (the coordinator reads the subscription, ids,
/// strategy and session timeout; the client the rest); defaults are Kafka's unless noted.
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
    /// `session.timeout.ms`: how long after its last heartbeat the coordinator removes a member.
    public var sessionTimeoutMs: Int64 = 45_000
    /// The JoinGroup's rebalance timeout (`max.poll.interval.ms`): how long a rebalance waits for
    /// this member to rejoin before removing it.
    public var rebalanceTimeoutMs: Int64 = 300_000
    /// When offsets get committed.
    public var commitPolicy: CommitPolicy = .auto()
    /// `auto.offset.reset` (default latest).
    public var autoOffsetReset: OffsetResetPolicy = .latest
    /// The protocol type of the JoinGroup ("consumer" for every Kafka consumer).
    public var protocolType = "consumer"
    /// The protocols a wire client offered, most preferred first; empty for a simulated member,
    /// which offers `strategy` alone.
    public var protocols: [JoinProtocol] = []

    /// The protocol names offered, most preferred first.
    public var protocolNames: [String] { protocols.isEmpty ? [strategy.kafkaName] : protocols.map(\.name) }

    public init(topics: [String]) {
        self.topics = topics
    }
}
