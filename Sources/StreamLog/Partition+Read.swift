import DequeModule

/// Reading a partition by offset.
extension Partition {
    /// Appends up to `maxRecords` records starting at `offset` to `buffer`, returning how many.
    ///
    /// Reading at the log-end offset returns 0; below log-start or beyond log-end throws
    /// OFFSET_OUT_OF_RANGE as Kafka does. Reuse `buffer` to read without allocating.
    @discardableResult
    public func read(
        from offset: Int64, maxRecords: Int, into buffer: inout ContiguousArray<Record>
    ) throws(StreamLogError) -> Int {
        try forEachRun(from: offset, maxRecords: maxRecords) { records, range in
            buffer.append(contentsOf: records[range])
        }
    }

    /// Hands `body` up to `maxRecords` records starting at `offset`, in offset order, as runs of
    /// the stored records (one per segment, valid during the call only), and returns how many:
    /// `read(from:maxRecords:into:)` without copying a record.
    @discardableResult
    public func forEachRun(
        from offset: Int64, maxRecords: Int, _ body: (UnsafeBufferPointer<Record>) -> Void
    ) throws(StreamLogError) -> Int {
        try forEachRun(from: offset, maxRecords: maxRecords) { records, range in
            records.withUnsafeBufferPointer { stored in body(UnsafeBufferPointer(rebasing: stored[range])) }
        }
    }

    /// Walks the segments holding up to `maxRecords` records from `offset`, handing `body` each
    /// segment's records and the index range wanted from them; returns the total count.
    private func forEachRun(
        from offset: Int64, maxRecords: Int, _ body: (ContiguousArray<Record>, Range<Int>) -> Void
    ) throws(StreamLogError) -> Int {
        try checkReadable(offset)
        var next = offset
        var remaining = min(Int64(max(maxRecords, 0)), logEndOffset - offset)
        let total = remaining
        var segmentIndex = indexOfSealedSegment(containing: next)
        while remaining > 0 {
            let segmentRecords: ContiguousArray<Record>
            let base: Int64
            if let index = segmentIndex, index < sealed.count {
                segmentRecords = sealed[index].records
                base = sealed[index].baseOffset
                segmentIndex = index + 1
            } else {
                segmentRecords = active.records
                base = active.baseOffset
                segmentIndex = nil
            }
            let start = Int(next - base)
            let count = min(Int(remaining), segmentRecords.count - start)
            body(segmentRecords, start..<(start + count))
            next += Int64(count)
            remaining -= Int64(count)
        }
        return Int(total)
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
        if offset >= active.baseOffset { return active.records[Int(offset - active.baseOffset)] }
        guard let index = indexOfSealedSegment(containing: offset) else { return nil }
        let segment = sealed[index]
        return segment.records[Int(offset - segment.baseOffset)]
    }

    /// When the record at `offset` was appended; for a deleted offset, when the deleted segment
    /// holding it began (the oldest remembered one's start when it is older still). nil for an
    /// offset not written yet, or deleted before any segment start was remembered.
    public func appendTime(at offset: Int64) -> Int64? {
        if let record = record(at: offset) { return record.appendTimeMs }
        guard offset < logStartOffset, let oldest = deletedStarts.first else { return nil }
        return deletedStarts.last { $0.baseOffset <= offset }?.appendTimeMs ?? oldest.appendTimeMs
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
