/// A journal's presenter actions handed out at the ticks they were taken: the one schedule that
/// live and headless runs, replays and rewinds apply actions by.
///
/// The rule: `Engine.apply` journals an action at the tick the engine is on, before that tick is
/// stepped, so an action journaled at tick T is due when the engine is at tick T and is applied
/// before the step from T to T + 1. A run ends at the journal's `.end`, after the actions due at
/// its tick. Actions before the tick a schedule starts from are already part of the world it
/// starts from (a rewound engine) and are never handed out.
///
///     var schedule = ActionSchedule(journal)
///     while !engine.applyDue(&schedule) { engine.step() }
public struct ActionSchedule: Equatable, Sendable {
    /// The tick of the journal's `.end`, where the run stops; nil when it has none.
    public let endTick: Int64?
    /// The actions to apply, `.end` removed, in journal order.
    private let actions: [TimedAction]
    /// The next action not yet handed out.
    private var cursor: Int

    /// A schedule of `journal` (in non-decreasing tick order) for an engine at `tick`.
    public init(_ journal: [TimedAction], from tick: Int64 = 0) {
        endTick = journal.first { $0.action == .end }?.tick
        actions = journal.filter { $0.action != .end }
        cursor = actions.firstIndex { $0.tick >= tick } ?? actions.count
    }

    /// A schedule of `journal` for `engine`, which re-simulated part of it (a rewind): the actions
    /// before the engine's tick, and as many at its tick as the engine journaled there, are
    /// already applied and never handed out again.
    public init(_ journal: [TimedAction], resumingAfter engine: Engine) {
        self.init(journal, from: engine.tick)
        var applied = engine.journal.count { $0.tick == engine.tick && $0.action != .end }
        while applied > 0, cursor < actions.count, actions[cursor].tick == engine.tick {
            cursor += 1
            applied -= 1
        }
    }

    /// Takes the next action due at `tick`, or nil when none is; actions of earlier ticks that
    /// were never taken are passed over.
    public mutating func next(at tick: Int64) -> ControlAction? {
        while cursor < actions.count, actions[cursor].tick < tick { cursor += 1 }
        guard cursor < actions.count, actions[cursor].tick == tick else { return nil }
        cursor += 1
        return actions[cursor - 1].action
    }

    /// Whether the run stops at `tick`: the journal's `.end` is at or before it.
    public func ends(at tick: Int64) -> Bool {
        endTick.map { tick >= $0 } ?? false
    }
}
