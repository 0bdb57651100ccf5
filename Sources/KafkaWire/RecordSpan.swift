/// One record of a batch as ranges of the buffer it was read from: nothing copied.
///
/// ``RecordBatch/decodeSpans(from:)`` gives a broker every record of a produced batch this way,
/// so it can hand the log pointers into the request's bytes instead of an array per key and value.
public struct RecordSpan: Equatable, Sendable {
    /// Unused by Kafka today; kept as read.
    public var attributes: Int8
    /// Milliseconds after the batch's `baseTimestamp`.
    public var timestampDelta: Int64
    /// Offset after the batch's `baseOffset`.
    public var offsetDelta: Int32
    /// Where the key's bytes are, or `nil` for a null key.
    public var key: Range<Int>?
    /// Where the value's bytes are, or `nil` for a null value (a tombstone).
    public var value: Range<Int>?
    /// This record's headers: indices into the batch's ``RecordBatchSpans/headers``.
    public var headers: Range<Int>

    /// A record span with the given fields.
    public init(attributes: Int8 = 0, timestampDelta: Int64, offsetDelta: Int32, key: Range<Int>?, value: Range<Int>?,
                headers: Range<Int> = 0..<0) {
        self.attributes = attributes
        self.timestampDelta = timestampDelta
        self.offsetDelta = offsetDelta
        self.key = key
        self.value = value
        self.headers = headers
    }
}

/// One record header as ranges of the buffer: its UTF-8 key (checked) and nullable value.
public struct HeaderSpan: Equatable, Sendable {
    /// Where the key's UTF-8 bytes are.
    public var key: Range<Int>
    /// Where the value's bytes are, or `nil` for null.
    public var value: Range<Int>?

    /// A header span with the given ranges.
    public init(key: Range<Int>, value: Range<Int>?) {
        self.key = key
        self.value = value
    }
}

/// An uncompressed batch with its records left in place: the header fields and each record's ranges.
public struct RecordBatchSpans: Equatable, Sendable {
    /// The batch's header fields (its `records` empty).
    public var header: RecordBatch
    /// The records, in order.
    public var records: [RecordSpan]
    /// Every record's headers back to back; ``RecordSpan/headers`` says which are whose.
    public var headers: [HeaderSpan]

    /// Spans with the given fields.
    public init(header: RecordBatch, records: [RecordSpan], headers: [HeaderSpan] = []) {
        self.header = header
        self.records = records
        self.headers = headers
    }
}

/// What reading a batch's spans found: records in place, or gzip records the caller must inflate.
public enum RecordBatchSpanDecoding: Equatable, Sendable {
    /// An uncompressed batch: ranges into the buffer read.
    case batch(RecordBatchSpans)
    /// A gzip batch: the header fields and where the compressed records are; inflate them and pass
    /// the result to ``RecordBatch/decodeRecordSpans(count:from:)``.
    case needsGunzip(RecordBatch, compressedRecords: Range<Int>, recordCount: Int32)
}

extension RecordBatch {
    /// Validates one batch at `reader`'s offset exactly as ``decode(from:)`` does, and leaves its
    /// records where they are: ranges of `reader.bytes`, one array per batch, none per record.
    public static func decodeSpans(from reader: inout WireReader) throws(WireError) -> RecordBatchSpanDecoding {
        let (header, codec, recordCount, records) = try readHeader(from: &reader)
        switch codec {
        case .gzip:
            return .needsGunzip(header, compressedRecords: records.offset..<records.end, recordCount: recordCount)
        default:
            var recordReader = records
            let spans = try decodeRecordSpans(count: recordCount, from: &recordReader)
            return .batch(RecordBatchSpans(header: header, records: spans.records, headers: spans.headers))
        }
    }

    /// Reads exactly `count` records filling `reader` to its end, as ranges of `reader.bytes`.
    ///
    /// The one record parser: ``decodeRecords(count:from:)`` copies out of what this finds.
    public static func decodeRecordSpans(
        count: Int32, from reader: inout WireReader
    ) throws(WireError) -> (records: [RecordSpan], headers: [HeaderSpan]) {
        var records: [RecordSpan] = []
        var headers: [HeaderSpan] = []
        while records.count < Int(count) {
            guard reader.remaining > 0 else {
                throw .recordCountMismatch(declared: count, decoded: records.count, bytesLeft: 0)
            }
            records.append(try RecordSpan.read(from: &reader, headers: &headers))
        }
        guard reader.remaining == 0 else {
            throw .recordCountMismatch(declared: count, decoded: records.count, bytesLeft: reader.remaining)
        }
        return (records, headers)
    }
}

extension RecordSpan {
    /// Reads one record: its length varint, then its fields, which must take exactly that length.
    /// Its headers are appended to `headers`.
    static func read(from reader: inout WireReader, headers: inout [HeaderSpan]) throws(WireError) -> RecordSpan {
        let lengthAt = reader.offset
        let length = Int(try reader.readVarint())
        guard length >= 0 else { throw .invalidLength(Int64(length), at: lengthAt) }
        guard length <= reader.remaining else { throw .truncated(at: reader.offset, needed: length, available: reader.remaining) }
        let start = reader.offset
        let attributes = try reader.readInt8()
        let timestampDelta = try reader.readVarlong()
        let offsetDelta = try reader.readVarint()
        let key = try reader.readVarintByteRange()
        let value = try reader.readVarintByteRange()
        let headerCountAt = reader.offset
        let headerCount = Int(try reader.readVarint())
        guard headerCount >= 0 else { throw .invalidLength(Int64(headerCount), at: headerCountAt) }
        let firstHeader = headers.count
        for _ in 0..<headerCount {
            let keyAt = reader.offset
            guard let headerKey = try reader.readVarintByteRange() else { throw .invalidLength(-1, at: keyAt) }
            guard String(validating: reader.bytes[headerKey], as: UTF8.self) != nil else { throw .invalidUTF8(at: keyAt) }
            headers.append(HeaderSpan(key: headerKey, value: try reader.readVarintByteRange()))
        }
        guard reader.offset - start == length else {
            throw .recordLengthMismatch(declared: length, used: reader.offset - start, at: lengthAt)
        }
        return RecordSpan(attributes: attributes, timestampDelta: timestampDelta, offsetDelta: offsetDelta,
                          key: key, value: value, headers: firstHeader..<headers.count)
    }
}

extension WireReader {
    /// Reads a varint length (−1 = null) and skips that many bytes, returning where they are.
    mutating func readVarintByteRange() throws(WireError) -> Range<Int>? {
        let start = offset
        guard let length = try readLength(Int64(try readVarint()), at: start, nullable: true) else { return nil }
        return try readBytes(count: length).indices
    }
}
