/// The OffsetFetch request (key 9) at v1–v5: a group's committed offsets for some partitions,
/// or (v2+, topics null) for every partition it committed.
public struct OffsetFetchRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 1...5

    /// The partitions asked about in one topic.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var name: String
        /// The partition numbers.
        public var partitionIndexes: [Int32]

        /// `partitionIndexes` of `name`.
        public init(name: String, partitionIndexes: [Int32]) {
            self.name = name
            self.partitionIndexes = partitionIndexes
        }
    }

    /// The group id.
    public var groupId: String
    /// The topics asked about, or `nil` for all (v2+).
    public var topics: [Topic]?

    /// A request for `topics` (`nil` = all) of `groupId`.
    public init(groupId: String, topics: [Topic]?) {
        self.groupId = groupId
        self.topics = topics
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> OffsetFetchRequest {
        try ApiKey.offsetFetch.check(version, in: versions)
        let groupId = try reader.readString()
        let start = reader.offset
        let topics = try reader.readNullableArray { (reader: inout WireReader) throws(WireError) in
            Topic(name: try reader.readString(), partitionIndexes: try reader.readInt32Array())
        }
        if topics == nil && version < 2 { throw .invalidLength(-1, at: start) }
        try reader.expectEnd()
        return OffsetFetchRequest(groupId: groupId, topics: topics)
    }

    /// The request body at `version` (as a client would send it).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeString(groupId)
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.name)
            writer.writeNullableArray(topic.partitionIndexes) { $0.writeInt32($1) }
        }
        return writer.bytes
    }
}

/// The OffsetFetch response: each partition's committed offset (−1 = none).
public struct OffsetFetchResponse: Equatable, Sendable {
    /// One partition's committed offset.
    public struct Partition: Equatable, Sendable {
        /// The partition number.
        public var partitionIndex: Int32
        /// The committed offset, or −1 when the group committed none.
        public var committedOffset: Int64
        /// The leader epoch committed with it (v5+; −1 = unknown).
        public var committedLeaderEpoch: Int32
        /// The client's metadata string.
        public var metadata: String?
        /// NONE, or why there is no answer for the partition.
        public var errorCode: KafkaErrorCode

        /// The committed offset of `partitionIndex`.
        public init(partitionIndex: Int32, committedOffset: Int64, committedLeaderEpoch: Int32 = -1, metadata: String? = "",
                    errorCode: KafkaErrorCode = .none) {
            self.partitionIndex = partitionIndex
            self.committedOffset = committedOffset
            self.committedLeaderEpoch = committedLeaderEpoch
            self.metadata = metadata
            self.errorCode = errorCode
        }
    }

    /// One topic's committed offsets.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var name: String
        /// Its partitions.
        public var partitions: [Partition]

        /// `partitions` of `name`.
        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    /// Milliseconds the client is throttled (v3+).
    public var throttleTimeMs: Int32
    /// The committed offsets, by topic.
    public var topics: [Topic]
    /// The request's error (v2+).
    public var errorCode: KafkaErrorCode

    /// A response with the given fields.
    public init(throttleTimeMs: Int32 = 0, topics: [Topic], errorCode: KafkaErrorCode = .none) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
        self.errorCode = errorCode
    }

    /// The response body at `version`.
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        if version >= 3 { writer.writeInt32(throttleTimeMs) }
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.name)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt32(partition.partitionIndex)
                writer.writeInt64(partition.committedOffset)
                if version >= 5 { writer.writeInt32(partition.committedLeaderEpoch) }
                writer.writeNullableString(partition.metadata)
                writer.writeInt16(partition.errorCode.rawValue)
            }
        }
        if version >= 2 { writer.writeInt16(errorCode.rawValue) }
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> OffsetFetchResponse {
        try ApiKey.offsetFetch.check(version, in: OffsetFetchRequest.versions)
        let throttle = version >= 3 ? try reader.readInt32() : 0
        let topics = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            Topic(name: try reader.readString(), partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                Partition(partitionIndex: try reader.readInt32(), committedOffset: try reader.readInt64(),
                          committedLeaderEpoch: version >= 5 ? try reader.readInt32() : -1,
                          metadata: try reader.readNullableString(), errorCode: KafkaErrorCode(rawValue: try reader.readInt16()))
            })
        }
        let errorCode = version >= 2 ? KafkaErrorCode(rawValue: try reader.readInt16()) : .none
        try reader.expectEnd()
        return OffsetFetchResponse(throttleTimeMs: throttle, topics: topics, errorCode: errorCode)
    }
}
