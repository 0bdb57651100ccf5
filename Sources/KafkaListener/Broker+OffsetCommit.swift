import KafkaWire
import Simulation
import StreamLog

extension Broker {
    /// OffsetCommit: a member's commit under its generation, with the coordinator's fencing
    /// (ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS, UNKNOWN_MEMBER_ID) on every partition.
    func handleOffsetCommit(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let commit = try OffsetCommitRequest.decode(version: request.version, from: &body)
        var offsets: [TopicPartition: Int64] = [:]
        for topic in commit.topics {
            for partition in topic.partitions { offsets[TopicPartition(topic.name, Int(partition.partitionIndex))] = partition.committedOffset }
        }
        var code = KafkaErrorCode.none
        do {
            try engine.log.commitOffsets(
                commit.groupId, memberId: commit.memberId, generation: Int(commit.generationId), offsets: offsets, nowMs: engine.nowMs)
        } catch {
            code = error.groupErrorCode
        }
        let topics = commit.topics.map { topic in
            OffsetCommitResponse.Topic(name: topic.name, partitions: topic.partitions.map {
                OffsetCommitResponse.Partition(partitionIndex: $0.partitionIndex, errorCode: code)
            })
        }
        return .respond(OffsetCommitResponse(topics: topics).encoded(version: request.version))
    }
}
