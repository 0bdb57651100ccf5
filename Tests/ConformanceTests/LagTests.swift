import Testing
@testable import StreamLog
@testable import Simulation

/// Lag in records and seconds, partitions without a commit (counted from the reset policy), and rates.
struct LagTests {
    @Test(arguments: Backend.all) func lagAndLagSecondsPerPartitionAndGroup(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 2)
        let a = try h.join("a", commit: .manual)
        h.advance(to: 1_000)
        try h.produce(5)
        h.advance(to: 2_000)
        try h.produce(5)
        try h.log.commit("g", memberId: a, offsets: [TopicPartition("orders", 0): 5], nowMs: 2_000)
        var lag = try h.log.lag(group: "g", nowMs: 3_500)
        // Partition 1 has no commit: the group (earliest) will read all ten records from log-start.
        #expect(lag.partitions.map(\.lag) == [5, 10])
        #expect(lag.partitions.map(\.lagMs) == [1_500, 2_500])
        #expect(lag.partitions.map(\.describeLag) == [5, nil])
        #expect(lag.partitions.map(\.describeLagMs) == [1_500, nil])
        #expect(lag.partitions[0].lagSeconds == 1.5)
        #expect(lag.partitions[1].committedOffset == nil)
        #expect(lag.totalLag == 15)
        #expect(lag.maxLag == 10)
        #expect(lag.maxLagSeconds == 2.5)
        #expect(lag.partitions[0].recordsLead == 5)
        #expect(lag.partitions[0].ownerMemberId == a)
        try h.log.commit("g", memberId: a, offsets: [TopicPartition("orders", 0): 10, TopicPartition("orders", 1): 0], nowMs: 3_500)
        lag = try h.log.lag(group: "g", nowMs: 3_500)
        #expect(lag.partitions.map(\.lag) == [0, 10])
        #expect(lag.partitions.map(\.lagMs) == [0, 2_500])
        #expect(lag.totalLag == 10)
        #expect(lag.maxLag == 10)
        #expect(lag.maxLagMs == 2_500)
    }

    @Test(arguments: Backend.all) func aNewGroupFromEarliestHasTheWholeLogToRead(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 3)
        _ = try h.join("a", reset: .earliest)
        h.advance(to: 1_000)
        try h.produce(4)
        let lag = try h.log.lag(group: "g", nowMs: 3_000)
        #expect(lag.partitions.map(\.lag) == [4, 4, 4])
        #expect(lag.totalLag == 12)
        #expect(lag.maxLag == 4)
        #expect(lag.maxLagSeconds == 2)
        #expect(lag.status == .notFound)
        let rows = h.log.describe(group: "g", nowMs: 3_000).rows
        #expect(rows.map(\.currentOffset) == [nil, nil, nil])
        #expect(rows.map(\.lag) == [nil, nil, nil])
        #expect(rows.map(\.lagMs) == [nil, nil, nil])
    }

    @Test(arguments: Backend.all) func aNewGroupFromLatestCountsFromItsPositionOnceItHasOne(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        let a = try h.join("a", commit: .manual, reset: .latest)
        h.advance(to: 1_000)
        try h.produce(4)
        #expect(try h.log.lag(group: "g", nowMs: 1_000).totalLag == 0)
        _ = try h.log.poll("g", memberId: a, maxRecords: 10, nowMs: 1_000)
        h.advance(to: 2_000)
        try h.produce(3)
        let lag = try h.log.lag(group: "g", nowMs: 2_500)
        #expect(lag.partitions.map(\.position) == [4])
        #expect(lag.partitions.map(\.lag) == [3])
        #expect(lag.partitions.map(\.lagMs) == [500])
        #expect(lag.partitions.map(\.describeLag) == [nil])
    }

    @Test(arguments: Backend.all) func recordsLagCountsFromTheConsumersPositionNotTheCommit(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        let a = try h.join("a", commit: .manual)
        h.advance(to: 1_000)
        try h.produce(50)
        _ = try h.log.poll("g", memberId: a, maxRecords: 10, nowMs: 1_000)
        try h.log.commit("g", memberId: a, nowMs: 1_000)
        _ = try h.log.poll("g", memberId: a, maxRecords: 20, nowMs: 1_000)
        let lag = try h.log.lag(group: "g", nowMs: 1_000)
        #expect(lag.totalLag == 40)
        #expect(lag.partitions.map(\.recordsLag) == [20])
        #expect(lag.recordsLag == 20)
    }

    @Test(arguments: Backend.all) func lagSecondsBehindLogStartComeFromTheDeletedSegmentNotTheYoungLogStart(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1) {
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
        // Offset 2 was appended at 1 000 (the log-start record at 2 000 would say 2 s).
        #expect(lag.lagMs == 3_000)
        #expect(lag.recordsLead == -3)
    }

    @Test(arguments: Backend.all) func rates(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
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
        // 1 201 appended, 400 committed (each poll commits the batch before it).
        #expect(lag.totalLag == 801)
    }
}
