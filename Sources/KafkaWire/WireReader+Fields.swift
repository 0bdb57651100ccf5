/// Field types the data-plane APIs add: booleans and nullable bytes kept as a slice of the frame.
extension WireReader {
    /// Reads a boolean (one byte, non-zero = true).
    public mutating func readBool() throws(WireError) -> Bool { try readInt8() != 0 }

    /// Reads nullable bytes (int32 length, −1 = null) as a slice of the buffer, without copying.
    ///
    /// The slice keeps the buffer's indices, so an error found inside it can name its byte in the frame.
    public mutating func readNullableBytesSlice() throws(WireError) -> ArraySlice<UInt8>? {
        let start = offset
        guard let length = try readLength(Int64(try readInt32()), at: start, nullable: true) else { return nil }
        return try readBytes(count: length)
    }
}
