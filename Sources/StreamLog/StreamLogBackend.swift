/// The narrow interface between the simulation and a log: topics, produce, fetch, consumer
/// groups, commits, and what to observe. `InProcessLog` implements it in memory; a Kafka wire
/// protocol front end or a real-cluster backend can sit behind the same calls.
///
/// Time is simulated: every call that depends on it takes `nowMs`, and `tick` advances the
/// background work (heartbeats, session timeouts, rebalance phases, retention, rate samples).
public protocol StreamLogBackend: AnyObject {
    /// Creates a topic; throws on a duplicate name or a partition count below 1.
    func createTopic(_ name: String, config: TopicConfig) throws(StreamLogError)
    /// The topic names, in creation order.
    var topicNames: [String] { get }
    /// Log-start and log-end offsets of every partition of `topic`.
    func offsets(topic: String) throws(StreamLogError) -> [PartitionOffsets]
    /// Partitions (Kafka's default partitioner unless `partition` is given) and appends a record.
    /// `sizeInBytes` nil means the payload size (key + compact JSON value + headers).
    func produce(
        topic: String, key: String?, value: Value, headers: [Header], timestamp: Int64, sizeInBytes: Int?, partition: Int?,
        nowMs: Int64
    ) throws(StreamLogError) -> RecordMetadata
    /// Up to `maxRecords` records of one partition from `offset` (OFFSET_OUT_OF_RANGE outside log-start...log-end).
    func fetch(_ partition: TopicPartition, from offset: Int64, maxRecords: Int) throws(StreamLogError) -> [Record]

    /// Joins (creating the group if needed) and returns the member id `client.id-<uuid>`.
    func joinGroup(_ group: String, options: ConsumerOptions, nowMs: Int64) throws(StreamLogError) -> String
    /// Leaves cleanly: commits per policy, revokes, triggers a rebalance.
    func leaveGroup(_ group: String, memberId: String, nowMs: Int64) throws(StreamLogError)
    /// The member crashes: it stops heartbeating and is removed after its session timeout.
    func crashMember(_ group: String, memberId: String) throws(StreamLogError)
    /// An explicit heartbeat (live in-process members also heartbeat on every `tick`).
    func heartbeat(_ group: String, memberId: String, nowMs: Int64) throws(StreamLogError)
    /// Hands the member up to `maxRecords` records and advances its positions.
    func poll(_ group: String, memberId: String, maxRecords: Int, nowMs: Int64) throws(StreamLogError) -> [ConsumerRecord]
    /// Commits offsets (nil: the member's positions) under `generation` (nil: the member's own).
    func commit(
        _ group: String, memberId: String, offsets: [TopicPartition: Int64]?, generation: Int?, nowMs: Int64
    ) throws(StreamLogError)

    /// Advances background work to `nowMs`.
    func tick(nowMs: Int64)
    /// The events since the last drain, oldest first.
    func drainEvents() -> [StreamEvent]
    /// The group names, in creation order.
    var groupNames: [String] { get }
    /// Membership, state and generation of a group.
    func group(_ group: String) throws(StreamLogError) -> GroupSnapshot
    /// Lag, rates and Burrow status of a group.
    func lag(group: String, nowMs: Int64) throws(StreamLogError) -> GroupLag
    /// `kafka-consumer-groups.sh --describe` for a group (never throws: unknown groups say so).
    func describe(group: String, nowMs: Int64) -> GroupDescription
}
