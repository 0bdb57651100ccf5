import ClusterBackend
import Dashboard
import Foundation
import RdKafka
import Scenario
import Simulation
import StreamLog

/// The cluster figures: a scenario producing 100 000 records/s (100-byte values) into 12
/// partitions of librdkafka's in-process mock cluster, at ×1 against the wall clock, with one
/// group of three members reading it back and a 120×40 dashboard frame drawn 10 times a second.
/// Reports the produced and delivered rates against the target, and the CPU of streamstage's
/// threads beside librdkafka's.
struct ClusterBench {
    /// Wall seconds measured.
    let seconds: Double

    static let targetPerSecond = 100_000.0

    static let scenario = """
        scenario: 1
        id: bench-cluster
        title: "Bench: 100 000 records/s of 100 bytes into 12 partitions on a cluster"
        seed: 7
        topics:
          clicks: { partitions: 12 }
        producers:
          web:
            topic: clicks
            key: user
            rate: { constant: 100000 }
            record:
              user: { pick: { range: [1, 9999] }, format: "u-{:04}" }
              pad: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
        groups:
          analytics: { topic: clicks, members: 3, commit: { every: 5s } }
        script:
          - id: load
            say: "A hundred thousand records a second on a cluster."
        """

    func run() throws(UserFacingError) -> [BenchFigure] {
        let spec: ScenarioSpec
        do {
            spec = try ScenarioLoader.parse(yaml: Self.scenario, file: "bench-cluster.yaml", rates: .benchmark)
        } catch {
            throw UserFacingError(message: "bench: the cluster scenario does not load: \(error)")
        }
        let log: ClusterLog
        let cluster: MockCluster
        do {
            cluster = try MockCluster(brokers: 3)
            try cluster.createTopic("streamstage.clicks", partitions: 12)
            log = try ClusterLog(settings: ClusterSettings(bootstrapServers: cluster.bootstrapServers,
                                                           startEpochMs: Int64(Date().timeIntervalSince1970 * 1000)),
                                 random: SeededRandom(seed: 7))
        } catch {
            throw UserFacingError(message: "bench: the mock cluster did not start: \(error)")
        }
        // The mock cluster's last use is above: keep it alive until the log has finished with it
        // (an optimised build may otherwise free it mid-run). Defers run in reverse order.
        defer { withExtendedLifetime(cluster) {} }
        defer { _ = log.finish(deleting: false) }
        nonisolated(unsafe) let backend = log
        let engine: Engine
        do {
            engine = try Engine(scenario: spec, backend: { _ in backend })
        } catch {
            throw UserFacingError(message: "bench: \(error)")
        }
        var appended = 0
        engine.onAppend = { _ in appended += 1 }
        let theme = Theme(colors: .palette256, glyphs: .braille)
        let state = DashboardState()
        let size = TerminalSize(cols: 120, rows: 40)
        let cpuBefore = ThreadCPU.sample()
        let wall = WallClock()
        var nextFrameMs: Int64 = 0
        engine.runHeadless(stepTimeMs: nil, durationMs: Int64(seconds * 1000), afterTick: { engine in
            if engine.nowMs >= nextFrameMs {
                _ = DashboardView.render(engine.snapshot(), state: state, size: size, theme: theme)
                nextFrameMs += 100
            }
            wall.wait(untilMs: engine.nowMs)
        })
        let elapsed = wall.seconds
        let cpu = ThreadCPU.sample().since(cpuBefore)
        let delivered = (try? log.offsets(topic: "clicks"))?.reduce(0) { $0 + $1.logEndOffset } ?? 0
        let produced = Double(appended) / elapsed
        let deliveredRate = Double(delivered) / elapsed
        return [
            BenchFigure(name: "cluster.produced", value: produced, unit: "records/s", baseline: Self.targetPerSecond,
                        ratio: produced / Self.targetPerSecond, goal: "ratio ≥ 0.98 (within 2 % of the target, ×1 for \(Int(seconds)) s)",
                        met: produced / Self.targetPerSecond >= 0.98),
            BenchFigure(name: "cluster.delivered", value: deliveredRate, unit: "records/s", baseline: Self.targetPerSecond,
                        ratio: deliveredRate / Self.targetPerSecond, goal: "ratio ≥ 0.98 (the cluster's log-end offsets)",
                        met: deliveredRate / Self.targetPerSecond >= 0.98),
            BenchFigure(name: "cluster.cpu.streamstage", value: cpu.streamstage / elapsed * 100, unit: "% of a core",
                        baseline: nil, ratio: nil, goal: "reported (engine, replica and 10 dashboard frames/s)", met: true),
            BenchFigure(name: "cluster.cpu.librdkafka", value: cpu.librdkafka / elapsed * 100, unit: "% of a core",
                        baseline: nil, ratio: nil, goal: "reported (librdkafka's threads, mock brokers included)", met: true),
        ]
    }
}

/// CPU seconds used by this process's threads, split by name: librdkafka names its threads
/// `rdk:…` (and the wrapper's poll loops `rdkafka-poll …`); everything else is streamstage's.
struct ThreadCPU {
    var streamstage: Double
    var librdkafka: Double

    /// Reads `/proc/self/task/*/stat` now.
    static func sample() -> ThreadCPU {
        var sample = ThreadCPU(streamstage: 0, librdkafka: 0)
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []  // no /proc: zeros
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        for task in tasks {
            guard let stat = try? String(contentsOfFile: "/proc/self/task/\(task)/stat", encoding: .utf8),  // a thread that ended meanwhile
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let name = stat[stat.index(after: open)..<close]
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // After the name: state is field 0, utime field 11, stime field 12 (proc(5) fields 14, 15).
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
            let seconds = (user + system) / ticks
            if name.hasPrefix("rdk") { sample.librdkafka += seconds } else { sample.streamstage += seconds }
        }
        return sample
    }

    /// The CPU used between `earlier` and this sample (threads that ended meanwhile are not counted).
    func since(_ earlier: ThreadCPU) -> ThreadCPU {
        ThreadCPU(streamstage: streamstage - earlier.streamstage, librdkafka: librdkafka - earlier.librdkafka)
    }
}
