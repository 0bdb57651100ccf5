import Simulation
import StreamLog

/// Where each panel goes, as a pure function of what the scenario has and the space there is.
///
/// Small screens (under 120×36) get two rows of two panels; medium screens three rows; large
/// screens (180×50 and up) two rows of three. The request/response chains, when the scenario has
/// them, stand beside the log's whiteboard, so the two designs are seen side by side.
enum PanelLayout {
    /// Each panel with its rectangle in `body`.
    ///
    /// A focused group's describe table asks for a row per partition in the medium layout, so
    /// twelve partitions are seen at once at 120×40.
    static func arrange(_ world: WorldSnapshot, focused: String? = nil, in body: Rect) -> [(Panel, Rect)] {
        let hasChains = !world.chains.isEmpty
        let hasBatches = !world.batches.isEmpty
        let chainRows = world.chains.reduce(0) { $0 + $1.hops.count + 2 } + 2
        let boardRows = max(whiteboardRows(world) + 2, hasChains ? chainRows : 0)
        let describedPartitions = world.groups.first { $0.name == focused }?.lag.partitions.count
        let lagRows = describedPartitions.map { $0 + Grid.describeChromeRows } ?? world.groups.count * 2 + 2
        if body.width >= 180, body.height >= 44 {
            let topHeight = max(min(max(boardRows, world.topics.count + world.processors.count + 2) + 1, body.height * 45 / 100), 8)
            let rows = body.rows([.fixed(topHeight), .fill()])
            let top: [Panel] = (hasChains ? [.chains] : []) + [.whiteboard, .throughput]
            let bottom: [Panel] = [.lag, .feed] + (hasBatches ? [.batches] : [])
            return zip(top, rows[0].columns(top.map { _ in .fill() })).map { ($0, $1) }
                + zip(bottom, rows[1].columns(bottom.map { _ in .fill() })).map { ($0, $1) }
        }
        if body.width >= 120, body.height >= 34 {
            let topHeight = max(min(boardRows, body.height * 2 / 5), 6)
            let lagLimit = describedPartitions == nil ? body.height / 3 : body.height - topHeight - 4
            let rows = body.rows([.fixed(topHeight), .fixed(min(max(lagRows, 8), lagLimit)), .fill()])
            let top: [Panel] = hasChains ? [.chains, .whiteboard] : [.whiteboard]
            let middle: [Panel] = [.lag, hasBatches ? .batches : .throughput]
            let bottom: [Panel] = hasBatches ? [.throughput, .feed] : [.feed]
            return zip(top, rows[0].columns(top.count == 2 ? [.fraction(0.45), .fill()] : [.fill()])).map { ($0, $1) }
                + zip(middle, rows[1].columns([.fraction(0.5), .fill()])).map { ($0, $1) }
                + zip(bottom, rows[2].columns(bottom.count == 2 ? [.fraction(0.4), .fill()] : [.fill()])).map { ($0, $1) }
        }
        let rows = body.rows([.fraction(0.5, minimum: min(boardRows, body.height / 2)), .fill()])
        let top: [Panel] = hasChains ? [.chains, .whiteboard] : [.whiteboard, .lag]
        let bottomLeft: Panel = hasChains ? .lag : (hasBatches ? .batches : .throughput)
        return zip(top, rows[0].columns([.fraction(hasChains ? 0.45 : 0.5), .fill()])).map { ($0, $1) }
            + zip([bottomLeft, .feed], rows[1].columns([.fraction(0.5), .fill()])).map { ($0, $1) }
    }

    /// The rows the whiteboard wants: one per flow line.
    static func whiteboardRows(_ world: WorldSnapshot) -> Int {
        Whiteboard.lines(world).count + (world.topics.isEmpty ? 0 : 1)
    }
}
