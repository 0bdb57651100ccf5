import Dashboard
import Scenario
import Simulation

/// Renders a run into an asciicast without a terminal, on the simulated clock, like VHS but exact.
///
/// Frames are drawn every `1/fps` seconds of simulated time; a step's marker follows the first
/// frame that shows the step, so a player jumping to the marker shows that screen.
/// Event times are simulated seconds, so the same scenario, seed and actions give the same
/// events every time.
public struct HeadlessRecording {
    public let size: TerminalSize
    public let theme: Theme
    public let fps: Double

    public init(size: TerminalSize, theme: Theme, fps: Double = 10) {
        self.size = size
        self.theme = theme
        self.fps = max(0.1, min(fps, 60))
    }

    /// The frame the dashboard shows for `engine` now.
    public func frame(_ engine: Engine) -> Grid {
        var state = DashboardState(speed: engine.speed)
        state.animationPhase = Int(engine.nowMs / 150)
        return DashboardView.render(engine.snapshot(), state: state, size: size, theme: theme)
    }

    /// Runs `engine` headless (see `Engine.runHeadless`) and writes its frames and markers.
    ///
    /// - Parameter pace: runs after each tick's frame (a cluster run waits there for the wall
    ///   clock to reach the engine's time).
    /// - Parameter atMarker: sees each step's marker label and the frame drawn with it.
    public func record(
        _ engine: Engine, to writer: AsciicastWriter, stepTimeMs: Int64?, durationMs: Int64? = nil,
        scheduled: [TimedAction] = [], everySecond: (Engine) -> Void = { _ in }, pace: (Engine) -> Void = { _ in },
        atMarker: (String, Grid) -> Void = { _, _ in }
    ) {
        let frameMs = max(engine.tickMs, Int64((1000 / fps).rounded()))
        var lastStep = -1
        var lastFrameMs = Int64.min
        func capture(_ engine: Engine) {
            let seconds = Double(engine.nowMs) / 1000
            let stepChanged = engine.stepIndex != lastStep && !engine.scenario.script.isEmpty
            guard stepChanged || engine.nowMs - lastFrameMs >= frameMs else { return }
            let grid = frame(engine)
            writer.frame(grid, at: seconds)
            lastFrameMs = engine.nowMs
            if stepChanged {
                lastStep = engine.stepIndex
                let marker = engine.currentStep?.marker ?? ""
                writer.marker(marker, at: seconds)
                atMarker(marker, grid)
            }
        }
        capture(engine)
        engine.runHeadless(stepTimeMs: stepTimeMs, durationMs: durationMs, scheduled: scheduled, afterTick: { engine in
            capture(engine)
            pace(engine)
        }, everySecond: everySecond)
        capture(engine)
    }
}
