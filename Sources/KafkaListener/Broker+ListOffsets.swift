import KafkaWire
import Simulation
import StreamLog

extension Broker {
    /// ListOffsets: the earliest (log-start) or latest (log-end) offset, or the first offset
    /// whose timestamp is at or after the one asked for (−1 when there is none).
    func handleListOffsets(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let asked = try ListOffsetsRequest.decode(version: request.version, from: &body)
        let topics = asked.topics.map { topic in
            ListOffsetsResponse.Topic(name: topic.name, partitions: topic.partitions.map { lookUp($0, topic: topic.name) })
        }
        return .respond(ListOffsetsResponse(topics: topics).encoded(version: request.version))
    }

    private func lookUp(_ asked: ListOffsetsRequest.Partition, topic: String) -> ListOffsetsResponse.Partition {
        let index = asked.partitionIndex
        guard let offsets = try? engine.log.offsets(topic: topic), offsets.indices.contains(Int(index)) else {
            return ListOffsetsResponse.Partition(partitionIndex: index, errorCode: .unknownTopicOrPartition, offset: -1)
        }
        let watermarks = offsets[Int(index)]
        switch asked.lookup {
        case .earliest:
            return ListOffsetsResponse.Partition(partitionIndex: index, offset: watermarks.logStartOffset)
        case .latest:
            return ListOffsetsResponse.Partition(partitionIndex: index, offset: watermarks.logEndOffset)
        case .firstAtOrAfter(let epochMs):
            let found = firstRecord(atOrAfter: epochMs - epochStartMs, in: TopicPartition(topic, Int(index)), watermarks)
            return ListOffsetsResponse.Partition(
                partitionIndex: index, timestamp: found.map { $0.timestamp + epochStartMs } ?? -1, offset: found?.offset ?? -1)
        }
    }

    /// The first retained record whose timestamp is at or after `simulatedMs`: a scan from
    /// log-start, since producer timestamps need not increase.
    private func firstRecord(
        atOrAfter simulatedMs: Int64, in partition: TopicPartition, _ watermarks: PartitionOffsets
    ) -> (offset: Int64, timestamp: Int64)? {
        var offset = watermarks.logStartOffset
        var found: (offset: Int64, timestamp: Int64)?
        while found == nil, offset < watermarks.logEndOffset {
            let read = (try? engine.log.fetch(partition, from: offset, maxRecords: Self.fetchRecordsPerRead) { run in
                guard found == nil else { return }
                if let view = run.first(where: { $0.timestamp >= simulatedMs }) { found = (view.offset, view.timestamp) }
            }) ?? 0
            guard read > 0 else { break }
            offset += Int64(read)
        }
        return found
    }
}
