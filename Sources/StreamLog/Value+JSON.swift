/// Compact, deterministic JSON for values: field order kept, no spaces, shortest round-trip numbers.
extension Value {
    /// The value as compact JSON text.
    public var json: String {
        var out = ""
        appendJSON(to: &out)
        return out
    }

    /// The size in bytes of the value's compact JSON encoding: the "bytes" of records/s vs bytes/s.
    ///
    /// Counted without building the text (only a double's digits are formatted), so it costs no
    /// allocation on the produce path; always equal to `json.utf8.count`.
    public var encodedSize: Int {
        switch self {
        case .null: return 4
        case .bool(let value): return value ? 4 : 5
        case .int(let value): return Value.decimalLength(value)
        case .double(let value): return value.isFinite ? value.description.utf8.count : 4
        case .string(let value): return Value.encodedStringSize(value)
        case .array(let values):
            var size = 2 + max(0, values.count - 1)
            for value in values { size += value.encodedSize }
            return size
        case .object(let fields):
            var size = 2 + max(0, fields.count - 1)
            for index in 0..<fields.count {
                size += Value.encodedStringSize(fields.names[index]) + 1 + fields.values[index].encodedSize
            }
            return size
        }
    }

    /// The number of characters of `value` in decimal, sign included.
    static func decimalLength(_ value: Int64) -> Int {
        var length = value < 0 ? 2 : 1
        var rest = value.magnitude
        while rest >= 10 {
            rest /= 10
            length += 1
        }
        return length
    }

    /// The size in bytes of `string` as a quoted JSON string, escapes included.
    static func encodedStringSize(_ string: String) -> Int {
        let utf8 = string.utf8
        return utf8.withContiguousStorageIfAvailable(encodedStringSize) ?? encodedStringSize(utf8)
    }

    /// The quoted JSON size of a string given as UTF-8 bytes, with `appendJSONString`'s escapes:
    /// two bytes for `\"` `\\` `\n` `\r` `\t` `\b` `\f`, six for `\u00XX` (other C0 controls, DEL,
    /// C1 controls) and for `\u2028`/`\u2029`.
    private static func encodedStringSize<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        var size = 2 + bytes.count
        guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 >= 0x7F })
        else { return size }
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), 0x08, 0x0C:
                size += 1
            case ..<0x20, 0x7F:
                size += 5
            case 0x80...0x9F where previous == 0xC2:
                size += 4
            case 0xA8, 0xA9:
                if previous == 0x80, beforePrevious == 0xE2 { size += 3 }
            default:
                break
            }
            beforePrevious = previous
            previous = byte
        }
        return size
    }

    /// Appends the compact JSON encoding to `out`; `readable` writes doubles as
    /// ``Value/readableNumber(_:)`` does (for people, not for exports).
    public func appendJSON(to out: inout String, readable: Bool = false) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += readable ? Value.readableNumber(value) : Value.jsonNumber(value)
        case .string(let value): Value.appendJSONString(value, to: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.appendJSON(to: &out, readable: readable)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, (name, value)) in fields.enumerated() {
                if index > 0 { out += "," }
                Value.appendJSONString(name, to: &out)
                out += ":"
                value.appendJSON(to: &out, readable: readable)
            }
            out += "}"
        }
    }

    /// JSON text for a double: Swift's shortest round-trip form; non-finite values become null.
    static func jsonNumber(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }

    /// Appends `string` as a quoted JSON string: quotes, backslash, C0 and C1 controls, DEL and
    /// U+2028/U+2029 escaped; everything else as UTF-8.
    public static func appendJSONString(_ string: String, to out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
