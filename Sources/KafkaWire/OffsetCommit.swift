/// The OffsetCommit request (key 8) at v2–v7: a member commits offsets under its generation.
public struct OffsetCommitRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 2...7

    /// One partition's commit.
    public struct Partition: Equatable, Sendable {
        /// The partition number.
        public var partitionIndex: Int32
        /// The offset of the next record to consume.
        public var committedOffset: Int64
        /// The leader epoch of the last consumed record (v6+; −1 = unknown).
        public var committedLeaderEpoch: Int32
        /// The client's metadata string.
        public var committedMetadata: String?

        /// A commit of `committedOffset` for `partitionIndex`.
        public init(partitionIndex: Int32, committedOffset: Int64, committedLeaderEpoch: Int32 = -1, committedMetadata: String? = "") {
            self.partitionIndex = partitionIndex
            self.committedOffset = committedOffset
            self.committedLeaderEpoch = committedLeaderEpoch
            self.committedMetadata = committedMetadata
        }
    }

    /// One topic's commits.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var name: String
        /// Its partitions' commits.
        public var partitions: [Partition]

        /// Commits for `partitions` of `name`.
        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    /// The group id.
    public var groupId: String
    /// The generation the member joined (−1 for a commit from outside the group).
    public var generationId: Int32
    /// The member's id ("" from outside the group).
    public var memberId: String
    /// `group.instance.id` of a static member (v7+).
    public var groupInstanceId: String?
    /// How long to keep the offsets (v2–v4; −1 = the broker's default).
    public var retentionTimeMs: Int64
    /// The commits, by topic.
    public var topics: [Topic]

    /// A request with the given fields.
    public init(groupId: String, generationId: Int32, memberId: String, groupInstanceId: String? = nil,
                retentionTimeMs: Int64 = -1, topics: [Topic]) {
        self.groupId = groupId
        self.generationId = generationId
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.retentionTimeMs = retentionTimeMs
        self.topics = topics
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> OffsetCommitRequest {
        try ApiKey.offsetCommit.check(version, in: versions)
        let request = OffsetCommitRequest(
            groupId: try reader.readString(), generationId: try reader.readInt32(), memberId: try reader.readString(),
            groupInstanceId: version >= 7 ? try reader.readNullableString() : nil,
            retentionTimeMs: version <= 4 ? try reader.readInt64() : -1,
            topics: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                Topic(name: try reader.readString(), partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                    Partition(partitionIndex: try reader.readInt32(), committedOffset: try reader.readInt64(),
                              committedLeaderEpoch: version >= 6 ? try reader.readInt32() : -1,
                              committedMetadata: try reader.readNullableString())
                })
            })
        try reader.expectEnd()
        return request
    }

    /// The request body at `version` (as a client would send it).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeString(groupId)
        writer.writeInt32(generationId)
        writer.writeString(memberId)
        if version >= 7 { writer.writeNullableString(groupInstanceId) }
        if version <= 4 { writer.writeInt64(retentionTimeMs) }
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.name)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt32(partition.partitionIndex)
                writer.writeInt64(partition.committedOffset)
                if version >= 6 { writer.writeInt32(partition.committedLeaderEpoch) }
                writer.writeNullableString(partition.committedMetadata)
            }
        }
        return writer.bytes
    }
}

/// The OffsetCommit response: an error code per partition.
public struct OffsetCommitResponse: Equatable, Sendable {
    /// One partition's answer.
    public struct Partition: Equatable, Sendable {
        /// The partition number.
        public var partitionIndex: Int32
        /// NONE, or why the commit was refused.
        public var errorCode: KafkaErrorCode

        /// The answer for `partitionIndex`.
        public init(partitionIndex: Int32, errorCode: KafkaErrorCode) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
        }
    }

    /// One topic's answers.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var name: String
        /// Its partitions' answers.
        public var partitions: [Partition]

        /// Answers for `partitions` of `name`.
        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    /// Milliseconds the client is throttled (v3+).
    public var throttleTimeMs: Int32
    /// The answers, by topic.
    public var topics: [Topic]

    /// A response with the given fields.
    public init(throttleTimeMs: Int32 = 0, topics: [Topic]) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    /// The response body at `version`.
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        if version >= 3 { writer.writeInt32(throttleTimeMs) }
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.name)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt32(partition.partitionIndex)
                writer.writeInt16(partition.errorCode.rawValue)
            }
        }
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> OffsetCommitResponse {
        try ApiKey.offsetCommit.check(version, in: OffsetCommitRequest.versions)
        let response = OffsetCommitResponse(
            throttleTimeMs: version >= 3 ? try reader.readInt32() : 0,
            topics: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                Topic(name: try reader.readString(), partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                    Partition(partitionIndex: try reader.readInt32(), errorCode: KafkaErrorCode(rawValue: try reader.readInt16()))
                })
            })
        try reader.expectEnd()
        return response
    }
}
