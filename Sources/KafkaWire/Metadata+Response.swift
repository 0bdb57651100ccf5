/// The Metadata response at v1–v8: brokers, the cluster, the controller, and each topic's partitions.
///
/// Fields by version: `throttleTimeMs` (v3+), `clusterId` (v2+), `leaderEpoch` (v7+),
/// `offlineReplicas` (v5+), `topicAuthorizedOperations` and `clusterAuthorizedOperations` (v8+).
/// Fields a version lacks are not written, and read back as their defaults.
public struct MetadataResponse: Equatable, Sendable {
    /// The authorized-operations value meaning "not requested" (Kafka's INT32_MIN).
    public static let authorizedOperationsNotRequested = Int32.min

    /// A broker clients may connect to.
    public struct Broker: Equatable, Sendable {
        /// The broker's node id, which partitions name as leader and replicas.
        public var nodeId: Int32
        /// The host clients connect to.
        public var host: String
        /// The port clients connect to.
        public var port: Int32
        /// The broker's rack, or `nil`.
        public var rack: String?

        /// A broker at `host:port`.
        public init(nodeId: Int32, host: String, port: Int32, rack: String? = nil) {
            self.nodeId = nodeId
            self.host = host
            self.port = port
            self.rack = rack
        }
    }

    /// One partition: its leader and replicas.
    public struct Partition: Equatable, Sendable {
        /// NONE, or why the partition cannot be served.
        public var errorCode: KafkaErrorCode
        /// The partition number.
        public var partitionIndex: Int32
        /// The leader's node id.
        public var leaderId: Int32
        /// The leader's epoch, or −1 (v7+).
        public var leaderEpoch: Int32
        /// Node ids holding a replica.
        public var replicaNodes: [Int32]
        /// Node ids of the in-sync replicas.
        public var isrNodes: [Int32]
        /// Node ids of replicas that are offline (v5+).
        public var offlineReplicas: [Int32]

        /// A partition led by `leaderId`, replicated on `replicaNodes`, all in sync and online.
        public init(errorCode: KafkaErrorCode = .none, partitionIndex: Int32, leaderId: Int32, leaderEpoch: Int32 = -1,
                    replicaNodes: [Int32]) {
            self.errorCode = errorCode
            self.partitionIndex = partitionIndex
            self.leaderId = leaderId
            self.leaderEpoch = leaderEpoch
            self.replicaNodes = replicaNodes
            self.isrNodes = replicaNodes
            self.offlineReplicas = []
        }
    }

    /// One topic, or an error (UNKNOWN_TOPIC_OR_PARTITION) for a name that does not exist.
    public struct Topic: Equatable, Sendable {
        /// NONE, or UNKNOWN_TOPIC_OR_PARTITION for a name that does not exist.
        public var errorCode: KafkaErrorCode
        /// The topic's name.
        public var name: String
        /// Whether the topic is internal (such as `__consumer_offsets`).
        public var isInternal: Bool
        /// The topic's partitions.
        public var partitions: [Partition]
        /// The client's ACL operations on the topic, a bit field (v8+; INT32_MIN when not requested).
        public var topicAuthorizedOperations: Int32

        /// A topic with `partitions`.
        public init(errorCode: KafkaErrorCode = .none, name: String, isInternal: Bool = false, partitions: [Partition],
                    topicAuthorizedOperations: Int32 = MetadataResponse.authorizedOperationsNotRequested) {
            self.errorCode = errorCode
            self.name = name
            self.isInternal = isInternal
            self.partitions = partitions
            self.topicAuthorizedOperations = topicAuthorizedOperations
        }
    }

    /// Milliseconds the client is throttled (v3+; always 0 here).
    public var throttleTimeMs: Int32
    /// The brokers clients may connect to.
    public var brokers: [Broker]
    /// The cluster's id, or `nil` (v2+).
    public var clusterId: String?
    /// The controller's node id (−1 if none).
    public var controllerId: Int32
    /// The topics asked about (or all).
    public var topics: [Topic]
    /// The client's ACL operations on the cluster, a bit field (v8+; INT32_MIN when not requested).
    public var clusterAuthorizedOperations: Int32

