import Testing
@testable import StreamLog

/// Reference §2.3 worked examples A–F, for range and round-robin, and the sticky example D.
struct AssignorTests {
    func tp(_ topic: String, _ partition: Int) -> TopicPartition { TopicPartition(topic, partition) }

    func members(_ subscriptions: [(String, [String])]) -> [AssignorMember] {
        subscriptions.map { AssignorMember(memberId: $0.0, topics: $0.1) }
    }

    @Test func exampleARange() {
        let result = RangeAssignor().assign(members: members([("C0", ["t0", "t1"]), ("C1", ["t0", "t1"])]), partitionCounts: ["t0": 3, "t1": 3])
        #expect(result["C0"] == [tp("t0", 0), tp("t0", 1), tp("t1", 0), tp("t1", 1)])
        #expect(result["C1"] == [tp("t0", 2), tp("t1", 2)])
    }

    @Test func exampleARoundRobin() {
        let result = RoundRobinAssignor().assign(
            members: members([("C0", ["t0", "t1"]), ("C1", ["t0", "t1"])]), partitionCounts: ["t0": 3, "t1": 3])
        #expect(result["C0"] == [tp("t0", 0), tp("t0", 2), tp("t1", 1)])
        #expect(result["C1"] == [tp("t0", 1), tp("t1", 0), tp("t1", 2)])
    }

    @Test(arguments: [AssignmentStrategy.range, .roundRobin])
    func exampleBMixedTopics(_ strategy: AssignmentStrategy) {
        let result = strategy.assignor.assign(
            members: members([("consumer1", ["topic1"]), ("consumer2", ["topic1", "topic2"]), ("consumer3", ["topic1"])]),
            partitionCounts: ["topic1": 3, "topic2": 2])
        #expect(result["consumer1"] == [tp("topic1", 0)])
        #expect(result["consumer2"] == [tp("topic1", 1), tp("topic2", 0), tp("topic2", 1)])
        #expect(result["consumer3"] == [tp("topic1", 2)])
    }

    @Test func exampleCRoundRobinSkipsUnsubscribed() {
        let result = RoundRobinAssignor().assign(
            members: members([("C0", ["t0"]), ("C1", ["t0", "t1"]), ("C2", ["t0", "t1", "t2"])]),
            partitionCounts: ["t0": 1, "t1": 2, "t2": 3])
        #expect(result["C0"] == [tp("t0", 0)])
        #expect(result["C1"] == [tp("t1", 0)])
        #expect(result["C2"] == [tp("t1", 1), tp("t2", 0), tp("t2", 1), tp("t2", 2)])
    }

    static let exampleDTopics = ["t0", "t1", "t2", "t3"]
    static let exampleDCounts = ["t0": 2, "t1": 2, "t2": 2, "t3": 2]

    @Test func exampleDRoundRobinBeforeAndAfterC1Leaves() {
        let before = RoundRobinAssignor().assign(
            members: members([("C0", Self.exampleDTopics), ("C1", Self.exampleDTopics), ("C2", Self.exampleDTopics)]),
            partitionCounts: Self.exampleDCounts)
        #expect(before["C0"] == [tp("t0", 0), tp("t1", 1), tp("t3", 0)])
        #expect(before["C1"] == [tp("t0", 1), tp("t2", 0), tp("t3", 1)])
        #expect(before["C2"] == [tp("t1", 0), tp("t2", 1)])
        let after = RoundRobinAssignor().assign(
            members: members([("C0", Self.exampleDTopics), ("C2", Self.exampleDTopics)]), partitionCounts: Self.exampleDCounts)
        #expect(after["C0"] == [tp("t0", 0), tp("t1", 0), tp("t2", 0), tp("t3", 0)])
        #expect(after["C2"] == [tp("t0", 1), tp("t1", 1), tp("t2", 1), tp("t3", 1)])
    }

