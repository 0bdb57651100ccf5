import ArgumentParser

/// `streamstage bench`: measured speed against baselines measured in the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the log, the engine, rendering and memory against baselines from the same run.",
        discussion: "Every figure comes with its baseline, the ratio and the goal it is held to. "
            + "--quick runs everything small (seconds in total): a smoke test, not a measurement.")

    @Flag(help: "Print a JSON array, one object per figure (name, value, unit, baseline, ratio, goal, met).")
    var json = false

    @Flag(help: "Run everything small, in seconds (for smoke tests; the figures are noisy).")
    var quick = false

    /// Runs the figures (memory first, so nothing else has grown the heap) and prints them.
    func run() throws {
        let engine = quick
            ? EngineBench(speedSeconds: 1, speedWindows: 1, memorySeconds: 10)
            : EngineBench(speedSeconds: 5, speedWindows: 3, memorySeconds: 600)
        let log = quick ? LogBench(records: 100_000, repeats: 2) : LogBench(records: 2_000_000, repeats: 5)
        let render = RenderBench(frames: quick ? 20 : 300)
        var figures = try engine.memory()
        figures += try log.run()
        figures.append(try engine.speed())
        figures += try render.run()
        print(json ? BenchFigure.json(figures) : BenchFigure.table(figures))
    }
}
