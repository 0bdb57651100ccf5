import Testing
@testable import KafkaWire

/// Group-plane frames captured from real clients, decoded and re-encoded byte for byte.
///
/// How they were made: tansu 0.6.0 (memory storage) on a loopback port, behind a small Python
/// proxy (also loopback) that answered ApiVersions with streamstage's advertised table — so the
/// clients chose the versions streamstage decodes — and dumped every other frame as hex. Then
/// kafka-python 3.0.12 (`client_id="capture-kp"`, group `g-kp`) and confluent-kafka 2.16.1
/// (`client.id=capture-ck`, group `g-ck`) subscribed to `orders` (2 partitions), polled and
/// committed, with `session.timeout.ms=6000`. Requests include their v1 header; responses their
/// v0 header (the correlation id).
struct GroupCaptureTests {
    static let kpMember = "capture-kp-f6642802-5f0b-4857-9316-550fdc01aa60"
    static let ckMember = "capture-ck-4627b657-2ff7-49e2-9594-525f4c9478ce"
    /// kafka-python's subscription: ConsumerProtocolSubscription v0, topics [orders], empty user data.
    static let kpSubscription = hexBytes("0000 00000001 0006 6f7264657273 00000000")
    /// librdkafka's: v3, [orders], empty user data, no owned partitions, generation −1, rack "".
    static let ckSubscription = hexBytes("0003 00000001 0006 6f7264657273 00000000 00000000 ffffffff 0000")
    /// The leader's assignment of orders-0 and orders-1: v0, empty user data.
    static let assignment = hexBytes("0000 00000001 0006 6f7264657273 00000002 00000000 00000001 00000000")

    /// Splits a captured request into its header and a reader at the body.
    static func request(_ text: String) throws -> (RequestHeader, WireReader, [UInt8]) {
        let bytes = hexBytes(text)
        var reader = WireReader(bytes)
        let header = try RequestHeader.decode(from: &reader)
        return (header, reader, Array(bytes[reader.offset...]))
    }

    /// A reader at the body of a captured response (after the correlation id).
    static func response(_ text: String) -> (WireReader, [UInt8]) {
        let bytes = hexBytes(text)
        return (WireReader(bytes, offset: 4), Array(bytes[4...]))
    }

    @Test func findCoordinatorV2() throws {
        var (header, reader, body) = try Self.request("000a000200000002000a636170747572652d6b700004672d6b7000")
        #expect(header == RequestHeader(apiKey: 10, apiVersion: 2, correlationId: 2, clientId: "capture-kp"))
        let request = try FindCoordinatorRequest.decode(version: 2, from: &reader)
        #expect(request == FindCoordinatorRequest(key: "g-kp", keyType: 0))
        #expect(request.encoded(version: 2) == body)
        var (answer, answerBody) = Self.response("0000000200000000000000044e4f4e450000006f00093132372e302e302e310000e57f")
        let response = try FindCoordinatorResponse.decode(version: 2, from: &answer)
        #expect(response == FindCoordinatorResponse(errorMessage: "NONE", nodeId: 111, host: "127.0.0.1", port: 58751))
        #expect(response.encoded(version: 2) == answerBody)
    }

