import StreamLog

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

    /// The format with every placeholder replaced by `number`, written straight into the
    /// string's storage.
    func apply(_ number: Int64) -> String {
        let digits = Self.decimalLength(number)
        var length = 0
        for piece in pieces {
            switch piece {
            case .text(let text): length += text.utf8.count
            case .number(let width, _): length += max(width ?? 0, digits)
            }
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var end = 0
            for piece in pieces {
                switch piece {
                case .text(let text):
                    for byte in text.utf8 {
                        buffer[end] = byte
                        end += 1
                    }
                case .number(let width, let zeros):
                    end = Self.write(number, digits: digits, width: width ?? 0, zeros: zeros, into: buffer, at: end)
                }
            }
            return end
        }
    }

    /// Writes `number` (`digits` characters with its sign) padded to `width` with zeros after
    /// the sign or with spaces before it; returns the index after it.
    static func write(
        _ number: Int64, digits: Int, width: Int, zeros: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        var index = start
        let padding = max(0, width - digits)
        if number < 0, zeros {
            buffer[index] = UInt8(ascii: "-")
            index += 1
        }
        for _ in 0..<padding {
            buffer[index] = zeros ? UInt8(ascii: "0") : UInt8(ascii: " ")
            index += 1
        }
        if number < 0, !zeros {
            buffer[index] = UInt8(ascii: "-")
            index += 1
        }
        let end = index + (number < 0 ? digits - 1 : digits)
        ByteArena.writeDigits(number.magnitude, endingAt: end, into: buffer)
        return end
    }

    /// The number of characters of `number` in decimal, sign included.
    static func decimalLength(_ number: Int64) -> Int {
        ByteArena.digitCount(number.magnitude) + (number < 0 ? 1 : 0)
    }

    /// The placeholder for the text between the braces: an optional name, then `:width`.
    private static func placeholder(_ spec: Substring) -> Piece {
        guard let colon = spec.firstIndex(of: ":") else { return .number(width: nil, zeros: false) }
        let widthText = spec[spec.index(after: colon)...]
        return .number(width: Int(widthText), zeros: widthText.hasPrefix("0"))
    }

}
