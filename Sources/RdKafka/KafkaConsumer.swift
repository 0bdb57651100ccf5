import CRdkafka
import Foundation
import Synchronization

/// A group consumer. Its rebalance callback, error events and statistics are served inside
/// `poll` on the caller's thread (the main queue is redirected to the consumer queue), so one
/// owner — the thread that polls — sees assignments and records in order.
///
/// Heartbeats run on librdkafka's own threads: a paused owner stays in its group for
/// `max.poll.interval.ms`.
public final class KafkaConsumer: Sendable {
    /// The underlying client (for metadata and watermarks).
    public let client: KafkaClient

    /// A consumer from `config` (which must set `group.id`); events go to `onEvent` during `poll`.
    public init(config: KafkaConfig, onEvent: @escaping @Sendable (KafkaEvent) -> Void = { _ in }) throws(KafkaError) {
        guard config["group.id"] != nil else { throw .wrapper("a consumer needs group.id") }
        client = try KafkaClient(role: .consumer, config: config, onEvent: onEvent)
    }

    /// Subscribes to `topics` (joining the group happens during `poll`).
    public func subscribe(_ topics: [String]) throws(KafkaError) {
        let list = TopicPartitionList.make(topics.map { TopicPartition($0, SS_RD_KAFKA_PARTITION_UA) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_subscribe(client.handle, list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "subscribe to \(topics.joined(separator: ", "))") }
    }

    /// Polls up to `maxRecords` records, waiting up to `timeoutMs` for the first; `body` sees
    /// each record's bytes during the call only. Serves rebalances and events on the way.
    /// Consumer errors (other than reaching a partition's end) come back through `onEvent`.
    @discardableResult
    public func poll(maxRecords: Int, timeoutMs: Int32, each body: (ConsumedRecord) -> Void) -> Int {
        client.consume(maxRecords: maxRecords, timeoutMs: timeoutMs, each: body)
    }

    /// Commits `offsets` (the next offset to read, per partition); `async` returns at once.
    public func commit(_ offsets: [TopicPartition: Int64], async: Bool = false) throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let list = TopicPartitionList.make(offsets.keys.sorted(), offsets: offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_commit(client.handle, list, async ? 1 : 0)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "commit") }
    }

    /// The group's committed offsets of `partitions` (absent: nothing committed).
    public func committed(_ partitions: [TopicPartition], timeoutMs: Int32) throws(KafkaError) -> [TopicPartition: Int64] {
        let list = TopicPartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_committed(client.handle, list, timeoutMs)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "committed offsets") }
        var offsets: [TopicPartition: Int64] = [:]
        for (partition, offset, _) in TopicPartitionList.entries(of: list) where offset >= 0 { offsets[partition] = offset }
        return offsets
    }

    /// The partitions currently assigned to this consumer.
    public func assignment() throws(KafkaError) -> [TopicPartition] {
        var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        let err = rd_kafka_assignment(client.handle, &list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "assignment") }
        guard let list else { return [] }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return TopicPartitionList.partitions(of: list).sorted()
    }

    /// The rebalance protocol in use (`COOPERATIVE` for cooperative-sticky).
    public var rebalanceProtocol: RebalanceProtocol {
        let name = rd_kafka_rebalance_protocol(client.handle).map { String(cString: $0) } ?? "NONE"
        return RebalanceProtocol(rawValue: name) ?? .none
    }

    /// The member id the coordinator gave this consumer ("" before it joined).
    public var memberId: String {
        guard let id = rd_kafka_memberid(client.handle) else { return "" }
        defer { rd_kafka_mem_free(client.handle, id) }
        return String(cString: id)
    }

    /// Leaves the group cleanly (revocation served, LeaveGroup sent), then destroys the client.
    ///
    /// librdkafka 2.0 can hang for ever in `rd_kafka_consumer_close` when a rebalance callback
    /// runs inside it (its issues #4527 and #4884; seen here in about one close in ten right after
    /// a rebalance). So the consumer first unsubscribes and serves its revocation here; once it has
    /// left (nothing assigned, no member id) it is destroyed without librdkafka's close. Only if it
    /// has not left within 5 s is that close used, on a thread of its own, for at most 10 s.
    public func close() {
        guard !client.isDestroyed else { return }
        // librdkafka 2.0's close can wait forever on paused partitions: resume them first.
        var assigned: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        if rd_kafka_assignment(client.handle, &assigned) == RD_KAFKA_RESP_ERR_NO_ERROR, let assigned {
            _ = rd_kafka_resume_partitions(client.handle, assigned)
            rd_kafka_topic_partition_list_destroy(assigned)
        }
        if leaveGroup(withinMs: 5_000) {
            client.destroy(flags: SS_RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE)
            return
        }
        guard let err = closeConsumer(withinMs: 10_000) else {
            client.report(.error(.wrapper("leaving the group took over 10 s (librdkafka 2.0 can hang there): the consumer is "
                                          + "abandoned, and the group drops it when its session times out"), fatal: false))
            client.abandon()
            return
        }
        if err != RD_KAFKA_RESP_ERR_NO_ERROR {
            client.report(.error(KafkaError.from(err, "close"), fatal: false))
        }
        client.destroy(flags: 0)
    }

    /// Unsubscribes (librdkafka sends LeaveGroup) and polls, serving the revocation, until nothing
    /// is assigned and the member id is gone; false when that took longer than `withinMs`.
    /// Records still buffered are dropped: nothing is committed from here on.
    private func leaveGroup(withinMs: Int) -> Bool {
        guard rd_kafka_unsubscribe(client.handle) == RD_KAFKA_RESP_ERR_NO_ERROR else { return false }
        for _ in 0..<(withinMs / 100) {
            guard let assigned = try? assignment() else { return false }
            if assigned.isEmpty && memberId.isEmpty { return true }
            serve(timeoutMs: 100)
        }
        return false
    }

    /// `rd_kafka_consumer_close` on a thread of its own: its result, or nil when it has not
    /// returned within `withinMs` (the thread is left blocked; the handle must not be touched).
    private func closeConsumer(withinMs: Int) -> rd_kafka_resp_err_t? {
        let outcome = CloseOutcome()
        nonisolated(unsafe) let handle = client.handle
        Thread { outcome.finish(rd_kafka_consumer_close(handle)) }.start()
        return outcome.wait(withinMs: withinMs)
    }

    /// Destroys the client without leaving the group, as a crashed process would: the group
    /// keeps the member until `session.timeout.ms` runs out.
    ///
    /// The destroy runs on a thread of its own and the caller goes on at once: librdkafka 2.0.2
    /// can spin for tens of seconds destroying a consumer caught in a rebalance (seen on noida-db,
    /// a member killed while its group rebalanced), and the dashboard must not freeze meanwhile.
    /// Nothing touches the handle afterwards; the thread keeps the client alive until it is gone.
    public func vanish() {
        let client = client
        Thread { client.destroy(flags: SS_RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE) }.start()
    }
}

