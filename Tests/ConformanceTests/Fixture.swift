import ClusterBackend
import Foundation
import StreamLog

/// A log with one topic for tests that hold on any clock, driven through consumer clients, with
/// a clock that follows the backend: 100 simulated ms a tick in process, the wall clock on a
/// cluster (whose brokers, assignors and commits take real time).
final class Fixture {
    let log: any StreamLogBackend
    let clients: KafkaClients
    /// What the log needs alive (a mock cluster).
    private let keepAlive: AnyObject?
    private let simulated: Bool
    private let start = Date()
    private(set) var nowMs: Int64 = 0

    init(log: any StreamLogBackend, keepAlive: AnyObject?) {
        self.log = log
        self.keepAlive = keepAlive
        clients = KafkaClients(log)
        simulated = log.capabilities.simulatedTime
    }

    deinit { (log as? ClusterLog)?.close() }

    /// Ticks until `condition` holds, at most `seconds` (simulated in process, of wall time on a
    /// cluster); returns whether it held.
    func settle(within seconds: Double, until condition: () throws -> Bool) rethrows -> Bool {
        let limitMs = nowMs + Int64(seconds * 1_000)
        while nowMs < limitMs {
            if try condition() { return true }
            if simulated {
                nowMs += 100
            } else {
                Thread.sleep(forTimeInterval: 0.02)
                nowMs = Int64(Date().timeIntervalSince(start) * 1_000)
            }
            clients.tick(nowMs: nowMs)
        }
        return try condition()
    }
}
