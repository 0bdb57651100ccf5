import DequeModule

/// Retention: deleting whole segments from the head of the partition, oldest first.
extension Partition {
    /// Deletes the segments that Kafka's retention rules allow, rolling the active segment first
    /// when it must go too. Log-start offset moves to the first retained segment.
    ///
    /// Rules, each over a prefix of the segments (active included when non-empty):
    /// time: `nowMs − segment.maxTimestamp > retention.ms`; bytes: delete while the partition
    /// stays at or above `retention.bytes` without the segment; records: the same, counted in records.
    public func enforceRetention(nowMs: Int64) {
        let candidates = sealed.count + (active.isEmpty ? 0 : 1)
        guard candidates > 0 else { return }
        var deletable = 0
        var reason = RetentionReason.time
        if let retentionMs = config.retentionMs {
            while deletable < candidates, nowMs - segment(at: deletable).maxTimestamp > retentionMs {
                deletable += 1
            }
        }
        if let retentionBytes = config.retentionBytes {
            let count = sizeBreachedPrefix(candidates, excess: retainedBytes - retentionBytes) { Int64($0.bytes) }
            if count > deletable { (deletable, reason) = (count, .bytes) }
        }
        if let retentionRecords = config.retentionRecords {
            let excess = Int(retainedRecords) - retentionRecords
            let count = sizeBreachedPrefix(candidates, excess: excess) { Int64($0.count) }
            if count > deletable { (deletable, reason) = (count, .records) }
        }
        guard deletable > 0 else { return }
        if deletable > sealed.count { startNewActiveSegment() }
        deleteOldestSegments(deletable, reason: reason)
    }

    /// The sealed segment at `index`, or the active one just past them.
    private func segment(at index: Int) -> Segment {
        index < sealed.count ? sealed[index] : active
    }

    /// How many leading segments can go while the partition keeps at least the retained amount.
    private func sizeBreachedPrefix(_ candidates: Int, excess: Int, size: (Segment) -> Int64) -> Int {
        var remaining = Int64(excess)
        var count = 0
        while count < candidates {
            let segmentSize = size(segment(at: count))
            guard remaining - segmentSize >= 0 else { break }
            remaining -= segmentSize
            count += 1
        }
        return count
    }

    private func deleteOldestSegments(_ count: Int, reason: RetentionReason) {
        var records: Int64 = 0
        for _ in 0..<count {
            guard var segment = sealed.popFirst() else { break }
            records += Int64(segment.count)
            retainedBytes -= segment.bytes
            if let first = segment.entries.first {
                if deletedStarts.count == Partition.deletedStartsCap { deletedStarts.removeFirst() }
                deletedStarts.append(DeletedSegmentStart(baseOffset: segment.baseOffset, appendTimeMs: first.appendTimeMs))
            }
            let storage = segment.release()
            if freeStorage.count < Partition.freeStorageCap { freeStorage.append(storage) }
        }
        logStartOffset = sealed.first?.baseOffset ?? active.baseOffset
        noteDeletion(segments: count, records: records, reason: reason)
    }

    private func noteDeletion(segments: Int, records: Int64, reason: RetentionReason) {
        if pendingDeletions.count >= Partition.pendingDeletionCap, let last = pendingDeletions.indices.last {
            pendingDeletions[last].segmentCount += segments
            pendingDeletions[last].recordCount += records
            pendingDeletions[last].newLogStartOffset = logStartOffset
            return
        }
        pendingDeletions.append(
            SegmentDeletion(
                topicPartition: topicPartition, segmentCount: segments, recordCount: records,
                newLogStartOffset: logStartOffset, reason: reason))
    }

    /// Hands the deletions since the last call to `body`, oldest first (the buffer is kept, so
    /// nothing is copied or allocated).
    public func takeDeletions(_ body: (SegmentDeletion) -> Void) {
        guard !pendingDeletions.isEmpty else { return }
        for deletion in pendingDeletions { body(deletion) }
        pendingDeletions.removeAll(keepingCapacity: true)
    }
}
