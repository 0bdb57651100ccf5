/// The offset store: commits with Kafka's generation fencing, and what OffsetFetch reports.
extension GroupCoordinator {
    /// OffsetCommit from a member under `generation`.
    ///
    /// A stale generation is rejected with ILLEGAL_GENERATION, a commit during
    /// CompletingRebalance with REBALANCE_IN_PROGRESS (both also emitted as events), an unknown
    /// member with UNKNOWN_MEMBER_ID. Offsets must lie within 0...log-end.
    func commit(
        memberId: String, offsets chosen: [TopicPartition: Int64], generation used: Int, nowMs: Int64, topics: [String: Topic]
    ) throws(StreamLogError) {
        let member = try member(memberId)
        if used != generation {
            try reject(member, .illegalGeneration(group: name, memberId: memberId, generation: used, current: generation))
        }
        if state == .completingRebalance { try reject(member, .rebalanceInProgress(group: name)) }
        try validate(chosen, topics: topics)
        store(chosen, nowMs: nowMs, topics: topics)
    }

    /// OffsetCommit from outside the group (no member id, generation −1): accepted only while the
    /// group has no members, as Kafka does; UNKNOWN_MEMBER_ID otherwise.
    func commitFromOutside(_ chosen: [TopicPartition: Int64], nowMs: Int64, topics: [String: Topic]) throws(StreamLogError) {
        guard members.isEmpty else { throw .unknownMember(group: name, memberId: "") }
        try validate(chosen, topics: topics)
        store(chosen, nowMs: nowMs, topics: topics)
    }

    /// Throws OFFSET_OUT_OF_RANGE (or UNKNOWN_TOPIC_OR_PARTITION) for the first partition, in
    /// order, whose offset may not be committed.
    private func validate(_ chosen: [TopicPartition: Int64], topics: [String: Topic]) throws(StreamLogError) {
        // Checked unsorted (no copy); only a refused commit sorts, so its error names the first partition.
        guard !chosen.allSatisfy({ Self.validCommit($0.key, $0.value, topics: topics) }) else { return }
        for (partition, offset) in chosen.sorted(by: { $0.key < $1.key }) {
            guard let log = topics[partition.topic] else { throw .unknownTopic(partition.topic) }
            let stored = try log.partition(partition.partition)
            guard offset >= 0, offset <= stored.logEndOffset else {
                throw .offsetOutOfRange(partition, offset: offset, logStartOffset: stored.logStartOffset, logEndOffset: stored.logEndOffset)
            }
        }
    }

    /// Whether `offset` may be committed for `partition`: a known partition, within 0...log-end.
    private static func validCommit(_ partition: TopicPartition, _ offset: Int64, topics: [String: Topic]) -> Bool {
        guard let log = topics[partition.topic], log.partitions.indices.contains(partition.partition) else { return false }
        return offset >= 0 && offset <= log.partitions[partition.partition].logEndOffset
    }

    private func reject(_ member: GroupMember, _ error: StreamLogError) throws(StreamLogError) {
        events.append(.commitRejected(group: name, memberId: member.memberId, error: error))
        throw error
    }

    /// Writes offsets to the group's committed offsets and Burrow windows.
    func store(_ offsets: [TopicPartition: Int64], nowMs: Int64, topics: [String: Topic]) {
        for (partition, offset) in offsets {
            let logEnd = topics[partition.topic].map { $0.partitions[partition.partition].logEndOffset } ?? offset
            // In place: a copy would share the commit window and copy it on write.
            if let index = self.offsets.index(forKey: partition) {
                self.offsets.values[index].recordCommit(offset, nowMs: nowMs, logEndOffset: logEnd, burrow: settings.burrow)
            } else {
                var entry = PartitionProgress()
                entry.recordCommit(offset, nowMs: nowMs, logEndOffset: logEnd, burrow: settings.burrow)
                self.offsets[partition] = entry
            }
        }
    }

    /// OffsetFetch: every committed partition with its offset and commit window.
    var committed: [TopicPartition: CommittedOffset] {
        var result: [TopicPartition: CommittedOffset] = [:]
        for (partition, entry) in offsets {
            if let offset = entry.committed { result[partition] = CommittedOffset(offset: offset, commits: Array(entry.commits)) }
        }
        return result
    }
}
