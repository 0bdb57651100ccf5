import Testing
@testable import KafkaWire

/// Fetch v4–v11 request and response bodies by byte vectors, at each version boundary.
struct FetchTests {
    // Request pieces: replica −1, max wait 500 ms, min bytes 1, max bytes 50 MiB, READ_UNCOMMITTED;
    // topic "t", partition 0 from offset 5, at most 1 MiB.
    static let head: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0x01, 0xF4, 0, 0, 0, 1, 0x03, 0x20, 0, 0, 0]
    static let session: [UInt8] = [0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]          // v7+: session 0, epoch −1
    static let topic: [UInt8] = [0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 1, 0, 0, 0, 0] // 1 topic "t", 1 partition: 0
    static let leaderEpoch: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]                  // v9+
    static let offset: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 5]
    static let logStart: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] // v5+
    static let partitionMax: [UInt8] = [0, 0x10, 0, 0]
    static let forgotten: [UInt8] = [0, 0, 0, 0]                                // v7+: none
    static let rack: [UInt8] = [0, 0]                                           // v11+: ""

    static let request = FetchRequest(
        maxWaitMs: 500, minBytes: 1, maxBytes: 52_428_800,
        topics: [.init(topic: "t", partitions: [.init(partition: 0, fetchOffset: 5, partitionMaxBytes: 1_048_576)])])

    static let requestBytes: [(Int16, [UInt8])] = [
        (4, head + topic + offset + partitionMax),
        (5, head + topic + offset + logStart + partitionMax),
        (6, head + topic + offset + logStart + partitionMax),
        (7, head + session + topic + offset + logStart + partitionMax + forgotten),
        (8, head + session + topic + offset + logStart + partitionMax + forgotten),
        (9, head + session + topic + leaderEpoch + offset + logStart + partitionMax + forgotten),
        (10, head + session + topic + leaderEpoch + offset + logStart + partitionMax + forgotten),
        (11, head + session + topic + leaderEpoch + offset + logStart + partitionMax + forgotten + rack),
    ]

    @Test(arguments: requestBytes)
    func requestVectors(version: Int16, bytes: [UInt8]) throws {
        #expect(Self.request.encoded(version: version) == bytes)
        var reader = WireReader(bytes)
        #expect(try FetchRequest.decode(version: version, from: &reader) == Self.request)
        expectEveryPrefixIsTruncated(bytes) { (reader: inout WireReader) throws(WireError) in
            try FetchRequest.decode(version: version, from: &reader)
        }
    }

    @Test func v11SessionForgottenTopicsAndRackRoundTrip() throws {
        let request = FetchRequest(
            replicaId: -1, maxWaitMs: 100, minBytes: 0, maxBytes: 1_000, isolationLevel: 1, sessionId: 42, sessionEpoch: 3,
            topics: [.init(topic: "a", partitions: [.init(partition: 1, currentLeaderEpoch: 7, fetchOffset: 9,
                                                          logStartOffset: 2, partitionMaxBytes: 10)])],
            forgottenTopicsData: [.init(topic: "b", partitions: [0, 2])], rackId: "r1")
        let bytes: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0x03, 0xE8, 1,
                              0, 0, 0, 42, 0, 0, 0, 3,
                              0, 0, 0, 1, 0, 1, 0x61, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 7,
                              0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 10,
                              0, 0, 0, 1, 0, 1, 0x62, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2,
                              0, 2, 0x72, 0x31]
        #expect(request.encoded(version: 11) == bytes)
        var reader = WireReader(bytes)
        #expect(try FetchRequest.decode(version: 11, from: &reader) == request)
    }

    @Test(arguments: [Int16(3), 12])
    func versionsOutsideFourToElevenAreUnsupported(version: Int16) {
        var reader = WireReader(Self.requestBytes[0].1)
        #expect(throws: WireError.unsupportedVersion(apiKey: 1, version: version)) {
            try FetchRequest.decode(version: version, from: &reader)
        }
        var response = WireReader([0, 0, 0, 0, 0, 0, 0, 0])
        #expect(throws: WireError.unsupportedVersion(apiKey: 1, version: version)) {
            try FetchResponse.decode(version: version, from: &response)
        }
    }

    // Response pieces: topic "t", partition 0, NONE, high watermark 1, last stable 1, the hand-built batch.
    static let throttle: [UInt8] = [0, 0, 0, 0]
    static let sessionFields: [UInt8] = [0, 0, 0, 0, 0, 0]                      // v7+: NONE, session 0
    static let partitionHead: [UInt8] = [0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
                                         0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]
    static let logStartZero: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0]                 // v5+
    static let noAborted: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
    static let preferred: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]                    // v11+: −1
    static let records: [UInt8] = [0, 0, 0, 69] + RecordBatchTests.handBuilt

    static let response = FetchResponse(responses: [.init(topic: "t", partitions: [
        .init(partitionIndex: 0, highWatermark: 1, lastStableOffset: 1, logStartOffset: 0,
              records: RecordBytes(RecordBatchTests.handBuilt)),
    ])])

    static let responseBytes: [(Int16, [UInt8])] = [
        (4, throttle + partitionHead + noAborted + records),
        (5, throttle + partitionHead + logStartZero + noAborted + records),
        (7, throttle + sessionFields + partitionHead + logStartZero + noAborted + records),
        (10, throttle + sessionFields + partitionHead + logStartZero + noAborted + records),
        (11, throttle + sessionFields + partitionHead + logStartZero + noAborted + preferred + records),
    ]

    @Test(arguments: responseBytes)
    func responseVectors(version: Int16, bytes: [UInt8]) throws {
        #expect(Self.response.encoded(version: version) == bytes)
        #expect(bytes.count <= Self.response.encodedByteCountBound)
        var reader = WireReader(bytes)
        var expected = Self.response
        if version < 5 { expected.responses[0].partitions[0].logStartOffset = -1 }
        #expect(try FetchResponse.decode(version: version, from: &reader) == expected)
        expectEveryPrefixIsTruncated(bytes) { (reader: inout WireReader) throws(WireError) in
            try FetchResponse.decode(version: version, from: &reader)
        }
    }

    /// Two stored batches go out back to back under one length, each copied as it was kept.
    @Test func recordsAssembledFromStoredBatches() throws {
        var second = RecordBatchTests.handBuiltBatch
        second.baseOffset = 1
        let stored = [RecordBatchTests.handBuilt, second.encoded()]
        var records = RecordBytes()
        for batch in stored { records.append(batch[...]) }
        #expect(records.count == 138)
        #expect(records == RecordBytes(stored[0] + stored[1]))
        let response = FetchResponse(errorCode: .none, sessionId: 0, responses: [.init(topic: "t", partitions: [
            .init(partitionIndex: 0, highWatermark: 2, lastStableOffset: 2, logStartOffset: 0, records: records),
        ])])
        let body = response.encoded(version: 11)
        #expect(Array(body.suffix(142)) == [0, 0, 0, 138] + stored[0] + stored[1])
        var reader = WireReader(body)
        let decoded = try FetchResponse.decode(version: 11, from: &reader)
        #expect(decoded == response)
        // A client reads the two batches back from the one chunk.
        var batches = WireReader(try #require(decoded.responses.first?.partitions.first?.records?.joined))
        #expect(try RecordBatch.decode(from: &batches) == .batch(RecordBatchTests.handBuiltBatch))
        #expect(try RecordBatch.decode(from: &batches) == .batch(second))
        // The frame built in one buffer is the same frame as header + body.
        let header = ResponseHeader(correlationId: 12)
        let oneBuffer = header.frame(reservingCapacity: response.encodedByteCountBound) { response.encode(version: 11, into: &$0) }
        #expect(oneBuffer == header.frame(body: body))
    }

    @Test func errorsAbortedTransactionsAndNullRecords() throws {
        let response = FetchResponse(throttleTimeMs: 3, responses: [.init(topic: "t", partitions: [
            .init(partitionIndex: 2, errorCode: .offsetOutOfRange, highWatermark: 10, lastStableOffset: 10, logStartOffset: 4,
                  abortedTransactions: [.init(producerId: 8, firstOffset: 6)], records: nil),
        ])])
        let bytes: [UInt8] = [0, 0, 0, 3, 0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 1, 0, 0, 0, 2, 0, 1,
                              0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 4,
                              0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 6,
                              0xFF, 0xFF, 0xFF, 0xFF]
        #expect(response.encoded(version: 6) == bytes)
        var reader = WireReader(bytes)
        #expect(try FetchResponse.decode(version: 6, from: &reader) == response)
    }
}
