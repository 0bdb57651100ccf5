/// Reads one top-level field of a JSON object from its bytes, skipping the other fields
/// without decoding them.
///
///     JSONFieldReader.field("amount", in: bytes)  // .double(42.5) for {"id":"o-1","amount":42.5}
public enum JSONFieldReader {
    /// The value of field `name`, or nil when the bytes are not a JSON object, lack the field,
    /// or are not valid JSON up to and including it. A repeated name gives its last value.
    public static func field(_ name: String, in bytes: UnsafeRawBufferPointer) -> Value? {
        var name = name
        return name.withUTF8 { field(UnsafeRawBufferPointer($0), in: bytes) }
    }

    /// Whether `bytes` are exactly one JSON value in valid UTF-8 (white space around it allowed).
    public static func isJSON(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard String(validating: bytes, as: UTF8.self) != nil else { return false }
        var reader = JSONReader(bytes: bytes)
        reader.skipSpace()
        guard reader.skipValue(depth: 0) else { return false }
        reader.skipSpace()
        return reader.position == bytes.count
    }

    private static func field(_ name: UnsafeRawBufferPointer, in bytes: UnsafeRawBufferPointer) -> Value? {
        var reader = JSONReader(bytes: bytes)
        guard reader.consume(UInt8(ascii: "{")) else { return nil }
        if reader.consume(UInt8(ascii: "}")) { return nil }
        var found: Value?
        repeat {
            reader.skipSpace()
            guard reader.current == UInt8(ascii: "\"") else { return nil }
            let keyStart = reader.position + 1
            guard reader.skipString() else { return nil }
            let key = UnsafeRawBufferPointer(rebasing: bytes[keyStart..<(reader.position - 1)])
            guard reader.consume(UInt8(ascii: ":")) else { return nil }
            reader.skipSpace()
            if matches(key, name) {
                guard let value = reader.parseValue(depth: 1) else { return nil }
                found = value
            } else {
                guard reader.skipValue(depth: 1) else { return nil }
            }
        } while reader.consume(UInt8(ascii: ","))
        return reader.consume(UInt8(ascii: "}")) ? found : nil
    }

    /// Whether a raw (possibly escaped) JSON key spells `name`.
    private static func matches(_ key: UnsafeRawBufferPointer, _ name: UnsafeRawBufferPointer) -> Bool {
        guard key.contains(UInt8(ascii: "\\")) else { return key.elementsEqual(name) }
        var quoted = ContiguousArray<UInt8>([UInt8(ascii: "\"")])
        quoted.append(contentsOf: key)
        quoted.append(UInt8(ascii: "\""))
        return quoted.withUnsafeBytes { bytes in
            var reader = JSONReader(bytes: bytes)
            return reader.parseString().map { Array($0.utf8).elementsEqual(name) } ?? false
        }
    }
}
