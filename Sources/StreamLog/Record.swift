/// A record as Kafka stores it: optional key bytes, value bytes, headers and timestamps.
///
/// This is an owned copy (what `fetch` and `record(at:)` return); a poll hands `RecordView`s
/// that read the bytes where the segment keeps them.
public struct Record: Equatable, Sendable {
    /// The position of the record in its partition, dense and increasing from 0.
    public var offset: Int64
    /// The record's timestamp in ms of simulated time, from the clock named by `timestampType`.
    public var timestamp: Int64
    /// Whether `timestamp` is the producer's CreateTime or the log's LogAppendTime.
    public var timestampType: TimestampType
    /// When the log appended the record, in ms of simulated time (used for lag in seconds).
    public var appendTimeMs: Int64
    /// The key bytes; nil for keyless records.
    public var key: [UInt8]?
    /// The value bytes: compact JSON for generated records, anything for others (empty for a tombstone).
    public var value: [UInt8]
    /// Whether the value is null (Kafka's tombstone), as opposed to empty.
    public var isTombstone: Bool
    /// Ordered headers.
    public var headers: [Header]
    /// The record's size in bytes as counted by size-based retention and segment rolling.
    public var sizeInBytes: Int

    public init(
        offset: Int64, timestamp: Int64, timestampType: TimestampType, appendTimeMs: Int64,
        key: [UInt8]?, value: [UInt8], headers: [Header], sizeInBytes: Int, isTombstone: Bool = false
    ) {
        self.offset = offset
        self.timestamp = timestamp
        self.timestampType = timestampType
        self.appendTimeMs = appendTimeMs
        self.key = key
        self.value = value
        self.headers = headers
        self.sizeInBytes = sizeInBytes
        self.isTombstone = isTombstone
    }

    /// The key as text (invalid UTF-8 repaired), or nil for a keyless record.
    public var keyText: String? { key.map { String(decoding: $0, as: UTF8.self) } }

    /// The value decoded as JSON, or nil when it is not JSON.
    public var json: Value? { value.withUnsafeBytes { Value(json: $0) } }

    /// The value of top-level field `name` of a JSON-object value; nil when the field is
    /// missing or the value is not a JSON object.
    public func field(_ name: String) -> Value? {
        value.withUnsafeBytes { JSONFieldReader.field(name, in: $0) }
    }
}
