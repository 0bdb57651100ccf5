/// A contiguous run of records of one partition, the unit that retention deletes: the records'
/// bytes in one arena plus an index of where each record starts.
///
/// Both buffers are recycled when the segment is deleted, so a partition in steady state
/// appends and deletes without allocating.
struct Segment {
    /// The offset of the first record.
    var baseOffset: Int64
    /// The records' key, value and header bytes, back to back.
    let arena: ByteArena
    /// One entry per record, in offset order.
    var entries: ContiguousArray<RecordEntry>
    /// The sum of the records' sizes.
    var bytes: Int
    /// The largest record timestamp, Kafka's rule input for time retention (Int64.min when empty).
    var maxTimestamp: Int64
    /// `segment.ms` of the partition (Int64.max: never by time).
    let rollMs: Int64
    /// A record stamped after this rolls the segment: its first record's timestamp plus
    /// `segment.ms` (Int64.max while empty).
    var rollAfterTimestamp: Int64 = .max

    init(baseOffset: Int64, storage: SegmentStorage, rollMs: Int64?) {
        self.baseOffset = baseOffset
        self.rollMs = rollMs ?? .max
        arena = storage.arena
        entries = storage.entries
        bytes = 0
        maxTimestamp = Int64.min
    }

    /// The offset after the last record.
    var nextOffset: Int64 { baseOffset + Int64(entries.count) }

    /// The number of records.
    var count: Int { entries.count }

    var isEmpty: Bool { entries.isEmpty }

    /// Appends a record's bytes and index entry (its offset is `nextOffset`).
    mutating func add(
        key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, headers: [Header],
        timestamp: Int64, appendTimeMs: Int64, sizeInBytes: Int
    ) {
        let start = arena.count
        if let key { arena.append(key) }
        arena.append(value)
        var headersLength = 0
        for header in headers {
            headersLength += Segment.appendHeader(header, to: arena)
        }
        noteFirst(timestamp)
        entries.append(RecordEntry(
            timestamp: timestamp, appendTimeMs: appendTimeMs, start: start, sizeInBytes: sizeInBytes,
            keyLength: key.map { Int32($0.count) } ?? -1, valueLength: Int32(value.count),
            headersLength: Int32(headersLength), headerCount: Int32(headers.count)))
        bytes += sizeInBytes
        if timestamp > maxTimestamp { maxTimestamp = timestamp }
    }

    /// Appends a record's bytes and index entry without headers (the produce path's form).
    @inline(__always)
    mutating func add(key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, timestamp: Int64, appendTimeMs: Int64, sizeInBytes: Int) {
        let start = arena.count
        var keyLength: Int32 = -1
        if let key {
            arena.append(key)
            keyLength = Int32(truncatingIfNeeded: key.count)
        }
        arena.append(value)
        index(
            start: start, keyLength: keyLength, valueLength: Int32(truncatingIfNeeded: value.count), timestamp: timestamp,
            appendTimeMs: appendTimeMs, sizeInBytes: sizeInBytes)
    }

    /// Adds the index entry of a record without headers whose bytes the arena holds from `start`.
    @inline(__always)
    mutating func index(
        start: Int, keyLength: Int32, valueLength: Int32, timestamp: Int64, appendTimeMs: Int64, sizeInBytes: Int
    ) {
        noteFirst(timestamp)
        entries.append(RecordEntry(
            timestamp: timestamp, appendTimeMs: appendTimeMs, start: start, sizeInBytes: sizeInBytes,
            keyLength: keyLength, valueLength: valueLength, headersLength: 0, headerCount: 0))
        bytes &+= sizeInBytes
        if timestamp > maxTimestamp { maxTimestamp = timestamp }
    }

    /// Starts the `segment.ms` clock at the first record's timestamp.
    @inline(__always)
    mutating func noteFirst(_ timestamp: Int64) {
        guard entries.isEmpty else { return }
        let (sum, overflow) = timestamp.addingReportingOverflow(rollMs)
        rollAfterTimestamp = overflow ? .max : sum
    }

    /// Appends one header in the arena's layout; returns the bytes written.
    private static func appendHeader(_ header: Header, to arena: ByteArena) -> Int {
        var key = header.key
        return key.withUTF8 { key in
            header.value.withUnsafeBytes { appendHeader(key: UnsafeRawBufferPointer(key), value: $0, to: arena) }
        }
    }

    /// Empties the segment in place (its buffers are its own, so nothing is copied or
    /// allocated) and hands back the buffers with their capacity.
    mutating func release() -> SegmentStorage {
        arena.removeAll()
        entries.removeAll(keepingCapacity: true)
        return SegmentStorage(arena: arena, entries: entries)
    }
}

/// The buffers of a segment, kept in a partition's free pool between uses.
struct SegmentStorage {
    let arena: ByteArena
    var entries: ContiguousArray<RecordEntry>
}
