import KafkaWire
import Simulation
import StreamLog

extension Broker {
    /// OffsetFetch: the group's committed offsets for the partitions asked (−1 where none), or
    /// (topics null) every partition it committed. A group that does not exist has none.
    func handleOffsetFetch(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let fetch = try OffsetFetchRequest.decode(version: request.version, from: &body)
        let committed = (try? engine.log.committedOffsets(group: fetch.groupId)) ?? [:]
        let asked = fetch.topics ?? Self.committedTopics(committed)
        let topics = asked.map { topic in
            OffsetFetchResponse.Topic(name: topic.name, partitions: topic.partitionIndexes.map { index in
                OffsetFetchResponse.Partition(
                    partitionIndex: index, committedOffset: committed[TopicPartition(topic.name, Int(index))]?.offset ?? -1)
            })
        }
        return .respond(OffsetFetchResponse(topics: topics).encoded(version: request.version))
    }

    /// Every committed partition, by topic (topics and partitions sorted).
    static func committedTopics(_ committed: [TopicPartition: CommittedOffset]) -> [OffsetFetchRequest.Topic] {
        Dictionary(grouping: committed.keys, by: \.topic).sorted { $0.key < $1.key }.map { topic, partitions in
            OffsetFetchRequest.Topic(name: topic, partitionIndexes: partitions.map { Int32($0.partition) }.sorted())
        }
    }
}
