import Simulation
import StreamLog

extension Grid {
    /// Lag per group: status in words, a bar, messages and seconds behind, members, and a lag
    /// sparkline. With a group focused: its per-partition describe table.
    mutating func drawLag(_ world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        if let focused = state.focusedGroup, let group = world.groups.first(where: { $0.name == focused }) {
            drawDescribe(group, nowMs: world.nowMs, in: rect, theme: theme)
            return
        }
        let inner = drawBox(rect, title: "Consumer lag (tab: details)", theme: theme)
        guard inner.width > 30, inner.height > 0 else { return }
        let scale = max(100, world.groups.map { Double($0.lag.totalLag) }.max() ?? 0)
        let nameWidth = min(14, (world.groups.map { theme.marked($0.name, world.isHighlighted($0.name)).count }.max() ?? 4) + 1)
        let twoLines = inner.height >= world.groups.count * 2
        let statusWidth = (world.groups.map { GroupHealth($0, nowMs: world.nowMs).shortLabel.count }.max() ?? 2) + 1
        var y = inner.y
        for group in world.groups {
            guard y < inner.maxY else { break }
            let health = GroupHealth(group, nowMs: world.nowMs)
            let marked = world.isHighlighted(group.name)
            var x = put(theme.marked(group.name, marked), in: Rect(x: inner.x, y: y, width: nameWidth - 1, height: 1),
                        style: theme.highlighted(theme.style(.text), marked), ellipsis: theme.glyphs.ellipsis)
            x = inner.x + nameWidth
            x = put(health.shortLabel.padding(toLength: statusWidth, withPad: " ", startingAt: 0), x: x, y: y, style: theme.style(health.role),
                    maxWidth: inner.maxX - x)
            let gaugeWidth = max(4, min(12, inner.width / 6))
            drawGauge(Double(group.lag.totalLag) / scale, in: Rect(x: x + 1, y: y, width: gaugeWidth, height: 1),
                      style: theme.style(health.role == .ok ? .ok : health.role), theme: theme)
            x += gaugeWidth + 2
            let seconds = NumberFormat.duration(seconds: group.lag.maxLagSeconds ?? 0)
            let numbers = "\(NumberFormat.grouped(Int(group.lag.totalLag))) msgs \(seconds)"
            x = put(numbers.padding(toLength: 18, withPad: " ", startingAt: 0), x: x, y: y,
                    style: theme.style(group.lag.totalLag > 0 ? .accent : .text), maxWidth: inner.maxX - x)
            x = put("\(group.liveMembers)\(theme.glyphs.times) ", x: x, y: y, style: theme.style(.muted), maxWidth: inner.maxX - x)
            if inner.maxX - x > 3 {
                drawSparkline(group.lagHistory.map { Optional($0) }, in: Rect(x: x, y: y, width: inner.maxX - x, height: 1),
                              style: theme.style(health.role == .ok ? .muted : health.role), theme: theme)
            }
            y += 1
            if twoLines, y < inner.maxY {
                var detail = "  in \(NumberFormat.rate(group.lag.produceRate))\(theme.dot)done \(NumberFormat.rate(group.consumedPerSecond))"
                if let direction = group.lagDirection { detail += theme.dot + Self.trend(direction, dot: theme.dot) }
                if let p99 = group.latencyP99Ms { detail += "\(theme.dot)p99 \(NumberFormat.duration(seconds: p99 / 1000))" }
                if group.lag.duplicates > 0 { detail += "\(theme.dot)\(NumberFormat.grouped(Int(group.lag.duplicates))) re-delivered" }
                detail += "\(theme.dot)gen \(group.membership.generation) \(group.membership.strategy?.kafkaName ?? "")"
                put(detail, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: theme.style(.muted),
                    ellipsis: theme.glyphs.ellipsis)
                y += 1
            }
        }
    }

    /// Where the lag is heading, in words: keeping up, catching up (with the time its slope
    /// gives), falling behind, not catching up, or not consuming.
    static func trend(_ direction: LagDirection, dot: String) -> String {
        switch direction {
        case .keepingUp: "keeping up"
        case .catchingUp(let seconds) where seconds < 3_600: "catching up\(dot)~\(NumberFormat.duration(seconds: seconds))"
        case .catchingUp: "catching up"
        case .fallingBehind: "falling behind"
        case .notCatchingUp: "not catching up"
        case .notConsuming: "not consuming"
        }
    }

    /// One group in detail: state, generation, strategy, then `kafka-consumer-groups --describe`.
    mutating func drawDescribe(_ group: GroupStatus, nowMs: Int64, in rect: Rect, theme: Theme) {
        let inner = drawBox(rect, title: "\(group.name) — describe (esc: back)", theme: theme, focused: true)
        guard inner.width > 30, inner.height > 1 else { return }
        let membership = group.membership
        let health = GroupHealth(group, nowMs: nowMs)
        var x = put("\(membership.state.rawValue)\(theme.dot)generation \(membership.generation)\(theme.dot)\(membership.strategy?.kafkaName ?? "-") (\(membership.rebalanceProtocol.rawValue))\(theme.dot)",
                    in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), style: theme.style(.text), ellipsis: theme.glyphs.ellipsis)
        x = put(health.label, x: x, y: inner.y, style: theme.style(health.role), maxWidth: inner.maxX - x)
        let columns = [
            TableColumn("P", width: .fixed(3), alignment: .right), TableColumn("OWNER", width: .fill()),
            TableColumn("COMMITTED", width: .fixed(9), alignment: .right), TableColumn("END", width: .fixed(8), alignment: .right),
            TableColumn("LAG", width: .fixed(6), alignment: .right), TableColumn("LAG-S", width: .fixed(6), alignment: .right),
            TableColumn("STATUS", width: .fixed(6)),
        ]
        let rows: [[TableCell]] = group.lag.partitions.map { partition in
            let owner = partition.ownerMemberId.map { Self.shortMember($0) } ?? "-"
            let status = partition.status
            let role: StyleRole = status == .ok || status == .notFound ? .ok : (status == .warn ? .warn : .error)
            return [
                TableCell("\(partition.topicPartition.partition)"), TableCell(owner),
                TableCell(partition.committedOffset.map { "\($0)" } ?? "-"), TableCell("\(partition.logEndOffset)"),
                TableCell(partition.describeLag.map { "\($0)" } ?? "-", style: theme.style((partition.describeLag ?? 0) > 0 ? .accent : .text)),
                TableCell(partition.describeLagMs.map { Self.oneDecimal(Double($0) / 1_000) } ?? "-"),
                TableCell(status.description, style: theme.style(role)),
            ]
        }
        drawTable(columns, rows: rows, in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1), theme: theme)
    }

    /// `9.8`, `120.0`: one decimal without Foundation.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// A member id short enough for a column: `consumer-payments-1-3f2a…` → `payments-1·3f2a`.
    static func shortMember(_ memberId: String) -> String {
        let parts = memberId.split(separator: "-")
        guard parts.count >= 4, parts[0] == "consumer" else { return memberId }
        let uuidStart = parts.count - 5
        guard uuidStart >= 2 else { return memberId }
        let client = parts[1..<uuidStart].joined(separator: "-")
        return "\(client):\(parts[uuidStart].prefix(4))"
    }
}
