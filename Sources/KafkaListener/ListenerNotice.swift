/// Something about the listener's clients a presenter (or `serve`'s output) should see.
public enum ListenerNotice: Equatable, Sendable, CustomStringConvertible {
    /// A client connected from `remote`.
    case connected(remote: String)
    /// A client's connection closed.
    case disconnected(remote: String, clientId: String?)
    /// A request was refused and its connection closed.
    case refused(remote: String, clientId: String?, reason: String)
    /// A topic was created for a client (`--auto-create-topics`).
    case topicCreated(name: String, partitions: Int, clientId: String)

    /// Whether the dashboard's feed shows it too: a refusal or a created topic is news to the
    /// audience; connections come and go with every kcat command, so only `serve` prints them.
    public var isFeedNews: Bool {
        switch self {
        case .refused, .topicCreated: true
        case .connected, .disconnected: false
        }
    }

    /// One line: what happened, and to which client.
    public var description: String {
        switch self {
        case .connected(let remote): "client connected from \(remote)"
        case .disconnected(let remote, let clientId): "client \(Self.name(clientId, remote)) disconnected"
        case .refused(let remote, let clientId, let reason): "client \(Self.name(clientId, remote)): \(reason); connection closed"
        case .topicCreated(let name, let partitions, let clientId):
            "topic \(name) created for \(clientId) (\(partitions) partition\(partitions == 1 ? "" : "s"))"
        }
    }

    private static func name(_ clientId: String?, _ remote: String) -> String {
        guard let clientId, !clientId.isEmpty else { return remote }
        return "\(clientId) (\(remote))"
    }
}
