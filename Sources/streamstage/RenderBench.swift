import Dashboard
import Recording
import Simulation

/// The render figures: pure render time of full dashboard frames of the default scenario (the
/// live mode's frames) at 80×24 and 200×60, and the bytes the terminal encoder writes to update
/// the screen from one frame to the next.
struct RenderBench {
    /// Frames rendered per size, one every 100 ms of simulated time.
    let frames: Int

    static let sizes = [TerminalSize(cols: 80, rows: 24), TerminalSize(cols: 200, rows: 60)]
    /// The size the encoder figure uses: a laptop terminal.
    static let encoderSize = TerminalSize(cols: 120, rows: 40)
    /// The goal for one render, in milliseconds.
    static let renderGoalMs = 4.0
    /// The live mode's frame rate at most, and the goal for terminal output per second.
    static let framesPerSecond = 30.0
    static let bytesPerSecondGoal = 50_000.0

    /// Measures the render percentiles at both sizes and `terminal.bytes-per-frame`.
    func run() throws(UserFacingError) -> [BenchFigure] {
        let (spec, path) = try ScenarioLocator.load(nil)
        let engine: Engine
        do {
            engine = try Engine(scenario: spec)
        } catch {
            throw UserFacingError(message: "bench: \(path): \(error.description)")
        }
        engine.run(untilMs: 30_000)
        let theme = Theme(colors: .palette256, glyphs: .braille)
        var state = DashboardState()
        var times = Array(repeating: [Double](), count: Self.sizes.count)
        var encoder = FrameEncoder()
        var diffBytes: [Double] = []
        var repaintBytes: [Double] = []
        for _ in 0..<frames {
            engine.run(ticks: 10)
            let world = engine.snapshot()
            state.animationPhase = Int(engine.nowMs / 150)
            for (index, size) in Self.sizes.enumerated() {
                var grid: Grid?
                times[index].append(BenchClock.seconds { grid = DashboardView.render(world, state: state, size: size, theme: theme) } * 1000)
                withExtendedLifetime(grid) {}
            }
            let grid = DashboardView.render(world, state: state, size: Self.encoderSize, theme: theme)
            let isFirst = encoder.previous == nil
            let bytes = Double(encoder.encode(grid).utf8.count)
            if !isFirst { diffBytes.append(bytes) }
            repaintBytes.append(Double(FrameEncoder.repaint(grid).utf8.count))
        }
        var figures: [BenchFigure] = []
        for (index, size) in Self.sizes.enumerated() {
            let sorted = times[index].sorted()
            for percentile in [50, 99] {
                let value = Self.percentile(sorted, percentile)
                figures.append(BenchFigure(
                    name: "render.p\(percentile).\(size.cols)x\(size.rows)", value: value, unit: "ms", baseline: nil, ratio: nil,
                    goal: "≤ 4 ms per frame", met: value <= Self.renderGoalMs))
            }
        }
        let perFrame = Self.mean(diffBytes)
        let repaint = Self.mean(repaintBytes)
        let limit = Self.bytesPerSecondGoal / Self.framesPerSecond
        figures.append(BenchFigure(
            name: "terminal.bytes-per-frame", value: perFrame, unit: "bytes", baseline: repaint, ratio: perFrame / repaint,
            goal: "≤ \(Int(limit)) bytes (50 KB/s at 30 frames/s); baseline a full repaint, \(Self.encoderSize.cols)x\(Self.encoderSize.rows)",
            met: perFrame <= limit))
        return figures
    }

    /// The value at `percentile` of sorted samples (nearest rank).
    static func percentile(_ sorted: [Double], _ percentile: Int) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((Double(percentile) / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// The arithmetic mean; 0 without values.
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
