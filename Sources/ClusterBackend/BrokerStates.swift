import Foundation

/// Which brokers librdkafka's statistics show as connected: a broker that was up and is not any
/// more is down; the fault ends when every broker seen up is up again.
struct BrokerStates {
    /// Broker name (`host:port/id`) → whether its last state was UP, for brokers seen up once.
    private(set) var up: [String: Bool] = [:]

    /// Reads one statistics JSON; returns the brokers that went down and came back with it.
    mutating func read(_ json: String) -> (down: [String], back: [String]) {
        guard let data = json.data(using: .utf8),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],  // a malformed sample is skipped; the next comes in a second
              let brokers = root["brokers"] as? [String: Any]
        else { return ([], []) }
        var down: [String] = []
        var back: [String] = []
        for (name, value) in brokers.sorted(by: { $0.key < $1.key }) {
            guard let broker = value as? [String: Any], let nodeId = broker["nodeid"] as? Int, nodeId >= 0,
                  let state = broker["state"] as? String else { continue }
            let isUp = state == "UP"
            switch (up[name], isUp) {
            case (true, false): down.append(name)
            case (false, true): back.append(name)
            default: break
            }
            if isUp || up[name] != nil { up[name] = isUp }
        }
        return (down, back)
    }

    /// Whether every broker seen up is up now.
    var allUp: Bool { up.values.allSatisfy { $0 } }
}
