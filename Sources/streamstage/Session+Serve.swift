import Foundation
import KafkaListener
import Scenario
import Simulation
import StreamLog

extension Session {
    /// Runs the world at ×1 with a Kafka listener and no dashboard, printing one line per notable
    /// event, until SIGINT or SIGTERM or `durationMs`; steps that wait for a key advance after
    /// `stepTimeMs` once read.
    func serve(_ address: ListenAddress, autoCreateTopics: Bool, durationMs: Int64?, stepTimeMs: Int64) throws(UserFacingError) {
        let engine = try makeEngine()
        let clock = WallClock()
        let listener = try Self.startListener(address, engine: engine, clock: clock, autoCreateTopics: autoCreateTopics)
        let stop = StopSignals.install()
        let out = ServeOutput(engine: engine)
        out.line("serving \(spec.id) (seed \(seed)) on kafka \(listener.address)\(listener.address.reach.map { " — \($0)" } ?? "")")
        var pacer = Pacer(tickMs: engine.tickMs, speed: 1)
        var lastWall = clock.seconds
        let tickSeconds = Double(engine.tickMs) / 1000
        while !stop.requested {
            listener.waitForRequests(upToSeconds: tickSeconds)
            listener.service(wallMs: clock.epochMs)
            let now = clock.seconds
            let ticks = pacer.ticks(forElapsed: now - lastWall)
            lastWall = now
            for _ in 0..<ticks {
                if let step = engine.currentStep, !engine.scriptEnded, step.advance == .key, engine.stepElapsedMs >= stepTimeMs,
                   engine.stepHasBeenRead {
                    engine.apply(.nextStep)
                }
                engine.step()
                listener.broker.recheck(wallMs: clock.epochMs)
            }
            for notice in listener.broker.drainNotices() { out.line(notice.description) }
            out.reportChanges()
            if let durationMs, engine.nowMs >= durationMs { break }
        }
        listener.stop()
        out.line(stop.requested ? "stopped by signal after \(Self.seconds(engine.nowMs))" : "stopped after \(Self.seconds(engine.nowMs))")
    }

    /// Starts the listener on `engine`, timestamps counted from the clock's wall-clock start;
    /// a port in use or an unknown host is a message (exit 2). With `produceWaits`, Produce
    /// requests are answered at the owner's next pass instead of waking it.
    static func startListener(
        _ address: ListenAddress, engine: Engine, clock: WallClock, autoCreateTopics: Bool, produceWaits: Bool = false
    ) throws(UserFacingError) -> KafkaListener {
        do {
            return try KafkaListener.start(
                address, engine: engine, epochStartMs: clock.startEpochMs, autoCreateTopics: autoCreateTopics, produceWaits: produceWaits)
        } catch {
            throw UserFacingError(message: error.description)
        }
    }

    private static func seconds(_ ms: Int64) -> String { "\(ms / 1000).\(ms % 1000 / 100)s" }
}

/// `serve`'s output: timestamped lines, and the step and group changes since the last look.
final class ServeOutput {
    private let engine: Engine
    private var stepIndex: Int
    private var generations: [String: Int] = [:]

    init(engine: Engine) {
        self.engine = engine
        stepIndex = engine.stepIndex
        for name in engine.log.groupNames { generations[name] = (try? engine.log.group(name))?.generation }
    }

    /// Writes `[mm:ss.t] text` (simulated time) unbuffered, so a pipe sees it at once.
    func line(_ text: String) {
        FileHandle.standardOutput.write(Data("[\(Self.clock(engine.nowMs))] \(text)\n".utf8))
    }

    /// Simulated time as `mm:ss.t`.
    static func clock(_ ms: Int64) -> String {
        let tenths = ms / 100
        let seconds = tenths / 10
        let minutes = seconds / 60
        return "\(minutes < 10 ? "0" : "")\(minutes):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60).\(tenths % 10)"
    }

    /// Prints a line for a new step and for each group whose generation moved (a rebalance),
    /// once that generation's sync phase is over: its members hold their assignments.
    func reportChanges() {
        if engine.stepIndex != stepIndex {
            stepIndex = engine.stepIndex
            let marker = engine.currentStep?.marker ?? ""
            line(engine.scriptEnded ? "script ended" : "step \(stepIndex + 1)/\(engine.scenario.script.count) \(marker)")
        }
        for name in engine.log.groupNames {
            guard let group = try? engine.log.group(name), generations[name] != group.generation,
                  group.state != .completingRebalance
            else { continue }
            generations[name] = group.generation
            let clients = group.members.filter(\.isExternal).map(\.clientId)
            let real = clients.isEmpty ? "" : " (real clients: \(clients.joined(separator: ", ")))"
            line("group \(name) rebalanced: generation \(group.generation), \(group.members.count) member\(group.members.count == 1 ? "" : "s")\(real)")
        }
    }
}
