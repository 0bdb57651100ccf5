import Scenario

/// A step that does not show its point: found by playing the script (`validate --rehearse`, and
/// the warnings of every headless run), since no static check can know the world's numbers.
public struct RehearsalFinding: Equatable, Sendable {
    /// What is wrong with the step.
    public enum Kind: Equatable, Sendable {
        /// The `when` condition already holds when the step begins: the step ends at once.
        case conditionTrueAtStart(condition: String)
        /// The step's own end rule fired after `endedAfterMs` of simulated time, before its
        /// narration could be read (`readingMs`, simulated time at the scenario's default speed).
        case tooShortToRead(endedAfterMs: Int64, readingMs: Int64)
    }

    /// The 0-based step index.
    public var stepIndex: Int
    public var kind: Kind

    public init(stepIndex: Int, kind: Kind) {
        self.stepIndex = stepIndex
        self.kind = kind
    }

    /// The finding as a positioned error of `file`, naming the step and what would fix it.
    ///
    ///     kappa.yaml:112:5: step 5 'Replay v2': its end rule fires after 2 s, before its narration
    ///     (31 words) can be read in 11.3 s at ×1; expected an `after` or `when` that gives the step at least 11.3 s
    public func error(in scenario: ScenarioSpec, file: String) -> ScenarioError {
        let step = scenario.script[stepIndex]
        let name = "step \(stepIndex + 1) '\(step.marker)'"
        let position = step.position ?? SourcePosition(line: 1, column: 1)
        switch kind {
        case .conditionTrueAtStart(let condition):
            return ScenarioError(
                file: file, at: position,
                message: "\(name): its condition \"\(condition)\" already holds when the step begins, so the step shows nothing of its own",
                expected: "a condition that becomes true during the step (or `after: …`)")
        case .tooShortToRead(let endedAfterMs, let readingMs):
            let words = step.say.split(whereSeparator: \.isWhitespace).count
            let speed = Engine.speedText(scenario.clock.speed)
            return ScenarioError(
                file: file, at: position,
                message: "\(name): its end rule fires after \(Engine.seconds(endedAfterMs)), before its narration (\(words) words) can be read in \(Engine.seconds(readingMs)) at \(speed)",
                expected: "an `after` or `when` that gives the step at least \(Engine.seconds(readingMs))")
        }
    }
}

extension Engine {
    /// How long a step that waits for a key lasts in a rehearsal (as in `run --headless`).
    public static let rehearsalStepTimeMs: Int64 = 10_000

    /// Plays `scenario`'s script headless at its default speed and seed, a key step lasting
    /// `rehearsalStepTimeMs`, and returns what it found, in step order.
    public static func rehearsal(of scenario: ScenarioSpec) throws(EngineError) -> [RehearsalFinding] {
        let engine = try Engine(scenario: scenario)
        engine.runHeadless(stepTimeMs: rehearsalStepTimeMs)
        return engine.rehearsalFindings
    }

    /// Notes what the rehearsal learns when `step`'s own end rule fires: a condition true from
    /// the step's first tick, or an end before the narration's reading time at the default speed.
    func rehearse(_ step: Step, endedBy end: StepEnd) {
        guard !rehearsalFindings.contains(where: { $0.stepIndex == stepIndex }) else { return }
        if end == .rule, case .when(_, let text, _) = step.advance, stepElapsedMs <= tickMs {
            rehearsalFindings.append(RehearsalFinding(stepIndex: stepIndex, kind: .conditionTrueAtStart(condition: text)))
            return
        }
        let readingMs = Int64((Double(step.readingMs) * scenario.clock.speed).rounded(.up))
        if stepElapsedMs < readingMs {
            rehearsalFindings.append(RehearsalFinding(
                stepIndex: stepIndex, kind: .tooShortToRead(endedAfterMs: stepElapsedMs, readingMs: readingMs)))
        }
    }

    /// A speed as the header shows it: `×1`, `×0.5`.
    static func speedText(_ speed: Double) -> String {
        speed == speed.rounded() ? "×\(Int(speed))" : "×\(speed)"
    }
}
