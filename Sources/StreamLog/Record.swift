/// Which clock a record's timestamp comes from (Kafka's `message.timestamp.type`).
public enum TimestampType: String, Sendable, Equatable {
    /// The producer's clock when the record was created (Kafka's default).
    case createTime = "CreateTime"
    /// The log's clock when the record was appended.
    case logAppendTime = "LogAppendTime"
}

/// One record header: Kafka headers are ordered and may repeat a key.
public struct Header: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

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

/// Where and when a produced record landed (Kafka's `RecordMetadata`).
public struct RecordMetadata: Equatable, Sendable {
    public var topicPartition: TopicPartition
    public var offset: Int64
    /// The timestamp actually stored (the append time for LogAppendTime topics).
    public var timestamp: Int64
}
