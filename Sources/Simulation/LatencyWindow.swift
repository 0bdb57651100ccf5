import Histogram

/// Latency percentiles over the last few seconds of simulated time (hdrhistogram per second).
///
/// A ring of one histogram per second; percentiles read the ring's merge, so p99 reacts within
/// seconds when a service slows down and forgets an old spike once it leaves the window. The merge
/// is kept as values arrive (and rebuilt only when a second that held samples leaves), so a
/// percentile costs one scan of one histogram, not a merge per frame.
public struct LatencyWindow: Sendable {
    private var seconds: [Histogram<UInt64>]
    private var cursor = 0
    /// The sum of `seconds`, always.
    private var window = LatencyWindow.histogram()
    /// Every latency ever recorded, for end-of-run summaries.
    public private(set) var allTime = LatencyWindow.histogram()

    /// The largest latency tracked, in microseconds (one hour).
    static let highest: UInt64 = 3_600_000_000

    /// A histogram of microseconds with two significant digits (1 % precision).
    static func histogram() -> Histogram<UInt64> {
        Histogram<UInt64>(highestTrackableValue: highest, numberOfSignificantValueDigits: .two)
    }

    /// Creates a window of `length` seconds.
    public init(seconds length: Int = 5) {
        seconds = Array(repeating: Self.histogram(), count: max(1, length))
    }

    /// Records one latency in milliseconds.
    public mutating func record(ms: Double) {
        record(ms: ms, count: 1)
    }

    /// Records the same latency `count` times (a run of records that waited equally long).
    public mutating func record(ms: Double, count: UInt64) {
        let micros = UInt64(min(Double(Self.highest), max(0, ms * 1000)).rounded())
        _ = seconds[cursor].record(micros, count: count)
        _ = window.record(micros, count: count)
        _ = allTime.record(micros, count: count)
    }

    /// Moves to the next second, forgetting the oldest one.
    public mutating func rotate() {
        cursor = (cursor + 1) % seconds.count
        guard Self.holdsSamples(seconds[cursor]) else { return }
        seconds[cursor].reset()
        // The merge has no subtraction: merge anew what is left of the window (most seconds of a
        // long window are empty and skipped).
        window.reset()
        for second in seconds where Self.holdsSamples(second) { window.add(second) }
    }

    /// Whether `second` recorded anything (an empty one is the same as a reset one).
    private static func holdsSamples(_ second: Histogram<UInt64>) -> Bool {
        second.totalCount > 0 || second.maxRecorded > 0
    }

    /// Samples in the window.
    public var count: UInt64 { window.totalCount }

    /// The latency at `percentile` (0–100) over the window in ms; nil without samples.
    public func percentile(_ percentile: Double) -> Double? {
        guard window.totalCount > 0 else { return nil }
        return Double(window.valueAtPercentile(percentile)) / 1000
    }

    /// The latency at `percentile` over the whole run in ms; nil without samples.
    public func allTimePercentile(_ percentile: Double) -> Double? {
        guard allTime.totalCount > 0 else { return nil }
        return Double(allTime.valueAtPercentile(percentile)) / 1000
    }
}
