import ArgumentParser
import Foundation

/// `streamstage bench`: measured speed against baselines measured in the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the log, the engine, rendering and memory against baselines from the same run.",
        discussion: "Every figure comes with its baseline, the ratio and the goal it is held to. Each group of "
            + "figures is measured in a fresh process of this binary, so one cannot skew another. "
            + "--quick runs everything small (seconds in total): a smoke test, not a measurement.")

    @Flag(help: "Print a JSON array, one object per figure (name, value, unit, baseline, ratio, goal, met).")
    var json = false

    @Flag(help: "Run everything small, in seconds (for smoke tests; the figures are noisy).")
    var quick = false

    @Option(help: .hidden)
    var group: BenchGroup?

    @Option(help: .hidden)
    var scenario: String?

    @Option(help: "Only run the engine's speed scenario (1 M records/s) headless for this simulated time, e.g. 0.7s, and print the records appended: two runs under callgrind give instructions per record (scripts/instructions-per-record.sh).")
    var engineRun: String?

    /// Measures one group here when asked (as JSON), else every group in its own process.
    func run() throws {
        if let durationMs = try durationOption(engineRun, "--engine-run") {
            print(try EngineBench.run(forMs: durationMs))
            return
        }
        if let group {
            print(BenchFigure.json(try figures(group)))
            return
        }
        var figures: [BenchFigure] = []
        for group in BenchGroup.allCases where group != .scenario && group != .allocations {
            figures += try measureInChild(group)
            if group == .log { figures += try countAllocationsInChild() }
        }
        for name in try ScenarioMemoryBench.scenarioNames() { figures += try measureInChild(.scenario, scenario: name) }
        print(json ? BenchFigure.json(figures) : BenchFigure.table(figures))
    }

    /// The figures of `group`, measured in this process.
    private func figures(_ group: BenchGroup) throws(UserFacingError) -> [BenchFigure] {
        let engine = quick
            ? EngineBench(speedSeconds: 1, speedWindows: 1, memorySeconds: 10)
            : EngineBench(speedSeconds: 1, speedWindows: 5, memorySeconds: 600)
        let log = quick ? LogBench(records: 100_000, repeats: 2) : LogBench(records: 2_000_000, repeats: 5)
        switch group {
        case .memory: return try engine.memory()
        case .log: return try log.run()
        case .allocations: return try AllocationBench(records: quick ? 100_000 : 500_000, engineMs: quick ? 200 : 1_000).run()
        case .engine: return try engine.speed(log: log)
        case .render: return try RenderBench(frames: quick ? 20 : 300).run()
        case .cluster: return try ClusterBench(seconds: quick ? 3 : 30).run()
        case .scenario:
            guard let scenario else { throw UserFacingError(message: "bench: --group scenario needs --scenario NAME") }
            return try ScenarioMemoryBench(simulatedMs: quick ? 60_000 : 3_600_000).figures(scenario)
        }
    }

    /// Measures the allocations group in a process with glibc's malloc tracing preloaded (this one
    /// keeps the system allocator untouched); the trace is a temporary file.
    private func countAllocationsInChild() throws(UserFacingError) -> [BenchFigure] {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("streamstage-malloc-\(UUID().uuidString).trace").path
        defer { try? FileManager.default.removeItem(atPath: trace) }
        return try measureInChild(.allocations, environment: AllocationBench.environment(tracePath: trace))
    }

    /// Runs `streamstage bench --group` in a fresh process of this binary and reads its figures.
    private func measureInChild(
        _ group: BenchGroup, scenario: String? = nil, environment: [String: String]? = nil
    ) throws(UserFacingError) -> [BenchFigure] {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["bench", "--group", group.rawValue] + (scenario.map { ["--scenario", $0] } ?? [])
            + (quick ? ["--quick"] : [])
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        if let environment { process.environment = environment }
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw UserFacingError(message: "bench: cannot start \(executable): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let figures = try? JSONDecoder().decode([BenchFigure].self, from: data) else {
            throw UserFacingError(message: "bench: the \(group.rawValue) figures failed: \(message)")
        }
        return figures
    }
}

/// The figures measured together, each group in its own process: memory (the heap of a long run),
/// log, the log's allocations (with glibc's malloc tracing preloaded), engine, render, and the
/// memory of one demo-data scenario (a process per scenario), and a cluster run on librdkafka's
/// mock cluster (`--group cluster` alone: 30 s of wall time).
enum BenchGroup: String, CaseIterable, ExpressibleByArgument {
    case memory, log, allocations, engine, render, scenario, cluster
}