/// One consumed record, its bytes valid during the `poll` callback only.
public struct ConsumedRecord {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    /// The record's timestamp in ms (-1 when the broker sent none).
    public var timestampMs: Int64
    public var key: UnsafeRawBufferPointer?
    public var value: UnsafeRawBufferPointer
    /// The record's headers in order (a nil value is a null header), valid while the record is.
    public var headers: [(key: String, value: UnsafeRawBufferPointer?)]

    /// Reads the record out of librdkafka's message (the timestamp call needs the original pointer).
    init(_ pointer: UnsafeMutablePointer<rd_kafka_message_t>) {
        let message = pointer.pointee
        topic = message.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        partition = message.partition
        offset = message.offset
        var type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        timestampMs = rd_kafka_message_timestamp(pointer, &type)
        key = message.key.map { UnsafeRawBufferPointer(start: $0, count: message.key_len) }
        value = UnsafeRawBufferPointer(start: message.payload, count: message.payload != nil ? message.len : 0)
        headers = []
        var list: OpaquePointer?
        guard rd_kafka_message_headers(pointer, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return }
        var name: UnsafePointer<CChar>?
        var bytes: UnsafeRawPointer?
        var size = 0
        var index = 0
        while rd_kafka_header_get_all(list, index, &name, &bytes, &size) == RD_KAFKA_RESP_ERR_NO_ERROR, let name {
            headers.append((String(cString: name), bytes.map { UnsafeRawBufferPointer(start: $0, count: size) }))
            index += 1
        }
    }
}

/// What a consumer close on its own thread returned, once it has.
private final class CloseOutcome: Sendable {
    private let result = Mutex<rd_kafka_resp_err_t?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func finish(_ err: rd_kafka_resp_err_t) {
        result.withLock { $0 = err }
        done.signal()
    }

    /// The result, or nil when none came within `withinMs`.
    func wait(withinMs: Int) -> rd_kafka_resp_err_t? {
        guard done.wait(timeout: .now() + .milliseconds(withinMs)) == .success else { return nil }
        return result.withLock { $0 }
    }
}
