/// One partition of one topic, written the way Kafka tools print it: `orders-3`.
public struct TopicPartition: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The topic name.
    public var topic: String
    /// The partition index, from 0.
    public var partition: Int

    public init(_ topic: String, _ partition: Int) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)-\(partition)" }

    /// Orders by topic name (byte order), then partition number.
    public static func < (lhs: TopicPartition, rhs: TopicPartition) -> Bool {
        if lhs.topic != rhs.topic { return lhs.topic.utf8.lexicographicallyPrecedes(rhs.topic.utf8) }
        return lhs.partition < rhs.partition
    }
}

extension Array where Element == TopicPartition {
    /// The partitions as Kafka lists them, e.g. `[orders-0, orders-1]`.
    var listing: String { "[" + map(\.description).joined(separator: ", ") + "]" }
}
