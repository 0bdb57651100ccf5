/// Segments deleted from the head of a partition by retention (consecutive deletions coalesce).
public struct SegmentDeletion: Equatable, Sendable {
    public var topicPartition: TopicPartition
    /// How many whole segments went.
    public var segmentCount: Int
    /// How many records went with them.
    public var recordCount: Int64
    /// The partition's log-start offset after the deletion.
    public var newLogStartOffset: Int64
    /// The retention rule that deleted the first of these segments.
    public var reason: RetentionReason
}
