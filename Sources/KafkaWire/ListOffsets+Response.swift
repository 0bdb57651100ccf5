/// The ListOffsets response at v1–v5: per partition, the offset found and its record's timestamp.
///
/// Fields by version: `throttleTimeMs` (v2+), `leaderEpoch` (v4+).
public struct ListOffsetsResponse: Equatable, Sendable {
    /// The answer for one partition.
    public struct Partition: Equatable, Sendable {
        /// The partition number.
        public var partitionIndex: Int32
        /// NONE, or why no offset was found.
        public var errorCode: KafkaErrorCode
        /// The found record's timestamp, or −1 for an earliest/latest lookup or none found.
        public var timestamp: Int64
        /// The offset found, or −1 when no record is at or after the time asked for.
        public var offset: Int64
        /// The leader epoch of the found record, or −1 (v4+).
        public var leaderEpoch: Int32

        /// The answer for `partitionIndex`.
        public init(partitionIndex: Int32, errorCode: KafkaErrorCode = .none, timestamp: Int64 = -1, offset: Int64,
                    leaderEpoch: Int32 = -1) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.timestamp = timestamp
            self.offset = offset
            self.leaderEpoch = leaderEpoch
        }
    }

    /// The partitions answered in one topic.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var name: String
        /// The partitions answered.
        public var partitions: [Partition]

        /// A topic with `partitions`.
        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    /// Milliseconds the client is throttled (v2+; always 0 here).
    public var throttleTimeMs: Int32
    /// One entry per topic asked about.
    public var topics: [Topic]

    /// A response with the given fields.
    public init(throttleTimeMs: Int32 = 0, topics: [Topic]) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    /// The response body at `version` (one of ``ListOffsetsRequest/versions``).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        if version >= 2 { writer.writeInt32(throttleTimeMs) }
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.name)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt32(partition.partitionIndex)
                writer.writeInt16(partition.errorCode.rawValue)
                writer.writeInt64(partition.timestamp)
                writer.writeInt64(partition.offset)
                if version >= 4 { writer.writeInt32(partition.leaderEpoch) }
            }
        }
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> ListOffsetsResponse {
        guard ListOffsetsRequest.versions.contains(version) else {
            throw .unsupportedVersion(apiKey: ApiKey.listOffsets.rawValue, version: version)
        }
        let throttle = version >= 2 ? try reader.readInt32() : 0
        let topics = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            Topic(name: try reader.readString(), partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                var partition = Partition(
                    partitionIndex: try reader.readInt32(), errorCode: KafkaErrorCode(rawValue: try reader.readInt16()),
                    timestamp: try reader.readInt64(), offset: try reader.readInt64())
                if version >= 4 { partition.leaderEpoch = try reader.readInt32() }
                return partition
            })
        }
        try reader.expectEnd()
        return ListOffsetsResponse(throttleTimeMs: throttle, topics: topics)
    }
}
