/// Decoding JSON bytes into values: the reverse of `appendJSON`, for any valid JSON.
extension Value {
    /// The value the JSON text in `bytes` encodes, or nil when the bytes are not one JSON value
    /// (plain text, binary, invalid UTF-8 inside a string, trailing bytes).
    ///
    /// Integers that fit in Int64 become `.int`; other numbers `.double`.
    public init?(json bytes: UnsafeRawBufferPointer) {
        var reader = JSONReader(bytes: bytes)
        reader.skipSpace()
        guard let value = reader.parseValue(depth: 0) else { return nil }
        reader.skipSpace()
        guard reader.position == bytes.count else { return nil }
        self = value
    }

    /// The value the JSON text in `bytes` encodes, or nil; see `init?(json:)` for raw bytes.
    public init?(json bytes: [UInt8]) {
        guard let value = bytes.withUnsafeBytes({ Value(json: $0) }) else { return nil }
        self = value
    }
}

/// A cursor over JSON bytes: parses or skips one value at a time.
struct JSONReader {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    /// Nesting deeper than this is refused rather than risking the stack.
    static let maxDepth = 512

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    /// Consumes `byte` when it is next (after white space).
    mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard current == byte else { return false }
        position += 1
        return true
    }

    mutating func parseValue(depth: Int) -> Value? {
        guard depth < JSONReader.maxDepth, let byte = current else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return parseObject(depth: depth)
        case UInt8(ascii: "["): return parseArray(depth: depth)
        case UInt8(ascii: "\""): return parseString().map(Value.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return parseNumber()
        }
    }

    private mutating func parseObject(depth: Int) -> Value? {
        position += 1
        var fields = Fields()
        if consume(UInt8(ascii: "}")) { return .object(fields) }
        repeat {
            skipSpace()
            guard current == UInt8(ascii: "\""), let name = parseString(), consume(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            guard let value = parseValue(depth: depth + 1) else { return nil }
            fields[name] = value
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}")) ? .object(fields) : nil
    }

    private mutating func parseArray(depth: Int) -> Value? {
        position += 1
        var values: [Value] = []
        if consume(UInt8(ascii: "]")) { return .array(values) }
        repeat {
            skipSpace()
            guard let value = parseValue(depth: depth + 1) else { return nil }
            values.append(value)
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]")) ? .array(values) : nil
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for index in 0..<count where bytes[position + index] != word.utf8Start[index] { return false }
        position += count
        return true
    }

    /// Parses a string at `position` (on its opening quote); nil on a bad escape, a control
    /// character, invalid UTF-8 or a missing closing quote.
    mutating func parseString() -> String? {
        position += 1
        let start = position
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { position += 1 }
        if current == UInt8(ascii: "\"") {
            defer { position += 1 }
            return String(validating: bytes[start..<position], as: UTF8.self)
        }
        var text = ContiguousArray<UInt8>(bytes[start..<position])
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return nil }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "u"):
                    guard let scalar = parseUnicodeEscape() else { return nil }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case ..<0x20:
                return nil
            default:
                text.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair.
    private mutating func parseUnicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800...0xDBFF).contains(high) {
            guard literal("\\u"), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Parses a number by JSON's grammar: an int when it has no fraction or exponent and fits.
    private mutating func parseNumber() -> Value? {
        let start = position
        var integral = true
        if current == UInt8(ascii: "-") { position += 1 }
        guard let first = current, isDigit(first) else { return nil }
        position += 1
        if first != UInt8(ascii: "0") { while let byte = current, isDigit(byte) { position += 1 } }
        if current == UInt8(ascii: ".") {
            integral = false
            position += 1
            guard let byte = current, isDigit(byte) else { return nil }
            while let byte = current, isDigit(byte) { position += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            integral = false
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard let byte = current, isDigit(byte) else { return nil }
            while let byte = current, isDigit(byte) { position += 1 }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if integral, let value = Int64(text) { return .int(value) }
        return Double(text).map(Value.double)
    }

    /// Moves past one value without building it; false when it is not valid JSON.
    mutating func skipValue(depth: Int) -> Bool {
        guard depth < JSONReader.maxDepth, let byte = current else { return false }
        switch byte {
        case UInt8(ascii: "{"):
            position += 1
            if consume(UInt8(ascii: "}")) { return true }
            repeat {
                skipSpace()
                guard current == UInt8(ascii: "\""), skipString(), consume(UInt8(ascii: ":")) else { return false }
                skipSpace()
                guard skipValue(depth: depth + 1) else { return false }
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            position += 1
            if consume(UInt8(ascii: "]")) { return true }
            repeat {
                skipSpace()
                guard skipValue(depth: depth + 1) else { return false }
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "]"))
        case UInt8(ascii: "\""):
            return skipString()
        default:
            return parseValue(depth: depth) != nil
        }
    }

    /// Moves past a string (on its opening quote) without decoding it; false on a control
    /// character, a bad escape or a missing closing quote (UTF-8 is not checked here).
    mutating func skipString() -> Bool {
        position += 1
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return true
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return false }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "n"), UInt8(ascii: "r"),
                     UInt8(ascii: "t"), UInt8(ascii: "b"), UInt8(ascii: "f"):
                    continue
                case UInt8(ascii: "u"):
                    guard hex4() != nil else { return false }
                default:
                    return false
                }
            case ..<0x20:
                return false
            default:
                continue
            }
        }
        return false
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
