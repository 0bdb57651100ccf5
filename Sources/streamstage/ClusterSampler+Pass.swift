import RdKafka
import Simulation
import StreamLog

/// One sampling pass: metadata, watermarks, groups and offsets, then records.
extension ClusterSampler {
    /// Whether a connection state counts as up: connected, updating, or not in use (`INIT`:
    /// librdkafka connects to a broker only while it needs it, which says nothing about the broker).
    static func isUp(_ state: String) -> Bool { state == "UP" || state == "UPDATE" || state == "INIT" }

    /// Reads the cluster once; a failed call becomes the sample's `problem`, never a stop.
    func pass(at timeMs: Int64, reads: [RdKafka.TopicPartition: Int64], reader: inout ReaderState) -> ClusterSample {
        let states = sharedBrokerStates()
        let metadata: ClusterMetadata
        do {
            metadata = try admin.client.clusterMetadata(timeoutMs: Self.requestTimeoutMs)
        } catch {
            return ClusterSample(timeMs: timeMs, clusterId: nil, controllerId: nil, brokers: [], topics: [], groups: [],
                                 problem: "cluster not answering: \(admin.client.config.redact(error.message))")
        }
        let brokers = metadata.brokers.map { broker in
            ClusterSample.Broker(id: Int(broker.id), address: "\(broker.host):\(broker.port)",
                                 up: states[broker.id].map(Self.isUp) ?? true)
        }
        var problems: [String] = []
        let watched = metadata.partitionCounts.keys.filter { selection.showsTopic($0) }.sorted()
        let partitions = watched.flatMap { name in (0..<(metadata.partitionCounts[name] ?? 0)).map { RdKafka.TopicPartition(name, Int32($0)) } }
        var lows: [RdKafka.TopicPartition: Int64] = [:]
        var highs: [RdKafka.TopicPartition: Int64] = [:]
        do {
            lows = try admin.client.offsets(of: partitions, at: .start, timeoutMs: Self.requestTimeoutMs)
            highs = try admin.client.offsets(of: partitions, at: .end, timeoutMs: Self.requestTimeoutMs)
        } catch {
            problems.append("offsets: \(admin.client.config.redact(error.message))")
        }
        let topics = metadata.partitionCounts.keys.sorted().map { name in
            ClusterSample.Topic(name: name, watermarks: (0..<(metadata.partitionCounts[name] ?? 0)).map { index in
                let partition = RdKafka.TopicPartition(name, Int32(index))
                guard let low = lows[partition], let high = highs[partition] else { return nil }
                return (low, high)
            })
        }
        var groups: [ClusterSample.Group] = []
        do {
            let names = try admin.listGroups().filter { selection.followsGroup($0) }
            for description in try names.isEmpty ? [] : admin.describeGroups(names) {
                let committed = try admin.committedOffsets(group: description.groupId)
                groups.append(ClusterSample.Group(
                    name: description.groupId, state: description.state, assignor: description.assignor,
                    members: description.members.map {
                        ClusterSample.Member(memberId: $0.memberId, clientId: $0.clientId, host: $0.host,
                                             partitions: $0.partitions.map(Self.streamLog))
                    },
                    committed: Dictionary(uniqueKeysWithValues: committed.map { (Self.streamLog($0.key), $0.value) })))
            }
        } catch {
            problems.append("groups: \(admin.client.config.redact(error.message))")
        }
        var records: [ClusterSample.Record] = []
        var committedRecords: [StreamLog.TopicPartition: ClusterSample.Record] = [:]
        do {
(records, committedRecords) = try readRecords(partitions: partitions, highs: highs, reads: reads, reader: &reader)
        } catch {
            problems.append("records: \(admin.client.config.redact(error.message))")
        }
        return ClusterSample(
            timeMs: timeMs, clusterId: metadata.clusterId, controllerId: metadata.controllerId.map(Int.init), brokers: brokers,
            topics: topics, groups: groups, records: records, committedRecords: committedRecords,
            problem: problems.isEmpty ? nil : problems.joined(separator: "; "))
    }

    /// Reads records for the feed from the end of `partitions` (after the last record read,
    /// when that is not too far behind), and the record at each offset of `reads`.
    private func readRecords(
        partitions: [RdKafka.TopicPartition], highs: [RdKafka.TopicPartition: Int64], reads: [RdKafka.TopicPartition: Int64],
        reader: inout ReaderState
    ) throws(KafkaError) -> ([ClusterSample.Record], [StreamLog.TopicPartition: ClusterSample.Record]) {
        // The tail goes on after the last record read (unless that is far behind the end), else
        // from the log-end offset this pass read, so nothing appended between windows is skipped.
        let tail = Dictionary(uniqueKeysWithValues: partitions.map { partition -> (RdKafka.TopicPartition, Int64) in
            let high = highs[partition] ?? SamplingConsumer.offsetEnd
            guard let next = reader.tail[partition], high >= 0, high - next <= Self.tailSlack else { return (partition, high) }
            return (partition, next)
        })
        var wanted = tail
        for (partition, offset) in reads where wanted[partition] != nil { wanted[partition] = offset }
        // Assigned only for this window, so the consumer fetches at most `readWindowMs` a pass,
        // whatever the broker does with fetch.wait.max.ms.
        try consumer.assign(wanted)
        var records: [ClusterSample.Record] = []
        var atCommit: [StreamLog.TopicPartition: ClusterSample.Record] = [:]
        let deadline = Self.epochMs() + Self.readWindowMs
        while Self.epochMs() < deadline, records.count < Self.recordsPerPass {
            let read = consumer.poll(maxRecords: 100, timeoutMs: 100) { consumed in
                let partition = RdKafka.TopicPartition(consumed.topic, consumed.partition)
                var record = ClusterSample.Record(
                    topic: consumed.topic, partition: Int(consumed.partition), offset: consumed.offset,
                    timestampMs: consumed.timestampMs, key: consumed.key.map { Array($0) }, value: Array(consumed.value))
                if let asked = reads[partition] {
                    // The first record at or after the commit: the next one the group will read.
                    guard atCommit[Self.streamLog(partition)] == nil, consumed.offset >= asked else { return }
                    record.offset = asked
                    atCommit[Self.streamLog(partition)] = record
                } else {
                    records.append(record)
                    reader.tail[partition] = consumed.offset + 1
                }
            }
            if read == 0, reads.keys.allSatisfy({ atCommit[Self.streamLog($0)] != nil }) { break }
        }
        try consumer.assign([:])
        // Partitions that gave nothing go on from where this window started.
        for (partition, offset) in tail where offset >= 0 && (reader.tail[partition] ?? -1) < offset { reader.tail[partition] = offset }
        return (records, atCommit)
    }

    /// Where the feed's reading got to in each partition: the next offset to read.
    struct ReaderState {
        var tail: [RdKafka.TopicPartition: Int64] = [:]
    }

    /// A librdkafka partition as the log's.
    static func streamLog(_ partition: RdKafka.TopicPartition) -> StreamLog.TopicPartition {
        StreamLog.TopicPartition(partition.topic, Int(partition.partition))
    }
}
