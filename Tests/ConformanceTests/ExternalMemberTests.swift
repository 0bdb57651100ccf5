import Testing
@testable import StreamLog

/// Real Kafka clients in a group, as the listener joins them: protocols with metadata bytes, the
/// protocol Kafka would select, an external leader's assignment, and simulated members beside them.
struct ExternalMemberTests {
    /// A wire client's options: its client id and the protocols it offers, each with `metadata`.
    static func wire(_ clientId: String, _ protocols: [String], metadata: [UInt8] = [0xAB], topics: [String] = ["orders"]) -> ConsumerOptions {
        var options = ConsumerOptions(topics: topics)
        options.clientId = clientId
        options.sessionTimeoutMs = 6_000
        options.protocols = protocols.map { JoinProtocol(name: $0, metadata: metadata + Array($0.utf8)) }
        return options
    }

    @Test(arguments: Backend.all) func aCooperativeOnlyClientCannotJoinARangeGroup(_ backend: Backend) throws {
        let harness = try Harness(backend)
        _ = try harness.join("sim")
        let client = WireMember()
        #expect(throws: StreamLogError.inconsistentGroupProtocol(group: "g", offered: ["cooperative-sticky"], groupSupports: ["range"])) {
            try harness.log.backend.joinGroup(
                "g", memberId: nil, options: Self.wire("rdkafka", ["cooperative-sticky"]), ownedPartitions: [], client: client, nowMs: 0)
        }
        var connect = Self.wire("connect", ["range"])
        connect.protocolType = "connect"
        #expect(throws: StreamLogError.inconsistentGroupProtocol(group: "g", offered: ["range"], groupSupports: [])) {
            try harness.log.backend.joinGroup("g", memberId: nil, options: connect, ownedPartitions: [], client: client, nowMs: 0)
        }
        #expect(try harness.log.group("g").members.map(\.clientId) == ["sim"])
    }

    /// Kafka's vote: each member names its most preferred common protocol; most votes win.
    @Test(arguments: Backend.all) func theGroupSelectsTheProtocolMostMembersPrefer(_ backend: Backend) throws {
        let log = backend.make(SeededRandom(seed: 3), LogSettings())
        try log.createTopic("orders", config: TopicConfig(partitions: 4))
        let clients = [WireMember(), WireMember(), WireMember()]
        let offers = [["roundrobin", "range"], ["range", "roundrobin", "sticky"], ["sticky", "range", "roundrobin"]]
        var ids: [String] = []
        for (index, client) in clients.enumerated() {
            ids.append(try log.joinGroup(
                "g", memberId: nil, options: Self.wire("c\(index)", offers[index]), ownedPartitions: [], client: client, nowMs: 0))
        }
        for (index, client) in clients.enumerated() where index > 0 {
            _ = try log.joinGroup("g", memberId: ids[index], options: Self.wire("c\(index)", offers[index]), ownedPartitions: [], client: client, nowMs: 0)
        }
        log.tick(nowMs: 200)
        // c0 votes roundrobin, c1 range, c2 range (sticky is not common to all): range wins.
        #expect(clients.map { $0.joins.last?.protocolName } == ["range", "range", "range"])
        let leader = try #require(clients.first { $0.joins.last?.isLeader == true }?.joins.last)
        #expect(leader.strategy == .range)
        #expect(leader.memberMetadata == Dictionary(uniqueKeysWithValues: ids.map { ($0, [0xAB] + Array("range".utf8)) }))
        #expect(try log.group("g").strategy == .range)
        #expect(try log.group("g").members.allSatisfy(\.isExternal))
    }

    @Test(arguments: Backend.all) func aTieGoesToTheLeadersPreference(_ backend: Backend) throws {
        let log = backend.make(SeededRandom(seed: 3), LogSettings())
        try log.createTopic("orders", config: TopicConfig(partitions: 2))
        let a = WireMember(), b = WireMember()
        let first = try log.joinGroup("g", memberId: nil, options: Self.wire("a", ["roundrobin", "range"]), ownedPartitions: [], client: a, nowMs: 0)
        let second = try log.joinGroup("g", memberId: nil, options: Self.wire("b", ["range", "roundrobin"]), ownedPartitions: [], client: b, nowMs: 0)
        _ = try log.joinGroup("g", memberId: first, options: Self.wire("a", ["roundrobin", "range"]), ownedPartitions: [], client: a, nowMs: 0)
        log.tick(nowMs: 200)
        let leader = try #require([a, b].first { $0.joins.last?.isLeader == true }?.joins.last)
        #expect(leader.leaderId == min(first, second))
        #expect(leader.protocolName == (leader.leaderId == first ? "roundrobin" : "range"))
    }

    /// A real client joins a scenario's group: the simulated leader runs range over both
    /// subscriptions, and the external follower gets its half.
    @Test(arguments: Backend.all) func aSimulatedLeaderAssignsPartitionsToAnExternalMember(_ backend: Backend) throws {
        let harness = try Harness(backend, partitions: 4)
        let sim = try harness.join("a-sim")
        harness.advance(to: 1_000)
        #expect(try harness.assignment(sim) == TopicPartition.all("orders", 4))
        let client = WireMember()
        let external = try harness.log.backend.joinGroup(
            "g", memberId: nil, options: Self.wire("z-python", ["range", "roundrobin"]), ownedPartitions: [], client: client, nowMs: 1_000)
        harness.advance(to: 5_000)  // the simulated member rejoins on its next heartbeat; no session has expired
        let joined = try #require(client.joins.last)
        #expect(joined.leaderId == sim && !joined.isLeader && joined.protocolName == "range" && joined.members.isEmpty)
        // The follower's SyncGroup arrives after the sync phase ended: the assignment it already has.
        try harness.log.backend.syncGroup("g", memberId: external, generation: joined.generation, assignment: nil)
        #expect(client.assignments.last == [TopicPartition("orders", 2), TopicPartition("orders", 3)])
        #expect(try harness.assignment(sim) == [TopicPartition("orders", 0), TopicPartition("orders", 1)])
        let snapshot = try harness.log.group("g")
        #expect(snapshot.members.map(\.isExternal) == [false, true])
        #expect(snapshot.members.map(\.clientId) == ["a-sim", "z-python"])
    }

    /// An external leader sees the simulated member's subscription and its assignment is applied.
    @Test(arguments: Backend.all) func anExternalLeadersAssignmentIsApplied(_ backend: Backend) throws {
        let harness = try Harness(backend, partitions: 4)
        let client = WireMember()
        let external = try harness.log.backend.joinGroup(
            "g", memberId: nil, options: Self.wire("a-python", ["range"]), ownedPartitions: [], client: client, nowMs: 0)
        harness.advance(to: 200)
        let first = try #require(client.joins.last)
        try harness.log.backend.syncGroup("g", memberId: external, generation: first.generation, assignment: [external: TopicPartition.all("orders", 4)])
        harness.advance(to: 1_000)
        let sim = try harness.join("z-sim")
        var beats: Int64 = 1_000
        var rejoined = false
        while beats < 6_000 {
            beats += 500
            if !rejoined, (try? harness.log.backend.heartbeat("g", memberId: external, generation: first.generation, nowMs: beats)) == nil {
                _ = try harness.log.backend.joinGroup("g", memberId: external, options: Self.wire("a-python", ["range"]),
                                                      ownedPartitions: [], client: nil, nowMs: beats)
                rejoined = true
            }
            harness.advance(to: beats)
        }
        let leader = try #require(client.joins.last)
        #expect(leader.isLeader && leader.leaderId == external && leader.generation == 2)
        #expect(leader.members == [AssignorMember(memberId: external, topics: ["orders"]), AssignorMember(memberId: sim, topics: ["orders"])])
        #expect(leader.memberMetadata == [external: [0xAB] + Array("range".utf8)])
        #expect(try harness.log.group("g").state == .completingRebalance)
        try harness.log.backend.syncGroup("g", memberId: external, generation: 2, assignment: [
            external: [TopicPartition("orders", 0)], sim: [TopicPartition("orders", 1), TopicPartition("orders", 2), TopicPartition("orders", 3)],
        ])
        harness.advance(to: beats + 200)
        #expect(client.assignments.last == [TopicPartition("orders", 0)])
        #expect(try harness.assignment(sim) == [TopicPartition("orders", 1), TopicPartition("orders", 2), TopicPartition("orders", 3)])
        #expect(try harness.log.group("g").state == .stable)
    }

    /// A member that keeps heartbeating but never rejoins is removed when the rebalance timeout
    /// (its `max.poll.interval.ms`) runs out, and the join completes without it.
    @Test(arguments: Backend.all) func aMemberThatDoesNotRejoinIsRemovedAfterTheRebalanceTimeout(_ backend: Backend) throws {
        let log = backend.make(SeededRandom(seed: 9), LogSettings())
        try log.createTopic("orders", config: TopicConfig(partitions: 2))
        var slow = Self.wire("slow", ["range"])
        slow.rebalanceTimeoutMs = 5_000
        let a = WireMember(), b = WireMember()
        let stuck = try log.joinGroup("g", memberId: nil, options: slow, ownedPartitions: [], client: a, nowMs: 0)
        log.tick(nowMs: 200)
        try log.syncGroup("g", memberId: stuck, generation: 1, assignment: [stuck: TopicPartition.all("orders", 2)])
        log.tick(nowMs: 300)
        _ = log.drainEvents()
        var prompt = Self.wire("late", ["range"])
        prompt.rebalanceTimeoutMs = 5_000  // the join phase waits for the longest of the members' timeouts
        let late = try log.joinGroup("g", memberId: nil, options: prompt, ownedPartitions: [], client: b, nowMs: 1_000)
        for time in stride(from: Int64(1_000), through: 5_900, by: 1_000) {
            #expect(throws: StreamLogError.rebalanceInProgress(group: "g")) { try log.heartbeat("g", memberId: stuck, generation: 1, nowMs: time) }
            log.tick(nowMs: time)
        }
        #expect(try log.group("g").state == .preparingRebalance && b.joins.isEmpty)
        log.tick(nowMs: 6_000)
        #expect(try log.group("g").members.map(\.memberId) == [late])
        #expect(b.joins.last?.generation == 2 && b.joins.last?.isLeader == true)
        #expect(log.drainEvents().contains(.memberMissedRebalance(group: "g", memberId: stuck, rebalanceTimeoutMs: 5_000)))
    }

    /// A commit from outside any group (no member id, generation −1: `assign()` and commit) is
    /// stored while the group has no members — creating it — and refused once it has some.
    @Test(arguments: Backend.all) func aCommitFromOutsideTheGroupIsKeptOnlyWhileItIsEmpty(_ backend: Backend) throws {
        let log = backend.make(SeededRandom(seed: 4), LogSettings())
        try log.createTopic("orders", config: TopicConfig(partitions: 2))
        for _ in 0..<3 {
            _ = try log.produce(topic: "orders", key: nil, value: .int(1), headers: [], timestamp: 0, sizeInBytes: nil, partition: 1, nowMs: 0)
        }
        try log.commitOffsets("manual", memberId: "", generation: -1, offsets: [TopicPartition("orders", 1): 2], nowMs: 10)
        #expect(try log.committedOffsets(group: "manual").mapValues(\.offset) == [TopicPartition("orders", 1): 2])
        #expect(try log.group("manual").state == .empty && log.groupNames.contains("manual"))
        #expect(throws: StreamLogError.offsetOutOfRange(TopicPartition("orders", 1), offset: 9, logStartOffset: 0, logEndOffset: 3)) {
            try log.commitOffsets("manual", memberId: "", generation: -1, offsets: [TopicPartition("orders", 1): 9], nowMs: 20)
        }
        _ = try log.joinGroup("manual", memberId: nil, options: Self.wire("joiner", ["range"]), ownedPartitions: [], client: WireMember(), nowMs: 30)
        #expect(throws: StreamLogError.unknownMember(group: "manual", memberId: "")) {
            try log.commitOffsets("manual", memberId: "", generation: -1, offsets: [TopicPartition("orders", 1): 3], nowMs: 40)
        }
    }
}
