import CRdkafka

/// Moving a group's committed offsets (AlterConsumerGroupOffsets), as
/// `kafka-consumer-groups --reset-offsets --execute` does.
extension KafkaAdmin {
    /// Commits `offsets` for `group`, which must have no members (a broker answers
    /// NON_EMPTY_GROUP or UNKNOWN_MEMBER_ID while it still has some); throws the group's error or
    /// the first partition's.
    public func alterCommittedOffsets(group: String, _ offsets: [TopicPartition: Int64]) throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let list = TopicPartitionList.make(offsets.keys.sorted(), offsets: offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        guard let alteration = rd_kafka_AlterConsumerGroupOffsets_new(group, list) else {
            throw .wrapper("reset offsets of \(group): librdkafka could not allocate a request")
        }
        var alterations: [OpaquePointer?] = [alteration]
        defer { rd_kafka_AlterConsumerGroupOffsets_destroy(alteration) }
        try request(RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS, "reset offsets of \(group)") { options, queue in
            alterations.withUnsafeMutableBufferPointer {
                rd_kafka_AlterConsumerGroupOffsets(client.handle, $0.baseAddress, $0.count, options, queue)
            }
        } read: { (event) throws(KafkaError) in
            var count = 0
            guard let results = rd_kafka_AlterConsumerGroupOffsets_result_groups(
                rd_kafka_event_AlterConsumerGroupOffsets_result(event), &count), count > 0, let result = results[0]
            else { return }
            try Self.throwError(ofGroup: result, "reset offsets of \(group)")
            guard let partitions = rd_kafka_group_result_partitions(result) else { return }
            for (partition, _, err) in TopicPartitionList.entries(of: partitions) where err != RD_KAFKA_RESP_ERR_NO_ERROR {
                throw KafkaError.from(err, "reset offsets of \(group) on \(partition)")
            }
        }
    }
}

extension KafkaClient {
    /// Per partition, the first offset whose timestamp is at or after `timestampMs` (epoch ms),
    /// or the log-end offset when none is (ListOffsets by time, asked of each leader).
    public func offsets(at timestampMs: Int64, of partitions: [TopicPartition], timeoutMs: Int32) throws(KafkaError)
        -> [TopicPartition: Int64]
    {
        let list = TopicPartitionList.make(partitions, offsets: Dictionary(uniqueKeysWithValues: partitions.map { ($0, timestampMs) }))
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_offsets_for_times(handle, list, timeoutMs)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "offsets at a time") }
        var offsets: [TopicPartition: Int64] = [:]
        for (partition, offset, err) in TopicPartitionList.entries(of: list) {
            if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "offsets at a time of \(partition)") }
            offsets[partition] = offset
        }
        return offsets
    }
}
