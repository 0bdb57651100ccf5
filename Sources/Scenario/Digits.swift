/// Whole numbers as a presenter reads them aloud: the one digit-grouping rule of the project.
///
/// The dashboard, the story headlines, the run summary and `show:` metrics all group exact counts
/// with it, so `12 400` reads the same wherever it appears.
public enum Digits {
    /// `value` with its thousands separated by spaces: `999`, `1 240`, `-12 345 678`.
    public static func grouped<Integer: BinaryInteger>(_ value: Integer) -> String {
        let digits = "\(value.magnitude)"
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        if value < 0 { out.append("-") }
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(" ") }
            out.append(digit)
        }
        return out
    }
}
