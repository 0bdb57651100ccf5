import Foundation
import KafkaWire
import Scenario
import Simulation
import StreamLog
import Testing
@testable import KafkaListener

/// The group plane against a Broker in process (no sockets): a wire client's frames in, the
/// coordinator's answers out, as the engine's simulated time moves. Deterministic: one seed,
/// the engine's clock.
struct BrokerGroupTests {
    /// A broker over a scenario's engine, with one connected client, recording every reply.
    final class Wire {
        let engine: Engine
        let broker: Broker
        var replies: [Int32: [UInt8]] = [:]
        var correlation: Int32 = 0

        init(_ scenario: String = "consumer-groups-101") throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let spec = try ScenarioLoader.load(path: root.appendingPathComponent("demo-data/\(scenario).yaml").path)
            engine = try Engine(scenario: spec, seed: 7)
            broker = Broker(engine: engine, advertised: try ListenAddress.parse("127.0.0.1:19092"), epochStartMs: 0)
            broker.connected(1, remote: "127.0.0.1:50000")
        }

        /// Sends a request; returns its correlation id.
        @discardableResult
        func send(_ api: ApiKey, _ version: Int16, _ body: [UInt8], clientId: String = "py-fraud") -> Int32 {
            correlation += 1
            let id = correlation
            var writer = WireWriter()
            RequestHeader(apiKey: api.rawValue, apiVersion: version, correlationId: id, clientId: clientId).encode(into: &writer)
            writer.writeBytes(body)
            broker.receive(writer.bytes, from: 1, wallMs: engine.nowMs) { [self] reply in
                if case .frame(let frame) = reply { replies[id] = Array(frame.dropFirst(8)) }  // size and correlation id
            }
            return id
        }

        /// The reply body to request `id`, decoded by `decode`, or nil while it is not answered.
        func reply<T>(_ id: Int32, _ decode: (inout WireReader) throws -> T) throws -> T? {
            guard let body = replies[id] else { return nil }
            var reader = WireReader(body)
            return try decode(&reader)
        }

        /// The feed's lines about `group`, oldest first.
        func feed(_ group: String) -> [String] {
            engine.snapshot().feed.compactMap {
                guard case .group(let name, let text) = $0.kind, name == group else { return nil }
                return text
            }
        }

