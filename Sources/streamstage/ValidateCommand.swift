import ArgumentParser
import Foundation
import Scenario

/// `streamstage validate FILE...`: checks scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check scenario files without running them (exit 2 on any problem).")

    @Argument(help: "Scenario files (or names from demo-data/).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one scenario file") }
    }

    func run() throws {
        var problems = 0
        for file in files {
            let path: String
            do {
                path = try ScenarioLocator.path(for: file)
            } catch {
                FileHandle.standardError.write(Data("\(file): \(error.message)\n".utf8))
                problems += 1
                continue
            }
            do {
                let spec = try ScenarioLoader.load(path: path)
                print("\(path): ok — \(spec.title) (\(spec.script.count) steps)")
            } catch {
                for problem in error.errors { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
                problems += error.errors.count
            }
        }
        if problems > 0 { throw ExitCode(2) }
    }
}
