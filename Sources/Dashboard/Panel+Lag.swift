import Scenario
import Simulation
import StreamLog

extension Grid {
    /// Lag per group: status in words, a bar, messages and seconds behind, members, and a lag
    /// sparkline. With a group focused: its per-partition describe table.
    mutating func drawLag(_ world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        if let focused = state.focusedGroup, let group = world.groups.first(where: { $0.name == focused }) {
            drawDescribe(group, nowMs: world.nowMs, firstRow: state.describeFirstRow, in: rect, theme: theme)
            return
        }
        let inner = drawBox(rect, title: "Consumer lag (tab: details)", theme: theme)
        guard inner.width > 30, inner.height > 0 else { return }
        let scale = max(100, world.groups.map { Double($0.lag.totalLag) }.max() ?? 0)
        let statusWidth = (world.groups.map { GroupHealth($0, nowMs: world.nowMs).shortLabel.count }.max() ?? 2) + 1
        // Names as long as the numbers (16 columns) can spare, at least 14.
        let nameWidth = min((world.groups.map { Self.lagName($0, world: world, theme: theme).count }.max() ?? 4) + 1, max(14, inner.width - statusWidth - 16))
        let rows = Self.lagRows(groups: world.groups.count, height: inner.height)
        var y = inner.y
        for (index, group) in world.groups.prefix(rows.shown).enumerated() {
            let health = GroupHealth(group, nowMs: world.nowMs)
            let marked = world.isHighlighted(group.name)
            // The status word gets its room first; the name is what gets clipped.
            let name = Rect(x: inner.x, y: y, width: min(nameWidth, inner.width - statusWidth), height: 1)
            // A group real clients are in keeps its `ext` mark; the name is clipped for it.
            let full = theme.marked(group.name, marked)
            let tag = full.count + 1 + group.externalTag.count < name.width ? group.externalTag : group.shortExternalTag
            let labelWidth = name.width - 1 - (tag.isEmpty ? 0 : tag.count + 1)
            let tagX = put(TextLayout.clipName(full, width: labelWidth, ellipsis: theme.glyphs.ellipsis), x: name.x, y: y,
                           style: theme.highlighted(theme.style(.text), marked)) + 1
            if !tag.isEmpty { put(tag, x: tagX, y: y, style: theme.style(.accent)) }
            var x = putWhole(health.shortLabel, x: name.maxX, y: y, style: theme.style(health.role), limit: inner.maxX) + 1
            x = max(x, name.maxX + statusWidth)
            let total = Int(group.lag.totalLag)
            // Unknown seconds behind (a watched group whose record at the commit was not read yet): `-`.
            let seconds = group.lag.maxLagSeconds.map { NumberFormat.duration(seconds: $0) }
                ?? (group.lag.totalLag > 0 ? "-" : NumberFormat.duration(seconds: 0))
            let forms = [
                "\(Digits.grouped(total)) msgs \(seconds)", "\(NumberFormat.compact(total)) msgs \(seconds)",
                "\(NumberFormat.compact(total)) msgs", NumberFormat.compact(total),
            ]
            // The gauge only where the numbers (16 columns kept for them) and the member count
            // still fit beside it: the same choice for every group.
            let gaugeWidth = max(4, min(12, inner.width / 6))
            if inner.maxX - x >= gaugeWidth + 1 + 16 + 4 {
                drawGauge(Double(group.lag.totalLag) / scale, in: Rect(x: x, y: y, width: gaugeWidth, height: 1),
                          style: theme.style(health.role == .ok ? .ok : health.role), theme: theme)
                x += gaugeWidth + 1
            }
            if let numbers = Fit.first(forms, width: inner.maxX - x) {
                put(numbers, x: x, y: y, style: theme.style(group.lag.totalLag > 0 ? .accent : .text))
                x += max(numbers.count, min(18, inner.maxX - x - 1)) + 1
            }
            x = putWhole("\(group.liveMembers)\(theme.glyphs.times) ", x: x, y: y, style: theme.style(.muted), limit: inner.maxX)
            if inner.maxX - x > 3 {
                drawSparkline(group.lagHistory.map { Optional($0) }, in: Rect(x: x, y: y, width: inner.maxX - x, height: 1),
                              style: theme.style(health.role == .ok ? .muted : health.role), theme: theme)
            }
            y += 1
            if index < rows.detailed {
                var parts = [
                    Fit.Part("in \(NumberFormat.rate(group.lag.produceRate))", priority: 3),
                    Fit.Part("done \(NumberFormat.rate(group.consumedPerSecond))", priority: 3),
                ]
                if let direction = group.lagDirection { parts.append(Fit.Part(Self.trend(direction, dot: theme.dot), priority: 4)) }
                if let p99 = group.latencyP99Ms { parts.append(Fit.Part("p99 \(NumberFormat.duration(seconds: p99 / 1000))", priority: 2)) }
                if group.lag.duplicates > 0 {
                    parts.append(Fit.Part("\(Digits.grouped(Int(group.lag.duplicates))) re-delivered", priority: 2))
                }
                let strategy = group.membership.strategy?.kafkaName ?? ""
                // -1: the generation is not known (DescribeGroups does not report it).
                let membership = group.membership.generation < 0 ? strategy : "gen \(group.membership.generation) \(strategy)"
                if !membership.isEmpty { parts.append(Fit.Part(membership, priority: 1)) }
                put("  " + Fit.join(parts, separator: theme.dot, width: inner.width - 2), x: inner.x, y: y, style: theme.style(.muted))
                y += 1
            }
        }
        if rows.hidden > 0 {
            put("+\(rows.hidden) more (tab: each group)", in: Rect(x: inner.x, y: y, width: inner.width, height: 1),
                style: theme.style(.muted), ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// How `groups` share `height` rows: every group gets a line while they fit, the first ones
    /// also a detail line while rows are left; when not all fit, the last row says how many more.
    static func lagRows(groups: Int, height: Int) -> (shown: Int, detailed: Int, hidden: Int) {
        guard groups > height else { return (groups, min(groups, height - groups), 0) }
        let shown = max(0, height - 1)
        return (shown, 0, groups - shown)
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

    /// The rows of the describe panel that are not partitions: its frame, the state line and the
    /// table's header.
    static let describeChromeRows = 4

    /// One group in detail: state, generation, strategy, then `kafka-consumer-groups --describe`,
    /// compact enough for twelve partitions at 120×40, one page at a time from `firstRow` with a
    /// "rows a–b of N" marker when they do not all fit.
    mutating func drawDescribe(_ group: GroupStatus, nowMs: Int64, firstRow: Int, in rect: Rect, theme: Theme) {
        let inner = drawBox(rect, title: "\(group.name) — describe (esc: back)", theme: theme, focused: true)
        guard inner.width > 30, inner.height > 1 else { return }
        let membership = group.membership
        let health = GroupHealth(group, nowMs: nowMs)
        let summary = Rect(x: inner.x, y: inner.y, width: max(0, inner.width - health.label.count - 1), height: 1)
        let generation = membership.generation < 0 ? "" : "generation \(membership.generation)\(theme.dot)"
        let x = put("\(membership.state.rawValue)\(theme.dot)\(generation)\(membership.strategy?.kafkaName ?? "-") (\(membership.rebalanceProtocol.rawValue))",
                    in: summary, style: theme.style(.text), ellipsis: theme.glyphs.ellipsis)
        putWhole(health.label, x: x + 1, y: inner.y, style: theme.style(health.role), limit: inner.maxX)
        let allColumns: [[TableCell]] = group.lag.partitions.map { partition in
            let owner = partition.ownerMemberId.map { Self.owner($0, in: membership) } ?? ("-", nil)
            let status = partition.status
            let role: StyleRole = status == .ok || status == .notFound ? .ok : (status == .warn ? .warn : .error)
            return [
                TableCell("\(partition.topicPartition.partition)"), TableCell(owner.0, shorter: owner.1.map { [$0] } ?? []),
                partition.committedOffset.map { TableCell.count(Int($0)) } ?? "-", TableCell.count(Int(partition.logEndOffset)),
                partition.describeLag.map { TableCell.count(Int($0), style: theme.style($0 > 0 ? .accent : .text)) } ?? "-",
                TableCell(partition.describeLagMs.map { Self.oneDecimal(Double($0) / 1_000) } ?? "-"),
                TableCell(status.description, style: theme.style(role)),
            ]
        }
        let titles = ["P", "OWNER", "COMMITTED", "END", "LAG", "LAG-S", "STATUS"]
        // Every column but the owner is as wide as its widest cell; the owner takes the rest. When
        // that is too little for the owners' client ids, LAG-S and then END are dropped whole.
        let widths = titles.enumerated().map { index, title in allColumns.map { $0[index].text.count }.reduce(title.count, max) }
        let ownerNeed = min(16, allColumns.map { ($0[1].shorter.last ?? $0[1].text).count }.max() ?? 0)
        var kept = Array(titles.indices)
        for dropped in [5, 3] where inner.width - kept.filter({ $0 != 1 }).reduce(kept.count - 1, { $0 + widths[$1] }) < ownerNeed {
            kept.removeAll { $0 == dropped }
        }
        let columns = kept.map { index in
            TableColumn(titles[index], width: index == 1 ? .fill() : .fixed(widths[index]), alignment: index == 1 || index == 6 ? .left : .right)
        }
        let rows = allColumns.map { row in kept.map { row[$0] } }
        let table = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let visible = max(1, table.height - 1)
        let first = min(max(0, firstRow), max(0, rows.count - visible))
        drawTable(columns, rows: Array(rows[first...]), in: table, theme: theme)
        if rows.count > visible {
            let dash = theme.glyphTier == .ascii ? "-" : "–"
            let marker = " rows \(first + 1)\(dash)\(min(rows.count, first + visible)) of \(rows.count) ([ ]) "
            let edge = Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1)
            if marker.count <= edge.width {
                put(marker, in: edge, alignment: .right, style: theme.style(.focusedBorder), ellipsis: theme.glyphs.ellipsis)
            }
        }
    }

    /// The lag panel's name column for `group`: its name (highlight-marked) and its `ext` mark.
    static func lagName(_ group: GroupStatus, world: WorldSnapshot, theme: Theme) -> String {
        let name = theme.marked(group.name, world.isHighlighted(group.name))
        return group.externalTag.isEmpty ? name : name + " " + group.externalTag
    }

    /// An owner for the describe panel: a simulated member as `shortMember` writes it, a real
    /// client as `ext` and its own client id (`ext py-fraud:3f2a`, shorter `ext py-fraud`).
    static func owner(_ memberId: String, in membership: GroupSnapshot) -> (String, String?) {
        guard let member = membership.members.first(where: { $0.memberId == memberId }), member.isExternal else {
            return shortMember(memberId)
        }
        let uuid = memberId.hasPrefix(member.clientId + "-") ? String(memberId.dropFirst(member.clientId.count + 1).prefix(4)) : ""
        let short = "ext \(member.clientId)"
        return (uuid.isEmpty ? short : "\(short):\(uuid)", short)
    }

    /// `9.8`, `120.0`: one decimal without Foundation.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// A member id short enough for a column, and a shorter one still: `consumer-payments-1-3f2a…`
    /// → `payments-1:3f2a`, or just the client id `payments-1`.
    static func shortMember(_ memberId: String) -> (String, String?) {
        let parts = memberId.split(separator: "-")
        guard parts.count >= 4, parts[0] == "consumer" else { return (memberId, nil) }
        let uuidStart = parts.count - 5
        guard uuidStart >= 2 else { return (memberId, nil) }
        let client = parts[1..<uuidStart].joined(separator: "-")
        return ("\(client):\(parts[uuidStart].prefix(4))", client)
    }
}
