import Testing
@testable import StreamLog
@testable import Simulation

/// `kafka-consumer-groups.sh --describe` text and rows.
struct DescribeTests {
    func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    func makeGroup(_ backend: Backend) throws -> (Harness, String, String) {
        let h = try Harness(backend, partitions: 3)
        try h.log.createTopic("refunds", config: TopicConfig(partitions: 1))
        let a = try h.join("billing-1", group: "payments", commit: .manual)
        let b = try h.join("billing-2", group: "payments", commit: .manual)
        h.advance(to: 1_000)
        try h.produce(10)
        try h.produce(3, topic: "refunds")
        try h.log.commit("payments", memberId: a, offsets: [TopicPartition("orders", 0): 5], nowMs: 1_000)
        try h.log.commit("payments", memberId: b, offsets: [TopicPartition("orders", 2): 7, TopicPartition("refunds", 0): 1], nowMs: 1_000)
        return (h, a, b)
    }

    @Test(arguments: Backend.all) func describeTableMatchesKafkaColumnsAndWidths(_ backend: Backend) throws {
        let (h, a, b) = try makeGroup(backend)
        let description = h.log.describe(group: "payments", nowMs: 1_000)
        #expect(description.notice == nil)
        #expect(description.state == .stable)
        let pad = spaces(a.count - 11)
        let expected = [
            "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID\(pad) HOST            CLIENT-ID",
            "payments        orders          0          5               10              5               \(a) /127.0.0.1      billing-1",
            "payments        orders          1          -               10              -               \(a) /127.0.0.1      billing-1",
            "payments        orders          2          7               10              3               \(b) /127.0.0.1      billing-2",
            "payments        refunds         0          1               3               2               -\(spaces(a.count - 1)) -               -",
        ]
        #expect(a.count == "billing-1-".count + 36)
        #expect(description.table() == expected.joined(separator: "\n"))
        #expect(description.rows.count == 4)
        #expect(description.rows[1].currentOffset == nil)
        #expect(description.rows[3].consumerId == nil)
    }

    @Test(arguments: Backend.all) func extraColumnsFollowClientId(_ backend: Backend) throws {
        let (h, a, _) = try makeGroup(backend)
        let lines = h.log.describe(group: "payments", nowMs: 3_250).table(extraColumns: true).split(separator: "\n")
        #expect(lines[0].hasSuffix("CLIENT-ID       LOG-START-OFFSET LAG-SECONDS"))
        #expect(lines[1] == "payments        orders          0          5               10              5               \(a) /127.0.0.1      billing-1       0                2.250")
        #expect(lines[2].hasSuffix("billing-1       0                -"))
    }

    @Test(arguments: Backend.all) func noticesForEmptyRebalancingAndUnknownGroups(_ backend: Backend) throws {
        let (h, a, b) = try makeGroup(backend)
        #expect(h.log.describe(group: "nope", nowMs: 0).notice == "Consumer group 'nope' does not exist.")
        #expect(h.log.describe(group: "nope", nowMs: 0).table() == "")
        _ = try h.join("fresh", group: "fresh")
        let fresh = h.log.describe(group: "fresh", nowMs: 1_000)
        #expect(fresh.notice == "Warning: Consumer group 'fresh' is rebalancing.")
        #expect(fresh.rows.isEmpty)
        #expect(fresh.table() == "")
        try h.log.leaveGroup("payments", memberId: a, nowMs: 1_000)
        #expect(h.log.describe(group: "payments", nowMs: 1_000).notice == "Warning: Consumer group 'payments' is rebalancing.")
        try h.log.leaveGroup("payments", memberId: b, nowMs: 1_000)
        h.advance(to: 1_100)
        let empty = h.log.describe(group: "payments", nowMs: 1_100)
        #expect(empty.notice == "Consumer group 'payments' has no active members.")
        #expect(empty.rows.map { "\($0.topic)-\($0.partition)" } == ["orders-0", "refunds-0", "orders-2"])
        #expect(empty.rows.allSatisfy { $0.consumerId == nil && $0.host == nil && $0.clientId == nil })
    }
}
