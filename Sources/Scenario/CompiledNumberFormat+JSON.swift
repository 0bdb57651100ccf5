import StreamLog

/// Writing a formatted number straight into JSON bytes, without building a String.
extension CompiledNumberFormat {
    /// Appends `apply(number)` as a quoted JSON string, byte for byte what
    /// `Value.string(apply(number)).appendJSON(to:)` writes; `plain` is `literalsArePlainJSON`,
    /// worked out once.
    func appendJSON(_ number: Int64, plain: Bool, to out: inout ContiguousArray<UInt8>) {
        guard plain else {
            Value.appendJSONString(apply(number), to: &out)
            return
        }
        let digits = Self.decimalLength(number)
        var length = 2
        for piece in pieces {
            switch piece {
            case .text(let text): length += text.utf8.count
            case .number(let width, _): length += max(width ?? 0, digits)
            }
        }
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "\""), count: length))
        out.withUnsafeMutableBufferPointer { buffer in
            var end = start + 1
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
        }
    }

    /// Whether the literal text needs no JSON escape (printable ASCII without `"` or `\`).
    var literalsArePlainJSON: Bool {
        pieces.allSatisfy { piece in
            guard case .text(let text) = piece else { return true }
            return text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        }
    }
}
