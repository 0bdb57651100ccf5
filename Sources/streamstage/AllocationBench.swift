import CMallocTrace
import Foundation
import Simulation

/// `log.allocs-per-record`: heap allocations per record appended to a partition in steady state,
/// counted by glibc's own malloc tracing.
///
/// The binary keeps the system allocator: `streamstage bench` measures this figure in a process
/// of its own started with glibc's `libc_malloc_debug.so.0` preloaded and `MALLOC_TRACE` set, and
/// traces only the counted code (`mtrace` … `muntrace`). A count of 0 is reported only after the
/// same tracing saw a baseline allocate (arrays growing), so a missing tracer is an error, not a 0.
struct AllocationBench {
    /// Records appended while the trace is on.
    let records: Int
    /// Simulated ms of the engine's speed scenario traced for `engine.allocs-per-record`, after
    /// one simulated second of warm-up.
    let engineMs: Int64

    /// glibc's malloc debugging library, which makes `mtrace` work (glibc 2.34 and later).
    static let tracingLibrary = "libc_malloc_debug.so.0"

    /// The environment of the counting process: the tracing library preloaded, the trace at `path`.
    static func environment(tracePath path: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LD_PRELOAD"] = tracingLibrary
        environment["MALLOC_TRACE"] = path
        return environment
    }

    /// Counts allocations while arrays grow (the baseline, which must allocate), then while the
    /// log appends `records` records in steady state.
    func run() throws(UserFacingError) -> [BenchFigure] {
        guard let path = ProcessInfo.processInfo.environment["MALLOC_TRACE"], !path.isEmpty else {
            throw UserFacingError(message: "bench: the allocation count runs in a process started with MALLOC_TRACE set")
        }
        let log = LogBench(records: records, repeats: 1)
        let backend = try log.makeLog()
        var clock: Int64 = 0
        try log.append(to: backend, count: 2 * LogBench.retainedRecords, clock: &clock)

        let baseline = try Self.allocations(tracedTo: path) { _ = log.appendToFreshArray() }
        guard baseline > 0 else {
            throw UserFacingError(
                message: "bench: glibc's malloc tracing saw no allocation while arrays grew, so it cannot count; "
                    + "is \(Self.tracingLibrary) installed (glibc 2.34 or later)?")
        }
        var failure: UserFacingError?
        let allocations = try Self.allocations(tracedTo: path) {
            do throws(UserFacingError) { try log.append(to: backend, count: records, clock: &clock) } catch { failure = error }
        }
        if let failure { throw failure }
        let perRecord = Double(allocations) / Double(records)
        return [
            BenchFigure(
                name: "log.allocs-per-record", value: perRecord, unit: "allocations/record", baseline: nil, ratio: nil,
                goal: "0", met: allocations == 0),
            try engineFigure(tracedTo: path),
        ]
    }

    /// `engine.allocs-per-record`: heap allocations per record of the 1 M records/s scenario in
    /// steady state (the whole engine: produce, consume, retention, events, meters).
    private func engineFigure(tracedTo path: String) throws(UserFacingError) -> BenchFigure {
        let engine = try EngineBench.engine(BenchScenarios.oneMillionPerSecond, file: "bench-1m.yaml")
        engine.run(untilMs: 1_000)
        let before = try EngineBench.appended(engine, topic: "clicks")
        let end = engine.nowMs + engineMs
        let allocations = try Self.allocations(tracedTo: path) { engine.run(untilMs: end) }
        let produced = try EngineBench.appended(engine, topic: "clicks") - before
        let perRecord = Double(allocations) / Double(max(1, produced))
        return BenchFigure(
            name: "engine.allocs-per-record", value: perRecord, unit: "allocations/record", baseline: nil, ratio: nil,
            goal: "≤ 0.01 (steady state, after one simulated second)", met: perRecord <= 0.01)
    }

    /// Heap allocations `body` makes, from the malloc trace written to `path` while it runs.
    private static func allocations(tracedTo path: String, _ body: () -> Void) throws(UserFacingError) -> Int {
        mtrace()
        body()
        muntrace()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserFacingError(
                message: "bench: glibc's malloc tracing wrote no trace to \(path); is \(tracingLibrary) installed (glibc 2.34 or later)?")
        }
        return MallocTrace.allocations(in: String(decoding: data, as: UTF8.self))
    }
}
