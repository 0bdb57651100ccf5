/// One header of a `BorrowedRecord`: a UTF-8 key and bytes, borrowed like the record.
///
/// Kafka allows a null header value; the log stores it as an empty one (`Header` has no null).
public struct BorrowedHeader {
    /// The header name, UTF-8.
    public var key: UnsafeRawBufferPointer
    /// The header bytes; nil (Kafka's null) is stored as empty.
    public var value: UnsafeRawBufferPointer?

    public init(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer?) {
        self.key = key
        self.value = value
    }
}
