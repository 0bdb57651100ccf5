import Foundation

/// The parts of librdkafka's statistics JSON an observer shows.
public enum KafkaStatistics {
    /// Each learned broker's connection state by node id (`UP`, `DOWN`, `CONNECT`, `INIT`, …),
    /// from one statistics event; bootstrap and logical entries (node id -1) are left out.
    /// Empty when the text is not statistics JSON.
    public static func brokerStates(_ json: String) -> [Int32: String] {
        guard let data = json.data(using: .utf8),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let brokers = root["brokers"] as? [String: Any]
        else { return [:] }
        var states: [Int32: String] = [:]
        for case let broker as [String: Any] in brokers.values {
            guard let id = (broker["nodeid"] as? NSNumber)?.int32Value, id >= 0, let state = broker["state"] as? String else { continue }
            states[id] = state
        }
        return states
    }
}
