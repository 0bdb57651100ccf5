/// JSON text for the values the recorders write, byte for byte under our control.
enum JSONText {
    /// `text` as a JSON string literal: quotes, backslash, C0 and C1 controls, DEL and
    /// U+2028/U+2029 escaped; everything else as UTF-8.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
                result += "\\u" + hex4(scalar.value)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A non-negative number of microseconds as seconds with one to six decimals: `0.0`,
    /// `1.5`, `2.033333`.
    static func seconds(micros: Int64) -> String {
        let whole = micros / 1_000_000
        var fraction = String(micros % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }

    /// Microseconds nearest to `seconds`, or `nil` when it is not finite or out of range.
    static func micros(_ seconds: Double) -> Int64? {
        let scaled = (seconds * 1_000_000).rounded()
        guard scaled.isFinite, let value = Int64(exactly: scaled) else { return nil }
        return value
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
