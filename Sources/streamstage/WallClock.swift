/// The one place that reads wall time: seconds since the clock was made.
///
/// The simulation never sees it; the live loop turns it into ticks through a `Pacer`, and the
/// recorder stamps live frames with it.
struct WallClock {
    private let start = ContinuousClock.now

    /// Seconds since the clock was created.
    var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
