import Testing
@testable import StreamLog

/// Lag in records and seconds, no-commit partitions, rates and the catch-up estimate.
struct LagTests {
    @Test func lagAndLagSecondsPerPartitionAndGroup() throws {
        let h = try Harness(partitions: 2)
        let a = try h.join("a", commit: .manual)
        h.advance(to: 1_000)
        try h.produce(5)
        h.advance(to: 2_000)
        try h.produce(5)
        try h.log.commit("g", memberId: a, offsets: [TopicPartition("orders", 0): 5], nowMs: 2_000)
        var lag = try h.log.lag(group: "g", nowMs: 3_500)
        #expect(lag.partitions.map(\.lag) == [5, nil])
        #expect(lag.partitions.map(\.lagMs) == [1_500, nil])
        #expect(lag.partitions[0].lagSeconds == 1.5)
        #expect(lag.partitions[1].committedOffset == nil)
        #expect(lag.totalLag == 5)
        #expect(lag.maxLag == 5)
        #expect(lag.maxLagSeconds == 1.5)
        #expect(lag.partitions[0].recordsLead == 5)
        #expect(lag.partitions[0].ownerMemberId == a)
        try h.log.commit("g", memberId: a, offsets: [TopicPartition("orders", 0): 10, TopicPartition("orders", 1): 0], nowMs: 3_500)
        lag = try h.log.lag(group: "g", nowMs: 3_500)
        #expect(lag.partitions.map(\.lag) == [0, 10])
        #expect(lag.partitions.map(\.lagMs) == [0, 2_500])
        #expect(lag.totalLag == 10)
        #expect(lag.maxLag == 10)
        #expect(lag.maxLagMs == 2_500)
        #expect(lag.timeToCatchUpSeconds == nil)
    }

    @Test func noCommitsAnywhereMeansNoSumsAndNoStatus() throws {
        let h = try Harness(partitions: 3)
        _ = try h.join("a")
        h.advance(to: 1_000)
        try h.produce(4)
        let lag = try h.log.lag(group: "g", nowMs: 1_000)
        #expect(lag.partitions.count == 3)
        #expect(lag.totalLag == 0)
        #expect(lag.maxLag == nil)
        #expect(lag.maxLagSeconds == nil)
        #expect(lag.status == .notFound)
    }

    @Test func lagSecondsUsesTheOldestRetainedRecordWhenTheCommittedOneWasDeleted() throws {
        let h = try Harness(partitions: 1) {
            $0.retentionRecords = 10
            $0.segmentRecords = 5
        }
        let a = try h.join("a", commit: .manual)
        h.advance(to: 1_000)
        try h.produce(5)
        try h.log.commit("g", memberId: a, offsets: [TopicPartition("orders", 0): 2], nowMs: 1_000)
        h.advance(to: 2_000)
        try h.produce(5)
        h.advance(to: 3_000)
        try h.produce(5)
        h.advance(to: 3_100)
        let lag = try #require(try h.log.lag(group: "g", nowMs: 4_000).partitions.first)
        #expect(lag.logStartOffset == 5)
        #expect(lag.lag == 13)
        #expect(lag.lagMs == 2_000)
        #expect(lag.recordsLead == -3)
    }

    @Test func ratesAndTimeToCatchUp() throws {
        let h = try Harness(partitions: 1)
        let a = try h.join("a", commit: .afterEachBatch)
        try h.produce(1_000)
        for time in stride(from: Int64(400), through: 20_400, by: 100) {
            h.advance(to: time)
            try h.produce(1)
            _ = try h.log.poll("g", memberId: a, maxRecords: 2, nowMs: time)
        }
        let lag = try h.log.lag(group: "g", nowMs: h.nowMs)
        #expect(lag.produceRate == 10)
        #expect(lag.consumeRate == 20)
        #expect(lag.totalLag > 0)
        #expect(lag.timeToCatchUpSeconds == Double(lag.totalLag) / 10)
    }
}
