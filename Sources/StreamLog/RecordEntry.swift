/// Where one record lives in its segment's arena, and its timestamps: a plain value with no
/// references, so a segment's index is one flat buffer.
///
/// The arena holds, from `start`: the key bytes (none when `keyLength` is -1), the value bytes
/// (none for a tombstone, whose `valueLength` is -1), then each header as a 4-byte little-endian key length, the key, a 4-byte value length, the value.
@usableFromInline
struct RecordEntry {
    @usableFromInline var timestamp: Int64
    @usableFromInline var appendTimeMs: Int64
    /// The arena position of the record's first byte.
    @usableFromInline var start: Int
    /// The record's size as retention counts it.
    @usableFromInline var sizeInBytes: Int
    /// The key's length; -1 for a keyless record.
    @usableFromInline var keyLength: Int32
    /// The value's length; -1 for a tombstone (a null value).
    @usableFromInline var valueLength: Int32
    /// The length of the encoded headers.
    @usableFromInline var headersLength: Int32
    @usableFromInline var headerCount: Int32

    /// The arena position just past the key.
    var valueStart: Int { start + Int(max(keyLength, 0)) }

    /// The arena position just past the value.
    var headersStart: Int { valueStart + Int(max(valueLength, 0)) }
}
