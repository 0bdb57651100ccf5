/// Turns wall-clock time into simulation ticks at a chosen speed, for live runs.
///
/// The caller reads the wall clock (the only place that does) and passes elapsed seconds in;
/// the pacer answers how many ticks to run now. Speed is a multiplier (×0.1 to ×20); paused runs
/// no ticks. A frame never runs more than `maxTicksPerCall`, so a stalled terminal cannot make the
/// world jump ahead in one giant step: the simulation slows down instead.
public struct Pacer: Equatable, Sendable {
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

    public init(tickMs: Int64, speed: Double = 1, maxTicksPerCall: Int = 400) {
        self.tickMs = max(1, tickMs)
        self.speed = min(Self.maximumSpeed, max(Self.minimumSpeed, speed))
        self.maxTicksPerCall = maxTicksPerCall
    }

    /// Sets the speed, clamped to ×0.1…×20.
    public mutating func setSpeed(_ newSpeed: Double) {
        speed = min(Self.maximumSpeed, max(Self.minimumSpeed, newSpeed))
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
        guard !paused, elapsedSeconds > 0 else { return 0 }
        owedMs += elapsedSeconds * 1000 * speed
        let due = Int(owedMs / Double(tickMs))
        let run = min(due, maxTicksPerCall)
        owedMs -= Double(due) * Double(tickMs)
        return run
    }
}
