/// Where one record lives in its segment's arena, and its timestamps: a plain value with no
/// references, so a segment's index is one flat buffer.
///
/// The arena holds, from `start`: the key bytes (none when `keyLength` is -1), the value bytes,
/// then each header as a 4-byte little-endian key length, the key, a 4-byte value length, the value.
struct RecordEntry {
    var timestamp: Int64
    var appendTimeMs: Int64
    /// The arena position of the record's first byte.
    var start: Int
    /// The record's size as retention counts it.
    var sizeInBytes: Int
    /// The key's length; -1 for a keyless record.
    var keyLength: Int32
    var valueLength: Int32
    /// The length of the encoded headers.
    var headersLength: Int32
    var headerCount: Int32

    /// The arena position just past the key.
    var valueStart: Int { start + Int(max(keyLength, 0)) }

    /// The arena position just past the value.
    var headersStart: Int { valueStart + Int(valueLength) }
}
