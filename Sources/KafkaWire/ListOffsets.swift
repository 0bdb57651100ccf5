/// The ListOffsets request (key 2) at v1–v5: a partition's earliest or latest offset, or the first at a time.
///
/// Fields by version: `isolationLevel` (v2+), `currentLeaderEpoch` (v4+); v5 only promises the
/// client understands OFFSET_NOT_AVAILABLE. Fields a version lacks read back as their defaults.
public struct ListOffsetsRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 1...5
    /// The `timestamp` asking for the log-end offset.
    public static let latestTimestamp: Int64 = -1
    /// The `timestamp` asking for the log-start offset.
    public static let earliestTimestamp: Int64 = -2

    /// What a partition's `timestamp` asks for.
    public enum Lookup: Equatable, Sendable {
        /// The log-end offset (the next offset to be written); timestamp −1.
        case latest
        /// The log-start offset; timestamp −2.
        case earliest
        /// The first offset whose record timestamp is at or after these epoch milliseconds.
        case firstAtOrAfter(Int64)
    }

    /// One partition asked about.
    public struct Partition: Equatable, Sendable {
        /// The partition number.
        public var partitionIndex: Int32
        /// The leader epoch the client knows, or −1 (v4+).
        public var currentLeaderEpoch: Int32
        /// −1 latest, −2 earliest, or epoch milliseconds.
        public var timestamp: Int64

        /// A lookup in `partitionIndex`.
        public init(partitionIndex: Int32, currentLeaderEpoch: Int32 = -1, timestamp: Int64) {
            self.partitionIndex = partitionIndex
            self.currentLeaderEpoch = currentLeaderEpoch
            self.timestamp = timestamp
        }

        /// What `timestamp` asks for (other negative values count as times before any record).
        public var lookup: Lookup {
            switch timestamp {
            case ListOffsetsRequest.latestTimestamp: .latest
            case ListOffsetsRequest.earliestTimestamp: .earliest
            default: .firstAtOrAfter(timestamp)
            }
        }
    }

    /// The partitions asked about in one topic.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var name: String
        /// The partitions asked about.
        public var partitions: [Partition]

        /// A topic with `partitions`.
        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    /// −1 for a consumer.
    public var replicaId: Int32
    /// 0 READ_UNCOMMITTED, 1 READ_COMMITTED (v2+).
    public var isolationLevel: Int8
    /// The topics asked about.
    public var topics: [Topic]

    /// A request with the given fields.
    public init(replicaId: Int32 = -1, isolationLevel: Int8 = 0, topics: [Topic]) {
        self.replicaId = replicaId
        self.isolationLevel = isolationLevel
        self.topics = topics
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> ListOffsetsRequest {
        guard versions.contains(version) else { throw .unsupportedVersion(apiKey: ApiKey.listOffsets.rawValue, version: version) }
        var request = ListOffsetsRequest(replicaId: try reader.readInt32(), topics: [])
        if version >= 2 { request.isolationLevel = try reader.readInt8() }
        request.topics = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            Topic(name: try reader.readString(), partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                var partition = Partition(partitionIndex: try reader.readInt32(), timestamp: 0)
                if version >= 4 { partition.currentLeaderEpoch = try reader.readInt32() }
                partition.timestamp = try reader.readInt64()
                return partition
            })
        }
        try reader.expectEnd()
        return request
    }

    /// The request body at `version` (as a client would send it).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeInt32(replicaId)
        if version >= 2 { writer.writeInt8(isolationLevel) }
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.name)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt32(partition.partitionIndex)
                if version >= 4 { writer.writeInt32(partition.currentLeaderEpoch) }
                writer.writeInt64(partition.timestamp)
            }
        }
        return writer.bytes
    }
}
