import KafkaWire
import KafkaWireGzip
import Testing

/// Gzip batches (compression codec 1) inflate to records; damaged or oversized ones are clean errors.
struct GunzipTests {
    /// kafka-python 3.0.12's gzip producer (`compression_type='gzip'`, its codec uses Python's
    /// `gzip.GzipFile` at level 9), captured on loopback by a throwaway fake broker: three records
    /// k0…k2 with values `{"amount":0}`, `{"amount":10}`, `{"amount":20}` one millisecond apart,
    /// idempotent producer 1000, epoch 0, sequence 0.
    static let kafkaPythonGzipBatch: [UInt8] = [
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x70, 0x00, 0x00, 0x00, 0x00,
        0x02, 0x01, 0xD5, 0x6F, 0x81, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x01, 0x8B, 0xCF,
        0xE5, 0x68, 0x00, 0x00, 0x00, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x03, 0xE8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x1F, 0x8B, 0x08,
        0x00, 0x1E, 0x46, 0x0C, 0x6B, 0x02, 0xFF, 0xD3, 0x60, 0x60, 0x60, 0x60, 0xC9, 0x36, 0x90, 0xA8,
        0x56, 0x4A, 0xCC, 0xCD, 0x2F, 0xCD, 0x2B, 0x51, 0xB2, 0x32, 0xA8, 0x65, 0xD0, 0x62, 0x60, 0x62,
        0x62, 0xC9, 0x36, 0x94, 0x42, 0x08, 0x1A, 0x82, 0x45, 0x59, 0x58, 0x58, 0xB2, 0x8D, 0x90, 0x44,
        0x8D, 0x80, 0xA2, 0x00, 0xC3, 0xB6, 0xC7, 0x61, 0x41, 0x00, 0x00, 0x00,
    ]

