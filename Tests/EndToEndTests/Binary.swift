import Foundation

/// The built `streamstage` executable, beside the test bundle (SwiftPM builds it for this target).
enum Binary {
    static var path: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        var folder = beside
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("streamstage").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/streamstage").path
    }

    /// The package folder (the scenarios are in its demo-data/).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs the binary to completion; returns its exit status, standard output and standard error.
    ///
    /// Output goes through files, not pipes: a tmux server started meanwhile by another test
    /// inherits open descriptors, and a pipe it holds would never reach end-of-file.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        try runTool(path, arguments, environment: environment)
    }

    /// Runs another program (an oracle) the same way, from the package folder.
    static func runTool(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, out: String, err: String)
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamstage-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out")
        let errURL = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return (process.terminationStatus, try String(contentsOf: outURL, encoding: .utf8), try String(contentsOf: errURL, encoding: .utf8))
    }
}
