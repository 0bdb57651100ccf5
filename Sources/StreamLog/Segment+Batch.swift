/// Appending borrowed records (a batch's, or a single record with headers) to a segment.
extension Segment {
    /// Appends one borrowed record's bytes and index entry (its offset is `nextOffset`); a
    /// tombstone's value length is -1 and it stores no value bytes.
    mutating func add(_ record: BorrowedRecord, timestamp: Int64, appendTimeMs: Int64, sizeInBytes: Int) {
        let start = arena.count
        var keyLength: Int32 = -1
        if let key = record.key {
            arena.append(key)
            keyLength = Int32(truncatingIfNeeded: key.count)
        }
        var valueLength: Int32 = -1
        if let value = record.value {
            arena.append(value)
            valueLength = Int32(truncatingIfNeeded: value.count)
        }
        noteFirst(timestamp)
        var headersLength = 0
        for header in record.headers {
            headersLength += Segment.appendHeader(key: header.key, value: header.value, to: arena)
        }
        entries.append(RecordEntry(
            timestamp: timestamp, appendTimeMs: appendTimeMs, start: start, sizeInBytes: sizeInBytes,
            keyLength: keyLength, valueLength: valueLength, headersLength: Int32(truncatingIfNeeded: headersLength),
            headerCount: Int32(truncatingIfNeeded: record.headers.count)))
        bytes &+= sizeInBytes
        if timestamp > maxTimestamp { maxTimestamp = timestamp }
    }

    /// Appends one header in the arena's layout (a 4-byte little-endian key length, the key, a
    /// 4-byte value length, the value; a null value as empty); returns the bytes written.
    static func appendHeader(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer?, to arena: ByteArena) -> Int {
        appendLength(key.count, to: arena)
        arena.append(key)
        let valueCount = value?.count ?? 0
        appendLength(valueCount, to: arena)
        if let value { arena.append(value) }
        return 8 + key.count + valueCount
    }

    /// Appends `length` as 4 little-endian bytes.
    static func appendLength(_ length: Int, to arena: ByteArena) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian) { arena.append($0) }
    }
}
