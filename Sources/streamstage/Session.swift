import Dashboard
import Foundation
import Recording
import Scenario
import Simulation

/// One run of a scenario from the command line: the engine, the actions to replay, and the files
/// it writes.
struct Session {
    let spec: ScenarioSpec
    let path: String
    let seed: UInt64
    /// True when the scenario or `--seed` said 0 and this run picked `seed` (reported, and written
    /// to the journal so a replay is exact).
    let seedPicked: Bool
    /// Actions to apply at their ticks (a journal being replayed); empty for a fresh run.
    let scheduled: [TimedAction]
    let scenarioHash: ContentHash
    /// The real cluster the run goes to (`--bootstrap-servers`); nil for the in-process log.
    var cluster: ClusterRun?

    /// `seed` overrides the scenario's; 0 picks one (1…999 999, easy to read off the header) from the system's entropy (the only place that
    /// may), unless `exactSeed` (a replay runs with the journal's seed as written).
    init(spec: ScenarioSpec, path: String, seed: UInt64?, actions: [TimedAction], exactSeed: Bool = false) throws(UserFacingError) {
        self.spec = spec
        self.path = path
        let requested = seed ?? spec.seed
        seedPicked = requested == 0 && !exactSeed
        self.seed = seedPicked ? UInt64.random(in: 1...999_999) : requested
        scheduled = actions
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw UserFacingError(message: "cannot read \(path)")
        }
        scenarioHash = ContentHash(of: bytes)
    }

    /// A new engine at tick 0.
    func makeEngine() throws(UserFacingError) -> Engine {
        do {
            if let cluster { return try Engine(scenario: spec, seed: seed, backend: cluster.backend) }
            return try Engine(scenario: spec, seed: seed)
        } catch {
            throw UserFacingError(message: cluster?.refusal ?? "\(path): \(error.description)")
        }
    }

    /// The journal header for this run.
    func journalHeader(speed: Double, size: TerminalSize) -> JournalHeader {
        JournalHeader(
            scenarioName: spec.id, scenarioPath: path, scenarioHash: scenarioHash, seed: seed, initialSpeed: speed,
            terminalSize: size)
    }

    /// Where the journal goes: `--journal`, or beside the recording (`talk.cast` → `talk.journal`).
    static func journalPath(_ output: OutputOptions) -> String? {
        if let journal = output.journal { return journal }
        guard let record = output.record else { return nil }
        let base = record.hasSuffix(".cast") ? String(record.dropLast(5)) : record
        return base + ".journal"
    }

    /// Runs as fast as possible, writes the exports and journal, and prints the summary.
    func runHeadless(
        stepTimeMs: Int64, durationMs: Int64?, exportEvents: String?, exportMetrics: String?, output: OutputOptions
    ) throws(UserFacingError) {
        let (size, fps) = try output.checked()
        let engine = try makeEngine()
        let events = try open(exportEvents)
        let metrics = try open(exportMetrics)
        metrics?.write(MetricsExport.header)
        let journalPath = Self.journalPath(output)
        let journal = try journalPath.map { path throws(UserFacingError) in
            try openJournal(path, speed: spec.clock.speed, size: size)
        }
        if let events { engine.onAppend = { events.write(EventExport.line($0)) } }
        let start = Date()
        let progress = HeadlessProgress(totalMs: durationMs)
        let everySecond: (Engine) -> Void = { engine in
            progress.update(engine)
            if let metrics { for row in MetricsExport.rows(engine.snapshot()) { metrics.write(row) } }
        }
        let stepTime = scheduled.isEmpty ? stepTimeMs : nil
        var failures: [String] = []
        // On a cluster every tick waits for the wall clock (the cluster's time); in process none does.
        let clock = WallClock()
        let pace: (Engine) -> Void = cluster == nil ? { _ in } : { engine in clock.wait(untilMs: engine.nowMs) }
        if let path = output.record {
            let recorder = try Recorder(path: path, size: size, title: spec.title)
            let theme = Theme(colors: output.noColor || ProcessInfo.processInfo.environment["NO_COLOR"] != nil ? .monochrome : .palette256,
                              glyphs: output.ascii ? .ascii : .braille)
            HeadlessRecording(size: size, theme: theme, fps: fps).record(
                engine, to: recorder.writer, stepTimeMs: stepTime, durationMs: durationMs, scheduled: scheduled,
                everySecond: everySecond, pace: pace)
            recorder.close()
            failures += [recorder.writer.warning].compactMap { $0 }
        } else {
            engine.runHeadless(stepTimeMs: stepTime, durationMs: durationMs, scheduled: scheduled, afterTick: pace,
                               everySecond: everySecond)
        }
        progress.finish()
        let wall = Date().timeIntervalSince(start)
        for entry in engine.journal { journal?.append(entry.action, tick: UInt64(entry.tick)) }
        for file in [events, metrics].compactMap({ $0 }) {
            file.close()
            failures += [file.warning].compactMap { $0 }
        }
        journal?.close()
        failures += [journal?.warning].compactMap { $0 }
        print(RunSummary.text(engine, wallSeconds: wall, file: path, seedPicked: seedPicked))
        for line in cluster?.finish() ?? [] { print(line) }
        // A file asked for but not written completely makes the run fail, after the summary.
        if !failures.isEmpty { throw UserFacingError(message: failures.joined(separator: "\nstreamstage: ")) }
    }

    func open(_ path: String?) throws(UserFacingError) -> ExportWriter? {
        guard let path else { return nil }
        do {
            return try ExportWriter(path: path)
        } catch {
            throw UserFacingError(message: error.description)
        }
    }

    func openJournal(_ path: String, speed: Double, size: TerminalSize) throws(UserFacingError) -> JournalWriter<ControlAction> {
        do {
            return try JournalWriter<ControlAction>(path: path, header: journalHeader(speed: speed, size: size))
        } catch {
            throw UserFacingError(message: error.description)
        }
    }
}
