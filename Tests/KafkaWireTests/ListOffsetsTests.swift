import Testing
@testable import KafkaWire

/// ListOffsets v1–v5 request and response bodies by byte vectors, at each version boundary.
struct ListOffsetsTests {
    // Request pieces: replica −1; topic "t", partition 0, latest (−1).
    static let replica: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
    static let isolation: [UInt8] = [0]                                          // v2+
    static let topic: [UInt8] = [0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 1, 0, 0, 0, 0]
    static let leaderEpoch: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]                   // v4+
    static let latest: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]

    static let request = ListOffsetsRequest(topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, timestamp: -1)])])

    static let requestBytes: [(Int16, [UInt8])] = [
        (1, replica + topic + latest),
        (2, replica + isolation + topic + latest),
        (3, replica + isolation + topic + latest),
        (4, replica + isolation + topic + leaderEpoch + latest),
        (5, replica + isolation + topic + leaderEpoch + latest),
    ]

    @Test(arguments: requestBytes)
    func requestVectors(version: Int16, bytes: [UInt8]) throws {
        #expect(Self.request.encoded(version: version) == bytes)
        var reader = WireReader(bytes)
        #expect(try ListOffsetsRequest.decode(version: version, from: &reader) == Self.request)
        expectEveryPrefixIsTruncated(bytes) { (reader: inout WireReader) throws(WireError) in
            try ListOffsetsRequest.decode(version: version, from: &reader)
        }
    }

    @Test func timestampsNameTheirLookup() {
        #expect(ListOffsetsRequest.Partition(partitionIndex: 0, timestamp: -1).lookup == .latest)
        #expect(ListOffsetsRequest.Partition(partitionIndex: 0, timestamp: -2).lookup == .earliest)
        #expect(ListOffsetsRequest.Partition(partitionIndex: 0, timestamp: 1_700_000_000_000).lookup == .firstAtOrAfter(1_700_000_000_000))
    }

    @Test func readCommittedAndLeaderEpochAtV5() throws {
        let request = ListOffsetsRequest(isolationLevel: 1, topics: [.init(name: "t", partitions: [
            .init(partitionIndex: 3, currentLeaderEpoch: 2, timestamp: 1_700_000_000_000),
        ])])
        let bytes: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 1, 0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 2,
                              0, 0, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x00]
        #expect(request.encoded(version: 5) == bytes)
        var reader = WireReader(bytes)
        #expect(try ListOffsetsRequest.decode(version: 5, from: &reader) == request)
    }

    @Test(arguments: [Int16(0), 6])
    func versionsOutsideOneToFiveAreUnsupported(version: Int16) {
        var reader = WireReader(Self.requestBytes[0].1)
        #expect(throws: WireError.unsupportedVersion(apiKey: 2, version: version)) {
            try ListOffsetsRequest.decode(version: version, from: &reader)
        }
        var response = WireReader([0, 0, 0, 0])
        #expect(throws: WireError.unsupportedVersion(apiKey: 2, version: version)) {
            try ListOffsetsResponse.decode(version: version, from: &response)
        }
    }

    // Response pieces: topic "t", partition 0, NONE, timestamp −1, offset 42.
    static let throttle: [UInt8] = [0, 0, 0, 0]                                  // v2+
    static let answer: [UInt8] = [0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
                                  0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 42]
    static let epoch: [UInt8] = [0, 0, 0, 0]                                     // v4+: leader epoch 0

    static let response = ListOffsetsResponse(topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, offset: 42, leaderEpoch: 0)])])

    static let responseBytes: [(Int16, [UInt8])] = [
        (1, answer), (2, throttle + answer), (3, throttle + answer), (4, throttle + answer + epoch), (5, throttle + answer + epoch),
    ]

    @Test(arguments: responseBytes)
    func responseVectors(version: Int16, bytes: [UInt8]) throws {
        #expect(Self.response.encoded(version: version) == bytes)
        var reader = WireReader(bytes)
        var expected = Self.response
        if version < 4 { expected.topics[0].partitions[0].leaderEpoch = -1 }
        #expect(try ListOffsetsResponse.decode(version: version, from: &reader) == expected)
        expectEveryPrefixIsTruncated(bytes) { (reader: inout WireReader) throws(WireError) in
            try ListOffsetsResponse.decode(version: version, from: &reader)
        }
    }

    @Test func byTimestampAnswerAndUnknownPartition() throws {
        let response = ListOffsetsResponse(throttleTimeMs: 0, topics: [.init(name: "t", partitions: [
            .init(partitionIndex: 0, timestamp: 1_700_000_000_000, offset: 7),
            .init(partitionIndex: 9, errorCode: .unknownTopicOrPartition, offset: -1),
        ])])
        let bytes: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 2,
                              0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x00, 0, 0, 0, 0, 0, 0, 0, 7,
                              0, 0, 0, 9, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                              0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        #expect(response.encoded(version: 2) == bytes)
        var reader = WireReader(bytes)
        #expect(try ListOffsetsResponse.decode(version: 2, from: &reader) == response)
    }
}
