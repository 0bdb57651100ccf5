/// Compact, deterministic JSON for values: field order kept, no spaces, shortest round-trip numbers.
extension Value {
    /// The value as compact JSON text.
    public var json: String {
        var out = ""
        appendJSON(to: &out)
        return out
    }

    /// The size in bytes of the value's compact JSON encoding: the "bytes" of records/s vs bytes/s.
    public var encodedSize: Int { json.utf8.count }

    /// Appends the compact JSON encoding to `out`.
    public func appendJSON(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += Value.jsonNumber(value)
        case .string(let value): Value.appendJSONString(value, to: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.appendJSON(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, (name, value)) in fields.enumerated() {
                if index > 0 { out += "," }
                Value.appendJSONString(name, to: &out)
                out += ":"
                value.appendJSON(to: &out)
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
