/// The Produce request (key 0) at v3–v8: record batches for topic partitions.
///
/// The six versions share one request layout (transactional id, acks, timeout, topics); they
/// differ in what the response carries. Each partition's `records` is kept as a slice of the
/// frame, unvalidated: the broker checks it with ``RecordBatch/decode(from:)`` and stores it.
public struct ProduceRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 3...8

    /// Record batches for one partition.
    public struct Partition: Equatable, Sendable {
        /// The partition number.
        public var index: Int32
        /// RecordBatch v2 bytes (one or more batches back to back), or `nil` when the client sent null.
        public var records: ArraySlice<UInt8>?

        /// Records for partition `index`.
        public init(index: Int32, records: ArraySlice<UInt8>?) {
            self.index = index
            self.records = records
        }
    }

    /// The partitions written in one topic.
    public struct Topic: Equatable, Sendable {
        /// The topic's name.
        public var name: String
        /// The partitions written.
        public var partitions: [Partition]

        /// A topic with `partitions`.
        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    /// The transactional id, or `nil` outside a transaction.
    public var transactionalId: String?
    /// Acknowledgements required: 0 none (no response is sent), 1 the leader, −1 all in-sync replicas.
    public var acks: Int16
    /// Milliseconds the broker may wait for the acknowledgements.
    public var timeoutMs: Int32
    /// The topics written.
    public var topics: [Topic]

    /// A request with the given fields.
    public init(transactionalId: String? = nil, acks: Int16, timeoutMs: Int32, topics: [Topic]) {
        self.transactionalId = transactionalId
        self.acks = acks
        self.timeoutMs = timeoutMs
        self.topics = topics
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> ProduceRequest {
        guard versions.contains(version) else { throw .unsupportedVersion(apiKey: ApiKey.produce.rawValue, version: version) }
        let request = ProduceRequest(
            transactionalId: try reader.readNullableString(), acks: try reader.readInt16(), timeoutMs: try reader.readInt32(),
            topics: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                Topic(name: try reader.readString(), partitions: try reader.readArray { (reader: inout WireReader) throws(WireError) in
                    Partition(index: try reader.readInt32(), records: try reader.readNullableBytesSlice())
                })
            })
        try reader.expectEnd()
        return request
    }

    /// The request body at `version` (as a client would send it).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeNullableString(transactionalId)
        writer.writeInt16(acks)
        writer.writeInt32(timeoutMs)
        writer.writeNullableArray(topics) { writer, topic in
            writer.writeString(topic.name)
            writer.writeNullableArray(topic.partitions) { writer, partition in
                writer.writeInt32(partition.index)
                writer.writeNullableBytes(slice: partition.records)
            }
        }
        return writer.bytes
    }
}
