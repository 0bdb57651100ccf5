import Histogram

/// Latency percentiles over the last few seconds of simulated time (hdrhistogram per second).
///
/// A ring of one histogram per second; percentiles merge the ring, so p99 reacts within seconds
/// when a service slows down and forgets an old spike once it leaves the window.
public struct LatencyWindow: Sendable {
    private var seconds: [Histogram<UInt64>]
    private var cursor = 0
    /// Every latency ever recorded, for end-of-run summaries.
    public private(set) var allTime = LatencyWindow.histogram()

    /// The largest latency tracked, in microseconds (one hour).
    static let highest: UInt64 = 3_600_000_000

    /// A histogram of microseconds with two significant digits (1 % precision): small enough to
    /// merge a window of them on every frame.
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
        _ = allTime.record(micros, count: count)
    }

    /// Moves to the next second, forgetting the oldest one.
    public mutating func rotate() {
        cursor = (cursor + 1) % seconds.count
        seconds[cursor].reset()
    }

    /// Samples in the window.
    public var count: UInt64 { seconds.reduce(0) { $0 + $1.totalCount } }

    /// The latency at `percentile` (0–100) over the window in ms; nil without samples.
    public func percentile(_ percentile: Double) -> Double? {
        var merged = Self.histogram()
        for second in seconds { merged.add(second) }
        guard merged.totalCount > 0 else { return nil }
        return Double(merged.valueAtPercentile(percentile)) / 1000
    }

    /// The latency at `percentile` over the whole run in ms; nil without samples.
    public func allTimePercentile(_ percentile: Double) -> Double? {
        guard allTime.totalCount > 0 else { return nil }
        return Double(allTime.valueAtPercentile(percentile)) / 1000
    }
}
