/// A contiguous run of records of one partition: the unit that retention deletes.
struct Segment {
    /// The offset of the first record.
    var baseOffset: Int64
    /// The records, in offset order; the storage is recycled when the segment is deleted.
    var records: ContiguousArray<Record>
    /// The sum of the records' sizes.
    var bytes: Int
    /// The largest record timestamp, Kafka's rule input for time retention (Int64.min when empty).
    var maxTimestamp: Int64

    init(baseOffset: Int64, storage: ContiguousArray<Record>) {
        self.baseOffset = baseOffset
        records = storage
        bytes = 0
        maxTimestamp = Int64.min
    }

    /// The offset after the last record.
    var nextOffset: Int64 { baseOffset + Int64(records.count) }

    var isEmpty: Bool { records.isEmpty }

    /// Appends a record (its offset must be `nextOffset`).
    mutating func add(_ record: consuming Record) {
        bytes += record.sizeInBytes
        if record.timestamp > maxTimestamp { maxTimestamp = record.timestamp }
        records.append(consume record)
    }
}
