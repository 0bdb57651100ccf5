/// The Metadata request (key 3) at v1: the topics asked about, or `nil` for every topic.
public struct MetadataRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes (more are to come; the listener advertises what it decodes).
    public static let versions: ClosedRange<Int16> = 1...1

    /// Topic names, or `nil` (a null array) for all topics.
    public var topics: [String]?

    /// A request for `topics` (`nil` = all).
    public init(topics: [String]?) { self.topics = topics }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> MetadataRequest {
        guard versions.contains(version) else { throw .unsupportedVersion(apiKey: ApiKey.metadata.rawValue, version: version) }
        let topics = try reader.readNullableArray { (reader: inout WireReader) throws(WireError) in try reader.readString() }
        try reader.expectEnd()
        return MetadataRequest(topics: topics)
    }

    /// The request body (as a client would send it).
    public func encoded() -> [UInt8] {
        var writer = WireWriter()
        writer.writeNullableArray(topics) { $0.writeString($1) }
        return writer.bytes
    }
}

/// The Metadata response at v1: brokers, the controller, and each topic's partitions.
public struct MetadataResponse: Equatable, Sendable {
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
        /// Node ids holding a replica.
        public var replicaNodes: [Int32]
        /// Node ids of the in-sync replicas.
        public var isrNodes: [Int32]

        /// A partition led by `leaderId`, replicated on `replicaNodes`, all in sync.
        public init(errorCode: KafkaErrorCode = .none, partitionIndex: Int32, leaderId: Int32, replicaNodes: [Int32]) {
            self.errorCode = errorCode
            self.partitionIndex = partitionIndex
            self.leaderId = leaderId
            self.replicaNodes = replicaNodes
            self.isrNodes = replicaNodes
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

        /// A topic with `partitions`.
        public init(errorCode: KafkaErrorCode = .none, name: String, isInternal: Bool = false, partitions: [Partition]) {
            self.errorCode = errorCode
            self.name = name
            self.isInternal = isInternal
            self.partitions = partitions
        }
    }

    /// The brokers clients may connect to.
    public var brokers: [Broker]
    /// The controller's node id (−1 if none).
    public var controllerId: Int32
    /// The topics asked about (or all).
    public var topics: [Topic]

    /// A response with the given fields.
    public init(brokers: [Broker], controllerId: Int32, topics: [Topic]) {
        self.brokers = brokers
        self.controllerId = controllerId
        self.topics = topics
    }

    /// The response body at v1.
    public func encoded() -> [UInt8] {
        var writer = WireWriter()
        writer.writeNullableArray(brokers) { writer, broker in
            writer.writeInt32(broker.nodeId)
            writer.writeString(broker.host)
            writer.writeInt32(broker.port)
            writer.writeNullableString(broker.rack)
        }
        writer.writeInt32(controllerId)
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeInt16(topic.errorCode.rawValue)
            writer.writeString(topic.name)
            writer.writeInt8(topic.isInternal ? 1 : 0)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt16(partition.errorCode.rawValue)
                writer.writeInt32(partition.partitionIndex)
                writer.writeInt32(partition.leaderId)
                writer.writeNullableArray(partition.replicaNodes) { $0.writeInt32($1) }
                writer.writeNullableArray(partition.isrNodes) { $0.writeInt32($1) }
            }
        }
        return writer.bytes
    }

    /// Reads a v1 response body, as a client would.
    public static func decode(from reader: inout WireReader) throws(WireError) -> MetadataResponse {
        let brokers = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            Broker(nodeId: try reader.readInt32(), host: try reader.readString(), port: try reader.readInt32(),
                   rack: try reader.readNullableString())
        }
        let controllerId = try reader.readInt32()
        let topics = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            Topic(errorCode: KafkaErrorCode(rawValue: try reader.readInt16()), name: try reader.readString(),
                  isInternal: try reader.readInt8() != 0,
                  partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                      var partition = Partition(
                          errorCode: KafkaErrorCode(rawValue: try reader.readInt16()), partitionIndex: try reader.readInt32(),
                          leaderId: try reader.readInt32(), replicaNodes: try reader.readInt32Array())
                      partition.isrNodes = try reader.readInt32Array()
                      return partition
                  })
        }
        try reader.expectEnd()
        return MetadataResponse(brokers: brokers, controllerId: controllerId, topics: topics)
    }
}

extension WireReader {
    /// Reads a non-null int32 array (replica and ISR node ids).
    mutating func readInt32Array() throws(WireError) -> [Int32] {
        try readArray { (reader: inout WireReader) throws(WireError) in try reader.readInt32() }
    }
}
