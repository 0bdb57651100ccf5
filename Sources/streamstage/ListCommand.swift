import ArgumentParser
import Foundation
import Scenario

/// `streamstage list`: the scenarios in demo-data/, with their stories.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the scenarios in demo-data/.")

    func run() throws {
        guard let directory = ScenarioLocator.dataDirectory else {
            throw UserFacingError(message: "no demo-data/ folder found (run from the project folder, or set STREAMSTAGE_DATA)")
        }
        var rows: [[String]] = []
        for path in ScenarioLoader.bundledScenarios(in: directory) {
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            do {
                let spec = try ScenarioLoader.load(path: path)
                let marker = name == ScenarioLoader.defaultScenario ? " (default)" : ""
                rows.append([name + marker, "\(spec.script.count) steps", spec.title, spec.story])
            } catch {
                rows.append([name, "invalid", "run: streamstage validate \(path)", ""])
            }
        }
        for row in rows {
            print("\(row[0].padding(toLength: 34, withPad: " ", startingAt: 0))\(row[1].padding(toLength: 10, withPad: " ", startingAt: 0))\(row[2])")
            if !row[3].isEmpty { print(String(repeating: " ", count: 44) + row[3]) }
        }
    }
}
