/// Where an appended batch landed: what a Produce response reports for one partition.
public struct BatchAppend: Equatable, Sendable {
    /// The offset of the batch's first record (the log-end offset when the batch was empty).
    public var baseOffset: Int64
    /// The number of records appended.
    public var count: Int
    /// When the log appended the batch, in ms of the backend's clock. Every record of a
    /// LogAppendTime topic stores it as its timestamp; a Produce response reports it for those
    /// topics and -1 for CreateTime ones (see `timestampType`).
    public var logAppendTimeMs: Int64
    /// The topic's timestamp type, which decides what the records store as their timestamp.
    public var timestampType: TimestampType
    /// The partition's log-start offset after the append (Produce v5+ reports it).
    public var logStartOffset: Int64

    public init(baseOffset: Int64, count: Int, logAppendTimeMs: Int64, timestampType: TimestampType, logStartOffset: Int64) {
        self.baseOffset = baseOffset
        self.count = count
        self.logAppendTimeMs = logAppendTimeMs
        self.timestampType = timestampType
        self.logStartOffset = logStartOffset
    }
}
