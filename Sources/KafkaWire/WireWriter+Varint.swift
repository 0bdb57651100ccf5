/// Varints as RecordBatch v2 records use them: base-128, little-endian groups, zigzag for signed.
extension WireWriter {
    /// Appends an unsigned base-128 varint.
    public mutating func writeUnsignedVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            writeBytes(CollectionOfOne(UInt8(truncatingIfNeeded: rest) | 0x80))
            rest >>= 7
        }
        writeBytes(CollectionOfOne(UInt8(rest)))
    }

    /// Appends a zigzag varint (int32).
    public mutating func writeVarint(_ value: Int32) {
        writeUnsignedVarint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31))))
    }

    /// Appends a zigzag varlong (int64).
    public mutating func writeVarlong(_ value: Int64) {
        writeUnsignedVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }
}
