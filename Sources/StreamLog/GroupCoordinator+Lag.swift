/// Lag in records and seconds, rates, retention danger and Burrow status for a group.
extension GroupCoordinator {
    func lag(nowMs: Int64, topics: [String: Topic], produceRates: [TopicPartition: RateWindow]) -> GroupLag {
        var owners: [TopicPartition: GroupMember] = [:]
        for member in members.values { for partition in member.owned { owners[partition] = member } }
        var rows: [PartitionLag] = []
        for topicPartition in trackedPartitions(topics) {
            guard let partition = topics[topicPartition.topic]?.partitions[topicPartition.partition] else { continue }
            rows.append(partitionLag(partition, owner: owners[topicPartition], nowMs: nowMs, produceRates: produceRates))
        }
        return GroupLag(
            group: name, state: state, generation: generation, partitions: rows,
            totalLag: rows.reduce(0) { $0 + ($1.lag ?? 0) },
            maxLag: rows.compactMap(\.lag).max(), maxLagMs: rows.compactMap(\.lagMs).max(),
            produceRate: rows.reduce(0) { $0 + $1.produceRate }, consumeRate: rows.reduce(0) { $0 + $1.consumeRate },
            status: Burrow.groupStatus(rows.map(\.status)), duplicates: rows.reduce(0) { $0 + $1.duplicates })
    }

    private func partitionLag(
        _ partition: Partition, owner: GroupMember?, nowMs: Int64, produceRates: [TopicPartition: RateWindow]
    ) -> PartitionLag {
        let topicPartition = partition.topicPartition
        let entry = progress(for: topicPartition)
        let logEnd = partition.logEndOffset
        let position = owner?.positions[topicPartition]
        let readFrom = entry.committed ?? startOffset(partition, position: position)
        let lag = readFrom.map { logEnd - $0 }
        let status = Burrow.partitionStatus(
            window: Array(entry.commits), currentLag: max(0, lag ?? 0), nowMs: nowMs, allowedLag: settings.burrow.allowedLag)
        return PartitionLag(
            topicPartition: topicPartition, logStartOffset: partition.logStartOffset, logEndOffset: logEnd,
            committedOffset: entry.committed, position: position, ownerMemberId: owner?.memberId,
            lag: lag, lagMs: readFrom.map { lagMs(partition, from: $0, nowMs: nowMs) },
            recordsLead: entry.committed.map { $0 - partition.logStartOffset },
            produceRate: produceRates[topicPartition]?.perSecond ?? 0, consumeRate: entry.consumeRate.perSecond,
            status: status, commitWindow: Array(entry.commits), delivered: entry.delivered, duplicates: entry.duplicates)
    }

    /// Where a group without a commit will read `partition` from: the owner's position once it
    /// has one, else where `auto.offset.reset` starts (log-start for earliest, log-end for
    /// latest); nil under `none`, where the consumer would fail instead.
    private func startOffset(_ partition: Partition, position: Int64?) -> Int64? {
        if let position { return position }
        switch resetPolicy {
        case .earliest: return partition.logStartOffset
        case .latest: return partition.logEndOffset
        case .none: return nil
        }
    }

    /// Now minus the append time of the next record to consume (see `PartitionLag.lagMs`).
    private func lagMs(_ partition: Partition, from offset: Int64, nowMs: Int64) -> Int64 {
        guard offset < partition.logEndOffset else { return 0 }
        let appended = partition.appendTime(at: offset) ?? partition.record(at: partition.logStartOffset)?.appendTimeMs ?? nowMs
        return max(0, nowMs - appended)
    }
}
