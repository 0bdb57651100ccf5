import Scenario
import Simulation
import StreamLog

/// The engine figures: end-to-end events per second against real time, and memory over a long
/// run with retention.
struct EngineBench {
    /// Simulated seconds per timed window of `engine.events` (after one second of warm-up).
    /// Short, like the log's (1 s is about 50 ms of wall time, a `log.append` run about 25 ms):
    /// the fastest of long windows reads the engine slower on busy cores while the fastest of the
    /// log's short runs still finds a quiet moment, which skewed the ratio with the load.
    let speedSeconds: Int64
    /// Consecutive timed windows; the fastest counts (the least disturbed by other processes).
    /// As many as the log's runs, so neither side has more chances at a quiet moment.
    let speedWindows: Int
    /// Simulated seconds of the memory run (RSS sampled at the half and at the end).
    let memorySeconds: Int64

    /// `engine.events`: records appended per wall-clock second in the fastest window; baseline
    /// the scenario's rate in real time, so the ratio is simulated time ÷ wall time. With it,
    /// from the same run, `engine.vs-log-append`: the same rate against `log.append` measured in
    /// this process. (`engine.allocs-per-record` is counted apart, in `AllocationBench`.)
    func speed(log: LogBench) throws(UserFacingError) -> [BenchFigure] {
        let engine = try Self.engine(BenchScenarios.oneMillionPerSecond, file: "bench-1m.yaml")
        engine.run(untilMs: 1_000)
        var rate = 0.0
        var realTime = 0.0
        for _ in 0..<max(1, speedWindows) {
            let before = try Self.appended(engine, topic: "clicks")
            let end = engine.nowMs + speedSeconds * 1_000
            let seconds = BenchClock.seconds { engine.run(untilMs: end) }
            let events = Double(try Self.appended(engine, topic: "clicks") - before)
            if events / seconds > rate { (rate, realTime) = (events / seconds, events / Double(speedSeconds)) }
        }
        let appendRate = try log.appendRate()
        return [
            BenchFigure(
                name: "engine.events", value: rate, unit: "events/s", baseline: realTime, ratio: rate / realTime,
                goal: "ratio ≥ 3 (simulated ÷ wall time, 1 M records/s × 12 partitions × 3 groups)", met: rate / realTime >= 3),
            BenchFigure(
                name: "engine.vs-log-append", value: rate, unit: "events/s", baseline: appendRate, ratio: rate / appendRate,
                goal: "ratio ≥ 0.2 (engine.events ÷ log.append, measured in the same process)", met: rate / appendRate >= 0.2),
        ]
    }

    /// `memory.rss-peak` and `memory.rss-growth`: peak RSS after the run, and the growth of RSS
    /// over its second half. Run it first: memory the other figures free stays resident.
    func memory() throws(UserFacingError) -> [BenchFigure] {
        let engine = try Self.engine(BenchScenarios.hundredThousandPerSecond, file: "bench-memory.yaml")
        ProcessMemory.resetPeak()
        engine.run(untilMs: memorySeconds * 500)
        let half = ProcessMemory.residentMB
        engine.run(untilMs: memorySeconds * 1_000)
        let minutes = BenchFigure.format(Double(memorySeconds) / 60)
        return try BenchFigure.memory(prefix: "memory", halfMB: half, during: "\(minutes) min simulated at 100 k records/s")
    }

    /// Runs the speed scenario from its start for `durationMs` of simulated time; returns the
    /// records appended.
    static func run(forMs durationMs: Int64) throws(UserFacingError) -> Int64 {
        let engine = try engine(BenchScenarios.oneMillionPerSecond, file: "bench-1m.yaml")
        engine.run(untilMs: durationMs)
        return try appended(engine, topic: "clicks")
    }

    /// An engine for a scenario written in YAML.
    static func engine(_ yaml: String, file: String) throws(UserFacingError) -> Engine {
        do {
            return try Engine(scenario: try ScenarioLoader.parse(yaml: yaml, file: file, rates: .benchmark))
        } catch let errors as ScenarioErrors {
            throw UserFacingError(message: "bench: \(errors.description)")
        } catch {
            throw UserFacingError(message: "bench: \(error)")
        }
    }

    /// The records appended to `topic` so far (the sum of its log-end offsets).
    static func appended(_ engine: Engine, topic: String) throws(UserFacingError) -> Int64 {
        do {
            return try engine.log.offsets(topic: topic).reduce(0) { $0 + $1.logEndOffset }
        } catch {
            throw UserFacingError(message: "bench: \(error)")
        }
    }
}
