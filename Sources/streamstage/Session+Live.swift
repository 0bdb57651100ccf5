import StreamLog
import Dashboard
import Foundation
import KafkaListener
import Recording
import Scenario
import Simulation
import Terminal

extension Session {
    /// Runs full-screen: keys drive the dashboard, the pacer turns wall time into ticks, frames are
    /// drawn at most 30 times a second and only when something changed. With `listen`, a Kafka
    /// listener serves the same log: the loop sleeps on its mailbox and answers its clients every
    /// pass, Produce requests batched into the next pass (see `LiveLoop`).
    func runLive(
        speed: Double, durationMs: Int64?, output: OutputOptions, listen: (address: ListenAddress, autoCreateTopics: Bool)? = nil
    ) throws(UserFacingError) {
        // Files first: a bad path is an error before the screen switches.
        let recorder = try output.record.map { path throws(UserFacingError) in
            try Recorder(path: path, size: Self.terminalSize() ?? DashboardView.minimumSize, title: spec.title)
        }
        let journalPath = Self.journalPath(output)
        let journal = try journalPath.map { path throws(UserFacingError) in
            try openJournal(path, speed: speed, size: Self.terminalSize() ?? DashboardView.minimumSize)
        }
        let options = TerminalScreen.Options(glyphs: output.ascii ? .ascii : .braille, colors: output.noColor ? .monochrome : .palette256)
        let engine = try makeEngine()
        guard speed == 1 || engine.log.capabilities.simulatedTime else {
            throw UserFacingError(message: "--speed \(speed) needs simulated time, which this log does not offer; use --speed 1")
        }
        let clock = WallClock()
        let failure: UserFacingError? = MainActor.assumeIsolated {
            let screen: TerminalScreen
            var listener: KafkaListener?
            do throws(UserFacingError) {
                // The port before the screen: a port in use is a message and exit 2, not a dashboard.
                if let listen {
                    // Produce requests wait for the loop's next pass (a frame away at most).
                    listener = try Self.startListener(
                        listen.address, engine: engine, clock: clock, autoCreateTopics: listen.autoCreateTopics, produceWaits: true)
                }
            } catch {
                recorder?.close()
                journal?.close()
                return error
            }
            do {
                screen = try TerminalScreen.open(options)
            } catch {
                recorder?.close()
                journal?.close()
                listener?.stop()
                return UserFacingError(message: "\(error)")
            }
            var loop = LiveLoop(
                session: self, engine: engine, screen: screen, recorder: recorder, journalPath: journalPath, journal: journal,
                speed: speed, clock: clock, listener: listener)
            loop.run(durationMs: durationMs)
            let failures = loop.finish()
            listener?.stop()
            screen.close()
            // The header showed a failed recording while the talk went on; the exit code says it too.
            return failures.isEmpty ? nil : UserFacingError(message: failures.joined(separator: "\nstreamstage: "))
        }
        for line in cluster?.finish() ?? [] { print(line) }
        if let failure { throw failure }
    }
}

extension Session {
    /// The terminal's size as the kernel reports it, before ncurses takes the screen over (so the
    /// recording's header has the size its first frame will have).
    static func terminalSize() -> TerminalSize? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return TerminalSize(cols: Int(size.ws_col), rows: Int(size.ws_row))
    }
}

/// The live loop's state: the engine, the dashboard, the pacer and the files being written.
@MainActor
struct LiveLoop {
    let session: Session
    var engine: Engine
    let screen: TerminalScreen
    let recorder: Recorder?
    let journalPath: String?
    var journal: JournalWriter<ControlAction>?
    /// Why the journal could not be opened again after going back, shown in the header.
    var journalFailure: String?
    var state: DashboardState
    var pacer: Pacer
    let clock: WallClock
    /// The Kafka listener serving this log, when `--listen` asked for one.
    let listener: KafkaListener?
    var journaled = 0
    /// The replayed journal's actions still to apply.
    var schedule: ActionSchedule

    static let frameInterval = 1.0 / 30

