/// What a presenter does to a running world: the inputs a journal records and a replay repeats.
///
/// Pausing and speed only change how fast simulated time passes, not what happens in it, so they
/// are not here: a run is exactly determined by its scenario, seed, and these actions with the
/// ticks they happened at.
public enum ControlAction: Codable, Equatable, Sendable {
    /// Move on to the next script step.
    case nextStep
    /// Add one member to a group or processor.
    case addMember(group: String)
    /// Kill one member of a group or processor (it stops heartbeating).
    case killMember(group: String)
    /// The run ended here (the presenter quit, or a headless run finished): a replay stops here.
    case end
}

/// A control action and the tick it happened at.
public struct TimedAction: Codable, Equatable, Sendable {
    public var tick: Int64
    public var action: ControlAction

    public init(tick: Int64, action: ControlAction) {
        self.tick = tick
        self.action = action
    }
}
