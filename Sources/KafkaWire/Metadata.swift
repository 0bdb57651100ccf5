/// The Metadata request (key 3) at v1–v8: the topics asked about, or `nil` for every topic.
///
/// Fields by version: `allowAutoTopicCreation` (v4+; earlier versions always allow it),
/// `includeClusterAuthorizedOperations` and `includeTopicAuthorizedOperations` (v8+).
public struct MetadataRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 1...8

    /// Topic names, or `nil` (a null array) for all topics.
    public var topics: [String]?
    /// Whether the broker may create a topic asked about that does not exist (v4+).
    public var allowAutoTopicCreation: Bool
    /// Whether to answer the client's cluster ACL operations (v8+).
    public var includeClusterAuthorizedOperations: Bool
    /// Whether to answer the client's ACL operations per topic (v8+).
    public var includeTopicAuthorizedOperations: Bool

    /// A request for `topics` (`nil` = all).
    public init(topics: [String]?, allowAutoTopicCreation: Bool = true, includeClusterAuthorizedOperations: Bool = false,
                includeTopicAuthorizedOperations: Bool = false) {
        self.topics = topics
        self.allowAutoTopicCreation = allowAutoTopicCreation
        self.includeClusterAuthorizedOperations = includeClusterAuthorizedOperations
        self.includeTopicAuthorizedOperations = includeTopicAuthorizedOperations
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> MetadataRequest {
        guard versions.contains(version) else { throw .unsupportedVersion(apiKey: ApiKey.metadata.rawValue, version: version) }
        var request = MetadataRequest(
            topics: try reader.readNullableArray { (reader: inout WireReader) throws(WireError) in try reader.readString() })
        if version >= 4 { request.allowAutoTopicCreation = try reader.readBool() }
        if version >= 8 {
            request.includeClusterAuthorizedOperations = try reader.readBool()
            request.includeTopicAuthorizedOperations = try reader.readBool()
        }
        try reader.expectEnd()
        return request
    }

    /// The request body at `version` (as a client would send it).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeNullableArray(topics) { $0.writeString($1) }
        if version >= 4 { writer.writeBool(allowAutoTopicCreation) }
        if version >= 8 {
            writer.writeBool(includeClusterAuthorizedOperations)
            writer.writeBool(includeTopicAuthorizedOperations)
        }
        return writer.bytes
    }
}
