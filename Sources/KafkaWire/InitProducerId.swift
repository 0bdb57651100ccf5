/// The InitProducerId request (key 22) at v0–v1: an idempotent (or transactional) producer asks for its id.
///
/// kafka-python's default producer (idempotent, acks=all) sends it before its first Produce.
/// v1 has the v0 layout; it only lets the broker throttle after answering.
public struct InitProducerIdRequest: Equatable, Sendable {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 0...1

    /// The transactional id, or `nil` for an idempotent producer outside transactions.
    public var transactionalId: String?
    /// Milliseconds a transaction may stay open (ignored without a transactional id).
    public var transactionTimeoutMs: Int32

    /// A request with the given fields.
    public init(transactionalId: String? = nil, transactionTimeoutMs: Int32) {
        self.transactionalId = transactionalId
        self.transactionTimeoutMs = transactionTimeoutMs
    }

    /// Reads a request body at `version`.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> InitProducerIdRequest {
        guard versions.contains(version) else { throw .unsupportedVersion(apiKey: ApiKey.initProducerId.rawValue, version: version) }
        let request = InitProducerIdRequest(transactionalId: try reader.readNullableString(),
                                            transactionTimeoutMs: try reader.readInt32())
        try reader.expectEnd()
        return request
    }

    /// The request body at `version` (as a client would send it; the same at v0 and v1).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeNullableString(transactionalId)
        writer.writeInt32(transactionTimeoutMs)
        return writer.bytes
    }
}

/// The InitProducerId response at v0–v1: the producer's id and epoch, or an error.
public struct InitProducerIdResponse: Equatable, Sendable {
    /// Milliseconds the client is throttled (always 0 here).
    public var throttleTimeMs: Int32
    /// NONE, or why no id was given.
    public var errorCode: KafkaErrorCode
    /// The producer id (−1 on error).
    public var producerId: Int64
    /// The producer epoch (−1 on error).
    public var producerEpoch: Int16

    /// A response with the given fields.
    public init(throttleTimeMs: Int32 = 0, errorCode: KafkaErrorCode = .none, producerId: Int64, producerEpoch: Int16) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.producerId = producerId
        self.producerEpoch = producerEpoch
    }

    /// The response body at `version` (the same at v0 and v1).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeInt32(throttleTimeMs)
        writer.writeInt16(errorCode.rawValue)
        writer.writeInt64(producerId)
        writer.writeInt16(producerEpoch)
        return writer.bytes
    }

    /// Reads a response body at `version`, as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> InitProducerIdResponse {
        guard InitProducerIdRequest.versions.contains(version) else {
            throw .unsupportedVersion(apiKey: ApiKey.initProducerId.rawValue, version: version)
        }
        let response = InitProducerIdResponse(
            throttleTimeMs: try reader.readInt32(), errorCode: KafkaErrorCode(rawValue: try reader.readInt16()),
            producerId: try reader.readInt64(), producerEpoch: try reader.readInt16())
        try reader.expectEnd()
        return response
    }
}