    init(
        session: Session, engine: Engine, screen: TerminalScreen, recorder: Recorder?, journalPath: String?,
        journal: JournalWriter<ControlAction>?, speed: Double, clock: WallClock, listener: KafkaListener?
    ) {
        self.session = session
        self.engine = engine
        self.screen = screen
        self.recorder = recorder
        self.journalPath = journalPath
        state = DashboardState(speed: speed)
        state.pickedSeed = session.seedPicked ? session.seed : nil
        pacer = Pacer(tickMs: engine.tickMs, speed: speed)
        schedule = ActionSchedule(session.scheduled)
        self.journal = journal
        self.clock = clock
        self.listener = listener
        state.recording = recorder?.indicator
        state.listener = listener.map { ListenerIndicator(address: $0.address.description, clients: 0, reach: $0.address.reach) }
    }

    /// Runs until the presenter quits, a signal arrives, or `durationMs` of simulated time passed.
    mutating func run(durationMs: Int64?) {
        var lastWall = clock.seconds
        var lastFrame = -1.0
        var dirty = true
        var world = engine.snapshot()
        while !state.quitRequested {
            if let signal = screen.pendingSignal {
                _ = finish()
                screen.closeAndExit(signal: signal)
            }
            // The next frame is due a frame interval after the last one; with nothing to draw
            // (paused), the loop still looks at keys, signals and clients that often.
            let sinceFrame = clock.seconds - lastFrame
            let untilFrame = dirty || sinceFrame < Self.frameInterval ? max(0, Self.frameInterval - sinceFrame) : Self.frameInterval
            if let listener {
                // Sleeps on the mailbox: a request wakes the loop at once (a Produce request waits
                // for this pass: one wake for many); else the next frame does, and the ticks due
                // run then, as without a listener. Keys typed meanwhile are read right after (and
                // show with that frame).
                listener.waitForRequests(upToSeconds: untilFrame)
                while let key = screen.readKey(timeoutMs: 0) {
                    take(key, world: world)
                    dirty = true
                }
            } else if let key = screen.readKey(timeoutMs: Int32(untilFrame * 1000) + 1) {
                take(key, world: world)
                dirty = true
            }
            let now = clock.seconds
            pacer.paused = state.paused
            if !engine.log.capabilities.simulatedTime, state.speed != 1 {
                state.speed = 1
                state.refusal = "speed stays ×1 on a cluster: its time is the wall clock"
            }
            syncSpeed()
            pacer.setSpeed(state.speed)
            let ticks = pacer.ticks(forElapsed: now - lastWall)
            lastWall = now
            if state.achievedSpeed != pacer.achievedSpeed {
                state.achievedSpeed = pacer.achievedSpeed
                dirty = true
            }
            if serveClients() { dirty = true }
            if ticks > 0 {
                for _ in 0..<ticks {
                    if applyScheduled() {
                        state.paused = true
                        break
                    }
                    engine.step()
                }
                listener?.broker.recheck(wallMs: clock.epochMs)
                dirty = true
            }
            syncJournal()
            if let durationMs, engine.nowMs >= durationMs { break }
            if dirty, now - lastFrame >= Self.frameInterval {
                world = engine.snapshot()
                state.animationPhase = Int(engine.nowMs / 150)
                state.recording = recorder?.indicator
                state.journalProblem = journalFailure ?? journal?.warning
                let grid = DashboardView.render(world, state: state, size: screen.size, theme: screen.theme)
                screen.present(grid)
                recorder?.frame(grid, world: world, at: now)
                lastFrame = now
                dirty = false
            }
        }
    }

    /// Applies a key the presenter pressed to the dashboard.
    private mutating func take(_ key: Key, world: WorldSnapshot) {
        state.screenSize = screen.size
        guard key != .resize else { return }
        for effect in state.reduce(key, world: world) { handle(effect) }
    }

