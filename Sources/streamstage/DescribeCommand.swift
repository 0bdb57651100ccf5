import ArgumentParser
import Foundation
import Simulation
import StreamLog

/// `streamstage describe [SCENARIO] --at D`: `kafka-consumer-groups --describe` at a moment of the talk.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Run headless to a simulated time and print each group as kafka-consumer-groups --describe does.")

    @OptionGroup var world: WorldOptions

    @Option(parsing: .unconditional, help: "The simulated time to stop at (e.g. 45s; at most 24h).")
    var at: String

    @Option(help: "Only this group.")
    var group: String?

    @Option(name: .customLong("step-time"), parsing: .unconditional, help: "How long a step that waits for a key lasts (default 10s).")
    var stepTime: String?

    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        let atMs = try durationOption(at, "--at") ?? 0
        let stepTimeMs = try durationOption(stepTime, "--step-time") ?? 10_000
        let seed = try world.seedValue()
        let (spec, path) = try ScenarioLocator.load(world.scenario)
        var session = try Session(spec: spec, path: path, seed: seed, actions: [])
        session.cluster = try cluster.connect().map { ClusterRun(log: $0, cleanup: cluster.cleanup) }
        if session.seedPicked { FileHandle.standardError.write(Data("seed 0: picked seed \(session.seed)\n".utf8)) }
        let engine = try session.makeEngine()
        let progress = HeadlessProgress(totalMs: atMs)
        let wall = WallClock()
        engine.runHeadless(stepTimeMs: stepTimeMs, durationMs: atMs,
                           afterTick: { engine in if session.cluster != nil { wall.wait(untilMs: engine.nowMs) } },
                           everySecond: progress.update)
        defer { for line in session.cluster?.finish() ?? [] { FileHandle.standardError.write(Data((line + "\n").utf8)) } }
        progress.finish()
        let names = engine.groupNames
        if let group, !names.contains(group) {
            throw UserFacingError(message: "Consumer group '\(group)' does not exist. (groups at \(atMs / 1000) s: \(names.joined(separator: ", ")))")
        }
        for (index, name) in names.enumerated() where group == nil || group == name {
            let description = engine.describe(group: name)
            if let notice = description.notice { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
            if index > 0 && group == nil { print("") }
            print(description.table(extraColumns: true))
        }
    }
}
