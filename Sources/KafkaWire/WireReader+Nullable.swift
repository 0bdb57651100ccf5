/// Strings, bytes and arrays at non-flexible versions: an int16 or int32 length, −1 for null.
extension WireReader {
    /// Reads a length, accepting −1 as null only when `nullable`.
    mutating func readLength(_ raw: Int64, at start: Int, nullable: Bool) throws(WireError) -> Int? {
        if raw == -1 && nullable { return nil }
        guard raw >= 0 else { throw .invalidLength(raw, at: start) }
        return Int(raw)
    }

    /// Reads `count` bytes as UTF-8.
    mutating func readUTF8(count: Int, at start: Int) throws(WireError) -> String {
        let slice = try readBytes(count: count)
        guard let text = String(validating: slice, as: UTF8.self) else { throw .invalidUTF8(at: start) }
        return text
    }

    /// Reads a string (int16 length, not null).
    public mutating func readString() throws(WireError) -> String {
        let start = offset
        let length = try readLength(Int64(try readInt16()), at: start, nullable: false) ?? 0
        return try readUTF8(count: length, at: start)
    }

    /// Reads a nullable string (int16 length, −1 = null), as the request header's client id.
    public mutating func readNullableString() throws(WireError) -> String? {
        let start = offset
        guard let length = try readLength(Int64(try readInt16()), at: start, nullable: true) else { return nil }
        return try readUTF8(count: length, at: start)
    }

    /// Reads nullable bytes (int32 length, −1 = null).
    public mutating func readNullableBytes() throws(WireError) -> [UInt8]? {
        let start = offset
        guard let length = try readLength(Int64(try readInt32()), at: start, nullable: true) else { return nil }
        return Array(try readBytes(count: length))
    }

    /// Reads a nullable array (int32 count, −1 = null) of elements read by `element`.
    ///
    /// Storage is never reserved from the count, so a lying count costs no memory: it runs
    /// out of bytes and throws ``WireError/truncated(at:needed:available:)``.
    public mutating func readNullableArray<Element>(
        _ element: (inout WireReader) throws(WireError) -> Element
    ) throws(WireError) -> [Element]? {
        let start = offset
        guard let count = try readLength(Int64(try readInt32()), at: start, nullable: true) else { return nil }
        var elements: [Element] = []
        for _ in 0..<count { elements.append(try element(&self)) }
        return elements
    }

    /// Reads an array (int32 count) that is not null.
    public mutating func readArray<Element>(
        _ element: (inout WireReader) throws(WireError) -> Element
    ) throws(WireError) -> [Element] {
        let start = offset
        guard let elements = try readNullableArray(element) else { throw .invalidLength(-1, at: start) }
        return elements
    }
}
