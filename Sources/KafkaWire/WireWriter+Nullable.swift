/// Strings, bytes and arrays at non-flexible versions: an int16 or int32 length, −1 for null.
extension WireWriter {
    /// Appends a string (int16 length).
    public mutating func writeString(_ text: String) {
        writeInt16(Int16(truncatingIfNeeded: text.utf8.count))
        writeBytes(text.utf8)
    }

    /// Appends a nullable string (int16 length, −1 = null).
    public mutating func writeNullableString(_ text: String?) {
        guard let text else { return writeInt16(-1) }
        writeString(text)
    }

    /// Appends nullable bytes (int32 length, −1 = null).
    public mutating func writeNullableBytes(_ raw: [UInt8]?) {
        guard let raw else { return writeInt32(-1) }
        writeInt32(Int32(truncatingIfNeeded: raw.count))
        writeBytes(raw)
    }

    /// Appends a nullable array (int32 count, −1 = null), each element written by `element`.
    public mutating func writeNullableArray<Element>(_ elements: [Element]?, _ element: (inout WireWriter, Element) -> Void) {
        guard let elements else { return writeInt32(-1) }
        writeInt32(Int32(truncatingIfNeeded: elements.count))
        for item in elements { element(&self, item) }
    }
}
