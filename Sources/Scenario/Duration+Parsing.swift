extension Quantity {
    /// The units a duration may carry, with their length in milliseconds.
    static let durationUnits: [(unit: String, ms: Double)] = [
        ("us", 0.001), ("µs", 0.001), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000),
        ("d", 86_400_000),
    ]

    /// Spelled-out units people write, mapped to the format's unit for suggestions.
    static let unitAliases: [String: String] = [
        "msec": "ms", "millis": "ms", "sec": "s", "secs": "s", "second": "s", "seconds": "s", "min": "m",
        "mins": "m", "minute": "m", "minutes": "m", "hr": "h", "hrs": "h", "hour": "h", "hours": "h", "day": "d",
        "days": "d",
    ]

    static let durationExpected = "a duration with a unit, such as 250ms, 1.5s, 2m, 1h or 7d"

    /// Parses a duration such as "10ms", "1.5s", "2m", "1h", "7d" or "200us" into (possibly fractional) milliseconds.
    ///
    ///     try Quantity.fractionalMilliseconds("1.5s")  // 1500
    ///     try Quantity.fractionalMilliseconds("200us") // 0.2
    public static func fractionalMilliseconds(_ text: String) throws(QuantityError) -> Double {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("-") {
            throw QuantityError(
                message: "negative duration '\(text)'", expected: durationExpected)
        }
        guard let (number, unit) = split(trimmed) else {
            throw QuantityError(message: "'\(text)' is not a duration", expected: durationExpected)
        }
        if unit.isEmpty {
            throw QuantityError(
                message: "duration '\(text)' has no unit", expected: durationExpected,
                suggestion: "\(trimmed)s")
        }
        guard let match = durationUnits.first(where: { $0.unit == unit }) else {
            let known = durationUnits.map(\.unit)
            let fix = unitAliases[unit.lowercased()] ?? Suggestion.closest(to: unit, among: known)
            throw QuantityError(
                message: "unknown duration unit '\(unit)' in '\(text)'", expected: durationExpected,
                suggestion: fix.map { "\(digitsOf(trimmed, unit))\($0)" })
        }
        return number * match.ms
    }

    /// Parses a duration into whole milliseconds; fractions of a millisecond are an error.
    ///
    ///     try Quantity.milliseconds("1.5s")  // 1500
    ///     try Quantity.milliseconds("7d")    // 604_800_000
    public static func milliseconds(_ text: String) throws(QuantityError) -> Int64 {
        let value = try fractionalMilliseconds(text)
        guard value.rounded() == value else {
            throw QuantityError(
                message: "duration '\(text)' is not a whole number of milliseconds",
                expected: durationExpected)
        }
        guard value < 9.0e15 else {
            throw QuantityError(message: "duration '\(text)' is too long", expected: durationExpected)
        }
        return Int64(value)
    }

    /// The number part of `text`, given that it ends with `unit`.
    private static func digitsOf(_ text: String, _ unit: String) -> String {
        String(text.dropLast(unit.count)).trimmingSpaces
    }
}
