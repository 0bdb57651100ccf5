/// The Fetch request (key 1) at v4–v11: the offsets a consumer reads from, and how long it may wait.
///
/// Fields by version: `isolationLevel` (v4+), `logStartOffset` (v5+), `sessionId`,
/// `sessionEpoch` and `forgottenTopicsData` (v7+), `currentLeaderEpoch` (v9+), `rackId` (v11+).
/// Fields a version lacks are not written, and read back as their defaults.
public struct FetchRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 4...11

    /// Where to read one partition from.
    public struct Partition: Equatable, Sendable {
        /// The partition number.
        public var partition: Int32
        /// The leader epoch the client knows, or −1 to skip the fencing check (v9+).
        public var currentLeaderEpoch: Int32
        /// The first offset wanted.
        public var fetchOffset: Int64
        /// A follower's log start offset; −1 from consumers (v5+).
        public var logStartOffset: Int64
        /// The most bytes wanted from this partition.
        public var partitionMaxBytes: Int32

        /// A read of `partition` from `fetchOffset`.
        public init(partition: Int32, currentLeaderEpoch: Int32 = -1, fetchOffset: Int64, logStartOffset: Int64 = -1,
                    partitionMaxBytes: Int32) {
            self.partition = partition
            self.currentLeaderEpoch = currentLeaderEpoch
            self.fetchOffset = fetchOffset
            self.logStartOffset = logStartOffset
            self.partitionMaxBytes = partitionMaxBytes
        }
    }

    /// The partitions read in one topic.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var topic: String
        /// The partitions read.
        public var partitions: [Partition]

        /// A topic with `partitions`.
        public init(topic: String, partitions: [Partition]) {
            self.topic = topic
            self.partitions = partitions
        }
    }

    /// Partitions an incremental fetch session stops tracking (v7+, KIP-227).
    public struct ForgottenTopic: Equatable, Sendable {
        /// The topic's name.
        public var topic: String
        /// The partitions forgotten.
        public var partitions: [Int32]

        /// Forgets `partitions` of `topic`.
        public init(topic: String, partitions: [Int32]) {
            self.topic = topic
            self.partitions = partitions
        }
    }

    /// −1 for a consumer; a broker id for a follower.
    public var replicaId: Int32
    /// Milliseconds the broker may wait for `minBytes` to arrive.
    public var maxWaitMs: Int32
    /// The fewest bytes worth answering with before `maxWaitMs` runs out.
    public var minBytes: Int32
    /// The most bytes wanted in the whole response.
    public var maxBytes: Int32
    /// 0 READ_UNCOMMITTED, 1 READ_COMMITTED (v4+).
    public var isolationLevel: Int8
    /// The fetch session id: 0 to ask for a new session or for none (v7+).
    public var sessionId: Int32
    /// The fetch session epoch: −1 for a full fetch outside a session (v7+).
    public var sessionEpoch: Int32
    /// The topics read.
    public var topics: [Topic]
    /// Partitions the session stops tracking (v7+).
    public var forgottenTopicsData: [ForgottenTopic]
    /// The consumer's rack, for follower fetching (v11+; empty when unset).
    public var rackId: String

    /// A request with the given fields; the session, isolation and rack fields default to a plain consumer's.
    public init(replicaId: Int32 = -1, maxWaitMs: Int32, minBytes: Int32, maxBytes: Int32 = .max, isolationLevel: Int8 = 0,
                sessionId: Int32 = 0, sessionEpoch: Int32 = -1, topics: [Topic], forgottenTopicsData: [ForgottenTopic] = [],
                rackId: String = "") {
        self.replicaId = replicaId
        self.maxWaitMs = maxWaitMs
        self.minBytes = minBytes
        self.maxBytes = maxBytes
        self.isolationLevel = isolationLevel
        self.sessionId = sessionId
        self.sessionEpoch = sessionEpoch
        self.topics = topics
        self.forgottenTopicsData = forgottenTopicsData
        self.rackId = rackId
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> FetchRequest {
        guard versions.contains(version) else { throw .unsupportedVersion(apiKey: ApiKey.fetch.rawValue, version: version) }
        var request = FetchRequest(replicaId: try reader.readInt32(), maxWaitMs: try reader.readInt32(),
                                   minBytes: try reader.readInt32(), maxBytes: try reader.readInt32(),
                                   isolationLevel: try reader.readInt8(), topics: [])
        if version >= 7 {
            request.sessionId = try reader.readInt32()
            request.sessionEpoch = try reader.readInt32()
        }
        request.topics = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            Topic(topic: try reader.readString(), partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                var partition = Partition(partition: try reader.readInt32(), fetchOffset: 0, partitionMaxBytes: 0)
                if version >= 9 { partition.currentLeaderEpoch = try reader.readInt32() }
                partition.fetchOffset = try reader.readInt64()
                if version >= 5 { partition.logStartOffset = try reader.readInt64() }
                partition.partitionMaxBytes = try reader.readInt32()
                return partition
            })
        }
        if version >= 7 {
            request.forgottenTopicsData = try reader.readArray { (reader: inout WireReader) throws(WireError) in
                ForgottenTopic(topic: try reader.readString(), partitions: try reader.readInt32Array())
            }
        }
        if version >= 11 { request.rackId = try reader.readString() }
        try reader.expectEnd()
        return request
    }

    /// The request body at `version` (as a client would send it).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeInt32(replicaId)
        writer.writeInt32(maxWaitMs)
        writer.writeInt32(minBytes)
        writer.writeInt32(maxBytes)
        writer.writeInt8(isolationLevel)
        if version >= 7 {
            writer.writeInt32(sessionId)
            writer.writeInt32(sessionEpoch)
        }
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.topic)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt32(partition.partition)
                if version >= 9 { writer.writeInt32(partition.currentLeaderEpoch) }
                writer.writeInt64(partition.fetchOffset)
                if version >= 5 { writer.writeInt64(partition.logStartOffset) }
                writer.writeInt32(partition.partitionMaxBytes)
            }
        }
        if version >= 7 {
            writer.writeNullableArray(forgottenTopicsData) { writer, forgotten in
                writer.writeString(forgotten.topic)
                writer.writeNullableArray(forgotten.partitions) { $0.writeInt32($1) }
            }
        }
        if version >= 11 { writer.writeString(rackId) }
        return writer.bytes
    }
}
