import Benchmark
import Scenario
import Simulation
import StreamLog

/// Micro-benchmarks of the log's append and read paths and of one engine tick, with malloc
/// counts (`mallocCountTotal` must stay 0 for appends in steady state).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(2), maxIterations: 1_000)

    Benchmark("StreamLog: append a 100-byte record, steady state", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let partition = try makePartition()
        var clock: Int64 = 0
        append(to: partition, count: 200_000, clock: &clock)
        benchmark.startMeasurement()
        append(to: partition, count: benchmark.scaledIterations.count, clock: &clock)
        benchmark.stopMeasurement()
    }

    Benchmark("StreamLog: read by offset range, 500 records a batch", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let partition = try makePartition()
        var clock: Int64 = 0
        append(to: partition, count: 200_000, clock: &clock)
        var buffer = ContiguousArray<Record>()
        buffer.reserveCapacity(500)
        var offset = partition.logStartOffset
        benchmark.startMeasurement()
        var read = 0
        while read < benchmark.scaledIterations.count {
            buffer.removeAll(keepingCapacity: true)
            let count = try partition.read(from: offset, maxRecords: 500, into: &buffer)
            read += count
            offset = count == 0 ? partition.logStartOffset : offset + Int64(count)
        }
        benchmark.stopMeasurement()
        blackHole(buffer)
    }

    Benchmark("Engine: one 10 ms tick of 1 M records/s × 12 partitions × 3 groups") { benchmark in
        let engine = try Engine(scenario: try ScenarioLoader.parse(yaml: BenchScenarios.oneMillionPerSecond, file: "bench-1m.yaml", rates: .benchmark))
        engine.run(untilMs: 1_000)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { engine.step() }
        benchmark.stopMeasurement()
    }
}

/// A one-partition topic keeping 100 000 records, so appends delete segments as they go.
func makePartition() throws -> Partition {
    var config = TopicConfig(partitions: 1)
    config.retentionRecords = 100_000
    let log = InProcessLog(random: SeededRandom(seed: 1))
    try log.createTopic("bench", config: config)
    return try log.topic("bench").partitions[0]
}

/// The 100-byte value: a JSON string of 98 characters plus its quotes.
let payload: Value = .string(String(repeating: "x", count: 98))

/// Appends `count` 100-byte records, one millisecond of log time apart.
func append(to partition: Partition, count: Int, clock: inout Int64) {
    for _ in 0..<count {
        partition.append(key: nil, value: payload, headers: [], timestamp: clock, sizeInBytes: 100, nowMs: clock)
        clock += 1
    }
}
