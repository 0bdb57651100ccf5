/// A record read where its segment stores it: valid only during the call that handed it out.
///
/// Reading a field decodes just that field from the value bytes; `record` makes an owned copy.
public struct RecordView {
    /// The record's offset in its partition.
    public let offset: Int64
    @usableFromInline let entry: RecordEntry
    @usableFromInline let arena: UnsafeRawBufferPointer
    /// Whether `timestamp` is the producer's CreateTime or the log's LogAppendTime.
    public let timestampType: TimestampType

    @inlinable
    init(offset: Int64, entry: RecordEntry, arena: UnsafeRawBufferPointer, timestampType: TimestampType) {
        self.offset = offset
        self.entry = entry
        self.arena = arena
        self.timestampType = timestampType
    }

    /// The record's timestamp in ms of simulated time.
    @inlinable public var timestamp: Int64 { entry.timestamp }
    /// When the log appended the record, in ms of simulated time.
    public var appendTimeMs: Int64 { entry.appendTimeMs }
    /// The record's size in bytes as retention counts it.
    public var sizeInBytes: Int { entry.sizeInBytes }

    /// The key bytes, or nil for a keyless record.
    public var keyBytes: UnsafeRawBufferPointer? {
        guard entry.keyLength >= 0 else { return nil }
        return UnsafeRawBufferPointer(rebasing: arena[entry.start..<(entry.start + Int(entry.keyLength))])
    }

    /// Whether the value is null (a tombstone); its `valueBytes` are then empty.
    public var isTombstone: Bool { entry.valueLength < 0 }

    /// The value bytes (empty for a tombstone).
    public var valueBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: arena[entry.valueStart..<entry.headersStart])
    }

    /// The headers, decoded.
    public var headers: [Header] {
        guard entry.headerCount > 0 else { return [] }
        var headers: [Header] = []
        var position = entry.headersStart
        for _ in 0..<entry.headerCount {
            let keyLength = readLength(at: position)
            let key = String(decoding: arena[(position + 4)..<(position + 4 + keyLength)], as: UTF8.self)
            position += 4 + keyLength
            let valueLength = readLength(at: position)
            headers.append(Header(key, Array(arena[(position + 4)..<(position + 4 + valueLength)])))
            position += 4 + valueLength
        }
        return headers
    }

    private func readLength(at position: Int) -> Int {
        var value = 0
        for index in 0..<4 { value |= Int(arena[position + index]) << (8 * index) }
        return value
    }

    /// The key as text (invalid UTF-8 repaired), or nil for a keyless record.
    public var keyText: String? { keyBytes.map { String(decoding: $0, as: UTF8.self) } }

    /// The value of top-level field `name` of a JSON-object value; nil when the field is
    /// missing or the value is not a JSON object.
    public func field(_ name: String) -> Value? { JSONFieldReader.field(name, in: valueBytes) }

    /// The value decoded as JSON, or nil when it is not JSON.
    public var json: Value? { Value(json: valueBytes) }

    /// An owned copy.
    public var record: Record {
        Record(
            offset: offset, timestamp: entry.timestamp, timestampType: timestampType, appendTimeMs: entry.appendTimeMs,
            key: keyBytes.map { Array($0) }, value: Array(valueBytes), headers: headers, sizeInBytes: entry.sizeInBytes,
            isTombstone: isTombstone)
    }
}

/// A run of consecutive records of one segment, as a poll hands them out: valid during the call
/// only, read in place without copying a record.
public struct RecordBatch: RandomAccessCollection {
    @usableFromInline let entries: UnsafeBufferPointer<RecordEntry>
    @usableFromInline let arena: UnsafeRawBufferPointer
    /// The offset of the first record.
    public let baseOffset: Int64
    @usableFromInline let timestampType: TimestampType

    init(entries: UnsafeBufferPointer<RecordEntry>, arena: UnsafeRawBufferPointer, baseOffset: Int64, timestampType: TimestampType) {
        self.entries = entries
        self.arena = arena
        self.baseOffset = baseOffset
        self.timestampType = timestampType
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { entries.count }

    @inlinable
    public subscript(position: Int) -> RecordView {
        RecordView(offset: baseOffset + Int64(position), entry: entries[position], arena: arena, timestampType: timestampType)
    }
}
