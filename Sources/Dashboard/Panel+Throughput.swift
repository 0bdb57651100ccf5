import Simulation

extension Grid {
    /// Records per second per topic (with bytes), processors in → out with the share of bytes
    /// removed, each with a sparkline of the last minutes.
    mutating func drawThroughput(_ world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        let inner = drawBox(rect, title: "Throughput", theme: theme)
        guard inner.width > 24, inner.height > 0 else { return }
        let labelWidth = min(inner.width / 3, max(10, (world.topics.map(\.label.count) + world.processors.map(\.name.count)).max() ?? 0) + 1)
        var y = inner.y
        /// One row: the numbers in the most exact form that fits get their room first, then the
        /// label (clipped), then the graph in between.
        func row(_ label: String, labelStyle: CellStyle, numbers forms: [String], numbersStyle: CellStyle, history: [Double], graph: CellStyle) {
            guard y < inner.maxY else { return }
            let numbers = Fit.first(forms, width: inner.width - min(labelWidth, 8) - 1) ?? ""
            let numbersWidth = max(min(22, inner.width / 3), numbers.count)
            let labelWidth = min(labelWidth, inner.width - numbersWidth - 1)
            put(label, in: Rect(x: inner.x, y: y, width: labelWidth, height: 1), style: labelStyle, ellipsis: theme.glyphs.ellipsis)
            let graphX = inner.x + labelWidth
            let graphWidth = inner.width - labelWidth - numbersWidth - 1
            if graphWidth > 2 {
                drawSparkline(history.map { Optional($0) }, in: Rect(x: graphX, y: y, width: graphWidth, height: 1), style: graph, theme: theme)
            }
            put(numbers, in: Rect(x: inner.maxX - numbersWidth, y: y, width: numbersWidth, height: 1), alignment: .right,
                style: numbersStyle, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        for (index, topic) in world.topics.enumerated() {
            let style = theme.topicStyle(index)
            row(topic.label, labelStyle: style.bolded,
                numbers: ["\(NumberFormat.rate(topic.recordsPerSecond)) \(NumberFormat.compact(topic.bytesPerSecond))B/s",
                          NumberFormat.rate(topic.recordsPerSecond)],
                numbersStyle: theme.style(.accent), history: topic.history, graph: style)
        }
        for processor in world.processors {
            let flow = "\(NumberFormat.rate(processor.recordsInPerSecond))→\(NumberFormat.rate(processor.recordsOutPerSecond))"
            var numbers = [flow]
            if let saved = processor.savedPercent {
                let whole = "−\(Int(saved.rounded()))%"
                numbers = ["\(flow) −\(Self.oneDecimal(saved))%", "\(flow) \(whole)", "→\(NumberFormat.rate(processor.recordsOutPerSecond)) \(whole)", whole]
            }
            row("\(processor.name) (\(processor.kind))", labelStyle: theme.style(.text), numbers: numbers,
                numbersStyle: theme.style(processor.enabled ? .accent : .muted), history: processor.outHistory, graph: theme.style(.muted))
        }
        for producer in world.producers where !producer.enabled {
            row(producer.name, labelStyle: theme.style(.muted), numbers: ["stopped"], numbersStyle: theme.style(.muted), history: producer.history,
                graph: theme.style(.muted))
        }
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
            put(line, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: theme.style(.text), ellipsis: theme.glyphs.ellipsis)
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
