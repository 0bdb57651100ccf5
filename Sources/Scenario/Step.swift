/// One script step: a chapter of the talk.
public struct Step: Sendable, Equatable {
    /// Unique within the script.
    public var id: String
    /// A short chapter name (asciicast marker); defaults to the id.
    public var marker: String
    /// Narration shown in the narration panel.
    public var say: String
    /// Actions run, in order, when the step begins.
    public var actions: [Action]
    /// When the script moves on to the next step.
    public var advance: Advance = .key
    /// Live values drawn beside the narration while the step runs: what the step proves.
    public var show: [ShowItem] = []
    /// Where the step starts in its file (the rehearsal names it); nil for a step built in code.
    public var position: SourcePosition?

    public init(
        id: String, marker: String, say: String, actions: [Action], advance: Advance = .key, show: [ShowItem] = [],
        position: SourcePosition? = nil
    ) {
        self.id = id
        self.marker = marker
        self.say = say
        self.actions = actions
        self.advance = advance
        self.show = show
        self.position = position
    }
}

/// How a step ends.
public enum Advance: Sendable, Equatable {
    /// The presenter presses a key (headless runs wait `--step-time`).
    case key
    /// After this many sim ms.
    case after(ms: Int64)
    /// As soon as the condition holds, or after `timeoutMs` at the latest.
    case when(Condition, text: String, timeoutMs: Int64)
}

/// Something a step does to the running world.
public enum Action: Sendable, Equatable {
    /// Enable a producer, chain, processor or batch job.
    case start(String)
    /// Disable a producer, chain, processor or batch job.
    case stop(String)
    /// Replace the rate profile of a producer or chain (time restarts at 0 for the new profile).
    case setRate(target: String, to: RateProfile)
    /// Add members to a group or processor.
    case addMember(group: String, count: Int)
    /// Kill members of a group or processor (they stop heartbeating; see session timeout).
    case killMember(group: String, count: Int)
    /// Stop a group or processor from polling (members stay).
    case pause(group: String)
    case resume(group: String)
    /// Set a group's or processor's per-record time.
    case slowGroup(group: String, perRecordMs: Double)
    /// Set a service's latency.
    case slowService(service: String, latencyMs: Double)
    /// Back to the configured per-record time.
    case restoreGroup(group: String)
    /// Back to the configured latency.
    case restoreService(service: String)
    /// Every call to the service fails.
    case fail(service: String)
    case recover(service: String)
    /// Move a group's committed offsets (the group is paused while it happens, like the CLI tool).
    case resetOffsets(group: String, to: OffsetTarget)
    /// Create a new consumer group (no producer changes).
    case addGroup(GroupSpec)
    /// Change a topic's retention limits.
    case setRetention(topic: String, Retention)
    /// Draw the audience's eye to an entity: it is marked wherever it is drawn during the step.
    case highlight(String)
}

/// Where `reset_offsets` moves a group.
public enum OffsetTarget: Sendable, Equatable {
    case earliest
    case latest
    /// An absolute offset on every partition.
    case offset(Int64)
    /// The first offset whose timestamp is at most this many ms before now.
    case ago(ms: Int64)
}
