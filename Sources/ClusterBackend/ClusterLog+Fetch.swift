import RdKafka
import StreamLog

/// Reading the cluster's records back into the local replica, and fetching from it.
extension ClusterLog {
    /// Assigns the reader every partition of every topic, from where the replica ends.
    func readAllTopics() throws(StreamLogError) {
        var offsets: [KafkaPartition: Int64] = [:]
        for name in topicNames {
            guard let topic = topics[name] else { continue }
            for (index, partition) in topic.mirror.partitions.enumerated() {
                offsets[KafkaPartition(topic.clusterName, Int32(index))] = topic.base[index] + partition.logEndOffset
            }
        }
        do {
            try reader.assign(offsets)
        } catch {
            throw .invalidArgument("reading the cluster's topics: \(error)")
        }
    }

    /// Appends what the reader has received since the last tick to the replica (at most
    /// `readBackLimit` records a tick).
    func readBack(nowMs: Int64) {
        let byClusterName = Dictionary(uniqueKeysWithValues: topics.values.map { ($0.clusterName, $0) })
        let epoch = settings.startEpochMs
        reader.poll(maxRecords: Self.readBackLimit, timeoutMs: 0) { record in
            guard let topic = byClusterName[record.topic], Int(record.partition) < topic.partitionCount else { return }
            let partition = topic.mirror.partitions[Int(record.partition)]
            let headers = record.headers.map { Header($0.key, $0.value.map { Array($0) } ?? []) }
            partition.append(key: record.key, value: record.value, headers: headers, timestamp: record.timestampMs - epoch, nowMs: nowMs)
        }
        for topic in topics.values {
            for partition in topic.mirror.partitions {
                partition.enforceRetention(nowMs: nowMs)
                partition.takeDeletions { _ in }  // the replica's bound is not the cluster's retention: no event
            }
        }
    }

    /// The most records read back a tick.
    static let readBackLimit = 200_000

    public func fetch(
        _ partition: LogPartition, from offset: Int64, maxRecords: Int, each body: (RecordBatch) -> Void
    ) throws(StreamLogError) -> Int {
        let (replica, local) = try replicaPartition(partition, offset)
        // Records the cluster has but the replica has not read yet: nothing to hand out this tick.
        guard local < replica.logEndOffset else { return 0 }
        return try replica.forEachRun(from: local, maxRecords: maxRecords, body)
    }

    public func fetch(_ partition: LogPartition, from offset: Int64, maxRecords: Int) throws(StreamLogError) -> [Record] {
        let (replica, local) = try replicaPartition(partition, offset)
        guard local < replica.logEndOffset else { return [] }
        return try replica.fetch(from: local, maxRecords: maxRecords)
    }

    /// The replica partition and the replica offset of cluster `offset`; OFFSET_OUT_OF_RANGE
    /// (in cluster offsets) below what the replica holds.
    private func replicaPartition(_ partition: LogPartition, _ offset: Int64) throws(StreamLogError) -> (Partition, Int64) {
        guard let topic = topics[partition.topic] else { throw .unknownTopic(partition.topic) }
        let replica = try topic.mirror.partition(partition.partition)
        let base = topic.base[partition.partition]
        let local = offset - base
        guard local >= replica.logStartOffset else {
            throw .offsetOutOfRange(partition, offset: offset, logStartOffset: base + replica.logStartOffset,
                                    logEndOffset: base + replica.logEndOffset)
        }
        return (replica, local)
    }
}
