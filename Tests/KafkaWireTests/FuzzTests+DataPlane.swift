@testable import KafkaWire

/// The data-plane requests in the fuzz corpus, and how the fuzz decodes them.
extension FuzzTests {
    /// Produce, Fetch, ListOffsets, Metadata, InitProducerId and CreateTopics request frames at their lowest and highest versions.
    static func dataRequests(batch: [UInt8]) -> [(Kind, [UInt8])] {
        let bodies: [(ApiKey, (Int16) -> [UInt8])] = [
            (.produce, ProduceRequest(transactionalId: "tx", acks: -1, timeoutMs: 1_000, topics: [
                .init(name: "orders", partitions: [.init(index: 0, records: batch[...]), .init(index: 1, records: nil)]),
            ]).encoded),
            (.fetch, FetchRequest(maxWaitMs: 500, minBytes: 1, sessionId: 1, sessionEpoch: 2, topics: [
                .init(topic: "orders", partitions: [.init(partition: 0, currentLeaderEpoch: 3, fetchOffset: 42, partitionMaxBytes: 1_048_576)]),
            ], forgottenTopicsData: [.init(topic: "old", partitions: [0, 1])], rackId: "rack").encoded),
            (.listOffsets, ListOffsetsRequest(isolationLevel: 1, topics: [
                .init(name: "orders", partitions: [.init(partitionIndex: 0, timestamp: -2), .init(partitionIndex: 1, timestamp: 1_700_000_000_000)]),
            ]).encoded),
            (.metadata, MetadataRequest(topics: ["orders", "payments"], includeTopicAuthorizedOperations: true).encoded),
            (.initProducerId, InitProducerIdRequest(transactionalId: nil, transactionTimeoutMs: 60_000).encoded),
            (.createTopics, CreateTopicsRequest(topics: [
                .init(name: "new", numPartitions: 3, replicationFactor: 1, configs: [.init(name: "retention.ms", value: "60000")]),
            ], timeoutMs: 1_000, validateOnly: true).encoded),
        ]
        return bodies.flatMap { key, body in
            [key.supportedVersions.lowerBound, key.supportedVersions.upperBound].map { version in
                var writer = WireWriter()
                RequestHeader(apiKey: key.rawValue, apiVersion: version, correlationId: 7, clientId: "fuzz").encode(into: &writer)
                writer.writeBytes(body(version))
                return (Kind.dataRequest, FrameSplitter.frame(writer.bytes))
            }
        }
    }

    /// Decodes a data-plane request frame by its header, as the listener dispatches; `false` when refused.
    static func decodeDataRequest(_ bytes: [UInt8]) -> Bool {
        guard case let .frame(body, _)? = try? FrameSplitter().split(bytes) else { return false }
        var reader = WireReader(body)
        guard let header = try? RequestHeader.decode(from: &reader) else { return false }
        let version = header.apiVersion
        do {
            switch ApiKey(rawValue: header.apiKey) {
            case .produce?: _ = try ProduceRequest.decode(version: version, from: &reader)
            case .fetch?: _ = try FetchRequest.decode(version: version, from: &reader)
            case .listOffsets?: _ = try ListOffsetsRequest.decode(version: version, from: &reader)
            case .metadata?: _ = try MetadataRequest.decode(version: version, from: &reader)
            case .initProducerId?: _ = try InitProducerIdRequest.decode(version: version, from: &reader)
            case .createTopics?: _ = try CreateTopicsRequest.decode(version: version, from: &reader)
            default: return false
            }
            return true
        } catch {
            return false
        }
    }
}

