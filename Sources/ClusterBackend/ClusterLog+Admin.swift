import Glibc
import RdKafka
import StreamLog

/// What `kafka-configs --alter` and `kafka-consumer-groups --reset-offsets` do, on the cluster.
extension ClusterLog {
    /// Sets a topic's retention on the cluster (AlterConfigs) and in the replica, so the
    /// dashboard's log start follows it; the broker deletes on its own schedule.
    ///
    /// AlterConfigs replaces every dynamic config of the topic, so the ones it has (read with
    /// DescribeConfigs) are sent again beside `retention.ms` and `retention.bytes` (nil: -1, no
    /// limit). A record-count limit has no Kafka config: it is refused, naming why.
    public func alterRetention(topic name: String, timeMs: Int64?, bytes: Int?, records: Int?) throws(StreamLogError) {
        guard let topic = topics[name] else { throw .unknownTopic(name) }
        guard records == nil else {
            throw .invalidArgument("retention by record count has no Kafka config (a cluster has retention.ms and "
                                   + "retention.bytes): give the topic's retention a time or a size")
        }
        do {
            var configs = try admin.topicConfigs(topic.clusterName)
            configs["retention.ms"] = String(timeMs ?? -1)
            configs["retention.bytes"] = String(bytes ?? -1)
            try admin.replaceTopicConfigs(topic.clusterName, with: configs)
        } catch {
            throw .invalidArgument("topic '\(topic.clusterName)': \(settings.config.redact(error.description))")
        }
        try topic.mirror.alterRetention(timeMs: timeMs, bytes: bytes, records: ClusterTopic.replicaRecords)
    }

    /// Rewrites a group's committed offsets on every partition of `topics` (AlterConsumerGroupOffsets),
    /// as `kafka-consumer-groups --reset-offsets --execute` does; returns the new offsets.
    ///
    /// Like the tool (and the in-process log) it refuses while the group has members here (a
    /// killed one counts until its session times out). Members that just left with LeaveGroup may
    /// still count on the broker for a moment (NON_EMPTY_GROUP, UNKNOWN_MEMBER_ID): that answer is
    /// retried every 250 ms for at most the group's longest session timeout.
    /// Earliest is the later of the cluster's log start and the replica's, latest the cluster's
    /// log end; an offset is clamped between them; a time is looked up on the cluster (ListOffsets).
    public func resetOffsets(group: String, topics names: [String], to target: OffsetResetTarget, nowMs: Int64)
        throws(StreamLogError) -> [LogPartition: Int64]
    {
        guard let state = groups[group] else { throw .unknownGroup(group) }
        guard state.members.isEmpty else {
            throw .invalidArgument("Assignments can only be reset if the group '\(group)' is inactive, but the current state is "
                                   + "\(state.snapshot().state.rawValue).")
        }
        let offsets = try resetTargets(names, to: target)
        var kafkaOffsets: [KafkaPartition: Int64] = [:]
        for (partition, offset) in offsets { kafkaOffsets[kafkaPartition(partition)] = offset }
        var attempts = Int(max(state.longestSessionMs, Self.minimumSessionTimeoutMs) / 250)
        while true {
            do {
                try admin.alterCommittedOffsets(group: state.clusterName, kafkaOffsets)
                break
            } catch where Self.membersStillCounted(error) && attempts > 0 {
                attempts -= 1
                usleep(250_000)
            } catch {
                throw .invalidArgument("group '\(state.clusterName)': \(settings.config.redact(error.description))")
            }
        }
        for (partition, offset) in offsets { noteCommit(offset, of: partition, in: state, nowMs: nowMs) }
        return offsets
    }

    /// Per partition of `names`, where `target` points on the cluster now.
    private func resetTargets(_ names: [String], to target: OffsetResetTarget) throws(StreamLogError) -> [LogPartition: Int64] {
        var offsets: [LogPartition: Int64] = [:]
        for name in names {
            guard let topic = topics[name] else { throw .unknownTopic(name) }
            let view = try self.offsets(topic: name)
            let partitions = (0..<topic.partitionCount).map { KafkaPartition(topic.clusterName, Int32($0)) }
            do {
                let atTime: [KafkaPartition: Int64]
                if case .timestamp(let ms) = target {
                    atTime = try admin.client.offsets(at: settings.startEpochMs + ms, of: partitions, timeoutMs: settings.timeoutMs)
                } else {
                    atTime = [:]
                }
                for (index, partition) in partitions.enumerated() {
                    let marks = try admin.client.watermarks(partition, timeoutMs: settings.timeoutMs)
                    let start = max(marks.low, view[index].logStartOffset)
                    let end = max(marks.high, view[index].logEndOffset)
                    let offset: Int64
                    switch target {
                    case .earliest: offset = start
                    case .latest: offset = end
                    case .offset(let wanted): offset = wanted
                    case .timestamp: offset = atTime[partition].map { $0 < 0 ? end : $0 } ?? end  // -1: no record that late
                    }
                    offsets[view[index].topicPartition] = min(max(offset, start), end)
                }
            } catch {
                throw .invalidArgument("topic '\(topic.clusterName)': \(settings.config.redact(error.description))")
            }
        }
        return offsets
    }

    /// Answers a broker gives while members that just left still count in the group.
    private static func membersStillCounted(_ error: KafkaError) -> Bool {
        // NON_EMPTY_GROUP, UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS, COORDINATOR_LOAD_IN_PROGRESS
        [68, 25, 22, 27, 14].contains(error.code)
    }
}
