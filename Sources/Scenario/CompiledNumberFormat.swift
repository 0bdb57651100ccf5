/// A `NumberFormat` parsed once into literal text and placeholders, for formatting per record.
struct CompiledNumberFormat: Sendable {
    /// A run of literal text, or a placeholder with its width and padding.
    enum Piece: Sendable {
        case text(String)
        case number(width: Int?, zeros: Bool)
    }

    let pieces: [Piece]

    /// Parses `format`: `{{`/`}}` are literal braces, `{name:width}` a placeholder, and a `{`
    /// without a closing brace is literal text.
    init(_ format: String) {
        var pieces: [Piece] = []
        var text = ""
        var chars = Substring(format)
        while let char = chars.first {
            chars = chars.dropFirst()
            if char == "{", chars.first == "{" {
                text.append("{")
                chars = chars.dropFirst()
            } else if char == "}", chars.first == "}" {
                text.append("}")
                chars = chars.dropFirst()
            } else if char == "{", let close = chars.firstIndex(of: "}") {
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(Self.placeholder(chars[chars.startIndex..<close]))
                chars = chars[chars.index(after: close)...]
            } else {
                text.append(char)
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    /// The format with every placeholder replaced by `number`.
    func apply(_ number: Int64) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .number(let width, let zeros): Self.append(number, width: width, zeros: zeros, to: &out)
            }
        }
        return out
    }

    /// The placeholder for the text between the braces: an optional name, then `:width`.
    private static func placeholder(_ spec: Substring) -> Piece {
        guard let colon = spec.firstIndex(of: ":") else { return .number(width: nil, zeros: false) }
        let widthText = spec[spec.index(after: colon)...]
        return .number(width: Int(widthText), zeros: widthText.hasPrefix("0"))
    }

    /// Appends `number` in decimal, padded to `width` with zeros (after the sign) or spaces.
    private static func append(_ number: Int64, width: Int?, zeros: Bool, to out: inout String) {
        let digits = String(number)
        guard let width, width > digits.count else {
            out += digits
            return
        }
        let padding = width - digits.count
        if zeros, number < 0 {
            out += "-"
            out += String(repeating: "0", count: padding)
            out += digits.dropFirst()
        } else {
            out += String(repeating: zeros ? "0" : " ", count: padding)
            out += digits
        }
    }
}
