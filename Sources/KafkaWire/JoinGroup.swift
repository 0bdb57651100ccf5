/// The JoinGroup request (key 11) at v2–v5: a member joins (or rejoins) a group with the
/// protocols (assignors) it supports, each with its metadata bytes.
public struct JoinGroupRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 2...5

    /// One protocol the member supports: its name and its metadata (for "consumer", a
    /// ``ConsumerProtocolSubscription``).
    public struct GroupProtocol: Equatable, Sendable {
        /// The protocol's name (an assignor such as "range").
        public var name: String
        /// The protocol's metadata bytes.
        public var metadata: [UInt8]

        /// A protocol named `name` with `metadata`.
        public init(name: String, metadata: [UInt8]) {
            self.name = name
            self.metadata = metadata
        }
    }

    /// The group id.
    public var groupId: String
    /// `session.timeout.ms`.
    public var sessionTimeoutMs: Int32
    /// How long the coordinator waits for members to rejoin (`max.poll.interval.ms`).
    public var rebalanceTimeoutMs: Int32
    /// The member id: "" on a first join.
    public var memberId: String
    /// `group.instance.id` of a static member (v5+).
    public var groupInstanceId: String?
    /// "consumer" for Kafka consumers.
    public var protocolType: String
    /// The supported protocols, most preferred first.
    public var protocols: [GroupProtocol]

    /// A request with the given fields.
    public init(groupId: String, sessionTimeoutMs: Int32, rebalanceTimeoutMs: Int32, memberId: String,
                groupInstanceId: String? = nil, protocolType: String = "consumer", protocols: [GroupProtocol]) {
        self.groupId = groupId
        self.sessionTimeoutMs = sessionTimeoutMs
        self.rebalanceTimeoutMs = rebalanceTimeoutMs
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.protocolType = protocolType
        self.protocols = protocols
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> JoinGroupRequest {
        try ApiKey.joinGroup.check(version, in: versions)
        let request = JoinGroupRequest(
            groupId: try reader.readString(), sessionTimeoutMs: try reader.readInt32(),
            rebalanceTimeoutMs: try reader.readInt32(), memberId: try reader.readString(),
            groupInstanceId: version >= 5 ? try reader.readNullableString() : nil, protocolType: try reader.readString(),
            protocols: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                GroupProtocol(name: try reader.readString(), metadata: try reader.readBytes())
            })
        try reader.expectEnd()
        return request
    }

    /// The request body at `version` (as a client would send it).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeString(groupId)
        writer.writeInt32(sessionTimeoutMs)
        writer.writeInt32(rebalanceTimeoutMs)
        writer.writeString(memberId)
        if version >= 5 { writer.writeNullableString(groupInstanceId) }
        writer.writeString(protocolType)
        writer.writeNullableArray(protocols) { writer, item in
            writer.writeString(item.name)
            writer.writeNullableBytes(item.metadata)
        }
        return writer.bytes
    }
}

/// The JoinGroup response: the generation, the chosen protocol, the leader, and — for the leader
/// only — every member's metadata.
public struct JoinGroupResponse: Equatable, Sendable {
    /// One member as the leader sees it.
    public struct Member: Equatable, Sendable {
        /// The member's id.
        public var memberId: String
        /// Its `group.instance.id` (v5+).
        public var groupInstanceId: String?
        /// Its metadata for the chosen protocol.
        public var metadata: [UInt8]

        /// A member with `metadata`.
        public init(memberId: String, groupInstanceId: String? = nil, metadata: [UInt8]) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.metadata = metadata
        }
    }

    /// Milliseconds the client is throttled (v2+).
    public var throttleTimeMs: Int32
    /// NONE, or why the join failed.
    public var errorCode: KafkaErrorCode
    /// The generation the member joined (−1 on an error).
    public var generationId: Int32
    /// The protocol the group chose ("" on an error).
    public var protocolName: String
    /// The leader's member id.
    public var leader: String
    /// This member's id.
    public var memberId: String
    /// Every member, for the leader; empty for followers.
    public var members: [Member]

    /// A response with the given fields.
    public init(throttleTimeMs: Int32 = 0, errorCode: KafkaErrorCode = .none, generationId: Int32, protocolName: String,
                leader: String, memberId: String, members: [Member] = []) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.generationId = generationId
        self.protocolName = protocolName
        self.leader = leader
        self.memberId = memberId
        self.members = members
    }

    /// An error answer: generation −1, no protocol, no leader.
    public static func failure(_ errorCode: KafkaErrorCode, memberId: String = "") -> JoinGroupResponse {
        JoinGroupResponse(errorCode: errorCode, generationId: -1, protocolName: "", leader: "", memberId: memberId)
    }

    /// The response body at `version`.
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeInt32(throttleTimeMs)
        writer.writeInt16(errorCode.rawValue)
        writer.writeInt32(generationId)
        writer.writeString(protocolName)
        writer.writeString(leader)
        writer.writeString(memberId)
        writer.writeNullableArray(members) { writer, member in
            writer.writeString(member.memberId)
            if version >= 5 { writer.writeNullableString(member.groupInstanceId) }
            writer.writeNullableBytes(member.metadata)
        }
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> JoinGroupResponse {
        try ApiKey.joinGroup.check(version, in: JoinGroupRequest.versions)
        let response = JoinGroupResponse(
            throttleTimeMs: try reader.readInt32(), errorCode: KafkaErrorCode(rawValue: try reader.readInt16()),
            generationId: try reader.readInt32(), protocolName: try reader.readString(), leader: try reader.readString(),
            memberId: try reader.readString(),
            members: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                Member(memberId: try reader.readString(), groupInstanceId: version >= 5 ? try reader.readNullableString() : nil,
                       metadata: try reader.readBytes())
            })
        try reader.expectEnd()
        return response
    }
}
