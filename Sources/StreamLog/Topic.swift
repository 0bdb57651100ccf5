/// A named topic: its partitions and the producer-side partitioner for its records.
public final class Topic {
    /// The topic name.
    public let name: String
    /// The settings the topic was created with.
    @exclusivity(unchecked) public internal(set) var config: TopicConfig
    /// The partitions, indexed by partition number.
    public let partitions: [Partition]
    @exclusivity(unchecked) var keyless: KeylessPartitioner
    /// `partitions` without reference counting, for the produce path (`partitions` keeps them alive).
    private let unretained: [Unmanaged<Partition>]
    /// Kafka's `% partitions` prepared once (nil for one partition).
    private let partitionDivisor: Divisor?

    /// Creates a topic; throws on a partition count below 1 or unusable settings.
    public init(name: String, config: TopicConfig, random: SeededRandom) throws(StreamLogError) {
        try config.validate(topic: name)
        self.name = name
        self.config = config
        partitions = (0..<config.partitions).map { Partition(topicPartition: TopicPartition(name, $0), config: config) }
        keyless = KeylessPartitioner(strategy: config.keylessStrategy, random: random)
        unretained = partitions.map { Unmanaged.passUnretained($0) }
        partitionDivisor = config.partitions > 1 ? Divisor(UInt64(config.partitions)) : nil
    }

    /// The partition Kafka's default partitioner picks: murmur2 of the key, or the keyless strategy.
    public func partitionFor(key: String?, sizeInBytes: Int) -> Int {
        guard var key else { return keyless.next(partitionCount: partitions.count, sizeInBytes: sizeInBytes) }
        return key.withUTF8 { partitionFor(key: UnsafeRawBufferPointer($0), sizeInBytes: sizeInBytes) }
    }

    /// The partition for key bytes: murmur2 of the key, or the keyless strategy when nil.
    @inline(__always)
    public func partitionFor(key: UnsafeRawBufferPointer?, sizeInBytes: Int) -> Int {
        if let key {
            let positive = UInt64(Murmur2.toPositive(Murmur2.hash(key)))
            return partitionDivisor.map { Int($0.remainder(positive)) } ?? 0
        }
        return keyless.next(partitionCount: partitions.count, sizeInBytes: sizeInBytes)
    }

    /// Partitions and appends a record's bytes, without headers, by the partitioner: the
    /// produce path's form, which reports where the record went without building metadata.
    /// Inlined into its callers (the `RecordAppender` witness among them): a call less per record.
    @inline(__always)
    public func appendRecord(
        key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, timestamp: Int64, nowMs: Int64
    ) throws(StreamLogError) -> AppendPosition {
        let size = (key?.count ?? 0) + value.count
        let index = partitionFor(key: key, sizeInBytes: size)
        guard partitions.indices.contains(index) else {
            throw .unknownPartition(topic: name, partition: index, partitionCount: partitions.count)
        }
        let partition = unretained.withUnsafeBufferPointer { $0[index] }
        let offset = partition._withUnsafeGuaranteedRef {
            $0.appendRecord(key: key, value: value, timestamp: timestamp, sizeInBytes: size, nowMs: nowMs)
        }
        return AppendPosition(
            partition: index, offset: offset, timestamp: config.timestampType == .logAppendTime ? nowMs : timestamp)
    }

    /// Partitions and appends a record's bytes; `partition` overrides the partitioner as in Kafka.
    /// `sizeInBytes`, when given, replaces the counted size (key, value and header bytes).
    public func append(
        key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, headers: [Header] = [], timestamp: Int64,
        sizeInBytes: Int? = nil, partition explicit: Int? = nil, nowMs: Int64
    ) throws(StreamLogError) -> RecordMetadata {
        var size = sizeInBytes ?? (key?.count ?? 0) + value.count
        if sizeInBytes == nil {
            for header in headers { size += header.key.utf8.count + header.value.count }
        }
        let index = explicit ?? partitionFor(key: key, sizeInBytes: size)
        guard partitions.indices.contains(index) else {
            throw .unknownPartition(topic: name, partition: index, partitionCount: partitions.count)
        }
        let partition = partitions[index]
        let offset = partition.append(key: key, value: value, headers: headers, timestamp: timestamp, sizeInBytes: size, nowMs: nowMs)
        let stored = config.timestampType == .logAppendTime ? nowMs : timestamp
        return RecordMetadata(topicPartition: partition.topicPartition, offset: offset, timestamp: stored)
    }

    /// Partitions and appends a value encoded as compact JSON, with a text key; see the bytes form.
    public func append(
        key: String?, value: Value, headers: [Header] = [], timestamp: Int64, sizeInBytes: Int? = nil,
        partition explicit: Int? = nil, nowMs: Int64
    ) throws(StreamLogError) -> RecordMetadata {
        let bytes = value.jsonBytes
        let result = bytes.withUnsafeBytes { valueBytes in
            let append = { (keyBytes: UnsafeRawBufferPointer?) in
                Result { () throws(StreamLogError) -> RecordMetadata in
                    try self.append(key: keyBytes, value: valueBytes, headers: headers, timestamp: timestamp,
                                    sizeInBytes: sizeInBytes, partition: explicit, nowMs: nowMs)
                }
            }
            guard var key else { return append(nil) }
            return key.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }
        return try result.get()
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
