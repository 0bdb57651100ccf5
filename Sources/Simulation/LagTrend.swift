import DequeModule

/// How a group's lag actually moves: its slope over the last few seconds of simulated time.
///
/// The slope is the change of lag between the newest sample and the oldest one within the
/// window, per second. The engine sets the window to at least the group's auto-commit interval,
/// so the sawtooth of committed lag (it grows between commits and drops at each) cancels out:
/// both ends of the window sit at the same point of the saw.
public struct LagTrend: Equatable, Sendable {
    /// One observation of a group's total lag.
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

    /// Records per second the lag changed over the window (positive: growing); nil until the
    /// samples span at least a second.
    public var slope: Double? {
        guard let first = samples.first, let last = samples.last, last.timeMs - first.timeMs >= Self.minimumSpanMs else {
            return nil
        }
        return Double(last.lag - first.lag) * 1_000 / Double(last.timeMs - first.timeMs)
    }
}
