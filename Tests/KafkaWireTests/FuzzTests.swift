import Testing
@testable import KafkaWire

/// SplitMix64: a seeded, reproducible random source for the fuzz test.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 10 000 seeded mutations of valid frames, bodies and batches through their decoders: errors, never a trap.
struct FuzzTests {
    static let iterations = 10_000

    /// Which decoder an input is meant for.
    enum Kind { case request, response, metadata, batches, groupRequest, consumerProtocol, dataRequest, dataResponse }

    /// Valid inputs to mutate: a request frame, a response frame and record batches.
    static func corpus() -> [(Kind, [UInt8])] {
        var request = WireWriter()
        RequestHeader(apiKey: 18, apiVersion: 2, correlationId: 9, clientId: "fuzz").encode(into: &request)
        let batch = RecordBatch(
            baseOffset: 0, lastOffsetDelta: 1, baseTimestamp: 1_700_000_000_000, maxTimestamp: 1_700_000_000_010,
            records: [
                Record(timestampDelta: 0, offsetDelta: 0, key: Array("k".utf8), value: Array("v".utf8),
                       headers: [RecordHeader(key: "h", value: [1, 2])]),
                Record(timestampDelta: 10, offsetDelta: 1, key: nil, value: [UInt8](repeating: 0x41, count: 40)),
            ])
        let metadata = MetadataResponse(
            brokers: [.init(nodeId: 0, host: "127.0.0.1", port: 9092)], controllerId: 0,
            topics: [.init(name: "orders", partitions: [.init(partitionIndex: 0, leaderId: 0, replicaNodes: [0])])])
        let response = ApiVersionsResponse(errorCode: .none, apiKeys: [ApiVersionRange(apiKey: 18, minVersion: 0, maxVersion: 2)])
        return [(.request, FrameSplitter.frame(request.bytes)), (.batches, batch.encoded()),
                (.batches, RecordBatchTests.handBuilt + batch.encoded()),
                (.response, ResponseHeader(correlationId: 9).frame(body: response.encoded(version: 2))),
                (.metadata, metadata.encoded(version: 8))] + groupCorpus() + dataRequests(batch: batch.encoded())
                + dataResponses(batch: batch.encoded())
    }

    /// One to four random edits: overwrite a byte, write an extreme int32, truncate, or insert bytes.
    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1:
                let extremes: [Int32] = [.min, -2, -1, .max, 0x0640_0001]
                let extreme = extremes.randomElement(using: &random) ?? -1
                for step in 0..<4 where at + step < bytes.count {
                    bytes[at + step] = UInt8(truncatingIfNeeded: extreme >> (24 - 8 * step))
                }
            case 2: bytes.removeSubrange(at...)
            default: bytes.insert(contentsOf: (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
            }
        }
        return bytes
    }

    /// What the decoders made of one input.
    struct Outcome {
        var accepted = 0
        var rejected = 0
        /// Decoded batches whose re-encoding differs from the bytes they came from.
        var unfaithfulBatches = 0
        /// Batches where ``RecordBatch/decodeSpans(from:)`` and ``RecordBatch/decode(from:)`` disagree.
        var spanDisagreements = 0
    }

    /// Runs the decoders for `kind` over `bytes`, tallying into `outcome`.
    static func decode(_ kind: Kind, _ bytes: [UInt8], into outcome: inout Outcome) {
        func tally(_ ok: Bool) { if ok { outcome.accepted += 1 } else { outcome.rejected += 1 } }
        switch kind {
        case .request:
            guard case let .frame(body, _)? = try? FrameSplitter().split(bytes) else { return tally(false) }
            var reader = WireReader(body)
            guard let header = try? RequestHeader.decode(from: &reader) else { return tally(false) }
            tally((try? ApiVersionsRequest.decode(version: header.apiVersion, from: &reader)) != nil)
        case .response:
            guard case let .frame(body, _)? = try? FrameSplitter().split(bytes) else { return tally(false) }
            var reader = WireReader(body)
            guard (try? ResponseHeader.decode(from: &reader)) != nil else { return tally(false) }
            tally((try? ApiVersionsResponse.decode(version: 2, from: &reader)) != nil)
        case .metadata:
            var reader = WireReader(bytes)
            tally((try? MetadataResponse.decode(version: 8, from: &reader)) != nil)
        case .batches: decodeBatches(bytes, into: &outcome)
        case .groupRequest, .consumerProtocol: tally(decodeGroup(kind, bytes))
        case .dataRequest: tally(decodeDataRequest(bytes))
        case .dataResponse: tally(decodeDataResponse(bytes))
        }
    }

    /// Decodes batches back to back until the bytes end or one is refused.
    static func decodeBatches(_ bytes: [UInt8], into outcome: inout Outcome) {
        func tally(_ ok: Bool) { if ok { outcome.accepted += 1 } else { outcome.rejected += 1 } }
        var reader = WireReader(bytes)
        while reader.remaining > 0 {
            let start = reader.offset
            if !spansAgree(with: reader) { outcome.spanDisagreements += 1 }
            guard let decoding = try? RecordBatch.decode(from: &reader) else { return tally(false) }
            tally(true)
            // The CRC covers everything the encoder derives, so an accepted batch re-encodes to its own bytes.
            if case let .batch(batch) = decoding, batch.encoded() != Array(bytes[start..<reader.offset]) {
                outcome.unfaithfulBatches += 1
            }
        }
    }

    @Test func mutatedInputsNeverTrap() {
        var random = SplitMix64(state: 13)
        let corpus = Self.corpus()
        var valid = Outcome()
        for (kind, input) in corpus { Self.decode(kind, input, into: &valid) }
        #expect(valid.rejected == 0)
        #expect(valid.accepted == 6 + Self.groupCorpus().count + 12 + 6)
        var outcome = Outcome()
        for iteration in 0..<Self.iterations {
            let (kind, input) = corpus[iteration % corpus.count]
            Self.decode(kind, Self.mutate(input, using: &random), into: &outcome)
        }
        #expect(outcome.accepted > 0)
        #expect(outcome.rejected > Self.iterations / 2)
        #expect(outcome.unfaithfulBatches == 0)
        #expect(outcome.spanDisagreements == 0)
    }
}
