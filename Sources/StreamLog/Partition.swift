import DequeModule

/// An append-only partition: sealed segments plus the active one, with Kafka's offset markers.
///
/// A concrete final class so the append path has no existential or generic overhead.
public final class Partition {
    /// The topic and partition number.
    public let topicPartition: TopicPartition
    @exclusivity(unchecked) var config: TopicConfig
    /// Older segments, oldest first.
    var sealed: Deque<Segment> = []
    /// The segment being appended to.
    @exclusivity(unchecked) var active: Segment
    /// Emptied segment storage kept for reuse, so steady-state appends never allocate.
    var freeStorage: [SegmentStorage] = []
    /// The first offset a consumer may read; moves in segment steps.
    public internal(set) var logStartOffset: Int64 = 0
    /// The sum of the retained records' sizes.
    @exclusivity(unchecked) public internal(set) var retainedBytes: Int = 0
    /// The starts of the most recently deleted segments, oldest first (at most
    /// `deletedStartsCap`), for the append time of a deleted offset.
    var deletedStarts: Deque<DeletedSegmentStart> = []
    /// Deletions not yet collected as events (bounded: deletions beyond the cap coalesce).
    var pendingDeletions: [SegmentDeletion] = []

    init(topicPartition: TopicPartition, config: TopicConfig) {
        self.topicPartition = topicPartition
        self.config = config
        active = Segment(baseOffset: 0, storage: Partition.makeStorage(config), rollMs: config.segmentMs)
        pendingDeletions.reserveCapacity(Partition.pendingDeletionCap)
        deletedStarts.reserveCapacity(Partition.deletedStartsCap)
    }

    static let pendingDeletionCap = 16
    static let freeStorageCap = 2
    static let deletedStartsCap = 256

    static func makeStorage(_ config: TopicConfig) -> SegmentStorage {
        var storage = SegmentStorage(arena: ByteArena(capacity: min(config.segmentBytes, 4_096)), entries: [])
        storage.entries.reserveCapacity(min(config.segmentRecords, 65_536))
        return storage
    }

    /// The offset the next appended record will get (Kafka's LEO).
    public var logEndOffset: Int64 { active.baseOffset + Int64(active.entries.count) }

    /// The high watermark: equal to the log-end offset with a single replica.
    public var highWatermark: Int64 { logEndOffset }

    /// The number of retained records.
    public var retainedRecords: Int64 { logEndOffset - logStartOffset }

    /// The number of retained segments, the active one included.
    public var segmentCount: Int { sealed.count + 1 }

    /// Appends a record's bytes and returns its offset.
    ///
    /// `timestamp` is the producer's CreateTime; LogAppendTime topics store `nowMs` instead.
    /// The record's size (key, value and header bytes) is what segment rolling and
    /// `retention.bytes` count, unless `sizeInBytes` says otherwise.
    @discardableResult
    public func append(
        key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, headers: [Header] = [], timestamp: Int64,
        sizeInBytes: Int? = nil, nowMs: Int64
    ) -> Int64 {
        var size = sizeInBytes ?? (key?.count ?? 0) + value.count
        if sizeInBytes == nil {
            for header in headers { size += header.key.utf8.count + header.value.count }
        }
        let stored = config.timestampType == .logAppendTime ? nowMs : timestamp
        if mustRoll(size: size, timestamp: stored) { roll(nowMs: nowMs) }
        let offset = active.baseOffset + Int64(active.entries.count)
        active.add(key: key, value: value, headers: headers, timestamp: stored, appendTimeMs: nowMs, sizeInBytes: size)
        retainedBytes += size
        return offset
    }

    /// Appends a record's bytes without headers (the produce path's form) and returns its offset;
    /// see `append(key:value:headers:timestamp:sizeInBytes:nowMs:)`.
    @inline(__always)
    func appendRecord(key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, timestamp: Int64, sizeInBytes size: Int, nowMs: Int64) -> Int64 {
        let stored = config.timestampType == .logAppendTime ? nowMs : timestamp
        if mustRoll(size: size, timestamp: stored) { roll(nowMs: nowMs) }
        let offset = active.baseOffset + Int64(active.entries.count)
        active.add(key: key, value: value, timestamp: stored, appendTimeMs: nowMs, sizeInBytes: size)
        retainedBytes += size
        return offset
    }

    /// Appends a value encoded as compact JSON, with a text key; see the bytes form.
    @discardableResult
    public func append(
        key: String?, value: Value, headers: [Header] = [], timestamp: Int64, sizeInBytes: Int? = nil, nowMs: Int64
    ) -> Int64 {
        let bytes = value.jsonBytes
        return bytes.withUnsafeBytes { valueBytes in
            guard var key else {
                return append(key: nil, value: valueBytes, headers: headers, timestamp: timestamp, sizeInBytes: sizeInBytes, nowMs: nowMs)
            }
            return key.withUTF8 {
                append(key: UnsafeRawBufferPointer($0), value: valueBytes, headers: headers, timestamp: timestamp,
                       sizeInBytes: sizeInBytes, nowMs: nowMs)
            }
        }
    }

    /// Whether the active segment rolls before a record of `size` bytes stamped `timestamp`:
    /// it holds `segmentRecords`, the record would take it past `segment.bytes`, or the record
    /// is more than `segment.ms` after its first one.
    @inline(__always)
    func mustRoll(size: Int, timestamp: Int64) -> Bool {
        active.entries.count >= config.segmentRecords
            || (active.bytes > 0 && active.bytes + size > config.segmentBytes)
            || timestamp > active.rollAfterTimestamp
    }

    /// Seals the active segment, starts a new one, and applies retention.
    func roll(nowMs: Int64) {
        startNewActiveSegment()
        enforceRetention(nowMs: nowMs)
    }

    func startNewActiveSegment() {
        let storage = freeStorage.popLast() ?? Partition.makeStorage(config)
        let next = Segment(baseOffset: logEndOffset, storage: storage, rollMs: config.segmentMs)
        sealed.append(active)
        active = next
    }
}
