/// One partition of a group as an outside observer samples it from a real cluster: watermarks,
/// the group's commit, who owns it, and the timestamp of the record at the commit.
public struct ObservedPartition: Equatable, Sendable {
    public var topicPartition: TopicPartition
    public var logStartOffset: Int64
    public var logEndOffset: Int64
    /// The committed offset; nil when the group never committed (shown as `-`).
    public var committedOffset: Int64?
    /// The member that owns the partition per the group's description; nil when unowned.
    public var ownerMemberId: String?
    /// The timestamp (ms) of a record at or before the committed offset, with that offset: the
    /// newest such record read so far. nil until one was read.
    public var committedRecord: (offset: Int64, timestampMs: Int64)?
    /// Records appended per second (from watermark deltas).
    public var produceRate: Double
    /// Records committed per second (from commit deltas).
    public var consumeRate: Double
    /// Burrow's window of this partition's commits, oldest first.
    public var commitWindow: [CommitSample]

    public init(
        topicPartition: TopicPartition, logStartOffset: Int64, logEndOffset: Int64, committedOffset: Int64?,
        ownerMemberId: String?, committedRecord: (offset: Int64, timestampMs: Int64)?, produceRate: Double,
        consumeRate: Double, commitWindow: [CommitSample]
    ) {
        self.topicPartition = topicPartition
        self.logStartOffset = logStartOffset
        self.logEndOffset = logEndOffset
        self.committedOffset = committedOffset
        self.ownerMemberId = ownerMemberId
        self.committedRecord = committedRecord
        self.produceRate = produceRate
        self.consumeRate = consumeRate
        self.commitWindow = commitWindow
    }

    public static func == (lhs: ObservedPartition, rhs: ObservedPartition) -> Bool {
        lhs.topicPartition == rhs.topicPartition && lhs.logStartOffset == rhs.logStartOffset
            && lhs.logEndOffset == rhs.logEndOffset && lhs.committedOffset == rhs.committedOffset
            && lhs.ownerMemberId == rhs.ownerMemberId && lhs.committedRecord?.offset == rhs.committedRecord?.offset
            && lhs.committedRecord?.timestampMs == rhs.committedRecord?.timestampMs && lhs.produceRate == rhs.produceRate
            && lhs.consumeRate == rhs.consumeRate && lhs.commitWindow == rhs.commitWindow
    }
}

/// Lag and membership from what an observer outside the cluster reads (watermarks, group
/// descriptions, committed offsets, one record per commit), in the shapes `LagMonitor` gives for
/// the in-process log, so the dashboard shows both alike.
///
/// Kafka's tool rules: a partition without a commit has no lag (`-`), not a guess from a reset
/// policy the observer cannot know.
public enum ObservedLag {
    /// A group's lag at `nowMs` from its observed partitions.
    ///
    /// Lag seconds per partition: 0 when caught up (committed ≥ log-end), else now minus the
    /// timestamp of the record read at the commit. When the commit moved past the record read
    /// last, that older record's age is an upper bound and is shown until the next read; nil
    /// when no record was read yet.
    public static func group(
        _ name: String, state: GroupState, partitions: [ObservedPartition], nowMs: Int64, burrow: BurrowSettings = BurrowSettings()
    ) -> GroupLag {
        let rows = partitions.sorted { $0.topicPartition < $1.topicPartition }.map { observed -> PartitionLag in
            let lag = observed.committedOffset.map { max(0, observed.logEndOffset - $0) }
            let lagMs: Int64? = observed.committedOffset.flatMap { committed in
                if committed >= observed.logEndOffset { return 0 }
                return observed.committedRecord.map { max(0, nowMs - $0.timestampMs) }
            }
            let status = Burrow.partitionStatus(
                window: observed.commitWindow, currentLag: lag ?? 0, nowMs: nowMs, allowedLag: burrow.allowedLag)
            return PartitionLag(
                topicPartition: observed.topicPartition, logStartOffset: observed.logStartOffset,
                logEndOffset: observed.logEndOffset, committedOffset: observed.committedOffset, position: nil,
                ownerMemberId: observed.ownerMemberId, lag: lag, lagMs: lagMs,
                recordsLead: observed.committedOffset.map { $0 - observed.logStartOffset }, produceRate: observed.produceRate,
                consumeRate: observed.consumeRate, status: status, commitWindow: observed.commitWindow, delivered: 0,
                duplicates: 0)
        }
        return GroupLag(
            group: name, state: state, generation: -1, partitions: rows, totalLag: rows.reduce(0) { $0 + ($1.lag ?? 0) },
            maxLag: rows.compactMap(\.lag).max(), maxLagMs: rows.compactMap(\.lagMs).max(),
            produceRate: rows.reduce(0) { $0 + $1.produceRate }, consumeRate: rows.reduce(0) { $0 + $1.consumeRate },
            status: Burrow.groupStatus(rows.map(\.status)), duplicates: 0)
    }

    /// A group's membership as a description reports it; generation -1 (unknown): DescribeGroups
    /// does not report it.
    public static func membership(
        _ name: String, state: GroupState, strategy: AssignmentStrategy?, members: [MemberSnapshot]
    ) -> GroupSnapshot {
        GroupSnapshot(
            group: name, state: state, generation: -1, strategy: strategy,
            rebalanceProtocol: strategy?.rebalanceProtocol ?? .eager, members: members)
    }

    /// A partition's watermarks in the log's shape.
    public static func offsets(_ topicPartition: TopicPartition, logStart: Int64, logEnd: Int64) -> PartitionOffsets {
        PartitionOffsets(topicPartition: topicPartition, logStartOffset: logStart, logEndOffset: logEnd)
    }

    /// Appends a commit to Burrow's window when the offset changed (or the window is empty),
    /// keeping the last `burrow.intervals`.
    public static func record(
        commit offset: Int64, logEnd: Int64, atMs timeMs: Int64, in window: inout [CommitSample],
        burrow: BurrowSettings = BurrowSettings()
    ) {
        if let last = window.last, last.offset == offset { return }
        window.append(CommitSample(offset: offset, timestampMs: timeMs, lag: max(0, logEnd - offset)))
        if window.count > burrow.intervals { window.removeFirst(window.count - burrow.intervals) }
    }
}
