/// Varints as RecordBatch v2 records use them: base-128, little-endian groups, zigzag for signed.
extension WireReader {
    /// Reads an unsigned base-128 varint of at most `maxBytes` bytes.
    mutating func readUnsignedVarint(maxBytes: Int) throws(WireError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        for index in 0..<maxBytes {
            guard offset < end else {
                defer { offset = start }
                throw .truncated(at: offset, needed: 1, available: 0)
            }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << UInt64(7 * index)
            if byte & 0x80 == 0 { return value }
        }
        offset = start
        throw .varintTooLong(at: start)
    }

    /// Reads an unsigned varint (at most 5 bytes), as flexible versions use for compact lengths.
    public mutating func readUnsignedVarint() throws(WireError) -> UInt32 {
        UInt32(truncatingIfNeeded: try readUnsignedVarint(maxBytes: 5))
    }

    /// Reads a zigzag varint (int32, at most 5 bytes).
    public mutating func readVarint() throws(WireError) -> Int32 {
        let raw = UInt32(truncatingIfNeeded: try readUnsignedVarint(maxBytes: 5))
        return Int32(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// Reads a zigzag varlong (int64, at most 10 bytes).
    public mutating func readVarlong() throws(WireError) -> Int64 {
        let raw = try readUnsignedVarint(maxBytes: 10)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }
}
