/// Protocol selection, as Kafka's group coordinator does it (`GenericGroup.selectProtocol`).
extension GroupCoordinator {
    /// The protocols every member supports, in the first member's order of preference.
    var supportedProtocols: [String] {
        let ordered = orderedMembers
        guard let first = ordered.first else { return [] }
        return first.protocolNames.filter { name in ordered.allSatisfy { $0.protocolNames.contains(name) } }
    }

    /// The protocol for the next generation: among those every member supports, each member votes
    /// for the one it prefers most; the most votes win, a tie goes to the leader's preference.
    func selectProtocol() -> String? {
        let candidates = supportedProtocols
        var votes: [String: Int] = [:]
        for member in orderedMembers {
            if let choice = member.protocolNames.first(where: candidates.contains) { votes[choice, default: 0] += 1 }
        }
        var best: String?
        for name in candidates where votes[name, default: 0] > votes[best ?? "", default: 0] { best = name }
        return best ?? candidates.first
    }

    /// The metadata bytes wire members sent for `protocol`, by member id.
    func wireMetadata(for protocol: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for member in members.values {
            if let offered = member.protocols.first(where: { $0.name == `protocol` }) { result[member.memberId] = offered.metadata }
        }
        return result
    }
}
