/// Burrow's settings (`intervals`, `allowed-lag`, `min-distance`).
public struct BurrowSettings: Equatable, Sendable {
    /// How many commits per partition the window keeps (Burrow default 10).
    public var intervals: Int = 10
    /// The lag at or below which a partition is OK (Burrow default 0).
    public var allowedLag: Int64 = 0
    /// Commits closer than this replace the previous one in the window (ms).
    public var minDistanceMs: Int64 = 0

    public init() {}
}
