/// What a client reports outside its records: errors librdkafka raises in the background
/// (a broker down, every broker down, authentication), statistics, rebalances and the answers
/// to asynchronous commits.
public enum KafkaEvent: Equatable, Sendable {
    /// An error event (`error_cb`); `fatal` when the client can no longer be used.
    case error(KafkaError, fatal: Bool)
    /// The statistics JSON librdkafka emits every `statistics.interval.ms`.
    case statistics(String)
    /// A consumer's partitions were assigned (`added`: the partitions newly given).
    case assigned([TopicPartition], protocol: RebalanceProtocol)
    /// A consumer's partitions were revoked (`removed`: the partitions taken away).
    case revoked([TopicPartition], protocol: RebalanceProtocol)
    /// The coordinator accepted an asynchronous commit: each partition's committed offset.
    case committed([TopicPartition: Int64])
}

/// A topic's partition.
public struct TopicPartition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var topic: String
    public var partition: Int32

    public init(_ topic: String, _ partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    public static func < (lhs: TopicPartition, rhs: TopicPartition) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }

    public var description: String { "\(topic)-\(partition)" }
}

/// How a group rebalances: everything revoked then reassigned (eager), or only what moves
/// (cooperative, KIP-429).
public enum RebalanceProtocol: String, Equatable, Sendable {
    case eager = "EAGER"
    case cooperative = "COOPERATIVE"
    /// No rebalance protocol yet (before the first assignment).
    case none = "NONE"
}

/// The outcome of one produced record, from librdkafka's delivery report.
public struct DeliveryReport: Equatable, Sendable {
    public var topic: String
    public var partition: Int32
    /// The record's offset; -1 when delivery failed.
    public var offset: Int64
    /// nil when the record was written.
    public var error: KafkaError?
    /// The opaque tag given to `produce`.
    public var tag: Int
}
