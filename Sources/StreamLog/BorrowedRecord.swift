/// One record handed to `StreamLogBackend.appendBatch`, borrowed: its bytes stay where the caller
/// keeps them (a received Produce request, an encode buffer) and must stay valid during the call.
/// The log copies them into its segment storage once.
public struct BorrowedRecord {
    /// The key bytes; nil for a keyless record (Kafka's null key).
    public var key: UnsafeRawBufferPointer?
    /// The value bytes; nil for a tombstone (Kafka's null value), kept distinct from an empty value.
    public var value: UnsafeRawBufferPointer?
    /// The headers, in order (empty for none).
    public var headers: UnsafeBufferPointer<BorrowedHeader>
    /// The producer's timestamp (CreateTime); LogAppendTime topics store the append time instead.
    public var timestamp: Int64

    public init(
        key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer?,
        headers: UnsafeBufferPointer<BorrowedHeader> = UnsafeBufferPointer(start: nil, count: 0), timestamp: Int64
    ) {
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    /// The record's size as segment rolling and `retention.bytes` count it: key, value and
    /// header bytes.
    var sizeInBytes: Int {
        var size = (key?.count ?? 0) + (value?.count ?? 0)
        for header in headers { size += header.key.count + (header.value?.count ?? 0) }
        return size
    }
}
