import DequeModule

/// Reading a partition by offset.
extension Partition {
    /// Appends owned copies of up to `maxRecords` records starting at `offset` to `buffer`,
    /// returning how many.
    ///
    /// Reading at the log-end offset returns 0; below log-start or beyond log-end throws
    /// OFFSET_OUT_OF_RANGE as Kafka does.
    @discardableResult
    public func read(
        from offset: Int64, maxRecords: Int, into buffer: inout ContiguousArray<Record>
    ) throws(StreamLogError) -> Int {
        try forEachRun(from: offset, maxRecords: maxRecords) { (batch: RecordBatch) in
            for view in batch { buffer.append(view.record) }
        }
    }

    /// Hands `body` up to `maxRecords` records starting at `offset`, in offset order, as batches
    /// read where the segments store them (one per segment, valid during the call only), and
    /// returns how many: a read that copies no record.
    @discardableResult
    public func forEachRun(
        from offset: Int64, maxRecords: Int, _ body: (RecordBatch) -> Void
    ) throws(StreamLogError) -> Int {
        try checkReadable(offset)
        var next = offset
        var remaining = min(Int64(max(maxRecords, 0)), logEndOffset - offset)
        let total = remaining
        var segmentIndex = indexOfSealedSegment(containing: next)
        let timestampType = config.timestampType
        while remaining > 0 {
            let count: Int
            if let index = segmentIndex, index < sealed.count {
                count = Self.visit(sealed[index], from: next, remaining: remaining, timestampType: timestampType, body)
                segmentIndex = index + 1
            } else {
                count = Self.visit(active, from: next, remaining: remaining, timestampType: timestampType, body)
                segmentIndex = nil
            }
            next += Int64(count)
            remaining -= Int64(count)
        }
        return Int(total)
    }

    /// Hands `body` the records of `segment` from `offset`, at most `remaining`; returns how many.
    private static func visit(
        _ segment: borrowing Segment, from offset: Int64, remaining: Int64, timestampType: TimestampType,
        _ body: (RecordBatch) -> Void
    ) -> Int {
        let start = Int(offset - segment.baseOffset)
        let count = min(Int(remaining), segment.entries.count - start)
        segment.entries.withUnsafeBufferPointer { entries in
            body(RecordBatch(
                entries: UnsafeBufferPointer(rebasing: entries[start..<(start + count)]), arena: segment.arena.bytes,
                baseOffset: offset, timestampType: timestampType))
        }
        return count
    }

    /// Up to `maxRecords` records starting at `offset`.
    public func fetch(from offset: Int64, maxRecords: Int) throws(StreamLogError) -> [Record] {
        var buffer = ContiguousArray<Record>()
        try read(from: offset, maxRecords: maxRecords, into: &buffer)
        return Array(buffer)
    }

    /// The retained record at `offset`, or nil when it was deleted or not yet written.
    public func record(at offset: Int64) -> Record? {
        guard offset >= logStartOffset, offset < logEndOffset else { return nil }
        var found: Record?
        _ = try? forEachRun(from: offset, maxRecords: 1) { (batch: RecordBatch) in found = batch.first?.record }
        return found
    }

    /// When the record at `offset` was appended; for a deleted offset, when the deleted segment
    /// holding it began (the oldest remembered one's start when it is older still). nil for an
    /// offset not written yet, or deleted before any segment start was remembered.
    public func appendTime(at offset: Int64) -> Int64? {
        if offset >= logStartOffset, offset < logEndOffset { return entry(at: offset).appendTimeMs }
        guard offset < logStartOffset, let oldest = deletedStarts.first else { return nil }
        return deletedStarts.last { $0.baseOffset <= offset }?.appendTimeMs ?? oldest.appendTimeMs
    }

    /// The index entry of a retained offset.
    private func entry(at offset: Int64) -> RecordEntry {
        if offset >= active.baseOffset { return active.entries[Int(offset - active.baseOffset)] }
        let segment = sealed[indexOfSealedSegment(containing: offset) ?? 0]
        return segment.entries[Int(offset - segment.baseOffset)]
    }

    /// Throws OFFSET_OUT_OF_RANGE unless `offset` is within log-start...log-end.
    func checkReadable(_ offset: Int64) throws(StreamLogError) {
        guard offset >= logStartOffset, offset <= logEndOffset else {
            throw .offsetOutOfRange(
                topicPartition, offset: offset, logStartOffset: logStartOffset, logEndOffset: logEndOffset)
        }
    }

    /// The index in `sealed` of the segment holding `offset`, or nil when it is in the active one.
    func indexOfSealedSegment(containing offset: Int64) -> Int? {
        guard !sealed.isEmpty, offset < active.baseOffset else { return nil }
        var low = 0
        var high = sealed.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if sealed[mid].baseOffset <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
