import CRdkafka

/// What a cluster's metadata says about itself: brokers, topics, id and controller.
public struct ClusterMetadata: Equatable, Sendable {
    /// A broker as the metadata lists it.
    public struct Broker: Equatable, Sendable {
        public var id: Int32
        public var host: String
        public var port: Int32
    }

    public var brokers: [Broker]
    /// Each topic that answered without error, with its partition count.
    public var partitionCounts: [String: Int]
    /// The cluster id; nil when the cluster does not say (before KIP-78).
    public var clusterId: String?
    /// The controller's broker id; nil when unknown.
    public var controllerId: Int32?
}

/// Cluster-wide reads for an observer: metadata with id and controller, and batched offsets.
extension KafkaClient {
    /// Metadata for all topics, the cluster id and the controller, each within `timeoutMs`.
    public func clusterMetadata(timeoutMs: Int32) throws(KafkaError) -> ClusterMetadata {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let err = rd_kafka_metadata(handle, 1, nil, &metadata, timeoutMs)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "metadata") }
        guard let metadata else { throw .wrapper("metadata: librdkafka returned none") }
        defer { rd_kafka_metadata_destroy(metadata) }
        let brokers = (0..<Int(metadata.pointee.broker_cnt)).map { index in
            let broker = metadata.pointee.brokers[index]
            return ClusterMetadata.Broker(id: broker.id, host: String(cString: broker.host), port: broker.port)
        }
        var counts: [String: Int] = [:]
        for index in 0..<Int(metadata.pointee.topic_cnt) {
            let topic = metadata.pointee.topics[index]
            guard topic.err == RD_KAFKA_RESP_ERR_NO_ERROR else { continue }
            counts[String(cString: topic.topic)] = Int(topic.partition_cnt)
        }
        // Both come from the metadata just fetched (librdkafka's cache): no further request.
        var clusterId: String?
        if let id = rd_kafka_clusterid(handle, 0) {
            clusterId = String(cString: id)
            rd_kafka_mem_free(handle, id)
        }
        let controller = rd_kafka_controllerid(handle, 0)
        return ClusterMetadata(brokers: brokers.sorted { $0.id < $1.id }, partitionCounts: counts, clusterId: clusterId,
                               controllerId: controller >= 0 ? controller : nil)
    }

    /// Which end of a partition `offsets(of:at:timeoutMs:)` asks for.
    public enum LogEnd: Sendable {
        /// The log-start offset (low watermark).
        case start
        /// The log-end offset (high watermark).
        case end
    }

    /// The log-start or log-end offsets of `partitions`, one ListOffsets request per leader
    /// (`rd_kafka_offsets_for_times` with Kafka's -2 / -1 timestamps). Partitions whose leader did
    /// not answer are left out.
    public func offsets(of partitions: [TopicPartition], at end: LogEnd, timeoutMs: Int32) throws(KafkaError) -> [TopicPartition: Int64] {
        guard !partitions.isEmpty else { return [:] }
        let marker: Int64 = end == .end ? SS_RD_KAFKA_OFFSET_END : SS_RD_KAFKA_OFFSET_BEGINNING
        let list = TopicPartitionList.make(partitions, offsets: Dictionary(uniqueKeysWithValues: partitions.map { ($0, marker) }))
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_offsets_for_times(handle, list, timeoutMs)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "list offsets") }
        var offsets: [TopicPartition: Int64] = [:]
        for (partition, offset, err) in TopicPartitionList.entries(of: list) where err == RD_KAFKA_RESP_ERR_NO_ERROR && offset >= 0 {
            offsets[partition] = offset
        }
        return offsets
    }
}
