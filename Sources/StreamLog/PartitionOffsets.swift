/// The offset markers of one partition.
public struct PartitionOffsets: Equatable, Sendable {
    public var topicPartition: TopicPartition
    public var logStartOffset: Int64
    /// Log-end offset, equal to the high watermark here.
    public var logEndOffset: Int64

    public init(topicPartition: TopicPartition, logStartOffset: Int64, logEndOffset: Int64) {
        self.topicPartition = topicPartition
        self.logStartOffset = logStartOffset
        self.logEndOffset = logEndOffset
    }
}
