/// The LeaveGroup request (key 13) at v0–v3: one member (v0–v2) or several (v3, by member and
/// instance id) leave the group.
public struct LeaveGroupRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 0...3

    /// A member leaving.
    public struct Member: Equatable, Sendable {
        /// The member's id.
        public var memberId: String
        /// Its `group.instance.id` (v3+).
        public var groupInstanceId: String?

        /// The member `memberId`.
        public init(memberId: String, groupInstanceId: String? = nil) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
        }
    }

    /// The group id.
    public var groupId: String
    /// The members leaving: exactly one below v3.
    public var members: [Member]

    /// A request for `members` to leave `groupId`.
    public init(groupId: String, members: [Member]) {
        self.groupId = groupId
        self.members = members
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> LeaveGroupRequest {
        try ApiKey.leaveGroup.check(version, in: versions)
        let groupId = try reader.readString()
        let members: [Member]
        if version >= 3 {
            members = try reader.readArray { (reader: inout WireReader) throws(WireError) in
                Member(memberId: try reader.readString(), groupInstanceId: try reader.readNullableString())
            }
        } else {
            members = [Member(memberId: try reader.readString())]
        }
        try reader.expectEnd()
        return LeaveGroupRequest(groupId: groupId, members: members)
    }

    /// The request body at `version` (as a client would send it; below v3 only the first member).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeString(groupId)
        if version >= 3 {
            writer.writeNullableArray(members) { writer, member in
                writer.writeString(member.memberId)
                writer.writeNullableString(member.groupInstanceId)
            }
        } else {
            writer.writeString(members.first?.memberId ?? "")
        }
        return writer.bytes
    }
}

/// The LeaveGroup response: an error code, and from v3 one per member.
public struct LeaveGroupResponse: Equatable, Sendable {
    /// One member's answer (v3+).
    public struct Member: Equatable, Sendable {
        /// The member's id.
        public var memberId: String
        /// Its `group.instance.id`.
        public var groupInstanceId: String?
        /// NONE or UNKNOWN_MEMBER_ID.
        public var errorCode: KafkaErrorCode

        /// The answer for `memberId`.
        public init(memberId: String, groupInstanceId: String? = nil, errorCode: KafkaErrorCode) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.errorCode = errorCode
        }
    }

    /// Milliseconds the client is throttled (v1+).
    public var throttleTimeMs: Int32
    /// The request's error (below v3, the one member's).
    public var errorCode: KafkaErrorCode
    /// Each member's answer (v3+).
    public var members: [Member]

    /// A response with the given fields.
    public init(throttleTimeMs: Int32 = 0, errorCode: KafkaErrorCode, members: [Member] = []) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.members = members
    }

    /// The response body at `version`.
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        if version >= 1 { writer.writeInt32(throttleTimeMs) }
        writer.writeInt16(errorCode.rawValue)
        if version >= 3 {
            writer.writeNullableArray(members) { writer, member in
                writer.writeString(member.memberId)
                writer.writeNullableString(member.groupInstanceId)
                writer.writeInt16(member.errorCode.rawValue)
            }
        }
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> LeaveGroupResponse {
        try ApiKey.leaveGroup.check(version, in: LeaveGroupRequest.versions)
        let throttle = version >= 1 ? try reader.readInt32() : 0
        let errorCode = KafkaErrorCode(rawValue: try reader.readInt16())
        let members = version >= 3
            ? try reader.readArray { (reader: inout WireReader) throws(WireError) in
                Member(memberId: try reader.readString(), groupInstanceId: try reader.readNullableString(),
                       errorCode: KafkaErrorCode(rawValue: try reader.readInt16()))
            } : []
        try reader.expectEnd()
        return LeaveGroupResponse(throttleTimeMs: throttle, errorCode: errorCode, members: members)
    }
}
