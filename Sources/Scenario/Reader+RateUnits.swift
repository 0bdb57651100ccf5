import Foundation

extension Reader {
    /// The units a rate is mistakenly written with, and how many seconds each one is.
    static let rateUnits: [(names: [String], seconds: Double)] = [
        (["s", "sec", "second"], 1), (["m", "min", "minute"], 60), (["h", "hour"], 3_600),
    ]

    /// The per-second number meant by a rate written with a unit (`2000/s`, `60 per minute`,
    /// `7200/h`), as the text to write instead; nil when `text` is not such a rate.
    ///
    ///     Reader.perSecond("2000/s")          // "2000"
    ///     Reader.perSecond("90 per minute")   // "1.5"
    static func perSecond(_ text: String) -> String? {
        let lowered = text.lowercased()
        let parts: [Substring]
        if lowered.contains("/") {
            parts = lowered.split(separator: "/", omittingEmptySubsequences: false)
        } else if lowered.contains(" per ") {
            parts = lowered.components(separatedBy: " per ").map { Substring($0) }
        } else {
            return nil
        }
        guard parts.count == 2, let value = Double(parts[0].trimmingCharacters(in: .whitespaces)), value >= 0 else {
            return nil
        }
        var unit = parts[1].trimmingCharacters(in: .whitespaces)
        if unit.hasSuffix("s"), unit.count > 1 { unit.removeLast() }
        guard let seconds = rateUnits.first(where: { $0.names.contains(unit) })?.seconds else { return nil }
        let perSecond = value / seconds
        if perSecond == perSecond.rounded(), perSecond < 1e15 { return String(Int64(perSecond)) }
        return String(format: "%.3f", perSecond).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
    }
}
