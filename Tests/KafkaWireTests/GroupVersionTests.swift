import Testing
@testable import KafkaWire

/// Group-plane bodies at each version boundary (a field appearing or going), versions out of
/// range, and truncation: every prefix of a valid body is a clean error.
struct GroupVersionTests {
    @Test func findCoordinatorKeyTypeAndThrottleFromV1() throws {
        let v0 = hexBytes("0001 67")                                    // key "g"
        var reader = WireReader(v0)
        #expect(try FindCoordinatorRequest.decode(version: 0, from: &reader) == FindCoordinatorRequest(key: "g"))
        #expect(FindCoordinatorRequest(key: "g", keyType: 1).encoded(version: 1) == v0 + [1])
        let response = FindCoordinatorResponse(nodeId: 0, host: "h", port: 9092)
        #expect(response.encoded(version: 0) == hexBytes("0000 00000000 0001 68 00002384"))
        #expect(response.encoded(version: 1) == hexBytes("00000000 0000 ffff 00000000 0001 68 00002384"))
        var v3 = WireReader(v0)
        #expect(throws: WireError.unsupportedVersion(apiKey: 10, version: 3)) { try FindCoordinatorRequest.decode(version: 3, from: &v3) }
    }

    @Test func joinGroupInstanceIdFromV5() throws {
        let request = JoinGroupRequest(
            groupId: "g", sessionTimeoutMs: 6000, rebalanceTimeoutMs: 9000, memberId: "m", groupInstanceId: "i",
            protocols: [.init(name: "range", metadata: [7])])
        let common = hexBytes("0001 67 00001770 00002328 0001 6d")
        let rest = hexBytes("0008 636f6e73756d6572 00000001 0005 72616e6765 00000001 07")
        #expect(request.encoded(version: 4) == common + rest)
        #expect(request.encoded(version: 5) == common + hexBytes("0001 69") + rest)
        var v4 = WireReader(common + rest)
        var withoutInstance = request
        withoutInstance.groupInstanceId = nil
        #expect(try JoinGroupRequest.decode(version: 4, from: &v4) == withoutInstance)
        var v1 = WireReader(common + rest)
        #expect(throws: WireError.unsupportedVersion(apiKey: 11, version: 1)) { try JoinGroupRequest.decode(version: 1, from: &v1) }

        let response = JoinGroupResponse(generationId: 2, protocolName: "range", leader: "m", memberId: "m",
                                         members: [.init(memberId: "m", groupInstanceId: "i", metadata: [7])])
        let head = hexBytes("00000000 0000 00000002 0005 72616e6765 0001 6d 0001 6d 00000001 0001 6d")
        #expect(response.encoded(version: 4) == head + hexBytes("00000001 07"))
        #expect(response.encoded(version: 5) == head + hexBytes("0001 69 00000001 07"))
    }

    @Test func syncGroupThrottleFromV1AndInstanceIdFromV3() throws {
        let request = SyncGroupRequest(groupId: "g", generationId: 1, memberId: "m", groupInstanceId: "i",
                                       assignments: [.init(memberId: "m", assignment: [9])])
        let head = hexBytes("0001 67 00000001 0001 6d")
        let tail = hexBytes("00000001 0001 6d 00000001 09")
        #expect(request.encoded(version: 2) == head + tail)
        #expect(request.encoded(version: 3) == head + hexBytes("0001 69") + tail)
        var v3 = WireReader(head + hexBytes("ffff") + tail)
        var dynamic = request
        dynamic.groupInstanceId = nil
        #expect(try SyncGroupRequest.decode(version: 3, from: &v3) == dynamic)
        #expect(SyncGroupResponse(errorCode: .rebalanceInProgress, assignment: []).encoded(version: 0) == hexBytes("001b 00000000"))
        #expect(SyncGroupResponse(assignment: [1]).encoded(version: 1) == hexBytes("00000000 0000 00000001 01"))
    }

    @Test func heartbeatThrottleFromV1() throws {
        #expect(HeartbeatResponse(errorCode: .rebalanceInProgress).encoded(version: 0) == hexBytes("001b"))
        #expect(HeartbeatResponse(errorCode: .illegalGeneration).encoded(version: 1) == hexBytes("00000000 0016"))
        var v2 = WireReader(hexBytes("0001 67 00000003 0001 6d"))
        #expect(try HeartbeatRequest.decode(version: 2, from: &v2) == HeartbeatRequest(groupId: "g", generationId: 3, memberId: "m"))
    }

