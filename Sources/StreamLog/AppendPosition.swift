/// Where an appended record went within its topic, and the timestamp stored with it: what the
/// produce path needs, without `RecordMetadata`'s topic name.
public struct AppendPosition: Equatable, Sendable {
    /// The partition index.
    public var partition: Int
    /// The record's offset in that partition.
    public var offset: Int64
    /// The timestamp actually stored (the append time for LogAppendTime topics).
    public var timestamp: Int64

    public init(partition: Int, offset: Int64, timestamp: Int64) {
        self.partition = partition
        self.offset = offset
        self.timestamp = timestamp
    }
}
