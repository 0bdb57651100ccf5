/// A sliding one-second rate and a per-second history, on the virtual clock.
///
/// Counts are added during a tick; `endTick()` closes the tick. `perSecond` is the exact count
/// over the last second of simulated time (the last `ticksPerSecond` ticks); `history` holds one
/// sample per completed simulated second, newest last, for sparklines.
public struct RateMeter: Equatable, Sendable {
    /// Samples kept in `history`.
    public static let historyLength = 240

    private var ticks: [Double]
    private var cursor = 0
    private var windowSum: Double = 0
    private var current: Double = 0
    private var ticksIntoSecond = 0
    private var secondSum: Double = 0
    /// One value per completed second, oldest first.
    public private(set) var history: [Double] = []
    /// Everything ever counted.
    public private(set) var total: Double = 0

    /// Creates a meter for a clock whose tick is `tickMs` milliseconds.
    public init(tickMs: Int64) {
        let perSecond = max(1, Int(1000 / max(1, tickMs)))
        ticks = Array(repeating: 0, count: perSecond)
    }

    /// Counts `amount` in the current tick.
    public mutating func add(_ amount: Double) {
        current += amount
    }

    /// Closes the current tick.
    public mutating func endTick() {
        windowSum += current - ticks[cursor]
        ticks[cursor] = current
        cursor = (cursor + 1) % ticks.count
        total += current
        secondSum += current
        current = 0
        ticksIntoSecond += 1
        if ticksIntoSecond == ticks.count {
            history.append(secondSum)
            if history.count > Self.historyLength { history.removeFirst(history.count - Self.historyLength) }
            secondSum = 0
            ticksIntoSecond = 0
        }
    }

    /// The count over the last second of simulated time.
    public var perSecond: Double { max(0, windowSum) }
}
