import StreamLog

/// JSON text for the values the recorders write, byte for byte under our control.
enum JSONText {
    /// `text` as a JSON string literal (the escaping of `Value.appendJSONString`).
    static func string(_ text: String) -> String {
        var result = ""
        Value.appendJSONString(text, to: &result)
        return result
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
}
