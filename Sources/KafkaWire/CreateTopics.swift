/// The CreateTopics request (key 19) at v0–v4 (optional: admin clients only; v5 is the first flexible version).
///
/// Fields by version: `validateOnly` (v1+). v4 lets `numPartitions` and `replicationFactor` be −1
/// for the broker's defaults (KIP-464); the layout is v1's throughout.
public struct CreateTopicsRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 0...4

    /// Replicas chosen by hand for one partition.
    public struct Assignment: Equatable, Sendable {
        /// The partition number.
        public var partitionIndex: Int32
        /// The brokers holding its replicas.
        public var brokerIds: [Int32]

        /// Replicas of `partitionIndex` on `brokerIds`.
        public init(partitionIndex: Int32, brokerIds: [Int32]) {
            self.partitionIndex = partitionIndex
            self.brokerIds = brokerIds
        }
    }

    /// One topic config entry, such as `retention.ms`.
    public struct Config: Equatable, Sendable {
        /// The config's name.
        public var name: String
        /// Its value, or `nil` for the default.
        public var value: String?

        /// The entry `name` = `value`.
        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// One topic to create.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var name: String
        /// The partition count, or −1 (with `assignments`, or from v4 for the broker default).
        public var numPartitions: Int32
        /// The replication factor, or −1 (with `assignments`, or from v4 for the broker default).
        public var replicationFactor: Int16
        /// Replicas chosen by hand, or empty.
        public var assignments: [Assignment]
        /// Topic configs.
        public var configs: [Config]

        /// A topic with the given fields.
        public init(name: String, numPartitions: Int32, replicationFactor: Int16, assignments: [Assignment] = [],
                    configs: [Config] = []) {
            self.name = name
            self.numPartitions = numPartitions
            self.replicationFactor = replicationFactor
            self.assignments = assignments
            self.configs = configs
        }
    }

    /// The topics to create.
    public var topics: [Topic]
    /// Milliseconds the broker may take.
    public var timeoutMs: Int32
    /// Whether to check the request without creating anything (v1+).
    public var validateOnly: Bool

    /// A request with the given fields.
    public init(topics: [Topic], timeoutMs: Int32, validateOnly: Bool = false) {
        self.topics = topics
        self.timeoutMs = timeoutMs
        self.validateOnly = validateOnly
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> CreateTopicsRequest {
        guard versions.contains(version) else { throw .unsupportedVersion(apiKey: ApiKey.createTopics.rawValue, version: version) }
        var request = CreateTopicsRequest(
            topics: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                Topic(name: try reader.readString(), numPartitions: try reader.readInt32(), replicationFactor: try reader.readInt16(),
                      assignments: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                          Assignment(partitionIndex: try reader.readInt32(), brokerIds: try reader.readInt32Array())
                      },
                      configs: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                          Config(name: try reader.readString(), value: try reader.readNullableString())
                      })
            },
            timeoutMs: try reader.readInt32())
        if version >= 1 { request.validateOnly = try reader.readBool() }
        try reader.expectEnd()
        return request
    }

    /// The request body at `version` (as a client would send it).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.name)
            writer.writeInt32(topic.numPartitions)
            writer.writeInt16(topic.replicationFactor)
            writer.writeNullableArray(topic.assignments) { writer, assignment in
                writer.writeInt32(assignment.partitionIndex)
                writer.writeNullableArray(assignment.brokerIds) { $0.writeInt32($1) }
            }
            writer.writeNullableArray(topic.configs) { writer, config in
                writer.writeString(config.name)
                writer.writeNullableString(config.value)
            }
        }
        writer.writeInt32(timeoutMs)
        if version >= 1 { writer.writeBool(validateOnly) }
        return writer.bytes
    }
}
