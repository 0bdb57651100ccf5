import Testing
@testable import Simulation
@testable import StreamLog

/// The coordinator's broker role as a wire client meets it: JoinGroup → SyncGroup from the
/// leader → heartbeats, the session timeout, and the error answers.
struct CoordinatorTests {
    func wireOptions(_ clientId: String, sessionTimeoutMs: Int64 = 6_000) -> ConsumerOptions {
        var options = ConsumerOptions(topics: ["orders"])
        options.clientId = clientId
        options.sessionTimeoutMs = sessionTimeoutMs
        return options
    }

    @Test(arguments: Backend.all) func aWireMemberThatStopsHeartbeatingIsEvictedAfterTheSessionTimeout(_ backend: Backend) throws {
        let log = try backend.make(SeededRandom(seed: 5), LogSettings())
        try log.createTopic("orders", config: TopicConfig(partitions: 4))
        let wire = WireMember()
        let id = try log.joinGroup("g", memberId: nil, options: wireOptions("kcat"), ownedPartitions: [], client: wire, nowMs: 0)
        log.tick(nowMs: 200)
        let response = try #require(wire.joins.last)
        #expect(response.isLeader && response.generation == 1)
        #expect(response.members == [AssignorMember(memberId: id, topics: ["orders"])])
        log.tick(nowMs: 400)
        #expect(try log.group("g").state == .completingRebalance)  // waits for the leader's SyncGroup
        let everything = TopicPartition.all("orders", 4)
        try log.syncGroup("g", memberId: id, generation: 1, assignment: [id: everything])
        log.tick(nowMs: 500)
        #expect(wire.assignments == [everything])
        #expect(try log.group("g").state == .stable)
        for time in stride(from: Int64(1_000), through: 6_000, by: 1_000) {
            try log.heartbeat("g", memberId: id, generation: 1, nowMs: time)
            log.tick(nowMs: time)
        }
        log.tick(nowMs: 11_999)
        #expect(try log.group("g").members.map(\.memberId) == [id])
        _ = log.drainEvents()
        log.tick(nowMs: 12_000)
        #expect(try log.group("g").members.isEmpty)
        #expect(try log.group("g").state == .empty)
        #expect(
            log.drainEvents() == [
                .memberTimedOut(group: "g", memberId: id, sessionTimeoutMs: 6_000, lostPartitions: everything)
            ])
        #expect(throws: StreamLogError.unknownMember(group: "g", memberId: id)) {
            try log.heartbeat("g", memberId: id, generation: 1, nowMs: 12_000)
        }
        #expect(throws: StreamLogError.unknownMember(group: "g", memberId: id)) {
            try log.commitOffsets("g", memberId: id, generation: 1, offsets: [TopicPartition("orders", 0): 0], nowMs: 12_000)
        }
    }

    @Test(arguments: Backend.all) func heartbeatsAnswerRebalanceInProgressUntilTheMemberRejoins(_ backend: Backend) throws {
        let log = try backend.make(SeededRandom(seed: 6), LogSettings())
        try log.createTopic("orders", config: TopicConfig(partitions: 2))
        let first = WireMember()
        let a = try log.joinGroup("g", memberId: nil, options: wireOptions("a"), ownedPartitions: [], client: first, nowMs: 0)
        log.tick(nowMs: 200)
        try log.syncGroup("g", memberId: a, generation: 1, assignment: [a: TopicPartition.all("orders", 2)])
        log.tick(nowMs: 300)
        let second = WireMember()
        let b = try log.joinGroup("g", memberId: nil, options: wireOptions("b"), ownedPartitions: [], client: second, nowMs: 1_000)
        #expect(first.rebalanceNotices == [1_000] && second.rebalanceNotices.isEmpty)
        #expect(throws: StreamLogError.rebalanceInProgress(group: "g")) {
            try log.heartbeat("g", memberId: a, generation: 1, nowMs: 1_050)
        }
        log.tick(nowMs: 1_300)
        #expect(try log.group("g").state == .preparingRebalance)  // the join phase waits for a
        _ = try log.joinGroup(
            "g", memberId: a, options: wireOptions("a"), ownedPartitions: TopicPartition.all("orders", 2), client: first, nowMs: 1_300)
        try log.heartbeat("g", memberId: a, generation: 1, nowMs: 1_300)
        log.tick(nowMs: 1_400)
        let leader = try #require(first.joins.last)
        #expect(leader.generation == 2 && leader.leaderId == a && leader.members.count == 2)
        #expect(second.joins.last?.members == [])
        #expect(throws: StreamLogError.illegalGeneration(group: "g", memberId: b, generation: 1, current: 2)) {
            try log.heartbeat("g", memberId: b, generation: 1, nowMs: 1_400)
        }
        try log.syncGroup("g", memberId: b, generation: 2, assignment: [b: TopicPartition.all("orders", 2)])  // not the leader: ignored
        try log.syncGroup("g", memberId: a, generation: 2, assignment: [a: [TopicPartition("orders", 0)], b: [TopicPartition("orders", 1)]])
        log.tick(nowMs: 1_500)
        #expect(first.assignments.last == [TopicPartition("orders", 0)])
        #expect(second.assignments == [[TopicPartition("orders", 1)]])
        #expect(throws: StreamLogError.illegalGeneration(group: "g", memberId: a, generation: 3, current: 2)) {
            try log.syncGroup("g", memberId: a, generation: 3, assignment: nil)
        }
    }

    @Test(arguments: Backend.all, [AssignmentStrategy.range, .roundRobin, .sticky, .cooperativeSticky])
    func theLeadersAssignmentIsTheAssignorsOutput(_ backend: Backend, _ strategy: AssignmentStrategy) throws {
        let h = try Harness(backend, partitions: 5)
        try h.log.createTopic("audit", config: TopicConfig(partitions: 3))
        let ids = [
            try h.join("a", strategy: strategy, topics: ["orders", "audit"]), try h.join("b", strategy: strategy),
            try h.join("c", strategy: strategy, topics: ["orders", "audit"]),
        ]
        h.advance(to: 1_000)
        let members = try h.log.group("g").members.map { AssignorMember(memberId: $0.memberId, topics: $0.topics) }
        let expected = strategy.assignor.assign(members: members, partitionCounts: ["orders": 5, "audit": 3])
        for id in ids { #expect(try h.assignment(id) == (expected[id] ?? []).sorted()) }
        #expect(ids.reduce(0) { $0 + ((try? h.assignment($1).count) ?? 0) } == 8)
    }

    @Test(arguments: Backend.all) func keyedRecordsLandOnKafkasPartitionThroughTheSeam(_ backend: Backend) throws {
        let log = try backend.make(SeededRandom(seed: 7), LogSettings())
        try log.createTopic("payments", config: TopicConfig(partitions: 12))
        for key in ["acct-1", "acct-2", "acct-42", "", "ünïcödé"] {
            let metadata = try log.produce(
                topic: "payments", key: key, value: .int(1), headers: [], timestamp: 0, sizeInBytes: nil, partition: nil, nowMs: 0)
            #expect(metadata.topicPartition.partition == Murmur2.partition(forKey: key, partitionCount: 12), "\(key)")
        }
        #expect(throws: StreamLogError.unknownPartition(topic: "payments", partition: 12, partitionCount: 12)) {
            try log.produce(topic: "payments", key: nil, value: .null, headers: [], timestamp: 0, sizeInBytes: nil, partition: 12, nowMs: 0)
        }
    }

    @Test(arguments: Backend.all) func retentionOvertakingACommitShowsANegativeLeadAndAnEvent(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1) {
            $0.retentionMs = nil
            $0.segmentRecords = 10
        }
        let a = try h.join("a", commit: .manual)
        h.advance(to: 1_000)
        try h.produce(30)
        try h.log.commit("g", memberId: a, offsets: [TopicPartition("orders", 0): 5], nowMs: h.nowMs)
        try h.log.backend.alterRetention(topic: "orders", timeMs: nil, bytes: nil, records: 10)
        _ = h.log.drainEvents()
        h.advance(to: 1_100)
        let offsets = try #require(h.log.offsets(topic: "orders").first)
        #expect(offsets.logStartOffset == 20 && offsets.logEndOffset == 30)
        #expect(h.log.drainEvents().map(\.description) == [
            "orders-0: 2 segment(s) with 20 records deleted by retention.records, log-start offset now 20"
        ])
        let lag = try #require(h.log.lag(group: "g", nowMs: h.nowMs).partitions.first)
        #expect(lag.committedOffset == 5 && lag.lag == 25 && lag.recordsLead == -15)
    }
}
