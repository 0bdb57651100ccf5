import Testing
@testable import KafkaWire

/// InitProducerId v0–v1 and CreateTopics v0–v4 bodies by byte vectors, at each version boundary.
struct InitProducerIdAndCreateTopicsTests {
    /// kafka-python's idempotent producer: no transactional id, timeout 60 000 ms; the same at v0 and v1.
    @Test(arguments: InitProducerIdRequest.versions)
    func initProducerIdVectors(version: Int16) throws {
        let request = InitProducerIdRequest(transactionTimeoutMs: 60_000)
        let requestBytes: [UInt8] = [0xFF, 0xFF, 0, 0, 0xEA, 0x60]
        #expect(request.encoded(version: version) == requestBytes)
        var requestReader = WireReader(requestBytes)
        #expect(try InitProducerIdRequest.decode(version: version, from: &requestReader) == request)
        let response = InitProducerIdResponse(producerId: 1_000, producerEpoch: 0)
        let responseBytes: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x03, 0xE8, 0, 0]
        #expect(response.encoded(version: version) == responseBytes)
        var responseReader = WireReader(responseBytes)
        #expect(try InitProducerIdResponse.decode(version: version, from: &responseReader) == response)
        expectEveryPrefixIsTruncated(requestBytes) { (reader: inout WireReader) throws(WireError) in
            try InitProducerIdRequest.decode(version: version, from: &reader)
        }
        expectEveryPrefixIsTruncated(responseBytes) { (reader: inout WireReader) throws(WireError) in
            try InitProducerIdResponse.decode(version: version, from: &reader)
        }
    }

    @Test func initProducerIdTransactionalAndV2Unsupported() throws {
        let request = InitProducerIdRequest(transactionalId: "tx", transactionTimeoutMs: 1)
        #expect(request.encoded(version: 1) == [0, 2, 0x74, 0x78, 0, 0, 0, 1])
        var flexible = WireReader([0, 2, 0x74, 0x78, 0, 0, 0, 1])
        #expect(throws: WireError.unsupportedVersion(apiKey: 22, version: 2)) {
            try InitProducerIdRequest.decode(version: 2, from: &flexible)
        }
    }

    // CreateTopics request: "t" with 3 partitions, replication 1, no assignments or configs, timeout 1 000 ms.
    static let topic: [UInt8] = [0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    static let timeout: [UInt8] = [0, 0, 0x03, 0xE8]
    static let createRequestBytes: [(Int16, [UInt8])] = [
        (0, topic + timeout), (1, topic + timeout + [0]), (4, topic + timeout + [0]),   // v1+: validate only
    ]

    @Test(arguments: createRequestBytes)
    func createTopicsRequestVectors(version: Int16, bytes: [UInt8]) throws {
        let request = CreateTopicsRequest(topics: [.init(name: "t", numPartitions: 3, replicationFactor: 1)], timeoutMs: 1_000)
        #expect(request.encoded(version: version) == bytes)
        var reader = WireReader(bytes)
        #expect(try CreateTopicsRequest.decode(version: version, from: &reader) == request)
        expectEveryPrefixIsTruncated(bytes) { (reader: inout WireReader) throws(WireError) in
            try CreateTopicsRequest.decode(version: version, from: &reader)
        }
    }

    @Test func createTopicsAssignmentsConfigsAndValidateOnly() throws {
        let request = CreateTopicsRequest(
            topics: [.init(name: "t", numPartitions: -1, replicationFactor: -1,
                           assignments: [.init(partitionIndex: 0, brokerIds: [0])],
                           configs: [.init(name: "r", value: "1"), .init(name: "s", value: nil)])],
            timeoutMs: 5, validateOnly: true)
        let bytes: [UInt8] = [0, 0, 0, 1, 0, 1, 0x74, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                              0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
                              0, 0, 0, 2, 0, 1, 0x72, 0, 1, 0x31, 0, 1, 0x73, 0xFF, 0xFF,
                              0, 0, 0, 5, 1]
        #expect(request.encoded(version: 4) == bytes)
        var reader = WireReader(bytes)
        #expect(try CreateTopicsRequest.decode(version: 4, from: &reader) == request)
        var flexible = WireReader(bytes)
        #expect(throws: WireError.unsupportedVersion(apiKey: 19, version: 5)) {
            try CreateTopicsRequest.decode(version: 5, from: &flexible)
        }
    }

    // CreateTopics response: "t" NONE, "u" TOPIC_ALREADY_EXISTS with message "exists".
    static let created: [UInt8] = [0, 0, 0, 2, 0, 1, 0x74, 0, 0]
    static let exists: [UInt8] = [0, 1, 0x75, 0, 36]
    static let noMessage: [UInt8] = [0xFF, 0xFF]                                             // v1+
    static let message: [UInt8] = [0, 6, 0x65, 0x78, 0x69, 0x73, 0x74, 0x73]                // v1+
    static let throttle: [UInt8] = [0, 0, 0, 0]                                             // v2+
    static let createResponseBytes: [(Int16, [UInt8])] = [
        (0, created + exists),
        (1, created + noMessage + exists + message),
        (2, throttle + created + noMessage + exists + message),
        (4, throttle + created + noMessage + exists + message),
    ]

    @Test(arguments: createResponseBytes)
    func createTopicsResponseVectors(version: Int16, bytes: [UInt8]) throws {
        let response = CreateTopicsResponse(topics: [.init(name: "t"),
                                                     .init(name: "u", errorCode: .topicAlreadyExists, errorMessage: "exists")])
        #expect(response.encoded(version: version) == bytes)
        var expected = response
        if version < 1 { expected.topics[1].errorMessage = nil }
        var reader = WireReader(bytes)
        #expect(try CreateTopicsResponse.decode(version: version, from: &reader) == expected)
        expectEveryPrefixIsTruncated(bytes) { (reader: inout WireReader) throws(WireError) in
            try CreateTopicsResponse.decode(version: version, from: &reader)
        }
    }

    @Test func newErrorCodesCarryKafkasNumbersAndNames() {
        let codes: [(KafkaErrorCode, Int16, String)] = [
            (.invalidTopicException, 17, "INVALID_TOPIC_EXCEPTION"), (.invalidRequiredAcks, 21, "INVALID_REQUIRED_ACKS"),
            (.topicAlreadyExists, 36, "TOPIC_ALREADY_EXISTS"), (.invalidPartitions, 37, "INVALID_PARTITIONS"),
            (.invalidReplicationFactor, 38, "INVALID_REPLICATION_FACTOR"),
        ]
        for (code, number, name) in codes {
            #expect(code.rawValue == number)
            #expect(code.name == name)
        }
    }
}
