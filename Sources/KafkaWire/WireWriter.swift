/// Appends Kafka's big-endian fixed-width integers to a growing byte array.
///
///     var writer = WireWriter()
///     writer.writeInt16(42) // bytes == [0x00, 0x2A]
public struct WireWriter: Sendable {
    /// The bytes written so far.
    public internal(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Appends raw bytes.
    public mutating func writeBytes<Bytes: Sequence<UInt8>>(_ raw: Bytes) { bytes.append(contentsOf: raw) }

    /// Appends `value` big-endian.
    mutating func writeBigEndian<T: FixedWidthInteger>(_ value: T) {
        var big = value.bigEndian
        withUnsafeBytes(of: &big) { bytes.append(contentsOf: $0) }
    }

    /// Appends an int8.
    public mutating func writeInt8(_ value: Int8) { writeBigEndian(value) }
    /// Appends a big-endian int16.
    public mutating func writeInt16(_ value: Int16) { writeBigEndian(value) }
    /// Appends a big-endian int32.
    public mutating func writeInt32(_ value: Int32) { writeBigEndian(value) }
    /// Appends a big-endian uint32.
    public mutating func writeUInt32(_ value: UInt32) { writeBigEndian(value) }
    /// Appends a big-endian int64.
    public mutating func writeInt64(_ value: Int64) { writeBigEndian(value) }

    /// Overwrites four bytes at `index` with `value` big-endian (a length or CRC known only later).
    mutating func patchBigEndian<T: FixedWidthInteger>(_ value: T, at index: Int) {
        var big = value.bigEndian
        withUnsafeBytes(of: &big) { raw in
            for (step, byte) in raw.enumerated() { bytes[index + step] = byte }
        }
    }
}
