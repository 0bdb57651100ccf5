import Simulation
import StreamLog

/// The whiteboard diagram laid out from the scenario graph: sources → topic → consumers, one line
/// per source or consumer, topic by topic (a processor appears as a consumer of its input and a
/// source of its output).
enum Whiteboard {
    /// One line of the diagram.
    struct Line {
        /// A producer, processor or batch job writing the topic, with its rate (a batch job's in
        /// words: it writes once per run).
        var source: (name: String, rate: String, flowing: Bool)?
        /// The topic, on the first line of its block.
        var topic: String?
        var topicIndex: Int
        /// A group or processor reading the topic.
        var consumer: String?
        /// The topic of the block the line belongs to.
        var topicName: String

    }

    /// The lines, topic by topic in scenario order.
    static func lines(_ world: WorldSnapshot) -> [Line] {
        var lines: [Line] = []
        for (index, topic) in world.topics.enumerated() {
            let rated = world.producers.filter { $0.topic == topic.name }.map { ($0.name, $0.recordsPerSecond) }
                + world.processors.filter { $0.outputs.contains(topic.name) }.map { ($0.name, $0.recordsOutPerSecond) }
            let sources: [(name: String, rate: String, flowing: Bool)] = rated.map { ($0.0, NumberFormat.rate($0.1), $0.1 > 0) }
                + world.batches.filter { $0.to == topic.name }.map { ($0.name, $0.running ? "running" : "batch", $0.running) }
            let consumers = world.groups.filter { $0.topics.contains(topic.name) }.map(\.name)
            let count = max(1, sources.count, consumers.count)
            for row in 0..<count {
                lines.append(Line(
                    source: row < sources.count ? sources[row] : nil, topic: row == 0 ? topic.name : nil, topicIndex: index,
                    consumer: row < consumers.count ? consumers[row] : nil, topicName: topic.name))
            }
        }
        return lines
    }
}

extension Grid {
    /// The log side of the story: who writes which topic and who reads it, with live rates, moving
    /// dots on busy arrows, and each group's status in words.
    mutating func drawWhiteboard(_ world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        let title = world.chains.isEmpty ? "Whiteboard" : "Events on a log"
        let inner = drawBox(rect, title: title, theme: theme)
        guard inner.width > 20, inner.height > 0 else { return }
        let lines = Whiteboard.lines(world)
        // Narrow boards give the consumers (name and status word) the room the sources can spare.
        let narrow = inner.width < 60
        let sourceWidth = min(max(8, lines.compactMap { $0.source.map { $0.name.count + $0.rate.count + 2 } }.max() ?? 0),
                              narrow ? inner.width / 4 + 1 : inner.width / 3)
        let topicWidth = min(max(6, world.topics.map { $0.label.count + 5 }.max() ?? 0), narrow ? inner.width / 5 + 1 : inner.width / 4 + 1)
        let arrow = narrow ? 3 : 5
        let consumerX = inner.x + sourceWidth + arrow + topicWidth + arrow
        let consumerWidth = inner.maxX - consumerX
        for (row, line) in lines.prefix(inner.height).enumerated() {
            let y = inner.y + row
            let topicStyle = theme.topicStyle(line.topicIndex)
            if let source = line.source {
                // The rate is drawn whole, or not at all when it would leave the name under eight
                // letters (the throughput panel has every rate).
                let marked = world.isHighlighted(source.name)
                let rate = sourceWidth - 2 - source.rate.count >= min(source.name.count, 8) ? " " + source.rate : ""
                let x = put(TextLayout.clipName(source.name, width: sourceWidth - 1 - rate.count, ellipsis: theme.glyphs.ellipsis),
                            in: Rect(x: inner.x, y: y, width: sourceWidth - 1 - rate.count, height: 1),
                            style: theme.highlighted(theme.style(.text), marked), ellipsis: theme.glyphs.ellipsis)
                put(rate, x: x, y: y, style: theme.style(.text))
                drawFlow(in: Rect(x: inner.x + sourceWidth, y: y, width: arrow, height: 1), direction: .right,
                         phase: source.flowing ? state.animationPhase : 0, style: theme.style(.muted),
                         dotStyle: source.flowing ? topicStyle : theme.style(.muted), theme: theme)
                if marked { put(String(theme.highlightMarker), x: inner.x + sourceWidth, y: y, style: theme.style(.accent)) }
            }
            if let name = line.topic, let topic = world.topics.first(where: { $0.name == name }) {
                let label = topic.isSink ? topic.label : "\(topic.label)[\(topic.partitions.count)]"
                let marked = world.isHighlighted(name)
                put(label, in: Rect(x: inner.x + sourceWidth + arrow, y: y, width: topicWidth - 1, height: 1),
                    style: theme.highlighted(topicStyle.bolded, marked), ellipsis: theme.glyphs.ellipsis)
                if marked { put(String(theme.highlightMarker), x: inner.x + sourceWidth + arrow - 1, y: y, style: theme.style(.accent)) }
            } else if line.source != nil || line.consumer != nil {
                put(String(theme.glyphs.frame.vertical), x: inner.x + sourceWidth + arrow, y: y, style: theme.style(.muted))
            }
            guard let consumer = line.consumer, let group = world.groups.first(where: { $0.name == consumer }),
                  consumerWidth > 4 else { continue }
            let flowing = group.consumedPerSecond > 0
            drawFlow(in: Rect(x: consumerX - arrow, y: y, width: arrow, height: 1), direction: .right,
                     phase: flowing ? state.animationPhase : 0, style: theme.style(.muted),
                     dotStyle: flowing ? topicStyle : theme.style(.muted), theme: theme)
            let status = GroupHealth(group, nowMs: world.nowMs)
            let marked = world.isHighlighted(consumer)
            // The status word gets its room before the group's name is clipped; when not even four
            // letters of the name fit beside it, the word is left out whole (the lag panel has it).
            // A group real clients are in carries its `ext` mark before the name is clipped too.
            let roomy = consumerWidth - status.shortLabel.count - 2 >= consumer.count + group.externalTag.count
            let tag = roomy ? group.externalTag : group.shortExternalTag
            let tagWidth = tag.isEmpty ? 0 : tag.count + 1
            let nameWidth = min(consumer.count, max(4, consumerWidth - status.shortLabel.count - 1 - tagWidth))
            var x = put(TextLayout.clipName(consumer, width: nameWidth, ellipsis: theme.glyphs.ellipsis), in: Rect(x: consumerX, y: y, width: nameWidth, height: 1),
                        style: state.focusedGroup == consumer ? theme.style(.accent).reversed : theme.highlighted(theme.style(.text), marked),
                        ellipsis: theme.glyphs.ellipsis) + 1
            if marked { put(String(theme.highlightMarker), x: consumerX - 1, y: y, style: theme.style(.accent)) }
            if !tag.isEmpty, inner.maxX - x >= tagWidth + status.shortLabel.count {
                x = put(tag, x: x, y: y, style: theme.style(.accent)) + 1
            }
            let word = Fit.first([status.label, status.shortLabel], width: inner.maxX - x) ?? status.shortLabel
            x = putWhole(word, x: x, y: y, style: theme.style(status.role), limit: inner.maxX)
            let topicLag = group.lag.partitions.filter { $0.topicPartition.topic == line.topicName }.reduce(Int64(0)) { $0 + ($1.lag ?? 0) }
            let lag = " lag \(NumberFormat.compact(Double(topicLag)))"
            if inner.maxX - x >= lag.count { put(lag, x: x, y: y, style: theme.style(.muted)) }
        }
        if inner.height > lines.count, !world.topics.isEmpty {
            let y = inner.y + lines.count
            let text = world.topics.map { "\($0.label) \(NumberFormat.rate($0.recordsPerSecond))\(theme.dot)\(NumberFormat.compact(Double($0.totalRecords))) total" }
                .joined(separator: "   ")
            put(text, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: theme.style(.muted), ellipsis: theme.glyphs.ellipsis)
        }
    }
}

