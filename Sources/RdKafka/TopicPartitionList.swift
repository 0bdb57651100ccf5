import CRdkafka

/// Conversions between Swift partitions and librdkafka's `rd_kafka_topic_partition_list_t`.
enum TopicPartitionList {
    /// The partitions of a list.
    static func partitions(of list: UnsafePointer<rd_kafka_topic_partition_list_t>) -> [TopicPartition] {
        entries(of: list).map(\.0)
    }

    /// Each partition of a list with its offset and error.
    static func entries(of list: UnsafePointer<rd_kafka_topic_partition_list_t>)
        -> [(TopicPartition, offset: Int64, err: rd_kafka_resp_err_t)]
    {
        let count = Int(list.pointee.cnt)
        guard let elems = list.pointee.elems, count > 0 else { return [] }
        return (0..<count).map { index in
            let element = elems[index]
            return (TopicPartition(String(cString: element.topic), element.partition), element.offset, element.err)
        }
    }

    /// A new list of `partitions` with `offsets` (missing: `RD_KAFKA_OFFSET_INVALID`); the caller destroys it.
    static func make(_ partitions: [TopicPartition], offsets: [TopicPartition: Int64] = [:])
        -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    {
        let list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t> =
            rd_kafka_topic_partition_list_new(Int32(max(partitions.count, 1)))
        for partition in partitions {
            let entry: UnsafeMutablePointer<rd_kafka_topic_partition_t> =
                rd_kafka_topic_partition_list_add(list, partition.topic, partition.partition)
            entry.pointee.offset = offsets[partition] ?? SS_RD_KAFKA_OFFSET_INVALID
        }
        return list
    }
}
