import Foundation

/// One measured figure of `streamstage bench`: a value, the baseline measured in the same run,
/// their ratio, and the goal it is held to.
struct BenchFigure: Codable {
    /// The figure's name, e.g. `log.append`.
    var name: String
    var value: Double
    /// The unit of `value` (and of `baseline` unless the goal says otherwise).
    var unit: String
    /// What `value` is compared with, measured in the same run; nil when nothing compares.
    var baseline: Double?
    /// value ÷ baseline (or as the figure defines it); nil without a baseline.
    var ratio: Double?
    /// The goal in words, e.g. "value ≥ 20 M/s and ratio ≥ 1".
    var goal: String
    /// Whether the goal is met.
    var met: Bool

    private enum CodingKeys: String, CodingKey {
        case name, value, unit, baseline, ratio, goal, met
    }

    /// Encodes every key, `baseline` and `ratio` as null when there are none.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(value, forKey: .value)
        try container.encode(unit, forKey: .unit)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(ratio, forKey: .ratio)
        try container.encode(goal, forKey: .goal)
        try container.encode(met, forKey: .met)
    }

    /// The figures as a JSON array, one object per figure.
    static func json(_ figures: [BenchFigure]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(figures), let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }

    /// The figures as an aligned text table.
    static func table(_ figures: [BenchFigure]) -> String {
        let header = ["NAME", "VALUE", "UNIT", "BASELINE", "RATIO", "GOAL", "MET"]
        let rows = figures.map { figure in
            [figure.name, format(figure.value), figure.unit, figure.baseline.map(format) ?? "-",
             figure.ratio.map(format) ?? "-", figure.goal, figure.met ? "yes" : "NO"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column] : row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A number for the table: SI-scaled above 10 000, three significant decimals below.
    static func format(_ number: Double) -> String {
        let magnitude = abs(number)
        if magnitude >= 1e9 { return String(format: "%.2fG", number / 1e9) }
        if magnitude >= 1e6 { return String(format: "%.2fM", number / 1e6) }
        if magnitude >= 1e4 { return String(format: "%.1fk", number / 1e3) }
        if magnitude >= 100 || number == number.rounded() { return String(format: "%.0f", number) }
        return String(format: "%.3g", number)
    }
}
