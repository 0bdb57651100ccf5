import Testing
@testable import KafkaWire

/// Metadata v1–v8 request and response bodies by byte vectors, at each version boundary.
struct MetadataTests {
    static let orders: [UInt8] = [0, 0, 0, 1, 0, 6, 0x6F, 0x72, 0x64, 0x65, 0x72, 0x73]  // ["orders"]

    static let requestBytes: [(Int16, [UInt8])] = [
        (1, orders), (3, orders),
        (4, orders + [1]),              // v4+: allow auto-creation
        (7, orders + [1]),
        (8, orders + [1, 0, 0]),        // v8+: no cluster or topic authorized operations
    ]

    @Test(arguments: requestBytes)
    func requestVectors(version: Int16, bytes: [UInt8]) throws {
        let request = MetadataRequest(topics: ["orders"])
        #expect(request.encoded(version: version) == bytes)
        var reader = WireReader(bytes)
        #expect(try MetadataRequest.decode(version: version, from: &reader) == request)
        expectEveryPrefixIsTruncated(bytes) { (reader: inout WireReader) throws(WireError) in
            try MetadataRequest.decode(version: version, from: &reader)
        }
    }

    @Test func requestForAllTopicsWithoutAutoCreationAndWithOperations() throws {
        let request = MetadataRequest(topics: nil, allowAutoTopicCreation: false, includeClusterAuthorizedOperations: true,
                                      includeTopicAuthorizedOperations: true)
        let bytes: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0, 1, 1]
        #expect(request.encoded(version: 8) == bytes)
        var reader = WireReader(bytes)
        #expect(try MetadataRequest.decode(version: 8, from: &reader) == request)
        var v1 = WireReader([0xFF, 0xFF, 0xFF, 0xFF])
        #expect(try MetadataRequest.decode(version: 1, from: &v1) == MetadataRequest(topics: nil))
    }

    @Test(arguments: [Int16(0), 9])
    func versionsOutsideOneToEightAreUnsupported(version: Int16) {
        var request = WireReader([0xFF, 0xFF, 0xFF, 0xFF, 0x00])
        #expect(throws: WireError.unsupportedVersion(apiKey: 3, version: version)) {
            try MetadataRequest.decode(version: version, from: &request)
        }
        var response = WireReader([0, 0, 0, 0])
        #expect(throws: WireError.unsupportedVersion(apiKey: 3, version: version)) {
            try MetadataResponse.decode(version: version, from: &response)
        }
    }

    /// One broker at 127.0.0.1:9092, controller 0, topic "t" with one partition led by broker 0.
    @Test func responseV1Vector() throws {
        let response = MetadataResponse(
            brokers: [.init(nodeId: 0, host: "127.0.0.1", port: 9092)], controllerId: 0,
            topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, leaderId: 0, replicaNodes: [0])]),
                     .init(errorCode: .unknownTopicOrPartition, name: "nope", partitions: [])])
        let bytes: [UInt8] = [
            0, 0, 0, 1,                                                      // brokers: 1
            0, 0, 0, 0, 0, 9, 0x31, 0x32, 0x37, 0x2E, 0x30, 0x2E, 0x30, 0x2E, 0x31, // node 0, "127.0.0.1"
            0, 0, 0x23, 0x84, 0xFF, 0xFF,                                    // port 9092, rack null
            0, 0, 0, 0,                                                      // controller 0
            0, 0, 0, 2,                                                      // topics: 2
            0, 0, 0, 1, 0x74, 0,                                             // NONE, "t", not internal
            0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,                        // 1 partition: NONE, index 0, leader 0
            0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,                  // replicas [0], isr [0]
            0, 3, 0, 4, 0x6E, 0x6F, 0x70, 0x65, 0, 0, 0, 0, 0,               // UNKNOWN_TOPIC_OR_PARTITION, "nope", no partitions
        ]
        #expect(response.encoded(version: 1) == bytes)
        var reader = WireReader(bytes)
        #expect(try MetadataResponse.decode(version: 1, from: &reader) == response)
    }

    // Response pieces for one broker, cluster "ss", controller 0, topic "t" with partition 0 led by 0 at epoch 0.
    static let throttle: [UInt8] = [0, 0, 0, 0]                                  // v3+
    static let brokers: [UInt8] = [0, 0, 0, 1, 0, 0, 0, 0, 0, 9, 0x31, 0x32, 0x37, 0x2E, 0x30, 0x2E, 0x30, 0x2E, 0x31,
                                   0, 0, 0x23, 0x84, 0xFF, 0xFF]
    static let cluster: [UInt8] = [0, 2, 0x73, 0x73]                             // v2+
    static let controller: [UInt8] = [0, 0, 0, 0]
    static let topicHead: [UInt8] = [0, 0, 0, 1, 0, 0, 0, 1, 0x74, 0, 0, 0, 0, 1]
    static let partitionHead: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    static let leaderEpoch: [UInt8] = [0, 0, 0, 0]                               // v7+
    static let replicasAndIsr: [UInt8] = [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]
    static let offline: [UInt8] = [0, 0, 0, 0]                                   // v5+
    static let operations: [UInt8] = [0x80, 0, 0, 0]                             // v8+: not requested

    static let responseBytes: [(Int16, [UInt8])] = [
        (1, brokers + controller + topicHead + partitionHead + replicasAndIsr),
        (2, brokers + cluster + controller + topicHead + partitionHead + replicasAndIsr),
        (3, throttle + brokers + cluster + controller + topicHead + partitionHead + replicasAndIsr),
        (5, throttle + brokers + cluster + controller + topicHead + partitionHead + replicasAndIsr + offline),
        (7, throttle + brokers + cluster + controller + topicHead + partitionHead + leaderEpoch + replicasAndIsr + offline),
        (8, throttle + brokers + cluster + controller + topicHead + partitionHead + leaderEpoch + replicasAndIsr + offline
            + operations + operations),
    ]

    @Test(arguments: responseBytes)
    func responseVectors(version: Int16, bytes: [UInt8]) throws {
        let response = MetadataResponse(
            brokers: [.init(nodeId: 0, host: "127.0.0.1", port: 9092)], clusterId: "ss", controllerId: 0,
            topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, leaderId: 0, leaderEpoch: 0, replicaNodes: [0])])])
        #expect(response.encoded(version: version) == bytes)
        var expected = response
        if version < 2 { expected.clusterId = nil }
        if version < 7 { expected.topics[0].partitions[0].leaderEpoch = -1 }
        var reader = WireReader(bytes)
        #expect(try MetadataResponse.decode(version: version, from: &reader) == expected)
        expectEveryPrefixIsTruncated(bytes) { (reader: inout WireReader) throws(WireError) in
            try MetadataResponse.decode(version: version, from: &reader)
        }
    }

    @Test func v8OfflineReplicasAndAuthorizedOperations() throws {
        var partition = MetadataResponse.Partition(partitionIndex: 1, leaderId: 0, leaderEpoch: 4, replicaNodes: [0, 1])
        partition.isrNodes = [0]
        partition.offlineReplicas = [1]
        let response = MetadataResponse(throttleTimeMs: 0, brokers: [], clusterId: nil, controllerId: -1,
                                        topics: [.init(name: "t", partitions: [partition], topicAuthorizedOperations: 0x0F)],
                                        clusterAuthorizedOperations: 0x10)
        let bytes: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                              0, 0, 0, 1, 0, 0, 0, 1, 0x74, 0, 0, 0, 0, 1,
                              0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 4,
                              0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1,
                              0, 0, 0, 0x0F, 0, 0, 0, 0x10]
        #expect(response.encoded(version: 8) == bytes)
        var reader = WireReader(bytes)
        #expect(try MetadataResponse.decode(version: 8, from: &reader) == response)
    }
}
