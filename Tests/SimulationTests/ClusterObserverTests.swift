import StreamLog
import Testing

@testable import Simulation

/// The watch's pure observer, fed recorded cluster samples: rates, lag in messages and seconds,
/// `-` without a commit, feed events, filters, ratios, and what it asks the sampler to read.
struct ClusterObserverTests {
    static let t0: Int64 = 1_700_000_000_000

    static func topic(_ name: String, _ marks: [(Int64, Int64)]) -> ClusterSample.Topic {
        ClusterSample.Topic(name: name, watermarks: marks.map { Optional($0) })
    }

    static func member(_ client: String, _ partitions: [TopicPartition]) -> ClusterSample.Member {
        ClusterSample.Member(memberId: "\(client)-uuid", clientId: client, host: "/127.0.0.1", partitions: partitions)
    }

    static func group(_ name: String, state: String = "Stable", members: [ClusterSample.Member], committed: [TopicPartition: Int64])
        -> ClusterSample.Group
    {
        ClusterSample.Group(name: name, state: state, assignor: "range", members: members, committed: committed)
    }

    static let brokers = [ClusterSample.Broker(id: 1, address: "127.0.0.1:9092", up: true),
                          ClusterSample.Broker(id: 2, address: "127.0.0.1:9093", up: true)]

    static func sample(
        at seconds: Int64, topics: [ClusterSample.Topic], groups: [ClusterSample.Group] = [], brokers: [ClusterSample.Broker] = brokers,
        records: [ClusterSample.Record] = [], committedRecords: [TopicPartition: ClusterSample.Record] = [:], problem: String? = nil
    ) -> ClusterSample {
        ClusterSample(timeMs: t0 + seconds * 1_000, clusterId: "kc-1", controllerId: 1, brokers: brokers, topics: topics, groups: groups,
                      records: records, committedRecords: committedRecords, problem: problem)
    }

    static func record(_ topic: String, _ partition: Int, _ offset: Int64, atMs: Int64, size: Int = 10) -> ClusterSample.Record {
        ClusterSample.Record(topic: topic, partition: partition, offset: offset, timestampMs: atMs, key: nil,
                             value: Array(repeating: UInt8(ascii: "x"), count: size))
    }

    static func observer(topics: String? = nil, groups: String? = nil, ratios: [String] = []) throws -> ClusterObserver {
        ClusterObserver(bootstrap: "127.0.0.1:9092", selection: try WatchSelection(topics: topics, groups: groups, ratios: ratios))
    }

