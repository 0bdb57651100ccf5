import KafkaWire
import Simulation
import StreamLog

extension Broker {
    /// LeaveGroup: each member leaves at once and the rest rebalance (v3 names several members).
    func handleLeaveGroup(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let leave = try LeaveGroupRequest.decode(version: request.version, from: &body)
        var members: [LeaveGroupResponse.Member] = []
        for member in leave.members {
            var code = KafkaErrorCode.none
            do {
                try engine.log.leaveGroup(leave.groupId, memberId: member.memberId, nowMs: engine.nowMs)
                wireMembers[WireMemberKey(group: leave.groupId, memberId: member.memberId)] = nil
            } catch {
                code = error.groupErrorCode
            }
            members.append(LeaveGroupResponse.Member(memberId: member.memberId, groupInstanceId: member.groupInstanceId, errorCode: code))
        }
        let code = request.version >= 3 ? .none : members.first?.errorCode ?? .unknownMemberId
        return .respond(LeaveGroupResponse(errorCode: code, members: members).encoded(version: request.version))
    }
}
