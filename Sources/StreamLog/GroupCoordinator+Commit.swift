/// Offset commits: explicit commits with Kafka's generation fencing, and policy-driven ones.
extension GroupCoordinator {
    /// Commits `offsets` (nil: the member's current positions) for a member.
    ///
    /// `generation` defaults to the member's own; a stale one is rejected with ILLEGAL_GENERATION,
    /// and any commit during CompletingRebalance with REBALANCE_IN_PROGRESS (both also emitted as
    /// events). Offsets must lie within 0...log-end.
    func commit(
        memberId: String, offsets: [TopicPartition: Int64]?, generation requested: Int?, nowMs: Int64,
        topics: [String: Topic]
    ) throws(StreamLogError) {
        let member = try activeMember(memberId)
        member.lastHeartbeatMs = max(member.lastHeartbeatMs, nowMs)
        let used = requested ?? member.generation
        if used != generation {
            try reject(member, .illegalGeneration(group: name, memberId: memberId, generation: used, current: generation))
        }
        if state == .completingRebalance { try reject(member, .rebalanceInProgress(group: name)) }
        let chosen = offsets ?? member.positions
        for (partition, offset) in chosen.sorted(by: { $0.key < $1.key }) {
            guard let log = topics[partition.topic] else { throw .unknownTopic(partition.topic) }
            let stored = try log.partition(partition.partition)
            guard offset >= 0, offset <= stored.logEndOffset else {
                throw .offsetOutOfRange(partition, offset: offset, logStartOffset: stored.logStartOffset, logEndOffset: stored.logEndOffset)
            }
        }
        store(chosen, nowMs: nowMs, topics: topics)
    }

    private func reject(_ member: GroupMember, _ error: StreamLogError) throws(StreamLogError) {
        events.append(.commitRejected(group: name, memberId: member.memberId, error: error))
        throw error
    }

    /// Writes offsets to the group's committed offsets and Burrow windows.
    func store(_ offsets: [TopicPartition: Int64], nowMs: Int64, topics: [String: Topic]) {
        for (partition, offset) in offsets {
            let logEnd = topics[partition.topic].map { $0.partitions[partition.partition].logEndOffset } ?? offset
            var entry = progress(for: partition)
            entry.recordCommit(offset, nowMs: nowMs, logEndOffset: logEnd, burrow: settings.burrow)
            progress[partition] = entry
        }
    }

    /// Forgets what was handed out at or after `offsets`, so reading it again after a deliberate
    /// rewind (`--reset-offsets`) is a replay, not an at-least-once duplicate.
    func forgetDeliveries(from offsets: [TopicPartition: Int64]) {
        for (partition, offset) in offsets {
            var entry = progress(for: partition)
            entry.highestDelivered = min(entry.highestDelivered, offset - 1)
            progress[partition] = entry
        }
    }

    /// The commit a member's policy makes before a rebalance, on revocation or on a clean leave:
    /// the positions of `partitions` (manual members commit nothing).
    func commitOnPolicy(_ member: GroupMember, partitions: [TopicPartition], nowMs: Int64, topics: [String: Topic]) {
        if member.options.commitPolicy == .manual || state == .completingRebalance { return }
        var offsets: [TopicPartition: Int64] = [:]
        for partition in partitions { if let position = member.positions[partition] { offsets[partition] = position } }
        store(offsets, nowMs: nowMs, topics: topics)
        member.batchAwaitingCommit = false
        if case .auto = member.options.commitPolicy { member.lastAutoCommitMs = nowMs }
    }

    /// The commit piggy-backed on poll: auto-commit when its interval expired, or the previous
    /// batch under `.afterEachBatch`. Rejected during CompletingRebalance (as an event).
    func commitDueOnPoll(_ member: GroupMember, nowMs: Int64, topics: [String: Topic]) {
        switch member.options.commitPolicy {
        case .manual:
            return
        case .auto(let interval):
            guard nowMs - member.lastAutoCommitMs >= interval else { return }
            member.lastAutoCommitMs = nowMs
        case .afterEachBatch:
            guard member.batchAwaitingCommit else { return }
        }
        if state == .completingRebalance {
            events.append(.commitRejected(group: name, memberId: member.memberId, error: .rebalanceInProgress(group: name)))
            return
        }
        store(member.positions, nowMs: nowMs, topics: topics)
        member.batchAwaitingCommit = false
    }
}
