/// The one seam between streamstage and a log: admin, produce, fetch, the broker side of consumer
/// groups, and what to observe. The engine, the lag monitor and the CLI reach a log only through
/// it; `InProcessLog` is one conformer, and a Kafka wire front end or a real-cluster backend can
/// sit behind the same calls. Consumers (positions, poll, auto-commit) are clients on top of it.
///
/// Time is given to the backend: every call that depends on it takes `nowMs` from the caller's
/// clock, and `tick` advances the background work (session timeouts, rebalance phases, retention).
public protocol StreamLogBackend: AnyObject {
    /// What this backend can offer beyond Kafka's semantics (simulated time, rewind, replay).
    var capabilities: BackendCapabilities { get }

    // MARK: Admin

    /// Creates a topic; throws on a duplicate name or a partition count below 1.
    func createTopic(_ name: String, config: TopicConfig) throws(StreamLogError)
    /// The topic names, in creation order.
    var topicNames: [String] { get }
    /// Log-start and log-end offsets of every partition of `topic` (ListOffsets).
    func offsets(topic: String) throws(StreamLogError) -> [PartitionOffsets]
    /// When the record at `offset` was appended (what lag in seconds counts from). For an offset
    /// retention deleted: when the deleted segment holding it began, else the oldest record's
    /// append time. nil at or beyond log-end.
    func appendTime(_ partition: TopicPartition, at offset: Int64) -> Int64?
    /// Changes a topic's retention limits (`kafka-configs --alter`).
    func alterRetention(topic: String, timeMs: Int64?, bytes: Int?, records: Int?) throws(StreamLogError)
    /// Rewrites an inactive group's committed offsets (`kafka-consumer-groups --reset-offsets`).
    func resetOffsets(group: String, topics: [String], to target: OffsetResetTarget, nowMs: Int64)
        throws(StreamLogError) -> [TopicPartition: Int64]

    // MARK: Produce and fetch

    /// A batch appender for `topic`: many records appended through one lookup.
    func appender(topic: String) throws(StreamLogError) -> any RecordAppender
    /// Partitions (Kafka's default partitioner unless `partition` is given) and appends a record.
    /// `sizeInBytes` nil means the payload size (key + compact JSON value + headers).
    func produce(
        topic: String, key: String?, value: Value, headers: [Header], timestamp: Int64, sizeInBytes: Int?, partition: Int?,
        nowMs: Int64
    ) throws(StreamLogError) -> RecordMetadata
    /// Appends a producer's batch to one partition, as a Produce request does: one call per
    /// batch, the records' bytes borrowed from the caller (valid during the call) and copied once
    /// into the log. Honours the topic's timestamp type. UNKNOWN_TOPIC_OR_PARTITION for a topic
    /// or partition that does not exist.
    func appendBatch(to partition: TopicPartition, _ records: UnsafeBufferPointer<BorrowedRecord>, nowMs: Int64)
        throws(StreamLogError) -> BatchAppend
    /// Up to `maxRecords` records of one partition from `offset` (OFFSET_OUT_OF_RANGE outside log-start...log-end).
    func fetch(_ partition: TopicPartition, from offset: Int64, maxRecords: Int) throws(StreamLogError) -> [Record]
    /// The same fetch without copies: `body` sees the records where they are stored, in runs
    /// valid during the call only; returns how many.
    func fetch(
        _ partition: TopicPartition, from offset: Int64, maxRecords: Int, each body: (RecordBatch) -> Void
    ) throws(StreamLogError) -> Int

    // MARK: Consumer groups (the coordinator's side)

    /// JoinGroup. Without `memberId`, adds a member (creating the group if needed) and returns
    /// its id `client.id-<uuid>`; with it, the member rejoins a rebalance with the partitions it
    /// owns. `client` receives the responses of a simulated member.
    func joinGroup(
        _ group: String, memberId: String?, options: ConsumerOptions, ownedPartitions: [TopicPartition],
        client: GroupMemberClient?, nowMs: Int64
    ) throws(StreamLogError) -> String
    /// SyncGroup: the leader hands in the assignment (followers pass nil).
    func syncGroup(_ group: String, memberId: String, generation: Int, assignment: [String: [TopicPartition]]?)
        throws(StreamLogError)
    /// Heartbeat; REBALANCE_IN_PROGRESS asks the member to rejoin.
    func heartbeat(_ group: String, memberId: String, generation: Int, nowMs: Int64) throws(StreamLogError)
    /// LeaveGroup: removed at once; the rest rebalance.
    func leaveGroup(_ group: String, memberId: String, nowMs: Int64) throws(StreamLogError)
    /// OffsetCommit under `generation`.
    func commitOffsets(
        _ group: String, memberId: String, generation: Int, offsets: [TopicPartition: Int64], nowMs: Int64
    ) throws(StreamLogError)
    /// OffsetFetch: the group's committed offsets with their recent commits.
    func committedOffsets(group: String) throws(StreamLogError) -> [TopicPartition: CommittedOffset]
    /// The group names, in creation order.
    var groupNames: [String] { get }
    /// DescribeGroups: membership, state and generation.
    func group(_ group: String) throws(StreamLogError) -> GroupSnapshot

    // MARK: Observe

    /// Advances background work to `nowMs`.
    func tick(nowMs: Int64)
    /// The events since the last drain, oldest first.
    func drainEvents() -> [StreamEvent]
    /// Adds an event a client observed (a crash, a reset, duplicates) to the same ordered stream.
    func report(_ event: StreamEvent)
    /// The fault shown now, while offsets and committed offsets cannot be refreshed; nil while
    /// the log answers (always, for a log in this process).
    var fault: LogFault? { get }
}

extension StreamLogBackend {
    /// A log in this process never goes stale.
    public var fault: LogFault? { nil }
}

/// Appends records to one topic, as a producer's batch does.
public protocol RecordAppender: AnyObject {
    /// The topic name.
    var name: String { get }
    /// Whether stored timestamps are the producer's or the append time.
    var timestampType: TimestampType { get }
    /// Partitions a record's bytes by Kafka's default partitioner and appends them; returns the
    /// partition, the offset and the stored timestamp.
    func appendRecord(
        key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, timestamp: Int64, nowMs: Int64
    ) throws(StreamLogError) -> AppendPosition
}

/// What a backend offers beyond Kafka's semantics.
public struct BackendCapabilities: Equatable, Sendable {
    /// Time is the caller's simulated clock: speeds other than ×1 and stepping are possible.
    public var simulatedTime: Bool
    /// The same inputs give the same log: previous-step by re-simulation and byte-identical replays.
    public var deterministic: Bool

    public init(simulatedTime: Bool, deterministic: Bool) {
        self.simulatedTime = simulatedTime
        self.deterministic = deterministic
    }

    /// Whether the previous step can be shown by re-simulating from the start.
    public var canRewind: Bool { simulatedTime && deterministic }
}
