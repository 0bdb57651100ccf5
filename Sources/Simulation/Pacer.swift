/// Turns wall-clock time into simulation ticks at a chosen speed, for live runs.
///
/// The caller reads the wall clock (the only place that does) and passes elapsed seconds in;
/// the pacer answers how many ticks to run now. Speed is a multiplier (×0.1 to ×20); paused runs
/// no ticks. A frame never runs more than `maxTicksPerCall`, so a stalled terminal cannot make the
/// world jump ahead in one giant step: the simulation slows down instead, and `achievedSpeed`
/// says by how much.
public struct Pacer: Equatable, Sendable {
    /// How long the achieved speed is measured over, in wall seconds.
    public static let measuringSeconds = 3.0

    /// Slowest speed.
    public static let minimumSpeed = 0.1
    /// Fastest speed.
    public static let maximumSpeed = 20.0
    /// The speed steps `+` and `-` move through.
    public static let speedSteps: [Double] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20]

    public let tickMs: Int64
    public private(set) var speed: Double
    public var paused = false
    public var maxTicksPerCall: Int
    private var owedMs: Double = 0
    /// The simulated time run per wall second over the last `measuringSeconds`; nil until that
    /// long was measured at the current speed, and while paused.
    public private(set) var achievedSpeed: Double?
    /// Wall seconds and simulated ms of the calls in the measuring window, oldest first.
    private var window: [Sample] = []

    /// One call: the wall time it covered and the simulated time it ran.
    private struct Sample: Equatable, Sendable {
        var wall: Double
        var simulatedMs: Double
    }

    public init(tickMs: Int64, speed: Double = 1, maxTicksPerCall: Int = 400) {
        self.tickMs = max(1, tickMs)
        self.speed = min(Self.maximumSpeed, max(Self.minimumSpeed, speed))
        self.maxTicksPerCall = maxTicksPerCall
    }

    /// Sets the speed, clamped to ×0.1…×20.
    public mutating func setSpeed(_ newSpeed: Double) {
        let clamped = min(Self.maximumSpeed, max(Self.minimumSpeed, newSpeed))
        guard clamped != speed else { return }
        speed = clamped
        resetMeasurement()
    }

    /// Moves to the next faster (`up`) or slower speed step.
    public mutating func step(up: Bool) {
        setSpeed(Self.speed(after: speed, up: up))
    }

    /// The speed step after (`up`) or before `speed`, within ×0.1…×20.
    public static func speed(after speed: Double, up: Bool) -> Double {
        if up { return speedSteps.first { $0 > speed + 1e-9 } ?? maximumSpeed }
        return speedSteps.last { $0 < speed - 1e-9 } ?? minimumSpeed
    }

    /// The ticks to run for `elapsedSeconds` of wall time since the last call.
    public mutating func ticks(forElapsed elapsedSeconds: Double) -> Int {
        if paused { resetMeasurement() }
        guard !paused, elapsedSeconds > 0 else { return 0 }
        owedMs += elapsedSeconds * 1000 * speed
        let due = Int(owedMs / Double(tickMs))
        let run = min(due, maxTicksPerCall)
        owedMs -= Double(due) * Double(tickMs)
        measure(wall: elapsedSeconds, simulatedMs: Double(run * Int(tickMs)))
        return run
    }

    /// Adds one call to the measuring window and, once it spans `measuringSeconds`, updates
    /// `achievedSpeed`.
    private mutating func measure(wall: Double, simulatedMs: Double) {
        window.append(Sample(wall: wall, simulatedMs: simulatedMs))
        var total = window.reduce(0) { $0 + $1.wall }
        while let oldest = window.first, total - oldest.wall >= Self.measuringSeconds {
            total -= oldest.wall
            window.removeFirst()
        }
        guard total >= Self.measuringSeconds else { return }
        achievedSpeed = window.reduce(0) { $0 + $1.simulatedMs } / 1000 / total
    }

    private mutating func resetMeasurement() {
        window = []
        achievedSpeed = nil
    }
}
