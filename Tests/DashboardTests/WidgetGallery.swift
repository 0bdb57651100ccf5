import Dashboard
import Scenario

/// Every widget on one screen, laid out from the size, for snapshots at several sizes and tiers.
enum WidgetGallery {
    static let minimum = TerminalSize(cols: 60, rows: 20)

    static func render(_ size: TerminalSize, theme: Theme, help: Bool = false) -> Grid {
        guard size.cols >= minimum.cols, size.rows >= minimum.rows else {
            return TooSmallScreen.render(have: size, need: minimum, theme: theme)
        }
        var grid = Grid(size: size)
        let screen = Rect(size: size)
        let bands = screen.rows([.fixed(1), .fill(), .fraction(0.25, minimum: 5)])
        grid.fill(bands[0], with: Cell(" ", style: theme.style(.header)))
        let ellipsis = theme.glyphs.ellipsis
        grid.put(" orders-demo  step 2/5  t=12.5 s  x2", in: bands[0], style: theme.style(.header), ellipsis: ellipsis)
        grid.put(" PAUSED ", in: bands[0], alignment: .right, style: theme.style(.paused), ellipsis: ellipsis)
        let panels = bands[1].columns([.fraction(0.5, minimum: 30), .fill()], spacing: 1)

        let throughput = grid.drawBox(panels[0], title: "Throughput", theme: theme, focused: true)
        let lines = throughput.rows(Array(repeating: .fill(minimum: 1), count: 3), spacing: 1)
        for (index, line) in lines.enumerated() {
            let parts = line.columns([.fixed(8), .fill(), .fixed(7)], spacing: 1)
            grid.put("topic-\(index)", in: parts[0], style: theme.topicStyle(index), ellipsis: ellipsis)
            grid.drawSparkline(samples(seed: index), in: parts[1], style: theme.topicStyle(index), theme: theme)
            let rate = NumberFormat.rate(Double(1_234 * (index + 1)))
            grid.put(rate, in: parts[2], alignment: .right, ellipsis: ellipsis)
        }

        let lag = grid.drawBox(panels[1], title: "Lag", theme: theme, corners: .rounded)
        let lagRows = lag.rows([.fixed(1), .fixed(1), .fill()], spacing: 1)
        let gauge = lagRows[0].columns([.fill(), .fixed(12)], spacing: 1)
        grid.drawGauge(0.62, in: gauge[0], style: theme.style(.warn), theme: theme)
        grid.put("WARN 1 240", in: gauge[1], alignment: .right, style: theme.style(.warn), ellipsis: ellipsis)
        grid.drawFlow(
            in: lagRows[1], direction: .right, phase: 3, dotSpacing: 5, label: NumberFormat.rate(2_400),
            style: theme.style(.muted), dotStyle: theme.topicStyle(1), theme: theme)
        grid.drawTable(
            [
                TableColumn("p", width: .fixed(2), alignment: .right), TableColumn("owner"),
                TableColumn("offset", width: .fixed(8), alignment: .right),
                TableColumn("lag", width: .fixed(6), alignment: .right),
            ],
            rows: (0..<8).map { partition in
                [
                    TableCell("\(partition)"), TableCell("billing-consumer-\(partition % 3)-7f9c"),
                    TableCell(Digits.grouped(10_000 + partition * 3_517)),
                    TableCell(NumberFormat.compact(partition * 611), style: theme.style(partition == 5 ? .error : .ok)),
                ]
            },
            in: lagRows[2], theme: theme, selectedRow: 2)

        let narration = grid.drawBox(bands[2], title: "Narration", theme: theme)
        grid.drawWrapped(
            "A consumer group splits the partitions of a topic among its members. Press a to add a member and "
                + "watch the group rebalance: each partition moves to exactly one owner, and lag drains faster "
                + "until the members outnumber the partitions.",
            in: narration, style: theme.style(.text), theme: theme)
        if help { grid.drawHelpOverlay(.standard, in: screen, theme: theme) }
        return grid
    }

    /// A deterministic, wavy series with a gap, long enough for the widest sparkline.
    static func samples(seed: Int) -> [Double?] {
        (0..<400).map { index in
            let t = index + seed * 17
            guard t % 41 != 0 else { return nil }
            return Double((t * 37 + seed * 11) % 23) + Double(t % 50)
        }
    }
}
