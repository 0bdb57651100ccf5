/// The CreateTopics response at v0–v4: per topic, NONE or why it was not created.
///
/// Fields by version: `throttleTimeMs` (v2+), `errorMessage` (v1+).
public struct CreateTopicsResponse: Equatable, Sendable {
    /// The outcome for one topic.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var name: String
        /// NONE, or why it was not created (TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS, …).
        public var errorCode: KafkaErrorCode
        /// A message for the error, or `nil` (v1+).
        public var errorMessage: String?

        /// The outcome for `name`.
        public init(name: String, errorCode: KafkaErrorCode = .none, errorMessage: String? = nil) {
            self.name = name
            self.errorCode = errorCode
            self.errorMessage = errorMessage
        }
    }

    /// Milliseconds the client is throttled (v2+; always 0 here).
    public var throttleTimeMs: Int32
    /// One entry per topic asked for.
    public var topics: [Topic]

    /// A response with the given fields.
    public init(throttleTimeMs: Int32 = 0, topics: [Topic]) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    /// The response body at `version` (one of ``CreateTopicsRequest/versions``).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        if version >= 2 { writer.writeInt32(throttleTimeMs) }
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.name)
            writer.writeInt16(topic.errorCode.rawValue)
            if version >= 1 { writer.writeNullableString(topic.errorMessage) }
        }
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> CreateTopicsResponse {
        guard CreateTopicsRequest.versions.contains(version) else {
            throw .unsupportedVersion(apiKey: ApiKey.createTopics.rawValue, version: version)
        }
        let throttle = version >= 2 ? try reader.readInt32() : 0
        let topics = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            Topic(name: try reader.readString(), errorCode: KafkaErrorCode(rawValue: try reader.readInt16()),
                  errorMessage: version >= 1 ? try reader.readNullableString() : nil)
        }
        try reader.expectEnd()
        return CreateTopicsResponse(throttleTimeMs: throttle, topics: topics)
    }
}
