import StreamLog

/// Polling: positions, the committed offset to start from, and `auto.offset.reset`.
extension ConsumerClient {
    /// Hands `body` up to `maxRecords` records from the owned partitions, where the log stores
    /// them (runs valid during the call only), advancing the positions; returns how many.
    ///
    /// First makes the commit its policy has due. Partitions are visited from a rotating start.
    /// A partition without a position starts at the committed offset; a position outside
    /// log-start...log-end is reset by `auto.offset.reset`, with an event.
    func poll(
        maxRecords: Int, nowMs: Int64, _ body: (TopicPartition, RecordBatch) -> Void
    ) throws(StreamLogError) -> Int {
        guard !crashed else { throw .memberNotActive(group: group, memberId: memberId) }
        guard maxRecords >= 0 else { throw .invalidArgument("maxRecords must not be negative, got \(maxRecords)") }
        commitDueOnPoll(nowMs: nowMs)
        guard maxRecords > 0, !owned.isEmpty else { return 0 }
        var delivered = 0
        let start = pollCursor % owned.count
        pollCursor = (pollCursor + 1) % owned.count
        var committed: [TopicPartition: CommittedOffset]?
        for step in 0..<owned.count where delivered < maxRecords {
            let partition = owned[(start + step) % owned.count]
            var known = positions[partition]
            if known == nil {
                if committed == nil { committed = try backend.committedOffsets(group: group) }
                known = committed?[partition]?.offset
            }
            let position: Int64
            let count: Int
            do {
                (position, count) = try fetch(partition, from: known, maxRecords: maxRecords - delivered, body)
            } catch .unknownTopic, .unknownPartition {
                continue
            }
            // One write (one hash of the partition): where the fetch started plus what it read.
            positions[partition] = position + Int64(count)
            guard count > 0 else { continue }
            delivered += count
            let duplicates = ledger.note(partition, from: position, count: count)
            if duplicates > 0 {
                backend.report(.recordsRedelivered(group: group, memberId: memberId, topicPartition: partition, count: duplicates))
            }
        }
        if delivered > 0, options.commitPolicy == .afterEachBatch { batchAwaitingCommit = true }
        return delivered
    }

    /// Fetches from `known`, or from where `auto.offset.reset` says when there is no position or
    /// it fell outside the log; returns the offset read from and the count.
    func fetch(
        _ partition: TopicPartition, from known: Int64?, maxRecords: Int, _ body: (TopicPartition, RecordBatch) -> Void
    ) throws(StreamLogError) -> (Int64, Int) {
        var logStart: Int64
        var logEnd: Int64
        if let known {
            do {
                return (known, try backend.fetch(partition, from: known, maxRecords: maxRecords) { body(partition, $0) })
            } catch .offsetOutOfRange(_, _, let start, let end) {
                logStart = start
                logEnd = end
            }
        } else {
            guard let offsets = try backend.offsets(topic: partition.topic).first(where: { $0.topicPartition == partition }) else {
                throw .unknownPartition(topic: partition.topic, partition: partition.partition, partitionCount: 0)
            }
            logStart = offsets.logStartOffset
            logEnd = offsets.logEndOffset
        }
        let policy = options.autoOffsetReset
        let target: Int64
        switch policy {
        case .earliest: target = logStart
        case .latest: target = logEnd
        case .none:
            if let known {
                throw .offsetOutOfRange(partition, offset: known, logStartOffset: logStart, logEndOffset: logEnd)
            }
            throw .noOffsetForPartition(group: group, partition)
        }
        backend.report(
            .offsetReset(
                group: group, memberId: memberId, topicPartition: partition, from: known, to: target, policy: policy,
                logStartOffset: logStart))
        return (target, try backend.fetch(partition, from: target, maxRecords: maxRecords) { body(partition, $0) })
    }
}
