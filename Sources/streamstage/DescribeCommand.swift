import ArgumentParser
import Foundation
import Simulation

/// `streamstage describe [SCENARIO] --at D`: `kafka-consumer-groups --describe` at a moment of the talk.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Run headless to a simulated time and print each group as kafka-consumer-groups --describe does.")

    @OptionGroup var world: WorldOptions

    @Option(help: "The simulated time to stop at (e.g. 45s).")
    var at: DurationArgument

    @Option(help: "Only this group.")
    var group: String?

    @Option(name: .customLong("step-time"), help: "How long a step that waits for a key lasts (default 10s).")
    var stepTime: DurationArgument?

    func run() throws {
        let (spec, path) = try ScenarioLocator.load(world.scenario)
        let engine = try Session(spec: spec, path: path, seed: world.seed, actions: []).makeEngine()
        engine.runHeadless(stepTimeMs: stepTime?.milliseconds ?? 10_000, durationMs: at.milliseconds)
        let names = engine.groupNames
        if let group, !names.contains(group) {
            throw UserFacingError(message: "Consumer group '\(group)' does not exist. (groups at \(at.milliseconds / 1000) s: \(names.joined(separator: ", ")))")
        }
        for (index, name) in names.enumerated() where group == nil || group == name {
            let description = engine.describe(group: name)
            if let notice = description.notice { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
            if index > 0 && group == nil { print("") }
            print(description.table(extraColumns: true))
        }
    }
}
