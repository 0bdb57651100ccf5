/// The `{…}` placeholders of sequence and pick formats: `{n}`, `{}`, `{n:05}`, `{:02}`.
///
/// Inside the braces an optional name (ignored) and an optional `:` width; a leading 0 pads with
/// zeros, otherwise with spaces. `{{` and `}}` write literal braces.
enum NumberFormat {
    /// The problem with a format's placeholders, or nil when it is well formed and has at least one.
    static func problem(in format: String) -> String? {
        var depth = 0
        var placeholders = 0
        var chars = Substring(format)
        while let char = chars.first {
            chars = chars.dropFirst()
            if (char == "{" || char == "}"), chars.first == char {
                chars = chars.dropFirst()
                continue
            }
            if char == "{" {
                guard let close = chars.firstIndex(of: "}") else { return "unclosed '{' in format '\(format)'" }
                let spec = chars[chars.startIndex..<close]
                if let colon = spec.firstIndex(of: ":") {
                    let width = spec[spec.index(after: colon)...]
                    guard !width.isEmpty, width.allSatisfy({ $0.isASCII && $0.isNumber }), width.count <= 2 else {
                        return "bad width '\(width)' in format '\(format)'"
                    }
                }
                placeholders += 1
                chars = chars[chars.index(after: close)...]
            } else if char == "}" {
                depth += 1
            }
        }
        if depth > 0 { return "unmatched '}' in format '\(format)'" }
        return placeholders == 0 ? "format '\(format)' has no {} placeholder for the number" : nil
    }
}
