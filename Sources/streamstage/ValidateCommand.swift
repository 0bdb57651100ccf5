import ArgumentParser
import Foundation
import Scenario
import Simulation

/// `streamstage validate FILE...`: checks scenario files without running them, or with
/// `--rehearse` also plays each script headless and names the steps an audience would miss.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check scenario files without running them (exit 2 on any problem).")

    @Argument(help: "Scenario files (or names from demo-data/); with --rehearse, every demo-data/ scenario when none is named.")
    var files: [String] = []

    @Flag(help: "Also play each script headless: name each step whose `when` already holds when it begins, or that ends before its narration can be read.")
    var rehearse = false

    func validate() throws {
        if files.isEmpty, !rehearse { throw ValidationError("name at least one scenario file") }
    }

    func run() throws {
        var problems = 0
        for file in try scenarios() {
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
                guard rehearse else {
                    print("\(path): ok — \(spec.title) (\(spec.script.count) steps)")
                    continue
                }
                problems += rehearsal(of: spec, path: path)
            } catch {
                for problem in error.errors { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
                problems += error.errors.count
            }
        }
        if problems > 0 { throw ExitCode(2) }
    }

    /// The files named, or with `--rehearse` and none named, every scenario in demo-data/.
    private func scenarios() throws(UserFacingError) -> [String] {
        guard files.isEmpty else { return files }
        guard let directory = ScenarioLocator.dataDirectory else {
            throw UserFacingError(message: "no scenario named and no demo-data/ folder was found (set STREAMSTAGE_DATA)")
        }
        return ScenarioLoader.bundledScenarios(in: directory)
    }

    /// Rehearses one valid scenario and reports it; returns the number of problems found.
    private func rehearsal(of spec: ScenarioSpec, path: String) -> Int {
        let findings: [RehearsalFinding]
        do {
            findings = try Engine.rehearsal(of: spec)
        } catch {
            FileHandle.standardError.write(Data("\(path): \(error.description)\n".utf8))
            return 1
        }
        for finding in findings {
            FileHandle.standardError.write(Data("\(finding.error(in: spec, file: path))\n".utf8))
        }
        if findings.isEmpty {
            print("\(path): ok — \(spec.title) (\(spec.script.count) steps, rehearsed: every step shows its point)")
        }
        return findings.count
    }
}
