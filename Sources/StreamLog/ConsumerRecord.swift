/// A record handed to a consumer: the stored record plus where it came from.
public struct ConsumerRecord: Equatable, Sendable {
    /// The topic and partition the record was read from.
    public var topicPartition: TopicPartition
    /// The record itself.
    public var record: Record

    public init(topicPartition: TopicPartition, record: Record) {
        self.topicPartition = topicPartition
        self.record = record
    }

    /// The record's offset in its partition.
    public var offset: Int64 { record.offset }
}
