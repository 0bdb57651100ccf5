import Scenario

/// The one rule every panel fits its text by: a number or a status word is drawn whole or not
/// at all.
///
/// A panel offers the forms it can say a thing in, most exact first (`12 345 msgs 2.1 s`,
/// `12k msgs 2.1 s`, `12k`), and `Fit` picks the first that fits; a line of parts drops its least
/// important parts whole rather than cutting one. Names may still be clipped with an ellipsis
/// (`TextLayout.clip`), which never leaves part of a number behind.
public enum Fit {
    /// The first of `forms` no wider than `width`; nil when none fits.
    ///
    ///     Fit.first(["12 345 msgs", "12k msgs", "12k"], width: 8) // "12k msgs"
    public static func first(_ forms: [String], width: Int) -> String? {
        forms.first { $0.count <= width }
    }

    /// A count in the most exact form that fits: `12 345`, then `12k`; nil when neither does.
    ///
    ///     Fit.count(1_234_567, width: 6) // "1.2M"
    public static func count(_ value: Int, width: Int) -> String? {
        first([Digits.grouped(value), NumberFormat.compact(value)], width: width)
    }

    /// One part of a line: its text and how much it matters (higher stays longer).
    public struct Part: Hashable, Sendable {
        public var text: String
        public var priority: Int

        public init(_ text: String, priority: Int = 0) {
            self.text = text
            self.priority = priority
        }
    }

    /// The parts joined by `separator`, in their order, after dropping whole parts — lowest
    /// priority first, the later one of equal priority first — until the line fits `width`.
    ///
    ///     Fit.join([Part("in 40/s", priority: 2), Part("done 40/s", priority: 1), Part("keeping up", priority: 3)],
    ///              separator: " · ", width: 22) // "in 40/s · keeping up"
    public static func join(_ parts: [Part], separator: String, width: Int) -> String {
        var kept = parts.indices.map { $0 }
        func text() -> String { kept.map { parts[$0].text }.joined(separator: separator) }
        while !kept.isEmpty, text().count > width {
            let lowest = kept.min { a, b in
                parts[a].priority != parts[b].priority ? parts[a].priority < parts[b].priority : a > b
            }
            kept.removeAll { $0 == lowest }
        }
        return text()
    }
}
