import Scenario

/// Running without a terminal, as fast as possible.
extension Engine {
    /// Runs as fast as possible until the script ends, `durationMs` of simulated time has passed,
    /// or a scheduled `.end` is reached.
    ///
    /// - Parameters:
    ///   - stepTimeMs: how long a step that waits for a key lasts before it advances by itself
    ///     (at least its reading time, as if a presenter read it out); nil for a replay, where
    ///     only the scheduled actions advance such steps.
    ///   - scheduled: actions to apply at their ticks (a journal being replayed), in order, by
    ///     ``ActionSchedule``'s rule.
    ///   - afterTick: sees the engine after every tick (a headless recording renders frames here).
    ///   - everySecond: sees the engine after each simulated second.
    public func runHeadless(
        stepTimeMs: Int64?, durationMs: Int64? = nil, scheduled: [TimedAction] = [],
        afterTick: (Engine) -> Void = { _ in }, everySecond: (Engine) -> Void = { _ in }
    ) {
        let limit = durationMs ?? (scenario.script.isEmpty ? (stepTimeMs ?? 0) : .max)
        var schedule = ActionSchedule(scheduled)
        while nowMs < limit {
            if applyDue(&schedule) { break }
            if schedule.endTick == nil, scriptEnded, durationMs == nil {
                break
            }
            if let stepTimeMs, let step = currentStep, !scriptEnded, step.advance == .key, stepElapsedMs >= stepTimeMs,
               stepHasBeenRead {
                apply(.nextStep)
                continue
            }
            step()
            afterTick(self)
            if tick % ticksPerSecond == 0 { everySecond(self) }
        }
        journal.append(TimedAction(tick: tick, action: .end))
    }
}
