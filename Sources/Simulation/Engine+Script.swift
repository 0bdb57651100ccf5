import Foundation
import Scenario

/// The script: steps begin with their actions and end by key, after a time, or on a condition —
/// but never before their narration has been on screen for its reading time (`Step.readingMs`,
/// in wall-clock time: at speed ×2 that is twice the simulated time). A key press ends a step at once.
extension Engine {
    /// The current step.
    public var currentStep: Step? {
        scenario.script.indices.contains(stepIndex) ? scenario.script[stepIndex] : nil
    }

    /// Sim ms since the current step began.
    public var stepElapsedMs: Int64 { (tick - (stepStartTicks.last ?? 0)) * tickMs }

    /// True once the current step has been on screen for its reading time.
    public var stepHasBeenRead: Bool {
        guard let step = currentStep else { return true }
        return stepShownMs >= Double(step.readingMs)
    }

    /// Starts step `index`: runs its actions in order and announces it in the feed.
    func beginStep(_ index: Int) {
        highlights = []
        stepShownMs = 0
        stepEnd = nil
        guard scenario.script.indices.contains(index) else { return }
        let step = scenario.script[index]
        feed.append(FeedEntry(timeMs: nowMs, kind: .script(text: "step \(index + 1)/\(scenario.script.count): \(step.marker)")))
        for action in step.actions { perform(action, origin: step.marker) }
    }

    /// Ends the current step and begins the next; after the last step the script has ended.
    func advanceStep(timedOut: Bool) {
        guard !scriptEnded else { return }
        noteShownAtEnd()
        if timedOut { timedOutSteps.append(stepIndex) }
        if stepIndex + 1 < scenario.script.count {
            stepIndex += 1
            stepStartTicks.append(tick)
            beginStep(stepIndex)
        } else {
            scriptEnded = true
            stepEnd = nil
            feed.append(FeedEntry(timeMs: nowMs, kind: .script(text: "the script has ended")))
        }
    }

    /// Counts the tick's wall time on screen, notes when the step's `after` time has passed or
    /// its `when` condition holds (or timed out), and ends the step once that happened and the
    /// narration has been read.
    func checkScript() {
        guard !scriptEnded, let step = currentStep else { return }
        stepShownMs += Double(tickMs) / speed
        if stepEnd == nil, let end = endRuleFired(step) {
            stepEnd = end
            rehearse(step, endedBy: end)
        }
        if let stepEnd, stepHasBeenRead { advanceStep(timedOut: stepEnd == .timeout) }
    }

    /// Whether the step's own end rule fires now.
    private func endRuleFired(_ step: Step) -> StepEnd? {
        switch step.advance {
        case .key:
            return nil
        case .after(let ms):
            return stepElapsedMs >= ms ? .rule : nil
        case .when(let condition, _, let timeoutMs):
            if condition.evaluate({ metric($0, of: $1) }) { return .rule }
            return stepElapsedMs >= timeoutMs ? .timeout : nil
        }
    }

    /// How the current step ends, in words for the header.
    public var advanceDescription: String {
        guard let step = currentStep, !scriptEnded else { return "the end" }
        let readingLeftMs = Int64(((Double(step.readingMs) - stepShownMs) * speed).rounded(.up))
        switch (step.advance, stepEnd) {
        case (.key, _):
            return "press → for the next step"
        case (.after(let ms), _):
            return "next step in \(Self.seconds(max(0, ms - stepElapsedMs, readingLeftMs)))"
        case (.when(_, let text, _), .rule?):
            return "\(text) holds — next step in \(Self.seconds(max(0, readingLeftMs))) (reading time)"
        case (.when(_, let text, _), .timeout?):
            return "\(text) timed out — next step in \(Self.seconds(max(0, readingLeftMs))) (reading time)"
        case (.when(_, let text, let timeoutMs), nil):
            return "next step when \(text) (at most \(Self.seconds(max(0, timeoutMs - stepElapsedMs, readingLeftMs))))"
        }
    }

    static func seconds(_ ms: Int64) -> String {
        ms % 1000 == 0 ? "\(ms / 1000) s" : String(format: "%.1f s", Double(ms) / 1000)
    }
}

/// Why a step is due to end: its own rule (`after` passed, `when` held) or its `when` timed out.
enum StepEnd: Equatable {
    case rule
    case timeout
}
