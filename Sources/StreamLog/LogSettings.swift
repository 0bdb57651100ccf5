/// Settings of the in-process log that are not per topic or per consumer.
public struct LogSettings: Equatable, Sendable {
    /// How long the join phase of a rebalance (PreparingRebalance) takes in simulated time.
    public var joinPhaseMs: Int64 = 200
    /// `group.initial.rebalance.delay.ms`: extra wait before the first rebalance of an empty group
    /// (Kafka's broker default is 3000; streamstage defaults to 0 so demos start at once).
    public var initialRebalanceDelayMs: Int64 = 0
    /// How long the sync phase (CompletingRebalance) takes in simulated time.
    public var syncPhaseMs: Int64 = 100
    /// Burrow's evaluation settings.
    public var burrow = BurrowSettings()
    /// The sliding window over which produce and consume rates are measured.
    public var rateWindowMs: Int64 = 10_000
    /// The spacing of rate samples inside that window.
    public var rateSampleMs: Int64 = 500

    public init() {}
}