extension CellStyle {
    /// The same style, reversed.
    var reversed: CellStyle {
        var style = self
        style.reverse.toggle()
        return style
    }
}

/// A group's health in words and a style role: never colour alone.
///
/// Deliberate states first (PAUSED, STOPPED), then members that crashed but still hold their
/// partitions until the session timeout (`1/2 CRASHED (session timeout in 38 s)`), then no members, then a
/// rebalance (eager: the whole group stopped; cooperative: still consuming), then Burrow.
/// `label` is the whole sentence; `shortLabel` fits the lag panel's status column.
struct GroupHealth {
    var label: String
    var role: StyleRole
    /// The label for a narrow status column: `1/2 CRASHED`, `STOP-THE-WORLD`, `REBALANCING`.
    var shortLabel: String

    init(_ group: GroupStatus, nowMs: Int64) {
        (label, role, shortLabel) = Self.words(group, nowMs: nowMs)
    }

    /// The label, its role and the short label.
    private static func words(_ group: GroupStatus, nowMs: Int64) -> (String, StyleRole, String) {
        let members = group.membership.members
        let crashed = members.filter(\.isCrashed).count
        if let reason = group.unreported { return ("NOT REPORTED (\(reason))", .error, "NOT REPORTED") }
        if group.paused { return ("PAUSED", .warn, "PAUSED") }
        if group.stopped { return ("STOPPED", .warn, "STOPPED") }
        if crashed > 0 {
            let expires = members.compactMap(\.sessionExpiresAtMs).min() ?? nowMs
            let timeout = NumberFormat.duration(seconds: Double(max(0, expires - nowMs)) / 1_000)
            let short = "\(crashed)/\(members.count) CRASHED"
            return ("\(short) (session timeout in \(timeout))", crashed == members.count ? .error : .warn, short)
        }
        if group.liveMembers == 0 { return ("NO MEMBERS", .error, "NO MEMBERS") }
        if group.membership.state.isRebalancing {
            switch group.membership.rebalanceProtocol {
            case .eager: return ("REBALANCING (all stopped)", .warn, "STOP-THE-WORLD")
            case .cooperative: return ("REBALANCING (consuming)", .warn, "REBALANCING")
            }
        }
        let (label, role): (String, StyleRole) =
            switch group.lag.status {
            case .ok, .notFound: ("OK", .ok)
            case .warn: ("WARN", .warn)
            case .err: ("ERR", .error)
            case .stop: ("STOP", .error)
            case .stall: ("STALL", .error)
            case .rewind: ("REWIND", .warn)
            }
        return (label, role, label)
    }
}
