import Simulation

/// What the presenter's screen is doing, apart from the world itself: focus, overlays, the feed's
/// freeze and filter, pause and speed. Pure and `Equatable`, changed only by `reduce`.
public struct DashboardState: Equatable, Sendable {
    /// The consumer group or processor with the keyboard focus (its describe table is shown);
    /// nil when no group is focused.
    public var focusedGroup: String?
    public var helpVisible = false
    /// The feed as it was when frozen; nil while it scrolls.
    public var frozenFeed: [FeedEntry]?
    /// The active feed filter (a topic or group name, or part of one).
    public var feedFilter: String?
    /// The filter being typed after `/`; nil when not typing.
    public var filterDraft: String?
    public var paused = false
    /// Simulation speed multiplier.
    public var speed: Double
    /// The recording indicator, when a recording is on.
    public var recording: RecordingIndicator?
    /// Why the journal stopped being written (a failed write, or a file that could not be opened
    /// again after going back); nil while it is written or when there is none.
    public var journalProblem: String?
    /// Why the last key that moves in time (previous step, jump, restart) could not be done;
    /// the footer says it until the next such key works.
    public var refusal: String?
    /// A frame counter that moves the dots along the flow arrows.
    public var animationPhase = 0
    /// Set once the presenter asked to quit.
    public var quitRequested = false
    /// The seed the run picked because the scenario (or `--seed`) said 0; shown in the header.
    public var pickedSeed: UInt64?
    /// The first partition row the focused group's describe table shows.
    public var describeFirstRow = 0
    /// How far the presenter scrolled the narration, and in which step (a new step starts at its top).
    public var narrationScroll: NarrationScroll?
    /// The terminal's size, so a scroll key moves by what one page shows.
    public var screenSize = TerminalSize(cols: 120, rows: 40)
    /// The speed the engine achieved lately, when the live loop measured it (nil until then).
    public var achievedSpeed: Double?
    /// The Kafka listener serving this run's log (`--listen`), shown in the header; nil when none.
    public var listener: ListenerIndicator?

    /// Creates the state a run starts in.
    public init(speed: Double = 1) {
        self.speed = speed
    }

    /// Whether the feed is frozen.
    public var feedFrozen: Bool { frozenFeed != nil }
}

/// The narration's scroll position within one step.
public struct NarrationScroll: Equatable, Sendable {
    /// The step (0-based) the position belongs to.
    public var step: Int
    /// The first wrapped line shown.
    public var firstLine: Int

    public init(step: Int, firstLine: Int) {
        self.step = step
        self.firstLine = firstLine
    }
}

/// What the header shows about the Kafka listener: where it listens, how many clients are
/// connected, and who can reach it when that is more than this machine.
public struct ListenerIndicator: Equatable, Sendable {
    /// `host:port`.
    public var address: String
    /// Connected clients.
    public var clients: Int
    /// Who can connect, when not loopback only (e.g. "reachable from any machine").
    public var reach: String?

    public init(address: String, clients: Int, reach: String?) {
        self.address = address
        self.clients = clients
        self.reach = reach
    }
}

/// What the header shows about the recording.
public enum RecordingIndicator: Equatable, Sendable {
    case recording
    case paused
    /// The recording stopped (disk full, …): the message says what was kept.
    case failed(String)
}

/// Something the reducer asks the app to do to the world, the clock or the recorder.
public enum DashboardEffect: Equatable, Sendable {
    /// Apply a presenter action to the engine (and journal it).
    case control(ControlAction)
    /// Re-simulate from the start to the beginning of the previous step.
    case previousStep
    /// Go to step n (1-based): forward by advancing, backward by re-simulating.
    case jumpToStep(Int)
    /// Start the scenario again from tick 0.
    case restart
    /// Pause or resume the recording.
    case toggleRecording
    /// Write a marker into the recording now.
    case mark
    /// Leave.
    case quit
}
