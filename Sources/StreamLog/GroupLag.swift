/// A group's lag: per partition, plus the sums and maxima tools show.
public struct GroupLag: Equatable, Sendable {
    public var group: String
    public var state: GroupState
    public var generation: Int
    /// Partitions of the subscribed topics and partitions with commits, sorted.
    public var partitions: [PartitionLag]
    /// The sum of the partitions' lag (partitions without a commit count from where the group
    /// will start reading; see `PartitionLag.lag`).
    public var totalLag: Int64
    /// The largest partition lag; nil when no partition has one.
    public var maxLag: Int64?
    /// The largest partition lag in ms; nil when no partition has one.
    public var maxLagMs: Int64?
    /// Records appended per second to the group's partitions.
    public var produceRate: Double
    /// Records newly consumed per second by the group.
    public var consumeRate: Double
    /// Burrow group status: OK, WARN, ERR, or NOTFOUND without commits.
    public var status: BurrowStatus
    /// Duplicates over all partitions.
    public var duplicates: Int64

    /// The consumers' own view of the lag (their `records-lag` metric, summed): log-end minus
    /// the owner's position where it has one, else `lag`. It moves as records are processed,
    /// without the sawtooth committed lag has between auto-commits.
    public var recordsLag: Int64 { partitions.reduce(0) { $0 + ($1.recordsLag ?? 0) } }

    /// The largest partition lag in seconds.
    public var maxLagSeconds: Double? { maxLagMs.map { Double($0) / 1_000 } }
}
