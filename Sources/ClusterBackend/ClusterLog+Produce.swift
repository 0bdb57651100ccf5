import RdKafka
import StreamLog

/// Producing to the cluster.
extension ClusterLog {
    public func appender(topic name: String) throws(StreamLogError) -> any RecordAppender {
        guard let topic = topics[name] else { throw .unknownTopic(name) }
        return ClusterAppender(log: self, topic: topic)
    }

    public func produce(
        topic name: String, key: String?, value: Value, headers: [Header], timestamp: Int64, sizeInBytes: Int?,
        partition: Int?, nowMs: Int64
    ) throws(StreamLogError) -> RecordMetadata {
        guard let topic = topics[name] else { throw .unknownTopic(name) }
        let valueBytes = value.jsonBytes
        let keyBytes = key.map { Array($0.utf8) }
        let result = valueBytes.withUnsafeBytes { valueBuffer in
            keyBytes.withOptionalBuffer { keyBuffer in
                Self.withBuffers(headers) { headerBuffers in
                    Result { () throws(StreamLogError) in
                        try send(topic, key: keyBuffer, value: valueBuffer, headers: headerBuffers, timestamp: timestamp,
                                 partition: partition, nowMs: nowMs)
                    }
                }
            }
        }
        let position = try result.get()
        return RecordMetadata(topicPartition: LogPartition(name, position.partition), offset: position.offset,
                              timestamp: position.timestamp)
    }

    /// Sends a batch to one partition, record by record through the producer's queue, headers
    /// included.
    public func appendBatch(to partition: LogPartition, _ records: UnsafeBufferPointer<BorrowedRecord>, nowMs: Int64)
        throws(StreamLogError) -> BatchAppend
    {
        guard let topic = topics[partition.topic] else { throw .unknownTopic(partition.topic) }
        guard partition.partition >= 0, partition.partition < topic.partitionCount else {
            throw .unknownPartition(topic: partition.topic, partition: partition.partition, partitionCount: topic.partitionCount)
        }
        let base = topic.nextOffset[partition.partition]
        for record in records {
            let headers = record.headers.map { (key: String(decoding: $0.key, as: UTF8.self), value: $0.value) }
            _ = try send(topic, key: record.key, value: record.value ?? UnsafeRawBufferPointer(start: nil, count: 0), headers: headers,
                         timestamp: record.timestamp, partition: partition.partition, nowMs: nowMs)
        }
        let replica = topic.mirror.partitions[partition.partition]
        return BatchAppend(baseOffset: base, count: records.count, logAppendTimeMs: nowMs, timestampType: topic.mirror.timestampType,
                           logStartOffset: topic.base[partition.partition] + replica.logStartOffset)
    }

    /// Sends one record: keyed records to murmur2(key) mod partitions (Kafka's default
    /// partitioner), keyless ones round the partitions; returns where it will land. `headers`
    /// (borrowed for the call) go with the record when there are any.
    func send(
        _ topic: ClusterTopic, key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer,
        headers: [(key: String, value: UnsafeRawBufferPointer?)] = [], timestamp: Int64, partition: Int? = nil, nowMs: Int64
    ) throws(StreamLogError) -> AppendPosition {
        let target: Int
        if let partition {
            target = partition
        } else if let key {
            target = Int(Murmur2.toPositive(Murmur2.hash(key))) % topic.partitionCount
        } else {
            target = topic.keylessCursor
            topic.keylessCursor = (topic.keylessCursor + 1) % topic.partitionCount
        }
        guard target >= 0, target < topic.partitionCount else {
            throw .unknownPartition(topic: topic.name, partition: target, partitionCount: topic.partitionCount)
        }
        do {
            if headers.isEmpty {
                try producer.produce(topic: topic.clusterName, partition: Int32(target), key: key, value: value,
                                     timestampMs: settings.startEpochMs + timestamp)
            } else {
                try producer.produce(topic: topic.clusterName, partition: Int32(target), key: key, value: value,
                                     timestampMs: settings.startEpochMs + timestamp, headers: headers)
            }
        } catch {
            fail(error)
            throw .invalidArgument("produce to \(topic.clusterName): \(error)")
        }
        let offset = topic.nextOffset[target]
        topic.nextOffset[target] += 1
        topic.noteAppend(partition: target, offset: offset, nowMs: nowMs)
        return AppendPosition(partition: target, offset: offset, timestamp: timestamp)
    }
}

extension ClusterLog {
    /// Calls `body` with `headers` as borrowed buffers (one copy of every value, valid during the call).
    static func withBuffers<T>(_ headers: [Header], _ body: ([(key: String, value: UnsafeRawBufferPointer?)]) -> T) -> T {
        guard !headers.isEmpty else { return body([]) }
        let joined = headers.flatMap(\.value)
        return joined.withUnsafeBytes { all in
            var start = 0
            let buffers = headers.map { header -> (key: String, value: UnsafeRawBufferPointer?) in
                defer { start += header.value.count }
                return (header.key, UnsafeRawBufferPointer(rebasing: all[start..<start + header.value.count]))
            }
            return body(buffers)
        }
    }
}

/// The engine's batch appender for one cluster topic.
final class ClusterAppender: RecordAppender {
    unowned let log: ClusterLog
    let topic: ClusterTopic

    init(log: ClusterLog, topic: ClusterTopic) {
        self.log = log
        self.topic = topic
    }

    var name: String { topic.name }
    var timestampType: TimestampType { topic.mirror.timestampType }

    func appendRecord(key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, timestamp: Int64, nowMs: Int64)
        throws(StreamLogError) -> AppendPosition
    {
        try log.send(topic, key: key, value: value, timestamp: timestamp, nowMs: nowMs)
    }
}

extension Optional where Wrapped == [UInt8] {
    /// Calls `body` with the bytes, or nil for a nil array.
    func withOptionalBuffer<T>(_ body: (UnsafeRawBufferPointer?) -> T) -> T {
        switch self {
        case .some(let bytes): bytes.withUnsafeBytes { body($0) }
        case .none: body(nil)
        }
    }
}
