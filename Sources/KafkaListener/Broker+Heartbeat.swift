import KafkaWire
import Simulation
import StreamLog

extension Broker {
    /// Heartbeat: keeps the member's session; REBALANCE_IN_PROGRESS asks it to rejoin,
    /// ILLEGAL_GENERATION and UNKNOWN_MEMBER_ID as Kafka answers them.
    func handleHeartbeat(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let beat = try HeartbeatRequest.decode(version: request.version, from: &body)
        var code = KafkaErrorCode.none
        do {
            try engine.log.heartbeat(beat.groupId, memberId: beat.memberId, generation: Int(beat.generationId), nowMs: engine.nowMs)
        } catch {
            code = error.groupErrorCode
        }
        return .respond(HeartbeatResponse(errorCode: code).encoded(version: request.version))
    }
}
