@testable import KafkaWire

/// The data-plane requests in the fuzz corpus, and how the fuzz decodes them.
extension FuzzTests {
    /// Produce, Fetch, ListOffsets, Metadata, InitProducerId and CreateTopics request frames, at their lowest and highest versions.
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
