/// Replaying journaled actions by `ActionSchedule`'s rule.
extension Engine {
    /// Applies every action `schedule` has due at this tick.
    ///
    /// - Returns: true when the schedule's run ends at this tick, so the caller stops before
    ///   stepping.
    public func applyDue(_ schedule: inout ActionSchedule) -> Bool {
        while let action = schedule.next(at: tick) { apply(action) }
        return schedule.ends(at: tick)
    }
}
