import DequeModule

/// How a group's lag actually moves: its slope over the last few seconds of simulated time.
///
/// The slope is the change of lag between the newest sample and the oldest one within the
/// window, per second, unless the lag turned: when the last second moved the other way, the
/// last second's slope counts, so a group that resumes reads "catching up" at once. The engine feeds it the consumer's records-lag (log-end − position,
/// `GroupLag.recordsLag`), which moves with consumption rather than in the sawtooth of
/// committed lag (growing between auto-commits, dropping at each).
public struct LagTrend: Equatable, Sendable {
    /// One observation of a group's lag.
    struct Sample: Equatable, Sendable {
        var timeMs: Int64
        var lag: Int64
    }

    /// How far back the slope looks.
    public let windowMs: Int64
    private var samples: Deque<Sample> = []

    /// The least span of samples the slope needs before it says anything.
    static let minimumSpanMs: Int64 = 1_000

    /// A trend over `windowMs` of simulated time (at least one second).
    public init(windowMs: Int64) {
        self.windowMs = max(Self.minimumSpanMs, windowMs)
    }

    /// Forgets the samples: the lag jumped on purpose (a rewind, a group starting from earliest)
    /// and only how it moves from here on counts.
    public mutating func restart() {
        samples.removeAll()
    }

    /// Adds the lag observed at `timeMs` (times must not decrease).
    public mutating func record(lag: Int64, atMs timeMs: Int64) {
        samples.append(Sample(timeMs: timeMs, lag: lag))
        while let first = samples.first, timeMs - first.timeMs > windowMs { samples.removeFirst() }
    }

    /// Records per second the lag changed over the window (or over the last second when it
    /// turned; positive: growing); nil until the samples span at least a second.
    public var slope: Double? {
        guard let first = samples.first, let last = samples.last, last.timeMs - first.timeMs >= Self.minimumSpanMs else {
            return nil
        }
        let overWindow = Self.slope(from: first, to: last)
        guard let recent = samples.first(where: { last.timeMs - $0.timeMs <= Self.minimumSpanMs }), recent != first,
              recent.timeMs < last.timeMs else { return overWindow }
        let overLastSecond = Self.slope(from: recent, to: last)
        return overLastSecond * overWindow < 0 ? overLastSecond : overWindow
    }

    private static func slope(from start: Sample, to end: Sample) -> Double {
        Double(end.lag - start.lag) * 1_000 / Double(end.timeMs - start.timeMs)
    }
}
