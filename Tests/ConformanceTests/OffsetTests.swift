import Testing
@testable import StreamLog
@testable import Simulation

/// Positions, commit policies, auto.offset.reset, the retention edge, at-least-once.
struct OffsetTests {
    func committed(_ h: Harness, _ partition: Int = 0, group: String = "g") throws -> Int64? {
        try h.log.lag(group: group, nowMs: h.nowMs).partitions[partition].committedOffset
    }

    @Test(arguments: Backend.all) func autoCommitIsPiggyBackedOnPollEveryInterval(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        let a = try h.join("a")
        h.advance(to: 1_000)
        try h.produce(10)
        #expect(try h.log.poll("g", memberId: a, maxRecords: 4, nowMs: 1_000).map(\.offset) == [0, 1, 2, 3])
        h.advance(to: 4_000)
        #expect(try h.log.poll("g", memberId: a, maxRecords: 4, nowMs: 4_000).map(\.offset) == [4, 5, 6, 7])
        #expect(try committed(h) == nil)
        h.advance(to: 5_000)
        #expect(try h.log.poll("g", memberId: a, maxRecords: 4, nowMs: 5_000).map(\.offset) == [8, 9])
        #expect(try committed(h) == 8)
        #expect(try h.log.poll("g", memberId: a, maxRecords: 4, nowMs: 6_000).isEmpty)
        #expect(try committed(h) == 8)
        try h.log.leaveGroup("g", memberId: a, nowMs: 6_500)
        #expect(try committed(h) == 10)
    }

    @Test(arguments: Backend.all) func afterEachBatchCommitsTheProcessedBatchBeforeTheNextPoll(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        let a = try h.join("a", commit: .afterEachBatch)
        h.advance(to: 1_000)
        try h.produce(10)
        _ = try h.log.poll("g", memberId: a, maxRecords: 3, nowMs: 1_000)
        #expect(try committed(h) == nil)
        _ = try h.log.poll("g", memberId: a, maxRecords: 3, nowMs: 1_100)
        #expect(try committed(h) == 3)
        _ = try h.log.poll("g", memberId: a, maxRecords: 3, nowMs: 1_200)
        #expect(try committed(h) == 6)
    }

    @Test(arguments: Backend.all) func manualCommitsOnlyWhenAsked(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        let a = try h.join("a", commit: .manual)
        h.advance(to: 1_000)
        try h.produce(10)
        _ = try h.log.poll("g", memberId: a, maxRecords: 5, nowMs: 1_000)
        h.advance(to: 20_000)
        _ = try h.log.poll("g", memberId: a, maxRecords: 5, nowMs: 20_000)
        #expect(try committed(h) == nil)
        try h.log.commit("g", memberId: a, offsets: [TopicPartition("orders", 0): 7], nowMs: 20_000)
        #expect(try committed(h) == 7)
        try h.log.leaveGroup("g", memberId: a, nowMs: 20_100)
        #expect(try committed(h) == 7)
    }