    @Test func headerRatesAndTotalsFromWatermarkDeltasAndSampledSizes() throws {
        let observer = try Self.observer()
        observer.observe(Self.sample(at: 0, topics: [Self.topic("orders", [(0, 100), (0, 50)])]))
        observer.observe(Self.sample(at: 2, topics: [Self.topic("orders", [(0, 140), (0, 70)])],
                                     records: [Self.record("orders", 0, 100, atMs: Self.t0, size: 30),
                                               Self.record("orders", 1, 50, atMs: Self.t0, size: 50)]))
        let world = observer.snapshot()
        #expect(world.cluster == ClusterStatus(bootstrap: "127.0.0.1:9092", clusterId: "kc-1", brokersUp: 2, brokersTotal: 2,
                                               controllerId: 1, ratios: []))
        #expect(world.nowMs == 2_000)
        let orders = try #require(world.topics.first)
        #expect(orders.name == "orders")
        #expect(orders.recordsPerSecond == 30)  // 60 appended over 2 s
        #expect(orders.bytesPerSecond == 1_200)  // 30/s × 40 bytes (the mean sampled size)
        #expect(orders.totalRecords == 60)
        #expect(orders.totalBytes == 2_400)
        #expect(orders.history == [30])
        #expect(orders.partitions.map(\.logEndOffset) == [140, 70])
        #expect(world.producers.isEmpty && world.script.stepCount == 0)
    }

    @Test func lagPerPartitionWithDashWithoutACommitAndSecondsFromTheRecordAtTheCommit() throws {
        let observer = try Self.observer()
        let p0 = TopicPartition("orders", 0)
        let p1 = TopicPartition("orders", 1)
        let p2 = TopicPartition("orders", 2)
        let payments = Self.group("payments", members: [Self.member("c1", [p0, p1, p2])], committed: [p0: 90, p1: 50])
        observer.observe(Self.sample(at: 0, topics: [Self.topic("orders", [(0, 100), (0, 50), (0, 7)])], groups: [payments]))
        // The sampler read the record at p0's commit: appended 12.5 s before the next sample.
        #expect(observer.committedReads() == [p0: 90])
        observer.observe(Self.sample(at: 1, topics: [Self.topic("orders", [(0, 100), (0, 50), (0, 7)])], groups: [payments],
                                     committedRecords: [p0: Self.record("orders", 0, 90, atMs: Self.t0 - 11_500)]))
        let group = try #require(observer.snapshot().groups.first)
        #expect(group.lag.partitions.map(\.describeLag) == [10, 0, nil])
        #expect(group.lag.partitions.map(\.describeLagMs) == [12_500, 0, nil])
        #expect(group.lag.totalLag == 10)
        #expect(group.lag.maxLagSeconds == 12.5)
        #expect(group.lag.partitions.map(\.ownerMemberId) == ["c1-uuid", "c1-uuid", "c1-uuid"])
        #expect(group.liveMembers == 1)
        #expect(group.membership.strategy == .range)
        // Read once for this commit: nothing more to read until it moves.
        #expect(observer.committedReads().isEmpty)
    }

    @Test func aMovedCommitIsReadAgainOnlyAfterTheRefreshInterval() throws {
        let observer = try Self.observer()
        let p0 = TopicPartition("orders", 0)
        func at(_ seconds: Int64, committed: Int64, read: ClusterSample.Record? = nil) -> ClusterSample {
            Self.sample(at: seconds, topics: [Self.topic("orders", [(0, 200)])],
                        groups: [Self.group("g", members: [], committed: [p0: committed])],
                        committedRecords: read.map { [p0: $0] } ?? [:])
        }
        observer.observe(at(0, committed: 10, read: Self.record("orders", 0, 10, atMs: Self.t0 - 4_000)))
        observer.observe(at(2, committed: 20))
        #expect(observer.committedReads().isEmpty)  // read 2 s ago: the older record's age stands in
        #expect(observer.snapshot().groups[0].lag.partitions[0].lagMs == 6_000)
        observer.observe(at(5, committed: 30))
        #expect(observer.committedReads() == [p0: 30])
    }

    @Test func caughtUpPartitionsHaveZeroSecondsAndNeedNoRead() throws {
        let observer = try Self.observer()
        let p0 = TopicPartition("orders", 0)
        observer.observe(Self.sample(at: 0, topics: [Self.topic("orders", [(5, 40)])],
                                     groups: [Self.group("g", members: [], committed: [p0: 40])]))
        #expect(observer.committedReads().isEmpty)
        let lag = observer.snapshot().groups[0].lag
        #expect(lag.partitions[0].lag == 0 && lag.partitions[0].lagMs == 0)
        #expect(lag.partitions[0].recordsLead == 35)
    }

    @Test func consumptionRatesAndBurrowWindowFromCommitDeltas() throws {
        let observer = try Self.observer()
        let p0 = TopicPartition("orders", 0)
        for (second, committed, end) in [(Int64(0), Int64(0), Int64(100)), (1, 10, 120), (2, 20, 140), (3, 30, 160)] {
            observer.observe(Self.sample(at: second, topics: [Self.topic("orders", [(0, end)])],
                                         groups: [Self.group("g", members: [Self.member("c1", [p0])], committed: [p0: committed])]))
        }
        let group = observer.snapshot().groups[0]
        #expect(group.consumedPerSecond == 10)
        #expect(group.consumed == 30)
        #expect(group.lagHistory == [100, 110, 120, 130])
        #expect(group.lag.partitions[0].commitWindow.map(\.lag) == [100, 110, 120, 130])
        #expect(group.lag.status == .warn)  // lag never fell over the window
        #expect(group.lag.produceRate == 20)
        #expect(group.lagDirection == .fallingBehind)
    }

    @Test func membershipChangesAreRebalancesInTheFeed() throws {
        let observer = try Self.observer()
        let p0 = TopicPartition("orders", 0)
        let p1 = TopicPartition("orders", 1)
        let topics = [Self.topic("orders", [(0, 0), (0, 0)])]
        observer.observe(Self.sample(at: 0, topics: topics, groups: [Self.group("g", members: [Self.member("c1", [p0, p1])], committed: [:])]))
        observer.observe(Self.sample(at: 1, topics: topics, groups: [Self.group("g", state: "PreparingRebalance",
                                                                                members: [Self.member("c1", [p0, p1])], committed: [:])]))
        observer.observe(Self.sample(at: 2, topics: topics, groups: [Self.group("g", members: [Self.member("c1", [p0]),
                                                                                                  Self.member("c2", [p1])], committed: [:])]))
        observer.observe(Self.sample(at: 3, topics: topics, groups: [Self.group("g", members: [Self.member("c1", [p1]),
                                                                                                  Self.member("c2", [p0])], committed: [:])]))
        observer.observe(Self.sample(at: 4, topics: topics, groups: [Self.group("g", state: "Empty", members: [], committed: [:])]))
        observer.observe(Self.sample(at: 5, topics: topics, groups: []))
        #expect(observer.snapshot().feed == [
            FeedEntry(timeMs: 1_000, kind: .group(name: "g", text: "rebalancing (PreparingRebalance)")),
            FeedEntry(timeMs: 2_000, kind: .group(name: "g", text: "rebalance: 1 member → 2, joined c2")),
            FeedEntry(timeMs: 3_000, kind: .group(name: "g", text: "rebalance: partitions moved between 2 members")),
            FeedEntry(timeMs: 4_000, kind: .group(name: "g", text: "rebalance: 2 members → 0, left c1, c2")),
            FeedEntry(timeMs: 4_000, kind: .group(name: "g", text: "no active members (Empty)")),
            FeedEntry(timeMs: 5_000, kind: .group(name: "g", text: "group gone: no longer on the cluster")),
        ])
        #expect(observer.snapshot().groups.isEmpty)
    }

    @Test func topicsDeletedAndCreatedAndBrokersDownAreEvents() throws {
        let observer = try Self.observer()
        observer.observe(Self.sample(at: 0, topics: [Self.topic("a", [(0, 0)]), Self.topic("b", [(0, 0)])]))
        let down = [ClusterSample.Broker(id: 1, address: "127.0.0.1:9092", up: true),
                    ClusterSample.Broker(id: 2, address: "127.0.0.1:9093", up: false)]
        observer.observe(Self.sample(at: 1, topics: [Self.topic("b", [(0, 0)]), Self.topic("c", [(0, 0), (0, 0)])], brokers: down))
        #expect(observer.snapshot().cluster?.brokersUp == 1)
        observer.observe(Self.sample(at: 2, topics: [Self.topic("b", [(0, 0), (0, 0), (0, 0)]), Self.topic("c", [(0, 0), (0, 0)])]))
        #expect(observer.snapshot().feed == [
            FeedEntry(timeMs: 1_000, kind: .script(text: "broker 2 (127.0.0.1:9093) is down")),
            FeedEntry(timeMs: 1_000, kind: .topic(name: "a", text: "topic deleted: no longer on the cluster")),
            FeedEntry(timeMs: 1_000, kind: .topic(name: "c", text: "topic created (2 partitions)")),
            FeedEntry(timeMs: 2_000, kind: .script(text: "broker 2 (127.0.0.1:9093) is up again")),
            FeedEntry(timeMs: 2_000, kind: .topic(name: "b", text: "partitions 1 → 3")),
        ])
        #expect(observer.snapshot().topics.map(\.name) == ["b", "c"])
    }

    @Test func aFailedPassIsAProblemNotADeletion() throws {
        let observer = try Self.observer()
        observer.observe(Self.sample(at: 0, topics: [Self.topic("a", [(0, 10)])]))
        observer.observe(Self.sample(at: 1, topics: [], brokers: [], problem: "cluster not answering: Local: Broker transport failure"))
        let world = observer.snapshot()
        #expect(world.topics.map(\.name) == ["a"])
        #expect(world.feed.isEmpty)
        #expect(world.script.say == "cluster not answering: Local: Broker transport failure")
        observer.observe(Self.sample(at: 2, topics: [Self.topic("a", [(0, 16)])]))
        #expect(observer.snapshot().script.say == "1 topic, 0 groups")
        #expect(observer.snapshot().topics[0].recordsPerSecond == 6)
    }

    @Test func filtersHideInternalTopicsUnlessNamedAndSayWhenNothingMatches() throws {
        let all = try Self.observer()
        let topics = [Self.topic("__consumer_offsets", [(0, 0)]), Self.topic("_schemas", [(0, 0)]), Self.topic("orders", [(0, 0)]),
                      Self.topic("orders-dlq", [(0, 0)])]
        all.observe(Self.sample(at: 0, topics: topics))
        #expect(all.snapshot().topics.map(\.name) == ["orders", "orders-dlq"])
        let named = try Self.observer(topics: "_schemas|orders")
        named.observe(Self.sample(at: 0, topics: topics))
        #expect(named.snapshot().topics.map(\.name) == ["_schemas", "orders"])  // whole names only: not orders-dlq
        let none = try Self.observer(topics: "payments.*", groups: "billing")
        none.observe(Self.sample(at: 0, topics: topics, groups: [Self.group("g", members: [], committed: [:])]))
        #expect(none.snapshot().topics.isEmpty && none.snapshot().groups.isEmpty)
        #expect(none.snapshot().script.say
            == "no topic matches --topics 'payments.*' (still watching) · no group matches --groups 'billing' (still watching)")
    }

    @Test func badPatternsAndRatiosAreClearMessages() {
        #expect(throws: WatchSelection.Problem(description: "--ratio 'firewall': expected IN:OUT, two topic names, e.g. firewall:siem")) {
            try WatchSelection(ratios: ["firewall"])
        }
        #expect {
            try WatchSelection(topics: "orders(")
        } throws: { error in
            (error as? WatchSelection.Problem)?.description.hasPrefix("--topics 'orders(': not a regular expression") == true
        }
    }

    @Test func ratioSaysWhatShareOfBytesAndRecordsTheOutputKeeps() throws {
        let observer = try Self.observer(topics: "none", ratios: ["firewall:siem"])
        observer.observe(Self.sample(at: 0, topics: [Self.topic("firewall", [(0, 0)]), Self.topic("siem", [(0, 0)])]))
        #expect(observer.snapshot().cluster?.ratios.first?.text == "siem keeps - % of firewall's bytes and - % of its records")
        observer.observe(Self.sample(at: 1, topics: [Self.topic("firewall", [(0, 200)]), Self.topic("siem", [(0, 20)])],
                                     records: [Self.record("firewall", 0, 0, atMs: Self.t0, size: 100),
                                               Self.record("siem", 0, 0, atMs: Self.t0, size: 40)]))
        // 20 of 200 records; 20 × 40 B of 200 × 100 B.
        #expect(observer.snapshot().cluster?.ratios.first?.text == "siem keeps 4.0 % of firewall's bytes and 10.0 % of its records")
        #expect(observer.snapshot().topics.map(\.name) == ["firewall", "siem"])  // ratio topics are shown whatever --topics says
        // siem's next 20 appends are seen before any of them is read: they still count at its mean size.
        observer.observe(Self.sample(at: 2, topics: [Self.topic("firewall", [(0, 400)]), Self.topic("siem", [(0, 40)])]))
        #expect(observer.snapshot().cluster?.ratios.first?.text == "siem keeps 4.0 % of firewall's bytes and 10.0 % of its records")
    }

    @Test func busyTopicsAreSampledIntoTheFeedOneOfN() throws {
        let observer = try Self.observer()
        observer.observe(Self.sample(at: 0, topics: [Self.topic("t", [(0, 0)])]))
        let records = (0..<20).map { Self.record("t", 0, Int64($0), atMs: Self.t0) }
        observer.observe(Self.sample(at: 1, topics: [Self.topic("t", [(0, 20)])], records: records))
        let lines = observer.snapshot().feed.compactMap { entry -> (Int64, Int)? in
            if case .record(_, _, let offset, _, _, let every) = entry.kind { return (offset, every) }
            return nil
        }
        #expect(lines.map(\.0) == [2, 5, 8, 11, 14, 17])
        #expect(lines.allSatisfy { $0.1 == 3 })
    }
}
