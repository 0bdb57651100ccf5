/// Partitions of one topic, as the consumer protocol lists them (owned or assigned partitions).
public struct ConsumerProtocolTopic: Equatable, Sendable {
    /// The topic's name.
    public var topic: String
    /// The partition numbers.
    public var partitions: [Int32]

    /// `partitions` of `topic`.
    public init(topic: String, partitions: [Int32]) {
        self.topic = topic
        self.partitions = partitions
    }

    static func read(from reader: inout WireReader) throws(WireError) -> ConsumerProtocolTopic {
        ConsumerProtocolTopic(topic: try reader.readString(), partitions: try reader.readInt32Array())
    }

    func write(into writer: inout WireWriter) {
        writer.writeString(topic)
        writer.writeNullableArray(partitions) { $0.writeInt32($1) }
    }
}

/// A consumer's JoinGroup protocol metadata: its subscription, user data and (v1+) the
/// partitions it owns.
///
/// v0 and v1 are read and written; v2 (generation) and v3 (rack) are read as Kafka reads a
/// newer version: the fields it knows, the rest ignored.
public struct ConsumerProtocolSubscription: Equatable, Sendable {
    /// The version written first in the bytes.
    public var version: Int16
    /// The subscribed topics.
    public var topics: [String]
    /// The assignor's user data.
    public var userData: [UInt8]?
    /// The partitions the member owns (v1+), for sticky and cooperative assignors.
    public var ownedPartitions: [ConsumerProtocolTopic]

    /// A subscription to `topics`.
    public init(version: Int16 = 1, topics: [String], userData: [UInt8]? = nil, ownedPartitions: [ConsumerProtocolTopic] = []) {
        self.version = version
        self.topics = topics
        self.userData = userData
        self.ownedPartitions = ownedPartitions
    }

    /// Reads subscription bytes (a JoinGroup protocol's metadata).
    public static func decode(_ bytes: [UInt8]) throws(WireError) -> ConsumerProtocolSubscription {
        var reader = WireReader(bytes)
        let start = reader.offset
        let version = try reader.readInt16()
        guard version >= 0 else { throw .invalidLength(Int64(version), at: start) }
        let topics = try reader.readArray { (reader: inout WireReader) throws(WireError) in try reader.readString() }
        let userData = try reader.readNullableBytes()
        let owned = version >= 1 ? try reader.readArray(ConsumerProtocolTopic.read) : []
        if version <= 1 { try reader.expectEnd() }
        return ConsumerProtocolSubscription(version: version, topics: topics, userData: userData, ownedPartitions: owned)
    }

    /// The subscription bytes at ``version`` (0 or 1).
    public func encoded() -> [UInt8] {
        var writer = WireWriter()
        writer.writeInt16(version)
        writer.writeNullableArray(topics) { $0.writeString($1) }
        writer.writeNullableBytes(userData)
        if version >= 1 { writer.writeNullableArray(ownedPartitions) { $1.write(into: &$0) } }
        return writer.bytes
    }
}

/// A consumer's assignment, as the leader's SyncGroup carries it and the member receives it.
///
/// Every version (0–3) has the same fields; bytes after them in a newer version are ignored,
/// and empty bytes mean no assignment (what a broker answers a member the leader left out).
public struct ConsumerProtocolAssignment: Equatable, Sendable {
    /// The version written first in the bytes.
    public var version: Int16
    /// The assigned partitions.
    public var partitions: [ConsumerProtocolTopic]
    /// The assignor's user data.
    public var userData: [UInt8]?

    /// An assignment of `partitions`.
    public init(version: Int16 = 1, partitions: [ConsumerProtocolTopic], userData: [UInt8]? = nil) {
        self.version = version
        self.partitions = partitions
        self.userData = userData
    }

    /// Reads assignment bytes (a SyncGroup assignment).
    public static func decode(_ bytes: [UInt8]) throws(WireError) -> ConsumerProtocolAssignment {
        if bytes.isEmpty { return ConsumerProtocolAssignment(version: 0, partitions: []) }
        var reader = WireReader(bytes)
        let start = reader.offset
        let version = try reader.readInt16()
        guard version >= 0 else { throw .invalidLength(Int64(version), at: start) }
        let partitions = try reader.readArray(ConsumerProtocolTopic.read)
        let userData = try reader.readNullableBytes()
        if version <= 1 { try reader.expectEnd() }
        return ConsumerProtocolAssignment(version: version, partitions: partitions, userData: userData)
    }

    /// The assignment bytes.
    public func encoded() -> [UInt8] {
        var writer = WireWriter()
        writer.writeInt16(version)
        writer.writeNullableArray(partitions) { $1.write(into: &$0) }
        writer.writeNullableBytes(userData)
        return writer.bytes
    }
}
