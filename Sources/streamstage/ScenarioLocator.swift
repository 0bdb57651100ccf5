import Foundation
import Scenario

/// Finds scenarios: a path, or a name in the `demo-data/` folder.
enum ScenarioLocator {
    /// The demo-data folder: `$STREAMSTAGE_DATA`, `./demo-data`, or `demo-data/` beside an
    /// ancestor folder of the executable (so `swift run` and a built binary both find it).
    static var dataDirectory: String? {
        let manager = FileManager.default
        if let custom = ProcessInfo.processInfo.environment["STREAMSTAGE_DATA"], isDirectory(custom) { return custom }
        let local = manager.currentDirectoryPath + "/demo-data"
        if isDirectory(local) { return local }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("demo-data").path
            if isDirectory(candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// The file for `nameOrPath` (default: the default scenario), or a user-facing error.
    static func path(for nameOrPath: String?) throws(UserFacingError) -> String {
        let name = nameOrPath ?? ScenarioLoader.defaultScenario
        if FileManager.default.fileExists(atPath: name) { return name }
        guard let directory = dataDirectory else {
            throw UserFacingError(message: "no scenario '\(name)': not a file, and no demo-data/ folder was found (set STREAMSTAGE_DATA)")
        }
        if let path = ScenarioLoader.resolve(name, in: directory) { return path }
        let known = ScenarioLoader.bundledScenarios(in: directory).map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        throw UserFacingError(message: "no scenario '\(name)': expected a file path or one of: \(known.joined(separator: ", "))")
    }

    /// Loads and validates a scenario, turning problems into one user-facing error.
    static func load(_ nameOrPath: String?) throws(UserFacingError) -> (spec: ScenarioSpec, path: String) {
        let path = try path(for: nameOrPath)
        do {
            return (try ScenarioLoader.load(path: path), path)
        } catch {
            throw UserFacingError(message: "\(error.errors.count) problem\(error.errors.count == 1 ? "" : "s") in \(path):\n\(error.description)")
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
