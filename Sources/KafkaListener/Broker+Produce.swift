import KafkaWire
import KafkaWireGzip
import Simulation
import StreamLog

extension Broker {
    /// Produce: validates each partition's RecordBatch v2 bytes (CRC-32C, magic, record counts;
    /// gzip inflated, other codecs UNSUPPORTED_COMPRESSION_TYPE) and appends the records to the
    /// partition the client chose, as records like any other (throughput, feed, groups). acks=0
    /// gets no response.
    func handleProduce(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let produce = try ProduceRequest.decode(version: request.version, from: &body)
        var topics: [ProduceResponse.Topic] = []
        guard [0, 1, -1].contains(produce.acks) else {
            topics = produce.topics.map { topic in
                ProduceResponse.Topic(name: topic.name, partitions: topic.partitions.map {
                    ProduceResponse.Partition(index: $0.index, errorCode: .invalidRequiredAcks, baseOffset: -1,
                                              errorMessage: "acks=\(produce.acks): expected 0, 1 or -1")
                })
            }
            return .respond(ProduceResponse(topics: topics).encoded(version: request.version))
        }
        for topic in produce.topics {
            if autoCreateTopics, !engine.log.topicNames.contains(topic.name) { createTopic(topic.name, for: request) }
            topics.append(ProduceResponse.Topic(name: topic.name, partitions: topic.partitions.map { partition in
                append(partition, topic: topic.name, for: request)
            }))
        }
        guard produce.acks != 0 else { return .noResponse }
        return .respond(ProduceResponse(topics: topics).encoded(version: request.version))
    }

    /// Decodes and appends one partition's batches; the answer for that partition.
    private func append(_ partition: ProduceRequest.Partition, topic: String, for request: Request) -> ProduceResponse.Partition {
        let target = TopicPartition(topic, Int(partition.index))
        func failure(_ code: KafkaErrorCode, _ message: String? = nil) -> ProduceResponse.Partition {
            ProduceResponse.Partition(index: partition.index, errorCode: code, baseOffset: -1, errorMessage: message)
        }
        guard let offsets = try? engine.log.offsets(topic: topic), offsets.indices.contains(target.partition) else {
            return failure(.unknownTopicOrPartition)
        }
        guard let bytes = partition.records else { return failure(.corruptMessage, "the records are null") }
        let batches: [BorrowedBatch]
        do {
            batches = try decodeBatches(Array(bytes))
        } catch {
            return failure(error.kafkaErrorCode, error.description)
        }
        var first: BatchAppend?
        for batch in batches {
            do {
                let appended = try appendBatch(batch, to: target, client: request.clientName)
                if first == nil { first = appended }
            } catch {
                return failure(.unknownTopicOrPartition, "\(error)")
            }
        }
        guard let first else { return failure(.corruptMessage, "no record batch in the request") }
        return ProduceResponse.Partition(
            index: partition.index, baseOffset: first.baseOffset,
            logAppendTimeMs: first.timestampType == .logAppendTime ? first.logAppendTimeMs + epochStartMs : -1,
            logStartOffset: first.logStartOffset)
    }

    /// Every batch in a partition's records field, validated, its records left in place (gzip
    /// inflated, to at most the frame limit).
    func decodeBatches(_ bytes: [UInt8]) throws(WireError) -> [BorrowedBatch] {
        var reader = WireReader(bytes)
        var batches: [BorrowedBatch] = []
        while reader.remaining > 0 {
            let (spans, buffer) = try KafkaWire.RecordBatch.decodeSpansInflatingGzip(from: &reader)
            batches.append(BorrowedBatch(spans: spans, buffer: buffer, epochStartMs: epochStartMs))
        }
        return batches
    }

    /// Appends one validated batch through the engine, its timestamps turned from the client's
    /// epoch ms into simulated time.
    private func appendBatch(_ batch: BorrowedBatch, to target: TopicPartition, client: String) throws(StreamLogError) -> BatchAppend {
        let result = batch.withRecords { records in
            Result { () throws(StreamLogError) in try engine.appendExternal(to: target, records, client: client) }
        }
        return try result.get()
    }
}
