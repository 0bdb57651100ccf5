/// How records without a key are spread over a topic's partitions.
public enum KeylessStrategy: Equatable, Sendable {
    /// Kafka ≥ 3.3 built-in behaviour: stay on one partition until `batchBytes` (`batch.size`,
    /// default 16384) have gone to it, then pick the next partition at random.
    case sticky(batchBytes: Int = 16_384)
    /// `RoundRobinPartitioner`: one partition per record, in turn.
    case roundRobin
}
