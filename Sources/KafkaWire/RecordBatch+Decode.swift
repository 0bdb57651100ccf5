/// Reading and validating a RecordBatch v2.
extension RecordBatch {
    /// Decodes one batch at `reader`'s offset and leaves `reader` after it.
    ///
    /// Validates, in order: the batch length against the bytes given, magic 2, the CRC-32C
    /// (``WireError/crcMismatch(stored:computed:)``, answered CORRUPT_MESSAGE), the compression
    /// codec (gzip → ``RecordBatchDecoding/needsGunzip(_:compressedRecords:recordCount:)``,
    /// others → ``WireError/unsupportedCompression(codec:)``), and that `recordCount` records
    /// fill the batch exactly (``WireError/recordCountMismatch(declared:decoded:bytesLeft:)``).
    public static func decode(from reader: inout WireReader) throws(WireError) -> RecordBatchDecoding {
        var (header, codec, recordCount, records) = try readHeader(from: &reader)
        switch codec {
        case .gzip:
            let compressed = Array(records.bytes[records.offset..<records.end])
            return .needsGunzip(header, compressedRecords: compressed, recordCount: recordCount)
        default:
            header.records = try decodeRecords(count: recordCount, from: &records)
            return .batch(header)
        }
    }

    /// Decodes exactly `count` records filling `reader` to its end (also the step after gunzip).
    public static func decodeRecords(count: Int32, from reader: inout WireReader) throws(WireError) -> [Record] {
        let spans = try decodeRecordSpans(count: count, from: &reader)
        return spans.records.map { Record($0, headers: spans.headers, in: reader.bytes) }
    }

    /// Validates one batch's header at `reader`, leaves `reader` after the batch, and returns the
    /// header fields (no records), the codec (none or gzip), the record count and a reader over the records.
    static func readHeader(
        from reader: inout WireReader
    ) throws(WireError) -> (header: RecordBatch, codec: CompressionCodec, recordCount: Int32, records: WireReader) {
        var outer = reader
        let baseOffset = try outer.readInt64()
        let batchLength = try outer.readInt32()
        guard batchLength >= headerBytesAfterLength, Int(batchLength) <= outer.remaining else {
            throw .invalidBatchLength(batchLength, available: outer.remaining)
        }
        var batch = WireReader(outer.bytes, offset: outer.offset, end: outer.offset + Int(batchLength))
        _ = try outer.readBytes(count: Int(batchLength))
        let partitionLeaderEpoch = try batch.readInt32()
        let magicAt = batch.offset
        let magic = try batch.readInt8()
        guard magic == 2 else { throw .wrongMagic(magic, at: magicAt) }
        let stored = try batch.readUInt32()
        let computed = CRC32C.checksum(batch.bytes[batch.offset..<batch.end])
        guard stored == computed else { throw .crcMismatch(stored: stored, computed: computed) }
        let attributeBits = try batch.readInt16()
        let header = RecordBatch(
            baseOffset: baseOffset, partitionLeaderEpoch: partitionLeaderEpoch,
            attributes: Attributes(bits: attributeBits), lastOffsetDelta: try batch.readInt32(),
            baseTimestamp: try batch.readInt64(), maxTimestamp: try batch.readInt64(),
            producerId: try batch.readInt64(), producerEpoch: try batch.readInt16(),
            baseSequence: try batch.readInt32(), records: [])
        let recordCount = try batch.readInt32()
        let codec = Int(attributeBits & 0x07)
        guard let known = CompressionCodec(rawValue: codec), known == .none || known == .gzip else {
            throw .unsupportedCompression(codec: codec)
        }
        reader = outer
        return (header, known, recordCount, batch)
    }
}

/// What decoding a batch found: plain records, or gzip-compressed records the caller must inflate.
public enum RecordBatchDecoding: Equatable, Sendable {
    /// An uncompressed batch, fully decoded.
    case batch(RecordBatch)
    /// A gzip batch: the header fields (with no records) and the compressed bytes; gunzip them
    /// and pass the result to ``RecordBatch/decodeRecords(count:from:)``.
    case needsGunzip(RecordBatch, compressedRecords: [UInt8], recordCount: Int32)
}

extension Record {
    /// The record `span` describes, its bytes copied out of `bytes`.
    init(_ span: RecordSpan, headers: [HeaderSpan], in bytes: [UInt8]) {
        self.init(attributes: span.attributes, timestampDelta: span.timestampDelta, offsetDelta: span.offsetDelta,
                  key: span.key.map { Array(bytes[$0]) }, value: span.value.map { Array(bytes[$0]) },
                  headers: headers[span.headers].map { header in
                      RecordHeader(key: String(decoding: bytes[header.key], as: UTF8.self),
                                   value: header.value.map { Array(bytes[$0]) })
                  })
    }
}
