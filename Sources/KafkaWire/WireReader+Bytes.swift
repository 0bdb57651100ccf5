extension WireReader {
    /// Reads bytes (int32 length) that are not null.
    public mutating func readBytes() throws(WireError) -> [UInt8] {
        let start = offset
        guard let bytes = try readNullableBytes() else { throw .invalidLength(-1, at: start) }
        return bytes
    }
}
