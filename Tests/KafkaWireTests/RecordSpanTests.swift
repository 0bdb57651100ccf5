import Testing
@testable import KafkaWire

/// Batches read as ranges of their buffer: the same validation as decoding, nothing copied.
struct RecordSpanTests {
    @Test func handBuiltBatchAsSpans() throws {
        var reader = WireReader(RecordBatchTests.handBuilt)
        var header = RecordBatchTests.handBuiltBatch
        header.records = []
        // Record at byte 61: length, attributes, Δts, Δoffset, key −1 (null), value length 1 at 66, "a" at 67.
        #expect(try RecordBatch.decodeSpans(from: &reader) == .batch(RecordBatchSpans(
            header: header, records: [RecordSpan(timestampDelta: 0, offsetDelta: 0, key: nil, value: 67..<68)])))
        #expect(reader.remaining == 0)
    }

    /// Keys, values and headers point into the buffer; the second batch's ranges lie past the first.
    @Test func keysValuesAndHeadersPointIntoTheBuffer() throws {
        let batch = RecordBatch(
            baseOffset: 0, lastOffsetDelta: 1, baseTimestamp: 1_700_000_000_000, maxTimestamp: 1_700_000_000_005,
            records: [
                Record(timestampDelta: 0, offsetDelta: 0, key: Array("order-1".utf8), value: Array("{}".utf8),
                       headers: [RecordHeader(key: "source", value: Array("pos".utf8)), RecordHeader(key: "trace", value: nil)]),
                Record(timestampDelta: 5, offsetDelta: 1, key: [], value: nil),
            ])
        let bytes = RecordBatchTests.handBuilt + batch.encoded()
        var reader = WireReader(bytes)
        _ = try RecordBatch.decodeSpans(from: &reader)
        guard case let .batch(spans) = try RecordBatch.decodeSpans(from: &reader) else {
            Issue.record("expected an uncompressed batch")
            return
        }
        #expect(reader.remaining == 0)
        #expect(spans.records.count == 2)
        let first = spans.records[0]
        #expect(first.key.map { Array(bytes[$0]) } == Array("order-1".utf8))
        #expect(first.value.map { Array(bytes[$0]) } == Array("{}".utf8))
        #expect(first.key.map { $0.lowerBound > RecordBatchTests.handBuilt.count } == true)
        #expect(spans.headers[first.headers].map { Array(bytes[$0.key]) } == [Array("source".utf8), Array("trace".utf8)])
        #expect(spans.headers[first.headers].map { $0.value.map { Array(bytes[$0]) } } == [Array("pos".utf8), nil])
        let second = spans.records[1]
        #expect(second.timestampDelta == 5 && second.offsetDelta == 1)
        #expect(second.key?.isEmpty == true && second.value == nil && second.headers.isEmpty)
        #expect(spans.records.map { Record($0, headers: spans.headers, in: bytes) } == batch.records)
    }

    @Test func gzipRecordsAreLeftForInflating() throws {
        var bytes = RecordBatchTests.handBuilt
        bytes[22] = 1
        let crc = CRC32C.checksum(bytes[RecordBatch.crcStart...])
        for step in 0..<4 { bytes[17 + step] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * step)) }
        var reader = WireReader(bytes)
        var header = RecordBatchTests.handBuiltBatch
        header.records = []
        #expect(try RecordBatch.decodeSpans(from: &reader) == .needsGunzip(header, compressedRecords: 61..<69, recordCount: 1))
    }

    @Test func invalidBatchesFailAsDecodingDoes() {
        var wrongCRC = RecordBatchTests.handBuilt
        wrongCRC[67] = 0x62
        var reader = WireReader(wrongCRC)
        #expect(throws: WireError.crcMismatch(stored: 0x965A_94B1, computed: CRC32C.checksum(wrongCRC[21...]))) {
            try RecordBatch.decodeSpans(from: &reader)
        }
        var snappy = RecordBatchTests.handBuilt
        snappy[22] = 2
        let crc = CRC32C.checksum(snappy[RecordBatch.crcStart...])
        for step in 0..<4 { snappy[17 + step] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * step)) }
        var snappyReader = WireReader(snappy)
        #expect(throws: WireError.unsupportedCompression(codec: 2)) { try RecordBatch.decodeSpans(from: &snappyReader) }
    }
}
