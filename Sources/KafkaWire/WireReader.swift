/// A cursor over bytes that reads Kafka's big-endian fixed-width integers, checking every bound.
///
///     var reader = WireReader([0x00, 0x2A])
///     try reader.readInt16() // 42
///
/// Every integer or varint read either returns a value and advances, or throws and leaves the
/// offset where it was; composite reads (strings, arrays) may stop partway, and their error says
/// where. Nothing traps on short or hostile input.
public struct WireReader: Sendable {
    /// The bytes being read (indices start at 0).
    public let bytes: [UInt8]
    /// The index of the next byte to read.
    public internal(set) var offset: Int
    /// The index reading stops at (a nested message ends before the buffer does).
    public let end: Int

    /// A reader at `offset` in `bytes`.
    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.init(bytes, offset: offset, end: bytes.count)
    }

    /// A reader over `bytes[offset..<end]` that keeps reporting offsets from the start of `bytes`.
    init(_ bytes: [UInt8], offset: Int, end: Int) {
        self.bytes = bytes
        self.end = min(max(end, 0), bytes.count)
        self.offset = min(max(offset, 0), self.end)
    }

    /// How many bytes are left to read.
    public var remaining: Int { end - offset }

    /// Takes the next `count` bytes.
    public mutating func readBytes(count: Int) throws(WireError) -> ArraySlice<UInt8> {
        guard count >= 0 else { throw .invalidLength(Int64(count), at: offset) }
        guard count <= remaining else { throw .truncated(at: offset, needed: count, available: remaining) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// Reads a big-endian unsigned integer of `width` bytes.
    mutating func readBigEndian<T: FixedWidthInteger & UnsignedInteger>(_: T.Type) throws(WireError) -> T {
        var value: T = 0
        for byte in try readBytes(count: T.bitWidth / 8) { value = value << 8 | T(byte) }
        return value
    }

    /// Reads an int8.
    public mutating func readInt8() throws(WireError) -> Int8 { Int8(bitPattern: try readBigEndian(UInt8.self)) }
    /// Reads a big-endian int16.
    public mutating func readInt16() throws(WireError) -> Int16 { Int16(bitPattern: try readBigEndian(UInt16.self)) }
    /// Reads a big-endian int32.
    public mutating func readInt32() throws(WireError) -> Int32 { Int32(bitPattern: try readBigEndian(UInt32.self)) }
    /// Reads a big-endian uint32 (the batch CRC).
    public mutating func readUInt32() throws(WireError) -> UInt32 { try readBigEndian(UInt32.self) }
    /// Reads a big-endian int64.
    public mutating func readInt64() throws(WireError) -> Int64 { Int64(bitPattern: try readBigEndian(UInt64.self)) }

    /// Throws ``WireError/trailingBytes(count:at:)`` unless every byte has been read.
    public func expectEnd() throws(WireError) {
        if remaining > 0 { throw .trailingBytes(count: remaining, at: offset) }
    }
}
