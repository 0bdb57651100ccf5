import Testing
@testable import KafkaWire

/// ApiVersions bodies by byte vectors, the KIP-511 fallback, and Kafka's error-code numbers.
struct ApiVersionsTests {
    let supported = [
        ApiVersionRange(apiKey: 3, minVersion: 1, maxVersion: 8),
        ApiVersionRange(apiKey: 18, minVersion: 0, maxVersion: 2),
    ]

    @Test func v0AndV2Bodies() throws {
        let response = ApiVersionsResponse(errorCode: .none, apiKeys: supported, throttleTimeMs: 0)
        let v0: [UInt8] = [0, 0, 0, 0, 0, 2, 0, 3, 0, 1, 0, 8, 0, 18, 0, 0, 0, 2]
        #expect(response.encoded(version: 0) == v0)
        #expect(response.encoded(version: 2) == v0 + [0, 0, 0, 0])
        var reader = WireReader(v0 + [0, 0, 0, 0])
        #expect(try ApiVersionsResponse.decode(version: 2, from: &reader) == response)
    }

    @Test(arguments: [Int16(0), 1, 2])
    func answersSupportedVersionsInKind(version: Int16) {
        let answer = ApiVersionsResponse.answer(requestVersion: version, supported: supported)
        #expect(answer.version == version)
        #expect(answer.response == ApiVersionsResponse(errorCode: .none, apiKeys: supported))
    }

    /// A v3 request (librdkafka's and kafka-python's opening) gets a v0-format UNSUPPORTED_VERSION body.
    @Test(arguments: [Int16(3), 4, 99])
    func newerVersionsGetTheV0FormatFallback(version: Int16) {
        let answer = ApiVersionsResponse.answer(requestVersion: version, supported: supported)
        #expect(answer.version == 0)
        #expect(answer.response.encoded(version: answer.version) == [0, 35, 0, 0, 0, 2, 0, 3, 0, 1, 0, 8, 0, 18, 0, 0, 0, 2])
    }

    /// A flexible v3 request header still yields its key, version and correlation id for the fallback.
    @Test func flexibleV3RequestHeaderIsReadForTheFallback() throws {
        let body: [UInt8] = [0x00, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x07,
                             0x72, 0x64, 0x6B, 0x61, 0x66, 0x6B, 0x61, 0x00,  // client id, then empty tagged fields
                             0x09, 0x6C, 0x69, 0x62, 0x72, 0x64, 0x6B, 0x61, 0x66, 0x6B, 0x61, 0x06, 0x32, 0x2E, 0x31, 0x36, 0x00]
        var reader = WireReader(body)
        let header = try RequestHeader.decode(from: &reader)
        #expect(header == RequestHeader(apiKey: 18, apiVersion: 3, correlationId: 1, clientId: "rdkafka"))
        #expect(throws: WireError.unsupportedVersion(apiKey: 18, version: 3)) {
            try ApiVersionsRequest.decode(version: header.apiVersion, from: &reader)
        }
    }

    @Test func v0RequestWithABodyIsAnError() {
        var reader = WireReader([0x01], offset: 0)
        #expect(throws: WireError.trailingBytes(count: 1, at: 0)) { try ApiVersionsRequest.decode(version: 0, from: &reader) }
    }

    @Test func errorCodesCarryKafkasNumbersAndNames() {
        let codes: [(KafkaErrorCode, Int16, String)] = [
            (.none, 0, "NONE"), (.offsetOutOfRange, 1, "OFFSET_OUT_OF_RANGE"), (.corruptMessage, 2, "CORRUPT_MESSAGE"),
            (.unknownTopicOrPartition, 3, "UNKNOWN_TOPIC_OR_PARTITION"), (.unsupportedVersion, 35, "UNSUPPORTED_VERSION"),
            (.illegalGeneration, 22, "ILLEGAL_GENERATION"), (.rebalanceInProgress, 27, "REBALANCE_IN_PROGRESS"),
            (.unknownMemberId, 25, "UNKNOWN_MEMBER_ID"), (.unsupportedCompressionType, 76, "UNSUPPORTED_COMPRESSION_TYPE"),
            (.notCoordinator, 16, "NOT_COORDINATOR"), (.memberIdRequired, 79, "MEMBER_ID_REQUIRED"),
            (.unknownServerError, -1, "UNKNOWN_SERVER_ERROR"), (.messageTooLarge, 10, "MESSAGE_TOO_LARGE"),
        ]
        for (code, number, name) in codes {
            #expect(code.rawValue == number)
            #expect(code.name == name)
        }
        #expect(KafkaErrorCode(rawValue: 9_999).name == nil)
    }
}

/// The advertised table: every API the listener speaks, at the ranges real clients were measured with.
struct SupportedVersionsTests {
    @Test func tableMatchesTheMeasuredSubset() {
        let expected: [(Int16, Int16, Int16)] = [
            (0, 3, 8), (1, 4, 11), (2, 1, 5), (3, 1, 8), (8, 2, 7), (9, 1, 5), (10, 0, 2), (11, 2, 5),
            (12, 0, 3), (13, 0, 3), (14, 0, 3), (18, 0, 2), (19, 0, 4), (22, 0, 1),
        ]
        #expect(ApiKey.supported == expected.map { ApiVersionRange(apiKey: $0.0, minVersion: $0.1, maxVersion: $0.2) })
    }

    /// The fallback a v3 opening gets: UNSUPPORTED_VERSION and all fourteen ranges, v0 layout.
    @Test func fallbackAnswerAdvertisesTheTable() {
        let answer = ApiVersionsResponse.answer(requestVersion: 3)
        #expect(answer.version == 0)
        let body = answer.response.encoded(version: 0)
        #expect(body.count == 6 + 14 * 6)
        #expect(Array(body.prefix(12)) == [0, 35, 0, 0, 0, 14, 0, 0, 0, 3, 0, 8])          // Produce 3–8 first
        #expect(Array(body.suffix(18)) == [0, 18, 0, 0, 0, 2, 0, 19, 0, 0, 0, 4, 0, 22, 0, 0, 0, 1])
    }
}
