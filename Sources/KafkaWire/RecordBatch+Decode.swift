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
        var header = RecordBatch(
            baseOffset: baseOffset, partitionLeaderEpoch: partitionLeaderEpoch,
            attributes: Attributes(bits: attributeBits), lastOffsetDelta: try batch.readInt32(),
            baseTimestamp: try batch.readInt64(), maxTimestamp: try batch.readInt64(),
            producerId: try batch.readInt64(), producerEpoch: try batch.readInt16(),
            baseSequence: try batch.readInt32(), records: [])
        let recordCount = try batch.readInt32()
        let codec = Int(attributeBits & 0x07)
        switch CompressionCodec(rawValue: codec) {
        case .none?:
            header.records = try decodeRecords(count: recordCount, from: &batch)
            reader = outer
            return .batch(header)
        case .gzip?:
            let compressed = Array(batch.bytes[batch.offset..<batch.end])
            reader = outer
            return .needsGunzip(header, compressedRecords: compressed, recordCount: recordCount)
        default:
            throw .unsupportedCompression(codec: codec)
        }
    }

    /// Decodes exactly `count` records filling `reader` to its end (also the step after gunzip).
    public static func decodeRecords(count: Int32, from reader: inout WireReader) throws(WireError) -> [Record] {
        var records: [Record] = []
        while records.count < Int(count) {
            guard reader.remaining > 0 else {
                throw .recordCountMismatch(declared: count, decoded: records.count, bytesLeft: 0)
            }
            records.append(try Record.decode(from: &reader))
        }
        guard reader.remaining == 0 else {
            throw .recordCountMismatch(declared: count, decoded: records.count, bytesLeft: reader.remaining)
        }
        return records
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
    /// Reads one record: its length varint, then its fields, which must take exactly that length.
    static func decode(from reader: inout WireReader) throws(WireError) -> Record {
        let lengthAt = reader.offset
        let length = Int(try reader.readVarint())
        guard length >= 0 else { throw .invalidLength(Int64(length), at: lengthAt) }
        guard length <= reader.remaining else { throw .truncated(at: reader.offset, needed: length, available: reader.remaining) }
        let start = reader.offset
        let attributes = try reader.readInt8()
        let timestampDelta = try reader.readVarlong()
        let offsetDelta = try reader.readVarint()
        let key = try reader.readVarintBytes()
        let value = try reader.readVarintBytes()
        let headerCountAt = reader.offset
        let headerCount = Int(try reader.readVarint())
        guard headerCount >= 0 else { throw .invalidLength(Int64(headerCount), at: headerCountAt) }
        var headers: [RecordHeader] = []
        for _ in 0..<headerCount {
            let keyAt = reader.offset
            guard let keyBytes = try reader.readVarintBytes() else { throw .invalidLength(-1, at: keyAt) }
            guard let headerKey = String(validating: keyBytes, as: UTF8.self) else { throw .invalidUTF8(at: keyAt) }
            headers.append(RecordHeader(key: headerKey, value: try reader.readVarintBytes()))
        }
        guard reader.offset - start == length else {
            throw .recordLengthMismatch(declared: length, used: reader.offset - start, at: lengthAt)
        }
        return Record(attributes: attributes, timestampDelta: timestampDelta, offsetDelta: offsetDelta,
                      key: key, value: value, headers: headers)
    }
}

extension WireReader {
    /// Reads a varint length (−1 = null) and that many bytes, as record keys, values and headers are read.
    mutating func readVarintBytes() throws(WireError) -> [UInt8]? {
        let start = offset
        guard let length = try readLength(Int64(try readVarint()), at: start, nullable: true) else { return nil }
        return Array(try readBytes(count: length))
    }
}
