/// The Produce response at v3–v8: per partition, the base offset given or an error.
///
/// Fields by version: `logAppendTimeMs` (v2+), `logStartOffset` (v5+), `recordErrors` and
/// `errorMessage` (v8+); fields a version lacks are not written, and read back as their defaults.
public struct ProduceResponse: Equatable, Sendable {
    /// One record that made its batch fail (v8+, KIP-467).
    public struct RecordError: Equatable, Sendable {
        /// The record's index within its batch.
        public var batchIndex: Int32
        /// Why that record was refused, or `nil`.
        public var message: String?

        /// The error for record `batchIndex`.
        public init(batchIndex: Int32, message: String?) {
            self.batchIndex = batchIndex
            self.message = message
        }
    }

    /// The outcome for one partition.
    public struct Partition: Equatable, Sendable {
        /// The partition number.
        public var index: Int32
        /// NONE, or why the batch was not appended.
        public var errorCode: KafkaErrorCode
        /// The offset given to the first record appended (−1 on error).
        public var baseOffset: Int64
        /// The append time when the topic uses LogAppendTime, else −1 (v2+).
        public var logAppendTimeMs: Int64
        /// The partition's first offset after the append (v5+; −1 when unknown).
        public var logStartOffset: Int64
        /// The records that made the batch fail (v8+).
        public var recordErrors: [RecordError]
        /// A message for the whole batch's error, or `nil` (v8+).
        public var errorMessage: String?

        /// The outcome for partition `index`; the optional fields default to Kafka's "none" values.
        public init(index: Int32, errorCode: KafkaErrorCode = .none, baseOffset: Int64, logAppendTimeMs: Int64 = -1,
                    logStartOffset: Int64 = -1, recordErrors: [RecordError] = [], errorMessage: String? = nil) {
            self.index = index
            self.errorCode = errorCode
            self.baseOffset = baseOffset
            self.logAppendTimeMs = logAppendTimeMs
            self.logStartOffset = logStartOffset
            self.recordErrors = recordErrors
            self.errorMessage = errorMessage
        }
    }

    /// The partitions answered in one topic.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var name: String
        /// The partitions answered.
        public var partitions: [Partition]

        /// A topic with `partitions`.
        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    /// One entry per topic of the request.
    public var topics: [Topic]
    /// Milliseconds the client is throttled (always 0 here).
    public var throttleTimeMs: Int32

    /// A response with the given fields.
    public init(topics: [Topic], throttleTimeMs: Int32 = 0) {
        self.topics = topics
        self.throttleTimeMs = throttleTimeMs
    }

    /// The response body at `version` (one of ``ProduceRequest/versions``).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.name)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt32(partition.index)
                writer.writeInt16(partition.errorCode.rawValue)
                writer.writeInt64(partition.baseOffset)
                if version >= 2 { writer.writeInt64(partition.logAppendTimeMs) }
                if version >= 5 { writer.writeInt64(partition.logStartOffset) }
                if version >= 8 {
                    writer.writeNullableArray(partition.recordErrors) { writer, error in
                        writer.writeInt32(error.batchIndex)
                        writer.writeNullableString(error.message)
                    }
                    writer.writeNullableString(partition.errorMessage)
                }
            }
        }
        writer.writeInt32(throttleTimeMs)
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> ProduceResponse {
        guard ProduceRequest.versions.contains(version) else {
            throw .unsupportedVersion(apiKey: ApiKey.produce.rawValue, version: version)
        }
        let topics = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            Topic(name: try reader.readString(), partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                var partition = Partition(index: try reader.readInt32(), errorCode: KafkaErrorCode(rawValue: try reader.readInt16()),
                                          baseOffset: try reader.readInt64())
                if version >= 2 { partition.logAppendTimeMs = try reader.readInt64() }
                if version >= 5 { partition.logStartOffset = try reader.readInt64() }
                if version >= 8 {
                    partition.recordErrors = try reader.readArray { (reader: inout WireReader) throws(WireError) in
                        RecordError(batchIndex: try reader.readInt32(), message: try reader.readNullableString())
                    }
                    partition.errorMessage = try reader.readNullableString()
                }
                return partition
            })
        }
        let throttle = try reader.readInt32()
        try reader.expectEnd()
        return ProduceResponse(topics: topics, throttleTimeMs: throttle)
    }
}