    @Test(arguments: Backend.all) func noCommittedOffsetResetsByPolicy(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        try h.produce(10)
        let latest = try h.join("a", group: "tail", reset: .latest)
        let earliest = try h.join("b", group: "replay", reset: .earliest)
        let strict = try h.join("c", group: "strict", reset: .none)
        h.advance(to: 1_000)
        _ = h.log.drainEvents()
        #expect(try h.log.poll("tail", memberId: latest, maxRecords: 5, nowMs: 1_000).isEmpty)
        #expect(try h.log.poll("replay", memberId: earliest, maxRecords: 5, nowMs: 1_000).map(\.offset) == [0, 1, 2, 3, 4])
        #expect(throws: StreamLogError.noOffsetForPartition(group: "strict", TopicPartition("orders", 0))) {
            try h.log.poll("strict", memberId: strict, maxRecords: 5, nowMs: 1_000)
        }
        #expect(
            h.log.drainEvents().map(\.description) == [
                "tail: no committed offset for partition orders-0, resetting offset to 10 (auto.offset.reset=latest)",
                "replay: no committed offset for partition orders-0, resetting offset to 0 (auto.offset.reset=earliest)",
            ])
    }

    func slowGroup(_ backend: Backend, reset: OffsetResetPolicy) throws -> (Harness, String) {
        let h = try Harness(backend, partitions: 1) {
            $0.retentionMs = nil
            $0.retentionRecords = 20
            $0.segmentRecords = 10
        }
        let a = try h.join("a", commit: .manual, reset: reset)
        h.advance(to: 1_000)
        try h.produce(10)
        try h.log.commit("g", memberId: a, offsets: [TopicPartition("orders", 0): 0], nowMs: 1_000)
        _ = try h.log.poll("g", memberId: a, maxRecords: 5, nowMs: 1_000)
        try h.log.commit("g", memberId: a, nowMs: 1_000)
        try h.produce(40)
        h.advance(to: 1_100)
        _ = h.log.drainEvents()
        return (h, a)
    }

    @Test(arguments: Backend.all) func aSlowGroupFallsOffTheLogAndResetsToEarliest(_ backend: Backend) throws {
        let (h, a) = try slowGroup(backend, reset: .earliest)
        let lag = try #require(try h.log.lag(group: "g", nowMs: h.nowMs).partitions.first)
        #expect(lag.logStartOffset == 30)
        #expect(lag.lag == 45)
        #expect(lag.recordsLead == -25)
        let records = try h.log.poll("g", memberId: a, maxRecords: 3, nowMs: h.nowMs)
        #expect(records.map(\.offset) == [30, 31, 32])
        let events = h.log.drainEvents()
        #expect(
            events == [
                .offsetReset(group: "g", memberId: a, topicPartition: TopicPartition("orders", 0), from: 5, to: 30, policy: .earliest, logStartOffset: 30)
            ])
        #expect(
            events.first?.description
                == "g: fetch position 5 is out of range for partition orders-0 (log starts at 30), resetting offset to 30 (auto.offset.reset=earliest)")
        // Until the group commits again, the tool's lag still counts the deleted records.
        #expect(try committed(h) == 5)
        try h.log.commit("g", memberId: a, nowMs: h.nowMs)
        #expect(try committed(h) == 33)
    }

    @Test(arguments: Backend.all) func aSlowGroupResetsToLatestOrFailsWithNone(_ backend: Backend) throws {
        let (latest, a) = try slowGroup(backend, reset: .latest)
        #expect(try latest.log.poll("g", memberId: a, maxRecords: 3, nowMs: latest.nowMs).isEmpty)
        #expect(latest.log.drainEvents().first?.description.hasSuffix("resetting offset to 50 (auto.offset.reset=latest)") == true)
        let (strict, b) = try slowGroup(backend, reset: .none)
        #expect(throws: StreamLogError.offsetOutOfRange(TopicPartition("orders", 0), offset: 5, logStartOffset: 30, logEndOffset: 50)) {
            try strict.log.poll("g", memberId: b, maxRecords: 3, nowMs: strict.nowMs)
        }
    }

    @Test(arguments: Backend.all) func aCrashBeforeCommittingRedeliversToTheSuccessor(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        let a = try h.join("a")
        let b = try h.join("b")
        h.advance(to: 1_000)
        #expect(try h.assignment(a) == h.partitions([0]))
        try h.produce(100)
        #expect(try h.log.poll("g", memberId: a, maxRecords: 30, nowMs: 1_000).count == 30)
        h.advance(to: 5_000)
        #expect(try h.log.poll("g", memberId: a, maxRecords: 30, nowMs: 5_000).map(\.offset).first == 30)
        #expect(try committed(h) == 30)
        try h.log.crashMember("g", memberId: a)
        #expect(throws: StreamLogError.memberNotActive(group: "g", memberId: a)) {
            try h.log.poll("g", memberId: a, maxRecords: 1, nowMs: 5_000)
        }
        h.advance(to: 15_300)
        #expect(try h.assignment(b) == h.partitions([0]))
        _ = h.log.drainEvents()
        let redelivered = try h.log.poll("g", memberId: b, maxRecords: 100, nowMs: 15_300)
        #expect(redelivered.map(\.offset) == Array(30..<100))
        #expect(h.log.drainEvents() == [.recordsRedelivered(group: "g", memberId: b, topicPartition: TopicPartition("orders", 0), count: 30)])
        let lag = try h.log.lag(group: "g", nowMs: h.nowMs)
        #expect(lag.partitions[0].delivered == 130)
        #expect(lag.partitions[0].duplicates == 30)
        #expect(lag.duplicates == 30)
    }

    @Test(arguments: Backend.all) func aDeliberateRewindReplaysWithoutCountingDuplicates(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        let a = try h.join("a", commit: .manual)
        h.advance(to: 1_000)
        try h.produce(50)
        #expect(try h.log.poll("g", memberId: a, maxRecords: 50, nowMs: 1_000).count == 50)
        try h.log.commit("g", memberId: a, nowMs: 1_000)
        try h.log.leaveGroup("g", memberId: a, nowMs: 1_000)
        #expect(try h.log.resetOffsets(group: "g", topics: ["orders"], to: .earliest, nowMs: 1_000) == [TopicPartition("orders", 0): 0])
        let b = try h.join("b", commit: .manual)
        h.advance(to: 2_000)
        _ = h.log.drainEvents()
        #expect(try h.log.poll("g", memberId: b, maxRecords: 100, nowMs: 2_000).count == 50)
        #expect(!h.log.drainEvents().contains { if case .recordsRedelivered = $0 { true } else { false } })
        let lag = try h.log.lag(group: "g", nowMs: h.nowMs)
        #expect(lag.partitions[0].delivered == 100)
        #expect(lag.duplicates == 0)
    }

    @Test(arguments: Backend.all) func commitsOutsideTheLogAreRejected(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        let a = try h.join("a")
        h.advance(to: 1_000)
        try h.produce(3)
        #expect(throws: StreamLogError.offsetOutOfRange(TopicPartition("orders", 0), offset: 4, logStartOffset: 0, logEndOffset: 3)) {
            try h.log.commit("g", memberId: a, offsets: [TopicPartition("orders", 0): 4], nowMs: 1_000)
        }
        #expect(throws: StreamLogError.unknownTopic("nope")) {
            try h.log.commit("g", memberId: a, offsets: [TopicPartition("nope", 0): 0], nowMs: 1_000)
        }
    }
}
