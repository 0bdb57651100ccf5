/// Where `resetOffsets` moves a group (the `--to-…` options of `kafka-consumer-groups --reset-offsets`).
public enum OffsetResetTarget: Equatable, Sendable {
    /// `--to-earliest`: each partition's log-start offset.
    case earliest
    /// `--to-latest`: each partition's log-end offset.
    case latest
    /// `--to-offset n`, clamped to each partition's log-start…log-end.
    case offset(Int64)
    /// `--to-datetime`: the first offset whose timestamp is at or after this time (log-end if none).
    case timestamp(Int64)
}

/// Administrative calls: what `kafka-consumer-groups.sh` and `kafka-configs.sh` do to a live log.
extension InProcessLog {
    /// Rewrites a group's committed offsets on every partition of `topics`, as
    /// `kafka-consumer-groups --reset-offsets --execute` does; returns the new offsets.
    ///
    /// Like the tool, it refuses while the group has members (crashed ones count until their
    /// session times out): "Assignments can only be reset if the group is inactive".
    /// A deliberate rewind is a replay: the consumers' duplicate count is theirs to reset.
    public func resetOffsets(group: String, topics topicNames: [String], to target: OffsetResetTarget, nowMs: Int64)
        throws(StreamLogError) -> [TopicPartition: Int64]
    {
        let coordinator = try coordinator(group)
        guard coordinator.members.isEmpty else {
            throw .invalidArgument(
                "Assignments can only be reset if the group '\(group)' is inactive, but the current state is \(coordinator.state.rawValue).")
        }
        var offsets: [TopicPartition: Int64] = [:]
        for name in topicNames {
            for partition in try topic(name).partitions {
                let start = partition.logStartOffset
                let end = partition.logEndOffset
                switch target {
                case .earliest: offsets[partition.topicPartition] = start
                case .latest: offsets[partition.topicPartition] = end
                case .offset(let offset): offsets[partition.topicPartition] = min(max(offset, start), end)
                case .timestamp(let time):
                    var offset = start
                    while offset < end, let record = partition.record(at: offset), record.timestamp < time { offset += 1 }
                    offsets[partition.topicPartition] = offset
                }
            }
        }
        coordinator.store(offsets, nowMs: nowMs, topics: topics)
        return offsets
    }
}

extension InProcessLog {
    /// Changes a topic's retention limits, as `kafka-configs --alter --add-config` does; the next
    /// tick enforces them (deleting whole segments, oldest first).
    public func alterRetention(topic name: String, timeMs: Int64?, bytes: Int?, records: Int?) throws(StreamLogError) {
        let topic = try topic(name)
        var config = topic.config
        config.retentionMs = timeMs
        config.retentionBytes = bytes
        config.retentionRecords = records
        try config.validate(topic: name)
        topic.config = config
        for partition in topic.partitions { partition.config = config }
    }
}
