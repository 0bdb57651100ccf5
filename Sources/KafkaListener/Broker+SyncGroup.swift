import KafkaWire
import Simulation
import StreamLog

extension Broker {
    /// SyncGroup: an external leader's assignment bytes are decoded and handed to the
    /// coordinator; every member's answer waits for the sync phase to end, or — in a generation
    /// already stable — is the assignment it has.
    func handleSyncGroup(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let sync = try SyncGroupRequest.decode(version: request.version, from: &body)
        func answer(_ code: KafkaErrorCode, _ partitions: [TopicPartition] = []) -> Answer {
            let bytes = code == .none ? WireGroupMember.assignment(partitions).encoded() : []
            return .respond(SyncGroupResponse(errorCode: code, assignment: bytes).encoded(version: request.version))
        }
        guard let member = wireMembers[WireMemberKey(group: sync.groupId, memberId: sync.memberId)] else {
            return answer(.unknownMemberId)
        }
        var assignment: [String: [TopicPartition]]?
        if !sync.assignments.isEmpty {
            var decoded: [String: [TopicPartition]] = [:]
            for item in sync.assignments {
                guard let parsed = try? ConsumerProtocolAssignment.decode(item.assignment) else { return answer(.inconsistentGroupProtocol) }
                decoded[item.memberId] = WireGroupMember.partitions(parsed.partitions)
            }
            assignment = decoded
        }
        do {
            try engine.log.syncGroup(sync.groupId, memberId: sync.memberId, generation: Int(sync.generationId), assignment: assignment)
            let snapshot = try engine.log.group(sync.groupId)
            if snapshot.state == .stable, snapshot.generation == Int(sync.generationId) {
                return answer(.none, snapshot.members.first { $0.memberId == sync.memberId }?.assignment ?? [])
            }
        } catch {
            return answer(error.groupErrorCode)
        }
        let pending = DeferredReply(correlationId: request.header.correlationId, version: request.version)
        member.pendingSync = pending
        return .deferred(pending)
    }
}
