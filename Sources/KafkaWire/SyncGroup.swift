/// The SyncGroup request (key 14) at v0–v3: the leader hands in every member's assignment;
/// followers send none and wait for theirs.
public struct SyncGroupRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 0...3

    /// One member's assignment bytes (for "consumer", a ``ConsumerProtocolAssignment``).
    public struct Assignment: Equatable, Sendable {
        /// The member the assignment is for.
        public var memberId: String
        /// Its assignment bytes.
        public var assignment: [UInt8]

        /// `assignment` for `memberId`.
        public init(memberId: String, assignment: [UInt8]) {
            self.memberId = memberId
            self.assignment = assignment
        }
    }

    /// The group id.
    public var groupId: String
    /// The generation the member joined.
    public var generationId: Int32
    /// The member's id.
    public var memberId: String
    /// `group.instance.id` of a static member (v3+).
    public var groupInstanceId: String?
    /// The leader's assignments; empty from followers.
    public var assignments: [Assignment]

    /// A request with the given fields.
    public init(groupId: String, generationId: Int32, memberId: String, groupInstanceId: String? = nil,
                assignments: [Assignment] = []) {
        self.groupId = groupId
        self.generationId = generationId
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.assignments = assignments
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> SyncGroupRequest {
        try ApiKey.syncGroup.check(version, in: versions)
        let request = SyncGroupRequest(
            groupId: try reader.readString(), generationId: try reader.readInt32(), memberId: try reader.readString(),
            groupInstanceId: version >= 3 ? try reader.readNullableString() : nil,
            assignments: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                Assignment(memberId: try reader.readString(), assignment: try reader.readBytes())
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
        if version >= 3 { writer.writeNullableString(groupInstanceId) }
        writer.writeNullableArray(assignments) { writer, item in
            writer.writeString(item.memberId)
            writer.writeNullableBytes(item.assignment)
        }
        return writer.bytes
    }
}

/// The SyncGroup response: this member's assignment bytes.
public struct SyncGroupResponse: Equatable, Sendable {
    /// Milliseconds the client is throttled (v1+).
    public var throttleTimeMs: Int32
    /// NONE, or why the sync failed.
    public var errorCode: KafkaErrorCode
    /// The member's assignment bytes (empty on an error).
    public var assignment: [UInt8]

    /// A response with the given fields.
    public init(throttleTimeMs: Int32 = 0, errorCode: KafkaErrorCode = .none, assignment: [UInt8]) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.assignment = assignment
    }

    /// The response body at `version`.
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        if version >= 1 { writer.writeInt32(throttleTimeMs) }
        writer.writeInt16(errorCode.rawValue)
        writer.writeNullableBytes(assignment)
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> SyncGroupResponse {
        try ApiKey.syncGroup.check(version, in: SyncGroupRequest.versions)
        let response = SyncGroupResponse(
            throttleTimeMs: version >= 1 ? try reader.readInt32() : 0, errorCode: KafkaErrorCode(rawValue: try reader.readInt16()),
            assignment: try reader.readBytes())
        try reader.expectEnd()
        return response
    }
}
