/// The Fetch response at v4–v11: per partition, the watermarks and the stored batches from the offset asked for.
///
/// Fields by version: `errorCode` and `sessionId` (v7+), `logStartOffset` (v5+),
/// `preferredReadReplica` (v11+); `lastStableOffset` and `abortedTransactions` exist at every
/// version spoken here. The encoder is the broker's hot path: one growing buffer, each
/// partition's ``RecordBytes`` chunks copied in as stored, nothing allocated per record.
public struct FetchResponse: Equatable, Sendable {
    /// A transaction aborted within the returned range (READ_COMMITTED consumers skip its records).
    public struct AbortedTransaction: Equatable, Sendable {
        /// The producer whose transaction was aborted.
        public var producerId: Int64
        /// The transaction's first offset.
        public var firstOffset: Int64

        /// An aborted transaction of `producerId` starting at `firstOffset`.
        public init(producerId: Int64, firstOffset: Int64) {
            self.producerId = producerId
            self.firstOffset = firstOffset
        }
    }

    /// What one partition returned.
    public struct Partition: Equatable, Sendable {
        /// The partition number.
        public var partitionIndex: Int32
        /// NONE, or why nothing was read (OFFSET_OUT_OF_RANGE, UNKNOWN_TOPIC_OR_PARTITION, …).
        public var errorCode: KafkaErrorCode
        /// The offset after the last committed record.
        public var highWatermark: Int64
        /// The offset below which every transaction is decided (−1 when unknown).
        public var lastStableOffset: Int64
        /// The partition's first offset (v5+; −1 when unknown).
        public var logStartOffset: Int64
        /// Aborted transactions in the range, or `nil` (READ_UNCOMMITTED).
        public var abortedTransactions: [AbortedTransaction]?
        /// The replica to read from next, or −1 for this broker (v11+).
        public var preferredReadReplica: Int32
        /// The batches read, or `nil`.
        public var records: RecordBytes?

        /// A partition's answer; the optional fields default to Kafka's "none" values.
        public init(partitionIndex: Int32, errorCode: KafkaErrorCode = .none, highWatermark: Int64, lastStableOffset: Int64 = -1,
                    logStartOffset: Int64 = -1, abortedTransactions: [AbortedTransaction]? = nil,
                    preferredReadReplica: Int32 = -1, records: RecordBytes?) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.highWatermark = highWatermark
            self.lastStableOffset = lastStableOffset
            self.logStartOffset = logStartOffset
            self.abortedTransactions = abortedTransactions
            self.preferredReadReplica = preferredReadReplica
            self.records = records
        }
    }

    /// The partitions answered in one topic.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var topic: String
        /// The partitions answered.
        public var partitions: [Partition]

        /// A topic with `partitions`.
        public init(topic: String, partitions: [Partition]) {
            self.topic = topic
            self.partitions = partitions
        }
    }

    /// Milliseconds the client is throttled (always 0 here).
    public var throttleTimeMs: Int32
    /// A whole-request error, only for fetch sessions (v7+).
    public var errorCode: KafkaErrorCode
    /// The fetch session id, 0 for none (v7+).
    public var sessionId: Int32
    /// One entry per topic answered.
    public var responses: [Topic]

    /// A response with the given fields.
    public init(throttleTimeMs: Int32 = 0, errorCode: KafkaErrorCode = .none, sessionId: Int32 = 0, responses: [Topic]) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.sessionId = sessionId
        self.responses = responses
    }

    /// An upper bound on the encoded body's size, to reserve the buffer once.
    public var encodedByteCountBound: Int {
        var total = 14
        for topic in responses {
            total += 6 + topic.topic.utf8.count
            for partition in topic.partitions {
                total += 48 + 16 * (partition.abortedTransactions?.count ?? 0) + (partition.records?.count ?? 0)
            }
        }
        return total
    }

    /// The response body at `version` (one of ``FetchRequest/versions``).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter(reservingCapacity: encodedByteCountBound)
        encode(version: version, into: &writer)
        return writer.bytes
    }

    /// Appends the response body at `version` to `writer` (after a response header, in one buffer).
    public func encode(version: Int16, into writer: inout WireWriter) {
        writer.writeInt32(throttleTimeMs)
        if version >= 7 {
            writer.writeInt16(errorCode.rawValue)
            writer.writeInt32(sessionId)
        }
        writer.writeNullableArray(responses) { writer, topic in
            writer.writeString(topic.topic)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt32(partition.partitionIndex)
                writer.writeInt16(partition.errorCode.rawValue)
                writer.writeInt64(partition.highWatermark)
                writer.writeInt64(partition.lastStableOffset)
                if version >= 5 { writer.writeInt64(partition.logStartOffset) }
                writer.writeNullableArray(partition.abortedTransactions) { writer, aborted in
                    writer.writeInt64(aborted.producerId)
                    writer.writeInt64(aborted.firstOffset)
                }
                if version >= 11 { writer.writeInt32(partition.preferredReadReplica) }
                writer.writeNullableBytes(records: partition.records)
            }
        }
    }

    /// Reads a response body at `version`, as a client would; each partition's records are one chunk.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> FetchResponse {
        guard FetchRequest.versions.contains(version) else {
            throw .unsupportedVersion(apiKey: ApiKey.fetch.rawValue, version: version)
        }
        var response = FetchResponse(throttleTimeMs: try reader.readInt32(), responses: [])
        if version >= 7 {
            response.errorCode = KafkaErrorCode(rawValue: try reader.readInt16())
            response.sessionId = try reader.readInt32()
        }
        response.responses = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            Topic(topic: try reader.readString(), partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                var partition = Partition(
                    partitionIndex: try reader.readInt32(), errorCode: KafkaErrorCode(rawValue: try reader.readInt16()),
                    highWatermark: try reader.readInt64(), lastStableOffset: try reader.readInt64(), records: nil)
                if version >= 5 { partition.logStartOffset = try reader.readInt64() }
                partition.abortedTransactions = try reader.readNullableArray { (reader: inout WireReader) throws(WireError) in
                    AbortedTransaction(producerId: try reader.readInt64(), firstOffset: try reader.readInt64())
                }
                if version >= 11 { partition.preferredReadReplica = try reader.readInt32() }
                partition.records = try reader.readNullableBytesSlice().map { RecordBytes(chunks: [$0]) }
                return partition
            })
        }
        try reader.expectEnd()
        return response
    }
}
