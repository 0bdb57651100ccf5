/// A member of a group as the membership panel shows it.
public struct MemberSnapshot: Equatable, Sendable {
    public var memberId: String
    public var clientId: String
    public var groupInstanceId: String?
    public var host: String
    /// The generation the member last joined (-1 before its first).
    public var generation: Int
    /// The partitions it currently consumes (empty during an eager rebalance).
    public var assignment: [TopicPartition]
    /// True once the member crashed and until its session times out.
    public var isCrashed: Bool
    /// When a crashed member's session times out and its partitions move (last heartbeat plus
    /// `session.timeout.ms`); nil while it is alive.
    public var sessionExpiresAtMs: Int64?
}
