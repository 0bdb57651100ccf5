import Testing
@testable import KafkaWire

/// Produce v3–v8 request and response bodies by byte vectors, at each version boundary.
struct ProduceTests {
    /// acks 1, timeout 30 000 ms, topic "t" partition 0 carrying the hand-built batch.
    static let requestBytes: [UInt8] = [
        0xFF, 0xFF,                  // transactional id null
        0x00, 0x01,                  // acks 1
        0x00, 0x00, 0x75, 0x30,      // timeout 30 000
        0, 0, 0, 1, 0, 1, 0x74,      // 1 topic: "t"
        0, 0, 0, 1, 0, 0, 0, 0,      // 1 partition: index 0
        0, 0, 0, 69,                 // records: 69 bytes
    ] + RecordBatchTests.handBuilt

    static let request = ProduceRequest(
        acks: 1, timeoutMs: 30_000,
        topics: [.init(name: "t", partitions: [.init(index: 0, records: RecordBatchTests.handBuilt[...])])])

    /// Every version from 3 to 8 lays the request out the same way.
    @Test(arguments: ProduceRequest.versions)
    func requestVector(version: Int16) throws {
        #expect(Self.request.encoded(version: version) == Self.requestBytes)
        var reader = WireReader(Self.requestBytes)
        let decoded = try ProduceRequest.decode(version: version, from: &reader)
        #expect(decoded == Self.request)
        // The records are a slice of the frame, ready for RecordBatch.decode.
        let records = try #require(decoded.topics.first?.partitions.first?.records)
        #expect(records.startIndex == 27)
        var batchReader = WireReader(Array(records))
        #expect(try RecordBatch.decode(from: &batchReader) == .batch(RecordBatchTests.handBuiltBatch))
    }

    @Test func transactionalIdAndNullRecords() throws {
        let request = ProduceRequest(transactionalId: "tx", acks: -1, timeoutMs: 5,
                                     topics: [.init(name: "t", partitions: [.init(index: 2, records: nil)])])
        let bytes: [UInt8] = [0, 2, 0x74, 0x78, 0xFF, 0xFF, 0, 0, 0, 5, 0, 0, 0, 1, 0, 1, 0x74,
                              0, 0, 0, 1, 0, 0, 0, 2, 0xFF, 0xFF, 0xFF, 0xFF]
        #expect(request.encoded(version: 7) == bytes)
        var reader = WireReader(bytes)
        #expect(try ProduceRequest.decode(version: 7, from: &reader) == request)
    }

    @Test(arguments: [Int16(2), 9, -1])
    func versionsOutsideThreeToEightAreUnsupported(version: Int16) {
        var reader = WireReader(Self.requestBytes)
        #expect(throws: WireError.unsupportedVersion(apiKey: 0, version: version)) {
            try ProduceRequest.decode(version: version, from: &reader)
        }
        var response = WireReader([0, 0, 0, 0, 0, 0, 0, 0])
        #expect(throws: WireError.unsupportedVersion(apiKey: 0, version: version)) {
            try ProduceResponse.decode(version: version, from: &response)
        }
    }

    @Test func truncatedRequestsAreErrors() {
        expectEveryPrefixIsTruncated(Self.requestBytes) { (reader: inout WireReader) throws(WireError) in
            try ProduceRequest.decode(version: 8, from: &reader)
        }
    }

    static let response = ProduceResponse(topics: [.init(name: "t", partitions: [.init(index: 0, baseOffset: 5, logStartOffset: 0)])])
    /// Topic "t", partition 0, NONE, base offset 5, no append time: the fields every version has.
    static let responseHead: [UInt8] = [0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
                                        0, 0, 0, 0, 0, 0, 0, 5,
                                        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
    static let throttle: [UInt8] = [0, 0, 0, 0]
    static let logStartZero: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0]
    static let noRecordErrorsNoMessage: [UInt8] = [0, 0, 0, 0, 0xFF, 0xFF]

    /// v3–v4 end at the append time, v5–v7 add the log start offset, v8 the record errors and message.
    static let responseBytes: [(Int16, [UInt8])] = [
        (3, responseHead + throttle), (4, responseHead + throttle),
        (5, responseHead + logStartZero + throttle), (7, responseHead + logStartZero + throttle),
        (8, responseHead + logStartZero + noRecordErrorsNoMessage + throttle),
    ]

    @Test(arguments: responseBytes)
    func responseVectors(version: Int16, bytes: [UInt8]) throws {
        #expect(Self.response.encoded(version: version) == bytes)
        var reader = WireReader(bytes)
        var expected = Self.response
        if version < 5 { expected.topics[0].partitions[0].logStartOffset = -1 }
        #expect(try ProduceResponse.decode(version: version, from: &reader) == expected)
    }

    @Test func v8RecordErrorsAndMessage() throws {
        let response = ProduceResponse(topics: [.init(name: "t", partitions: [
            .init(index: 1, errorCode: .corruptMessage, baseOffset: -1, logStartOffset: 0,
                  recordErrors: [.init(batchIndex: 3, message: "bad")], errorMessage: "CRC"),
        ])], throttleTimeMs: 7)
        let bytes: [UInt8] = [0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 1, 0, 0, 0, 1, 0, 2,
                              0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,    // base offset −1
                              0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,    // append time −1
                              0, 0, 0, 0, 0, 0, 0, 0,                            // log start 0
                              0, 0, 0, 1, 0, 0, 0, 3, 0, 3, 0x62, 0x61, 0x64,    // record 3: "bad"
                              0, 3, 0x43, 0x52, 0x43, 0, 0, 0, 7]                // "CRC", throttle 7
        #expect(response.encoded(version: 8) == bytes)
        var reader = WireReader(bytes)
        #expect(try ProduceResponse.decode(version: 8, from: &reader) == response)
        expectEveryPrefixIsTruncated(bytes) { (reader: inout WireReader) throws(WireError) in
            try ProduceResponse.decode(version: 8, from: &reader)
        }
    }
}
