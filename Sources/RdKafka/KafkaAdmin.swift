import CRdkafka

/// Admin calls on a cluster (CreateTopics, DeleteTopics, consumer-group listing, description
/// and offsets), each waiting at most `timeoutMs` for its answer.
///
/// Each call uses a queue of its own, so calls from several threads do not see each other's results.
public final class KafkaAdmin: Sendable {
    /// The underlying producer-type client (also good for metadata and watermarks).
    public let client: KafkaClient
    private let loop: PollLoop
    /// The longest any call waits.
    public let timeoutMs: Int32

    /// An admin client from `config`; error events go to `onEvent` on its poll thread.
    public init(config: KafkaConfig, timeoutMs: Int32 = 10_000, onEvent: @escaping @Sendable (KafkaEvent) -> Void = { _ in })
        throws(KafkaError)
    {
        client = try KafkaClient(role: .producer, config: config, onEvent: onEvent)
        loop = PollLoop(client: client)
        self.timeoutMs = timeoutMs
    }

    /// Stops polling and destroys the client.
    public func close() {
        loop.stop()
        client.destroy(flags: 0)
    }

    /// Runs one admin request on a fresh queue and hands its result event to `read`.
    func request<T>(
        _ op: rd_kafka_admin_op_t, _ what: String, send: (OpaquePointer, OpaquePointer) -> Void,
        read: (OpaquePointer) throws(KafkaError) -> T
    ) throws(KafkaError) -> T {
        guard let queue = rd_kafka_queue_new(client.handle), let options = rd_kafka_AdminOptions_new(client.handle, op) else {
            throw .wrapper("\(what): librdkafka could not allocate a request")
        }
        defer {
            rd_kafka_AdminOptions_destroy(options)
            rd_kafka_queue_destroy(queue)
        }
        var errstr = [CChar](repeating: 0, count: 256)
        _ = rd_kafka_AdminOptions_set_request_timeout(options, timeoutMs, &errstr, errstr.count)
        send(options, queue)
        guard let event = rd_kafka_queue_poll(queue, timeoutMs + 1_000) else {
            throw KafkaError(code: Int32(RD_KAFKA_RESP_ERR__TIMED_OUT.rawValue),
                             message: "\(what): no answer within \(timeoutMs / 1000) s")
        }
        defer { rd_kafka_event_destroy(event) }
        let err = rd_kafka_event_error(event)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR {
            let text = rd_kafka_event_error_string(event).map { String(cString: $0) } ?? String(cString: rd_kafka_err2str(err))
            throw KafkaError(code: err.rawValue, message: "\(what): \(text)")
        }
        return try read(event)
    }
}

/// A topic to create.
public struct NewTopic: Equatable, Sendable {
    public var name: String
    public var partitions: Int
    public var replicationFactor: Int
    /// Topic configs such as `retention.ms`, `retention.bytes`.
    public var configs: [String: String]

    public init(name: String, partitions: Int, replicationFactor: Int = -1, configs: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configs = configs
    }
}

/// Topics: create and delete.
extension KafkaAdmin {
    /// Creates `topics`; throws the first topic's error (e.g. TOPIC_ALREADY_EXISTS, TOPIC_AUTHORIZATION_FAILED).
    public func createTopics(_ topics: [NewTopic]) throws(KafkaError) {
        var handles: [OpaquePointer?] = []
        defer { handles.withUnsafeMutableBufferPointer { rd_kafka_NewTopic_destroy_array($0.baseAddress, $0.count) } }
        var errstr = [CChar](repeating: 0, count: 256)
        for topic in topics {
            guard let handle = rd_kafka_NewTopic_new(topic.name, Int32(topic.partitions), Int32(topic.replicationFactor),
                                                    &errstr, errstr.count)
            else { throw KafkaError(code: Int32(RD_KAFKA_RESP_ERR__INVALID_ARG.rawValue),
                                    message: "topic \(topic.name): \(String(errorBuffer: errstr))") }
            handles.append(handle)
            for (key, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
                _ = rd_kafka_NewTopic_set_config(handle, key, value)
            }
        }
        try request(RD_KAFKA_ADMIN_OP_CREATETOPICS, "create topics") { options, queue in
            handles.withUnsafeMutableBufferPointer { rd_kafka_CreateTopics(client.handle, $0.baseAddress, $0.count, options, queue) }
        } read: { (event) throws(KafkaError) in
            var count = 0
            let results = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count)
            try Self.throwFirstError(results, count)
        }
    }

    /// Deletes `topics`; throws the first topic's error.
    public func deleteTopics(_ names: [String]) throws(KafkaError) {
        var handles: [OpaquePointer?] = names.map { rd_kafka_DeleteTopic_new($0) }
        defer { handles.withUnsafeMutableBufferPointer { rd_kafka_DeleteTopic_destroy_array($0.baseAddress, $0.count) } }
        try request(RD_KAFKA_ADMIN_OP_DELETETOPICS, "delete topics") { options, queue in
            handles.withUnsafeMutableBufferPointer { rd_kafka_DeleteTopics(client.handle, $0.baseAddress, $0.count, options, queue) }
        } read: { (event) throws(KafkaError) in
            var count = 0
            let results = rd_kafka_DeleteTopics_result_topics(rd_kafka_event_DeleteTopics_result(event), &count)
            try Self.throwFirstError(results, count)
        }
    }

    private static func throwFirstError(_ results: UnsafeMutablePointer<OpaquePointer?>?, _ count: Int) throws(KafkaError) {
        guard let results else { return }
        for index in 0..<count {
            guard let result = results[index] else { continue }
            let err = rd_kafka_topic_result_error(result)
            guard err != RD_KAFKA_RESP_ERR_NO_ERROR else { continue }
            let name = String(cString: rd_kafka_topic_result_name(result))
            let text = rd_kafka_topic_result_error_string(result).map { String(cString: $0) } ?? String(cString: rd_kafka_err2str(err))
            throw KafkaError(code: err.rawValue, message: "topic \(name): \(text)")
        }
    }
}
