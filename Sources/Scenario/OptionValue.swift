/// Values typed on the command line, read without traps and checked against their ranges and
/// the run limits, with a message that names the option and says what was wrong.
///
///     try OptionValue.duration("90s", option: "--duration")   // 90_000
///     try OptionValue.duration("-5s", option: "--duration")   // throws "--duration must not be negative, got -5s"
public enum OptionValue {
    /// A duration of simulated time in whole ms (fractions round), at most `Limits.runDurationMs`.
    public static func duration(_ text: String, option: String) throws(OptionValueError) -> Int64 {
        if text.trimmingSpaces.hasPrefix("-") {
            throw OptionValueError(message: "\(option) must not be negative, got \(text)")
        }
        let value: Double
        do {
            value = try Quantity.fractionalMilliseconds(text)
        } catch {
            let hint = error.suggestion.map { " (did you mean \($0)?)" } ?? ""
            throw OptionValueError(message: "\(option): \(error.message)\(hint); expected \(error.expected)")
        }
        let limit = Limits.runDurationMs
        guard value.rounded() <= Double(limit) else {
            throw OptionValueError(message: "\(option) \(text) is longer than the limit of \(Limits.describe(ms: limit))")
        }
        return Int64(value.rounded())
    }

    /// A decimal number in `range`, e.g. `--speed` in 0.1…20.
    public static func number(_ text: String, option: String, in range: ClosedRange<Double>) throws(OptionValueError) -> Double {
        let bounds = "\(plain(range.lowerBound)) and \(plain(range.upperBound))"
        guard let value = Double(text.trimmingSpaces), value.isFinite, range.contains(value) else {
            throw OptionValueError(message: "\(option) must be between \(bounds), got \(text)")
        }
        return value
    }

    /// A seed: a whole number from 0 to 2⁶⁴ − 1.
    public static func seed(_ text: String, option: String) throws(OptionValueError) -> UInt64 {
        guard let value = UInt64(text.trimmingSpaces) else {
            throw OptionValueError(message: "\(option) must be a whole number from 0 to \(UInt64.max), got \(text)")
        }
        return value
    }

    /// A terminal size `COLSxROWS` with 10…1000 columns and 5…500 rows.
    public static func size(_ text: String, option: String) throws(OptionValueError) -> (cols: Int, rows: Int) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let cols = Int(parts[0]), let rows = Int(parts[1]), (10...1000).contains(cols),
            (5...500).contains(rows)
        else {
            throw OptionValueError(message: "\(option) must be COLSxROWS with 10 to 1000 columns and 5 to 500 rows (e.g. 120x40), got \(text)")
        }
        return (cols, rows)
    }

    /// `value` without a needless ".0".
    private static func plain(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// A command-line value that cannot be used, with the whole message for the user.
public struct OptionValueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, naming the option and what it accepts.
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
