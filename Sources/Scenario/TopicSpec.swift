/// A topic: a partitioned, retained log.
public struct TopicSpec: Sendable, Equatable {
    public var name: String
    /// Number of partitions (≥ 1, default 1).
    public var partitions: Int = 1
    public var retention: Retention = Retention()
    /// Segment size in bytes (`segment.bytes`, default 1 GiB); retention deletes whole closed segments.
    public var segmentBytes: Int64 = 1_073_741_824
    /// `segment.ms`: a segment rolls once it spans this much record time (Kafka's default 7 days).
    public var segmentMs: Int64 = 604_800_000
    /// Which timestamp records carry (`message.timestamp.type`, default create time).
    public var timestampType: TimestampType = .createTime
    /// Drawn as an external system (e.g. "SIEM") rather than a topic; it still counts records and bytes.
    public var sink: Bool = false
    /// The label the dashboard shows (default: the name).
    public var label: String?

    public init(name: String) {
        self.name = name
    }
}

/// Retention limits; whichever is reached first deletes the oldest closed segments.
public struct Retention: Sendable, Equatable {
    /// `retention.ms` (default 7 days); nil = keep forever (`time: forever`).
    public var timeMs: Int64? = 604_800_000
    /// A cap on the number of records kept per partition (no Kafka equivalent; a demo convenience).
    public var maxRecords: Int64?
    /// `retention.bytes` per partition; nil = unlimited (Kafka's −1).
    public var maxBytes: Int64?

    public init(timeMs: Int64? = 604_800_000, maxRecords: Int64? = nil, maxBytes: Int64? = nil) {
        self.timeMs = timeMs
        self.maxRecords = maxRecords
        self.maxBytes = maxBytes
    }
}

/// `message.timestamp.type`.
public enum TimestampType: String, Sendable, Equatable, CaseIterable {
    /// The producer's timestamp (`CreateTime`).
    case createTime = "create"
    /// The broker's append time (`LogAppendTime`).
    case logAppendTime = "log_append"
}
