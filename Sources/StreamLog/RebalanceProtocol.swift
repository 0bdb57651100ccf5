/// Kafka's rebalance protocols (`ConsumerPartitionAssignor.RebalanceProtocol`).
public enum RebalanceProtocol: String, Sendable, Equatable {
    /// Everyone revokes everything, then gets a new assignment: stop-the-world.
    case eager = "EAGER"
    /// Only partitions that move are revoked, and they are handed out in a second rebalance.
    case cooperative = "COOPERATIVE"
}
