import KafkaWire
import Simulation
import StreamLog

extension Broker {
    /// Fetch: each partition's records from the offset asked for, as RecordBatch v2 bytes within
    /// the request's byte limits; OFFSET_OUT_OF_RANGE outside log-start…log-end. Fewer than
    /// min bytes parks the fetch until records come or max wait passes, so a caught-up consumer
    /// long-polls instead of spinning.
    func handleFetch(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let fetch = try FetchRequest.decode(version: request.version, from: &body)
        let parked = ParkedFetch(
            connection: request.connection, correlationId: request.header.correlationId, version: request.version, request: fetch,
            deadlineWallMs: request.wallMs + Int64(max(0, fetch.maxWaitMs)))
        if let frame = settle(parked, wallMs: request.wallMs) {
            return .respondFrame(frame)
        }
        return .park(parked)
    }

    /// The response frame for `fetch` if it is ready (enough bytes, an error to report, or its
    /// wait is over), else nil.
    func settle(_ fetch: ParkedFetch, wallMs: Int64) -> [UInt8]? {
        let (response, bytes, failed) = read(fetch.request)
        guard bytes >= Int(fetch.request.minBytes) || failed || wallMs >= fetch.deadlineWallMs else { return nil }
        return ResponseHeader(correlationId: fetch.correlationId).frame(body: response.encoded(version: fetch.version))
    }

    /// Reads every partition asked for: the response, the record bytes in it, and whether a
    /// partition failed (which is answered at once, as Kafka does).
    func read(_ fetch: FetchRequest) -> (FetchResponse, bytes: Int, failed: Bool) {
        var remaining = fetch.maxBytes > 0 ? Int(fetch.maxBytes) : Int(Int32.max)
        var total = 0
        var failed = false
        let topics = fetch.topics.map { topic in
            FetchResponse.Topic(topic: topic.topic, partitions: topic.partitions.map { asked in
                let answer = read(asked, topic: topic.topic, byteLimit: min(remaining, Int(max(0, asked.partitionMaxBytes))))
                remaining -= answer.records?.count ?? 0
                total += answer.records?.count ?? 0
                if answer.errorCode != .none { failed = true }
                return answer
            })
        }
        return (FetchResponse(responses: topics), total, failed)
    }

    /// One partition's answer: its watermarks and the batches from `fetchOffset` within `byteLimit`.
    private func read(_ asked: FetchRequest.Partition, topic: String, byteLimit: Int) -> FetchResponse.Partition {
        let index = asked.partition
        guard let offsets = try? engine.log.offsets(topic: topic), offsets.indices.contains(Int(index)) else {
            return FetchResponse.Partition(partitionIndex: index, errorCode: .unknownTopicOrPartition, highWatermark: -1, records: RecordBytes())
        }
        let watermarks = offsets[Int(index)]
        var answer = FetchResponse.Partition(
            partitionIndex: index, highWatermark: watermarks.logEndOffset, lastStableOffset: watermarks.logEndOffset,
            logStartOffset: watermarks.logStartOffset, records: RecordBytes())
        guard asked.fetchOffset >= watermarks.logStartOffset, asked.fetchOffset <= watermarks.logEndOffset else {
            answer.errorCode = .offsetOutOfRange
            return answer
        }
        var encoder = StoredBatchEncoder(epochStartMs: epochStartMs, byteLimit: byteLimit)
        var offset = asked.fetchOffset
        while offset < watermarks.logEndOffset, !encoder.isFull, byteLimit > 0 {
            let before = encoder.recordCount
            let maxRecords = min(Self.fetchRecordsPerRead, Int(watermarks.logEndOffset - offset))
            guard (try? engine.log.fetch(TopicPartition(topic, Int(index)), from: offset, maxRecords: maxRecords, each: {
                encoder.append($0)
            })) != nil, encoder.recordCount > before else { break }
            offset += Int64(encoder.recordCount - before)
        }
        // Empty rather than null bytes when nothing is there: kafka-python cannot read a null.
        answer.records = RecordBytes(encoder.bytes)
        return answer
    }

    /// Records read from the log at a time while filling a partition's answer.
    static let fetchRecordsPerRead = 4_096
}
