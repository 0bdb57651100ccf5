/// The settings of one topic; defaults are Kafka's unless noted.
public struct TopicConfig: Equatable, Sendable {
    /// The number of partitions (at least 1).
    public var partitions: Int
    /// `message.timestamp.type`: CreateTime (default) or LogAppendTime.
    public var timestampType: TimestampType = .createTime
    /// `retention.ms`: records older than this go, a segment at a time; nil means no time limit
    /// (Kafka's -1). Default 7 days.
    public var retentionMs: Int64? = 604_800_000
    /// `retention.bytes` per partition; nil means no size limit (Kafka's default -1).
    public var retentionBytes: Int? = nil
    /// A record-count limit per partition, the byte rule counted in records (streamstage only).
    public var retentionRecords: Int? = nil
    /// `segment.bytes`: a segment rolls before it would exceed this. Default 1 GiB.
    public var segmentBytes: Int = 1_073_741_824
    /// A segment rolls once it holds this many records (streamstage only: a demo-sized segment).
    public var segmentRecords: Int = 1_000
    /// `segment.ms`: a segment rolls when a record's timestamp is more than this after the
    /// segment's first record's, so time retention can delete it; nil never rolls by time.
    /// Default 7 days.
    public var segmentMs: Int64? = 604_800_000
    /// How keyless records are spread over partitions.
    public var keylessStrategy: KeylessStrategy = .sticky()

    public init(partitions: Int) {
        self.partitions = partitions
    }

    /// Throws unless every setting is usable.
    func validate(topic: String) throws(StreamLogError) {
        guard partitions >= 1 else { throw .invalidPartitionCount(topic: topic, count: partitions) }
        if let retentionMs, retentionMs < 0 { throw .invalidConfig(topic: topic, setting: "retention.ms", value: retentionMs) }
        if let retentionBytes, retentionBytes < 0 {
            throw .invalidConfig(topic: topic, setting: "retention.bytes", value: Int64(retentionBytes))
        }
        if let retentionRecords, retentionRecords < 0 {
            throw .invalidConfig(topic: topic, setting: "retention.records", value: Int64(retentionRecords))
        }
        guard segmentBytes >= 1 else { throw .invalidConfig(topic: topic, setting: "segment.bytes", value: Int64(segmentBytes)) }
        if let segmentMs, segmentMs < 1 { throw .invalidConfig(topic: topic, setting: "segment.ms", value: segmentMs) }
        guard segmentRecords >= 1 else {
            throw .invalidConfig(topic: topic, setting: "segment.records", value: Int64(segmentRecords))
        }
        if case .sticky(let batchBytes) = keylessStrategy, batchBytes < 1 {
            throw .invalidConfig(topic: topic, setting: "batch.size", value: Int64(batchBytes))
        }
    }
}
