import DequeModule

/// A rate over a sliding window of simulated time, from samples of a growing count.
public struct RateWindow: Equatable, Sendable {
    struct Sample: Equatable, Sendable {
        var timeMs: Int64
        var count: Int64
    }

    let windowMs: Int64
    let sampleEveryMs: Int64
    var samples: Deque<Sample> = []

    public init(windowMs: Int64, sampleEveryMs: Int64) {
        self.windowMs = windowMs
        self.sampleEveryMs = sampleEveryMs
    }

    /// Records the count at `timeMs` (at most one sample per `sampleEveryMs`).
    public mutating func record(_ count: Int64, atMs timeMs: Int64) {
        if let last = samples.last, timeMs - last.timeMs < sampleEveryMs { return }
        samples.append(Sample(timeMs: timeMs, count: count))
        while samples.count > 2, timeMs - samples[1].timeMs >= windowMs { samples.removeFirst() }
    }

    /// Counts per second over the window; 0 with fewer than two samples.
    public var perSecond: Double {
        guard let first = samples.first, let last = samples.last, last.timeMs > first.timeMs else { return 0 }
        return Double(last.count - first.count) * 1_000 / Double(last.timeMs - first.timeMs)
    }
}
