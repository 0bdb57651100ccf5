/// A named topic: its partitions and the producer-side partitioner for its records.
public final class Topic {
    /// The topic name.
    public let name: String
    /// The settings the topic was created with.
    public internal(set) var config: TopicConfig
    /// The partitions, indexed by partition number.
    public let partitions: [Partition]
    var keyless: KeylessPartitioner

    /// Creates a topic; throws on a partition count below 1 or unusable settings.
    public init(name: String, config: TopicConfig, random: SeededRandom) throws(StreamLogError) {
        try config.validate(topic: name)
        self.name = name
        self.config = config
        partitions = (0..<config.partitions).map { Partition(topicPartition: TopicPartition(name, $0), config: config) }
        keyless = KeylessPartitioner(strategy: config.keylessStrategy, random: random)
    }

    /// The partition Kafka's default partitioner picks: murmur2 of the key, or the keyless strategy.
    public func partitionFor(key: String?, sizeInBytes: Int) -> Int {
        if let key { return Murmur2.partition(forKey: key, partitionCount: partitions.count) }
        return keyless.next(partitionCount: partitions.count, sizeInBytes: sizeInBytes)
    }

    /// Partitions and appends a record; `partition` overrides the partitioner as in Kafka.
    public func append(
        key: consuming String?, value: consuming Value, headers: consuming [Header] = [], timestamp: Int64, sizeInBytes: Int,
        partition explicit: Int? = nil, nowMs: Int64
    ) throws(StreamLogError) -> RecordMetadata {
        let index = explicit ?? partitionFor(key: key, sizeInBytes: sizeInBytes)
        guard partitions.indices.contains(index) else {
            throw .unknownPartition(topic: name, partition: index, partitionCount: partitions.count)
        }
        let partition = partitions[index]
        let offset = partition.append(
            key: key, value: value, headers: headers, timestamp: timestamp, sizeInBytes: sizeInBytes, nowMs: nowMs)
        let stored = config.timestampType == .logAppendTime ? nowMs : timestamp
        return RecordMetadata(topicPartition: partition.topicPartition, offset: offset, timestamp: stored)
    }

    /// The partition at `index`, or a typed error.
    public func partition(_ index: Int) throws(StreamLogError) -> Partition {
        guard partitions.indices.contains(index) else {
            throw .unknownPartition(topic: name, partition: index, partitionCount: partitions.count)
        }
        return partitions[index]
    }
}

extension Topic: RecordAppender {
    public var timestampType: TimestampType { config.timestampType }
}
