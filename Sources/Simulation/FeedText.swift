import StreamLog

/// How record bytes read in the feed: text as it is with control characters escaped, and
/// `<binary 42 B>` for bytes that are not UTF-8.
enum FeedText {
    /// The feed's text for a record value: JSON as `Value.readableJSON` writes it (doubles
    /// rounded to the digits a double holds), anything else as `text(_:)` shows it.
    static func payload(_ bytes: UnsafeRawBufferPointer) -> String {
        if let json = Value(json: bytes) { return json.readableJSON }
        return text(bytes)
    }

    /// The feed's text for `bytes`: JSON and other UTF-8 text as is, except that tab, line
    /// breaks and other control characters are shown as `\t`, `\n`, `\r` and `\xNN`.
    static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { return "<binary \(bytes.count) B>" }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            case _ where isControl(scalar):
                let hex = String(scalar.value, radix: 16)
                shown += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// C0 controls, DEL and C1 controls.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
