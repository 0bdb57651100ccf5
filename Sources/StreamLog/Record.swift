/// A record as stored in a partition.
public struct Record: Equatable, Sendable {
    /// The position of the record in its partition, dense and increasing from 0.
    public var offset: Int64
    /// The record's timestamp in ms of simulated time, from the clock named by `timestampType`.
    public var timestamp: Int64
    /// Whether `timestamp` is the producer's CreateTime or the log's LogAppendTime.
    public var timestampType: TimestampType
    /// When the log appended the record, in ms of simulated time (used for lag in seconds).
    public var appendTimeMs: Int64
    /// The key; nil for keyless records.
    public var key: String?
    /// The structured value.
    public var value: Value
    /// Ordered headers.
    public var headers: [Header]
    /// The record's size in bytes as counted by size-based retention and segment rolling.
    public var sizeInBytes: Int

    public init(
        offset: Int64, timestamp: Int64, timestampType: TimestampType, appendTimeMs: Int64,
        key: String?, value: Value, headers: [Header], sizeInBytes: Int
    ) {
        self.offset = offset
        self.timestamp = timestamp
        self.timestampType = timestampType
        self.appendTimeMs = appendTimeMs
        self.key = key
        self.value = value
        self.headers = headers
        self.sizeInBytes = sizeInBytes
    }

    /// The payload size of a record: key, value (compact JSON) and header bytes.
    ///
    /// Builds the JSON text, so callers on a hot path should pass a size they already know.
    public static func payloadSize(key: String?, value: Value, headers: [Header]) -> Int {
        var size = key?.utf8.count ?? 0
        size += value.encodedSize
        for header in headers { size += header.key.utf8.count + header.value.utf8.count }
        return size
    }
}