    @Test func leaveGroupMembersFromV3() throws {
        var v2 = WireReader(hexBytes("0001 67 0001 6d"))
        #expect(try LeaveGroupRequest.decode(version: 2, from: &v2) == LeaveGroupRequest(groupId: "g", members: [.init(memberId: "m")]))
        let v3 = LeaveGroupRequest(groupId: "g", members: [.init(memberId: "a"), .init(memberId: "", groupInstanceId: "i")])
        #expect(v3.encoded(version: 3) == hexBytes("0001 67 00000002 0001 61 ffff 0000 0001 69"))
        #expect(LeaveGroupResponse(errorCode: .unknownMemberId).encoded(version: 0) == hexBytes("0019"))
        #expect(LeaveGroupResponse(errorCode: .none, members: [.init(memberId: "a", errorCode: .unknownMemberId)]).encoded(version: 3)
            == hexBytes("00000000 0000 00000001 0001 61 ffff 0019"))
    }

    @Test func offsetCommitRetentionUntilV4EpochFromV6InstanceFromV7() throws {
        let request = OffsetCommitRequest(
            groupId: "g", generationId: 1, memberId: "m", groupInstanceId: "i", retentionTimeMs: 5,
            topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, committedOffset: 42, committedLeaderEpoch: 3, committedMetadata: nil)])])
        let head = hexBytes("0001 67 00000001 0001 6d")
        let topic = hexBytes("00000001 0001 74 00000001 00000000 000000000000002a")
        #expect(request.encoded(version: 4) == head + hexBytes("0000000000000005") + topic + hexBytes("ffff"))
        #expect(request.encoded(version: 5) == head + topic + hexBytes("ffff"))
        #expect(request.encoded(version: 6) == head + topic + hexBytes("00000003 ffff"))
        #expect(request.encoded(version: 7) == head + hexBytes("0001 69") + topic + hexBytes("00000003 ffff"))
        var v4 = WireReader(head + hexBytes("0000000000000005") + topic + hexBytes("ffff"))
        var older = request
        older.groupInstanceId = nil
        older.topics[0].partitions[0].committedLeaderEpoch = -1
        #expect(try OffsetCommitRequest.decode(version: 4, from: &v4) == older)
        let response = OffsetCommitResponse(topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, errorCode: .illegalGeneration)])])
        let topics = hexBytes("00000001 0001 74 00000001 00000000 0016")
        #expect(response.encoded(version: 2) == topics)
        #expect(response.encoded(version: 3) == hexBytes("00000000") + topics)
    }

    @Test func offsetFetchNullTopicsFromV2ErrorFromV2EpochFromV5() throws {
        var v1Null = WireReader(hexBytes("0001 67 ffffffff"))
        #expect(throws: WireError.invalidLength(-1, at: 3)) { try OffsetFetchRequest.decode(version: 1, from: &v1Null) }
        var v2Null = WireReader(hexBytes("0001 67 ffffffff"))
        #expect(try OffsetFetchRequest.decode(version: 2, from: &v2Null) == OffsetFetchRequest(groupId: "g", topics: nil))
        let response = OffsetFetchResponse(topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, committedOffset: 7, committedLeaderEpoch: 2)])])
        let partition = hexBytes("00000001 0001 74 00000001 00000000 0000000000000007")
        #expect(response.encoded(version: 1) == partition + hexBytes("0000 0000"))
        #expect(response.encoded(version: 2) == partition + hexBytes("0000 0000 0000"))
        #expect(response.encoded(version: 3) == hexBytes("00000000") + partition + hexBytes("0000 0000 0000"))
        #expect(response.encoded(version: 5) == hexBytes("00000000") + partition + hexBytes("00000002 0000 0000 0000"))
    }

    @Test func subscriptionV1OwnedPartitionsAndAssignmentV1() throws {
        let subscription = ConsumerProtocolSubscription(
            version: 1, topics: ["t"], userData: nil, ownedPartitions: [.init(topic: "t", partitions: [2])])
        let bytes = hexBytes("0001 00000001 0001 74 ffffffff 00000001 0001 74 00000001 00000002")
        #expect(subscription.encoded() == bytes)
        #expect(try ConsumerProtocolSubscription.decode(bytes) == subscription)
        var v0 = subscription
        v0.version = 0
        #expect(v0.encoded() == hexBytes("0000 00000001 0001 74 ffffffff"))
        #expect(throws: WireError.trailingBytes(count: 1, at: 13)) { try ConsumerProtocolSubscription.decode(v0.encoded() + [0]) }
        let assignment = ConsumerProtocolAssignment(partitions: [.init(topic: "t", partitions: [0, 1])])
        let assigned = hexBytes("0001 00000001 0001 74 00000002 00000000 00000001 ffffffff")
        #expect(assignment.encoded() == assigned)
        #expect(try ConsumerProtocolAssignment.decode(assigned) == assignment)
        #expect(try ConsumerProtocolAssignment.decode([]) == ConsumerProtocolAssignment(version: 0, partitions: []))
        #expect(throws: WireError.invalidLength(-1, at: 0)) { try ConsumerProtocolAssignment.decode(hexBytes("ffff")) }
    }

    /// Every strict prefix of every valid body is refused with a WireError.
    @Test func everyPrefixOfAGroupBodyIsACleanError() {
        for (name, version, body, decode) in Self.bodies {
            for length in 0..<body.count {
                var reader = WireReader(Array(body[..<length]))
                #expect(throws: WireError.self, "\(name) v\(version) cut at \(length)") { try decode(version, &reader) }
            }
            var whole = WireReader(body)
            #expect(throws: Never.self, "\(name) v\(version)") { try decode(version, &whole) }
        }
    }

    typealias Decode = (Int16, inout WireReader) throws -> Void

    /// Valid request and response bodies of every group API at its lowest and highest version.
    static var bodies: [(String, Int16, [UInt8], Decode)] {
        var result: [(String, Int16, [UInt8], Decode)] = []
        func add(_ name: String, _ version: Int16, _ bytes: [UInt8], _ decode: @escaping Decode) { result.append((name, version, bytes, decode)) }
        let join = JoinGroupRequest(groupId: "g", sessionTimeoutMs: 1, rebalanceTimeoutMs: 2, memberId: "m", groupInstanceId: "i",
                                    protocols: [.init(name: "range", metadata: [1, 2])])
        let joined = JoinGroupResponse(generationId: 1, protocolName: "range", leader: "m", memberId: "m",
                                       members: [.init(memberId: "m", groupInstanceId: "i", metadata: [1])])
        let sync = SyncGroupRequest(groupId: "g", generationId: 1, memberId: "m", groupInstanceId: "i",
                                    assignments: [.init(memberId: "m", assignment: [3])])
        let commit = OffsetCommitRequest(groupId: "g", generationId: 1, memberId: "m", groupInstanceId: "i", retentionTimeMs: 1,
                                         topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, committedOffset: 1)])])
        let fetched = OffsetFetchResponse(topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, committedOffset: 1)])])
        for version in [Int16(0), 2] {
            add("FindCoordinatorRequest", version, FindCoordinatorRequest(key: "g").encoded(version: version)) {
                _ = try FindCoordinatorRequest.decode(version: $0, from: &$1) }
            add("FindCoordinatorResponse", version, FindCoordinatorResponse(nodeId: 0, host: "h", port: 1).encoded(version: version)) {
                _ = try FindCoordinatorResponse.decode(version: $0, from: &$1) }
        }
        for version in [Int16(2), 5] {
            add("JoinGroupRequest", version, join.encoded(version: version)) { _ = try JoinGroupRequest.decode(version: $0, from: &$1) }
            add("JoinGroupResponse", version, joined.encoded(version: version)) { _ = try JoinGroupResponse.decode(version: $0, from: &$1) }
        }
        for version in [Int16(0), 3] {
            add("SyncGroupRequest", version, sync.encoded(version: version)) { _ = try SyncGroupRequest.decode(version: $0, from: &$1) }
            add("SyncGroupResponse", version, SyncGroupResponse(assignment: [1]).encoded(version: version)) {
                _ = try SyncGroupResponse.decode(version: $0, from: &$1) }
            add("HeartbeatRequest", version, HeartbeatRequest(groupId: "g", generationId: 1, memberId: "m").encoded(version: version)) {
                _ = try HeartbeatRequest.decode(version: $0, from: &$1) }
            add("HeartbeatResponse", version, HeartbeatResponse(errorCode: .none).encoded(version: version)) {
                _ = try HeartbeatResponse.decode(version: $0, from: &$1) }
            add("LeaveGroupRequest", version, LeaveGroupRequest(groupId: "g", members: [.init(memberId: "m")]).encoded(version: version)) {
                _ = try LeaveGroupRequest.decode(version: $0, from: &$1) }
            add("LeaveGroupResponse", version, LeaveGroupResponse(errorCode: .none, members: [.init(memberId: "m", errorCode: .none)]).encoded(version: version)) {
                _ = try LeaveGroupResponse.decode(version: $0, from: &$1) }
        }
        for version in [Int16(2), 7] {
            add("OffsetCommitRequest", version, commit.encoded(version: version)) { _ = try OffsetCommitRequest.decode(version: $0, from: &$1) }
            add("OffsetCommitResponse", version, OffsetCommitResponse(topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, errorCode: .none)])]).encoded(version: version)) {
                _ = try OffsetCommitResponse.decode(version: $0, from: &$1) }
        }
        for version in [Int16(1), 5] {
            add("OffsetFetchRequest", version, OffsetFetchRequest(groupId: "g", topics: [.init(name: "t", partitionIndexes: [0])]).encoded(version: version)) {
                _ = try OffsetFetchRequest.decode(version: $0, from: &$1) }
            add("OffsetFetchResponse", version, fetched.encoded(version: version)) { _ = try OffsetFetchResponse.decode(version: $0, from: &$1) }
        }
        add("ConsumerProtocolSubscription", 1, ConsumerProtocolSubscription(topics: ["t"], ownedPartitions: [.init(topic: "t", partitions: [0])]).encoded()) {
            _ = $0; _ = try ConsumerProtocolSubscription.decode(Array($1.bytes[$1.offset..<$1.end])) }
        return result
    }
}
