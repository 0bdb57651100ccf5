import Testing
@testable import StreamLog

/// A producer's batch appended to an explicit partition (what a Produce request does): offsets,
/// bytes, tombstones, headers, timestamp types and the errors for a partition that isn't there.
struct BatchAppendTests {
    func makeLog(_ backend: Backend, partitions: Int = 3, configure: (inout TopicConfig) -> Void = { _ in })
        throws -> any StreamLogBackend
    {
        let log = try backend.make(SeededRandom(seed: 5), LogSettings())
        var config = TopicConfig(partitions: partitions)
        configure(&config)
        try log.createTopic("events", config: config)
        return log
    }

    let batch = ReceivedBatch([
        .init(key: Array("k1".utf8), value: Array(#"{"n":1}"#.utf8), headers: [("trace", [7, 8]), ("empty", nil)], timestamp: 100),
        .init(key: nil, value: [], timestamp: 101),
        .init(key: Array("k1".utf8), value: nil, timestamp: 102),
    ])

    @Test(arguments: Backend.all) func aBatchLandsInTheNamedPartitionInOrder(_ backend: Backend) throws {
        let log = try makeLog(backend)
        let first = try batch.withRecords { try log.appendBatch(to: TopicPartition("events", 2), $0, nowMs: 500) }
        let second = try batch.withRecords { try log.appendBatch(to: TopicPartition("events", 2), $0, nowMs: 600) }
        #expect(first == BatchAppend(baseOffset: 0, count: 3, logAppendTimeMs: 500, timestampType: .createTime, logStartOffset: 0))
        #expect(second.baseOffset == 3 && second.count == 3 && second.logAppendTimeMs == 600)
        #expect(try log.offsets(topic: "events").map(\.logEndOffset) == [0, 0, 6])

        let records = try log.fetch(TopicPartition("events", 2), from: 0, maxRecords: 10)
        #expect(records.map(\.offset) == [0, 1, 2, 3, 4, 5])
        #expect(records.map(\.timestamp) == [100, 101, 102, 100, 101, 102])
        #expect(records.map(\.appendTimeMs) == [500, 500, 500, 600, 600, 600])
        #expect(records[0].key == Array("k1".utf8) && records[0].value == Array(#"{"n":1}"#.utf8))
        #expect(records[0].headers == [Header("trace", [7, 8]), Header("empty", [])])
        #expect(records[0].sizeInBytes == 2 + 7 + (5 + 2) + 5)
        #expect(records[1].key == nil && records[1].value == [] && !records[1].isTombstone)
        #expect(records[2].value == [] && records[2].isTombstone && records[2].json == nil)
    }

    @Test(arguments: Backend.all) func logAppendTimeTopicsStampEveryRecordWithTheAppendTime(_ backend: Backend) throws {
        let log = try makeLog(backend) { $0.timestampType = .logAppendTime }
        let result = try batch.withRecords { try log.appendBatch(to: TopicPartition("events", 0), $0, nowMs: 900) }
        #expect(result.timestampType == .logAppendTime && result.logAppendTimeMs == 900)
        let records = try log.fetch(TopicPartition("events", 0), from: 0, maxRecords: 10)
        #expect(records.map(\.timestamp) == [900, 900, 900])
        #expect(records.allSatisfy { $0.timestampType == .logAppendTime })
    }

    @Test(arguments: Backend.all) func aBatchForATopicOrPartitionThatIsNotThereIsRefused(_ backend: Backend) throws {
        let log = try makeLog(backend)
        #expect(throws: StreamLogError.unknownTopic("nope")) {
            try batch.withRecords { try log.appendBatch(to: TopicPartition("nope", 0), $0, nowMs: 1) }
        }
        #expect(throws: StreamLogError.unknownPartition(topic: "events", partition: 3, partitionCount: 3)) {
            try batch.withRecords { try log.appendBatch(to: TopicPartition("events", 3), $0, nowMs: 1) }
        }
        #expect(throws: StreamLogError.unknownPartition(topic: "events", partition: -1, partitionCount: 3)) {
            try batch.withRecords { try log.appendBatch(to: TopicPartition("events", -1), $0, nowMs: 1) }
        }
        #expect(try log.offsets(topic: "events").map(\.logEndOffset) == [0, 0, 0])
        #expect(StreamLogError.unknownPartition(topic: "events", partition: 3, partitionCount: 3).description
            == "UNKNOWN_TOPIC_OR_PARTITION: events-3 does not exist (topic has 3 partitions).")
    }

    @Test(arguments: Backend.all) func retentionCountsABatchRecordByRecord(_ backend: Backend) throws {
        let log = try makeLog(backend, partitions: 1) {
            $0.segmentRecords = 2
            $0.retentionRecords = 3
        }
        let result = try ReceivedBatch((0..<7).map { .init(key: nil, value: [UInt8($0)], timestamp: Int64($0)) })
            .withRecords { try log.appendBatch(to: TopicPartition("events", 0), $0, nowMs: 10) }
        // Segments [0,1] [2,3] [4,5] [6]: at the roll before 6, six records are retained for a
        // limit of 3, so the oldest whole segment goes; the next would leave fewer than 3.
        #expect(result.baseOffset == 0 && result.count == 7)
        #expect(result.logStartOffset == 2)
        #expect(try log.offsets(topic: "events")[0].logStartOffset == 2)
        #expect(try log.fetch(TopicPartition("events", 0), from: 2, maxRecords: 10).map(\.value) == [[2], [3], [4], [5], [6]])
    }

    @Test(arguments: Backend.all) func segmentMsLetsTimeRetentionDeleteAQuietPartitionsOldRecords(_ backend: Backend) throws {
        let log = try makeLog(backend, partitions: 1) {
            $0.retentionMs = 60_000
            $0.segmentMs = 10_000
        }
        let partition = TopicPartition("events", 0)
        // One record every 5 s for a minute: segments roll when a record is more than 10 s after
        // a segment's first: at 15 s, 30 s, 45 s and 60 s.
        for second in stride(from: 0, through: 60, by: 5) {
            _ = try ReceivedBatch([.init(key: nil, value: [UInt8(second)], timestamp: Int64(second) * 1_000)])
                .withRecords { try log.appendBatch(to: partition, $0, nowMs: Int64(second) * 1_000) }
        }
        log.tick(nowMs: 70_000)
        #expect(try log.offsets(topic: "events")[0].logStartOffset == 0)
        log.tick(nowMs: 70_001)
        #expect(try log.offsets(topic: "events")[0].logStartOffset == 3)
        log.tick(nowMs: 85_001)
        #expect(try log.offsets(topic: "events")[0].logStartOffset == 6)
        #expect(log.drainEvents().count == 2)
    }
}
