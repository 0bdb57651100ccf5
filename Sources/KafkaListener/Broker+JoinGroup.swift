import KafkaWire
import Simulation
import StreamLog

extension Broker {
    /// JoinGroup: a real client joins (or rejoins) a group like any member, with the protocols it
    /// offers and their subscription bytes. The answer waits for the join phase to end — as soon
    /// as every known member has rejoined — and comes from the member's coordinator callback.
    func handleJoinGroup(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let join = try JoinGroupRequest.decode(version: request.version, from: &body)
        func failure(_ code: KafkaErrorCode) -> Answer {
            .respond(JoinGroupResponse.failure(code, memberId: join.memberId).encoded(version: request.version))
        }
        guard !join.groupId.isEmpty else { return failure(.invalidGroupId) }
        guard join.sessionTimeoutMs > 0 else { return failure(.invalidSessionTimeout) }
        guard let subscription = join.protocols.lazy.compactMap({ try? ConsumerProtocolSubscription.decode($0.metadata) }).first else {
            return failure(.inconsistentGroupProtocol)
        }
        var options = ConsumerOptions(topics: subscription.topics)
        options.clientId = request.header.clientId.flatMap { $0.isEmpty ? nil : $0 }
        options.groupInstanceId = join.groupInstanceId
        options.host = "/" + (connections[request.connection].map { Self.host(of: $0.remote) } ?? "127.0.0.1")
        options.sessionTimeoutMs = Int64(join.sessionTimeoutMs)
        options.rebalanceTimeoutMs = join.rebalanceTimeoutMs > 0 ? Int64(join.rebalanceTimeoutMs) : Int64(join.sessionTimeoutMs)
        options.protocolType = join.protocolType
        options.protocols = join.protocols.map { JoinProtocol(name: $0.name, metadata: $0.metadata) }
        options.strategy = join.protocols.lazy.compactMap { AssignmentStrategy(kafkaName: $0.name) }.first ?? .range
        let owned = WireGroupMember.partitions(subscription.ownedPartitions)
        let pending = DeferredReply(correlationId: request.header.correlationId, version: request.version)
        do {
            if join.memberId.isEmpty {
                forgetDepartedMembers(of: join.groupId)
                let member = WireGroupMember(group: join.groupId)
                member.pendingJoin = pending
                member.memberId = try engine.log.joinGroup(
                    join.groupId, memberId: nil, options: options, ownedPartitions: owned, client: member, nowMs: engine.nowMs)
                wireMembers[WireMemberKey(group: join.groupId, memberId: member.memberId)] = member
            } else {
                guard let member = wireMembers[WireMemberKey(group: join.groupId, memberId: join.memberId)] else {
                    return failure(.unknownMemberId)
                }
                // A JoinGroup sent again before the first was answered: the first one will not be.
                member.pendingJoin?.respond(JoinGroupResponse.failure(.rebalanceInProgress, memberId: join.memberId).encoded(version: request.version))
                member.pendingJoin = pending
                _ = try engine.log.joinGroup(
                    join.groupId, memberId: join.memberId, options: options, ownedPartitions: owned, client: nil, nowMs: engine.nowMs)
            }
        } catch {
            return failure(error.groupErrorCode)
        }
        return .deferred(pending)
    }

    /// Drops the wire members of `group` the coordinator no longer has (timed out, removed).
    func forgetDepartedMembers(of group: String) {
        let present = Set(((try? engine.log.group(group))?.members ?? []).map(\.memberId))
        wireMembers = wireMembers.filter { $0.key.group != group || present.contains($0.key.memberId) }
    }

    /// The host part of `host:port` (an IPv6 address keeps its colons).
    static func host(of remote: String) -> String {
        guard let colon = remote.lastIndex(of: ":") else { return remote }
        return String(remote[..<colon])
    }
}