    /// `gzip.compress(bytes([0x0E, 0, 0, 0, 0x01, 0x02, 0x61, 0]), mtime=0)` in Python 3.11.7: one
    /// record (null key, value "a") as RecordBatch v2 lays it out.
    static let pythonGzipOneRecord: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xE3, 0x63, 0x60, 0x60, 0x60, 0x64,
        0x4A, 0x64, 0x00, 0x00, 0xB6, 0x24, 0x76, 0xB7, 0x08, 0x00, 0x00, 0x00,
    ]

    /// `gzip.compress(bytes(65536), mtime=0)` in Python 3.11.7: 96 bytes that inflate to 64 KiB of zeros.
    static let pythonGzipZeros: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xED, 0xC1, 0x01, 0x01, 0x00, 0x00,
        0x00, 0x80, 0x90, 0xFE, 0xAF, 0xEE, 0x08, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x6A, 0xEB, 0x8E, 0x97, 0xD7, 0x00, 0x00, 0x01, 0x00,
    ]

    /// A sealed codec-1 batch around `compressed`, as a producer builds one: header fields, then the gzip stream.
    static func gzipBatch(recordCount: Int32, compressed: [UInt8]) -> [UInt8] {
        var writer = WireWriter()
        writer.writeInt64(0)
        writer.writeInt32(Int32(RecordBatch.headerBytesAfterLength + compressed.count))
        writer.writeInt32(-1)
        writer.writeInt8(2)
        let crcAt = writer.bytes.count
        writer.writeUInt32(0)
        writer.writeInt16(1)  // attributes: gzip, CreateTime
        writer.writeInt32(recordCount - 1)
        writer.writeInt64(1_700_000_000_000)
        writer.writeInt64(1_700_000_000_000)
        writer.writeInt64(-1)
        writer.writeInt16(-1)
        writer.writeInt32(-1)
        writer.writeInt32(recordCount)
        writer.writeBytes(compressed)
        var bytes = writer.bytes
        let crc = CRC32C.checksum(bytes[RecordBatch.crcStart...])
        for step in 0..<4 { bytes[crcAt + step] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * step)) }
        return bytes
    }

    func decode(_ bytes: [UInt8], limit: Int = Gunzip.defaultMaximumInflatedSize) throws(WireError) -> RecordBatch {
        var reader = WireReader(bytes)
        let batch = try RecordBatch.decodeInflatingGzip(from: &reader, maximumInflatedSize: limit)
        #expect(reader.remaining == 0)
        return batch
    }

    @Test func kafkaPythonGzipBatchBecomesRecords() throws {
        let batch = try decode(Self.kafkaPythonGzipBatch)
        #expect(batch == RecordBatch(
            baseOffset: 0, partitionLeaderEpoch: 0, lastOffsetDelta: 2, baseTimestamp: 1_700_000_000_000,
            maxTimestamp: 1_700_000_000_002, producerId: 1_000, producerEpoch: 0, baseSequence: 0,
            records: (0..<3).map { index in
                Record(timestampDelta: Int64(index), offsetDelta: Int32(index), key: Array("k\(index)".utf8),
                       value: Array(#"{"amount":\#(10 * index)}"#.utf8))
            }))
    }

    /// As spans: ranges into the inflated records for gzip, into the request's own bytes otherwise.
    @Test func spansIndexTheInflatedRecords() throws {
        var reader = WireReader(Self.kafkaPythonGzipBatch)
        let (spans, buffer) = try RecordBatch.decodeSpansInflatingGzip(from: &reader)
        #expect(reader.remaining == 0)
        #expect(spans.records.map { $0.key.map { Array(buffer[$0]) } } == ["k0", "k1", "k2"].map { Array($0.utf8) })
        #expect(spans.records.map { $0.value.map { String(decoding: buffer[$0], as: UTF8.self) } }
                == [#"{"amount":0}"#, #"{"amount":10}"#, #"{"amount":20}"#])
        #expect(spans.header.producerId == 1_000 && spans.header.maxTimestamp == 1_700_000_000_002)
        let plain = RecordBatch(baseOffset: 0, lastOffsetDelta: 0, baseTimestamp: 5, maxTimestamp: 5,
                                records: [Record(timestampDelta: 0, offsetDelta: 0, key: nil, value: [7])]).encoded()
        var plainReader = WireReader(plain)
        let (plainSpans, plainBuffer) = try RecordBatch.decodeSpansInflatingGzip(from: &plainReader)
        #expect(plainBuffer == plain)
        #expect(plainSpans.records.first?.value.map { Array(plainBuffer[$0]) } == [7])
    }

    @Test func pythonGzipModuleRecordDecodes() throws {
        let batch = try decode(Self.gzipBatch(recordCount: 1, compressed: Self.pythonGzipOneRecord))
        #expect(batch.records == [Record(timestampDelta: 0, offsetDelta: 0, key: nil, value: Array("a".utf8))])
        #expect(try Gunzip.inflate(Self.pythonGzipOneRecord) == [0x0E, 0, 0, 0, 0x01, 0x02, 0x61, 0])
    }

    @Test func uncompressedBatchesPassThrough() throws {
        let plain = RecordBatch(baseOffset: 3, lastOffsetDelta: 0, baseTimestamp: 5, maxTimestamp: 5,
                                records: [Record(timestampDelta: 0, offsetDelta: 0, key: nil, value: [1])])
        #expect(try decode(plain.encoded()) == plain)
    }

    /// 96 bytes that inflate to 64 KiB stop at the limit given: MESSAGE_TOO_LARGE, not 64 KiB of memory.
    @Test func inflatingPastTheLimitIsRefused() throws {
        #expect(try Gunzip.inflate(Self.pythonGzipZeros).count == 65_536)
        #expect(throws: WireError.inflatedTooLarge(limit: 1_000)) { try Gunzip.inflate(Self.pythonGzipZeros, maximumSize: 1_000) }
        let batch = Self.gzipBatch(recordCount: 1, compressed: Self.pythonGzipZeros)
        #expect(throws: WireError.inflatedTooLarge(limit: 4_096)) { try decode(batch, limit: 4_096) }
        #expect(WireError.inflatedTooLarge(limit: 4_096).kafkaErrorCode == .messageTooLarge)
    }

    @Test func notGzipIsCorruptMessage() {
        let batch = Self.gzipBatch(recordCount: 1, compressed: [0x0E, 0, 0, 0, 0x01, 0x02, 0x61, 0])
        #expect {
            try decode(batch)
        } throws: { error in
            guard let wire = error as? WireError, case .corruptGzip = wire else { return false }
            return wire.kafkaErrorCode == .corruptMessage
        }
    }

    /// A stream cut short never yields the records, whichever byte it stops at; nor does one with bytes after it.
    @Test func truncatedOrTrailedGzipStreamsAreCorrupt() {
        for length in 0..<Self.pythonGzipOneRecord.count {
            let batch = Self.gzipBatch(recordCount: 1, compressed: Array(Self.pythonGzipOneRecord.prefix(length)))
            #expect(throws: WireError.self) { try decode(batch) }
        }
        #expect(throws: WireError.corruptGzip(reason: "the stream ends early")) {
            try Gunzip.inflate(Array(Self.pythonGzipOneRecord.dropLast()))
        }
        #expect(throws: WireError.corruptGzip(reason: "2 bytes after the stream")) {
            try Gunzip.inflate(Self.pythonGzipOneRecord + [0xAB, 0xCD])
        }
    }

    /// Inflated records that disagree with the batch's count are refused like uncompressed ones.
    @Test func inflatedRecordCountMustMatch() {
        let batch = Self.gzipBatch(recordCount: 2, compressed: Self.pythonGzipOneRecord)
        #expect(throws: WireError.recordCountMismatch(declared: 2, decoded: 1, bytesLeft: 0)) { try decode(batch) }
    }

    @Test(arguments: [Int16(2), 3, 4])
    func snappyLz4AndZstdStayUnsupported(codec: Int16) {
        var bytes = Self.gzipBatch(recordCount: 1, compressed: Self.pythonGzipOneRecord)
        bytes[22] = UInt8(codec)
        let crc = CRC32C.checksum(bytes[RecordBatch.crcStart...])
        for step in 0..<4 { bytes[17 + step] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * step)) }
        #expect(throws: WireError.unsupportedCompression(codec: Int(codec))) { try decode(bytes) }
    }
}
