import Testing
@testable import StreamLog

/// Retention deletes whole segments oldest-first; log-start moves in segment steps.
struct RetentionTests {
    func makeLog(_ configure: (inout TopicConfig) -> Void) throws -> (InProcessLog, Partition) {
        var config = TopicConfig(partitions: 1)
        config.retentionMs = nil
        configure(&config)
        let log = InProcessLog(random: SeededRandom(seed: 1))
        try log.createTopic("clicks", config: config)
        return (log, try log.topic("clicks").partitions[0])
    }

    func append(_ partition: Partition, count: Int, at time: Int64, size: Int = 10) {
        for _ in 0..<count {
            partition.append(key: nil, value: .null, headers: [], timestamp: time, sizeInBytes: size, nowMs: time)
        }
    }

    @Test func segmentMsRollsASegmentByRecordTimeSoTimeRetentionCanDeleteIt() throws {
        let (log, partition) = try makeLog {
            $0.retentionMs = 10_000
            $0.segmentMs = 1_000
        }
        append(partition, count: 3, at: 0)
        append(partition, count: 3, at: 1_000)
        #expect(partition.segmentCount == 1)
        append(partition, count: 3, at: 1_001)
        append(partition, count: 3, at: 2_500)
        // Rolled at 1 001 (1 ms past the first record's 0 + 1 000) and at 2 500 (past 1 001 + 1 000).
        #expect(partition.segmentCount == 3)
        #expect(partition.sealed.map(\.baseOffset) == [0, 6] && partition.active.baseOffset == 9)
        log.tick(nowMs: 11_001)
        #expect(partition.logStartOffset == 6)
        log.tick(nowMs: 12_001)
        #expect(partition.logStartOffset == 9)
    }

    @Test func withoutSegmentMsOneSegmentKeepsEverythingUntilItsLastRecordExpires() throws {
        let (log, partition) = try makeLog {
            $0.retentionMs = 10_000
            $0.segmentMs = nil
        }
        append(partition, count: 3, at: 0)
        append(partition, count: 3, at: 9_000)
        log.tick(nowMs: 15_000)
        #expect(partition.segmentCount == 1 && partition.logStartOffset == 0)
        log.tick(nowMs: 19_001)
        #expect(partition.logStartOffset == 6)
    }

    @Test func aSegmentMsBelowOneIsRefused() {
        var config = TopicConfig(partitions: 1)
        config.segmentMs = 0
        #expect(throws: StreamLogError.invalidConfig(topic: "t", setting: "segment.ms", value: 0)) {
            try InProcessLog(random: SeededRandom(seed: 1)).createTopic("t", config: config)
        }
    }

    @Test func retentionByTimeDeletesExpiredSegmentsAndRollsTheActiveOne() throws {
        let (log, partition) = try makeLog {
            $0.retentionMs = 1_000
            $0.segmentRecords = 5
        }
        append(partition, count: 5, at: 0)
        append(partition, count: 5, at: 500)
        append(partition, count: 5, at: 1_000)
        log.tick(nowMs: 1_000)
        #expect(partition.logStartOffset == 0)
        log.tick(nowMs: 1_200)
        #expect(partition.logStartOffset == 5)
        #expect(
            log.drainEvents() == [
                .segmentDeleted(
                    SegmentDeletion(
                        topicPartition: TopicPartition("clicks", 0), segmentCount: 1, recordCount: 5, newLogStartOffset: 5, reason: .time))
            ])
        log.tick(nowMs: 1_600)
        #expect(partition.logStartOffset == 10)
        log.tick(nowMs: 2_001)
        #expect(partition.logStartOffset == 15)
        #expect(partition.logEndOffset == 15)
        #expect(partition.segmentCount == 1)
        #expect(partition.retainedRecords == 0)
        #expect(partition.retainedBytes == 0)
        #expect(log.drainEvents().map(\.description) == [
            "clicks-0: 1 segment(s) with 5 records deleted by retention.ms, log-start offset now 10",
            "clicks-0: 1 segment(s) with 5 records deleted by retention.ms, log-start offset now 15",
        ])
    }

    @Test func retentionByRecordsKeepsAtLeastTheLimitInSegmentSteps() throws {
        let (log, partition) = try makeLog {
            $0.retentionRecords = 25
            $0.segmentRecords = 10
        }
        append(partition, count: 40, at: 0)
        #expect(partition.logStartOffset == 0)
        log.tick(nowMs: 0)
        #expect(partition.logStartOffset == 10)
        #expect(partition.retainedRecords == 30)
        append(partition, count: 10, at: 0)
        #expect(partition.logStartOffset == 10)
        // The next append rolls the full active segment; retention runs on the roll.
        append(partition, count: 1, at: 0)
        #expect(partition.logStartOffset == 20)
        #expect(partition.retainedRecords == 31)
        append(partition, count: 9, at: 0)
        #expect(partition.logStartOffset == 20)
    }

    @Test func retentionByBytesCountsRecordSizes() throws {
        let (log, partition) = try makeLog {
            $0.retentionBytes = 250
            $0.segmentBytes = 100
        }
        append(partition, count: 12, at: 0, size: 30)
        #expect(partition.segmentCount == 4)
        #expect(partition.logStartOffset == 0)
        log.tick(nowMs: 0)
        #expect(partition.logStartOffset == 3)
        #expect(partition.retainedBytes == 270)
        #expect(partition.segmentCount == 3)
        let event = try #require(log.drainEvents().first)
        #expect(event == .segmentDeleted(SegmentDeletion(
            topicPartition: TopicPartition("clicks", 0), segmentCount: 1, recordCount: 3, newLogStartOffset: 3, reason: .bytes)))
    }

    @Test func steadyStateReusesSegmentStorage() throws {
        let (_, partition) = try makeLog {
            $0.retentionRecords = 1_000
            $0.segmentRecords = 100
        }
        append(partition, count: 100_000, at: 0)
        #expect(partition.logEndOffset == 100_000)
        #expect(partition.retainedRecords <= 1_100)
        #expect(partition.segmentCount <= 11)
        #expect(partition.freeStorage.count <= Partition.freeStorageCap)
        #expect(partition.active.entries.capacity >= 100)
        #expect(try partition.fetch(from: partition.logStartOffset, maxRecords: 1).first?.offset == partition.logStartOffset)
    }

    @Test func deletionsCoalesceWhenNobodyDrainsThem() throws {
        let (log, partition) = try makeLog {
            $0.retentionRecords = 10
            $0.segmentRecords = 10
        }
        append(partition, count: 1_000, at: 0)
        #expect(partition.pendingDeletions.count == Partition.pendingDeletionCap)
        log.tick(nowMs: 0)
        let deleted = log.drainEvents().reduce(Int64(0)) {
            guard case .segmentDeleted(let deletion) = $1 else { return $0 }
            return $0 + deletion.recordCount
        }
        #expect(deleted == partition.logStartOffset)
    }
}
