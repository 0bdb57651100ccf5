import Foundation

/// Which broker connections librdkafka's statistics show in trouble, over every client of a run.
///
/// Each client (the producer, the replica reader, every group member) sends its statistics
/// once a second. A connection in use is `UP`; `INIT` is one not in use (librdkafka connects to a
/// broker only while it needs it: a leader of partitions it produces to or fetches from, or its
/// group's coordinator), which says nothing about the broker; every other state (`DOWN`,
/// `TRY_CONNECT`, `CONNECT`, …) is a connection in use that is not there. A broker is down when
/// a client that had it up has it in trouble; the cluster answers again when no client's latest
/// statistics show a connection in trouble. A client whose statistics stop (a member that left
/// or was killed) is forgotten after `expiryMs`.
struct BrokerStates {
    /// The latest statistics of one client.
    private struct Sample {
        /// When they arrived.
        var atMs: Int64
        /// Node ids with a connection in trouble (the broker's own, or its group coordinator's).
        var troubled: Set<Int32>
        /// Node ids whose connections are all up in this client.
        var up: Set<Int32>
    }

    /// How long a client's statistics count without a newer sample: three intervals.
    static let expiryMs: Int64 = 3_000

    /// Client name → its latest sample.
    private var clients: [String: Sample] = [:]
    /// Node id → the broker's name (`host:port/id`), as the statistics spell it.
    private var names: [Int32: String] = [:]
    /// Brokers reported down and not yet back.
    private(set) var down: Set<Int32> = []

    /// Reads one client's statistics JSON at `nowMs`; returns the names of the brokers that went
    /// down (in trouble for a client that had them up) and came back (up for a client, in trouble
    /// for none) with it. A malformed sample is skipped; the next comes a second later.
    mutating func read(_ json: String, nowMs: Int64) -> (down: [String], back: [String]) {
        guard let data = json.data(using: .utf8),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let client = root["name"] as? String,
              let brokers = root["brokers"] as? [String: Any]
        else { return ([], []) }
        var sample = Sample(atMs: nowMs, troubled: [], up: [])
        for (name, value) in brokers {
            guard let broker = value as? [String: Any], let nodeId = (broker["nodeid"] as? NSNumber)?.int32Value, nodeId >= 0,
                  let state = broker["state"] as? String else { continue }  // bootstrap entries not yet resolved
            if broker["source"] as? String != "logical" { names[nodeId] = name }
            if !Self.fine.contains(state) { sample.troubled.insert(nodeId) }
            if state == "UP" { sample.up.insert(nodeId) }
        }
        sample.up.subtract(sample.troubled)
        let before = clients[client]
        clients[client] = sample
        clients = clients.filter { nowMs - $0.value.atMs <= Self.expiryMs }

        var wentDown: [String] = []
        for nodeId in sample.troubled.sorted() where before?.up.contains(nodeId) == true && !down.contains(nodeId) {
            down.insert(nodeId)
            wentDown.append(name(of: nodeId))
        }
        var cameBack: [String] = []
        for nodeId in down.sorted() where sample.up.contains(nodeId) && !isTroubled(nodeId) {
            down.remove(nodeId)
            cameBack.append(name(of: nodeId))
        }
        return (wentDown, cameBack)
    }

    /// Whether no client's latest statistics show a connection in trouble (after `read` at `nowMs`).
    var allUp: Bool { clients.values.allSatisfy(\.troubled.isEmpty) }

    /// Ends the down period of every broker (the cluster answers again: those no client uses
    /// any more are not known to be down).
    mutating func settle() { down = [] }

    /// States that are no fault: a connection up, updating its address, or not in use.
    private static let fine: Set<String> = ["UP", "UPDATE", "INIT"]

    private func isTroubled(_ nodeId: Int32) -> Bool { clients.values.contains { $0.troubled.contains(nodeId) } }

    private func name(of nodeId: Int32) -> String { names[nodeId] ?? "broker \(nodeId)" }
}
