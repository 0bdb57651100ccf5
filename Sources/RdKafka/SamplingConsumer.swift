import CRdkafka

/// A consumer that reads partitions it is assigned, from offsets it is given, without joining a
/// group: no JoinGroup, no commits — the reader of an observer that must not write to the
/// cluster or appear among its groups.
///
/// librdkafka 2.0 refuses `assign` without a `group.id` (`_UNKNOWN_GROUP`), so one is set; a group
/// exists on a broker only once a member joins or commits, and this consumer does neither.
public final class SamplingConsumer: Sendable {
    /// The underlying client.
    public let client: KafkaClient

    /// A consumer from `config` under `groupId` that never joins it (auto-commit and offset
    /// storing are off); events go to `onEvent` during `poll`.
    public init(config: KafkaConfig, groupId: String, onEvent: @escaping @Sendable (KafkaEvent) -> Void = { _ in }) throws(KafkaError) {
        var settings = config
        settings.set("group.id", groupId)
        settings.set("enable.auto.commit", "false")
        settings.set("enable.auto.offset.store", "false")
        settings.set("enable.partition.eof", "false")
        client = try KafkaClient(role: .consumer, config: settings, onEvent: onEvent)
    }

    /// Reads exactly `offsets`' partitions from the given offsets (`offsetEnd` for the end),
    /// replacing the previous assignment; `[:]` stops reading.
    public func assign(_ offsets: [TopicPartition: Int64]) throws(KafkaError) {
        let list = TopicPartitionList.make(offsets.keys.sorted(), offsets: offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_assign(client.handle, list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "assign") }
    }

    /// The offset that means "from the end of the partition".
    public static let offsetEnd: Int64 = SS_RD_KAFKA_OFFSET_END

    /// Polls up to `maxRecords` records, waiting up to `timeoutMs` for the first; `body` sees
    /// each record's bytes during the call only. Errors other than a partition's end go to `onEvent`.
    @discardableResult
    public func poll(maxRecords: Int, timeoutMs: Int32, each body: (ConsumedRecord) -> Void) -> Int {
        client.consume(maxRecords: maxRecords, timeoutMs: timeoutMs, each: body)
    }

    /// Stops reading and destroys the client (nothing to leave: it never joined a group).
    public func close() {
        client.destroy(flags: 0)
    }
}
