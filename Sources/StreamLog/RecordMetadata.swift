/// Where and when a produced record landed (Kafka's `RecordMetadata`).
public struct RecordMetadata: Equatable, Sendable {
    public var topicPartition: TopicPartition
    public var offset: Int64
    /// The timestamp actually stored (the append time for LogAppendTime topics).
    public var timestamp: Int64

    public init(topicPartition: TopicPartition, offset: Int64, timestamp: Int64) {
        self.topicPartition = topicPartition
        self.offset = offset
        self.timestamp = timestamp
    }
}
