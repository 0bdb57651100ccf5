import Testing
@testable import StreamLog
@testable import Simulation

/// Bad input gets typed errors with clear messages, never a crash.
struct ErrorTests {
    @Test(arguments: Backend.all, [0, -3])
    func partitionCountsBelowOneAreRejected(_ backend: Backend, _ count: Int) throws {
        let log = try KafkaClients(backend, random: SeededRandom(seed: 1))
        #expect(throws: StreamLogError.invalidPartitionCount(topic: "t", count: count)) {
            try log.createTopic("t", config: TopicConfig(partitions: count))
        }
        #expect(log.backend.topicNames.isEmpty)
    }

    @Test(arguments: Backend.all) func badTopicSettingsAreRejected(_ backend: Backend) throws {
        let log = try KafkaClients(backend, random: SeededRandom(seed: 1))
        var config = TopicConfig(partitions: 1)
        config.segmentRecords = 0
        #expect(throws: StreamLogError.invalidConfig(topic: "t", setting: "segment.records", value: 0)) {
            try log.createTopic("t", config: config)
        }
        config = TopicConfig(partitions: 1)
        config.retentionMs = -5
        #expect(throws: StreamLogError.invalidConfig(topic: "t", setting: "retention.ms", value: -5)) {
            try log.createTopic("t", config: config)
        }
    }

    @Test(arguments: Backend.all) func unknownNamesAreTypedErrors(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 2)
        #expect(throws: StreamLogError.topicAlreadyExists("orders")) { try h.log.createTopic("orders", config: TopicConfig(partitions: 1)) }
        #expect(throws: StreamLogError.unknownTopic("nope")) {
            try h.log.produce(topic: "nope", key: nil, value: .null, timestamp: 0, nowMs: 0)
        }
        #expect(throws: StreamLogError.unknownPartition(topic: "orders", partition: 2, partitionCount: 2)) {
            try h.log.produce(topic: "orders", key: nil, value: .null, timestamp: 0, partition: 2, nowMs: 0)
        }
        #expect(throws: StreamLogError.unknownGroup("ghosts")) { try h.log.poll("ghosts", memberId: "m", maxRecords: 1, nowMs: 0) }
        #expect(throws: StreamLogError.unknownGroup("ghosts")) { try h.log.lag(group: "ghosts", nowMs: 0) }
        _ = try h.join("a")
        #expect(throws: StreamLogError.unknownMember(group: "g", memberId: "m")) { try h.log.poll("g", memberId: "m", maxRecords: 1, nowMs: 0) }
        #expect(throws: StreamLogError.unknownMember(group: "g", memberId: "m")) { try h.log.leaveGroup("g", memberId: "m", nowMs: 0) }
        #expect(throws: StreamLogError.unknownMember(group: "g", memberId: "m")) { try h.log.commit("g", memberId: "m", nowMs: 0) }
        #expect(throws: StreamLogError.invalidArgument("maxRecords must not be negative, got -1")) {
            try h.log.fetch(TopicPartition("orders", 0), from: 0, maxRecords: -1)
        }
    }

    @Test func messagesReadLikeKafkas() {
        #expect(
            StreamLogError.offsetOutOfRange(TopicPartition("orders", 3), offset: 12, logStartOffset: 40, logEndOffset: 90).description
                == "OFFSET_OUT_OF_RANGE: Received request for offset 12 for partition orders-3, but we only have log segments starting from offset: 40.")
        #expect(
            StreamLogError.illegalGeneration(group: "g", memberId: "m", generation: 2, current: 3).description
                == "ILLEGAL_GENERATION: member 'm' of group 'g' used generation 2, current generation is 3.")
        #expect(StreamLogError.invalidPartitionCount(topic: "t", count: 0).description == "INVALID_PARTITIONS: topic 't' needs at least 1 partition, got 0.")
    }
}
