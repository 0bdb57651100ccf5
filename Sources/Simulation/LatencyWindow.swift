import Histogram

/// Latency percentiles over the last few seconds of simulated time (hdrhistogram buckets).
///
/// One list of recorded buckets per second and their running sum: p99 reacts within seconds when
/// a service slows down and forgets an old spike once its second leaves the window. A percentile
/// scans the sum once (the dashboard asks for two per group on every frame), with the same
/// buckets and answers as `Histogram.valueAtPercentile` at two significant digits.
public struct LatencyWindow: Sendable {
    /// What one second recorded: bucket indexes with counts, and the extremes recorded.
    private struct Second: Sendable {
        var buckets: [(index: Int, count: UInt64)] = []
        var maxValue: UInt64 = 0
        var minNonZeroValue = UInt64.max
    }

    private var seconds: [Second]
    private var cursor = 0
    /// The sum of `seconds`' buckets, always.
    private var counts = [UInt64](repeating: 0, count: LatencyBuckets.length)
    private var total: UInt64 = 0
    private var maxValue: UInt64 = 0
    private var minNonZeroValue = UInt64.max
    /// Every latency ever recorded, for end-of-run summaries.
    public private(set) var allTime = LatencyWindow.histogram()

    /// The largest latency tracked, in microseconds (one hour).
    static let highest: UInt64 = LatencyBuckets.highest

    /// A histogram of microseconds with two significant digits (1 % precision).
    static func histogram() -> Histogram<UInt64> {
        Histogram<UInt64>(highestTrackableValue: highest, numberOfSignificantValueDigits: .two)
    }

    /// Creates a window of `length` seconds.
    public init(seconds length: Int = 5) {
        seconds = Array(repeating: Second(), count: max(1, length))
    }

    /// Records one latency in milliseconds.
    public mutating func record(ms: Double) {
        record(ms: ms, count: 1)
    }

    /// Records the same latency `count` times (a run of records that waited equally long).
    public mutating func record(ms: Double, count: UInt64) {
        let micros = UInt64(min(Double(Self.highest), max(0, ms * 1000)).rounded())
        let index = LatencyBuckets.index(micros)
        if let last = seconds[cursor].buckets.last, last.index == index {
            seconds[cursor].buckets[seconds[cursor].buckets.count - 1].count &+= count
        } else {
            seconds[cursor].buckets.append((index, count))
        }
        seconds[cursor].maxValue = max(seconds[cursor].maxValue, micros)
        if micros != 0 { seconds[cursor].minNonZeroValue = min(seconds[cursor].minNonZeroValue, micros) }
        counts[index] &+= count
        total &+= count
        maxValue = max(maxValue, micros)
        if micros != 0 { minNonZeroValue = min(minNonZeroValue, micros) }
        _ = allTime.record(micros, count: count)
    }

    /// Moves to the next second, forgetting the oldest one.
    public mutating func rotate() {
        cursor = (cursor + 1) % seconds.count
        let forgotten = seconds[cursor]
        guard !forgotten.buckets.isEmpty else { return }
        seconds[cursor] = Second()
        for bucket in forgotten.buckets {
            counts[bucket.index] &-= bucket.count
            total &-= bucket.count
        }
        maxValue = seconds.reduce(0) { max($0, $1.maxValue) }
        minNonZeroValue = seconds.reduce(UInt64.max) { min($0, $1.minNonZeroValue) }
    }

    /// Samples in the window.
    public var count: UInt64 { total }

    /// The latency at `percentile` (0–100) over the window in ms; nil without samples.
    public func percentile(_ percentile: Double) -> Double? {
        guard total > 0 else { return nil }
        let lowest = counts[0] > 0 ? 0 : minNonZeroValue
        guard percentile != 0 else { return Double(lowest) / 1000 }
        guard percentile < 100 else { return Double(maxValue) / 1000 }
        let requested = min(max(percentile.nextDown, 0), 100)
        let wanted = max(1, UInt64((requested * Double(total) / 100).rounded(.up)))
        var seen: UInt64 = 0
        for index in counts.indices {
            seen += counts[index]
            if seen >= wanted {
                let value = LatencyBuckets.highestEquivalent(ofIndex: index)
                return Double(max(min(value, maxValue), lowest)) / 1000
            }
        }
        return 0
    }

    /// The latency at `percentile` over the whole run in ms; nil without samples.
    public func allTimePercentile(_ percentile: Double) -> Double? {
        guard allTime.totalCount > 0 else { return nil }
        return Double(allTime.valueAtPercentile(percentile)) / 1000
    }
}
