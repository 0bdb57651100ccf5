/// Appending a batch of borrowed records to one partition.
extension Partition {
    /// Appends `records` in order and returns where the batch landed.
    ///
    /// Segments roll between records exactly as single appends do. LogAppendTime topics store
    /// `nowMs` as every record's timestamp; CreateTime topics keep the producer's. The bytes are
    /// copied once, into the active segment's arena: nothing else is allocated per record.
    public func appendBatch(_ records: UnsafeBufferPointer<BorrowedRecord>, nowMs: Int64) -> BatchAppend {
        let baseOffset = logEndOffset
        let logAppendTime = config.timestampType == .logAppendTime
        for record in records {
            let size = record.sizeInBytes
            let stored = logAppendTime ? nowMs : record.timestamp
            if mustRoll(size: size, timestamp: stored) { roll(nowMs: nowMs) }
            active.add(record, timestamp: stored, appendTimeMs: nowMs, sizeInBytes: size)
            retainedBytes += size
        }
        return BatchAppend(
            baseOffset: baseOffset, count: records.count, logAppendTimeMs: nowMs, timestampType: config.timestampType,
            logStartOffset: logStartOffset)
    }
}