    @Test func exampleDStickyKeepsOwnershipWhenC1Leaves() {
        let first = StickyAssignor().assign(
            members: members([("C0", Self.exampleDTopics), ("C1", Self.exampleDTopics), ("C2", Self.exampleDTopics)]),
            partitionCounts: Self.exampleDCounts)
        #expect(first["C0"] == [tp("t0", 0), tp("t1", 1), tp("t3", 0)])
        #expect(first["C1"] == [tp("t0", 1), tp("t2", 0), tp("t3", 1)])
        #expect(first["C2"] == [tp("t1", 0), tp("t2", 1)])
        let after = StickyAssignor().assign(
            members: [
                AssignorMember(memberId: "C0", topics: Self.exampleDTopics, ownedPartitions: first["C0"] ?? []),
                AssignorMember(memberId: "C2", topics: Self.exampleDTopics, ownedPartitions: first["C2"] ?? []),
            ], partitionCounts: Self.exampleDCounts)
        #expect(after["C0"] == [tp("t0", 0), tp("t1", 1), tp("t3", 0), tp("t2", 0)])
        #expect(after["C2"] == [tp("t1", 0), tp("t2", 1), tp("t0", 1), tp("t3", 1)])
    }

    @Test(arguments: [AssignmentStrategy.range, .roundRobin])
    func exampleEOnePartitionTwoMembers(_ strategy: AssignmentStrategy) {
        let result = strategy.assignor.assign(members: members([("c1", ["t"]), ("c2", ["t"])]), partitionCounts: ["t": 1])
        #expect(result["c1"] == [tp("t", 0)])
        #expect(result["c2"] == [])
    }

    @Test(arguments: [AssignmentStrategy.range, .roundRobin])
    func exampleFStaticMembersSortByInstanceId(_ strategy: AssignmentStrategy) {
        let staticMembers = [
            AssignorMember(memberId: "consumer-a", groupInstanceId: "instance2", topics: ["t0", "t1"]),
            AssignorMember(memberId: "consumer-b", groupInstanceId: "instance1", topics: ["t0", "t1"]),
        ]
        let result = strategy.assignor.assign(members: staticMembers, partitionCounts: ["t0": 3, "t1": 3])
        let dynamic = strategy.assignor.assign(members: members([("C0", ["t0", "t1"]), ("C1", ["t0", "t1"])]), partitionCounts: ["t0": 3, "t1": 3])
        #expect(result["consumer-b"] == dynamic["C0"])
        #expect(result["consumer-a"] == dynamic["C1"])
    }

    @Test func staticMembersComeBeforeDynamicOnes() {
        let result = RangeAssignor().assign(
            members: [
                AssignorMember(memberId: "aaa", topics: ["t"]),
                AssignorMember(memberId: "zzz", groupInstanceId: "i", topics: ["t"]),
            ], partitionCounts: ["t": 2])
        #expect(result["zzz"] == [tp("t", 0)])
        #expect(result["aaa"] == [tp("t", 1)])
    }

    @Test func memberIdsSortLexicographicallyNotNumerically() {
        let result = RangeAssignor().assign(
            members: members([("consumer-g-2-x", ["t"]), ("consumer-g-10-x", ["t"])]), partitionCounts: ["t": 3])
        #expect(result["consumer-g-10-x"] == [tp("t", 0), tp("t", 1)])
        #expect(result["consumer-g-2-x"] == [tp("t", 2)])
    }

    @Test func rangeSevenPartitionsThreeMembers() {
        let result = RangeAssignor().assign(members: members([("a", ["t"]), ("b", ["t"]), ("c", ["t"])]), partitionCounts: ["t": 7])
        #expect(result["a"] == [tp("t", 0), tp("t", 1), tp("t", 2)])
        #expect(result["b"] == [tp("t", 3), tp("t", 4)])
        #expect(result["c"] == [tp("t", 5), tp("t", 6)])
    }

    @Test func stickyBalancesBeforeKeepingOwnership() {
        let result = StickyAssignor().assign(
            members: [
                AssignorMember(memberId: "a", topics: ["t"], ownedPartitions: (0..<6).map { tp("t", $0) }),
                AssignorMember(memberId: "b", topics: ["t"]),
            ], partitionCounts: ["t": 6])
        #expect(result["a"] == [tp("t", 0), tp("t", 1), tp("t", 2)])
        #expect(result["b"] == [tp("t", 3), tp("t", 4), tp("t", 5)])
    }
}
