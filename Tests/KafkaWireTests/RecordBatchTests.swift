import Testing
@testable import KafkaWire

/// RecordBatch v2: a hand-built vector, round trips, and every validation the decoder makes.
struct RecordBatchTests {
    /// One record, null key, value "a", at 2023-11-14T22:13:20Z, built field by field from the
    /// spec; its CRC-32C computed by an independent bitwise implementation.
    static let handBuilt: [UInt8] = [
        0, 0, 0, 0, 0, 0, 0, 0,              // baseOffset 0
        0, 0, 0, 57,                         // batchLength: 49 header bytes + 8 record bytes
        0xFF, 0xFF, 0xFF, 0xFF,              // partitionLeaderEpoch −1
        2,                                   // magic
        0x96, 0x5A, 0x94, 0xB1,              // crc
        0, 0,                                // attributes: no compression, CreateTime
        0, 0, 0, 0,                          // lastOffsetDelta
        0, 0, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x00, // baseTimestamp 1 700 000 000 000
        0, 0, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x00, // maxTimestamp
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, // producerId −1
        0xFF, 0xFF,                          // producerEpoch −1
        0xFF, 0xFF, 0xFF, 0xFF,              // baseSequence −1
        0, 0, 0, 1,                          // recordCount
        0x0E, 0x00, 0x00, 0x00, 0x01, 0x02, 0x61, 0x00, // length 7, attrs, Δts 0, Δoffset 0, key null, value "a", 0 headers
    ]

    static let handBuiltBatch = RecordBatch(
        baseOffset: 0, lastOffsetDelta: 0, baseTimestamp: 1_700_000_000_000, maxTimestamp: 1_700_000_000_000,
        records: [Record(timestampDelta: 0, offsetDelta: 0, key: nil, value: Array("a".utf8))])

    func decode(_ bytes: [UInt8]) throws(WireError) -> RecordBatchDecoding {
        var reader = WireReader(bytes)
        return try RecordBatch.decode(from: &reader)
    }