    /// A response with the given fields.
    public init(throttleTimeMs: Int32 = 0, brokers: [Broker], clusterId: String? = nil, controllerId: Int32, topics: [Topic],
                clusterAuthorizedOperations: Int32 = MetadataResponse.authorizedOperationsNotRequested) {
        self.throttleTimeMs = throttleTimeMs
        self.brokers = brokers
        self.clusterId = clusterId
        self.controllerId = controllerId
        self.topics = topics
        self.clusterAuthorizedOperations = clusterAuthorizedOperations
    }

    /// The response body at `version` (one of ``MetadataRequest/versions``).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        if version >= 3 { writer.writeInt32(throttleTimeMs) }
        writer.writeNullableArray(brokers) { writer, broker in
            writer.writeInt32(broker.nodeId)
            writer.writeString(broker.host)
            writer.writeInt32(broker.port)
            writer.writeNullableString(broker.rack)
        }
        if version >= 2 { writer.writeNullableString(clusterId) }
        writer.writeInt32(controllerId)
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeInt16(topic.errorCode.rawValue)
            writer.writeString(topic.name)
            writer.writeBool(topic.isInternal)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt16(partition.errorCode.rawValue)
                writer.writeInt32(partition.partitionIndex)
                writer.writeInt32(partition.leaderId)
                if version >= 7 { writer.writeInt32(partition.leaderEpoch) }
                writer.writeNullableArray(partition.replicaNodes) { $0.writeInt32($1) }
                writer.writeNullableArray(partition.isrNodes) { $0.writeInt32($1) }
                if version >= 5 { writer.writeNullableArray(partition.offlineReplicas) { $0.writeInt32($1) } }
            }
            if version >= 8 { writer.writeInt32(topic.topicAuthorizedOperations) }
        }
        if version >= 8 { writer.writeInt32(clusterAuthorizedOperations) }
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> MetadataResponse {
        guard MetadataRequest.versions.contains(version) else {
            throw .unsupportedVersion(apiKey: ApiKey.metadata.rawValue, version: version)
        }
        let throttle = version >= 3 ? try reader.readInt32() : 0
        let brokers = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            Broker(nodeId: try reader.readInt32(), host: try reader.readString(), port: try reader.readInt32(),
                   rack: try reader.readNullableString())
        }
        let clusterId = version >= 2 ? try reader.readNullableString() : nil
        var response = MetadataResponse(throttleTimeMs: throttle, brokers: brokers, clusterId: clusterId,
                                        controllerId: try reader.readInt32(), topics: [])
        response.topics = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            var topic = Topic(errorCode: KafkaErrorCode(rawValue: try reader.readInt16()), name: try reader.readString(),
                              isInternal: try reader.readBool(),
                              partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                                  try Partition.decode(version: version, from: &reader)
                              })
            if version >= 8 { topic.topicAuthorizedOperations = try reader.readInt32() }
            return topic
        }
        if version >= 8 { response.clusterAuthorizedOperations = try reader.readInt32() }
        try reader.expectEnd()
        return response
    }
}

extension MetadataResponse.Partition {
    /// Reads one partition at `version`.
    static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> Self {
        var partition = Self(errorCode: KafkaErrorCode(rawValue: try reader.readInt16()), partitionIndex: try reader.readInt32(),
                             leaderId: try reader.readInt32(), replicaNodes: [])
        if version >= 7 { partition.leaderEpoch = try reader.readInt32() }
        partition.replicaNodes = try reader.readInt32Array()
        partition.isrNodes = try reader.readInt32Array()
        if version >= 5 { partition.offlineReplicas = try reader.readInt32Array() }
        return partition
    }
}

extension WireReader {
    /// Reads a non-null int32 array (replica and ISR node ids).
    mutating func readInt32Array() throws(WireError) -> [Int32] {
        try readArray { (reader: inout WireReader) throws(WireError) in try reader.readInt32() }
    }
}
