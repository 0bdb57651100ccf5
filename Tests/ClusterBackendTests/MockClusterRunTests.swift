import ClusterBackend
import Foundation
import KafkaTestSupport
import RdKafka
import Simulation
import StreamLog
import Testing

/// A scenario headless on librdkafka's mock cluster, at ×1 against the wall clock.
@Suite(.serialized) struct MockClusterRunTests {
    @Test func everyGroupConsumesEverythingAndCommitsTheLogEnd() throws {
        let cluster = try MockCluster(brokers: 3)
        try cluster.createTopic("streamstage.orders", partitions: 6)  // the mock answers no CreateTopics
        let log = try ClusterLog(settings: ClusterScenarios.settings(cluster.bootstrapServers), random: SeededRandom(seed: 1))
        defer { log.close() }
        let engine = try ClusterScenarios.engine(ClusterScenarios.threeAssignors, on: log)
        ClusterScenarios.runAtWallClock(engine)
        #expect(engine.scriptEnded)

        let ends = try log.offsets(topic: "orders")
        let produced = ends.reduce(Int64(0)) { $0 + $1.logEndOffset }
        #expect(produced == 800)  // 200/s for 4 s
        let logEnd = Dictionary(uniqueKeysWithValues: ends.map { ($0.topicPartition, $0.logEndOffset) })
        for group in ["ranged", "robin", "coop"] {
            // The dashboard books a commit when the member hears the coordinator kept it: a tick
            // after the cluster has it, on a busy machine a few.
            let settled = ClusterScenarios.keepRunning(engine, seconds: 30) {
                (try? log.clusterCommittedOffsets(group: group)) == logEnd  // a failed read: not settled yet
                    && engine.describe(group: group).rows.allSatisfy { $0.lag == 0 }
            }
            let committed = try log.clusterCommittedOffsets(group: group)
            #expect(settled, "\(group) committed \(committed), log-end \(logEnd), lag \(engine.describe(group: group).rows.map(\.lag))")
        }
        let snapshot = try log.group("coop")
        #expect(snapshot.members.count == 2)
        #expect(Set(snapshot.members.flatMap(\.assignment)) == Set((0..<6).map { StreamLog.TopicPartition("orders", $0) }))
        // Both members' current assignments belong to the group's one current generation (a busy
        // machine may still be finishing the second member's join: ticks go on, at most 30 s).
        _ = ClusterScenarios.keepRunning(engine, seconds: 30) {
            guard let ranged = try? log.group("ranged") else { return false }
            return ranged.members.map(\.assignment.count) == [3, 3] && ranged.members.allSatisfy { $0.generation == ranged.generation }
        }
        let ranged = try log.group("ranged")
        #expect(ranged.members.map(\.generation) == [ranged.generation, ranged.generation])
        #expect(ranged.members.map(\.assignment.count) == [3, 3])
    }

    /// Broker 2 leads partitions 1 and 4 of `orders` (and coordinates nothing) and goes down
    /// from 5 s to 12 s: the producer and the replica reader lose it and get it back.
    @Test func aLeaderDownMidRunIsReportedAndTheRunRecovers() throws {
        try expectBrokerTwoDownAndBack(leaders: [1, 2, 3, 1, 2, 3], coordinator: 1)
    }

    /// Broker 2 leads nothing and coordinates `billing`: no client of the data path needs it
    /// (librdkafka leaves its connection idle), yet the fault lasts until the group's coordinator
    /// answers again, and ends then.
    @Test func aCoordinatorDownMidRunIsReportedAndTheRunRecovers() throws {
        try expectBrokerTwoDownAndBack(leaders: [1, 3, 1, 3, 1, 3], coordinator: 2)
    }

