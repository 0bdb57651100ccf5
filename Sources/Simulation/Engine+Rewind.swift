import StreamLog
import Scenario

/// Going back in a talk: re-simulating from tick 0 with the same seed and the same actions.
extension Engine {
    /// A new engine for the same scenario and seed, re-simulated to the moment step `target`
    /// (0-based) began in this run, with every presenter action that came before it.
    ///
    /// Exact: the world it returns is the world as it was when that step began.
    /// Throws when the backend cannot re-simulate (its time is not simulated or it is not deterministic).
    public func rewound(toStep target: Int) throws(EngineError) -> Engine {
        guard log.capabilities.canRewind else {
            throw EngineError(description: "this log cannot go back: previous step needs simulated time and a deterministic log")
        }
        let fresh = try Engine(scenario: scenario, seed: seed, backend: makeBackend)
        let step = min(max(0, target), stepIndex)
        guard step > 0, stepStartTicks.indices.contains(step) else { return fresh }
        let startTick = stepStartTicks[step]
        var schedule = ActionSchedule(journal)
        while fresh.tick < startTick {
            _ = fresh.applyDue(&schedule)
            fresh.step()
        }
        // At the step's first tick, only the actions up to the one that began it.
        while fresh.stepIndex < step, let action = schedule.next(at: startTick) { fresh.apply(action) }
        return fresh
    }

    /// The engine showing step `target` (0-based) from its start: an earlier step is re-simulated
    /// (`rewound(toStep:)`), a later one is reached by pressing → until it begins, the current one
    /// is begun again. Either way the step then stays at least its reading time, even when its
    /// `when` condition already holds, so going back to a step that ended on a condition lands
    /// on it.
    public func jumped(toStep target: Int) throws(EngineError) -> Engine {
        guard scenario.script.indices.contains(target) else { return self }
        if target <= stepIndex { return try rewound(toStep: target) }
        while stepIndex < target, !scriptEnded { apply(.nextStep) }
        return self
    }
}
