import Testing
@testable import StreamLog
@testable import Simulation

/// Seeded random runs: joins, leaves, crashes, retention, producing and polling at random.
struct PropertyTests {
    static let strategies = AssignmentStrategy.allCases

    func randomOptions(_ rng: inout SeededRandom, strategy: AssignmentStrategy, policies: [CommitPolicy], reset: [OffsetResetPolicy], sessionTimeoutMs: Int64) -> ConsumerOptions {
        var options = ConsumerOptions(topics: ["orders"])
        options.strategy = strategy
        options.commitPolicy = policies[Int(rng.next() % UInt64(policies.count))]
        options.autoOffsetReset = reset[Int(rng.next() % UInt64(reset.count))]
        options.sessionTimeoutMs = sessionTimeoutMs
        return options
    }

    func chance(_ rng: inout SeededRandom, _ probability: Double) -> Bool { rng.unit() < probability }

    @Test(arguments: Backend.all, 0..<200)
    func withNobodyDyingEveryRecordIsConsumedExactlyOncePerGroup(_ backend: Backend, seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let h = try Harness(backend, seed: UInt64(seed), partitions: Int.random(in: 1...6, using: &rng))
        let groups = ["g1", "g2"]
        var strategies: [String: AssignmentStrategy] = [:]
        var members: [String: [String]] = [:]
        let policies: [CommitPolicy] = [.auto(intervalMs: 1_000), .auto(), .afterEachBatch]
        for group in groups {
            strategies[group] = Self.strategies[Int(rng.next() % UInt64(Self.strategies.count))]
            let options = randomOptions(&rng, strategy: strategies[group] ?? .range, policies: policies, reset: [.earliest], sessionTimeoutMs: 10_000)
            members[group] = [try h.log.joinGroup(group, options: options, nowMs: 0)]
        }
        for step in 1...400 {
            let time = Int64(step) * 100
            h.advance(to: time)
            let producing = step <= 250
            if producing {
                for _ in 0..<Int.random(in: 0..<6, using: &rng) {
                    let key: String? = chance(&rng, 0.5) ? "k\(rng.next() % 50)" : nil
                    _ = try h.log.produce(topic: "orders", key: key, value: .int(Int64(step)), timestamp: time, sizeInBytes: 100, nowMs: time)
                }
            }
            for group in groups {
                var ids = members[group] ?? []
                if producing, ids.count < 4, chance(&rng, 0.04) {
                    let options = randomOptions(&rng, strategy: strategies[group] ?? .range, policies: policies, reset: [.earliest], sessionTimeoutMs: 10_000)
                    ids.append(try h.log.joinGroup(group, options: options, nowMs: time))
                }
                if producing, ids.count > 1, chance(&rng, 0.02), try h.log.group(group).state == .stable {
                    let leaving = ids.remove(at: Int(rng.next() % UInt64(ids.count)))
                    try h.log.leaveGroup(group, memberId: leaving, nowMs: time)
                }
                for id in ids { _ = try h.log.poll(group, memberId: id, maxRecords: producing ? Int.random(in: 0..<8, using: &rng) : 50, nowMs: time) }
                members[group] = ids
            }
        }
        for group in groups {
            let lag = try h.log.lag(group: group, nowMs: h.nowMs)
            for partition in lag.partitions {
                #expect(partition.delivered == partition.logEndOffset, "\(group) \(partition.topicPartition)")
                #expect(partition.duplicates == 0, "\(group) \(partition.topicPartition)")
            }
        }
    }

    @Test(arguments: Backend.all, 0..<200)
    func aCommittedOffsetNeverMovesBackwardsWithoutAResetEvent(_ backend: Backend, seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let h = try Harness(backend, seed: UInt64(seed), partitions: Int.random(in: 1...4, using: &rng)) {
            $0.retentionMs = 3_000
            $0.retentionRecords = 40
            $0.segmentRecords = 10
        }
        let strategy = Self.strategies[Int(rng.next() % UInt64(Self.strategies.count))]
        let policies: [CommitPolicy] = [.auto(intervalMs: 1_000), .afterEachBatch, .manual]
        let first = randomOptions(&rng, strategy: strategy, policies: policies, reset: [.earliest, .latest], sessionTimeoutMs: 2_000)
        var ids = [try h.log.joinGroup("g", options: first, nowMs: 0)]
        var lastCommitted: [TopicPartition: Int64] = [:]
        var resetSeen = Set<TopicPartition>()
        for step in 1...300 {
            let time = Int64(step) * 100
            h.advance(to: time)
            for _ in 0..<Int.random(in: 0..<10, using: &rng) {
                _ = try h.log.produce(topic: "orders", key: nil, value: .null, timestamp: time, sizeInBytes: 100, nowMs: time)
            }
            let live = try h.log.group("g").members.filter { !$0.isCrashed }.map(\.memberId)
            ids = ids.filter { live.contains($0) }
            if ids.count < 3, chance(&rng, 0.05) {
                let options = randomOptions(&rng, strategy: strategy, policies: policies, reset: [.earliest, .latest], sessionTimeoutMs: 2_000)
                ids.append(try h.log.joinGroup("g", options: options, nowMs: time))
            }
            if !ids.isEmpty, chance(&rng, 0.01) {
                try h.log.crashMember("g", memberId: ids.remove(at: Int(rng.next() % UInt64(ids.count))))
            }
            if !ids.isEmpty, chance(&rng, 0.01) {
                try h.log.leaveGroup("g", memberId: ids.remove(at: Int(rng.next() % UInt64(ids.count))), nowMs: time)
            }
            for id in ids {
                _ = try h.log.poll("g", memberId: id, maxRecords: Int.random(in: 0..<6, using: &rng), nowMs: time)
                if chance(&rng, 0.2) {
                    do {
                        try h.log.commit("g", memberId: id, nowMs: time)
                    } catch {
                        switch error {
                        case .rebalanceInProgress, .illegalGeneration: break
                        default: throw error
                        }
                    }
                }
            }
            for case .offsetReset(_, _, let partition, _, _, _, _) in h.log.drainEvents() { resetSeen.insert(partition) }
            for partition in try h.log.lag(group: "g", nowMs: time).partitions {
                guard let committed = partition.committedOffset else { continue }
                let previous = lastCommitted[partition.topicPartition] ?? 0
                if committed < previous {
                    #expect(resetSeen.contains(partition.topicPartition), "\(partition.topicPartition) went from \(previous) to \(committed)")
                }
                if committed != previous { resetSeen.remove(partition.topicPartition) }
                lastCommitted[partition.topicPartition] = committed
            }
        }
    }
}
