import KafkaWire
import Simulation
import StreamLog

extension Broker {
    /// CreateTopics: admin clients' topics join the world like scenario topics (the dashboard
    /// shows them). Replication factors other than 1 (or −1, the default) are refused: there
    /// is one broker.
    func handleCreateTopics(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let asked = try CreateTopicsRequest.decode(version: request.version, from: &body)
        let topics = asked.topics.map { topic in
            CreateTopicsResponse.Topic(name: topic.name, errorCode: create(topic, validateOnly: asked.validateOnly, for: request))
        }
        return .respond(CreateTopicsResponse(topics: topics).encoded(version: request.version))
    }

    private func create(_ topic: CreateTopicsRequest.Topic, validateOnly: Bool, for request: Request) -> KafkaErrorCode {
        guard !engine.log.topicNames.contains(topic.name) else { return .topicAlreadyExists }
        guard topic.replicationFactor == 1 || topic.replicationFactor == -1 else { return .invalidReplicationFactor }
        let partitions = topic.numPartitions == -1 ? 1 : Int(topic.numPartitions)
        guard partitions >= 1, partitions <= Self.maximumCreatedPartitions else { return .invalidPartitions }
        guard !validateOnly else { return .none }
        guard engine.createExternalTopic(topic.name, partitions: partitions) else { return .invalidTopicException }
        notices.append(.topicCreated(name: topic.name, partitions: partitions, clientId: request.clientName))
        return .none
    }

    /// The most partitions a client may create a topic with (the dashboard draws each one).
    static let maximumCreatedPartitions = 64
}
