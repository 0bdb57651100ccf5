/// What a group's consumers know and a log cannot report: each member's fetch positions, where
/// a partition without a commit starts, and what was handed out. The lag monitor combines it
/// with what the backend reports; for a group it does not run, pass `ConsumerProgress()`.
public struct ConsumerProgress: Equatable, Sendable {
    /// The next offset each member will fetch, by member id and partition.
    public var positions: [String: [TopicPartition: Int64]]
    /// `auto.offset.reset` of the group's consumers.
    public var resetPolicy: OffsetResetPolicy
    /// What the group's consumers were handed, by partition.
    public var deliveries: [TopicPartition: PartitionDeliveries]

    public init(
        positions: [String: [TopicPartition: Int64]] = [:], resetPolicy: OffsetResetPolicy = .latest,
        deliveries: [TopicPartition: PartitionDeliveries] = [:]
    ) {
        self.positions = positions
        self.resetPolicy = resetPolicy
        self.deliveries = deliveries
    }
}

/// What a group's consumers were handed from one partition.
public struct PartitionDeliveries: Equatable, Sendable {
    /// All records handed out, duplicates included.
    public var delivered: Int64
    /// Records handed out again at or below the highest offset delivered before.
    public var duplicates: Int64
    /// Records newly consumed per second over the rate window.
    public var consumeRate: Double

    public init(delivered: Int64, duplicates: Int64, consumeRate: Double) {
        self.delivered = delivered
        self.duplicates = duplicates
        self.consumeRate = consumeRate
    }
}
