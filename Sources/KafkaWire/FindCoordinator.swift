/// The FindCoordinator request (key 10) at v0–v2: which broker coordinates a group.
public struct FindCoordinatorRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 0...2

    /// The group id (or transactional id when `keyType` is 1).
    public var key: String
    /// 0 = group, 1 = transaction (v1+; v0 always means group).
    public var keyType: Int8

    /// A request for `key`.
    public init(key: String, keyType: Int8 = 0) {
        self.key = key
        self.keyType = keyType
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> FindCoordinatorRequest {
        try ApiKey.findCoordinator.check(version, in: versions)
        let key = try reader.readString()
        let keyType = version >= 1 ? try reader.readInt8() : 0
        try reader.expectEnd()
        return FindCoordinatorRequest(key: key, keyType: keyType)
    }

    /// The request body at `version` (as a client would send it).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeString(key)
        if version >= 1 { writer.writeInt8(keyType) }
        return writer.bytes
    }
}

/// The FindCoordinator response: the coordinator's node, host and port.
public struct FindCoordinatorResponse: Equatable, Sendable {
    /// Milliseconds the client is throttled (v1+).
    public var throttleTimeMs: Int32
    /// NONE, or why there is no coordinator.
    public var errorCode: KafkaErrorCode
    /// A message for the error (v1+).
    public var errorMessage: String?
    /// The coordinator's node id.
    public var nodeId: Int32
    /// The host clients connect to for the group.
    public var host: String
    /// The port clients connect to for the group.
    public var port: Int32

    /// A response naming the coordinator at `host:port`.
    public init(throttleTimeMs: Int32 = 0, errorCode: KafkaErrorCode = .none, errorMessage: String? = nil,
                nodeId: Int32, host: String, port: Int32) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.nodeId = nodeId
        self.host = host
        self.port = port
    }

    /// The response body at `version`.
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        if version >= 1 { writer.writeInt32(throttleTimeMs) }
        writer.writeInt16(errorCode.rawValue)
        if version >= 1 { writer.writeNullableString(errorMessage) }
        writer.writeInt32(nodeId)
        writer.writeString(host)
        writer.writeInt32(port)
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> FindCoordinatorResponse {
        try ApiKey.findCoordinator.check(version, in: FindCoordinatorRequest.versions)
        let throttle = version >= 1 ? try reader.readInt32() : 0
        let errorCode = KafkaErrorCode(rawValue: try reader.readInt16())
        let message = version >= 1 ? try reader.readNullableString() : nil
        let response = FindCoordinatorResponse(
            throttleTimeMs: throttle, errorCode: errorCode, errorMessage: message,
            nodeId: try reader.readInt32(), host: try reader.readString(), port: try reader.readInt32())
        try reader.expectEnd()
        return response
    }
}
