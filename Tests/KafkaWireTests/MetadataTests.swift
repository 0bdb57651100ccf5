import Testing
@testable import KafkaWire

/// Metadata v1 request and response bodies by byte vectors.
struct MetadataTests {
    @Test func requestForNamedTopicsAndForAll() throws {
        let named: [UInt8] = [0, 0, 0, 1, 0, 6, 0x6F, 0x72, 0x64, 0x65, 0x72, 0x73]  // ["orders"]
        var reader = WireReader(named)
        #expect(try MetadataRequest.decode(version: 1, from: &reader) == MetadataRequest(topics: ["orders"]))
        #expect(MetadataRequest(topics: ["orders"]).encoded() == named)
        var all = WireReader([0xFF, 0xFF, 0xFF, 0xFF])
        #expect(try MetadataRequest.decode(version: 1, from: &all) == MetadataRequest(topics: nil))
        var v4 = WireReader([0xFF, 0xFF, 0xFF, 0xFF, 0x00])
        #expect(throws: WireError.unsupportedVersion(apiKey: 3, version: 4)) { try MetadataRequest.decode(version: 4, from: &v4) }
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
        #expect(response.encoded() == bytes)
        var reader = WireReader(bytes)
        #expect(try MetadataResponse.decode(from: &reader) == response)
    }
}
