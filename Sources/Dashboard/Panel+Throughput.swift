import Simulation
import StreamLog

extension Grid {
    /// Records per second per topic (with bytes), processors in → out with the share of bytes
    /// removed, each with a sparkline of the last minutes.
    mutating func drawThroughput(_ world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        var inner = drawBox(rect, title: "Throughput", theme: theme)
        guard inner.width > 24, inner.height > 0 else { return }
        // `--ratio` headlines first (a watched cluster): they are the point of a reduction demo.
        for ratio in world.cluster?.ratios ?? [] {
            for line in Self.ratioLines(ratio, width: inner.width) where inner.height > 0 {
                put(line, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), style: theme.style(.accent).bolded,
                    ellipsis: theme.glyphs.ellipsis)
                inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
            }
        }
        let wantedLabelWidth = min(inner.width / 3, max(10, (world.topics.map(\.label.count) + world.processors.map(\.name.count)).max() ?? 0) + 1)
        typealias Row = (labels: [String], labelStyle: CellStyle, numbers: [String], numbersStyle: CellStyle, history: [Double], graph: CellStyle)
        var rows: [Row] = []
        for (index, topic) in world.topics.enumerated() {
            let style = theme.topicStyle(index)
            let marked = world.isHighlighted(topic.name)
            rows.append(([theme.marked(topic.label, marked)], theme.highlighted(style.bolded, marked),
                         ["\(NumberFormat.rate(topic.recordsPerSecond)) \(NumberFormat.compact(topic.bytesPerSecond))B/s",
                          NumberFormat.rate(topic.recordsPerSecond)],
                         theme.style(.accent), topic.history, style))
        }
        for processor in world.processors {
            let flow = "\(NumberFormat.rate(processor.recordsInPerSecond))→\(NumberFormat.rate(processor.recordsOutPerSecond))"
            var numbers = [flow]
            if let saved = processor.savedPercent {
                let whole = "−\(Int(saved.rounded()))%"
                numbers = ["\(flow) −\(Self.oneDecimal(saved))%", "\(flow) \(whole)", "→\(NumberFormat.rate(processor.recordsOutPerSecond)) \(whole)", whole]
            }
            let marked = world.isHighlighted(processor.name)
            rows.append(([theme.marked("\(processor.name) (\(processor.kind))", marked), theme.marked(processor.name, marked)],
                         theme.highlighted(theme.style(.text), marked), numbers,
                         theme.style(processor.enabled ? .accent : .muted), processor.outHistory, theme.style(.muted)))
        }
        for producer in world.producers where !producer.enabled {
            rows.append(([producer.name], theme.style(.muted), ["stopped"], theme.style(.muted), producer.history, theme.style(.muted)))
        }
        // The numbers, each in the most exact form that fits, get their room first (one width for
        // every row, so the graphs line up); then the labels; the graphs take the rest.
        let numbers = rows.map { Fit.first($0.numbers, width: inner.width - min(wantedLabelWidth, 8) - 1) ?? "" }
        let numbersWidth = max(min(22, inner.width / 3), numbers.map(\.count).max() ?? 0)
        let labelWidth = min(wantedLabelWidth, inner.width - numbersWidth - 1)
        for (index, row) in rows.prefix(inner.height).enumerated() {
            let y = inner.y + index
            // The label in its longest form that fits, else its name clipped with its telling suffix kept.
            let label = Fit.first(row.labels, width: labelWidth - 1)
                ?? TextLayout.clipName(row.labels.last ?? "", width: labelWidth - 1, ellipsis: theme.glyphs.ellipsis)
            put(label, x: inner.x, y: y, style: row.labelStyle)
            let graphWidth = inner.width - labelWidth - numbersWidth - 1
            if graphWidth > 2 {
                drawSparkline(row.history.map { Optional($0) }, in: Rect(x: inner.x + labelWidth, y: y, width: graphWidth, height: 1),
                              style: row.graph, theme: theme)
            }
            put(numbers[index], in: Rect(x: inner.maxX - numbersWidth, y: y, width: numbersWidth, height: 1), alignment: .right,
                style: row.numbersStyle, ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// A `--ratio` headline in `width`: the whole sentence on one line, else on two (broken
    /// before "and"), else shorter forms; a share is never cut.
    static func ratioLines(_ ratio: TopicRatio, width: Int) -> [String] {
        let (bytes, records) = (TopicRatio.percent(ratio.bytesPercent), TopicRatio.percent(ratio.recordsPercent))
        if ratio.text.count <= width { return [ratio.text] }
        let halves = ["\(ratio.output) keeps \(bytes) of \(ratio.input)'s bytes", "  and \(records) of its records"]
        if halves.allSatisfy({ $0.count <= width }) { return halves }
        let forms = ["\(ratio.output) keeps \(bytes) of bytes, \(records) of records", "\(ratio.output): \(bytes) bytes, \(records) records",
                     "\(bytes) bytes, \(records) records"]
        return [Fit.first(forms, width: width) ?? forms[forms.count - 1]]
    }

    /// The batch side: when each job last ran, when it runs next, what it found, and how old its
    /// answers are by the time anyone sees them.
    mutating func drawBatches(_ world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        let inner = drawBox(rect, title: "Batch jobs (slow data)", theme: theme)
        guard inner.width > 20, inner.height > 0 else { return }
        var y = inner.y
        for batch in world.batches {
            guard y < inner.maxY else { break }
            let next = NumberFormat.duration(seconds: Double(max(0, batch.nextRunMs - world.nowMs)) / 1000)
            var line = "\(batch.name): every \(NumberFormat.duration(seconds: Double(batch.everyMs) / 1000))\(theme.dot)runs \(batch.runs)"
            line += batch.running ? "\(theme.dot)running now" : "\(theme.dot)next in \(next)"
            let marked = world.isHighlighted(batch.name)
            put(theme.marked(line, marked), in: Rect(x: inner.x, y: y, width: inner.width, height: 1),
                style: theme.highlighted(theme.style(.text), marked), ellipsis: theme.glyphs.ellipsis)
            y += 1
            guard y < inner.maxY else { break }
            let p50 = batch.timeToInsightP50Ms.map { NumberFormat.duration(seconds: $0 / 1000) } ?? "–"
            let p99 = batch.timeToInsightP99Ms.map { NumberFormat.duration(seconds: $0 / 1000) } ?? "–"
            put("time-to-insight p50 \(p50)\(theme.dot)p99 \(p99)", in: Rect(x: inner.x + 2, y: y, width: inner.width - 2, height: 1),
                style: theme.style(.warn), ellipsis: theme.glyphs.ellipsis)
            y += 1
            for result in batch.lastResults.prefix(max(0, min(3, inner.maxY - y))) {
                put(result.readableJSON, in: Rect(x: inner.x + 2, y: y, width: inner.width - 2, height: 1), style: theme.style(.muted),
                    ellipsis: theme.glyphs.ellipsis)
                y += 1
            }
        }
    }
}
