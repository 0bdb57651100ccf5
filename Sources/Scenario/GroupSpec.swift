/// A consumer group reading one or more topics.
public struct GroupSpec: Sendable, Equatable {
    public var name: String
    /// The topics it subscribes to.
    public var topics: [String]
    /// Consumers in the group (default 1; 0 = nobody reading).
    public var members: Int = 1
    /// How partitions are spread over members (default range, Kafka's first default assignor).
    public var assignment: Assignment = .range
    public var process: Processing = Processing()
    public var commit: CommitPolicy = .auto(everyMs: 5_000)
    /// Where it starts when it has no committed offset (`auto.offset.reset`, default latest).
    public var start: StartPosition = .latest
    /// `session.timeout.ms` (default 45 s): how long a dead member holds its partitions.
    public var sessionTimeoutMs: Int64 = 45_000
    /// `max.poll.records` (default 500): records fetched per poll, the unit of `per_batch` commits.
    public var maxPollRecords: Int = 500
    /// The record field whose values must stay in order (`order_key`); nil = not checked.
    /// The engine counts a record as out of order when one with the same value and a later
    /// timestamp was processed before it: what keyless producing does to per-key order.
    public var orderKey: String?

    public init(name: String, topics: [String]) {
        self.name = name
        self.topics = topics
    }
}

/// Partition assignment strategies (`partition.assignment.strategy`).
public enum Assignment: String, Sendable, Equatable, CaseIterable {
    case range
    case roundRobin = "roundrobin"
    case sticky
    case cooperativeSticky = "cooperative-sticky"
}

/// Processing cost per record.
public struct Processing: Sendable, Equatable {
    /// Sim ms one member spends per record (default 0: as fast as the tick allows).
    /// Capacity of a group = members × 1000 / perRecordMs records per second.
    public var perRecordMs: Double = 0
    /// Uniform ± jitter in ms added to each record's time (default 0).
    public var jitterMs: Double = 0

    public init(perRecordMs: Double = 0, jitterMs: Double = 0) {
        self.perRecordMs = perRecordMs
        self.jitterMs = jitterMs
    }
}

/// When a group commits its offsets.
public enum CommitPolicy: Sendable, Equatable {
    /// `enable.auto.commit` every interval (Kafka default 5 s).
    case auto(everyMs: Int64)
    /// After each polled batch is processed.
    case perBatch
    /// The application commits after every record (commitSync per record).
    case manual
}

/// `auto.offset.reset`.
public enum StartPosition: String, Sendable, Equatable, CaseIterable {
    case earliest, latest
}
