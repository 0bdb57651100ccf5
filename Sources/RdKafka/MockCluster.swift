import CRdkafka

/// librdkafka's in-process mock cluster (`rdkafka_mock.h`): N brokers on loopback ports,
/// reachable by any client through `bootstrapServers`, with brokers that can be set down and up.
///
/// Thread safety: librdkafka serialises the mock calls on the cluster's own thread; the Swift side
/// holds only immutable pointers.
public final class MockCluster: @unchecked Sendable {
    private let owner: KafkaClient
    private let cluster: OpaquePointer
    /// `host:port,…` of the mock brokers.
    public let bootstrapServers: String

    /// Starts a cluster of `brokers` brokers (ids 1…N).
    public init(brokers: Int) throws(KafkaError) {
        owner = try KafkaClient(role: .producer, config: KafkaConfig(["log_level": "0"]))
        guard let cluster = rd_kafka_mock_cluster_new(owner.handle, Int32(brokers)) else {
            throw .wrapper("librdkafka could not start a mock cluster of \(brokers) brokers")
        }
        self.cluster = cluster
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster)
        owner.destroy(flags: 0)
    }

    /// Creates a topic directly on the mock cluster (no admin round trip).
    public func createTopic(_ name: String, partitions: Int, replicationFactor: Int = 1) throws(KafkaError) {
        let err = rd_kafka_mock_topic_create(cluster, name, Int32(partitions), Int32(replicationFactor))
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "mock topic \(name)") }
    }

    /// Makes broker `id` the leader of `topic`'s `partition` (otherwise the mock picks one at random).
    public func setLeader(topic: String, partition: Int, broker id: Int32) throws(KafkaError) {
        let err = rd_kafka_mock_partition_set_leader(cluster, topic, Int32(partition), id)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "mock leader of \(topic)[\(partition)]") }
    }

    /// Makes broker `id` the coordinator of consumer group `group`.
    public func setCoordinator(group: String, broker id: Int32) throws(KafkaError) {
        let err = rd_kafka_mock_coordinator_set(cluster, "group", group, id)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "mock coordinator of \(group)") }
    }

    /// Takes broker `id` down: its connections close and new ones are refused.
    public func setDown(broker id: Int32) throws(KafkaError) {
        let err = rd_kafka_mock_broker_set_down(cluster, id)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "mock broker \(id) down") }
    }

    /// Makes the next `count` requests with Kafka API key `apiKey` (e.g. 2, ListOffsets) fail
    /// with broker error `code`, as a broker that denies them would answer.
    public func failNext(_ count: Int, requestsOf apiKey: Int16, with code: Int32) {
        let errors = [rd_kafka_resp_err_t](repeating: rd_kafka_resp_err_t(code), count: count)
        rd_kafka_mock_push_request_errors_array(cluster, apiKey, count, errors)
    }

    /// Brings broker `id` back up.
    public func setUp(broker id: Int32) throws(KafkaError) {
        let err = rd_kafka_mock_broker_set_up(cluster, id)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "mock broker \(id) up") }
    }
}
