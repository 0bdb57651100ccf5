/// One record inside a RecordBatch v2: deltas from the batch, key, value, headers.
public struct Record: Equatable, Sendable {
    /// Unused by Kafka today; kept as read.
    public var attributes: Int8
    /// Milliseconds after the batch's `baseTimestamp`.
    public var timestampDelta: Int64
    /// Offset after the batch's `baseOffset`.
    public var offsetDelta: Int32
    /// The key, or `nil` for a null key.
    public var key: [UInt8]?
    /// The value, or `nil` for a null value (a tombstone).
    public var value: [UInt8]?
    /// Record headers, in order.
    public var headers: [RecordHeader]

    /// A record with the given fields.
    public init(attributes: Int8 = 0, timestampDelta: Int64, offsetDelta: Int32, key: [UInt8]?, value: [UInt8]?,
                headers: [RecordHeader] = []) {
        self.attributes = attributes
        self.timestampDelta = timestampDelta
        self.offsetDelta = offsetDelta
        self.key = key
        self.value = value
        self.headers = headers
    }
}

/// A record header: a non-null UTF-8 key and nullable bytes.
public struct RecordHeader: Equatable, Sendable {
    /// The header's name.
    public var key: String
    /// The header's bytes, or `nil` for null.
    public var value: [UInt8]?

    /// A header with the given key and value.
    public init(key: String, value: [UInt8]?) {
        self.key = key
        self.value = value
    }
}
