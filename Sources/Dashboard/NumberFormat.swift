/// Numbers as the audience reads them from the back of the room: short, steady in width, no
/// locale surprises.
///
/// Conventions: below 1 000 a count is shown whole (`999`); above, one decimal below ten units and
/// whole numbers above (`1.2k`, `12k`, `340k`, `3.4M`, `1.0G`); a rate adds `/s`, and a rate below
/// ten keeps one decimal (`0.5/s`, `3.0/s`; but `0/s`). Durations use SI spacing (`850 ms`, `9.8 s`, `42 s`,
/// `3m 05s`, `1h 02m`). Exact counts are grouped by `Digits.grouped` (`1 240`).
public enum NumberFormat {
    /// A compact count: `999`, `1.2k`, `12k`, `3.4M`.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value < 0 { return "-" + compact(-value) }
        let units: [(scale: Double, suffix: String)] = [(1, ""), (1e3, "k"), (1e6, "M"), (1e9, "G"), (1e12, "T")]
        var index = 0
        while index + 1 < units.count, value >= units[index + 1].scale { index += 1 }
        while true {
            let (scale, suffix) = units[index]
            let scaled = value / scale
            let canPromote = index + 1 < units.count
            if index == 0 {
                let whole = Int(scaled.rounded())
                if whole >= 1000, canPromote { index += 1; continue }
                return "\(whole)"
            }
            let tenths = Int((scaled * 10).rounded())
            if tenths < 100 { return "\(tenths / 10).\(tenths % 10)\(suffix)" }
            let whole = Int(scaled.rounded())
            if whole >= 1000, canPromote { index += 1; continue }
            return "\(whole)\(suffix)"
        }
    }

    /// A compact count.
    public static func compact(_ value: Int) -> String { compact(Double(value)) }

    /// A rate per second: `0.5/s`, `42/s`, `1.2k/s`.
    public static func rate(_ perSecond: Double) -> String {
        guard perSecond.isFinite else { return "–/s" }
        let magnitude = abs(perSecond)
        if magnitude < 9.95, magnitude > 0 {
            let tenths = Int((magnitude * 10).rounded())
            return (perSecond < 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)/s"
        }
        return compact(perSecond) + "/s"
    }

    /// A duration: `850 ms`, `9.8 s`, `42 s`, `3m 05s`, `1h 02m`.
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite else { return "–" }
        if seconds < 0 { return "-" + duration(seconds: -seconds) }
        let millis = Int((seconds * 1000).rounded())
        if millis < 1000 { return "\(millis) ms" }
        let tenths = Int((seconds * 10).rounded())
        if tenths < 100 { return "\(tenths / 10).\(tenths % 10) s" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60)m \(twoDigits(whole % 60))s" }
        let minutes = whole / 60
        return "\(minutes / 60)h \(twoDigits(minutes % 60))m"
    }


    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
