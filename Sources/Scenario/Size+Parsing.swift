extension Quantity {
    /// The units a byte size may carry: decimal (KB = 1000) and binary (KiB = 1024).
    static let sizeUnits: [(unit: String, bytes: Double)] = [
        ("B", 1), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12),
        ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("TiB", 1_099_511_627_776),
    ]

    static let sizeExpected = "a size in bytes, such as 500, 64KiB, 1MB or 1GiB"

    /// Parses a byte size such as "500", "64KiB", "1MB" or "1.5GiB" into whole bytes.
    ///
    ///     try Quantity.bytes("64KiB")  // 65_536
    ///     try Quantity.bytes("1MB")    // 1_000_000
    public static func bytes(_ text: String) throws(QuantityError) -> Int64 {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("-") {
            throw QuantityError(message: "negative size '\(text)'", expected: sizeExpected)
        }
        guard let (number, unit) = split(trimmed) else {
            throw QuantityError(message: "'\(text)' is not a size", expected: sizeExpected)
        }
        let factor: Double
        if unit.isEmpty {
            factor = 1
        } else if let match = sizeUnits.first(where: { $0.unit == unit }) {
            factor = match.bytes
        } else {
            let caseInsensitive = sizeUnits.first { $0.unit.lowercased() == unit.lowercased() }
            throw QuantityError(
                message: "unknown size unit '\(unit)' in '\(text)'", expected: sizeExpected,
                suggestion: (caseInsensitive?.unit ?? Suggestion.closest(to: unit, among: sizeUnits.map(\.unit)))
                    .map { String(trimmed.dropLast(unit.count)).trimmingSpaces + $0 })
        }
        let value = number * factor
        guard value.rounded() == value else {
            throw QuantityError(message: "size '\(text)' is not a whole number of bytes", expected: sizeExpected)
        }
        guard value < 9.0e18 else {
            throw QuantityError(message: "size '\(text)' is too large", expected: sizeExpected)
        }
        return Int64(value)
    }
}
