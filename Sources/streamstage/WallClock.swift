import Foundation

/// The one place that reads wall time: seconds since the clock was made.
///
/// The simulation never sees it; the live loop turns it into ticks through a `Pacer`, and the
/// recorder stamps live frames with it.
struct WallClock {
    private let start = ContinuousClock.now
    /// Epoch milliseconds when the clock was made: what Kafka clients see as simulated time 0.
    let startEpochMs = Int64(Date().timeIntervalSince1970 * 1000)

    /// Seconds since the clock was created.
    var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Epoch milliseconds now, counted on the monotonic clock from ``startEpochMs``.
    var epochMs: Int64 { startEpochMs + Int64(seconds * 1000) }
}

extension WallClock {
    /// Sleeps until the wall clock has caught up with `simulatedMs` (a cluster run's headless
    /// ticks go at ×1: the cluster's time is the wall's).
    func wait(untilMs simulatedMs: Int64) {
        let ahead = Double(simulatedMs) / 1000 - seconds
        if ahead > 0 { Thread.sleep(forTimeInterval: ahead) }
    }
}
