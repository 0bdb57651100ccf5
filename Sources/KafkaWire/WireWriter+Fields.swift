/// Field types the data-plane APIs add: booleans and nullable bytes written from slices.
extension WireWriter {
    /// An empty writer with room for `capacity` bytes, so a large response grows its buffer once.
    public init(reservingCapacity capacity: Int) {
        self.init()
        bytes.reserveCapacity(capacity)
    }

    /// Appends a boolean (one byte, 1 = true).
    public mutating func writeBool(_ value: Bool) { writeInt8(value ? 1 : 0) }

    /// Appends nullable bytes (int32 length, −1 = null) from a slice.
    public mutating func writeNullableBytes(slice raw: ArraySlice<UInt8>?) {
        guard let raw else { return writeInt32(-1) }
        writeInt32(Int32(truncatingIfNeeded: raw.count))
        writeBytes(raw)
    }
}
