/// The in-memory log: topics and the broker side of consumer groups, driven by simulated time.
///
/// One simulation step, as the engine drives it:
///
///     log.tick(nowMs: now)                          // session timeouts, rebalances, retention
///     _ = try log.produce(topic: "orders", key: "o-1", value: order, timestamp: now, nowMs: now)
///     try log.heartbeat("payments", memberId: id, generation: generation, nowMs: now)
///     for event in log.drainEvents() { feed.append(event.description) }
///
/// Consumers (positions, poll, commits) are clients on top of it; lag is computed above it.
public final class InProcessLog: StreamLogBackend {
    public let settings: LogSettings
    public var capabilities: BackendCapabilities { BackendCapabilities(simulatedTime: true, deterministic: true) }
    var random: SeededRandom
    /// Topics by name; use `topic(_:)` for the concrete type the append benchmark needs.
    var topics: [String: Topic] = [:]
    public private(set) var topicNames: [String] = []
    var groups: [String: GroupCoordinator] = [:]
    public internal(set) var groupNames: [String] = []
    let events = EventLog()

    /// Creates an empty log; all randomness (member UUIDs, sticky partitions) comes from `random`.
    public init(random: SeededRandom, settings: LogSettings = LogSettings()) {
        self.random = random
        self.settings = settings
    }

    public func createTopic(_ name: String, config: TopicConfig) throws(StreamLogError) {
        guard topics[name] == nil else { throw .topicAlreadyExists(name) }
        guard !name.isEmpty else { throw .invalidArgument("a topic name must not be empty") }
        let topic = try Topic(name: name, config: config, random: random.fork("topic:" + name))
        topics[name] = topic
        topicNames.append(name)
    }

    /// The topic itself: the storage under the seam, for the storage benchmark.
    public func topic(_ name: String) throws(StreamLogError) -> Topic {
        guard let topic = topics[name] else { throw .unknownTopic(name) }
        return topic
    }

    public func offsets(topic name: String) throws(StreamLogError) -> [PartitionOffsets] {
        try topic(name).partitions.map {
            PartitionOffsets(topicPartition: $0.topicPartition, logStartOffset: $0.logStartOffset, logEndOffset: $0.logEndOffset)
        }
    }

    public func produce(
        topic name: String, key: String?, value: Value, headers: [Header] = [], timestamp: Int64, sizeInBytes: Int? = nil,
        partition: Int? = nil, nowMs: Int64
    ) throws(StreamLogError) -> RecordMetadata {
        if let sizeInBytes, sizeInBytes < 0 { throw .invalidArgument("sizeInBytes must not be negative, got \(sizeInBytes)") }
        return try topic(name).append(
            key: key, value: value, headers: headers, timestamp: timestamp, sizeInBytes: sizeInBytes, partition: partition, nowMs: nowMs)
    }

    public func appendBatch(to partition: TopicPartition, _ records: UnsafeBufferPointer<BorrowedRecord>, nowMs: Int64)
        throws(StreamLogError) -> BatchAppend
    {
        try topic(partition.topic).partition(partition.partition).appendBatch(records, nowMs: nowMs)
    }

    public func appender(topic name: String) throws(StreamLogError) -> any RecordAppender {
        try topic(name)
    }

    public func appendTime(_ topicPartition: TopicPartition, at offset: Int64) -> Int64? {
        guard let partition = try? topic(topicPartition.topic).partition(topicPartition.partition),
              offset < partition.logEndOffset else { return nil }
        return partition.appendTime(at: offset) ?? partition.record(at: partition.logStartOffset)?.appendTimeMs
    }

    public func fetch(
        _ partition: TopicPartition, from offset: Int64, maxRecords: Int, each body: (RecordBatch) -> Void
    ) throws(StreamLogError) -> Int {
        guard maxRecords >= 0 else { throw .invalidArgument("maxRecords must not be negative, got \(maxRecords)") }
        return try topic(partition.topic).partition(partition.partition).forEachRun(from: offset, maxRecords: maxRecords, body)
    }

    public func fetch(_ partition: TopicPartition, from offset: Int64, maxRecords: Int) throws(StreamLogError) -> [Record] {
        guard maxRecords >= 0 else { throw .invalidArgument("maxRecords must not be negative, got \(maxRecords)") }
        return try topic(partition.topic).partition(partition.partition).fetch(from: offset, maxRecords: maxRecords)
    }

    public func tick(nowMs: Int64) {
        for name in topicNames {
            guard let topic = topics[name] else { continue }
            for partition in topic.partitions {
                partition.enforceRetention(nowMs: nowMs)
                partition.takeDeletions { events.append(.segmentDeleted($0)) }
            }
        }
        for name in groupNames { groups[name]?.tick(nowMs: nowMs, topics: topics) }
    }

    public func drainEvents() -> [StreamEvent] { events.drain() }

    public func report(_ event: StreamEvent) { events.append(event) }
}