    /// `bytes` with the batch CRC recomputed, as a client would send an edited batch.
    func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var copy = bytes
        let crc = CRC32C.checksum(copy[RecordBatch.crcStart...])
        copy[17] = UInt8(crc >> 24)
        copy[18] = UInt8(truncatingIfNeeded: crc >> 16)
        copy[19] = UInt8(truncatingIfNeeded: crc >> 8)
        copy[20] = UInt8(truncatingIfNeeded: crc)
        return copy
    }

    @Test func encodesTheHandBuiltVector() {
        #expect(Self.handBuiltBatch.encoded() == Self.handBuilt)
    }

    @Test func decodesTheHandBuiltVector() throws {
        #expect(try decode(Self.handBuilt) == .batch(Self.handBuiltBatch))
    }

    @Test func roundTripsKeysHeadersFlagsAndProducerFields() throws {
        let batch = RecordBatch(
            baseOffset: 1_234, partitionLeaderEpoch: 5, attributes: .init(logAppendTime: true, isTransactional: true),
            lastOffsetDelta: 2, baseTimestamp: 1_700_000_000_000, maxTimestamp: 1_700_000_000_250, producerId: 42,
            producerEpoch: 3, baseSequence: 17,
            records: [
                Record(timestampDelta: 0, offsetDelta: 0, key: Array("order-1".utf8), value: Array(#"{"amount":12}"#.utf8),
                       headers: [RecordHeader(key: "source", value: Array("pos".utf8)), RecordHeader(key: "trace", value: nil)]),
                Record(timestampDelta: -5, offsetDelta: 1, key: [], value: nil),
                Record(attributes: 0, timestampDelta: 250, offsetDelta: 2, key: nil, value: [UInt8](repeating: 7, count: 300)),
            ])
        let bytes = batch.encoded()
        #expect(bytes.count == 12 + Int(bytes[11]) + Int(bytes[10]) * 256)
        #expect(try decode(bytes) == .batch(batch))
    }

    @Test func decodesBatchesBackToBack() throws {
        var second = Self.handBuiltBatch
        second.baseOffset = 1
        var reader = WireReader(Self.handBuilt + second.encoded())
        #expect(try RecordBatch.decode(from: &reader) == .batch(Self.handBuiltBatch))
        #expect(try RecordBatch.decode(from: &reader) == .batch(second))
        #expect(reader.remaining == 0)
    }

    @Test func wrongMagicIsAnError() {
        var bytes = Self.handBuilt
        bytes[16] = 1
        #expect(throws: WireError.wrongMagic(1, at: 16)) { try decode(bytes) }
        #expect(WireError.wrongMagic(1, at: 16).kafkaErrorCode == .corruptMessage)
    }

    @Test func wrongCRCIsCorruptMessage() {
        var bytes = Self.handBuilt
        bytes[67] = 0x62  // value "a" → "b"
        let error = WireError.crcMismatch(stored: 0x965A_94B1, computed: CRC32C.checksum(bytes[21...]))
        #expect(throws: error) { try decode(bytes) }
        #expect(error.kafkaErrorCode == .corruptMessage)
        #expect(error.kafkaErrorCode.rawValue == 2)
    }

    /// Every single-byte change from `attributes` to the end is caught by the CRC: 12 240 batches.
    @Test func everySingleByteChangeInTheCoveredRangeFailsTheCRC() {
        var caught = 0
        for index in RecordBatch.crcStart..<Self.handBuilt.count {
            for delta in 1...255 {
                var bytes = Self.handBuilt
                bytes[index] &+= UInt8(delta)
                do {
                    _ = try decode(bytes)
                } catch {
                    if case .crcMismatch = error { caught += 1 }
                }
            }
        }
        #expect(caught == (Self.handBuilt.count - RecordBatch.crcStart) * 255)
    }

    @Test func recordCountThatLiesIsAnError() {
        var more = Self.handBuilt
        more[60] = 2
        #expect(throws: WireError.recordCountMismatch(declared: 2, decoded: 1, bytesLeft: 0)) { try decode(resealed(more)) }
        var fewer = Self.handBuilt
        fewer[60] = 0
        #expect(throws: WireError.recordCountMismatch(declared: 0, decoded: 0, bytesLeft: 8)) { try decode(resealed(fewer)) }
        var negative = Self.handBuilt
        negative[57...60] = [0xFF, 0xFF, 0xFF, 0xFF]
        #expect(throws: WireError.recordCountMismatch(declared: -1, decoded: 0, bytesLeft: 8)) { try decode(resealed(negative)) }
    }

    @Test func recordLengthThatLiesIsAnError() {
        var bytes = Self.handBuilt
        bytes[61] = 0x0C  // record claims 6 bytes, its fields take 7
        #expect(throws: WireError.recordLengthMismatch(declared: 6, used: 7, at: 61)) { try decode(resealed(bytes)) }
    }

    @Test func batchLengthBeyondTheBytesIsAnError() {
        var bytes = Self.handBuilt
        bytes[11] = 58
        #expect(throws: WireError.invalidBatchLength(58, available: 57)) { try decode(bytes) }
        #expect(throws: WireError.invalidBatchLength(57, available: 56)) { try decode(Array(Self.handBuilt.dropLast())) }
    }

    @Test func gzipIsHandedBackForGunzip() throws {
        var bytes = Self.handBuilt
        bytes[22] = 1
        var header = Self.handBuiltBatch
        header.records = []
        #expect(try decode(resealed(bytes)) == .needsGunzip(header, compressedRecords: Array(Self.handBuilt[61...]), recordCount: 1))
        // After inflating, the same records decode as they would uncompressed.
        var inflated = WireReader(Array(Self.handBuilt[61...]))
        #expect(try RecordBatch.decodeRecords(count: 1, from: &inflated) == Self.handBuiltBatch.records)
    }

    @Test(arguments: [2, 3, 4, 7])
    func otherCodecsAreUnsupportedCompressionType(codec: UInt8) {
        var bytes = Self.handBuilt
        bytes[22] = codec
        #expect(throws: WireError.unsupportedCompression(codec: Int(codec))) { try decode(resealed(bytes)) }
        #expect(WireError.unsupportedCompression(codec: Int(codec)).kafkaErrorCode.rawValue == 76)
    }
}
