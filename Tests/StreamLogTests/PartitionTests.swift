import Testing
@testable import StreamLog

/// Appending and reading a partition by offset, and the partitioner on produce.
struct PartitionTests {
    func makeLog(_ config: TopicConfig, name: String = "orders") throws -> InProcessLog {
        let log = InProcessLog(random: SeededRandom(seed: 7))
        try log.createTopic(name, config: config)
        return log
    }

    @Test func offsetsAreDenseAndReadableAcrossSegments() throws {
        var config = TopicConfig(partitions: 1)
        config.segmentRecords = 4
        let partition = try makeLog(config).topic("orders").partitions[0]
        for index in 0..<10 {
            let offset = partition.append(key: nil, value: .int(Int64(index)), headers: [], timestamp: 100, sizeInBytes: 10, nowMs: 100)
            #expect(offset == Int64(index))
        }
        #expect(partition.logStartOffset == 0)
        #expect(partition.logEndOffset == 10)
        #expect(partition.highWatermark == 10)
        #expect(partition.segmentCount == 3)
        let records = try partition.fetch(from: 2, maxRecords: 5)
        #expect(records.map(\.offset) == [2, 3, 4, 5, 6])
        #expect(records.compactMap(\.json) == [2, 3, 4, 5, 6])
        #expect(try partition.fetch(from: 10, maxRecords: 5).isEmpty)
        #expect(try partition.fetch(from: 8, maxRecords: 50).map(\.offset) == [8, 9])
    }

    @Test func readingOutsideTheLogIsOffsetOutOfRange() throws {
        let log = try makeLog(TopicConfig(partitions: 1))
        _ = try log.produce(topic: "orders", key: "k", value: 1, timestamp: 0, nowMs: 0)
        #expect(throws: StreamLogError.offsetOutOfRange(TopicPartition("orders", 0), offset: 2, logStartOffset: 0, logEndOffset: 1)) {
            try log.fetch(TopicPartition("orders", 0), from: 2, maxRecords: 1)
        }
        #expect(throws: StreamLogError.unknownPartition(topic: "orders", partition: 3, partitionCount: 1)) {
            try log.fetch(TopicPartition("orders", 3), from: 0, maxRecords: 1)
        }
    }

    @Test func createTimeKeepsTheProducerClockAndLogAppendTimeUsesTheLogs() throws {
        var appendTime = TopicConfig(partitions: 1)
        appendTime.timestampType = .logAppendTime
        let log = try makeLog(TopicConfig(partitions: 1))
        try log.createTopic("audit", config: appendTime)
        let created = try log.produce(topic: "orders", key: "k", value: 1, timestamp: 900, nowMs: 1_000)
        let appended = try log.produce(topic: "audit", key: "k", value: 1, timestamp: 900, nowMs: 1_000)
        #expect(created.timestamp == 900)
        #expect(appended.timestamp == 1_000)
        let record = try #require(try log.fetch(TopicPartition("audit", 0), from: 0, maxRecords: 1).first)
        #expect(record.timestampType == .logAppendTime)
        #expect(record.appendTimeMs == 1_000)
    }

    @Test func recordsKeepKeyValueAndOrderedHeaders() throws {
        let log = try makeLog(TopicConfig(partitions: 1))
        let headers = [Header("trace", "b"), Header("trace", "a"), Header("origin", "web")]
        _ = try log.produce(topic: "orders", key: "o-1", value: ["amount": 42.5], headers: headers, timestamp: 5, nowMs: 5)
        let record = try #require(try log.fetch(TopicPartition("orders", 0), from: 0, maxRecords: 1).first)
        #expect(record.keyText == "o-1")
        #expect(record.value == Array(#"{"amount":42.5}"#.utf8))
        #expect(record.field("amount") == 42.5)
        #expect(record.headers == headers)
        #expect(record.sizeInBytes == 3 + #"{"amount":42.5}"#.utf8.count + 5 + 1 + 5 + 1 + 6 + 3)
    }

    @Test func keyedRecordsLandWhereKafkaPutsThem() throws {
        let log = try makeLog(TopicConfig(partitions: 6))
        #expect(try log.produce(topic: "orders", key: "21", value: 1, timestamp: 0, nowMs: 0).topicPartition.partition == 0)
        #expect(try log.produce(topic: "orders", key: "kafka", value: 1, timestamp: 0, nowMs: 0).topicPartition.partition == 4)
        #expect(try log.produce(topic: "orders", key: "", value: 1, timestamp: 0, nowMs: 0).topicPartition.partition == 3)
        #expect(try log.produce(topic: "orders", key: "kafka", value: 1, timestamp: 0, partition: 1, nowMs: 0).topicPartition.partition == 1)
    }

    @Test func stickyKeylessRecordsStayUntilABatchIsFull() throws {
        let log = try makeLog(TopicConfig(partitions: 6))
        var partitions: [Int] = []
        for _ in 0..<400 {
            partitions.append(try log.produce(topic: "orders", key: nil, value: 1, timestamp: 0, sizeInBytes: 1_000, nowMs: 0).topicPartition.partition)
        }
        // 17 records × 1000 bytes reach batch.size 16384; the 18th may switch.
        for batch in stride(from: 0, to: 391, by: 17) {
            #expect(Set(partitions[batch..<(batch + 17)]).count == 1)
        }
        #expect(Set(partitions).count > 1)
    }

    @Test func roundRobinKeylessRecordsRotate() throws {
        var config = TopicConfig(partitions: 3)
        config.keylessStrategy = .roundRobin
        let log = try makeLog(config)
        var partitions: [Int] = []
        for _ in 0..<7 { partitions.append(try log.produce(topic: "orders", key: nil, value: 1, timestamp: 0, nowMs: 0).topicPartition.partition) }
        #expect(partitions == [0, 1, 2, 0, 1, 2, 0])
    }

    @Test func sameSeedSameStickyPartitions() throws {
        func run() throws -> [Int] {
            let log = try makeLog(TopicConfig(partitions: 12))
            return try (0..<100).map { _ in
                try log.produce(topic: "orders", key: nil, value: 1, timestamp: 0, sizeInBytes: 5_000, nowMs: 0).topicPartition.partition
            }
        }
        #expect(try run() == run())
    }
}
