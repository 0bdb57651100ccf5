import Foundation
import Testing

/// Consumer groups of real clients against `streamstage serve`: kafka-python 3.0.12 and
/// confluent-kafka 2.16.1 (librdkafka 2.16) subscribe, split partitions, rebalance, crash, and
/// join a scenario's own group beside its simulated members. Scripts: Tests/kafka/group.py.
@Suite(.serialized) struct RealClientGroupTests {
    /// Runs `group.py BOOTSTRAP arguments…` to completion; its last JSON line.
    static func group(_ serve: ServeProcess, _ arguments: [String]) throws -> [String: Any] {
        let result = try KafkaClient.script("group.py", [serve.bootstrap] + arguments)
        #expect(result.status == 0, "\(result.out)")
        let line = try #require(result.out.split(separator: "\n").last { $0.hasPrefix("{") }, "\(result.out)")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// A member of `group` on `topic` for `seconds`, printing its assignment as it changes.
    static func member(
        _ serve: ServeProcess, _ library: String, _ group: String, _ topic: String, clientId: String, strategy: String? = nil
    ) throws -> BackgroundClient {
        try BackgroundClient("group.py", [serve.bootstrap, "member", library, group, topic, "60", clientId] + (strategy.map { [$0] } ?? []))
    }

    /// A subscribe() group receives every record once, commits, and OffsetFetch (the admin
    /// client's list_group_offsets) returns the commit.
    @Test(arguments: RealClientTests.libraries) func aGroupReadsEveryRecordOnceAndItsCommitIsFetched(_ library: String) throws {
        let serve = try ServeProcess("command-vs-events")
        defer { serve.stop() }
        _ = try Self.group(serve, ["create", "ext-orders", "3"])
        #expect(try Self.group(serve, ["produce", "ext-orders", "30"])["produced"] as? Int == 30)
        let group = "\(library)-group"
        let consumed = try Self.group(serve, ["consume", library, group, "ext-orders", "30"])
        let records = try #require(consumed["records"] as? [[Any]])
        #expect(records.count == 30)
        #expect(Set(records.compactMap { $0[2] as? String }) == Set((0..<30).map { "k-\($0)" }))
        var ends: [String: Int] = [:]
        for partition in 0..<3 {
            let offsets = records.filter { $0[0] as? Int == partition }.compactMap { $0[1] as? Int }
            #expect(offsets == Array(0..<offsets.count), "partition \(partition): every offset once, in order")
            ends["ext-orders-\(partition)"] = offsets.count
        }
        let committed = try Self.group(serve, ["offsets", group])
        #expect(committed as? [String: Int] == ends)
        #expect(serve.output.contains("group \(group) rebalanced: generation 1, 1 member (real clients: \(library)-\(group))"))
    }

    /// Two clients (one of each library) split four partitions; a third joining triggers a
    /// rebalance that `serve` prints, and the partitions are split three ways.
    @Test func twoClientsSplitThePartitionsAndAThirdTriggersARebalance() throws {
        let serve = try ServeProcess("command-vs-events")
        defer { serve.stop() }
        _ = try Self.group(serve, ["create", "split", "4"])
        let first = try Self.member(serve, "kafka-python", "splitters", "split", clientId: "kp-first")
        defer { first.stop() }
        let second = try Self.member(serve, "confluent-kafka", "splitters", "split", clientId: "ck-second")
        defer { second.stop() }
        let halves = eventually(within: 40) { first.assignment?.count == 2 && second.assignment?.count == 2 }
        #expect(halves, "first: \(first.output)\nsecond: \(second.output)\nserve: \(serve.output)")
        #expect(Set((first.assignment ?? []) + (second.assignment ?? [])) == ["split-0", "split-1", "split-2", "split-3"])
        let third = try Self.member(serve, "kafka-python", "splitters", "split", clientId: "kp-third")
        defer { third.stop() }
        let thirds = eventually(within: 40) {
            let all = [first, second, third].map { $0.assignment ?? [] }
            return all.allSatisfy { !$0.isEmpty } && Set(all.joined()).count == 4 && all.joined().count == 4
        }
        #expect(thirds, "first: \(first.output)\nsecond: \(second.output)\nthird: \(third.output)\nserve: \(serve.output)")
        #expect(serve.output.contains(#/group splitters rebalanced: generation \d+, 3 members \(real clients: /#))
    }

    /// A client killed with SIGKILL sends no LeaveGroup: the coordinator removes it after its
    /// session timeout (6 s) and its partitions move to the member left.
    @Test func aKilledClientIsRemovedAfterItsSessionTimeout() throws {
        let serve = try ServeProcess("command-vs-events")
        defer { serve.stop() }
        _ = try Self.group(serve, ["create", "crashy", "4"])
        let doomed = try Self.member(serve, "kafka-python", "crashers", "crashy", clientId: "kp-doomed")
        defer { doomed.stop() }
        let survivor = try Self.member(serve, "confluent-kafka", "crashers", "crashy", clientId: "ck-survivor")
        defer { survivor.stop() }
        #expect(eventually(within: 40) { doomed.assignment?.count == 2 && survivor.assignment?.count == 2 },
                "doomed: \(doomed.output)\nsurvivor: \(survivor.output)")
        doomed.stop(SIGKILL)
        let everything = ["crashy-0", "crashy-1", "crashy-2", "crashy-3"]
        #expect(eventually(within: 30) { survivor.assignment == everything }, "survivor: \(survivor.output)\nserve: \(serve.output)")
        #expect(serve.output.contains(#/group crashers rebalanced: generation \d+, 1 member \(real clients: ck-survivor\)/#))
    }

