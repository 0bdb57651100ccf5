import StreamLog

/// What one sampling pass read from a real cluster: metadata, watermarks, groups with their
/// committed offsets, records read from the end, and records read at committed offsets.
///
/// Plain values, so `ClusterObserver` can be tested with recorded samples and no cluster.
public struct ClusterSample: Equatable, Sendable {
    /// Wall-clock ms (epoch) when the pass started.
    public var timeMs: Int64
    public var clusterId: String?
    /// The controller's broker id; nil when the metadata did not say.
    public var controllerId: Int?
    public var brokers: [Broker]
    /// Every topic the metadata listed (internal ones included), with its watermarks.
    public var topics: [Topic]
    /// The groups on the cluster that the watch follows.
    public var groups: [Group]
    /// Records read from the end of the watched topics since the last pass.
    public var records: [Record]
    /// Records read at a group's committed offset (for lag in seconds), by partition.
    public var committedRecords: [TopicPartition: Record]
    /// A problem with this pass that the presenter should see (a broker unreachable, a call timed out).
    public var problem: String?

    public init(
        timeMs: Int64, clusterId: String?, controllerId: Int?, brokers: [Broker], topics: [Topic], groups: [Group],
        records: [Record] = [], committedRecords: [TopicPartition: Record] = [:], problem: String? = nil
    ) {
        self.timeMs = timeMs
        self.clusterId = clusterId
        self.controllerId = controllerId
        self.brokers = brokers
        self.topics = topics
        self.groups = groups
        self.records = records
        self.committedRecords = committedRecords
        self.problem = problem
    }

    /// A broker the metadata lists, and whether the client's connection to it is up.
    public struct Broker: Equatable, Sendable {
        public var id: Int
        public var address: String
        public var up: Bool

        public init(id: Int, address: String, up: Bool) {
            self.id = id
            self.address = address
            self.up = up
        }
    }

    /// A topic and its partitions' watermarks (index = partition).
    public struct Topic: Equatable, Sendable {
        public var name: String
        /// Log-start and log-end offsets per partition; nil where the leader did not answer.
        public var watermarks: [(low: Int64, high: Int64)?]

        public init(name: String, watermarks: [(low: Int64, high: Int64)?]) {
            self.name = name
            self.watermarks = watermarks
        }

        public static func == (lhs: Topic, rhs: Topic) -> Bool {
            lhs.name == rhs.name && lhs.watermarks.count == rhs.watermarks.count
                && zip(lhs.watermarks, rhs.watermarks).allSatisfy { $0?.low == $1?.low && $0?.high == $1?.high }
        }
    }

    /// A consumer group as DescribeGroups and OffsetFetch report it.
    public struct Group: Equatable, Sendable {
        public var name: String
        /// Kafka's state name (`Stable`, `PreparingRebalance`, `CompletingRebalance`, `Empty`, `Dead`).
        public var state: String
        /// The assignor (`range`, `roundrobin`, `cooperative-sticky`, …), "" when none.
        public var assignor: String
        public var members: [Member]
        /// Committed offsets (partitions without a commit are absent).
        public var committed: [TopicPartition: Int64]

        public init(name: String, state: String, assignor: String, members: [Member], committed: [TopicPartition: Int64]) {
            self.name = name
            self.state = state
            self.assignor = assignor
            self.members = members
            self.committed = committed
        }
    }

    /// A member of a group and the partitions assigned to it.
    public struct Member: Equatable, Sendable {
        public var memberId: String
        public var clientId: String
        public var host: String
        public var partitions: [TopicPartition]

        public init(memberId: String, clientId: String, host: String, partitions: [TopicPartition]) {
            self.memberId = memberId
            self.clientId = clientId
            self.host = host
            self.partitions = partitions
        }
    }

    /// A record as read: where, its timestamp, its size, and its key and value bytes.
    public struct Record: Equatable, Sendable {
        public var topic: String
        public var partition: Int
        public var offset: Int64
        public var timestampMs: Int64
        public var key: [UInt8]?
        public var value: [UInt8]

        public init(topic: String, partition: Int, offset: Int64, timestampMs: Int64, key: [UInt8]?, value: [UInt8]) {
            self.topic = topic
            self.partition = partition
            self.offset = offset
            self.timestampMs = timestampMs
            self.key = key
            self.value = value
        }

        /// Key plus value bytes: the record's size as the throughput panel counts it.
        public var size: Int { (key?.count ?? 0) + value.count }
    }
}
