/// What a presenter does to a running world: the inputs a journal records and a replay repeats.
///
/// Pausing only changes how fast simulated time passes, not what happens in it, so it is not
/// here. Speed is: a step stays on screen at least its narration's reading time in wall-clock
/// time, which is more simulated time at a higher speed. A run is exactly determined by its
/// scenario, seed, and these actions with the ticks they happened at.
public enum ControlAction: Codable, Equatable, Sendable {
    /// Move on to the next script step.
    case nextStep
    /// Add one member to a group or processor.
    case addMember(group: String)
    /// Kill one member of a group or processor (it stops heartbeating).
    case killMember(group: String)
    /// The presenter changed the speed (×0.1 to ×20).
    case setSpeed(to: Double)
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
