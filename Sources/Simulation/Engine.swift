import Scenario
import StreamLog

/// A scenario running on the virtual clock: the log, its producers and consumers, the chains,
/// the batch jobs and the script, advanced one tick at a time.
///
/// Deterministic: the scenario, the seed, and the control actions applied at given ticks decide
/// every record, offset and latency. Nothing here reads the wall clock.
///
///     let engine = try Engine(scenario: spec, seed: 42)
///     engine.run(ticks: 1_000)           // 10 s of simulated time at the default tick
///     engine.apply(.nextStep)            // the presenter presses →
///     let snapshot = engine.snapshot()   // what the dashboard draws
public final class Engine {
    public let scenario: ScenarioSpec
    public let seed: UInt64
    public let tickMs: Int64
    /// The ticks run so far.
    public internal(set) var tick: Int64 = 0
    /// The log the world runs on, reached only through the backend protocol.
    public let log: any StreamLogBackend
    /// Lag, rates and Burrow status, computed above the backend.
    let monitor: LagMonitor

    @exclusivity(unchecked) var producers: [ProducerRuntime] = []
    var groups: [ConsumerRuntime] = []
    var processors: [ProcessorRuntime] = []
    var chains: [ChainDriver] = []
    var batches: [BatchRuntime] = []
    var topicRecords: [String: RateMeter] = [:]
    var topicBytes: [String: RateMeter] = [:]
    var topicTotals: [String: (records: Int64, bytes: Int64)] = [:]
    /// Topics Kafka clients created through the listener, in creation order (after the scenario's).
    var externalTopics: [String] = []
    /// Each Kafka client's recent rate per topic (`topic ← client.id`), which its feed lines are sampled by.
    var clientFeedRates: [String: ClientFeedRate] = [:]
    /// The recent records of the topics some `ref` generator reads (only those are kept).
    var recentValues: [String: RecentValues] = [:]
    @exclusivity(unchecked) var feed = FeedBuffer()
    /// Where a producer's record values are encoded before the log copies them into a segment
    /// (reused): two, so that one record can be encoded while the one before waits to be appended.
    let encodeBuffers = (ByteArena(), ByteArena())
    /// The same for the records' keys.
    let keyBuffers = (ByteArena(), ByteArena())
    var highlights: [String] = []
    var insights = StoryInsights()
    /// What the log refused or could not report (said once in the feed, counted for the summary).
    var logProblems = LogProblems()
    var random: SeededRandom

    /// The script position.
    public internal(set) var stepIndex = 0
    /// The tick each step began at, in order (the current step last).
    public internal(set) var stepStartTicks: [Int64] = [0]
    /// Steps whose `when` condition had not held by their timeout.
    public internal(set) var timedOutSteps: [Int] = []
    /// True once the last step has finished.
    public internal(set) var scriptEnded = false
    /// The presenter's speed (the scenario's default, then each journaled `.setSpeed`): how
    /// simulated time turns into the wall time a step has been on screen.
    public internal(set) var speed: Double
    /// Wall-clock ms the current step has been on screen so far.
    public internal(set) var stepShownMs: Double = 0
    /// Set once the current step's own end rule has fired; the step ends when it has been read.
    var stepEnd: StepEnd?
    /// What the rehearsal has found in the steps played so far (see `RehearsalFinding`).
    public internal(set) var rehearsalFindings: [RehearsalFinding] = []
    /// The control actions applied so far, with their ticks: the journal of this run.
    public internal(set) var journal: [TimedAction] = []
    /// Called for every record appended to any topic, in order (for exports).
    @exclusivity(unchecked) public var onAppend: ((AppendedRecord) -> Void)?

    /// Ticks per simulated second.
    var ticksPerSecond: Int64 { max(1, 1000 / tickMs) }

    /// The simulated time in ms.
    public var nowMs: Int64 { tick * tickMs }

    /// Makes the log a run uses from the run's seeded random source.
    public typealias BackendFactory = @Sendable (SeededRandom) -> any StreamLogBackend
    /// The in-process log: simulated time, deterministic.
    public static let inProcess: BackendFactory = { InProcessLog(random: $0) }
    /// How this run made its log (a rewind makes a fresh one the same way).
    let makeBackend: BackendFactory

    /// Builds the world of `scenario` on a log from `backend`: topics, producers, groups (with
    /// their members joined), processors, chains and batch jobs, then starts step 1.
    public init(scenario: ScenarioSpec, seed: UInt64? = nil, backend: @escaping BackendFactory = Engine.inProcess)
        throws(EngineError)
    {
        self.scenario = scenario
        self.seed = seed ?? scenario.seed
        tickMs = max(1, scenario.clock.tickMs)
        random = SeededRandom(seed: self.seed)
        speed = min(Pacer.maximumSpeed, max(Pacer.minimumSpeed, scenario.clock.speed))
        makeBackend = backend
        log = backend(random.fork("log"))
        monitor = LagMonitor(backend: log)
        try build()
        beginStep(0)
    }

    /// Runs `count` ticks.
    public func run(ticks count: Int) {
        for _ in 0..<max(0, count) { step() }
    }

    /// Runs until the simulated time reaches `ms`.
    public func run(untilMs ms: Int64) {
        while nowMs < ms { step() }
    }

    /// Applies a presenter's action now and records it in the journal.
    public func apply(_ action: ControlAction) {
        journal.append(TimedAction(tick: tick, action: action))
        switch action {
        case .nextStep:
            advanceStep(timedOut: false)
        case .addMember(let group):
            perform(.addMember(group: group, count: 1), origin: "presenter")
        case .killMember(let group):
            perform(.killMember(group: group, count: 1), origin: "presenter")
        case .setSpeed(to: let newSpeed):
            speed = min(Pacer.maximumSpeed, max(Pacer.minimumSpeed, newSpeed))
        case .end:
            break
        }
    }

    /// Names of the groups and processors, in scenario order (the dashboard's focus cycle).
    public var consumerNames: [String] {
        groups.map(\.name) + processors.map(\.spec.name)
    }
}

/// A record as it was appended: for the events export.
public struct AppendedRecord: Sendable {
    public var topic: String
    public var partition: Int
    public var offset: Int64
    public var timestamp: Int64
    public var timestampType: StreamLog.TimestampType
    /// The key bytes; nil for keyless records.
    public var key: [UInt8]?
    /// The value bytes (compact JSON for generated records).
    public var value: [UInt8]
    public var headers: [Header]
}

/// A scenario the engine cannot build (the log refused a topic or a group).
public struct EngineError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
