/// A member of a group as the coordinator knows it, and as the membership panel shows it.
public struct MemberSnapshot: Equatable, Sendable {
    public var memberId: String
    public var clientId: String
    public var groupInstanceId: String?
    public var host: String
    /// The subscribed topics.
    public var topics: [String]
    /// The generation the member last joined (-1 before its first).
    public var generation: Int
    /// The partitions it currently consumes (empty during an eager rebalance).
    public var assignment: [TopicPartition]
    /// When the coordinator last heard from it.
    public var lastHeartbeatMs: Int64
    /// `session.timeout.ms`: how long after its last heartbeat it is removed.
    public var sessionTimeoutMs: Int64
    /// True once the member crashed and until its session times out. The coordinator cannot know
    /// this (it only sees heartbeats stop); the process that ran the client sets it.
    public var isCrashed = false
    /// True for a real Kafka client that joined over the wire (the dashboard marks it `ext`).
    public var isExternal = false

    public init(
        memberId: String, clientId: String, groupInstanceId: String?, host: String, topics: [String], generation: Int,
        assignment: [TopicPartition], lastHeartbeatMs: Int64, sessionTimeoutMs: Int64
    ) {
        self.memberId = memberId
        self.clientId = clientId
        self.groupInstanceId = groupInstanceId
        self.host = host
        self.topics = topics
        self.generation = generation
        self.assignment = assignment
        self.lastHeartbeatMs = lastHeartbeatMs
        self.sessionTimeoutMs = sessionTimeoutMs
    }

    /// When a crashed member's session times out and its partitions move; nil while it is alive.
    public var sessionExpiresAtMs: Int64? { isCrashed ? lastHeartbeatMs + sessionTimeoutMs : nil }
}
