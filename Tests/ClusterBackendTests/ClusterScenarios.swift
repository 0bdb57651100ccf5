import ClusterBackend
import Foundation
import RdKafka
import Scenario
import Simulation
import StreamLog

/// Scenarios and a wall-clock driver for running the engine on a cluster in tests.
enum ClusterScenarios {
    /// 6 partitions, one keyed producer for 4 s, three groups (one per librdkafka assignor) that
    /// commit after each batch, then 11 s for everyone to catch up.
    static let threeAssignors = """
        scenario: 1
        id: cluster-mini
        title: Cluster mini
        seed: 7
        topics:
          orders: { partitions: 6 }
        producers:
          web:
            topic: orders
            key: customer
            rate: { constant: 200 }
            record:
              customer: { pick: { range: [1, 50] }, format: "c-{:02}" }
              amount: { uniform: [1, 100] }
        groups:
          ranged: { topic: orders, members: 2, assignment: range, process: { per_record: 1ms }, commit: per_batch, start: earliest, session_timeout: 6s }
          robin: { topic: orders, members: 2, assignment: roundrobin, process: { per_record: 1ms }, commit: per_batch, start: earliest, session_timeout: 6s }
          coop: { topic: orders, members: 2, assignment: cooperative-sticky, process: { per_record: 1ms }, commit: per_batch, start: earliest, session_timeout: 6s }
        script:
          - id: produce
            say: Produce.
            advance: { after: 4s }
          - id: drain
            say: Stop and drain.
            do: [ { stop: web } ]
            advance: { after: 11s }
        """

    /// 6 partitions, 200 records/s for 8 s, one range group of two members (one killed at
    /// `killAt` seconds if given) that commits after each batch, then 12 s to catch up.
    static func oneGroup(killAt: Int?) -> String {
        let kill = killAt.map { """
              - id: kill
                say: One member dies.
                do: [ { kill_member: billing } ]
                advance: { after: \(8 - $0)s }

            """ } ?? ""
        return oneGroup(id: "cluster-one", title: "Cluster one group", script: """
              - id: produce
                say: Produce.
                advance: { after: \(killAt ?? 8)s }
            \(kill)  - id: drain
                say: Stop and drain.
                do: [ { stop: web } ]
                advance: { after: 12s }
            """)
    }

    /// The world of `oneGroup`: 6 partitions, a producer `web` of 200 keyed records/s, a range
    /// group `billing` of two members committing after each batch; `script` is its steps.
    static func oneGroup(id: String, title: String, script: String) -> String {
        """
        scenario: 1
        id: \(id)
        title: \(title)
        seed: 7
        topics:
          orders: { partitions: 6 }
        producers:
          web:
            topic: orders
            key: customer
            rate: { constant: 200 }
            record:
              customer: { pick: { range: [1, 50] }, format: "c-{:02}" }
        groups:
          billing: { topic: orders, members: 2, process: { per_record: 1ms }, commit: per_batch, start: earliest, session_timeout: 6s }
        script:
        \(script)
        """
    }

    /// An engine for `yaml` on `log`.
    static func engine(_ yaml: String, on log: ClusterLog) throws -> Engine {
        let spec = try ScenarioLoader.parse(yaml: yaml, file: "cluster-mini.yaml")
        nonisolated(unsafe) let backend = log
        return try Engine(scenario: spec, backend: { _ in backend })
    }

    /// Runs `engine` headless at ×1 against the wall clock until its script ends;
    /// `atMs` actions run when the engine's time reaches them.
    static func runAtWallClock(_ engine: Engine, atMs: [Int64: () -> Void] = [:]) {
        let start = Date()
        var pending = atMs.sorted { $0.key < $1.key }
        engine.runHeadless(stepTimeMs: nil, afterTick: { engine in
            while let next = pending.first, engine.nowMs >= next.key {
                next.value()
                pending.removeFirst()
            }
            let ahead = Double(engine.nowMs) / 1000 - Date().timeIntervalSince(start)
            if ahead > 0 { Thread.sleep(forTimeInterval: ahead) }
        })
    }

    /// Keeps ticking `engine` at ×1 until `condition` holds, at most `seconds` of wall time (a
    /// busy machine stretches a real group's rebalances); returns whether it held.
    static func keepRunning(_ engine: Engine, seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            guard Date() < deadline else { return false }
            engine.step()
            Thread.sleep(forTimeInterval: Double(engine.tickMs) / 1000)
        }
        return true
    }

    static func settings(_ bootstrap: String, prefix: String = "streamstage.") -> ClusterSettings {
        ClusterSettings(bootstrapServers: bootstrap, prefix: prefix,
                        startEpochMs: Int64(Date().timeIntervalSince1970 * 1000), timeoutMs: 10_000)
    }
}
