/// Why a duration, size or number could not be read.
public struct QuantityError: Error, Sendable, Equatable {
    /// What is wrong.
    public var message: String
    /// What would have been accepted.
    public var expected: String
    /// A corrected spelling, when one is obvious (e.g. `5s` for a bare `5`).
    public var suggestion: String?

    public init(message: String, expected: String, suggestion: String? = nil) {
        self.message = message
        self.expected = expected
        self.suggestion = suggestion
    }
}

/// Parsing of the unit-carrying scalars of the format: durations and byte sizes.
public enum Quantity {
    /// Splits "1.5s" into its number and unit; nil when it does not start with a plain decimal number.
    static func split(_ text: String) -> (number: Double, unit: String)? {
        let trimmed = text.trimmingSpaces
        var digits = ""
        var rest = Substring(trimmed)
        while let first = rest.first, first.isASCII, first.isNumber || first == "." {
            digits.append(first)
            rest = rest.dropFirst()
        }
        guard !digits.isEmpty, digits.filter({ $0 == "." }).count <= 1, digits != ".",
            let number = Double(digits)
        else { return nil }
        return (number, String(rest).trimmingSpaces)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