        /// Runs the engine until request `id` is answered (at most `ms` of simulated time).
        func runUntilAnswered(_ id: Int32, ms: Int64 = 10_000) {
            let end = engine.nowMs + ms
            while replies[id] == nil, engine.nowMs < end { engine.run(ticks: 1) }
        }
    }

    static let subscription = ConsumerProtocolSubscription(version: 0, topics: ["payments"], userData: []).encoded()

    static func join(_ group: String, memberId: String = "", protocols: [String] = ["range", "roundrobin"]) -> [UInt8] {
        JoinGroupRequest(groupId: group, sessionTimeoutMs: 6_000, rebalanceTimeoutMs: 300_000, memberId: memberId,
                         protocols: protocols.map { .init(name: $0, metadata: subscription) }).encoded(version: 5)
    }

    @Test func findCoordinatorNamesThisListener() throws {
        let wire = try Wire()
        let id = wire.send(.findCoordinator, 2, FindCoordinatorRequest(key: "fraud").encoded(version: 2))
        #expect(try wire.reply(id) { try FindCoordinatorResponse.decode(version: 2, from: &$0) }
            == FindCoordinatorResponse(errorMessage: "NONE", nodeId: 0, host: "127.0.0.1", port: 19092))
    }

    /// A group of one real client: join (answered when the join phase ends), its own assignment
    /// through SyncGroup, heartbeats, a commit OffsetFetch returns, and a clean leave.
    @Test func aLoneClientLeadsItsOwnGroup() throws {
        let wire = try Wire()
        let joinId = wire.send(.joinGroup, 5, Self.join("fraud"))
        #expect(wire.replies[joinId] == nil)  // deferred until the join phase ends
        wire.runUntilAnswered(joinId)
        let joined = try #require(try wire.reply(joinId) { try JoinGroupResponse.decode(version: 5, from: &$0) })
        let me = joined.memberId
        #expect(me.hasPrefix("py-fraud-"))
        #expect(joined == JoinGroupResponse(generationId: 1, protocolName: "range", leader: me, memberId: me,
                                            members: [.init(memberId: me, metadata: Self.subscription)]))
        let all = ConsumerProtocolAssignment(version: 0, partitions: [.init(topic: "payments", partitions: Array(0..<12))], userData: [])
        let syncId = wire.send(.syncGroup, 3, SyncGroupRequest(
            groupId: "fraud", generationId: 1, memberId: me, assignments: [.init(memberId: me, assignment: all.encoded())]).encoded(version: 3))
        wire.runUntilAnswered(syncId)
        let synced = try #require(try wire.reply(syncId) { try SyncGroupResponse.decode(version: 3, from: &$0) })
        #expect(try ConsumerProtocolAssignment.decode(synced.assignment).partitions == all.partitions)
        let snapshot = try wire.engine.log.group("fraud")
        #expect(snapshot.state == .stable)
        #expect(snapshot.members.map(\.clientId) == ["py-fraud"])
        #expect(snapshot.members.map(\.host) == ["/127.0.0.1"])
        #expect(snapshot.members.map(\.isExternal) == [true])

        let beat = wire.send(.heartbeat, 3, HeartbeatRequest(groupId: "fraud", generationId: 1, memberId: me).encoded(version: 3))
        #expect(try wire.reply(beat) { try HeartbeatResponse.decode(version: 3, from: &$0) } == HeartbeatResponse(errorCode: .none))
        let stale = wire.send(.heartbeat, 3, HeartbeatRequest(groupId: "fraud", generationId: 0, memberId: me).encoded(version: 3))
        #expect(try wire.reply(stale) { try HeartbeatResponse.decode(version: 3, from: &$0) } == HeartbeatResponse(errorCode: .illegalGeneration))
        let stranger = wire.send(.heartbeat, 3, HeartbeatRequest(groupId: "fraud", generationId: 1, memberId: "nobody").encoded(version: 3))
        #expect(try wire.reply(stranger) { try HeartbeatResponse.decode(version: 3, from: &$0) } == HeartbeatResponse(errorCode: .unknownMemberId))

        wire.engine.run(ticks: 20)  // records arrive in payments
        let commit = wire.send(.offsetCommit, 7, OffsetCommitRequest(groupId: "fraud", generationId: 1, memberId: me, topics: [
            .init(name: "payments", partitions: [.init(partitionIndex: 3, committedOffset: 1)]),
        ]).encoded(version: 7))
        #expect(try wire.reply(commit) { try OffsetCommitResponse.decode(version: 7, from: &$0) }
            == OffsetCommitResponse(topics: [.init(name: "payments", partitions: [.init(partitionIndex: 3, errorCode: .none)])]))
        let fetch = wire.send(.offsetFetch, 5, OffsetFetchRequest(groupId: "fraud", topics: [.init(name: "payments", partitionIndexes: [3, 4])]).encoded(version: 5))
        #expect(try wire.reply(fetch) { try OffsetFetchResponse.decode(version: 5, from: &$0) } == OffsetFetchResponse(topics: [
            .init(name: "payments", partitions: [.init(partitionIndex: 3, committedOffset: 1), .init(partitionIndex: 4, committedOffset: -1)]),
        ]))
        let everything = wire.send(.offsetFetch, 5, OffsetFetchRequest(groupId: "fraud", topics: nil).encoded(version: 5))
        #expect(try wire.reply(everything) { try OffsetFetchResponse.decode(version: 5, from: &$0) }
            == OffsetFetchResponse(topics: [.init(name: "payments", partitions: [.init(partitionIndex: 3, committedOffset: 1)])]))

        let leave = wire.send(.leaveGroup, 3, LeaveGroupRequest(groupId: "fraud", members: [.init(memberId: me)]).encoded(version: 3))
        #expect(try wire.reply(leave) { try LeaveGroupResponse.decode(version: 3, from: &$0) }
            == LeaveGroupResponse(errorCode: .none, members: [.init(memberId: me, errorCode: .none)]))
        #expect(try wire.engine.log.group("fraud").members.isEmpty)
    }

    /// A real client joins a scenario's range group of three: the group rebalances with it, a
    /// simulated member leads, and the client gets three of the twelve partitions beside them.
    @Test func aRealClientJoinsAScenariosGroup() throws {
        let wire = try Wire()
        wire.engine.run(untilMs: 1_000)
        let joinId = wire.send(.joinGroup, 5, Self.join("ledger-range"))
        wire.runUntilAnswered(joinId)
        let joined = try #require(try wire.reply(joinId) { try JoinGroupResponse.decode(version: 5, from: &$0) })
        #expect(joined.errorCode == .none && joined.protocolName == "range" && joined.generationId == 2)
        #expect(joined.leader != joined.memberId && joined.members.isEmpty)
        let syncId = wire.send(.syncGroup, 3, SyncGroupRequest(groupId: "ledger-range", generationId: 2, memberId: joined.memberId).encoded(version: 3))
        wire.runUntilAnswered(syncId)
        let synced = try #require(try wire.reply(syncId) { try SyncGroupResponse.decode(version: 3, from: &$0) })
        let mine = try ConsumerProtocolAssignment.decode(synced.assignment).partitions
        let snapshot = try wire.engine.log.group("ledger-range")
        #expect(snapshot.members.count == 4)
        let external = try #require(snapshot.members.first { $0.isExternal })
        #expect(external.memberId == joined.memberId && external.clientId == "py-fraud")
        #expect(mine == [.init(topic: "payments", partitions: external.assignment.map { Int32($0.partition) })])
        #expect(snapshot.members.map(\.assignment.count) == [3, 3, 3, 3])
        let feed = wire.feed("ledger-range")
        #expect(feed.contains("ledger-range: \(joined.memberId) joined (client.id py-fraud)"))
        #expect(feed.contains("ledger-range: rebalance started (EAGER): member \(joined.memberId) joined"))
        #expect(feed.contains("ledger-range: rebalance completed, generation 2, range (EAGER)"))
    }

    @Test func aCooperativeOnlyClientIsRefusedByARangeGroup() throws {
        let wire = try Wire()
        wire.engine.run(untilMs: 1_000)
        let joinId = wire.send(.joinGroup, 5, Self.join("ledger-range", protocols: ["cooperative-sticky"]))
        #expect(try wire.reply(joinId) { try JoinGroupResponse.decode(version: 5, from: &$0) }
            == JoinGroupResponse.failure(.inconsistentGroupProtocol))
        #expect(try wire.engine.log.group("ledger-range").members.count == 3)
    }

    /// A client that stops heartbeating is removed after its session timeout; the rest of its
    /// group rebalances without it.
    @Test func aSilentClientIsRemovedAfterItsSessionTimeout() throws {
        let wire = try Wire()
        wire.engine.run(untilMs: 1_000)
        let joinId = wire.send(.joinGroup, 5, Self.join("ledger-range"))
        wire.runUntilAnswered(joinId)
        let joined = try #require(try wire.reply(joinId) { try JoinGroupResponse.decode(version: 5, from: &$0) })
        let syncId = wire.send(.syncGroup, 3, SyncGroupRequest(groupId: "ledger-range", generationId: 2, memberId: joined.memberId).encoded(version: 3))
        wire.runUntilAnswered(syncId)
        let heardAt = try #require(try wire.engine.log.group("ledger-range").members.first { $0.isExternal }?.lastHeartbeatMs)
        wire.engine.run(untilMs: heardAt + 5_900)
        #expect(try wire.engine.log.group("ledger-range").members.count == 4)
        wire.engine.run(untilMs: heardAt + 6_000 + 4_000)  // the timeout, then the simulated members' rejoin
        let after = try wire.engine.log.group("ledger-range")
        #expect(after.members.count == 3 && !after.members.contains(where: \.isExternal))
        #expect(after.members.map(\.assignment.count) == [4, 4, 4])
        #expect(wire.feed("ledger-range").contains { $0.hasPrefix("ledger-range: \(joined.memberId) timed out after session.timeout.ms=6000") })
        let beat = wire.send(.heartbeat, 3, HeartbeatRequest(groupId: "ledger-range", generationId: 2, memberId: joined.memberId).encoded(version: 3))
        #expect(try wire.reply(beat) { try HeartbeatResponse.decode(version: 3, from: &$0) } == HeartbeatResponse(errorCode: .unknownMemberId))
    }

    /// Subscription or assignment bytes that are not the consumer protocol get Kafka's error
    /// answer, and the group is left as it was.
    @Test func unreadableConsumerProtocolBytesAreRefusedCleanly() throws {
        let wire = try Wire()
        let garbage = JoinGroupRequest(groupId: "fraud", sessionTimeoutMs: 6_000, rebalanceTimeoutMs: 300_000, memberId: "",
                                       protocols: [.init(name: "range", metadata: [0xFF, 0x01])]).encoded(version: 5)
        let refused = wire.send(.joinGroup, 5, garbage)
        #expect(try wire.reply(refused) { try JoinGroupResponse.decode(version: 5, from: &$0) } == .failure(.inconsistentGroupProtocol))
        #expect(wire.engine.log.groupNames.contains("fraud") == false)

        let joinId = wire.send(.joinGroup, 5, Self.join("fraud"))
        wire.runUntilAnswered(joinId)
        let me = try #require(try wire.reply(joinId) { try JoinGroupResponse.decode(version: 5, from: &$0) }).memberId
        let bad = wire.send(.syncGroup, 3, SyncGroupRequest(
            groupId: "fraud", generationId: 1, memberId: me, assignments: [.init(memberId: me, assignment: [0x00, 0x00, 0x7F])]).encoded(version: 3))
        #expect(try wire.reply(bad) { try SyncGroupResponse.decode(version: 3, from: &$0) }
            == SyncGroupResponse(errorCode: .inconsistentGroupProtocol, assignment: []))
        #expect(try wire.engine.log.group("fraud").state == .completingRebalance)
    }

    /// A real client that sorts first leads a scenario's group: its JoinGroup answer carries the
    /// simulated members' subscriptions as ConsumerProtocolSubscription v1 (with the partitions
    /// they own), and the assignment it hands in is what every member gets.
    @Test func aRealLeaderAssignsTheScenariosMembers() throws {
        let wire = try Wire()
        wire.engine.run(untilMs: 1_000)
        let joinId = wire.send(.joinGroup, 5, Self.join("ledger-range"), clientId: "a-leader")
        wire.runUntilAnswered(joinId)
        let joined = try #require(try wire.reply(joinId) { try JoinGroupResponse.decode(version: 5, from: &$0) })
        let me = joined.memberId
        #expect(joined.leader == me && joined.members.count == 4 && joined.members.first?.memberId == me)
        #expect(joined.members.first?.metadata == Self.subscription)
        let simulated = try joined.members.dropFirst().map { try ConsumerProtocolSubscription.decode($0.metadata) }
        #expect(simulated.map(\.version) == [1, 1, 1] && simulated.map(\.topics) == [["payments"], ["payments"], ["payments"]])
        #expect(simulated.map { $0.ownedPartitions.flatMap(\.partitions).count } == [4, 4, 4])
        #expect(Set(simulated.flatMap { $0.ownedPartitions.flatMap(\.partitions) }) == Set(0..<12))

        let others = joined.members.dropFirst().map(\.memberId)
        var plan: [SyncGroupRequest.Assignment] = [.init(memberId: me, assignment: ConsumerProtocolAssignment(
            version: 0, partitions: [.init(topic: "payments", partitions: [0, 1, 2, 3, 4, 5])], userData: []).encoded())]
        for (index, member) in others.enumerated() {
            plan.append(.init(memberId: member, assignment: ConsumerProtocolAssignment(
                version: 0, partitions: [.init(topic: "payments", partitions: [Int32(6 + 2 * index), Int32(7 + 2 * index)])], userData: []).encoded()))
        }
        let syncId = wire.send(.syncGroup, 3, SyncGroupRequest(
            groupId: "ledger-range", generationId: joined.generationId, memberId: me, assignments: plan).encoded(version: 3), clientId: "a-leader")
        wire.runUntilAnswered(syncId)
        let synced = try #require(try wire.reply(syncId) { try SyncGroupResponse.decode(version: 3, from: &$0) })
        #expect(try ConsumerProtocolAssignment.decode(synced.assignment).partitions == [.init(topic: "payments", partitions: [0, 1, 2, 3, 4, 5])])
        let snapshot = try wire.engine.log.group("ledger-range")
        #expect(snapshot.state == .stable)
        #expect(snapshot.members.map { $0.assignment.map(\.partition) } == [[0, 1, 2, 3, 4, 5], [6, 7], [8, 9], [10, 11]])
    }
}
