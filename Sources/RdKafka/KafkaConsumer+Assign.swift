import CRdkafka

/// Reading without a group (assign), pausing fetches, and serving events without records.
extension KafkaConsumer {
    /// Reads `offsets`' partitions from the given offsets without joining the group (no
    /// rebalances; `group.id` is used only for commits, which such a reader does not make).
    public func assign(_ offsets: [TopicPartition: Int64]) throws(KafkaError) {
        let list = TopicPartitionList.make(offsets.keys.sorted(), offsets: offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_assign(client.handle, list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "assign") }
    }

    /// Stops fetching `partitions` (they stay assigned; the group membership is unaffected).
    public func pause(_ partitions: [TopicPartition]) throws(KafkaError) {
        guard !partitions.isEmpty else { return }
        let list = TopicPartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_pause_partitions(client.handle, list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "pause") }
    }

    /// Serves rebalances and events for up to `timeoutMs`, dropping any record that arrives
    /// (for a member whose records are read elsewhere); returns how many records were dropped.
    @discardableResult
    public func serve(timeoutMs: Int32) -> Int {
        client.consume(maxRecords: .max, timeoutMs: timeoutMs) { _ in }
    }
}

extension KafkaClient {
    /// The low and high watermarks librdkafka last saw for `partition` in fetch responses — no
    /// request; -1 for what it has not seen yet.
    public func cachedWatermarks(_ partition: TopicPartition) -> (low: Int64, high: Int64) {
        var low: Int64 = -1
        var high: Int64 = -1
        _ = rd_kafka_get_watermark_offsets(handle, partition.topic, partition.partition, &low, &high)
        return (low, high)
    }
}
