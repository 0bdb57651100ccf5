import Foundation
import Scenario

/// The script: steps begin with their actions and end by key, after a time, or on a condition.
extension Engine {
    /// The current step.
    public var currentStep: Step? {
        scenario.script.indices.contains(stepIndex) ? scenario.script[stepIndex] : nil
    }

    /// Sim ms since the current step began.
    public var stepElapsedMs: Int64 { (tick - (stepStartTicks.last ?? 0)) * tickMs }

    /// Starts step `index`: runs its actions in order and announces it in the feed.
    func beginStep(_ index: Int) {
        highlights = []
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
            feed.append(FeedEntry(timeMs: nowMs, kind: .script(text: "the script has ended")))
        }
    }

    /// Ends the current step when its `after` time has passed or its `when` condition holds.
    func checkScript() {
        guard !scriptEnded, let step = currentStep else { return }
        switch step.advance {
        case .key:
            return
        case .after(let ms):
            if stepElapsedMs >= ms { advanceStep(timedOut: false) }
        case .when(let condition, _, let timeoutMs):
            if condition.evaluate({ metric($0, of: $1) }) {
                advanceStep(timedOut: false)
            } else if stepElapsedMs >= timeoutMs {
                advanceStep(timedOut: true)
            }
        }
    }

    /// How the current step ends, in words for the header.
    public var advanceDescription: String {
        guard let step = currentStep, !scriptEnded else { return "the end" }
        switch step.advance {
        case .key:
            return "press → for the next step"
        case .after(let ms):
            return "next step in \(Self.seconds(max(0, ms - stepElapsedMs)))"
        case .when(_, let text, let timeoutMs):
            return "next step when \(text) (at most \(Self.seconds(max(0, timeoutMs - stepElapsedMs))))"
        }
    }

    static func seconds(_ ms: Int64) -> String {
        ms % 1000 == 0 ? "\(ms / 1000) s" : String(format: "%.1f s", Double(ms) / 1000)
    }
}
