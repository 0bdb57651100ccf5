import Simulation

extension Grid {
    /// The event feed, newest at the bottom: sampled records (topic in its colour,
    /// partition@offset, key, payload; "1/N" when sampled; "from CLIENT" for a Kafka client's
    /// record) and group and script events.
    mutating func drawFeed(_ world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        var title = "Event feed"
        if state.feedFrozen { title += " — FROZEN (f)" }
        if let filter = state.feedFilter { title += " — '\(filter)'" }
        let inner = drawBox(rect, title: title, theme: theme)
        guard inner.width > 12, inner.height > 0 else { return }
        let entries = (state.frozenFeed ?? world.feed).filter { entry in
            guard let filter = state.feedFilter?.lowercased() else { return true }
            return entry.subject?.lowercased().contains(filter) ?? false
        }
        let topicIndex = Dictionary(world.topics.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let shown = entries.suffix(inner.height)
        var y = inner.maxY - shown.count
        for entry in shown {
            var x = put(Self.feedTime(entry.timeMs) + " ", x: inner.x, y: y, style: theme.style(.muted), maxWidth: inner.width)
            switch entry.kind {
            case .record(let topic, let partition, let offset, let key, let payload, let sampleOf),
                 .clientRecord(let topic, let partition, let offset, let key, let payload, _, let sampleOf):
                let style = theme.topicStyle(topicIndex[topic] ?? 0)
                // The topic and key may be clipped (never inside a number); the position and the
                // sampling are drawn whole or not at all.
                x = put(topic, in: Rect(x: x, y: y, width: inner.maxX - x, height: 1), style: style.bolded, ellipsis: theme.glyphs.ellipsis) + 1
                x = putWhole("p\(partition)@\(offset) ", x: x, y: y, style: theme.style(.muted), limit: inner.maxX)
                if let key {
                    x = put(key, in: Rect(x: x, y: y, width: inner.maxX - x, height: 1), style: theme.style(.accent),
                            ellipsis: theme.glyphs.ellipsis) + 1
                }
                if sampleOf > 1 { x = putWhole("1/\(NumberFormat.compact(sampleOf)) ", x: x, y: y, style: theme.style(.muted), limit: inner.maxX) }
                if case .clientRecord(_, _, _, _, _, let client, _) = entry.kind {
                    x = put("from \(client)", in: Rect(x: x, y: y, width: max(0, min(inner.maxX - x, client.count + 5)), height: 1),
                            style: theme.style(.accent), ellipsis: theme.glyphs.ellipsis) + 1
                }
                put(payload, in: Rect(x: x, y: y, width: inner.maxX - x, height: 1), style: theme.style(.text), ellipsis: theme.glyphs.ellipsis)
            case .group(_, let text):
                let role: StyleRole = text.contains("crashed") || text.contains("timed out") || text.contains("out of range") ? .warn : .title
                put(text, in: Rect(x: x, y: y, width: inner.maxX - x, height: 1), style: theme.style(role), ellipsis: theme.glyphs.ellipsis)
            case .topic(_, let text):
                put(text, in: Rect(x: x, y: y, width: inner.maxX - x, height: 1), style: theme.style(.warn), ellipsis: theme.glyphs.ellipsis)
            case .script(let text):
                put(text, in: Rect(x: x, y: y, width: inner.maxX - x, height: 1), style: theme.style(.accent), ellipsis: theme.glyphs.ellipsis)
            }
            y += 1
        }
    }

    /// Simulated time for a feed line: `12.3s`, `1:02.3`.
    static func feedTime(_ ms: Int64) -> String {
        let tenths = ms / 100
        let seconds = tenths / 10
        if seconds < 60 { return "\(seconds).\(tenths % 10)s" }
        return "\(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60).\(tenths % 10)"
    }
}
