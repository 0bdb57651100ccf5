/// Compact JSON as bytes: the same text as `json`, written straight into a byte buffer.
extension Value {
    /// The value as compact JSON bytes (the UTF-8 of `json`).
    public var jsonBytes: [UInt8] {
        var out = ContiguousArray<UInt8>()
        out.reserveCapacity(encodedSize)
        appendJSON(to: &out)
        return Array(out)
    }

    /// Appends the compact JSON encoding to `out`, byte for byte the UTF-8 of `json`.
    public func appendJSON(to out: inout ContiguousArray<UInt8>) {
        switch self {
        case .null: out.append(contentsOf: Value.nullBytes)
        case .bool(let value): out.append(contentsOf: value ? Value.trueBytes : Value.falseBytes)
        case .int(let value): Value.appendDecimal(value, to: &out)
        case .double(let value):
            if value.isFinite { out.append(contentsOf: value.description.utf8) } else { out.append(contentsOf: Value.nullBytes) }
        case .string(let value): Value.appendJSONString(value, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for index in values.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                values[index].appendJSON(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for index in 0..<fields.count {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Value.appendJSONString(fields.names[index], to: &out)
                out.append(UInt8(ascii: ":"))
                fields.values[index].appendJSON(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static let nullBytes: [UInt8] = Array("null".utf8)
    static let trueBytes: [UInt8] = Array("true".utf8)
    static let falseBytes: [UInt8] = Array("false".utf8)

    /// Appends `value` in decimal without building a String.
    public static func appendDecimal(_ value: Int64, to out: inout ContiguousArray<UInt8>) {
        let length = decimalLength(value)
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: length))
        out.withUnsafeMutableBufferPointer { buffer in
            var rest = value.magnitude
            var index = start + length - 1
            repeat {
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                index -= 1
            } while rest > 0
            if value < 0 { buffer[start] = UInt8(ascii: "-") }
        }
    }

    /// Appends `string` as a quoted JSON string with the escapes of `appendJSONString(_:to:)`
    /// for text; plain printable ASCII is copied as is.
    public static func appendJSONString(_ string: String, to out: inout ContiguousArray<UInt8>) {
        let plain = string.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: needsEscape) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        guard plain != true else { return }
        var text = ""
        appendJSONString(string, to: &text)
        out.append(contentsOf: text.utf8)
    }

    /// Appends raw bytes as a quoted JSON string: valid UTF-8 escaped as text is; a byte that is
    /// not part of valid UTF-8 becomes `\u00XX` (its Latin-1 reading), so nothing is lost.
    public static func appendJSONString(bytes: UnsafeRawBufferPointer, to out: inout ContiguousArray<UInt8>) {
        if let text = String(validating: bytes, as: UTF8.self) {
            appendJSONString(text, to: &out)
            return
        }
        out.append(UInt8(ascii: "\""))
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 {
                appendUnicodeEscape(UInt32(bytes[index]), to: &out)
                index += 1
            } else {
                var piece = ContiguousArray<UInt8>()
                appendJSONString(String(decoding: bytes[index..<(index + length)], as: UTF8.self), to: &piece)
                out.append(contentsOf: piece.dropFirst().dropLast())
                index += length
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 when it is not one.
    static func validSequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil ? 0 : length
    }

    private static func appendUnicodeEscape(_ value: UInt32, to out: inout ContiguousArray<UInt8>) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
    }

    /// Whether a UTF-8 byte stops a string from being copied as is.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }
}
