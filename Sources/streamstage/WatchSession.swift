import Dashboard
import Foundation
import RdKafka
import Recording
import Simulation
import Terminal

/// One `streamstage watch`: the sampler on the cluster, the observer, and where frames and
/// metrics go.
struct WatchSession: Sendable {
    let bootstrap: String
    let config: KafkaConfig
    let selection: WatchSelection
    let theme: (ascii: Bool, noColor: Bool)

    /// Connects and checks the cluster answers (a message and exit 2 when not), before anything is drawn.
    func connect() throws(UserFacingError) -> ClusterSampler {
        let sampler: ClusterSampler
        do {
            sampler = try ClusterSampler(config: config, selection: selection)
        } catch {
            throw UserFacingError(message: "cannot watch \(bootstrap): \(error.message)")
        }
        do {
            try sampler.preflight(bootstrap: bootstrap)
        } catch {
            sampler.stop()
            throw error
        }
        return sampler
    }

    /// Samples until `durationMs` of wall time passed or SIGINT/SIGTERM, writing a CSV row per
    /// second per topic and group, and frames at `size` when recording.
    func runHeadless(durationMs: Int64, exportMetrics: String?, record: String?, size: TerminalSize) throws(UserFacingError) {
        let metrics = try exportMetrics.map { path throws(UserFacingError) in
            do {
                return try ExportWriter(path: path)
            } catch {
                throw UserFacingError(message: "\(error)")
            }
        }
        let recorder = try record.map { path throws(UserFacingError) in try Recorder(path: path, size: size, title: "watch \(bootstrap)") }
        let sampler = try connect()
        let stop = StopSignals.install()
        let observer = ClusterObserver(bootstrap: bootstrap, selection: selection)
        let clock = WallClock()
        let renderTheme = Theme(colors: theme.noColor || ProcessInfo.processInfo.environment["NO_COLOR"] != nil ? .monochrome : .palette256,
                                glyphs: theme.ascii ? .ascii : .braille)
        metrics?.write(MetricsExport.header)
        sampler.start()
        while !stop.requested, clock.seconds * 1_000 < Double(durationMs) {
            Thread.sleep(forTimeInterval: 0.05)
            let samples = sampler.takeSamples()
            for sample in samples {
                observer.observe(sample)
                let world = observer.snapshot()
                if let metrics { for row in MetricsExport.rows(world) { metrics.write(row) } }
                if let recorder {
                    recorder.frame(DashboardView.render(world, state: DashboardState(), size: size, theme: renderTheme), world: world,
                                   at: clock.seconds)
                }
            }
            if !samples.isEmpty { sampler.requestReads(observer.committedReads()) }
        }
        sampler.stop()
        var failures: [String] = []
        if let metrics {
            metrics.close()
            failures += [metrics.warning].compactMap { $0 }
        }
        if let recorder {
            recorder.close()
            failures += [recorder.writer.warning].compactMap { $0 }
        }
        if !failures.isEmpty { throw UserFacingError(message: failures.joined(separator: "\nstreamstage: ")) }
    }

    /// Runs full-screen until `q` (or a signal): the observer's world redrawn as samples arrive.
    func runLive(record: String?) throws(UserFacingError) {
        let recorder = try record.map { path throws(UserFacingError) in
            try Recorder(path: path, size: Session.terminalSize() ?? DashboardView.minimumSize, title: "watch \(bootstrap)")
        }
        let sampler: ClusterSampler
        do {
            sampler = try connect()
        } catch {
            recorder?.close()
            throw error
        }
        let options = TerminalScreen.Options(glyphs: theme.ascii ? .ascii : .braille, colors: theme.noColor ? .monochrome : .palette256)
        let failure: UserFacingError? = MainActor.assumeIsolated {
            let screen: TerminalScreen
            do {
                screen = try TerminalScreen.open(options)
            } catch {
                sampler.stop()
                recorder?.close()
                return UserFacingError(message: "\(error)")
            }
            var loop = WatchLoop(observer: ClusterObserver(bootstrap: bootstrap, selection: selection), sampler: sampler, screen: screen, recorder: recorder)
            loop.run()
            let failures = loop.finish()
            screen.close()
            return failures.isEmpty ? nil : UserFacingError(message: failures.joined(separator: "\nstreamstage: "))
        }
        if let failure { throw failure }
    }
}

/// The live watch: keys drive the dashboard, samples arrive from the sampler's thread, frames are
/// drawn at most 30 times a second and only when something changed.
@MainActor
struct WatchLoop {
    let observer: ClusterObserver
    let sampler: ClusterSampler
    let screen: TerminalScreen
    let recorder: Recorder?
    var state = DashboardState()
    let clock = WallClock()
    /// The longest wait for a key while nothing changed: the dots on the arrows move every 150 ms.
    static let idleWait = 0.05

    init(observer: ClusterObserver, sampler: ClusterSampler, screen: TerminalScreen, recorder: Recorder?) {
        self.observer = observer
        self.sampler = sampler
        self.screen = screen
        self.recorder = recorder
        state.recording = recorder?.indicator
    }

    /// Runs until the presenter quits; a termination signal closes the files and ends the process.
    mutating func run() {
        sampler.start()
        var world = observer.snapshot()
        var lastFrame = -1.0
        var dirty = true
        while !state.quitRequested {
            if let signal = screen.pendingSignal {
                _ = finish()
                screen.closeAndExit(signal: signal)
            }
            // Nothing to draw: wait for a key up to the next animation step (samples come once a second).
            let untilFrame = dirty ? max(0, LiveLoop.frameInterval - (clock.seconds - lastFrame)) : Self.idleWait
            if let key = screen.readKey(timeoutMs: Int32(untilFrame * 1000) + 1) {
                state.screenSize = screen.size
                if key != .resize {
                    for effect in state.reduce(key, world: world, keymap: .watch) { handle(effect) }
                }
                dirty = true
            }
            let samples = sampler.takeSamples()
            for sample in samples { observer.observe(sample) }
            if !samples.isEmpty {
                sampler.requestReads(observer.committedReads())
                world = observer.snapshot()
                dirty = true
            }
            let now = clock.seconds
            let phase = Int(now * 1000 / 150)
            if phase != state.animationPhase {
                state.animationPhase = phase
                dirty = true
            }
            if dirty, now - lastFrame >= LiveLoop.frameInterval {
                state.recording = recorder?.indicator
                let grid = DashboardView.render(world, state: state, size: screen.size, theme: screen.theme)
                screen.present(grid)
                recorder?.frame(grid, world: world, at: now)
                lastFrame = now
                dirty = false
            }
        }
    }

    /// Stops sampling and closes the recording; returns why it is incomplete, if it is.
    func finish() -> [String] {
        sampler.stop()
        let failures = [recorder?.writer.warning].compactMap { $0 }
        recorder?.close()
        return failures
    }

    private mutating func handle(_ effect: DashboardEffect) {
        switch effect {
        case .toggleRecording:
            recorder?.toggle(at: clock.seconds)
        case .mark:
            recorder?.mark(at: clock.seconds)
        case .quit:
            state.quitRequested = true
        case .control, .previousStep, .jumpToStep, .restart:
            // Not bound in the watch's keymap: a cluster has no steps and no simulated members.
            break
        }
    }
}
