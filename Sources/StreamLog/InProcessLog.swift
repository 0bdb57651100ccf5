/// The in-memory log: topics, consumer groups and their events, driven by simulated time.
///
/// One simulation step, as the engine drives it:
///
///     log.tick(nowMs: now)                          // heartbeats, timeouts, rebalances, retention
///     _ = try log.produce(topic: "orders", key: "o-1", value: order, timestamp: now, nowMs: now)
///     let batch = try log.poll("payments", memberId: id, maxRecords: capacity, nowMs: now)
///     for event in log.drainEvents() { feed.append(event.description) }
///     let lag = try log.lag(group: "payments", nowMs: now)
///
/// The engine decides how many records a member can process (`maxRecords`); the log decides
/// which ones, and keeps positions, commits and duplicates honest.
public final class InProcessLog: StreamLogBackend {
    public let settings: LogSettings
    var random: SeededRandom
    /// Topics by name; use `topic(_:)` for the concrete type the append benchmark needs.
    var topics: [String: Topic] = [:]
    public private(set) var topicNames: [String] = []
    var groups: [String: GroupCoordinator] = [:]
    public internal(set) var groupNames: [String] = []
    let events = EventLog()
    var produceRates: [TopicPartition: RateWindow] = [:]

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
        for partition in topic.partitions {
            produceRates[partition.topicPartition] = RateWindow(windowMs: settings.rateWindowMs, sampleEveryMs: settings.rateSampleMs)
        }
    }

    /// The topic itself, for direct (benchmark-speed) appends and reads.
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

    public func fetch(_ partition: TopicPartition, from offset: Int64, maxRecords: Int) throws(StreamLogError) -> [Record] {
        guard maxRecords >= 0 else { throw .invalidArgument("maxRecords must not be negative, got \(maxRecords)") }
        return try topic(partition.topic).partition(partition.partition).fetch(from: offset, maxRecords: maxRecords)
    }

    public func tick(nowMs: Int64) {
        for name in topicNames {
            guard let topic = topics[name] else { continue }
            for partition in topic.partitions {
                partition.enforceRetention(nowMs: nowMs)
                for deletion in partition.takeDeletions() { events.append(.segmentDeleted(deletion)) }
                produceRates[partition.topicPartition]?.record(partition.logEndOffset, atMs: nowMs)
            }
        }
        for name in groupNames { groups[name]?.tick(nowMs: nowMs, topics: topics) }
    }

    public func drainEvents() -> [StreamEvent] { events.drain() }
}
