import CRdkafka

/// A producer: records handed to librdkafka's queue, delivery reports through the client's
/// `onDelivery`, served by its own `PollLoop`.
public final class KafkaProducer: Sendable {
    /// The underlying client (for metadata and watermarks).
    public let client: KafkaClient
    private let loop: PollLoop

    /// A producer from `config`; reports and events go to the handlers on the poll thread.
    public init(
        config: KafkaConfig, onEvent: @escaping @Sendable (KafkaEvent) -> Void = { _ in },
        onDelivery: @escaping @Sendable (DeliveryReport) -> Void = { _ in }
    ) throws(KafkaError) {
        client = try KafkaClient(role: .producer, config: config, onEvent: onEvent, onDelivery: onDelivery)
        loop = PollLoop(client: client)
    }

    /// Queues one record (copied). `partition` nil lets the configured partitioner choose;
    /// `tag` comes back in the delivery report. Throws when the local queue is full
    /// (`_QUEUE_FULL`) or the topic is unknown.
    public func produce(
        topic: String, partition: Int32? = nil, key: [UInt8]?, value: [UInt8], timestampMs: Int64 = 0, tag: Int = 0
    ) throws(KafkaError) {
        let err = key.withOptionalBytes { keyBytes in
            value.withUnsafeBytes { valueBytes in
                ss_produce(client.handle, topic, partition ?? SS_RD_KAFKA_PARTITION_UA,
                           keyBytes?.baseAddress, keyBytes?.count ?? 0,
                           valueBytes.baseAddress, valueBytes.count, timestampMs,
                           UnsafeMutableRawPointer(bitPattern: tag))
            }
        }
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "produce to \(topic)") }
    }

    /// Queues one record from bytes valid during the call (librdkafka copies them); see
    /// `produce(topic:partition:key:value:timestampMs:tag:)`.
    public func produce(
        topic: String, partition: Int32?, key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, timestampMs: Int64,
        tag: Int = 0
    ) throws(KafkaError) {
        let err = ss_produce(client.handle, topic, partition ?? SS_RD_KAFKA_PARTITION_UA, key?.baseAddress, key?.count ?? 0,
                             value.baseAddress, value.count, timestampMs, UnsafeMutableRawPointer(bitPattern: tag))
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "produce to \(topic)") }
    }

    /// Queues one record with its headers (in order; a nil value is a null header), from bytes
    /// valid during the call; see `produce(topic:partition:key:value:timestampMs:tag:)`.
    public func produce(
        topic: String, partition: Int32?, key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, timestampMs: Int64,
        headers: [(key: String, value: UnsafeRawBufferPointer?)], tag: Int = 0
    ) throws(KafkaError) {
        guard let list = rd_kafka_headers_new(headers.count) else { throw KafkaError(code: -1, message: "produce to \(topic): no memory for headers") }
        for header in headers {
            let err = rd_kafka_header_add(list, header.key, -1, header.value?.baseAddress, header.value?.count ?? 0)
            guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                rd_kafka_headers_destroy(list)
                throw KafkaError.from(err, "produce to \(topic): header '\(header.key)'")
            }
        }
        let err = ss_produce_with_headers(client.handle, topic, partition ?? SS_RD_KAFKA_PARTITION_UA, key?.baseAddress, key?.count ?? 0,
                                          value.baseAddress, value.count, timestampMs, list, UnsafeMutableRawPointer(bitPattern: tag))
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "produce to \(topic)") }
    }

    /// Records queued or in flight, not yet reported.
    public var outstanding: Int { Int(rd_kafka_outq_len(client.handle)) }

    /// Waits up to `timeoutMs` for every queued record's delivery report.
    public func flush(timeoutMs: Int32) throws(KafkaError) {
        let err = rd_kafka_flush(client.handle, timeoutMs)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "flush") }
    }

    /// Stops polling and destroys the client (queued records not yet sent are dropped).
    public func close() {
        loop.stop()
        client.destroy(flags: 0)
    }
}

extension Optional where Wrapped == [UInt8] {
    /// Calls `body` with the bytes, or nil for a nil array.
    func withOptionalBytes<T>(_ body: (UnsafeRawBufferPointer?) -> T) -> T {
        switch self {
        case .some(let bytes): bytes.withUnsafeBytes { body($0) }
        case .none: body(nil)
        }
    }
}
