/// Fetching for a member: positions, `auto.offset.reset`, and at-least-once accounting.
extension GroupCoordinator {
    /// Hands the member up to `maxRecords` records from its partitions, advancing its positions.
    ///
    /// First makes the commit its policy has due. Partitions are visited from a rotating start.
    /// A position outside log-start...log-end is reset by `auto.offset.reset` with an event.
    func poll(memberId: String, maxRecords: Int, nowMs: Int64, topics: [String: Topic]) throws(StreamLogError) -> [ConsumerRecord] {
        var output: [ConsumerRecord] = []
        try poll(memberId: memberId, maxRecords: maxRecords, nowMs: nowMs, topics: topics) { topicPartition, records in
            for view in records { output.append(ConsumerRecord(topicPartition: topicPartition, record: view.record)) }
        }
        return output
    }

    /// The same poll, handing `body` the records where they are stored (runs valid during the
    /// call only) instead of collecting copies; returns how many records were delivered.
    @discardableResult
    func poll(
        memberId: String, maxRecords: Int, nowMs: Int64, topics: [String: Topic],
        _ body: (TopicPartition, RecordBatch) -> Void
    ) throws(StreamLogError) -> Int {
        let member = try activeMember(memberId)
        guard maxRecords >= 0 else { throw .invalidArgument("maxRecords must not be negative, got \(maxRecords)") }
        member.lastHeartbeatMs = max(member.lastHeartbeatMs, nowMs)
        commitDueOnPoll(member, nowMs: nowMs, topics: topics)
        let owned = member.owned
        guard maxRecords > 0, !owned.isEmpty else { return 0 }
        var delivered = 0
        let start = member.pollCursor % owned.count
        member.pollCursor = (member.pollCursor + 1) % owned.count
        for step in 0..<owned.count where delivered < maxRecords {
            let topicPartition = owned[(start + step) % owned.count]
            guard let topic = topics[topicPartition.topic], topic.partitions.indices.contains(topicPartition.partition) else { continue }
            let partition = topic.partitions[topicPartition.partition]
            let position = try position(of: member, partition: partition)
            let count = try partition.forEachRun(from: position, maxRecords: maxRecords - delivered) {
                body(topicPartition, $0)
            }
            guard count > 0 else { continue }
            delivered += count
            member.positions[topicPartition] = position + Int64(count)
            noteDelivery(to: member, topicPartition, from: position, count: count)
        }
        if delivered > 0, member.options.commitPolicy == .afterEachBatch { member.batchAwaitingCommit = true }
        return delivered
    }

    /// The member's position in `partition`, initialised from the committed offset or reset by policy.
    private func position(of member: GroupMember, partition: Partition) throws(StreamLogError) -> Int64 {
        let topicPartition = partition.topicPartition
        let known = member.positions[topicPartition] ?? progress[topicPartition]?.committed
        if let known, known >= partition.logStartOffset, known <= partition.logEndOffset {
            member.positions[topicPartition] = known
            return known
        }
        let policy = member.options.autoOffsetReset
        let target: Int64
        switch policy {
        case .earliest: target = partition.logStartOffset
        case .latest: target = partition.logEndOffset
        case .none:
            if let known {
                throw .offsetOutOfRange(
                    topicPartition, offset: known, logStartOffset: partition.logStartOffset, logEndOffset: partition.logEndOffset)
            }
            throw .noOffsetForPartition(group: name, topicPartition)
        }
        events.append(
            .offsetReset(
                group: name, memberId: member.memberId, topicPartition: topicPartition, from: known, to: target,
                policy: policy, logStartOffset: partition.logStartOffset))
        member.positions[topicPartition] = target
        return target
    }

    /// Counts delivered records and duplicates (offsets at or below the highest ever delivered).
    private func noteDelivery(to member: GroupMember, _ topicPartition: TopicPartition, from offset: Int64, count: Int) {
        var entry = progress(for: topicPartition)
        let last = offset + Int64(count) - 1
        let duplicates = max(0, min(last, entry.highestDelivered) - offset + 1)
        entry.delivered += Int64(count)
        entry.duplicates += duplicates
        entry.highestDelivered = max(entry.highestDelivered, last)
        progress[topicPartition] = entry
        if duplicates > 0 {
            events.append(.recordsRedelivered(group: name, memberId: member.memberId, topicPartition: topicPartition, count: duplicates))
        }
    }
}
