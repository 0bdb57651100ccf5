import Testing
@testable import StreamLog
@testable import Simulation

/// Rebalances as Kafka runs them: eager stop-the-world vs cooperative two-phase, generations.
struct RebalanceTests {
    @Test(arguments: Backend.all) func memberIdsAreClientIdPlusSeededUuid(_ backend: Backend) throws {
        let first = try Harness(backend, seed: 9)
        let second = try Harness(backend, seed: 9)
        var options = ConsumerOptions(topics: ["orders"])
        let id = try first.log.joinGroup("payments", options: options, nowMs: 0)
        #expect(id == (try second.log.joinGroup("payments", options: options, nowMs: 0)))
        #expect(id.hasPrefix("consumer-payments-1-"))
        #expect(id.count == "consumer-payments-1-".count + 36)
        options.clientId = "billing"
        #expect(try first.log.joinGroup("payments", options: options, nowMs: 0).hasPrefix("billing-"))
        #expect(try first.log.joinGroup("payments", options: ConsumerOptions(topics: ["orders"]), nowMs: 0).hasPrefix("consumer-payments-2-"))
    }

    @Test(arguments: Backend.all) func eagerRebalanceStopsTheWholeGroup(_ backend: Backend) throws {
        let h = try Harness(backend)
        let a = try h.join("a")
        #expect(try h.log.group("g").state == .preparingRebalance)
        h.advance(to: 200)
        #expect(try h.log.group("g").state == .completingRebalance)
        #expect(try h.log.group("g").generation == 1)
        h.advance(to: 300)
        #expect(try h.log.group("g").state == .stable)
        #expect(try h.assignment(a) == h.partitions([0, 1, 2, 3, 4, 5]))
        #expect(
            h.log.drainEvents() == [
                .memberJoined(group: "g", memberId: a, clientId: "a", groupInstanceId: nil),
                .rebalanceStarted(group: "g", reason: "member \(a) joined", protocol: .eager),
                .rebalanceCompleted(group: "g", generation: 1, strategy: .range, protocol: .eager),
                .partitionsAssigned(group: "g", memberId: a, partitions: h.partitions([0, 1, 2, 3, 4, 5])),
            ])
        h.advance(to: 1_000)
        let b = try h.join("b")
        for time in stride(from: Int64(1_000), to: 1_300, by: 100) {
            h.advance(to: time)
            #expect(try h.log.group("g").members.allSatisfy { $0.assignment.isEmpty })
            #expect(try h.log.poll("g", memberId: a, maxRecords: 10, nowMs: time).isEmpty)
        }
        h.advance(to: 1_300)
        let group = try h.log.group("g")
        #expect(group.generation == 2)
        #expect(group.state == .stable)
        #expect(try h.assignment(a) == h.partitions([0, 1, 2]))
        #expect(try h.assignment(b) == h.partitions([3, 4, 5]))
        #expect(
            h.log.drainEvents() == [
                .memberJoined(group: "g", memberId: b, clientId: "b", groupInstanceId: nil),
                .rebalanceStarted(group: "g", reason: "member \(b) joined", protocol: .eager),
                .partitionsRevoked(group: "g", memberId: a, partitions: h.partitions([0, 1, 2, 3, 4, 5])),
                .rebalanceCompleted(group: "g", generation: 2, strategy: .range, protocol: .eager),
                .partitionsAssigned(group: "g", memberId: a, partitions: h.partitions([0, 1, 2])),
                .partitionsAssigned(group: "g", memberId: b, partitions: h.partitions([3, 4, 5])),
            ])
    }

    @Test(arguments: Backend.all) func stickySequenceJoinJoinCrash(_ backend: Backend) throws {
        let h = try Harness(backend)
        let a = try h.join("a", strategy: .sticky)
        h.advance(to: 1_000)
        let b = try h.join("b", strategy: .sticky)
        h.advance(to: 2_000)
        #expect(try h.assignment(a) == h.partitions([0, 1, 2]))
        #expect(try h.assignment(b) == h.partitions([3, 4, 5]))
        let c = try h.join("c", strategy: .sticky)
        h.advance(to: 3_000)
        #expect(try h.log.group("g").generation == 3)
        #expect(try h.assignment(a) == h.partitions([0, 1]))
        #expect(try h.assignment(b) == h.partitions([3, 4]))
        #expect(try h.assignment(c) == h.partitions([2, 5]))
        _ = h.log.drainEvents()
        try h.log.crashMember("g", memberId: b)
        h.advance(to: 12_900)
        #expect(try h.log.group("g").state == .stable)
        #expect(try h.assignment(b) == h.partitions([3, 4]))
        h.advance(to: 13_000)
        #expect(try h.log.group("g").state == .preparingRebalance)
        h.advance(to: 13_300)
        #expect(try h.log.group("g").generation == 4)
        #expect(try h.assignment(a) == h.partitions([0, 1, 3]))
        #expect(try h.assignment(c) == h.partitions([2, 4, 5]))
        #expect(
            h.log.drainEvents() == [
                .memberCrashed(group: "g", memberId: b),
                .memberTimedOut(group: "g", memberId: b, sessionTimeoutMs: 10_000, lostPartitions: h.partitions([3, 4])),
                .rebalanceStarted(group: "g", reason: "member \(b) timed out (session.timeout.ms=10000)", protocol: .eager),
                .partitionsRevoked(group: "g", memberId: a, partitions: h.partitions([0, 1])),
                .partitionsRevoked(group: "g", memberId: c, partitions: h.partitions([2, 5])),
                .rebalanceCompleted(group: "g", generation: 4, strategy: .sticky, protocol: .eager),
                .partitionsAssigned(group: "g", memberId: a, partitions: h.partitions([0, 1, 3])),
                .partitionsAssigned(group: "g", memberId: c, partitions: h.partitions([2, 4, 5])),
            ])
    }

    @Test(arguments: Backend.all) func cooperativeStickyMovesPartitionsInTwoRebalances(_ backend: Backend) throws {
        let h = try Harness(backend)
        let a = try h.join("a", strategy: .cooperativeSticky)
        h.advance(to: 1_000)
        #expect(try h.assignment(a) == h.partitions([0, 1, 2, 3, 4, 5]))
        _ = h.log.drainEvents()
        let b = try h.join("b", strategy: .cooperativeSticky)
        h.advance(to: 1_200)
        #expect(try h.log.group("g").state == .completingRebalance)
        #expect(try h.assignment(a) == h.partitions([0, 1, 2, 3, 4, 5]))
        h.advance(to: 1_300)
        #expect(try h.log.group("g").generation == 2)
        #expect(try h.log.group("g").state == .preparingRebalance)
        #expect(try h.assignment(a) == h.partitions([0, 1, 2]))
        #expect(try h.assignment(b) == [])
        h.advance(to: 1_600)
        #expect(try h.log.group("g").generation == 3)
        #expect(try h.log.group("g").state == .stable)
        #expect(try h.assignment(a) == h.partitions([0, 1, 2]))
        #expect(try h.assignment(b) == h.partitions([3, 4, 5]))
        #expect(
            h.log.drainEvents() == [
                .memberJoined(group: "g", memberId: b, clientId: "b", groupInstanceId: nil),
                .rebalanceStarted(group: "g", reason: "member \(b) joined", protocol: .cooperative),
                .rebalanceCompleted(group: "g", generation: 2, strategy: .cooperativeSticky, protocol: .cooperative),
                .partitionsRevoked(group: "g", memberId: a, partitions: h.partitions([3, 4, 5])),
                .partitionsAssigned(group: "g", memberId: a, partitions: []),
                .partitionsAssigned(group: "g", memberId: b, partitions: []),
                .rebalanceStarted(group: "g", reason: "\(a) revoked partitions and re-joined to hand them over", protocol: .cooperative),
                .rebalanceCompleted(group: "g", generation: 3, strategy: .cooperativeSticky, protocol: .cooperative),
                .partitionsAssigned(group: "g", memberId: a, partitions: []),
                .partitionsAssigned(group: "g", memberId: b, partitions: h.partitions([3, 4, 5])),
            ])
        // A crash: the dead member's partitions are unowned, so one rebalance hands them over.
        try h.log.crashMember("g", memberId: b)
        h.advance(to: 11_600)
        h.advance(to: 11_900)
        #expect(try h.log.group("g").generation == 4)
        #expect(try h.assignment(a) == h.partitions([0, 1, 2, 3, 4, 5]))
        // The last member leaves: the group empties and the generation still advances.
        _ = h.log.drainEvents()
        try h.log.leaveGroup("g", memberId: a, nowMs: h.nowMs)
        h.advance(to: 12_000)
        #expect(try h.log.group("g").state == .empty)
        #expect(try h.log.group("g").generation == 5)
        #expect(
            h.log.drainEvents() == [
                .partitionsRevoked(group: "g", memberId: a, partitions: h.partitions([0, 1, 2, 3, 4, 5])),
                .memberLeft(group: "g", memberId: a),
            ])
    }

    @Test(arguments: Backend.all) func cooperativeMembersKeepConsumingDuringTheRebalance(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 2)
        let a = try h.join("a", strategy: .cooperativeSticky)
        h.advance(to: 1_000)
        let b = try h.join("b", strategy: .cooperativeSticky)
        try h.produce(5)
        h.advance(to: 1_100)
        let during = try h.log.poll("g", memberId: a, maxRecords: 100, nowMs: h.nowMs)
        #expect(during.count == 10)
        h.advance(to: 2_000)
        #expect(try h.assignment(b) == h.partitions([1]))
    }

    @Test(arguments: Backend.all) func staleGenerationAndCompletingRebalanceCommitsAreRejected(_ backend: Backend) throws {
        let h = try Harness(backend)
        let a = try h.join("a", commit: .manual)
        h.advance(to: 1_000)
        try h.produce(3)
        _ = try h.log.poll("g", memberId: a, maxRecords: 100, nowMs: h.nowMs)
        try h.log.commit("g", memberId: a, nowMs: h.nowMs)
        _ = h.log.drainEvents()
        #expect(throws: StreamLogError.illegalGeneration(group: "g", memberId: a, generation: 0, current: 1)) {
            try h.log.commit("g", memberId: a, offsets: [TopicPartition("orders", 0): 1], generation: 0, nowMs: h.nowMs)
        }
        let b = try h.join("b", commit: .manual)
        h.advance(to: 1_200)
        #expect(try h.log.group("g").state == .completingRebalance)
        #expect(throws: StreamLogError.rebalanceInProgress(group: "g")) {
            try h.log.commit("g", memberId: b, offsets: [TopicPartition("orders", 0): 1], nowMs: h.nowMs)
        }
        let events = h.log.drainEvents()
        #expect(events.first == .commitRejected(group: "g", memberId: a, error: .illegalGeneration(group: "g", memberId: a, generation: 0, current: 1)))
        #expect(events.last == .commitRejected(group: "g", memberId: b, error: .rebalanceInProgress(group: "g")))
        #expect(events.last?.description == "g: commit by \(b) rejected: REBALANCE_IN_PROGRESS: group 'g' is rebalancing; commit again after it completes.")
        h.advance(to: 1_300)
        try h.log.commit("g", memberId: b, offsets: [TopicPartition("orders", 3): 2], nowMs: h.nowMs)
        #expect(try h.log.lag(group: "g", nowMs: h.nowMs).partitions[3].committedOffset == 2)
    }

    @Test(arguments: Backend.all) func aCrashDuringAnEagerRebalanceHoldsItUntilTheSessionTimesOut(_ backend: Backend) throws {
        let h = try Harness(backend)
        let a = try h.join("a")
        let b = try h.join("b")
        h.advance(to: 1_000)
        let c = try h.join("c")
        try h.log.crashMember("g", memberId: b)
        h.advance(to: 10_900)
        #expect(try h.log.group("g").state == .preparingRebalance)
        h.advance(to: 11_300)
        #expect(try h.log.group("g").state == .stable)
        #expect(try h.assignment(a) == h.partitions([0, 1, 2]))
        #expect(try h.assignment(c) == h.partitions([3, 4, 5]))
    }

    @Test(arguments: Backend.all) func mixingStrategiesIsAnInconsistentGroupProtocol(_ backend: Backend) throws {
        let h = try Harness(backend)
        _ = try h.join("a", strategy: .range)
        #expect(throws: StreamLogError.inconsistentGroupProtocol(group: "g", offered: ["roundrobin"], groupSupports: ["range"])) {
            try h.join("b", strategy: .roundRobin)
        }
    }

    @Test(arguments: Backend.all) func theFirstRebalanceOfAnEmptyGroupWaitsForTheInitialDelay(_ backend: Backend) throws {
        var settings = LogSettings()
        settings.initialRebalanceDelayMs = 3_000
        let log = try KafkaClients(backend, random: SeededRandom(seed: 3), settings: settings)
        try log.createTopic("orders", config: TopicConfig(partitions: 2))
        _ = try log.joinGroup("g", options: ConsumerOptions(topics: ["orders"]), nowMs: 0)
        log.tick(nowMs: 3_199)
        #expect(try log.group("g").state == .preparingRebalance)
        log.tick(nowMs: 3_200)
        #expect(try log.group("g").state == .completingRebalance)
        log.tick(nowMs: 3_300)
        #expect(try log.group("g").state == .stable)
        _ = try log.joinGroup("g", options: ConsumerOptions(topics: ["orders"]), nowMs: 4_000)
        log.tick(nowMs: 4_100)  // the first member's heartbeat hears of the rebalance and rejoins
        log.tick(nowMs: 4_300)
        #expect(try log.group("g").generation == 2)
    }

    @Test(arguments: Backend.all) func creatingASubscribedTopicTriggersARebalance(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        let a = try h.join("a", topics: ["orders", "audit"])
        h.advance(to: 1_000)
        #expect(try h.assignment(a) == h.partitions([0]))
        _ = h.log.drainEvents()
        try h.log.createTopic("audit", config: TopicConfig(partitions: 2))
        h.advance(to: 1_100)
        #expect(h.log.drainEvents().first == .rebalanceStarted(group: "g", reason: "subscribed topic metadata changed", protocol: .eager))
        h.advance(to: 1_400)
        #expect(try h.log.group("g").generation == 2)
        #expect(try h.assignment(a) == [TopicPartition("audit", 0), TopicPartition("audit", 1), TopicPartition("orders", 0)])
        h.advance(to: 5_000)
        #expect(try h.log.group("g").generation == 2)
    }

    @Test(arguments: Backend.all) func staticMembersAreOrderedByInstanceIdInTheGroup(_ backend: Backend) throws {
        let h = try Harness(backend)
        var first = ConsumerOptions(topics: ["orders"])
        first.clientId = "consumer-a"
        first.groupInstanceId = "instance2"
        var second = ConsumerOptions(topics: ["orders"])
        second.clientId = "consumer-b"
        second.groupInstanceId = "instance1"
        let a = try h.log.joinGroup("g", options: first, nowMs: 0)
        let b = try h.log.joinGroup("g", options: second, nowMs: 0)
        h.advance(to: 300)
        #expect(try h.log.group("g").members.map(\.memberId) == [b, a])
        #expect(try h.assignment(b) == h.partitions([0, 1, 2]))
        #expect(try h.assignment(a) == h.partitions([3, 4, 5]))
    }
}