    @Test func kafkaPythonJoinGroupV5() throws {
        var (header, reader, body) = try Self.request(
            "000b000500000003000a636170747572652d6b700004672d6b7000001770000493e0002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d353530666463303161613630ffff0008636f6e73756d657200000002000572616e67650000001200000000000100066f726465727300000000000a726f756e64726f62696e0000001200000000000100066f726465727300000000")
        #expect(header.clientId == "capture-kp")
        let request = try JoinGroupRequest.decode(version: 5, from: &reader)
        #expect(request == JoinGroupRequest(
            groupId: "g-kp", sessionTimeoutMs: 6000, rebalanceTimeoutMs: 300_000, memberId: Self.kpMember,
            protocols: [.init(name: "range", metadata: Self.kpSubscription), .init(name: "roundrobin", metadata: Self.kpSubscription)]))
        #expect(request.encoded(version: 5) == body)
        #expect(try ConsumerProtocolSubscription.decode(Self.kpSubscription)
            == ConsumerProtocolSubscription(version: 0, topics: ["orders"], userData: []))

        var (answer, answerBody) = Self.response(
            "0000000300000000000000000000000572616e6765002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d353530666463303161613630002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d35353066646330316161363000000001002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d353530666463303161613630ffff0000001200000000000100066f726465727300000000")
        let response = try JoinGroupResponse.decode(version: 5, from: &answer)
        #expect(response == JoinGroupResponse(
            generationId: 0, protocolName: "range", leader: Self.kpMember, memberId: Self.kpMember,
            members: [.init(memberId: Self.kpMember, metadata: Self.kpSubscription)]))
        #expect(response.encoded(version: 5) == answerBody)
    }

    /// The first JoinGroup of a new member (empty member id) and the broker's MEMBER_ID_REQUIRED answer.
    @Test func memberIdRequiredRoundTrip() throws {
        var (_, reader, _) = try Self.request(
            "000b000500000002000a636170747572652d6b700004672d6b7000001770000493e00000ffff0008636f6e73756d657200000002000572616e67650000001200000000000100066f726465727300000000000a726f756e64726f62696e0000001200000000000100066f726465727300000000")
        #expect(try JoinGroupRequest.decode(version: 5, from: &reader).memberId == "")
        var (answer, answerBody) = Self.response(
            "0000000200000000004fffffffff00000000002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d35353066646330316161363000000000")
        let response = try JoinGroupResponse.decode(version: 5, from: &answer)
        #expect(response == .failure(.memberIdRequired, memberId: Self.kpMember))
        #expect(response.encoded(version: 5) == answerBody)
    }

    @Test func confluentJoinGroupV5CarriesSubscriptionV3() throws {
        var (header, reader, body) = try Self.request(
            "000b000500000005000a636170747572652d636b0004672d636b00001770000493e0002f636170747572652d636b2d34363237623635372d326666372d343965322d393539342d353235663463393437386365ffff0008636f6e73756d657200000002000572616e67650000001c00030000000100066f72646572730000000000000000ffffffff0000000a726f756e64726f62696e0000001c00030000000100066f72646572730000000000000000ffffffff0000")
        #expect(header.clientId == "capture-ck")
        let request = try JoinGroupRequest.decode(version: 5, from: &reader)
        #expect(request.protocols.map(\.name) == ["range", "roundrobin"])
        #expect(request.protocols.map(\.metadata) == [Self.ckSubscription, Self.ckSubscription])
        #expect(request.encoded(version: 5) == body)
        // v3's generation and rack are read past, as Kafka reads a newer version.
        #expect(try ConsumerProtocolSubscription.decode(Self.ckSubscription)
            == ConsumerProtocolSubscription(version: 3, topics: ["orders"], userData: [], ownedPartitions: []))
    }

    @Test func leaderSyncGroupV3() throws {
        var (_, reader, body) = try Self.request(
            "000e000300000004000a636170747572652d6b700004672d6b7000000000002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d353530666463303161613630ffff00000001002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d3535306664633031616136300000001e00000000000100066f726465727300000002000000000000000100000000")
        let request = try SyncGroupRequest.decode(version: 3, from: &reader)
        #expect(request == SyncGroupRequest(
            groupId: "g-kp", generationId: 0, memberId: Self.kpMember,
            assignments: [.init(memberId: Self.kpMember, assignment: Self.assignment)]))
        #expect(request.encoded(version: 3) == body)
        #expect(try ConsumerProtocolAssignment.decode(Self.assignment)
            == ConsumerProtocolAssignment(version: 0, partitions: [.init(topic: "orders", partitions: [0, 1])], userData: []))
        var (answer, answerBody) = Self.response("000000040000000000000000001e00000000000100066f726465727300000002000000000000000100000000")
        let response = try SyncGroupResponse.decode(version: 3, from: &answer)
        #expect(response == SyncGroupResponse(assignment: Self.assignment))
        #expect(response.encoded(version: 3) == answerBody)
    }

    @Test func heartbeatV3AndLeaveGroupV3() throws {
        var (_, beat, beatBody) = try Self.request(
            "000c000300000006000a636170747572652d6b700004672d6b7000000000002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d353530666463303161613630ffff")
        let heartbeat = try HeartbeatRequest.decode(version: 3, from: &beat)
        #expect(heartbeat == HeartbeatRequest(groupId: "g-kp", generationId: 0, memberId: Self.kpMember))
        #expect(heartbeat.encoded(version: 3) == beatBody)
        var (beatAnswer, _) = Self.response("00000006000000000000")
        #expect(try HeartbeatResponse.decode(version: 3, from: &beatAnswer) == HeartbeatResponse(errorCode: .none))

        var (_, leave, leaveBody) = try Self.request(
            "000d00030000000c000a636170747572652d6b700004672d6b7000000001002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d353530666463303161613630ffff")
        let request = try LeaveGroupRequest.decode(version: 3, from: &leave)
        #expect(request == LeaveGroupRequest(groupId: "g-kp", members: [.init(memberId: Self.kpMember)]))
        #expect(request.encoded(version: 3) == leaveBody)
        var (answer, answerBody) = Self.response(
            "0000000c00000000000000000001002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d353530666463303161613630ffff0000")
        let response = try LeaveGroupResponse.decode(version: 3, from: &answer)
        #expect(response == LeaveGroupResponse(errorCode: .none, members: [.init(memberId: Self.kpMember, errorCode: .none)]))
        #expect(response.encoded(version: 3) == answerBody)
    }

    @Test func offsetCommitV7AndOffsetFetchV5() throws {
        var (_, commit, commitBody) = try Self.request(
            "000800070000000b000a636170747572652d6b700004672d6b7000000000002f636170747572652d6b702d66363634323830322d356630622d343835372d393331362d353530666463303161613630ffff0000000100066f726465727300000002000000010000000000000000ffffffff0000000000000000000000000000ffffffff0000")
        let request = try OffsetCommitRequest.decode(version: 7, from: &commit)
        #expect(request == OffsetCommitRequest(
            groupId: "g-kp", generationId: 0, memberId: Self.kpMember,
            topics: [.init(name: "orders", partitions: [.init(partitionIndex: 1, committedOffset: 0), .init(partitionIndex: 0, committedOffset: 0)])]))
        #expect(request.encoded(version: 7) == commitBody)
        var (commitAnswer, commitAnswerBody) = Self.response("0000000b000000000000000100066f726465727300000002000000010000000000000000")
        let committed = try OffsetCommitResponse.decode(version: 7, from: &commitAnswer)
        #expect(committed == OffsetCommitResponse(
            topics: [.init(name: "orders", partitions: [.init(partitionIndex: 1, errorCode: .none), .init(partitionIndex: 0, errorCode: .none)])]))
        #expect(committed.encoded(version: 7) == commitAnswerBody)

        var (_, fetch, fetchBody) = try Self.request(
            "0009000500000005000a636170747572652d6b700004672d6b700000000100066f7264657273000000020000000000000001")
        let asked = try OffsetFetchRequest.decode(version: 5, from: &fetch)
        #expect(asked == OffsetFetchRequest(groupId: "g-kp", topics: [.init(name: "orders", partitionIndexes: [0, 1])]))
        #expect(asked.encoded(version: 5) == fetchBody)
        var (answer, answerBody) = Self.response(
            "00000005000000000000000100066f72646572730000000200000000ffffffffffffffffffffffff0000000000000001ffffffffffffffffffffffff000000000000")
        let response = try OffsetFetchResponse.decode(version: 5, from: &answer)
        #expect(response == OffsetFetchResponse(topics: [.init(name: "orders", partitions: [
            .init(partitionIndex: 0, committedOffset: -1, metadata: ""), .init(partitionIndex: 1, committedOffset: -1, metadata: ""),
        ])]))
        #expect(response.encoded(version: 5) == answerBody)
    }
}
