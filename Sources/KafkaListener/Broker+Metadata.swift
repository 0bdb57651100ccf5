import KafkaWire
import Simulation
import StreamLog

extension Broker {
    /// Metadata: this listener as the one broker (node 0, also the controller) and each topic's
    /// partitions, all led by node 0. Unknown topics are UNKNOWN_TOPIC_OR_PARTITION, or created
    /// with one partition under `--auto-create-topics`.
    func handleMetadata(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let asked = try MetadataRequest.decode(version: request.version, from: &body)
        let names = asked.topics ?? engine.log.topicNames
        var topics: [MetadataResponse.Topic] = []
        for name in names {
            if autoCreateTopics, asked.allowAutoTopicCreation, !engine.log.topicNames.contains(name) { createTopic(name, for: request) }
            guard let offsets = try? engine.log.offsets(topic: name) else {
                topics.append(MetadataResponse.Topic(errorCode: .unknownTopicOrPartition, name: name, partitions: []))
                continue
            }
            topics.append(MetadataResponse.Topic(name: name, partitions: offsets.map {
                MetadataResponse.Partition(partitionIndex: Int32($0.topicPartition.partition), leaderId: Self.nodeId, replicaNodes: [Self.nodeId])
            }))
        }
        let broker = MetadataResponse.Broker(nodeId: Self.nodeId, host: advertised.host, port: Int32(advertised.port))
        return .respond(MetadataResponse(brokers: [broker], clusterId: Self.clusterId, controllerId: Self.nodeId, topics: topics)
            .encoded(version: request.version))
    }

    /// Creates `name` with one partition for a client (Kafka's `auto.create.topics.enable`);
    /// a name the log refuses stays unknown.
    func createTopic(_ name: String, for request: Request) {
        guard engine.createExternalTopic(name, partitions: 1) else { return }
        notices.append(.topicCreated(name: name, partitions: 1, clientId: request.clientName))
    }
}
