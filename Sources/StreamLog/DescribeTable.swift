/// The text layout of `kafka-consumer-groups.sh --describe`: left-aligned, one space between
/// columns; GROUP, TOPIC, CONSUMER-ID and HOST at least 15 wide, PARTITION 10, offsets and LAG 15,
/// CLIENT-ID unpadded (padded only when the extra columns follow it).
extension GroupDescription {
    /// The table as Kafka prints it; `extraColumns` appends LOG-START-OFFSET and LAG-SECONDS.
    /// Empty, as Kafka prints nothing, when the group does not exist or has no rows (see `notice`).
    public func table(extraColumns: Bool = false) -> String {
        guard state != .dead, !rows.isEmpty else { return "" }
        let dash = "-"
        func width(_ values: [String]) -> Int { max(15, values.map(\.count).max() ?? 0) }
        let groupWidth = width(rows.map(\.group))
        let topicWidth = width(rows.map(\.topic))
        let consumerWidth = width(rows.map { $0.consumerId ?? dash })
        let hostWidth = width(rows.map { $0.host ?? dash })
        let clientWidth = width(rows.map { $0.clientId ?? dash })
        func line(_ cells: [String]) -> String {
            var columns = [
                pad(cells[0], groupWidth), pad(cells[1], topicWidth), pad(cells[2], 10), pad(cells[3], 15),
                pad(cells[4], 15), pad(cells[5], 15), pad(cells[6], consumerWidth), pad(cells[7], hostWidth),
            ]
            if extraColumns {
                columns += [pad(cells[8], clientWidth), pad(cells[9], 16), cells[10]]
            } else {
                columns.append(cells[8])
            }
            return columns.joined(separator: " ")
        }
        var lines = [
            line([
                "GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID",
                "LOG-START-OFFSET", "LAG-SECONDS",
            ])
        ]
        for row in rows {
            lines.append(
                line([
                    row.group, row.topic, String(row.partition), row.currentOffset.map(String.init) ?? dash,
                    String(row.logEndOffset), row.lag.map(String.init) ?? dash, row.consumerId ?? dash, row.host ?? dash,
                    row.clientId ?? dash, String(row.logStartOffset), row.lagMs.map(secondsText) ?? dash,
                ]))
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Milliseconds as seconds with three decimals, e.g. `9.800`.
    private func secondsText(_ ms: Int64) -> String {
        let fraction = String(ms % 1_000)
        return "\(ms / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
