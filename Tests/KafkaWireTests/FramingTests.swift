import Testing
@testable import KafkaWire

/// Size-prefixed frames, request header v1 and response header v0.
struct FramingTests {
    let splitter = FrameSplitter()

    @Test func splitsOneFrameAndLeavesTheRest() throws {
        #expect(try splitter.split([0, 0, 0, 2, 0xAB, 0xCD, 0x00]) == .frame(body: [0xAB, 0xCD], consumed: 6))
        #expect(try splitter.split([0, 0, 0, 0]) == .frame(body: [], consumed: 4))
    }

    @Test func truncatedFramesNeedMoreBytes() throws {
        #expect(try splitter.split([]) == .needMoreBytes(4))
        #expect(try splitter.split([0, 0]) == .needMoreBytes(2))
        #expect(try splitter.split([0, 0, 0, 10, 1, 2, 3]) == .needMoreBytes(7))
    }

    @Test func negativeAndOversizedFramesAreRefused() throws {
        #expect(throws: WireError.negativeFrameSize(-1)) { try splitter.split([0xFF, 0xFF, 0xFF, 0xFF]) }
        #expect(FrameSplitter.defaultMaximumFrameSize == 104_857_600)
        // 100 MiB + 1, announced with no body: refused at once, not waited for.
        #expect(throws: WireError.frameTooLarge(size: 104_857_601, limit: 104_857_600)) {
            try splitter.split([0x06, 0x40, 0x00, 0x01])
        }
        let small = FrameSplitter(maximumFrameSize: 3)
        #expect(try small.split([0, 0, 0, 3, 1, 2, 3]) == .frame(body: [1, 2, 3], consumed: 7))
        #expect(throws: WireError.frameTooLarge(size: 4, limit: 3)) { try small.split([0, 0, 0, 4]) }
        #expect(WireError.frameTooLarge(size: 4, limit: 3).description == "frame size 4 exceeds the limit of 3 bytes")
    }

    /// An ApiVersions v0 request as librdkafka sends it: key 18, version 0, correlation 1, client id "rdkafka".
    @Test func requestHeaderV1() throws {
        let frame: [UInt8] = [0, 0, 0, 17, 0x00, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
                              0x00, 0x07, 0x72, 0x64, 0x6B, 0x61, 0x66, 0x6B, 0x61]
        guard case let .frame(body, consumed) = try splitter.split(frame) else {
            Issue.record("expected a whole frame")
            return
        }
        #expect(consumed == 21)
        var reader = WireReader(body)
        let header = try RequestHeader.decode(from: &reader)
        #expect(header == RequestHeader(apiKey: 18, apiVersion: 0, correlationId: 1, clientId: "rdkafka"))
        try ApiVersionsRequest.decode(version: header.apiVersion, from: &reader)
        var writer = WireWriter()
        header.encode(into: &writer)
        #expect(FrameSplitter.frame(writer.bytes) == frame)
    }

    @Test func requestHeaderWithNullClientIdAndTruncatedHeader() throws {
        var reader = WireReader([0x00, 0x03, 0x00, 0x04, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(try RequestHeader.decode(from: &reader) == RequestHeader(apiKey: 3, apiVersion: 4, correlationId: .max, clientId: nil))
        var short = WireReader([0x00, 0x03, 0x00])
        #expect(throws: WireError.truncated(at: 2, needed: 2, available: 1)) { try RequestHeader.decode(from: &short) }
    }

    @Test func responseHeaderV0Frame() throws {
        #expect(ResponseHeader(correlationId: 7).frame(body: [0xAA]) == [0, 0, 0, 5, 0, 0, 0, 7, 0xAA])
        var reader = WireReader([0, 0, 0, 7])
        #expect(try ResponseHeader.decode(from: &reader) == ResponseHeader(correlationId: 7))
    }
}