    /// Runs `oneGroup` on 3 mock brokers laid out as given, with broker 2 down from 5 s to 12 s;
    /// expects one stale period (the fault) starting near 5 s, a recovery after 12 s as the last
    /// cluster line, and every record produced and committed.
    private func expectBrokerTwoDownAndBack(leaders: [Int32], coordinator: Int32) throws {
        let cluster = try MockCluster(brokers: 3)
        try cluster.createTopic("streamstage.orders", partitions: 6)
        for (partition, leader) in leaders.enumerated() {
            try cluster.setLeader(topic: "streamstage.orders", partition: partition, broker: leader)
        }
        try cluster.setCoordinator(group: "streamstage.billing", broker: coordinator)
        let log = try ClusterLog(settings: ClusterScenarios.settings(cluster.bootstrapServers), random: SeededRandom(seed: 1))
        defer { log.close() }
        let engine = try ClusterScenarios.engine(ClusterScenarios.oneGroup(killAt: nil), on: log)
        var faultWhileDown: LogFault?
        var clearedWhileDown = false
        // librdkafka notices the broker is gone when it next talks to it, later on a busy machine:
        // the snapshot is read every 100 ms while the broker is down, and the first fault is kept.
        var actions: [Int64: () -> Void] = [
            5_000: { try? cluster.setDown(broker: 2) },  // a failure here shows as a missing fault line below
            12_000: { try? cluster.setUp(broker: 2) },
        ]
        for ms in stride(from: Int64(5_100), to: 12_000, by: 100) {
            actions[ms] = {
                let fault = engine.snapshot().fault
                if faultWhileDown == nil { faultWhileDown = fault } else if fault == nil { clearedWhileDown = true }
            }
        }
        ClusterScenarios.runAtWallClock(engine, atMs: actions)
        // While the broker is down the figures are stale since before it went; back up, fresh again.
        let since = try #require(faultWhileDown).sinceMs
        #expect(since <= 12_000 && since >= 4_000, "stale since \(since)")
        #expect(!clearedWhileDown, "the fault ended while broker 2 was still down")
        let recovered = ClusterScenarios.keepRunning(engine, seconds: 30) { engine.snapshot().fault == nil }
        let lines = engine.snapshot().feed.compactMap { entry -> String? in
            if case .script(let text) = entry.kind, text.hasPrefix("cluster: ") { return text }
            return nil
        }
        #expect(recovered, "still \(String(describing: engine.snapshot().fault)); cluster lines: \(lines)")
        #expect(lines.contains { $0.contains("down") || $0.contains("Disconnected") || $0.contains("Connection refused") })
        #expect(lines.last?.contains("again") == true, "cluster lines: \(lines)")
        try expectEverythingConsumed(engine, log, group: "billing", produced: 1_600)
    }

    @Test func aKilledMemberVanishesAndTheOtherTakesOverAfterTheSessionTimeout() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("streamstage.orders", partitions: 6)
        let log = try ClusterLog(settings: ClusterScenarios.settings(cluster.bootstrapServers), random: SeededRandom(seed: 1))
        defer { log.close() }
        let engine = try ClusterScenarios.engine(ClusterScenarios.oneGroup(killAt: 5), on: log)
        var appended: Int64 = 0
        engine.onAppend = { _ in appended += 1 }
        var membersAfterKill: [Int] = []
        ClusterScenarios.runAtWallClock(engine, atMs: [
            6_000: { membersAfterKill.append((try? log.group("billing"))?.members.filter { !$0.isCrashed }.count ?? -1) },
        ])
        #expect(membersAfterKill == [1])
        let takenOver = ClusterScenarios.keepRunning(engine, seconds: 30) {
            (try? log.group("billing"))?.members.contains { $0.assignment.count == 6 } == true
        }
        #expect(takenOver)
        let owners = try log.group("billing").members.filter { !$0.assignment.isEmpty }
        #expect(owners.count == 1)
        #expect(owners.first?.assignment.count == 6)
        #expect(appended >= 1_600)
        try expectEverythingConsumed(engine, log, group: "billing", produced: appended)
    }

    /// Every record produced reaches the log (a producer retrying after a fault delivers late)
    /// and `group` commits the log-end; the engine keeps ticking meanwhile (its members consume
    /// and commit only on ticks), at most 30 s each.
    private func expectEverythingConsumed(_ engine: Engine, _ log: ClusterLog, group: String, produced: Int64) throws {
        func logEndTotal() -> Int64? { (try? log.offsets(topic: "orders"))?.reduce(Int64(0)) { $0 + $1.logEndOffset } }
        let delivered = ClusterScenarios.keepRunning(engine, seconds: 30) { logEndTotal() == produced }
        #expect(delivered, "log-end \(logEndTotal() ?? -1), produced \(produced)")
        let ends = try log.offsets(topic: "orders")
        let logEnd = Dictionary(uniqueKeysWithValues: ends.map { ($0.topicPartition, $0.logEndOffset) })
        let settled = ClusterScenarios.keepRunning(engine, seconds: 30) {
            (try? log.clusterCommittedOffsets(group: group)) == logEnd  // a failed read: not settled yet
        }
        let committed = try log.clusterCommittedOffsets(group: group)
        let story = engine.snapshot().feed.compactMap { entry -> String? in
            switch entry.kind {
            case .group(_, let text), .script(let text): "\(entry.timeMs) \(text)"
            default: nil
            }
        }
        #expect(settled, "\(group) committed \(committed), log-end \(logEnd); feed: \(story)")
    }
}