    /// A real client joins a scenario's own range group of three simulated members: the group
    /// rebalances with it, and it gets three of the twelve partitions beside them.
    @Test func aRealClientJoinsAScenariosOwnGroup() throws {
        // Step 2 adds a simulated member to each group: it waits a minute here.
        let serve = try ServeProcess("consumer-groups-101", ["--step-time", "60s"])
        defer { serve.stop() }
        let guest = try Self.member(serve, "kafka-python", "ledger-range", "payments", clientId: "kp-guest")
        defer { guest.stop() }
        #expect(eventually(within: 40) { guest.assignment?.count == 3 }, "guest: \(guest.output)\nserve: \(serve.output)")
        #expect(serve.output.contains(#/group ledger-range rebalanced: generation \d+, 4 members \(real clients: kp-guest\)/#))
    }

    /// A cooperative-sticky client joins the scenario's cooperative group: the simulated members
    /// hand over partitions incrementally (two rebalances) and it ends with three of the twelve.
    @Test func aCooperativeClientJoinsTheScenariosCooperativeGroup() throws {
        let serve = try ServeProcess("consumer-groups-101", ["--step-time", "60s"])
        defer { serve.stop() }
        #expect(eventually(within: 20) { serve.output.contains("group ledger-coop rebalanced: generation 1, 3 members") })
        let guest = try Self.member(serve, "confluent-kafka", "ledger-coop", "payments", clientId: "ck-coop", strategy: "cooperative-sticky")
        defer { guest.stop() }
        #expect(eventually(within: 40) { guest.assignment?.count == 3 }, "guest: \(guest.output)\nserve: \(serve.output)")
        // serve prints a generation when its loop next looks: wait for the second rebalance's line.
        func generations() -> [Int?] {
            serve.output.matches(of: #/group ledger-coop rebalanced: generation (\d+), 4 members \(real clients: ck-coop\)/#).map { Int($0.1) }
        }
        #expect(eventually(within: 10) { generations() == [2, 3] }, "serve: \(serve.output)")
    }

    /// assign() and commit, from outside any group (generation −1): the commit is kept for the
    /// empty group and OffsetFetch returns it.
    @Test func aCommitFromAnAssignedConsumerIsKept() throws {
        let serve = try ServeProcess("command-vs-events")
        defer { serve.stop() }
        _ = try Self.group(serve, ["create", "manual", "2"])
        _ = try Self.group(serve, ["produce", "manual", "20"])
        #expect(try Self.group(serve, ["assigned", "by-hand", "manual", "0", "3"])["committed"] as? Int == 3)
        #expect(try Self.group(serve, ["offsets", "by-hand"]) as? [String: Int] == ["manual-0": 3])
    }
}