extension FuzzTests {
    /// Whether reading spans at `reader` accepts and refuses exactly what decoding does, with the
    /// same error, the same records once copied out, and `reader` left at the same byte.
    static func spansAgree(with reader: WireReader) -> Bool {
        var decodeReader = reader
        var spanReader = reader
        let decoded: Result<RecordBatchDecoding, WireError> = Result { () throws(WireError) in try RecordBatch.decode(from: &decodeReader) }
        let spans: Result<RecordBatchSpanDecoding, WireError> = Result { () throws(WireError) in try RecordBatch.decodeSpans(from: &spanReader) }
        switch (decoded, spans) {
        case let (.failure(decodeError), .failure(spanError)):
            return decodeError == spanError
        case let (.success(.batch(batch)), .success(.batch(found))):
            var header = batch
            header.records = []
            let copied = found.records.map { Record($0, headers: found.headers, in: reader.bytes) }
            return found.header == header && copied == batch.records && decodeReader.offset == spanReader.offset
        case let (.success(.needsGunzip(batch, compressed, count)), .success(.needsGunzip(header, range, spanCount))):
            return batch == header && compressed == Array(reader.bytes[range]) && count == spanCount
        default:
            return false
        }
    }
}

extension FuzzTests {
    /// Produce, Fetch, ListOffsets, InitProducerId, CreateTopics and ApiVersions responses (as a client reads them) at
    /// their highest versions, each behind its api key and version (int16 each), which mutations reach too.
    static func dataResponses(batch: [UInt8]) -> [(Kind, [UInt8])] {
        var records = RecordBytes(batch)
        records.append(batch[...])
        let bodies: [(ApiKey, Int16, [UInt8])] = [
            (.produce, 8, ProduceResponse(topics: [.init(name: "orders", partitions: [
                .init(index: 0, baseOffset: 7, logStartOffset: 0),
                .init(index: 1, errorCode: .corruptMessage, baseOffset: -1, recordErrors: [.init(batchIndex: 0, message: "bad")],
                      errorMessage: "CRC"),
            ])]).encoded(version: 8)),
            (.fetch, 11, FetchResponse(sessionId: 3, responses: [.init(topic: "orders", partitions: [
                .init(partitionIndex: 0, highWatermark: 4, lastStableOffset: 4, logStartOffset: 0, records: records),
                .init(partitionIndex: 1, errorCode: .offsetOutOfRange, highWatermark: 0,
                      abortedTransactions: [.init(producerId: 1, firstOffset: 0)], records: nil),
            ])]).encoded(version: 11)),
            (.listOffsets, 5, ListOffsetsResponse(topics: [.init(name: "orders", partitions: [
                .init(partitionIndex: 0, timestamp: 1_700_000_000_000, offset: 3, leaderEpoch: 0),
            ])]).encoded(version: 5)),
            (.initProducerId, 1, InitProducerIdResponse(producerId: 1_000, producerEpoch: 0).encoded(version: 1)),
            (.createTopics, 4, CreateTopicsResponse(topics: [.init(name: "new"), .init(name: "old", errorCode: .topicAlreadyExists,
                                                                                      errorMessage: "exists")]).encoded(version: 4)),
            (.apiVersions, 2, ApiVersionsResponse(errorCode: .none, apiKeys: ApiKey.supported).encoded(version: 2)),
        ]
        return bodies.map { key, version, body in
            var writer = WireWriter()
            writer.writeInt16(key.rawValue)
            writer.writeInt16(version)
            writer.writeBytes(body)
            return (Kind.dataResponse, writer.bytes)
        }
    }

    /// Decodes a response body behind its api key and version; `false` when refused.
    static func decodeDataResponse(_ bytes: [UInt8]) -> Bool {
        var reader = WireReader(bytes)
        guard let key = try? reader.readInt16(), let version = try? reader.readInt16() else { return false }
        do {
            switch ApiKey(rawValue: key) {
            case .produce?: _ = try ProduceResponse.decode(version: version, from: &reader)
            case .fetch?: _ = try FetchResponse.decode(version: version, from: &reader)
            case .listOffsets?: _ = try ListOffsetsResponse.decode(version: version, from: &reader)
            case .initProducerId?: _ = try InitProducerIdResponse.decode(version: version, from: &reader)
            case .createTopics?: _ = try CreateTopicsResponse.decode(version: version, from: &reader)
            case .apiVersions?: _ = try ApiVersionsResponse.decode(version: version, from: &reader)
            default: return false
            }
            return true
        } catch {
            return false
        }
    }
}