    /// Answers the Kafka clients' requests that arrived (paused or not: clients always get an
    /// answer), puts refusals and created topics in the feed, and updates the header's client
    /// count; true when the count changed.
    private mutating func serveClients() -> Bool {
        guard let listener else { return false }
        listener.service(wallMs: clock.epochMs)
        for notice in listener.broker.drainNotices() where notice.isFeedNews { engine.noteClientEvent(notice.description) }
        guard state.listener?.clients != listener.broker.clientCount else { return false }
        state.listener?.clients = listener.broker.clientCount
        return true
    }

    /// Closes the files (the journal ends with the tick the run stopped at) and returns why any of
    /// them is incomplete.
    mutating func finish() -> [String] {
        syncJournal()
        journal?.append(.end, tick: UInt64(engine.tick))
        journal?.close()
        let failures = [recorder?.writer.warning, journalFailure ?? journal?.warning].compactMap { $0 }
        journal = nil
        recorder?.close()
        return failures
    }

    /// Applies the replayed journal's actions due at this tick; a replayed speed change sets the
    /// dashboard's speed too.
    ///
    /// - Returns: true when the replayed run ended at this tick.
    private mutating func applyScheduled() -> Bool {
        let speed = engine.speed
        let ended = engine.applyDue(&schedule)
        if engine.speed != speed { state.speed = engine.speed }
        return ended
    }

    /// Tells the engine (and so the journal) the presenter's speed when it changed: a step's
    /// reading time is wall-clock time, so the speed decides when a step may end.
    private mutating func syncSpeed() {
        if engine.speed != state.speed { engine.apply(.setSpeed(to: state.speed)) }
    }

    /// Writes the engine's new journal entries.
    private mutating func syncJournal() {
        while journaled < engine.journal.count {
            let entry = engine.journal[journaled]
            journal?.append(entry.action, tick: UInt64(entry.tick))
            journaled += 1
        }
    }

    private mutating func handle(_ effect: DashboardEffect) {
        switch effect {
        case .control(let action):
            engine.apply(action)
        case .previousStep:
            if refuseGoingBack() { return }
            moveInTime { (engine: Engine) throws(EngineError) in try engine.rewound(toStep: engine.stepIndex - 1) }
        case .jumpToStep(let number):
            if number - 1 < engine.stepIndex, refuseGoingBack() { return }
            moveInTime { (engine: Engine) throws(EngineError) in try engine.jumped(toStep: number - 1) }
        case .restart:
            if refuseGoingBack() { return }
            moveInTime { (engine: Engine) throws(EngineError) in try engine.rewound(toStep: 0) }
        case .toggleRecording:
            recorder?.toggle(at: clock.seconds)
        case .mark:
            recorder?.mark(at: clock.seconds)
        case .quit:
            state.quitRequested = true
        }
    }

    /// While listening, going back is refused with the footer saying why: re-simulating would
    /// rewrite a log that Kafka clients have already read. True when refused.
    private mutating func refuseGoingBack() -> Bool {
        guard listener != nil else { return false }
        state.refusal = "cannot go back while Kafka clients may be reading: it would rewrite the log they read"
        return true
    }

    /// Goes to the engine `move` gives (the same one when it only pressed → on it), or shows in
    /// the footer why the log could not go there.
    private mutating func moveInTime(_ move: (Engine) throws(EngineError) -> Engine) {
        do {
            let moved = try move(engine)
            state.refusal = nil
            if moved !== engine { replace(with: moved) }
        } catch {
            state.refusal = error.description
        }
    }

    /// Continues from a re-simulated engine; the journal is rewritten to its timeline.
    private mutating func replace(with rewound: Engine) {
        engine = rewound
        schedule = ActionSchedule(session.scheduled, resumingAfter: rewound)
        recorder?.stepChanged()
        state.frozenFeed = nil
        if let journalPath, journalFailure == nil {
            journal?.close()
            do {
                journal = try session.openJournal(journalPath, speed: state.speed, size: screen.size)
            } catch {
                journal = nil
                journalFailure = "journal stopped: \(error.message)"
            }
            journaled = 0
        }
    }
}
