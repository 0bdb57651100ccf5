/// A group's lag on one partition, as a dashboard shows it.
public struct PartitionLag: Equatable, Sendable {
    public var topicPartition: TopicPartition
    public var logStartOffset: Int64
    public var logEndOffset: Int64
    /// The committed offset; nil when the group never committed (shown as `-`).
    public var committedOffset: Int64?
    /// The position of the member that owns the partition, if it has fetched.
    public var position: Int64?
    /// The owning member, nil when unowned (or during an eager rebalance).
    public var ownerMemberId: String?
    /// Records left to read: log-end offset minus the committed offset (Kafka's LAG column).
    /// Without a commit it counts from where the group will start, as the consumer's
    /// `records-lag` metric does: the owner's position once it has one, else the reset policy's
    /// offset (log-start for earliest, log-end for latest). nil only without a commit under
    /// `none`. Tools print `-` for it while `committedOffset` is nil (`describeLag`).
    public var lag: Int64?
    /// Now minus the append time of the next record to read (counted from the same offset as
    /// `lag`); 0 when caught up. When retention deleted that record, the start of the deleted
    /// segment that held it is used: never younger than the oldest record still in the log.
    public var lagMs: Int64?
    /// Committed offset minus log-start offset: how far the group is from falling off retention
    /// (negative: it already fell off). nil without a commit.
    public var recordsLead: Int64?
    /// Records appended per second over the rate window.
    public var produceRate: Double
    /// Records newly consumed by the group per second over the rate window.
    public var consumeRate: Double
    /// Burrow status over the commit window.
    public var status: BurrowStatus
    /// Burrow's window: the last commits, oldest first, each with the lag at commit time (a sparkline).
    public var commitWindow: [CommitSample]
    /// All records handed to the group from this partition, duplicates included.
    public var delivered: Int64
    /// Records handed out again after a member died or a partition moved before a commit.
    public var duplicates: Int64

    /// The consumer's records-lag: log-end minus the owner's position once it has one, else `lag`.
    public var recordsLag: Int64? { position.map { logEndOffset - $0 } ?? lag }

    /// Kafka's LAG column: `lag` once the group committed, nil (printed `-`) before.
    public var describeLag: Int64? { committedOffset == nil ? nil : lag }

    /// Kafka's LAG-SECONDS column: `lagMs` once the group committed, nil (printed `-`) before.
    public var describeLagMs: Int64? { committedOffset == nil ? nil : lagMs }

    /// Lag in seconds (exact, from `lagMs`).
    public var lagSeconds: Double? { lagMs.map { Double($0) / 1_000 } }
}
