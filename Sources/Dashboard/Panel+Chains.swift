import Simulation

extension Grid {
    /// The command side: each chain's nested calls, indented as they nest, with latency, slots in
    /// use, queues, and DOWN/SLOW in words; then the chain's rate, p99 and losses.
    mutating func drawChains(_ world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        let title = world.chains.count == 1 ? "Request/response: \(world.chains[0].name)" : "Request/response chains"
        let inner = drawBox(rect, title: title, theme: theme)
        guard inner.width > 16, inner.height > 0 else { return }
        var y = inner.y
        for chain in world.chains {
            guard y < inner.maxY else { break }
            let p99 = chain.p99Ms.map { NumberFormat.duration(seconds: $0 / 1000) } ?? (chain.failedPerSecond > 0 ? "no answers" : "–")
            var x = putWhole("\(NumberFormat.rate(chain.requestsPerSecond)) in  p99 ", x: inner.x, y: y, style: theme.style(.text), limit: inner.maxX)
            let slow = (chain.p99Ms ?? 0) > 2 * chain.hops.reduce(0) { $0 + $1.configuredLatencyMs }
            x = putWhole(p99, x: x, y: y, style: theme.style(slow || chain.p99Ms == nil ? .warn : .accent), limit: inner.maxX)
            x = putWhole("  lost ", x: x, y: y, style: theme.style(.text), limit: inner.maxX)
            if let lost = Fit.count(chain.lost, width: inner.maxX - x) {
                put(lost, x: x, y: y, style: theme.style(chain.lost > 0 ? .error : .ok))
            }
            y += 1
            let nameWidth = min(inner.width / 2, (chain.hops.map { $0.service.count }.max() ?? 8) + 4)
            for (depth, hop) in chain.hops.enumerated() {
                guard y < inner.maxY else { break }
                let indent = min(depth, 3)
                let marked = world.isHighlighted(hop.service)
                // A highlighted hop's mark takes the place of its arrow, so the name keeps its column.
                let arrow = marked ? "\(theme.highlightMarker) " : (theme.glyphTier == .ascii ? "> " : "↳ ")
                let prefix = depth == 0 ? (marked ? arrow : "") : String(repeating: " ", count: indent - 1) + arrow
                put(prefix + hop.service, in: Rect(x: inner.x, y: y, width: nameWidth + 1, height: 1),
                    style: theme.highlighted(theme.style(.text), marked), ellipsis: theme.glyphs.ellipsis)
                var x = inner.x + nameWidth + 1
                if hop.failed {
                    let down = Fit.first(["DOWN — every call fails", "DOWN — calls fail", "DOWN"], width: inner.maxX - x) ?? ""
                    put(down, x: x, y: y, style: theme.style(.error))
                } else {
                    let latency = NumberFormat.duration(seconds: hop.latencyMs / 1000)
                    let slowed = hop.latencyMs > hop.configuredLatencyMs * 1.5
                    x = putWhole(Self.padded(latency, to: 7), x: x, y: y,
                                 style: theme.style(slowed ? .warn : .muted), limit: inner.maxX)
                    let gaugeWidth = min(8, max(0, inner.maxX - x - 10))
                    if gaugeWidth > 2 {
                        let fraction = Double(hop.busy) / Double(max(1, hop.capacity))
                        drawGauge(fraction, in: Rect(x: x, y: y, width: gaugeWidth, height: 1),
                                  style: theme.style(fraction >= 1 ? .error : fraction > 0.7 ? .warn : .ok), theme: theme)
                        x += gaugeWidth + 1
                    }
                    var parts = [Fit.Part("\(hop.busy)/\(hop.capacity)", priority: 2)]
                    if hop.queued > 0 { parts.append(Fit.Part("+\(hop.queued) waiting", priority: 1)) }
                    if slowed { parts.append(Fit.Part("SLOW", priority: 3)) }
                    put(Fit.join(parts, separator: " ", width: inner.maxX - x), x: x, y: y,
                        style: theme.style(hop.queued > 0 || slowed ? .warn : .muted))
                }
                y += 1
            }
            if y < inner.maxY {
                let label = "p99 "
                put(label, x: inner.x, y: y, style: theme.style(.muted))
                drawSparkline(chain.p99History.map { Optional($0) }, in: Rect(x: inner.x + label.count, y: y, width: inner.width - label.count, height: 1),
                              style: theme.style(.accent), theme: theme)
                y += 1
            }
        }
    }
}

extension Grid {
    /// `text` cut or padded with spaces to exactly `width` characters (a column of values).
    static func padded(_ text: String, to width: Int) -> String {
        let count = text.count
        return count < width ? text + String(repeating: " ", count: width - count) : String(text.prefix(width))
    }
}
