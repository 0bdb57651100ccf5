/// JSON for people: the same compact text as ``Value/json``, but a double is written with at most
/// the 15 significant digits a double holds in decimal, so the noise of binary sums goes away.
extension Value {
    /// The value as compact JSON, doubles rounded to 15 significant digits: a sum of `673.56` and
    /// `0.01` reads `673.57`, not `673.5699999999999`.
    public var readableJSON: String {
        var out = ""
        appendJSON(to: &out, readable: true)
        return out
    }

    /// `value` in Swift's shortest round-trip form, rounded to 15 significant digits, trailing
    /// zeros removed (a whole number keeps `.0`, as in the exports); non-finite values become null.
    ///
    ///     Value.readableNumber(673.56 + 0.01) // "673.57"
    ///     Value.readableNumber(0.1 + 0.2)       // "0.3"
    public static func readableNumber(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let text = value.description
        let sign = text.hasPrefix("-") ? "-" : ""
        let unsigned = text.dropFirst(sign.count)
        let exponentStart = unsigned.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = exponentStart.map { unsigned[..<$0] } ?? unsigned[...]
        let exponent = exponentStart.map { String(unsigned[$0...]) } ?? ""
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var whole = Array(parts[0])
        var fraction = parts.count > 1 ? Array(parts[1]) : []
        var digits = whole + fraction
        guard let firstSignificant = digits.firstIndex(where: { $0 != "0" }), digits.count - firstSignificant > 15 else {
            return text
        }
        let cut = firstSignificant + 15
        let roundUp = (digits[cut].wholeNumberValue ?? 0) >= 5
        digits = Array(digits[..<cut])
        var carry = roundUp
        var index = digits.count - 1
        while carry, index >= 0 {
            let digit = (digits[index].wholeNumberValue ?? 0) + 1
            digits[index] = Character(String(digit % 10))
            carry = digit == 10
            index -= 1
        }
        digits += Array(repeating: "0", count: whole.count + fraction.count - cut)
        if carry { digits.insert("1", at: 0) }
        whole = Array(digits[..<(whole.count + (carry ? 1 : 0))])
        fraction = Array(digits[whole.count...])
        while fraction.last == "0" { fraction.removeLast() }
        if fraction.isEmpty { fraction = ["0"] }
        return sign + String(whole) + "." + String(fraction) + exponent
    }
}
