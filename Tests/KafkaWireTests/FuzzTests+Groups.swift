@testable import KafkaWire

/// The group plane's share of the fuzz: request frames of every group API, and consumer-protocol bytes.
extension FuzzTests {
    /// Valid group-plane frames (and embedded consumer-protocol bytes) to mutate.
    static func groupCorpus() -> [(Kind, [UInt8])] {
        func frame(_ key: ApiKey, _ version: Int16, _ body: [UInt8]) -> (Kind, [UInt8]) {
            var writer = WireWriter()
            RequestHeader(apiKey: key.rawValue, apiVersion: version, correlationId: 7, clientId: "fuzz").encode(into: &writer)
            writer.writeBytes(body)
            return (.groupRequest, FrameSplitter.frame(writer.bytes))
        }
        let subscription = ConsumerProtocolSubscription(topics: ["orders"], ownedPartitions: [.init(topic: "orders", partitions: [0, 1])])
        let assignment = ConsumerProtocolAssignment(partitions: [.init(topic: "orders", partitions: [2])])
        return [
            frame(.findCoordinator, 2, FindCoordinatorRequest(key: "g").encoded(version: 2)),
            frame(.joinGroup, 5, JoinGroupRequest(
                groupId: "g", sessionTimeoutMs: 6000, rebalanceTimeoutMs: 300_000, memberId: "m", groupInstanceId: "i",
                protocols: [.init(name: "range", metadata: subscription.encoded())]).encoded(version: 5)),
            frame(.syncGroup, 3, SyncGroupRequest(
                groupId: "g", generationId: 1, memberId: "m", assignments: [.init(memberId: "m", assignment: assignment.encoded())])
                .encoded(version: 3)),
            frame(.heartbeat, 3, HeartbeatRequest(groupId: "g", generationId: 1, memberId: "m").encoded(version: 3)),
            frame(.leaveGroup, 3, LeaveGroupRequest(groupId: "g", members: [.init(memberId: "m")]).encoded(version: 3)),
            frame(.offsetCommit, 7, OffsetCommitRequest(
                groupId: "g", generationId: 1, memberId: "m",
                topics: [.init(name: "orders", partitions: [.init(partitionIndex: 0, committedOffset: 5)])]).encoded(version: 7)),
            frame(.offsetFetch, 5, OffsetFetchRequest(groupId: "g", topics: nil).encoded(version: 5)),
            (.consumerProtocol, subscription.encoded()),
            (.consumerProtocol, assignment.encoded()),
        ]
    }

    /// Decodes a group request frame by its API key; consumer-protocol bytes as subscription and assignment.
    static func decodeGroup(_ kind: Kind, _ bytes: [UInt8]) -> Bool {
        if kind == .consumerProtocol {
            return (try? ConsumerProtocolSubscription.decode(bytes)) != nil || (try? ConsumerProtocolAssignment.decode(bytes)) != nil
        }
        guard case let .frame(body, _)? = try? FrameSplitter().split(bytes) else { return false }
        var reader = WireReader(body)
        guard let header = try? RequestHeader.decode(from: &reader), let key = ApiKey(rawValue: header.apiKey) else { return false }
        let version = header.apiVersion
        switch key {
        case .findCoordinator: return (try? FindCoordinatorRequest.decode(version: version, from: &reader)) != nil
        case .joinGroup: return (try? JoinGroupRequest.decode(version: version, from: &reader)) != nil
        case .syncGroup: return (try? SyncGroupRequest.decode(version: version, from: &reader)) != nil
        case .heartbeat: return (try? HeartbeatRequest.decode(version: version, from: &reader)) != nil
        case .leaveGroup: return (try? LeaveGroupRequest.decode(version: version, from: &reader)) != nil
        case .offsetCommit: return (try? OffsetCommitRequest.decode(version: version, from: &reader)) != nil
        case .offsetFetch: return (try? OffsetFetchRequest.decode(version: version, from: &reader)) != nil
        default: return false
        }
    }
}
