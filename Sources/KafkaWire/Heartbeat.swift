/// The Heartbeat request (key 12) at v0–v3: a member says it is alive in `generationId`.
public struct HeartbeatRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 0...3

    /// The group id.
    public var groupId: String
    /// The generation the member believes current.
    public var generationId: Int32
    /// The member's id.
    public var memberId: String
    /// `group.instance.id` of a static member (v3+).
    public var groupInstanceId: String?

    /// A request with the given fields.
    public init(groupId: String, generationId: Int32, memberId: String, groupInstanceId: String? = nil) {
        self.groupId = groupId
        self.generationId = generationId
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> HeartbeatRequest {
        try ApiKey.heartbeat.check(version, in: versions)
        let request = HeartbeatRequest(
            groupId: try reader.readString(), generationId: try reader.readInt32(), memberId: try reader.readString(),
            groupInstanceId: version >= 3 ? try reader.readNullableString() : nil)
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
        return writer.bytes
    }
}

/// The Heartbeat response: REBALANCE_IN_PROGRESS asks the member to rejoin.
public struct HeartbeatResponse: Equatable, Sendable {
    /// Milliseconds the client is throttled (v1+).
    public var throttleTimeMs: Int32
    /// NONE, REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION or UNKNOWN_MEMBER_ID.
    public var errorCode: KafkaErrorCode

    /// A response with `errorCode`.
    public init(throttleTimeMs: Int32 = 0, errorCode: KafkaErrorCode) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
    }

    /// The response body at `version`.
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        if version >= 1 { writer.writeInt32(throttleTimeMs) }
        writer.writeInt16(errorCode.rawValue)
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> HeartbeatResponse {
        try ApiKey.heartbeat.check(version, in: HeartbeatRequest.versions)
        let response = HeartbeatResponse(
            throttleTimeMs: version >= 1 ? try reader.readInt32() : 0, errorCode: KafkaErrorCode(rawValue: try reader.readInt16()))
        try reader.expectEnd()
        return response
    }
}
